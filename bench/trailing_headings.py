"""Issue 15: a mellemrubrik typed as the last text line of the preceding §'s last stk. Lists, over
every LexDania document of the corpus, each § whose last stk ends in a line that looks like a heading
(no final punctuation, starts with a capital, not a list item, table or amount), with counts per
shape: where the line stands (an Exitus of its own after the stk's text, or the last Linea of the
stk's text) and what the next § has (the same heading = a duplicate; no heading; another heading;
no next §). Reads the raw XML, not our tree, so it shows the documents as they are.

    .venv/bin/python bench/trailing_headings.py [--list] [--shape SHAPE]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scorecard import unpack  # noqa: E402

from lovkons.parsers.xml_text import element_text, label_of  # noqa: E402

_NUMBER = re.compile(r"\d+\.")  # "5." standing before a numbered heading
_END = tuple(".:;,»«)!?\"'")


def _headings(root: etree._Element) -> dict[etree._Element, list[str]]:
    """Paragraf → the Rubrica texts that head it: those standing before it outside any § (of a
    ParagrafGruppe, Kapitel, …) since the § before it, and its own Rubrica children."""
    out: dict[etree._Element, list[str]] = {}
    pending: list[str] = []
    for el in root.iter("Paragraf", "Rubrica"):
        if el.tag == "Paragraf":
            own = [element_text(r) for r in el if r.tag == "Rubrica"]
            out[el] = [*pending, *own]
            pending = []
        elif not any(a.tag == "Paragraf" for a in el.iterancestors()):
            pending.append(element_text(el))
    return out


def _looks_like_heading(line: str) -> bool:
    return bool(line) and line[0].isupper() and not line.endswith(_END) and not line[:1].isdigit()


def candidates(path: Path) -> list[tuple[str, str, str, str]]:
    """(§ label, shape, next, the line) for each § of the file whose last stk ends in a heading-like line."""
    root = etree.parse(str(path)).getroot()
    heads = _headings(root)
    pars = list(heads)
    out = []
    for i, par in enumerate(pars):
        stks = [c for c in par if c.tag == "Stk"]
        if not stks:
            continue
        kids = [c for c in stks[-1] if isinstance(c.tag, str) and c.tag != "Explicatus"]
        if not kids or kids[-1].tag != "Exitus":
            continue
        last = kids[-1]
        lineas = [c for c in last if c.tag == "Linea"]
        if not lineas or len(lineas) != len(last):
            continue  # a note, list or table inside the Exitus
        line = element_text(lineas[-1])
        if not _looks_like_heading(line):
            continue
        numbered = len(lineas) == 2 and _NUMBER.fullmatch(element_text(lineas[0]))
        if (len(lineas) == 1 or numbered) and len(kids) > 1:  # (else the stk's only text)
            line = element_text(last)
            shape = "own Exitus" + (" 'N.' + line" if numbered else "")
        elif len(lineas) == 1:
            continue  # the stk's only text
        else:
            prev = element_text(lineas[-2])
            shape = "last Linea" + (" after ':'" if prev.endswith(":") else "")
        nxt = pars[i + 1] if i + 1 < len(pars) else None
        if nxt is None:
            where = "no next §"
        elif line in heads[nxt]:
            where = "= next §'s heading"
        elif not heads[nxt]:
            where = "next § has no heading"
        else:
            where = "next § has another heading"
        label = label_of(next((c for c in par if c.tag == "Explicatus"), None))
        out.append((label, shape, where, line))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print every hit")
    ap.add_argument("--shape", default="", help="print only hits whose shape/next contains this")
    args = ap.parse_args()
    paths = sorted((unpack() / "love").rglob("*.xml"))
    counts: Counter[tuple[str, str]] = Counter()
    for path in paths:
        for label, shape, where, line in candidates(path):
            counts[shape, where] += 1
            if args.list and args.shape in f"{shape} {where}":
                print(f"{path.stem}\t{label}\t{shape}\t{where}\t{line}")
    print(f"{len(paths)} documents")
    for (shape, where), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{n:6d}  {shape:32} {where}")


if __name__ == "__main__":
    main()
