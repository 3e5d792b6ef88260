"""What the official consolidations (LBK) print where an instruction repealed a stk., nr. or litra: the
measurement behind the "(Ophævet)" placeholder convention (issue 15).

For every repeal of a stk./nr./litra applied in the 195 development cases, the unit's number is looked up in
the LBK's § and counted as: "placeholder" (the LBK prints "Stk. 6. (Ophævet)"), "absent" (no unit with
that number: dropped, as the last unit, or the § itself gone), "reused" (the number holds another text: the
followers moved up, or a later insertion took it). Each is split by whether the item carries a
rykningsklausul ("Stk. 7 bliver herefter stk. 6"), whether the unit was the last of its list in the base,
and by the amending act's year. `--list` prints every repeal with its verdict.

Run: .venv/bin/python bench/repealed_units.py [--only cases|corpus] [--list]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_runs import eval_runs  # noqa: E402
from scorecard import corpus_manifests  # noqa: E402

from lovkons.amender.tree import PLACEHOLDER, label_key  # noqa: E402
from lovkons.model.address import AddressError, Level, parse_address  # noqa: E402
from lovkons.model.document import Kind, Node  # noqa: E402
from lovkons.review.units import paragraf_nodes  # noqa: E402

_KIND = {Level.STK: Kind.STK, Level.NR: Kind.NR, Level.LITRA: Kind.LITRA}
# "Stk. 7 bliver herefter stk. 6." / "Nr. 4 og 5 bliver herefter nr. 3 og 4." / "…, der bliver stk. 4,"
_CLAUSE = regex.compile(r"\b(?:bliver|bliver\s+herefter)\s+(?:til\s+)?(?:stk|nr|litra)\b|\bbliver\s+herefter\b",
                        regex.IGNORECASE)


def _child(node: Node | None, kind: Kind, label: str) -> tuple[Node | None, list[Node]]:
    """The child of `kind` labelled `label` (stk. 1 may be unlabelled) and all children of that kind."""
    if node is None:
        return None, []
    kids = [c for c in node.children if c.kind is kind]
    for i, c in enumerate(kids):
        if label_key(c.label) == label_key(label) or _in_range(c.label, label) or (c.label in (None, "") and kind is Kind.STK and i == 0
                                                      and label == "1"):
            return c, kids
    return None, kids


def _in_range(held: str | None, label: str) -> bool:
    """"Stk. 2-4. (Ophævet)" (LBK 1253/2013 § 155): one placeholder for a run of numbers."""
    m = regex.fullmatch(r"(\d+)\s*-\s*(\d+)", held or "")
    return bool(m) and label.isdigit() and int(m[1]) <= int(label) <= int(m[2])


def _walk(par: Node | None, steps: list[tuple[Level, str]]) -> tuple[Node | None, list[Node], Node | None]:
    """(the unit, its siblings of the same kind, its holder) along stk./nr./litra steps below the §."""
    node, kids, holder = par, [], None
    for level, label in steps:
        holder = node
        node, kids = _child(node, _KIND[level], label)
        if node is None:
            return None, kids, holder
    return node, kids, holder


def _last(was: Node | None, siblings: list[Node], steps: list[tuple[Level, str]], gone: set[str]) -> str:
    """"last" when no unit follows it in the base that the same item does not repeal too ("stk. 12 og 13
    ophæves"), "not last", or "?" (not found in the base)."""
    if was is None:
        return "?"
    prefix = [f"§ {steps[0][1]}", *(f"litra {lb}" if lv is Level.LITRA else f"{lv.value}. {lb}" for lv, lb in steps[1:-1])]
    after = siblings[next((i for i, c in enumerate(siblings) if c is was), len(siblings)) + 1:]

    def named(c: Node) -> str:
        step = f"litra {c.label}" if c.kind is Kind.LITRA else f"{c.kind.value}. {c.label}"
        return label_key(", ".join([*prefix, step]))

    return "last" if all(named(c) in gone for c in after) else "not last"


def verdicts(paths: list[Path]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for manifest, run in eval_runs(paths):
        assert run.expected is not None
        base, expected = paragraf_nodes(run.base), paragraf_nodes(run.expected)
        by_item: dict[str, set[str]] = {}
        for applied in run.result.applied:
            if applied.op == "repeal":
                by_item.setdefault(str(applied.source), set()).add(label_key(applied.target))
        ministry = run.expected.meta.ministry or "?"
        for applied in run.result.applied:
            if applied.op != "repeal":
                continue
            try:
                address = parse_address(applied.target)
            except AddressError:
                continue
            steps = list(address.steps)
            if len(steps) < 2 or steps[0][0] is not Level.PARAGRAF or any(lv not in _KIND for lv, _ in steps[1:]):
                continue
            key = label_key(steps[0][1])
            was, siblings, _ = _walk(base.get(key), steps[1:])
            last = _last(was, siblings, steps, by_item[str(applied.source)])
            now, _, holder = _walk(expected.get(key), steps[1:])
            if holder is None and expected.get(key) is None:
                verdict = "absent (§ gone)"
            elif now is None:
                verdict = "absent"
            elif not now.children and PLACEHOLDER.fullmatch((now.text or "").strip()):
                verdict = "placeholder"
            else:
                verdict = "reused"
            clause = "clause" if _CLAUSE.search(applied.source.text or "") else "no clause"
            year = regex.search(r"/(\d{4})", applied.source.document)
            rows.append({"case": manifest.name, "target": applied.target, "act": str(applied.source),
                         "year": year[1] if year else "?", "verdict": verdict, "last": last, "clause": clause,
                         "level": steps[-1][0].value, "ministry": ministry})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=("cases", "corpus"))
    ap.add_argument("--list", action="store_true", help="print every repeal with its verdict")
    args = ap.parse_args()
    paths: list[Path] = []
    if args.only != "cases":
        paths += corpus_manifests()
    if args.only != "corpus":
        paths += sorted((ROOT / "tests" / "cases").glob("*.yaml"))
    rows = verdicts(paths)
    if args.list:
        for r in rows:
            print(f"{r['verdict']:16} {r['last']:8} {r['clause']:9} {r['case']} {r['target']}  ({r['act']}; "
                  f"{r['ministry']})")
    for r in rows:
        r["last and clause"] = f"{r['last']}, {r['clause']}"
    for by in ("last and clause", "level", "year", "ministry"):
        table = Counter((r[by], r["verdict"]) for r in rows)
        print(f"\nby {by}:")
        for value in sorted({r[by] for r in rows}):
            counts = ", ".join(f"{v} {n}" for (b, v), n in sorted(table.items()) if b == value)
            print(f"  {value:20} {counts}")
    print(f"\n{len(rows)} repeals of a stk./nr./litra: "
          + ", ".join(f"{v} {n}" for v, n in Counter(r["verdict"] for r in rows).most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
