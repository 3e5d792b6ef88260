"""The long fuzzing profile (`make fuzz`): N inputs from consecutive seeds, judged by the contract.

    python -m tests.fuzz.run --inputs 10000 --seed 1 --jobs 2 --save fuzz-failures

Prints the seeds, the figures (inputs per command, failures by kind, slowest input against its
bound) and saves a reproducer folder per failure. Exit 1 when any input failed.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from threading import local

from tests.fuzz.cases import make_case
from tests.fuzz.runner import BASE_SECONDS, PER_MB_SECONDS, Case, Outcome, Runner, save_reproducer

_runners = local()


def _run(seed: int) -> tuple[int, Case, Outcome]:
    runner = getattr(_runners, "runner", None)
    if runner is None:
        runner = _runners.runner = Runner()
        _all.append(runner)
    case = make_case(seed)
    return seed, case, runner.run(case)


_all: list[Runner] = []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--inputs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1, help="first seed; input i uses seed+i")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--save", type=Path, default=Path("fuzz-failures"), help="reproducer folder")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    seeds = range(args.seed, args.seed + args.inputs)
    print(f"lovkons fuzz: {args.inputs} inputs, seeds {seeds.start}..{seeds.stop - 1}, {args.jobs} workers; "
          f"bound {BASE_SECONDS:.0f} s + {PER_MB_SECONDS:.0f} s/MB per input (confirmed at 3x)", flush=True)
    started = time.monotonic()
    per_command: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    exits: Counter[int | None] = Counter()
    worst = (0.0, 0, "")  # (seconds / bound, seed, label)
    total_bytes = 0
    saved: list[Path] = []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for done, (seed, case, out) in enumerate(pool.map(_run, seeds), 1):
            per_command[case.command] += 1
            exits[out.exit] += 1
            total_bytes += case.size
            ratio = out.seconds / case.bound()
            if out.exit is not None and ratio > worst[0]:
                worst = (ratio, seed, f"{case.command} {case.label[:100]} ({case.size:,} bytes, {out.seconds:.1f} s)")
            if out.failure:
                failures[out.failure] += 1
                where = save_reproducer(args.save, seed, case, out)
                saved.append(where)
                last = out.stderr.strip().splitlines()[-1:] if out.stderr.strip() else [""]
                print(f"FAIL seed {seed}: {case.command}: {out.failure}: {last[0][:200]} → {where}", flush=True)
            if not args.quiet and done % 500 == 0:
                print(f"  {done}/{args.inputs} inputs, {sum(failures.values())} failures, "
                      f"{time.monotonic() - started:.0f} s", flush=True)
    for runner in _all:
        runner.close()
    elapsed = time.monotonic() - started
    print(f"inputs: {args.inputs} ({', '.join(f'{k} {v}' for k, v in sorted(per_command.items()))}); "
          f"{total_bytes / 1e6:.1f} MB; {elapsed:.0f} s")
    print(f"exit codes: {', '.join(f'{k}: {v}' for k, v in sorted(exits.items(), key=lambda kv: str(kv[0])))}")
    tracebacks = sum(n for k, n in failures.items() if k.startswith("traceback"))
    hangs = sum(n for k, n in failures.items() if k.startswith("hang"))
    print(f"tracebacks: {tracebacks}; hangs: {hangs}; other failures: {sum(failures.values()) - tracebacks - hangs}")
    for kind, n in failures.most_common():
        print(f"  {n} × {kind}")
    print(f"slowest against its bound: {worst[0]:.2f} of the bound, seed {worst[1]}: {worst[2]}")
    if saved:
        print(f"reproducers: {len(saved)} in {args.save}/")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
