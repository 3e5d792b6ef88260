"""Corpus scale: every figure of the scale table in one run, on the 2,094-document development corpus
(../shared/data/corpus/love-2010-2017.tar.xz, unpacked once into bench/.corpus/love by
bench/scorecard.py's `unpack`), with lxml's bare parse of the same files as the reference.

Each figure runs the real `lovkons` command in a child process with its own cache folder
($LOVKONS_CACHE_DIR in a temporary folder), so "cold" means cold. Every row gives the wall time
and the CPU time (user + system of the process and its workers: on a shared machine the wall time
depends on the other load, the CPU time much less) and, for the rebuilds, the peak RSS of the
largest process (the parent or one worker):

- rebuild --jobs N: cold (wall, CPU, peak RSS, versions, output size and what it is made of), no-op,
  after changing one amending law, and cold on half the corpus (the linearity ratio);
- the parse ratio (issue 13: our XML read ≤ 2.5× lxml's bare parse): in ONE child process, three
  passes (--repeats) over every file; in each pass, file by file and interleaved (alternating which
  goes first), the CPU seconds of `lxml.etree.parse(path)` and of
  `lovkons.parsers.read.read_document(path)` (read the bytes, check them, lxml's parse, build our
  Document of Nodes with meta and problems), summed per side; a garbage collection before each
  pass; the ratio is min(ours) / min(bare) over the passes, and each pass's own ratio is shown
  beside it. Both sides thus meet the same load, file cache and interpreter within milliseconds
  (measured apart, in two processes at two moments, the ratio moved by ±0.6 on a shared machine);
- what a user runs: the CPU of `lovkons parse FILES… --format summary` over every file in its own
  process (interpreter and CLI startup, the reads, one summary line per file), also as a multiple of
  the bare parse;
- consolidate of one large document (default LBK 1257/2016, retsplejeloven) with a cold index (the
  index is built in parallel), then consolidate / timeline / diff by dates with the warm index: each
  question first as a new one, then asked again (an answer may be kept per corpus state; another
  date is a new question);
- the slowest warm question found on the corpus (--slow-doc, default LBK 1255/2015 from its
  commencement to 2017-07-01: across its restatement by LBK 1257/2016), with no answer kept before it.

Run: .venv/bin/python bench/scale.py [--jobs N] [--doc "LBK 1257/2016"] [--slow-doc "LBK 1255/2015"] [--skip-half] [--compare DIR]
[--repeats N] [--parse-ratio-only] (only the two parse rows, ~1 min)
(--compare: the cold rebuild's output must equal DIR byte for byte, e.g. a rebuild made by an older
checkout). Prints a Markdown table; benchmarks measure, tests never assert timings.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
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
    def __init__(self, tmp: Path, name: str = "cache") -> None:
        self.env = dict(os.environ, HOME=str(tmp / "home"), LOVKONS_CACHE_DIR=str(tmp / name))
        (tmp / "home").mkdir(exist_ok=True)
        self.tmp = tmp

    def run(self, *args: str) -> tuple[float, float, float, subprocess.CompletedProcess[str]]:
        """Wall seconds, CPU seconds, peak RSS (MB) of the largest process of this run, and the process."""
        out, err = self.tmp / "stdout", self.tmp / "stderr"
        start = time.perf_counter()
        with out.open("w") as o, err.open("w") as e:
            child = subprocess.Popen([*LOVKONS, *args], stdout=o, stderr=e, text=True, env=self.env, cwd=ROOT)
            _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        proc = subprocess.CompletedProcess(child.args, child.returncode, out.read_text(), err.read_text())
        if proc.returncode not in (0, 3):
            print(f"  ! lovkons {' '.join(args)} → exit {proc.returncode}: {proc.stderr.strip()[-300:]}", file=sys.stderr)
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc


def size_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def lxml_bare(files: list[Path]) -> float:
    """CPU seconds of lxml's own parse of every file (CPU, like the read it is compared with: on a
    shared machine the wall time of either depends on the other load)."""
    start = time.process_time()
    for f in files:
        etree.parse(str(f))
    return time.process_time() - start


def parse_ratio_child(listing: Path, repeats: int) -> None:
    """In one process, `repeats` passes over every file; in each pass, file by file, lxml's bare
    parse (`etree.parse(path)`) and our read (`lovkons.parsers.read.read_document(path)`: the bytes
    read and checked, lxml's parse, our Document of Nodes with meta and problems), each timed in
    CPU seconds, the one first on even files and the other first on odd ones; a garbage collection
    before each pass. Prints the minimum pass total of each side (and every pass's totals) as JSON.
    Both sides thus meet the same load, file cache and interpreter within milliseconds of each other."""
    import gc

    from lovkons.model.document import LovkonsError
    from lovkons.parsers.read import read_document

    clock = time.process_time
    files = [line for line in listing.read_text().splitlines()]
    bare, ours = [], []
    for _ in range(repeats):
        gc.collect()
        lx = us = 0.0
        for i, f in enumerate(files):
            t0 = clock()
            if i % 2:
                with contextlib.suppress(LovkonsError):  # counted like a read: the parse run reports it
                    read_document(f)
                t1 = clock()
                etree.parse(f)
                t2 = clock()
                us, lx = us + t1 - t0, lx + t2 - t1
            else:
                etree.parse(f)
                t1 = clock()
                with contextlib.suppress(LovkonsError):
                    read_document(f)
                t2 = clock()
                lx, us = lx + t1 - t0, us + t2 - t1
        bare.append(lx)
        ours.append(us)
    print(json.dumps({"bare": min(bare), "ours": min(ours), "bare_all": bare, "ours_all": ours}))


def parse_ratio(files: list[Path], tmp: Path, repeats: int = 3) -> dict[str, float]:
    """`parse_ratio_child` in a child process (a fresh interpreter, nothing of this one's heap)."""
    listing = tmp / "files.txt"
    listing.write_text("".join(f"{f}\n" for f in files))
    # the lovkons of this checkout (the script's folder comes first on the child's path, not the working folder:
    # without PYTHONPATH an editable install elsewhere would be measured)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p))
    out = subprocess.run([sys.executable, __file__, "--parse-ratio-child", str(listing), "--repeats", str(repeats)],
                         capture_output=True, text=True, check=True, cwd=ROOT, env=env)  # fmt: skip
    return json.loads(out.stdout)


def parse_rows(files: list[Path], tmp: Path, runner: Runner, repeats: int) -> list[tuple[str, str]]:
    """The ratio of our read to lxml's bare parse (`parse_ratio`), and what the user runs: the CPU of
    `lovkons parse FILES… --format summary` (startup, reading, the summary lines) in its own process."""
    ratio = parse_ratio(files, tmp, repeats)
    passes = ", ".join(f"{o / b:.2f}" for o, b in zip(ratio["ours_all"], ratio["bare_all"], strict=True))
    wall, cpu, _, _ = runner.run("parse", *map(str, files), "--format", "summary")
    return [(f"XML read into our tree vs lxml bare parse, every file (one process, interleaved, min of {repeats})",
             f"{ratio['ours']:.2f} s CPU vs {ratio['bare']:.2f} s CPU: {ratio['ours'] / ratio['bare']:.2f}× "
             f"(pass by pass {passes})"),
            ("parse --format summary, every file (the command, its own process)",
             f"{wall:.1f} s wall, {cpu:.1f} s CPU ({cpu / ratio['bare']:.2f}× the bare parse)")]  # fmt: skip


def half_corpus(src: Path, dst: Path) -> None:
    """Every other year of the corpus: whole years keep amending laws beside what they amend."""
    for year in sorted(p for p in src.iterdir() if p.is_dir())[::2]:
        shutil.copytree(year, dst / year.name)


def sizes(out: Path) -> str:
    """What the output is made of: Markdown, JSON (and what compact JSON would weigh), index and report."""
    md = js = compact = 0
    for f in out.rglob("*"):
        if f.suffix == ".md" and f.parent != out:
            md += f.stat().st_size
        elif f.suffix == ".json" and f.parent != out:
            data = f.read_bytes()
            js += len(data)
            compact += len(json.dumps(json.loads(data), ensure_ascii=False, sort_keys=True,
                                      separators=(",", ":")).encode()) + 1
    own = sum((out / n).stat().st_size for n in ("index.json", "report.md") if (out / n).exists())
    return (f"versions .md {md / 1e6:.0f} MB + .json {js / 1e6:.0f} MB (--compact-json: {compact / 1e6:.0f} MB)"
            f" + index/report {own / 1e6:.1f} MB")


def amending_law(files: list[Path]) -> Path:
    """A 2016 act amending other laws ("I lov om … foretages følgende ændringer")."""
    acts = [f for f in files if "foretages følgende ændring".encode() in f.read_bytes()]
    return next((f for f in acts if "2016" in f.parts), acts[0])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--doc", default="LBK 1257/2016")
    ap.add_argument("--at", default="2017-06-01")
    ap.add_argument("--since", default="2016-11-01", help="diff --from (the document must be in force)")
    ap.add_argument("--other-at", default="2017-01-15", help="another date: a question not asked before")
    ap.add_argument("--slow-doc", default="LBK 1255/2015",
                    help="the slowest warm new question found: diff of this document over its whole life")
    ap.add_argument("--slow-from", default="2015-11-16")
    ap.add_argument("--slow-to", default="2017-07-01")
    ap.add_argument("--skip-half", action="store_true")
    ap.add_argument("--compare", type=Path, help="a rebuild output the cold rebuild must equal byte for byte")
    ap.add_argument("--corpus", type=Path, help="another corpus folder (default: the development corpus)")
    ap.add_argument("--repeats", type=int, default=3, help="passes of each side for the parse ratio")
    ap.add_argument("--parse-ratio-only", action="store_true", help="only the two parse rows")
    ap.add_argument("--parse-ratio-child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.parse_ratio_child:
        parse_ratio_child(args.parse_ratio_child, args.repeats)
        return 0
    corpus = args.corpus.resolve() if args.corpus else unpack() / "love"
    files = sorted(corpus.rglob("*.xml"))
    rows: list[tuple[str, str]] = []
    # as an installed package is: compiled once (pip compiles on install; PYTHONDONTWRITEBYTECODE would otherwise
    # make every command compile the modules it imports again, ~0.1 s)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "lovkons")], check=False,
                   stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        r = Runner(tmp)
        if args.parse_ratio_only:
            rows += parse_rows(files, tmp, r, args.repeats)
            return report(rows, files)
        out = tmp / "out"
        jobs = ["--jobs", str(args.jobs)]
        wall, cpu, peak, proc = r.run("rebuild", "--corpus", str(corpus), "--out", str(out), *jobs)
        full_cpu = cpu
        rows.append((f"rebuild --jobs {args.jobs}, cold", f"{wall:.1f} s wall, {cpu:.0f} s CPU, peak RSS {peak:.0f} MB"))
        summary = "; ".join(line.strip() for line in proc.stderr.splitlines()[-12:]
                            if line.split(":")[0] in ("documents", "versions", "files parsed"))  # fmt: skip
        rows.append(("  what it wrote", f"{summary}; output {size_mb(out):.0f} MB from input {size_mb(corpus):.0f} MB"))
        rows.append(("  output made of", sizes(out)))
        if args.compare:
            same = subprocess.run(["diff", "-rq", "-x", ".lovkons-cache.json", str(args.compare), str(out)],
                                  capture_output=True, text=True)  # fmt: skip
            rows.append((f"  identical to {args.compare}", "yes" if same.returncode == 0 else
                         f"NO: {len(same.stdout.splitlines())} files differ"))
        wall, cpu, peak, _ = r.run("rebuild", "--corpus", str(corpus), "--out", str(out), *jobs)
        rows.append(("rebuild, no-op", f"{wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {peak:.0f} MB"))
        touched = amending_law(files)
        data = touched.read_bytes()
        touched.write_bytes(data + b"\n")
        try:
            wall, cpu, peak, proc = r.run("rebuild", "--corpus", str(corpus), "--out", str(out), *jobs)
        finally:
            touched.write_bytes(data)
        redone = next((line for line in proc.stderr.splitlines() if line.startswith("recomputed")), "")
        rows.append((f"rebuild after changing one amending law ({touched.name})",
                     f"{wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {peak:.0f} MB; {redone}"))
        if not args.skip_half:
            half = tmp / "half"
            half_corpus(corpus, half)
            n_half = sum(1 for _ in half.rglob("*.xml"))
            wall_half, cpu_half, peak_half, _ = r.run("rebuild", "--corpus", str(half), "--out", str(tmp / "out-half"),
                                                      *jobs)  # fmt: skip
            rows.append((f"rebuild cold, half corpus ({n_half} of {len(files)} files)",
                         f"{wall_half:.1f} s wall, {cpu_half:.0f} s CPU, peak RSS {peak_half:.0f} MB; "
                         f"CPU full/half {full_cpu / cpu_half:.2f} for {len(files) / n_half:.2f}× the files"))
        rows += parse_rows(files, tmp, r, args.repeats)
        cli = Runner(tmp, "cache-cli")  # a cold index: nothing of the rebuild's cache
        base = ["--corpus", str(corpus)]
        # a question asked for the first time with the index warm, then the same question again (its answer may be
        # kept per corpus state); another date is another question
        for label, cmd in (
            ("consolidate", ["consolidate", args.doc, *base, "--at", args.at, "--format", "json"]),
            ("consolidate, another date", ["consolidate", args.doc, *base, "--at", args.other_at, "--format", "json"]),
            ("consolidate --literal", ["consolidate", args.doc, *base, "--at", args.at, "--literal"]),
            ("timeline", ["timeline", args.doc, *base, "--format", "json"]),
            ("diff", ["diff", args.doc, *base, "--from", args.since, "--to", args.at]),
            ("diff, other dates", ["diff", args.doc, *base, "--from", args.other_at, "--to", args.at]),
        ):
            for again in (False, True):
                first = not any(row[0].startswith("consolidate") for row in rows)
                wall, cpu, peak, _ = cli.run(*cmd)
                state = "cold index" if first else "warm index, asked again" if again else "warm index, new question"
                rows.append((f"{label} \"{args.doc}\", {state}",
                             f"{wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {peak:.0f} MB"))
        # the slowest warm new question found (bench/warm_ab.py, README): a diff over a large law's whole life,
        # across its restatement by a new LBK (two consolidations of a 2.6 MB law, the ressort layer on both,
        # a word diff of every changed provision), with no answer of the corpus kept before it
        shutil.rmtree(tmp / "cache-cli" / "results", ignore_errors=True)
        cmd = ["diff", args.slow_doc, *base, "--from", args.slow_from, "--to", args.slow_to]
        for again in (False, True):
            wall, cpu, peak, _ = cli.run(*cmd)
            state = "asked again" if again else "first question (no answer kept)"
            rows.append((f"diff \"{args.slow_doc}\" {args.slow_from} → {args.slow_to}, warm index, {state}",
                         f"{wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {peak:.0f} MB"))
    return report(rows, files)


def report(rows: list[tuple[str, str]], files: list[Path]) -> int:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, load average "
          f"{os.getloadavg()[0]:.1f} at the end; corpus: {len(files)} files")
    print("\n| what | measured |\n| --- | --- |")
    for what, value in rows:
        print(f"| {what} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
