"""Benchmark: consolidate the retsplejeloven case (LBK 1255/2015 + 9 amending laws → LBK 1257/2016).

Run: .venv/bin/python bench/bench_apply.py [CASE.yaml] [--repeat N]. Reading and parsing are timed
separately from `consolidate` (the amender itself)."""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import load_manifest, read_doc, read_order

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest", nargs="?", default=str(ROOT / "tests" / "cases" / "L-LBK-2016-1257.yaml"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    manifest = load_manifest(args.manifest)
    t0 = time.perf_counter()
    base = read_doc(manifest.base)
    orders = [read_order(a.path) for a in manifest.amendments]
    parts = {o.meta.short: a.part for o, a in zip(orders, manifest.amendments, strict=True) if a.part}
    t1 = time.perf_counter()
    runs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = consolidate(base, orders, parts=parts)
        runs.append(time.perf_counter() - start)
    ops = sum(len(i.operations) for o in orders for b in o.changes for i in b.items)
    print(f"{manifest.name}: {len(base.paragraffer())} §§, {len(orders)} orders, {ops} operations read, "
          f"{len(result.applied)} applied, {len(result.refused)} refused")
    print(f"read+parse: {t1 - t0:.2f} s; consolidate: median {statistics.median(runs) * 1000:.0f} ms, "
          f"min {min(runs) * 1000:.0f} ms, first {runs[0] * 1000:.0f} ms over {args.repeat} runs")


if __name__ == "__main__":
    main()
