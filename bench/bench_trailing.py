"""Benchmark: the trailing §§ of an amending act (commencement, repeals, amending provisions) on large and
adversarial text at x, 2x and 4x; prints seconds and the growth when the input doubles (≈2 linear,
≈4 quadratic) and fails (exit 1) past a generous bound: 1 MB of trailing text must read within 10 s
(issue 16: 62 KB took 15 s before the one-pass reading of "§ … træder i kraft").

Run: .venv/bin/python bench/bench_trailing.py
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lovkons.parsers.instructions.commencement import read_trailing  # noqa: E402
from lovkons.parsers.instructions.provisions import split_provisions  # noqa: E402

BOUND = 10.0  # seconds for the largest (1 MB) input
UNITS = {
    "many § without an ending": "Efter § 12, stk. 3, i lov om noget kan ministeren fastsætte regler, jf. § 4, ",
    "'§ … træder i kraft' each": "§ 2 og § 5 træder i kraft den 1. juli 2010. ",
    "'Dog træder … i kraft' each": "Dog træder § 1, nr. 4, i kraft den 1. januar 2011. ",
    "units of acts, no verb": "§§ 2-7 i lov nr. 5 af 1. maj 2000 om x, ",
    "repeals of units": "§ 3 i lov nr. 5 af 1. maj 2000 om x ophæves. ",
}


def read(text: str) -> None:
    _, rest = split_provisions(text)
    read_trailing([rest] if rest else [], published=dt.date(2010, 6, 1))


def main() -> int:
    worst = 0.0
    print(f"{'case':30} {'bytes':>9} {'s':>8} {'growth':>7}")
    for name, unit in UNITS.items():
        prev = None
        for size in (250_000, 500_000, 1_000_000):
            text = unit * (size // len(unit))
            start = time.perf_counter()
            read(text)
            secs = time.perf_counter() - start
            growth = f"{secs / prev:7.1f}" if prev else ""
            print(f"{name:30} {len(text.encode()):9d} {secs:8.3f} {growth}", flush=True)
            prev = max(secs, 1e-4)
        worst = max(worst, secs)
    print(f"largest input read in at most {worst:.2f} s (bound {BOUND:.0f} s)")
    return 0 if worst <= BOUND else 1


if __name__ == "__main__":
    sys.exit(main())
