"""What several bench scripts do over the development data, written once: run manifests as `lovkons
eval` runs them (`eval_runs`), and hash every corpus file's reading into a gate file (`hash_gate`: a
reading change must leave the gate equal, or change only the files it names)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scorecard import unpack  # noqa: E402

from lovkons.amender.manifest import Manifest, Run, load_manifest, run_manifest  # noqa: E402
from lovkons.model.document import LovkonsError  # noqa: E402


def eval_runs(paths: list[Path]) -> Iterator[tuple[Manifest, Run]]:
    """Each manifest that reads and has an official LBK, run as `lovkons eval` runs it (lenient, the
    changes the LBK says it left out pending); a manifest that does not read is named on stderr."""
    for path in paths:
        try:
            manifest = load_manifest(path, follow_links=True)
            run = run_manifest(manifest, lenient=True, as_printed=True)
        except LovkonsError as err:
            print(f"{path.name}: {err.reason}", file=sys.stderr)
            continue
        if run.expected is not None:
            yield manifest, run


def hash_gate(doc: str | None, line_of: Callable[[Path], tuple[str, float]],
              keep: Callable[[Path], bool] = lambda _: True, every_help: str = "read every Nth file only") -> None:
    """The command line of a hash gate: OUT [--every N]. `line_of(path)` gives the file's line of the gate
    and the CPU seconds its reading took; the total is printed on stderr."""
    ap = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--every", type=int, default=1, help=every_help)
    args = ap.parse_args()
    os.chdir(ROOT)  # files named as bench/.corpus/love/…: their problems name them the same in any checkout
    corpus = unpack().relative_to(ROOT) / "love"
    paths = [p for p in sorted(corpus.rglob("*.xml")) if keep(p)][:: args.every]
    lines: list[str] = []
    seconds = 0.0
    for path in paths:
        line, spent = line_of(path)
        lines.append(line)
        seconds += spent
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(paths)} files, read in {seconds:.2f} s CPU", file=sys.stderr)
