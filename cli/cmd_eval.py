"""Stage 4 (cli): `lovkons eval MANIFEST…|DIR [--format table|json]` — consolidate each case and score
it § by § against the official consolidation (`expected` in the manifest). Exit 0 unless bad input.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.cli.output import EXIT_BAD_INPUT, EXIT_HELP, report_bad_input
from lovkons.model.document import LovkonsError
from lovkons.ressort.layer import consolidated_at
from lovkons.review.editorial import untokens
from lovkons.review.evaluate import CaseScore, score, total


class Format(str, Enum):  # noqa: UP042 - typer needs a str Enum
    table = "table"
    json = "json"


def manifests(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(x for x in p.iterdir() if x.suffix.lower() in (".yaml", ".yml"))
        else:
            out.append(p)
    return out


def score_json(s: CaseScore) -> dict[str, object]:
    return {
        "case": s.name, "touched": s.touched, "touched_identical": s.touched_ok,
        "touched_identical_editorial": s.touched_adjusted, "untouched": s.untouched,
        "untouched_preserved": s.untouched_ok, "untouched_damaged": s.untouched_damaged,
        "spurious": s.spurious, "wrong_refused": s.refused, "wrong_silent": s.silent,
        "wrong_rename": s.renamed, "wrong_rename_touched": s.renamed_touched, "ressort_renames": s.renames,
        "ressort_paragraphs": s.renamed_paragraphs,
        "wrong_editorial": s.editorial, "wrong_typo_fix": s.typo_fixed,
        "wrong_uninstructed": s.uninstructed, "wrong_unexplained": s.unexplained,
        "touched_instructed": s.touched_instructed, "touched_instructed_identical": s.touched_instructed_ok,
        "applied": s.applied, "errors": s.errors, "warnings": s.warnings,
        "wrong": [{"paragraf": w.label, "touched": w.touched, "refused": w.refused, "editorial": w.editorial,
                   "instructed": w.instructed, "category": w.category, "why": w.why or w.category}
                  for w in s.wrong],
        "editorial_substitutions": [{"official": untokens(old), "lbk": untokens(new)} for old, new in s.substitutions],
    }  # fmt: skip


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "–"


def table(scores: list[CaseScore]) -> Table:
    t = Table(title="lovkons eval: consolidation vs. official LBK, § by §")
    # wrong §§: refused + silent, silent = rename + editorial + typo-fix + uninstructed + unexplained;
    # "renamed" = names the ressort layer changed (not a wrong § count)
    for col in ("case", "touched ok", "%", "+editorial", "instructed ok", "untouched ok", "damaged",
                "spurious", "refused", "silent", "rename", "editorial", "typo-fix", "uninstructed",
                "unexplained", "applied", "renamed", "errors"):
        t.add_column(col, justify="left" if col == "case" else "right", no_wrap=True)
    for s in [*scores, total(scores)]:
        t.add_row(s.name, f"{s.touched_ok}/{s.touched}", _pct(s.touched_ok, s.touched),
                  _pct(s.touched_adjusted, s.touched),
                  f"{s.touched_instructed_ok}/{s.touched_instructed} {_pct(s.touched_instructed_ok, s.touched_instructed)}", f"{s.untouched_ok}/{s.untouched}", str(s.untouched_damaged),
                  str(s.spurious), str(s.refused), str(s.silent), str(s.renamed), str(s.editorial),
                  str(s.typo_fixed), str(s.uninstructed), str(s.unexplained), str(s.applied), str(s.renames),
                  str(s.errors),
                  style="bold" if s.name == "TOTAL" else None)  # fmt: skip
    return t


def substitutions_text(scores: list[CaseScore]) -> str:
    """The editorial substitutions per case (what "editorial" forgave), one line each."""
    lines = ["Editorial substitutions (the LBK made them in ≥ 2 §§ no instruction touched; shown, never applied):"]
    for s in scores:
        lines += [f"  {s.name}: »{untokens(old)}« → »{untokens(new)}«" for old, new in s.substitutions]
    return "\n".join(lines if len(lines) > 1 else [*lines, "  (none)"])


def register(app: typer.Typer) -> None:
    @app.command(name="eval", epilog=EXIT_HELP)
    def eval_(
        paths: Annotated[list[Path], typer.Argument(help="Manifests (.yaml) or directories of them.")],
        fmt: Annotated[
            Format,
            typer.Option("--format", "-f", help="table: one row per case and a total; json: {cases, total}."),
        ] = Format.table,
        literal: Annotated[
            bool,
            typer.Option("--literal", help="Score the text as the amending acts leave it, without the ressort layer (ministry and authority renames on the LBK's date)."),
        ] = False,
    ) -> None:
        """Score consolidations against the official consolidated texts, § by §.

        Each manifest needs 'expected' (the official LBK). Refused instructions count as wrong but do not change the exit code.

        A touched § is one where base and LBK differ; "instructed ok" = identical / touched §§ that some instruction (applied, refused or pending) addresses: the figure that measures the amender. Each wrong § has one category, first match wins: refused (an error names it) > rename (only the name of a ministry or authority differs) > editorial (equal once the LBK's own wording changes are undone: a substitution it made in ≥ 2 §§ no instruction touched, "(Udelades)", a moved §) > typo-fix (spacing, hyphenation, glyphs, minister titles) > uninstructed (no instruction addressed the § or anything in it: the LBK changed it on its own) > unexplained (instructed, silent: where amender bugs live).
        """
        scores: list[CaseScore] = []
        found = manifests(paths)
        if not found:
            names = ", ".join(map(str, paths))
            print(f"lovkons: {names}: no manifests (.yaml) found", file=sys.stderr)
            raise typer.Exit(EXIT_BAD_INPUT)
        for path in found:
            try:
                manifest = load_manifest(path)
                if manifest.expected is None:
                    raise LovkonsError("the manifest has no 'expected' document", file=str(path))
                run = run_manifest(manifest, lenient=True)
            except LovkonsError as err:
                report_bad_input(err, path)
                raise typer.Exit(EXIT_BAD_INPUT) from None
            assert run.expected is not None
            # the official text names the ministers in office on its own date: so does ours (unless --literal)
            result, ressort = consolidated_at(run.result, run.expected.meta.date, base=run.base, orders=run.orders,
                                              literal=literal)
            scores.append(score(manifest.name, run.base, result, run.expected, orders=run.orders,
                                renames=sum(c.count for c in ressort.changes),
                                renamed=[c.address for c in ressort.changes]))
        if fmt is Format.json:
            out = {"cases": [score_json(s) for s in scores], "total": score_json(total(scores))}
            sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        else:
            console = Console(width=210)
            console.print(table(scores))
            console.print(substitutions_text(scores), highlight=False, markup=False)
