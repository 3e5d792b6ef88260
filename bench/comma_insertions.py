"""Where the comma goes when words are inserted after an anchor that ends in a comma (issue 15).

"I § 30, stk. 1, 1. pkt., indsættes efter »§ 27, stk. 2,«: »eller § 27 a«" (LOV 378/2013 § 1, nr. 8) reads
literally "§ 27, stk. 2, eller § 27 a meddelt"; LBK 1216/2013 prints "§ 27, stk. 2 eller § 27 a, meddelt".
Is that a convention? Every insertion of the corpus's amending acts "efter »…,«" whose new text begins
with a conjunction (eller/og/samt/henholdsvis) is looked up in every LBK of the corpus: printed as written
(literal), or with the comma moved after the new words (moved), or in none (the text changed since, or no
LBK of the corpus restates it). `--cases` limits the acts to the amendments of the 195 development cases
and looks only in each case's own LBK. Reads ../shared only through bench/.corpus (scorecard.py unpacks it).

    .venv/bin/python bench/comma_insertions.py [--cases]
"""

from __future__ import annotations

import html
import sys
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lovkons.amender.manifest import load_manifest  # noqa: E402
from lovkons.model.document import LovkonsError  # noqa: E402
from lovkons.model.edits import InsertText  # noqa: E402
from lovkons.parsers.instructions import read_amending_file  # noqa: E402

CORPUS = ROOT / "bench" / ".corpus"
CONJUNCTION = regex.compile(r"^(?:eller|og|samt|henholdsvis)\b")
CITATION = regex.compile(r"^(?:eller|og|samt|henholdsvis)\s+(?:§§?|stk\.|nr\.|litra|artikel|\d)")


def _flat(path: Path) -> str:
    text = regex.sub(r"<[^>]+>", " ", path.read_bytes().decode("utf-8", "replace"))
    return regex.sub(r"\s+", " ", html.unescape(text))


def _insertions(path: Path, part: str | None = None) -> list[tuple[str, str, str]]:
    try:
        doc = read_amending_file(path)
    except LovkonsError:
        return []
    out = []
    for block in doc.changes:
        if part and part.replace("§", "").strip() != str(block.paragraf).strip():
            continue
        for item in block.items:
            for op in item.operations:
                if (isinstance(op, InsertText) and op.position == "after" and op.anchor.strip().endswith(",")
                        and CONJUNCTION.match(op.new.strip())):
                    out.append((f"{path.stem} § {block.paragraf}, nr. {item.number}", op.anchor.strip(), op.new.strip()))
    return out


def _verdict(anchor: str, new: str, texts: dict[str, str]) -> tuple[str, list[str]]:
    literal, moved = f"{anchor} {new}", f"{anchor[:-1].rstrip()} {new},"
    lit = [k for k, t in texts.items() if literal in t]
    mov = [k for k, t in texts.items() if moved in t]
    return ("moved" if mov and not lit else "literal" if lit else "none"), (mov or lit)


def main() -> int:
    rows: list[tuple[str, str, str, str, list[str]]] = []
    if "--cases" in sys.argv:
        manifests = sorted((ROOT / "tests" / "cases").glob("*.yaml")) + sorted((CORPUS / "manifests").glob("*.yaml"))
        for m in manifests:
            man = load_manifest(m, follow_links=True)
            if man.expected is None:
                continue
            texts = {man.expected.stem: _flat(man.expected)}
            for a in man.amendments:
                rows += [(where, anc, new, *_verdict(anc, new, texts)) for where, anc, new in _insertions(a.path, a.part)]
    else:
        files = sorted((CORPUS / "love").rglob("*.xml"))
        lbks = {p.stem: _flat(p) for p in files if b"<DocumentType>LBK" in p.read_bytes()[:3000]}
        for p in files:
            if p.stem not in lbks:
                rows += [(where, anc, new, *_verdict(anc, new, lbks)) for where, anc, new in _insertions(p)]
    for where, anc, new, verdict, seen in rows:
        shape = "citation" if CITATION.match(new) else "words"
        tail = "new ends in ','" if new.endswith(",") else "new without ','"
        print(f"{verdict:8} {shape:8} {tail:16} {where} | »…{anc[-30:]}« + »{new[:40]}« | {' '.join(seen[:3])}")
    counts = Counter((r[3], "citation" if CITATION.match(r[2]) else "words", r[2].endswith(",")) for r in rows)
    print("\n(verdict, new text, new ends in a comma): count")
    for key, n in sorted(counts.items()):
        print(f"  {key}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
