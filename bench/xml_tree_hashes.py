"""The LexDania reading of every corpus file as one hash per file, for changes to the XML reader that
must not change any tree (issue 13: a faster parse): sha1 of the repr of the parsed Document (every
field of every node, the meta, the title note) and of its problems; a file that does not read gives
the hash of its error. Prints the CPU seconds of the reading.

    .venv/bin/python bench/xml_tree_hashes.py /tmp/ref.txt             # before the change
    .venv/bin/python bench/xml_tree_hashes.py /tmp/new.txt && cmp /tmp/ref.txt /tmp/new.txt
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
from lovkons.parsers.read import read_document  # noqa: E402


def _line(path: Path) -> tuple[str, float]:
    start = time.process_time()
    try:
        result = read_document(path)
    except LovkonsError as exc:
        spent, shown = time.process_time() - start, f"error {exc}"
    else:
        spent, shown = time.process_time() - start, f"{result.document!r}\n{result.problems!r}"
    return f"{path.as_posix()}\t{hashlib.sha1(shown.encode()).hexdigest()}", spent


if __name__ == "__main__":
    hash_gate(__doc__, _line)
