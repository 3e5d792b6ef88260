"""The reading of every amending act of the corpus as one hash per file, for changes that must not
change any result (issue 13: faster instruction reading): repr of every item's operations, its text,
number and date, the document's problems, commencement, repeals and notes (an LBK is skipped; a file
that is not an amending act gives the hash of its error). Prints the CPU seconds of the reading.

    .venv/bin/python bench/instruction_hashes.py /tmp/ref.txt             # before the change
    .venv/bin/python bench/instruction_hashes.py /tmp/new.txt && cmp /tmp/ref.txt /tmp/new.txt
    .venv/bin/python bench/instruction_hashes.py /tmp/quick.txt --every 5  # every 5th file, a quick loop
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scorecard import unpack  # noqa: E402

from lovkons.model.document import LovkonsError  # noqa: E402
from lovkons.parsers.instructions import read_amending_file  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--every", type=int, default=1, help="read every Nth amending act only")
    args = ap.parse_args()
    os.chdir(ROOT)  # files named as bench/.corpus/love/…: their problems name them the same in any checkout
    corpus = unpack().relative_to(ROOT) / "love"
    paths = [p for p in sorted(corpus.rglob("*.xml")) if b"<DocumentType>LBK" not in p.read_bytes()[:3000]]
    paths = paths[:: args.every]
    lines: list[str] = []
    start = time.process_time()
    for path in paths:
        try:
            doc = read_amending_file(path)
        except LovkonsError as e:
            lines.append(f"{path.name} ERR {hashlib.sha1(str(e).encode()).hexdigest()}")
            continue
        h = hashlib.sha1()
        for block in doc.changes:
            for item in block.items:
                h.update(repr((block.paragraf, item.number, item.text, item.operations, item.in_force)).encode())
        h.update(repr(doc.problems).encode())
        h.update(repr((doc.commencement, doc.repeals, doc.transitional)).encode())
        lines.append(f"{path.name} {h.hexdigest()}")
    print(f"{len(paths)} files, {time.process_time() - start:.1f} s CPU reading", file=sys.stderr)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
