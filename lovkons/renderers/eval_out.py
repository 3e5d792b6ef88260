"""Stage 3 (renderers): eval scores (review.evaluate.CaseScore) → the JSON object and the table with
the editorial substitutions below it."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from lovkons.renderers.console import render
from lovkons.renderers.json_out import stamped
from lovkons.review.editorial import untokens
from lovkons.review.evaluate import CaseScore, total


def score_json(s: CaseScore) -> dict[str, object]:
    return {
        "case": s.name, "touched": s.touched, "touched_identical": s.touched_ok,
        "touched_identical_editorial": s.touched_adjusted, "untouched": s.untouched,
        "untouched_preserved": s.untouched_ok, "untouched_damaged": s.untouched_damaged,
        "spurious": s.spurious, "wrong_refused": s.refused, "wrong_silent": s.silent,
        "wrong_rename": s.renamed, "wrong_rename_touched": s.renamed_touched, "ressort_renames": s.renames,
        "ressort_paragraphs": s.renamed_paragraphs,
        "wrong_editorial": s.editorial, "wrong_typo_fix": s.typo_fixed,
        "wrong_uninstructed": s.uninstructed, "wrong_act_mended": s.act_mended, "wrong_unexplained": s.unexplained,
        "wrong_unexplained_punctuation": s.unexplained_punctuation,
        "wrong_uninstructed_units": s.uninstructed_units,
        "wrong_uninstructed_words": s.uninstructed_words,
        "wrong_unexplained_outside": s.unexplained_outside,  # the same count, the field's old name
        "touched_instructed": s.touched_instructed, "touched_instructed_identical": s.touched_instructed_ok,
        "applied": s.applied, "errors": s.errors, "warnings": s.warnings,
        "wrong": [{"paragraf": w.label, "touched": w.touched, "refused": w.refused, "editorial": w.editorial,
                   "instructed": w.instructed, "category": w.category, "why": w.why or w.category,
                   "outside": w.outside, "untouched_words": w.untouched_words,
                   "units": [{"unit": u.label, "addressed": u.addressed, "aligned": u.aligned, "lbk_edit": u.lbk_edit}
                             for u in w.units],
                   # what the act says (ours, verbatim in its source) and what the LBK prints, per difference
                   **({"act_mended": [{"unit": m.unit, "instruction": m.source, "act_says": m.act_says,
                                       "lbk_prints": m.lbk_prints} for m in w.mended]} if w.mended else {}),
                   **({"not_act_mended": w.unmended} if w.category == "unexplained" and w.unmended else {})}
                  for w in s.wrong],
        "editorial_substitutions": [{"official": untokens(old), "lbk": untokens(new)} for old, new in s.substitutions],
    }  # fmt: skip


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "–"


def table(scores: list[CaseScore]) -> Table:
    t = Table(title="lovkons eval: consolidation vs. official LBK, § by §")
    # wrong §§: refused + silent, silent = rename + editorial + typo-fix + uninstructed + act-mended + unexplained;
    # "renamed" = names the ressort layer changed (not a wrong § count); "unit grain" is the part of
    # "uninstructed" decided per unit (every differing unit unaddressed and left as the base had it);
    # "word grain" the part decided per word (an addressed unit differs only where ours is the base's,
    # review.untouched); "act-mended": inside text an instruction wrote the LBK prints other words than the
    # act's, ours being the act's (review.mended);
    # "punct." is the part of "unexplained" whose only difference is punctuation
    for col in ("case", "touched ok", "%", "+editorial", "instructed ok", "untouched ok", "damaged",
                "spurious", "refused", "silent", "rename", "editorial", "typo-fix", "uninstructed",
                "unit grain", "word grain", "act-mended", "unexplained", "punct.", "applied", "renamed", "errors"):
        t.add_column(col, justify="left" if col == "case" else "right", no_wrap=True)
    for s in [*scores, total(scores)]:
        t.add_row(Text(s.name), f"{s.touched_ok}/{s.touched}", _pct(s.touched_ok, s.touched),
                  _pct(s.touched_adjusted, s.touched),
                  f"{s.touched_instructed_ok}/{s.touched_instructed} {_pct(s.touched_instructed_ok, s.touched_instructed)}", f"{s.untouched_ok}/{s.untouched}", str(s.untouched_damaged),
                  str(s.spurious), str(s.refused), str(s.silent), str(s.renamed), str(s.editorial),
                  str(s.typo_fixed), str(s.uninstructed), str(s.uninstructed_units), str(s.uninstructed_words),
                  str(s.act_mended), str(s.unexplained),
                  str(s.unexplained_punctuation), str(s.applied), str(s.renames),
                  str(s.errors),
                  style="bold" if s.name == "TOTAL" else None)  # fmt: skip
    return t


def substitutions_text(scores: list[CaseScore]) -> str:
    """The editorial substitutions per case (what "editorial" forgave), one line each."""
    lines = ["Editorial substitutions (the LBK made them in ≥ 2 §§ no instruction touched; shown, never applied):"]
    for s in scores:
        lines += [f"  {s.name}: »{untokens(old)}« → »{untokens(new)}«" for old, new in s.substitutions]
    return "\n".join(lines if len(lines) > 1 else [*lines, "  (none)"])




def eval_json(scores: list[CaseScore]) -> dict[str, Any]:
    """{schema, cases, total} (schema lovkons.eval/1)."""
    return stamped("eval", {"cases": [score_json(s) for s in scores], "total": score_json(total(scores))})


def eval_text(scores: list[CaseScore], *, color: bool = False, terminal: bool = False) -> str:
    return render(table(scores), Text(substitutions_text(scores)), color=color, terminal=terminal)
