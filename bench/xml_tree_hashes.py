"""The LexDania reading of every corpus file as one hash per file, for changes to the XML reader that
must not change any tree (issue 13: a faster parse): sha1 of the repr of the parsed Document (every
field of every node, the meta, the title note) and of its problems; a file that does not read gives
the hash of its error. Prints the CPU seconds of the reading.

    .venv/bin/python bench/xml_tree_hashes.py /tmp/ref.txt             # before the change
    .venv/bin/python bench/xml_tree_hashes.py /tmp/new.txt && cmp /tmp/ref.txt /tmp/new.txt
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
from lovkons.parsers.read import read_document  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--every", type=int, default=1, help="read every Nth file only")
    args = ap.parse_args()
    os.chdir(ROOT)  # files named as bench/.corpus/love/…: their problems name them the same in any checkout
    corpus = unpack().relative_to(ROOT) / "love"
    paths = sorted(corpus.rglob("*.xml"))[:: args.every]
    lines: list[str] = []
    seconds = 0.0
    for path in paths:
        start = time.process_time()
        try:
            result = read_document(path)
        except LovkonsError as exc:
            seconds += time.process_time() - start
            shown = f"error {exc}"
        else:
            seconds += time.process_time() - start
            shown = f"{result.document!r}\n{result.problems!r}"
        lines.append(f"{path.as_posix()}\t{hashlib.sha1(shown.encode()).hexdigest()}")
    args.out.write_text("\n".join(lines) + "\n")
    print(f"{len(paths)} files, read in {seconds:.2f} s CPU", file=sys.stderr)


if __name__ == "__main__":
    main()
