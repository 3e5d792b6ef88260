"""Instruction coverage: how many numbered items of amending documents are read into at least one edit
operation, which are not (file, item, shape), and how far the routes agree.

Documents (tests/data): every amending law (LOV Æ) under tests/data/laws in both routes (LexDania XML
and the .txt extraction), every BEK Æ under tests/data/bek in its three routes (Retsinformation HTML,
API JSON, .txt), and seed 003 (a messy PDF text). Agreement: items whose operations (contract JSON,
payload included) are identical in the .txt and XML route of the same law, and in the three BEK routes.

--corpus adds the whole 2010-2017 corpus (every document of ../shared/data/corpus/love-2010-2017.tar.xz
that reads as an amending act, unpacked by bench/scorecard.py into bench/.corpus/) and every line of
../shared/data/instructions/*.txt (the AendringDefinition sentences without their new text: a line that
ends in a colon gets a placeholder »…« as its payload; "(Udelades)" and "(Ophævet)" lines are not instructions).
The unread ones are grouped by shape: the sentence with quotes as »…« and numbers as N.

Run: .venv/bin/python bench/instruction_coverage.py [--corpus] [--list] [--top N]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lovkons.model.edits import AmendingDocument, Item  # noqa: E402
from lovkons.parsers.instructions import read_amending_file  # noqa: E402
from lovkons.renderers.instructions_out import operation_json  # noqa: E402

DATA = ROOT / "tests" / "data"
BEK_ROUTES = (".html", ".retsinfo-api.json", ".txt")


@dataclass(frozen=True, slots=True)
class Unparsed:
    route: str
    file: str
    paragraf: str
    item: int
    text: str

    @property
    def shape(self) -> str:
        return shape(self.text)


def amending_laws() -> list[Path]:
    laws = sorted((DATA / "laws").glob("LOV-*/*.xml"))
    return [p for p in laws if "LOV Æ" in p.read_text(encoding="utf-8-sig")[:3000]]


def bek_ae() -> list[str]:
    """The BEK Æ in tests/data/bek (INDEX.csv kind "ændringsbekendtgørelse")."""
    rows = (DATA / "bek" / "INDEX.csv").read_text(encoding="utf-8").splitlines()[1:]
    return sorted(r.split(",")[0] for r in rows if ",ændringsbekendtgørelse," in r)


def documents() -> Iterator[tuple[str, Path]]:
    """(route, path) of every amending document measured."""
    laws = amending_laws()
    yield from (("LOV Æ xml", p) for p in laws)
    yield from (("LOV Æ txt", p.with_suffix(".txt")) for p in laws)
    for name in bek_ae():
        for suffix in BEK_ROUTES:
            yield f"BEK Æ {suffix.split('.')[-1]}", DATA / "bek" / name / f"{name}{suffix}"
    yield from (("seed 003", p) for p in sorted((DATA / "seeds").glob("003_*.txt")))


def items(doc: AmendingDocument) -> list[tuple[str, Item]]:
    return [(block.paragraf, item) for block in doc.changes for item in block.items]


# A short label of what an unparsed item looks like, by its wording; the first rule that fits wins.
_SHAPES: tuple[tuple[str, str], ...] = (
    ("items merged (text route lost an item start)", r"[.«]\s+\d{1,3}\.\s+(?:I\s+)?(?:§\s*)?\d+\s*[a-z]?,"),
    ("heading glued to the item (text route)", r"[.«]\s+(?:Ministeriet|[A-ZÆØÅ]\p{Ll}+ministeriet|Ikrafttræden)\b"),
    ("several targets, each with its own »der bliver«", r"der bliver.*der bliver"),
    ("renumbering sentence after the operation", r"\bbliver herefter\b"),
    ("several text changes with different verbs", r"(?:udgår|ændres|indsættes).*,\s+og\s+.*(?:udgår|ændres|indsættes)"),
    ("several quoted replacements (»A« til »B«, »C« til »D«)", r"ændres\s+»[^«]*«\s+til:?\s+»[^«]*«,\s+»"),
    ("target below bilag level (punkt, tabel)", r"^Bilag\s+\d+\s*,\s*(?:punkt|afsnit|tabel)"),
    ("»der bliver« on a list of targets", r"der bliver"),
)


def shape(text: str) -> str:
    for label, pattern in _SHAPES:
        if regex.search(pattern, text):
            return label
    verb = regex.search(r"\b(affattes|ophæves|indsættes|ændres|udgår|nyaffattes)\b", text)
    return f"other ({verb[1] if verb else 'no verb'})"


def _ops(doc: AmendingDocument) -> list[list[dict[str, object]]]:
    return [[operation_json(op) for op in item.operations] for _, item in items(doc)]


def measure() -> tuple[dict[str, list[int]], list[Unparsed], tuple[int, int], tuple[int, int]]:
    per_route: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # documents, items, parsed
    unparsed: list[Unparsed] = []
    read: dict[Path, AmendingDocument] = {}
    for route, path in documents():
        doc = read[path] = read_amending_file(path)
        row = per_route[route]
        row[0] += 1
        for paragraf, item in items(doc):
            row[1] += 1
            row[2] += bool(item.operations)
            if not item.operations:
                unparsed.append(Unparsed(route, path.name, paragraf, item.number, " ".join(item.text.split())))
    law_same = law_total = 0
    for xml in amending_laws():
        a, b = _ops(read[xml]), _ops(read[xml.with_suffix(".txt")])
        law_total += len(a)
        law_same += sum(1 for x, y in zip(a, b, strict=False) if x == y)
    bek_same = bek_total = 0
    for name in bek_ae():
        routes = [_ops(read[DATA / "bek" / name / f"{name}{s}"]) for s in BEK_ROUTES]
        bek_total += len(routes[0])
        bek_same += sum(1 for row in zip(*routes, strict=False) if all(r == row[0] for r in row))
    return dict(per_route), unparsed, (law_same, law_total), (bek_same, bek_total)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:6.2f} %" if b else "      -"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print every unparsed item")
    ap.add_argument("--corpus", action="store_true", help="also the 2010-2017 corpus and the instruction lines")
    ap.add_argument("--top", type=int, default=25, help="unread shapes shown for the corpus (default 25)")
    args = ap.parse_args()
    if args.corpus:
        from corpus_coverage import report  # bench/corpus_coverage.py

        report(top=args.top, every=args.list)
        print()
    per_route, unparsed, (law_same, law_total), (bek_same, bek_total) = measure()
    print(f"{'route':<14}{'docs':>6}{'items':>8}{'read':>8}{'share':>10}")
    total = [0, 0, 0]
    for route, (docs, n, ok) in per_route.items():
        print(f"{route:<14}{docs:>6}{n:>8}{ok:>8}{_pct(ok, n):>10}")
        total = [total[0] + docs, total[1] + n, total[2] + ok]
    print(f"{'all':<14}{total[0]:>6}{total[1]:>8}{total[2]:>8}{_pct(total[2], total[1]):>10}")
    print(f"\nagreement .txt vs XML (LOV Æ): {law_same}/{law_total} items identical ({_pct(law_same, law_total).strip()})")
    print(f"agreement html/json/.txt (BEK Æ): {bek_same}/{bek_total} items identical ({_pct(bek_same, bek_total).strip()})")
    print(f"\nunparsed items by shape ({len(unparsed)}):")
    by_shape: dict[str, list[Unparsed]] = defaultdict(list)
    for u in unparsed:
        by_shape[u.shape].append(u)
    for label, count in Counter({k: len(v) for k, v in by_shape.items()}).most_common():
        print(f"{count:>5}  {label}")
        for u in by_shape[label] if args.list else by_shape[label][:3]:
            print(f"         {u.file} § {u.paragraf}, nr. {u.item}: {u.text[:90]}")
        if not args.list and count > 3:
            print(f"         … {count - 3} more (--list)")


if __name__ == "__main__":
    main()
