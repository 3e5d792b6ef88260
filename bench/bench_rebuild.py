"""Benchmark: `rebuild` of the embedded corpus, of all laws in tests/data/laws (XML and text twins
of every document, 328 files) and of their XML files alone: wall time, documents/second, peak
memory, no-op rebuild time.

Usage: .venv/bin/python bench/bench_rebuild.py [--jobs N] [--only embedded|laws|laws-xml]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lovkons.history.rebuild import RebuildStats, rebuild  # noqa: E402
from lovkons.renderers.version_files import render_version  # noqa: E402

LAWS = ROOT / "tests" / "data" / "laws"


def peak_mb() -> float:
    """Peak resident memory of this process and of its (finished) worker processes, in MB."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(me, kids) / 1024


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished workers."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(corpus: Path, out: Path, jobs: int) -> tuple[float, float, RebuildStats]:
    start, cpu = time.perf_counter(), cpu_seconds()
    stats = rebuild(corpus, out, render=render_version, jobs=jobs)
    return time.perf_counter() - start, cpu_seconds() - cpu, stats


def bench(name: str, corpus: Path, jobs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        cold, cold_cpu, stats = timed(corpus, out, jobs)
        noop, _, again = timed(corpus, out, jobs)
    files = stats.scanned
    print(f"{name}: {files} files, {stats.documents} main documents, {stats.versions} versions, jobs={jobs}")
    print(f"  cold rebuild   {cold:7.2f} s  ({files / cold:6.1f} files/s, {stats.documents / cold:6.1f} documents/s)")
    print(f"  CPU time       {cold_cpu:7.2f} s  (all processes; wall time on an idle machine ≈ CPU / jobs)")
    print(f"  load average   {os.getloadavg()[0]:7.2f}    (other work on the machine slows the wall time)")
    print(f"  no-op rebuild  {noop:7.2f} s  (recomputed {len(again.recomputed)}, parsed {again.scanned})")
    print(f"  refused instructions {stats.refused}, problems {stats.problems}, internal errors {len(stats.errors)}")
    print(f"  peak memory    {peak_mb():7.0f} MB (max of parent and workers)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", choices=("embedded", "laws", "laws-xml"))
    args = ap.parse_args()
    if args.only in (None, "embedded"):
        bench("embedded corpus/", ROOT / "corpus", args.jobs)
    if args.only in (None, "laws"):
        bench("tests/data/laws (.xml and .txt)", LAWS, args.jobs)
    if args.only in (None, "laws-xml"):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "laws"
            for xml in sorted(LAWS.glob("*/*.xml")):
                (corpus / xml.parent.name).mkdir(parents=True, exist_ok=True)
                shutil.copy(xml, corpus / xml.parent.name / xml.name)
            bench("tests/data/laws (.xml only)", corpus, args.jobs)


if __name__ == "__main__":
    main()
