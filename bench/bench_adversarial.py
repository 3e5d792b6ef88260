"""Benchmark: time every text/HTML/instruction reader on large and adversarial synthetic inputs.

Each case is built at three sizes (x, 2x, 4x); prints bytes, seconds per reader and the growth
factor when the input doubles (≈2 linear, ≈4 quadratic). Asserts nothing; `--quick` = smaller sizes.
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lovkons.model.document import LovkonsError  # noqa: E402
from lovkons.parsers.instructions import read_amending_bytes  # noqa: E402
from lovkons.parsers.read import read_bytes  # noqa: E402

LAW = ROOT / "tests" / "data" / "laws" / "LBK-2015-1255" / "LBK-2015-1255.txt"
AMENDING = ROOT / "tests" / "data" / "laws" / "LOV-2010-718" / "LOV-2010-718.txt"
LIMIT = 20  # seconds per run; a slower run is reported as ">20" and the case stops growing
OPENING = "I bekendtgørelse nr. 1 af 2. januar 2020 om prøver foretages følgende ændringer:\n\n"


def _law() -> str:
    return LAW.read_text(encoding="utf-8")


def _repeat(unit: str, size: int) -> str:
    """`unit` repeated to `size` characters (cut at a line end when `unit` has lines)."""
    text = (unit * (size // len(unit) + 1))[:size]
    cut = text.rfind("\n")
    return text[: cut + 1] if cut > size // 2 else text


def _in_paragraf(payload: str) -> str:
    return f"Bekendtgørelse om prøver\n\n§ 1. {payload}\n"


def _in_own_paragraf(payload: str) -> str:
    """`payload` as the body of an amending order's own "§ 1" (no full stop: the instruction route)."""
    return f"Bekendtgørelse om ændring af bekendtgørelse om prøver\n\n§ 1\n\n{payload}\n"


def _in_item(payload: str) -> str:
    return f"Bekendtgørelse om ændring af bekendtgørelse om prøver\n\n§ 1\n\n{OPENING}1. {payload}\n"


# name → (builder of the text at a size in bytes, base size)
CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "law repeated": (lambda n: _repeat(_law(), n), 1_250_000),
    "law on one line": (lambda n: _repeat(_law().replace("\n", " "), n), 250_000),
    "'i ' in §": (lambda n: _in_paragraf(_repeat("i ", n)), 100_000),
    "'I ' in §": (lambda n: _in_paragraf(_repeat("I ", n)), 100_000),
    "'jf. § 4, ' in §": (lambda n: _in_paragraf(_repeat("jf. § 4, ", n)), 250_000),
    "'» ' unclosed in §": (lambda n: _in_paragraf(_repeat("»ord ", n)), 250_000),
    "'» ' unclosed in item": (lambda n: _in_item("I § 2 indsættes som stk. 2: " + _repeat("»ord ", n)), 250_000),
    "§ with many stk": (
        lambda n: "Bekendtgørelse om prøver\n\n§ 1. Tekst.\n"
        + "".join(f"Stk. {k}. Tekst om {k}.\n" for k in range(2, n // 20)),
        200_000,
    ),
    "huge »…« payload": (
        lambda n: _in_item(
            "§ 5 affattes således:\n»§ 5. Tekst.\n"
            + "".join(f"Stk. {k}. Tekst om {k}, jf. § 4.\n" for k in range(2, n // 30))
            + "«"
        ),
        250_000,
    ),
    "'foretages …' without 'I '": (
        lambda n: _in_own_paragraf(_repeat("ord foretages følgende ændringer: tekst. ", n)),
        100_000,
    ),
    "'I … foretages' many openings": (
        lambda n: _in_own_paragraf(_repeat("I lov om x foretages følgende ændringer: tekst. ", n)),
        100_000,
    ),
    "digits '1. 2. 3. …' line": (
        lambda n: _in_paragraf(" ".join(f"{k}." for k in range(1, n // 6))),
        250_000,
    ),
    "amending law repeated": (lambda n: _repeat(AMENDING.read_text(encoding="utf-8"), n), 250_000),
    "html: law repeated": (
        lambda n: "<html><body>"
        + "".join(f"<p>{ln}</p>" for ln in _repeat(_law(), n).split("\n") if ln and not ln.startswith("#"))
        + "</body></html>",
        1_000_000,
    ),
    "html: '» ' unclosed in §": (
        lambda n: "<html><body><p>§ 1. " + _repeat("»ord ", n) + "</p></body></html>",
        250_000,
    ),
}


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def timed(fn: Callable[[bytes], object], data: bytes) -> float | None:
    """Seconds for fn(data) (bad-input errors count as a result); None past LIMIT."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT)
    start = time.perf_counter()
    try:
        fn(data)
    except LovkonsError:
        pass
    except _Timeout:
        return None
    finally:
        signal.alarm(0)
    return time.perf_counter() - start


READERS: dict[str, Callable[[bytes], object]] = {
    "read": lambda d: read_bytes(d, lenient=True),
    "instr": read_amending_bytes,
}


def main() -> None:
    quick = "--quick" in sys.argv
    print(f"{'case':32} {'reader':6} {'bytes':>9} {'s':>8} {'growth':>7}")
    for name, (build, base) in CASES.items():
        for reader, fn in READERS.items():
            prev: float | None = None
            for mult in (1, 2, 4):
                data = build((base // 4 if quick else base) * mult).encode("utf-8")
                secs = timed(fn, data)
                shown = f"{secs:8.3f}" if secs is not None else f"{'>' + str(LIMIT):>8}"
                growth = f"{secs / prev:7.1f}" if secs is not None and prev else f"{'':7}"
                print(f"{name:32} {reader:6} {len(data):9d} {shown} {growth}", flush=True)
                if secs is None:
                    break
                prev = max(secs, 1e-4)


if __name__ == "__main__":
    main()
