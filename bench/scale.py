"""Corpus scale: every figure of the scale table in one run, on the 2,094-document development corpus
(../shared/data/corpus/love-2010-2017.tar.xz, unpacked once into bench/.corpus/love by
bench/scorecard.py's `unpack`), with lxml's bare parse of the same files as the reference.

Each figure runs the real `lovkons` command in a child process with its own empty cache folder
(HOME and XDG_CACHE_HOME point into a temporary folder), so "cold" means cold:

- rebuild --jobs N: cold (wall, peak RSS of the largest process, versions, output size), no-op,
  after touching one amending law, and cold on half the corpus (the linearity ratio);
- parse --format summary over every file vs lxml.etree.parse of the same files (the ratio);
- consolidate / timeline / diff of one large document (default LBK 1257/2016, retsplejeloven):
  first call (cold) and second call (warm).

Run: .venv/bin/python bench/scale.py [--jobs N] [--doc "LBK 1257/2016"] [--skip-half]
Prints a Markdown table; benchmarks measure, tests never assert timings.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scorecard import unpack  # noqa: E402

ROOT = HERE.parent
LOVKONS = [sys.executable, "-m", "lovkons"]


class Runner:
    def __init__(self, tmp: Path) -> None:
        self.env = dict(os.environ, HOME=str(tmp / "home"), XDG_CACHE_HOME=str(tmp / "cache"))
        (tmp / "home").mkdir()

    def run(self, *args: str) -> tuple[float, float, subprocess.CompletedProcess[str]]:
        """Wall seconds, peak RSS (MB) of the largest child process so far, and the process."""
        start = time.perf_counter()
        proc = subprocess.run([*LOVKONS, *args], capture_output=True, text=True, env=self.env, cwd=ROOT)
        wall = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if proc.returncode not in (0, 3):
            print(f"  ! lovkons {' '.join(args)} → exit {proc.returncode}: {proc.stderr.strip()[-300:]}", file=sys.stderr)
        return wall, peak, proc


def size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def lxml_bare(files: list[Path]) -> float:
    start = time.perf_counter()
    for f in files:
        etree.parse(str(f))
    return time.perf_counter() - start


def half_corpus(src: Path, dst: Path) -> None:
    """Every other year of the corpus: whole years keep amending laws beside what they amend."""
    for year in sorted(p for p in src.iterdir() if p.is_dir())[::2]:
        shutil.copytree(year, dst / year.name)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--doc", default="LBK 1257/2016")
    ap.add_argument("--at", default="2017-06-01")
    ap.add_argument("--skip-half", action="store_true")
    args = ap.parse_args()
    corpus = unpack() / "love"
    files = sorted(corpus.rglob("*.xml"))
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        r = Runner(tmp)
        out = tmp / "out"
        wall, peak, proc = r.run("rebuild", "--corpus", str(corpus), "--out", str(out), "--jobs", str(args.jobs))
        rows.append((f"rebuild --jobs {args.jobs}, cold", f"{wall:.1f} s, peak RSS {peak:.0f} MB, output "
                     f"{size_mb(out):.0f} MB, input {size_mb(corpus):.0f} MB"))
        summary = " ".join(line.strip() for line in proc.stderr.splitlines()[-12:] if "versions" in line)
        if summary:
            rows.append(("  rebuild summary", summary[:200]))
        wall, _, _ = r.run("rebuild", "--corpus", str(corpus), "--out", str(out), "--jobs", str(args.jobs))
        rows.append(("rebuild, no-op", f"{wall:.2f} s"))
        touched = next(f for f in files if "2016" in f.parts)
        os.utime(touched, None)
        data = touched.read_bytes()
        touched.write_bytes(data + b"\n")
        try:
            wall, _, _ = r.run("rebuild", "--corpus", str(corpus), "--out", str(out), "--jobs", str(args.jobs))
        finally:
            touched.write_bytes(data)
        rows.append((f"rebuild after changing one file ({touched.name})", f"{wall:.2f} s"))
        if not args.skip_half:
            half = tmp / "half"
            half_corpus(corpus, half)
            n_half = sum(1 for _ in half.rglob("*.xml"))
            wall_half, _, _ = r.run("rebuild", "--corpus", str(half), "--out", str(tmp / "out-half"), "--jobs",
                                    str(args.jobs))
            rows.append((f"rebuild cold, half corpus ({n_half} of {len(files)} files)", f"{wall_half:.1f} s"))
        bare = lxml_bare(files)
        wall, _, _ = r.run("parse", *map(str, files), "--format", "summary")
        rows.append(("parse --format summary, every file", f"{wall:.1f} s vs lxml bare parse {bare:.2f} s: "
                     f"{wall / bare:.2f}×"))
        for label, cmd in (
            ("consolidate", ["consolidate", args.doc, "--corpus", str(corpus), "--at", args.at, "--format", "json"]),
            ("timeline", ["timeline", args.doc, "--corpus", str(corpus), "--format", "json"]),
            ("diff", ["diff", args.doc, "--corpus", str(corpus), "--from", "2016-10-01", "--to", args.at]),
        ):
            cold, _, _ = r.run(*cmd)
            warm, _, _ = r.run(*cmd)
            rows.append((f"{label} \"{args.doc}\", first / second call", f"{cold:.1f} s / {warm:.2f} s"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"corpus: {len(files)} files")
    print("\n| what | measured |\n| --- | --- |")
    for what, value in rows:
        print(f"| {what} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
