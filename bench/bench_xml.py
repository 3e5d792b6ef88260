"""Benchmark: parse every LexDania XML file in tests/data/laws with `parse_lexdania` and compare with
a bare `lxml.etree.fromstring` loop over the same bytes in the same process (best of 3 each).
Prints the times and the ratio (issue target: ratio ≤ 3); asserts nothing.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from lovkons.parsers.lexdania import parse_lexdania  # noqa: E402

REPEAT = 3
LAWS = ROOT / "tests" / "data" / "laws"


def best_of(fns: dict[str, Callable[[], object]], clock: Callable[[], float]) -> dict[str, float]:
    """Fastest of REPEAT runs of each function, in seconds of `clock`. The runs are interleaved
    (a, b, a, b, …) so that both see the same machine load; garbage collection stays on."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(REPEAT):
        for name, fn in fns.items():
            gc.collect()
            start = clock()
            fn()
            times[name].append(clock() - start)
    return {name: min(ts) for name, ts in times.items()}


def main() -> None:
    docs = [(str(p), p.read_bytes()) for p in sorted(LAWS.glob("*/*.xml"))]

    def bare() -> None:
        for _, data in docs:
            etree.fromstring(data)

    def full() -> None:
        for name, data in docs:
            parse_lexdania(data, file=name)

    full()  # warm-up: imports, regex compilation, label caches
    size = sum(len(d) for _, d in docs) / 1e6
    print(f"files            {len(docs)} ({size:.1f} MB), best of {REPEAT}, interleaved")
    for clock_name, clock in (("wall", time.perf_counter), ("cpu", time.process_time)):
        best = best_of({"bare": bare, "full": full}, clock)
        t_bare, t_full = best["bare"], best["full"]
        print(
            f"{clock_name:5s} bare lxml {t_bare:.3f} s  parse_lexdania {t_full:.3f} s "
            f"({size / t_full:.1f} MB/s)  ratio {t_full / t_bare:.2f}x (target <= 3)"
        )


if __name__ == "__main__":
    main()
