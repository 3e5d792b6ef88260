"""A/B of the warm commands of issue 13 (what the last rows of bench/scale.py run), between this
checkout and another one (default /work/main with its own venv): per side and repeat, a fresh cache
folder, one cold `consolidate` (it indexes the corpus), then with the warm index `consolidate`
(asked again), `consolidate --literal`, `timeline`, `diff` by dates (each asked for the first time),
then the same timeline and diff again, and a first consolidate / timeline / diff of other documents.
Sides alternate, each row is the minimum over the repeats of wall and CPU seconds (user + system).

Run: .venv/bin/python bench/warm_ab.py [--other /work/main] [--repeats 2] [--corpus DIR]
Benchmarks measure; tests never assert timings.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def steps(corpus: str, doc: str = "LBK 1257/2016") -> list[tuple[str, list[str]]]:
    c = ["--corpus", corpus]
    return [
        ("consolidate, cold index", ["consolidate", doc, *c, "--at", "2017-06-01", "--format", "json"]),
        ("consolidate (again)", ["consolidate", doc, *c, "--at", "2017-06-01", "--format", "json"]),
        ("consolidate --literal", ["consolidate", doc, *c, "--at", "2017-06-01", "--literal"]),
        ("timeline", ["timeline", doc, *c, "--format", "json"]),
        ("diff", ["diff", doc, *c, "--from", "2016-11-01", "--to", "2017-06-01"]),
        ("timeline (again)", ["timeline", doc, *c, "--format", "json"]),
        ("diff (again)", ["diff", doc, *c, "--from", "2016-11-01", "--to", "2017-06-01"]),
        ("consolidate LBK 1403/2010 (32 acts)", ["consolidate", "LBK 1403/2010", *c, "--at", "2012-01-01"]),
        ("timeline LBK 1403/2010", ["timeline", "LBK 1403/2010", *c]),
        ("diff LBK 1403/2010", ["diff", "LBK 1403/2010", *c, "--from", "2011-01-01", "--to", "2013-01-01"]),
        ("consolidate LBK 250/2013 (1 act)", ["consolidate", "LBK 250/2013", *c, "--at", "2014-01-01"]),
        ("diff LBK 250/2013", ["diff", "LBK 250/2013", *c, "--from", "2013-06-01", "--to", "2016-01-01"]),
        # the slowest warm question found: a 2.6 MB law over its whole life, across its restatement
        ("diff LBK 1255/2015 (whole life)", ["diff", "LBK 1255/2015", *c, "--from", "2015-11-16", "--to", "2017-07-01"]),
        # the next slowest: whole-life diffs of two other large, often amended LBKs
        ("diff LBK 278/2013 (whole life)", ["diff", "LBK 278/2013", *c, "--from", "2013-03-14", "--to", "2017-01-01"]),
        # its consolidate at the last version (the day before LBK 216/2017 restates it) and its timeline
        ("consolidate LBK 278/2013 (last version)", ["consolidate", "LBK 278/2013", *c, "--at", "2017-02-26"]),
        ("timeline LBK 278/2013", ["timeline", "LBK 278/2013", *c]),
        ("diff LBK 1061/2010 (whole life)", ["diff", "LBK 1061/2010", *c, "--from", "2010-08-18", "--to", "2011-07-01"]),
    ]


def run(checkout: Path, cache: Path, args: list[str]) -> tuple[float, float, bytes]:
    python = checkout / ".venv" / "bin" / "python"
    env = dict(os.environ, LOVKONS_CACHE_DIR=str(cache), HOME=str(cache.parent))
    start = time.perf_counter()
    child = subprocess.Popen([str(python), "-m", "lovkons", *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             cwd=checkout, env=env)  # fmt: skip
    out = child.stdout.read() if child.stdout else b""
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--other", type=Path, default=Path("/work/main"))
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=ROOT / "bench" / ".corpus" / "love")
    args = ap.parse_args()
    sides = {"A": args.other.resolve(), "B": ROOT}
    for side in sides.values():
        subprocess.run([str(side / ".venv" / "bin" / "python"), "-m", "compileall", "-q", str(side / "lovkons")],
                       check=False, stdout=subprocess.DEVNULL)  # fmt: skip
    plan = steps(str(args.corpus.resolve()))
    best: dict[tuple[str, int], tuple[float, float]] = {}
    outputs: dict[tuple[str, int], set[bytes]] = {}
    for _ in range(args.repeats):
        for name, checkout in sides.items():
            with tempfile.TemporaryDirectory() as t:
                for i, (_, cmd) in enumerate(plan):
                    wall, cpu, out = run(checkout, Path(t) / "cache", cmd)
                    w, c = best.get((name, i), (wall, cpu))
                    best[(name, i)] = (min(w, wall), min(c, cpu))
                    outputs.setdefault((name, i), set()).add(out)
    print(f"A = {sides['A']}, B = {sides['B']}; min of {args.repeats}; load average {os.getloadavg()[0]:.1f}\n")
    print("| command | A wall | A CPU | B wall | B CPU | same stdout |\n| --- | --- | --- | --- | --- | --- |")
    for i, (label, _) in enumerate(plan):
        (aw, ac), (bw, bc) = best[("A", i)], best[("B", i)]
        same = "yes" if outputs[("A", i)] == outputs[("B", i)] and len(outputs[("A", i)]) == 1 else "NO"
        print(f"| {label} | {aw:.2f} | {ac:.2f} | {bw:.2f} | {bc:.2f} | {same} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
