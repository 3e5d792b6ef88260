"""The "unexplained" wrong §§ of the 195 development cases (instructed, no error), grouped by a likely
cause, each group with its count and examples: the worklist of the fidelity issue (15).

Each wrong § goes in the first group that fits: punctuation only; table cells (the LBK reader keeps "|",
an act's payload has none); only in units no instruction addressed; letter case only; the LBK did not
apply (or reworded) an instruction we applied; we did not apply an instruction the LBK applied; the LBK
prints a payload other than the act's; else one small difference or several. The groups are hints for
reading, not verdicts: read the § (`--show`) before calling a group the LBK's or ours. A § that differs
only in units no instruction addressed (and we left as the base had them) is "uninstructed" at unit grain
since text11 (review.units.outside), and one whose addressed units differ only at words no instruction
touched is "uninstructed" at word grain since eval15 (review.untouched); `--category uninstructed` groups
those under these names. One whose every difference lies inside text an instruction wrote, where ours is
the act's own text (its source read raw) and the LBK prints other words, is "act-mended" since eval17
(review.mended): `--category act-mended --show ""` lists them with what the act says and what the LBK
prints; `--why` groups the unexplained by the reason each is not act-mended (the guard that held).

Run: .venv/bin/python bench/wrong_groups.py [--only cases|corpus] [--show GROUP-WORD] [--category C] [--why]
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_runs import eval_runs  # noqa: E402
from scorecard import corpus_manifests  # noqa: E402

from lovkons.amender.tree import label_key  # noqa: E402
from lovkons.model.document import Level  # noqa: E402
from lovkons.model.edits import AmendingDocument, Insert, InsertText, Operation, Replace, ReplaceText  # noqa: E402
from lovkons.ressort.layer import consolidated_at  # noqa: E402
from lovkons.review.evaluate import CaseScore, Wrong, score  # noqa: E402


def _n(text: str | None) -> str:
    return " ".join((text or "").split())


def _ops_by_paragraf(orders: Sequence[AmendingDocument]) -> dict[str, list[Operation]]:
    out: dict[str, list[Operation]] = defaultdict(list)
    for order in orders:
        for block in order.changes:
            for item in block.items:
                for op in item.operations:
                    par = op.target.label_of(Level.PARAGRAF)
                    if par:
                        out[label_key(par)].append(op)
    return out


def _by_instruction(wrong: Wrong, ops: list[Operation]) -> str | None:
    """A group read from the instructions on the §: whose text ended where."""
    e, g = _n(wrong.expected), _n(wrong.got)
    for op in ops:
        new = _n(op.new) if isinstance(op, ReplaceText | InsertText) else ""
        if new and new in g and new not in e:
            return "the LBK did not apply (or reworded) an instruction we applied"
        if new and new in e and new not in g:
            return "we did not apply an instruction the LBK applied"
        if isinstance(op, Replace | Insert) and op.payload:
            texts = [_n(x.text) for node in op.payload for x in node.walk() if len(_n(x.text)) > 30]
            if any(t in g and t not in e for t in texts):
                return "the LBK prints a payload other than the act's"
            if any(t in e and t not in g for t in texts):
                return "we did not apply a payload the LBK applied"
    return None


def group(wrong: Wrong, ops: list[Operation]) -> str:
    e, g = _n(wrong.expected), _n(wrong.got)
    if wrong.untouched_words:
        return "only at words no instruction touched (the LBK's own edit)"
    if wrong.punctuation_only:
        return "punctuation only"
    if "|" in e and "|" not in g:
        return "table cells (the LBK keeps |)"
    if wrong.outside:
        return "only in units no instruction addressed"
    if e.lower() == g.lower():
        return "letter case only"
    found = _by_instruction(wrong, ops)
    if found:
        return found
    a, b = e.split(), g.split()
    changes = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    return "one small difference" if len(changes) == 1 else "several differences"


def why(wrong: Wrong) -> str:
    """The kind of reason a § is not act-mended: "stk. 2: another operation addresses stk. 2: LOV …" →
    "another operation addresses"."""
    reason = wrong.unmended.split(": ", 1)[-1] if ": " in wrong.unmended else wrong.unmended
    for kind in ("another operation", "the LBK's words are", "not in the act", "names an office"):
        if reason.startswith(kind):
            return kind
    return reason.split(":")[0] or "(no reason)"


def diff_line(wrong: Wrong) -> str:
    a, b = _n(wrong.expected).split(), _n(wrong.got).split()
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            parts.append(f"…{' '.join(a[max(0, i1 - 4):i1])} [LBK {' '.join(a[i1:i2])[:80]!r} | ours "
                         f"{' '.join(b[j1:j2])[:80]!r}]")
    return "; ".join(parts[:3])


def scored_runs(paths: Sequence[Path]) -> Iterator[tuple[str, CaseScore, dict[str, list[Operation]]]]:
    """Each manifest's case as `lovkons eval` scores it (the ressort layer on the LBK's day), with the
    operations of its orders by §: (case name, score, operations by §)."""
    for manifest, run in eval_runs(list(paths)):
        assert run.expected is not None
        result, ressort = consolidated_at(run.result, run.expected.meta.date, base=run.base, orders=run.orders)
        case = score(manifest.name, run.base, result, run.expected, orders=run.orders,
                     renames=sum(c.count for c in ressort.changes), renamed=[c.address for c in ressort.changes])
        yield manifest.name, case, _ops_by_paragraf(run.orders)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=("cases", "corpus"))
    ap.add_argument("--category", default="unexplained", help="eval category to group (default unexplained)")
    ap.add_argument("--show", help="print every § of the groups whose name contains this word (\"\": every group)")
    ap.add_argument("--why", action="store_true",
                    help="group the unexplained by why each is not act-mended (review.mended's reason)")
    args = ap.parse_args()
    paths: list[Path] = []
    if args.only != "corpus":
        paths += sorted((ROOT / "tests" / "cases").glob("*.yaml"))
    if args.only != "cases":
        paths += corpus_manifests()
    groups: dict[str, list[str]] = defaultdict(list)
    for name_of_case, case, ops in scored_runs(paths):
        for wrong in case.wrong:
            if wrong.category == args.category:
                name = why(wrong) if args.why else group(wrong, ops.get(wrong.label, []))
                detail = "; ".join(f"{m.unit} [{m.source}] act {m.act_says!r} | LBK {m.lbk_prints!r}"
                                   for m in wrong.mended) or diff_line(wrong)
                groups[name].append(f"{name_of_case} § {wrong.label}: {detail}")
    for name, rows in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(rows):4d}  {name}  ({', '.join(r.split(':')[0] for r in rows[:4])}, …)")
        if args.show is not None and args.show in name:
            for row in rows:
                print(f"        {row}")
    print(f"{sum(map(len, groups.values())):4d}  in all ({args.category})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
