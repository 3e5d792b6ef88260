"""The reading of every amending act of the corpus as one hash per file, for changes that must not
change any result (issue 13: faster instruction reading): repr of every item's operations, its text,
number and date, the document's problems, commencement, repeals and notes (an LBK is skipped; a file
that is not an amending act gives the hash of its error). Prints the CPU seconds of the reading.

    .venv/bin/python bench/instruction_hashes.py /tmp/ref.txt             # before the change
    .venv/bin/python bench/instruction_hashes.py /tmp/new.txt && cmp /tmp/ref.txt /tmp/new.txt
    .venv/bin/python bench/instruction_hashes.py /tmp/quick.txt --every 5  # every 5th file, a quick loop
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus_runs import hash_gate  # noqa: E402

from lovkons.model.document import LovkonsError  # noqa: E402
from lovkons.parsers.instructions import read_amending_file  # noqa: E402


def _line(path: Path) -> tuple[str, float]:
    start = time.process_time()
    try:
        doc = read_amending_file(path)
    except LovkonsError as e:
        return f"{path.name} ERR {hashlib.sha1(str(e).encode()).hexdigest()}", time.process_time() - start
    spent = time.process_time() - start
    h = hashlib.sha1()
    for block in doc.changes:
        for item in block.items:
            h.update(repr((block.paragraf, item.number, item.text, item.operations, item.in_force)).encode())
    h.update(repr(doc.problems).encode())
    h.update(repr((doc.commencement, doc.repeals, doc.transitional)).encode())
    return f"{path.name} {h.hexdigest()}", spent


def _amending(path: Path) -> bool:
    return b"<DocumentType>LBK" not in path.read_bytes()[:3000]


if __name__ == "__main__":
    hash_gate(__doc__, _line, _amending, every_help="read every Nth amending act only")
