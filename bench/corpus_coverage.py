"""Instruction coverage over the whole 2010-2017 corpus and the 6,659 instruction lines (see
bench/instruction_coverage.py --corpus, which prints this report first).

Items: every numbered change of every document in bench/.corpus/love/** that reads as an amending act
(an LBK, or a law without any amending provision, is not counted), and every line of
../shared/data/instructions/*.txt. Read = at least one edit operation. Target (issue 15): ≥ 99.9 %.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scorecard import unpack  # noqa: E402

from lovkons.model.document import LovkonsError, Source  # noqa: E402
from lovkons.parsers.instructions import read_amending_file  # noqa: E402
from lovkons.parsers.instructions.clauses import parse_instruction  # noqa: E402

LINES = ROOT.parent / "shared" / "data" / "instructions"


def corpus_items() -> Iterator[tuple[str, str, bool]]:
    """(where, item text, read) for every item of every amending act of the corpus."""
    for path in sorted((unpack() / "love").rglob("*.xml")):
        if b"<DocumentType>LBK" in path.read_bytes()[:3000]:
            continue
        try:
            doc = read_amending_file(path)
        except LovkonsError:
            continue
        for block in doc.changes:
            for item in block.items:
                yield f"{path.name} § {block.paragraf}, nr. {item.number}", item.text, bool(item.operations)


def instruction_lines() -> Iterator[tuple[str, str, bool]]:
    """(where, line, read) for every instruction line; "2016-102; I § 2 …" loses its source prefix."""
    for path in sorted(LINES.glob("*.txt")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            text = regex.sub(r"^\d{4}-\d+;\s*", "", line).strip()
            # "(Udelades)", "(Ophævet)": a numbered change left out or repealed before it took effect, no instruction
            if not text or regex.fullmatch(r"\(?(?:Udelades|Ophævet)\)?\.?", text, regex.I):
                continue
            sentence = f"{text} »…«" if text.endswith(":") else text
            ops, _ = parse_instruction(sentence, Source("LINE", "1", n))
            yield f"{path.name}:{n}", text, bool(ops)


def shape(text: str) -> str:
    """The wording of an instruction without its particulars: quotes »…«, each run of unit
    references ("§ 49 b, stk. 1, 2. pkt.,") T, other numbers N; one line."""
    s = regex.sub(r"»[^«»]*(?:»[^«»]*«[^«»]*)*«", "»…«", " ".join(text.split()))
    s = regex.sub(r"\d+(?:\s[a-zA-ZæøåÆØÅ](?![\w.]))?", "N", s)
    s = regex.sub(r"(?:(?:§§?|stk\.|nr\.|litra\s+[a-zæøå]\b|N\.?\s*pkt\.|N|og|,|-|–)\s*)*(?:§§?|stk\.|nr\.)\s*N\s*"
                  r"(?:(?:§§?|stk\.|nr\.|litra\s+[a-zæøå]\b|N\.?\s*pkt\.|N|og|,|-|–)\s*)*", "T ", s)
    return regex.sub(r"\s+", " ", s).strip()[:110]


def report(*, top: int = 25, every: bool = False) -> tuple[int, int]:
    """Print the coverage of the corpus and of the lines; returns (read, total) over both."""
    read_all = total_all = 0
    for name, rows in (("corpus amending acts", corpus_items()), ("instruction lines", instruction_lines())):
        unread: dict[str, list[tuple[str, str]]] = defaultdict(list)
        total = read = 0
        for where, text, ok in rows:
            total += 1
            read += ok
            if not ok:
                unread[shape(text)].append((where, text))
        read_all, total_all = read_all + read, total_all + total
        print(f"{name:<22} items {total:>6}  read {read:>6}  = {100 * read / max(total, 1):6.2f} %"
              f"  unread {total - read}")
        counts = Counter({k: len(v) for k, v in unread.items()})
        for label, count in counts.most_common(None if every else top):
            print(f"  {count:>4}  {label}")
            for where, text in unread[label][: None if every else 1]:
                print(f"          {where}: {' '.join(text.split())[:140]}")
    print(f"{'together':<22} items {total_all:>6}  read {read_all:>6}  = {100 * read_all / max(total_all, 1):6.2f} %")
    return read_all, total_all


if __name__ == "__main__":
    numbers = [a for a in sys.argv[1:] if a.isdigit()]
    report(top=int(numbers[0]) if numbers else 25, every="--list" in sys.argv)
