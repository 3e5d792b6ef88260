"""Doubling the input at most about doubles the work (issue 16: "bounded work"), measured without a
clock: characters walked over by the readers' regular expressions and the peak of traced memory
(tests/work_meter.py). Each row is an input shape that once made the work grow quadratically."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from lovkons.parsers.instructions import read_amending_bytes
from lovkons.parsers.read import read_bytes
from lovkons.parsers.text import parse_fragment
from tests.work_meter import install, measure

DATA = Path(__file__).resolve().parent / "data"
BASE = (DATA / "bek" / "BEK-2007-1292" / "BEK-2007-1292.txt").read_text(encoding="utf-8")
ORDER = (DATA / "bek" / "BEK-2008-1072" / "BEK-2008-1072.txt").read_text(encoding="utf-8")
HTML = (DATA / "bek" / "BEK-2009-162" / "BEK-2009-162.html").read_text(encoding="utf-8")
RATIO = 2.3  # "about doubles": doubling the input may cost up to 2.3 times the work


def paragraphs(n: int) -> str:
    return " ".join(f"§ {k}. Ministeren fastsætter regler om ansøgning efter stk. {k % 7 + 1}." for k in range(1, n + 1))


def order_with_payload(n: int) -> bytes:
    """A real order whose first item inserts n §§ flattened into one »…« payload."""
    head, rest = ORDER.split("1. ", 1)
    return (head + f"1. Efter § 3 indsættes: »{paragraphs(n)}«\n\n2. " + rest).encode()


def word(n: int) -> str:
    return "byggeskadeforsikringsordning" * (n // 28)


SHAPES: list[tuple[str, Callable[[int], Callable[[], object]], int]] = [
    ("payload §§ (parse_fragment)", lambda n: lambda: parse_fragment(f"»{paragraphs(n)}«"), 1000),
    ("payload §§ (order)", lambda n: lambda: read_amending_bytes(order_with_payload(n), file="o.txt"), 1000),
    ("payload §§ (text document)", lambda n: lambda: read_bytes(
        (BASE + "\n" + paragraphs(n).replace("§ 1.", "§ 99.", 1) + "\n").encode(), file="b.txt"), 1000),
    ("long word in a §", lambda n: lambda: read_bytes(BASE.replace("§ 2.", f"§ 2. {word(n)}", 1).encode(),
                                                      file="b.txt"), 100_000),
    ("long word on its own line", lambda n: lambda: read_bytes((BASE + "\n" + word(n) + "\n").encode(),
                                                               file="b.txt"), 100_000),
    ("long word in a payload", lambda n: lambda: read_amending_bytes(ORDER.replace("»", "»" + word(n) + " ", 1)
                                                                     .encode(), file="o.txt"), 100_000),
    ("long word, flattened payload", lambda n: lambda: parse_fragment(f"»{BASE.replace(chr(10), ' ')} {word(n)}«"),
     100_000),
    ("blank lines in an order", lambda n: lambda: read_amending_bytes(
        ORDER.replace("\n\n", "\n" + (" " * 50 + "\n") * n, 1).encode(), file="o.txt"), 2000),
    ("unclosed tags in HTML", lambda n: lambda: read_amending_bytes(
        HTML.replace("</body>", "<p class=x " * n + "</body>").encode(), file="o.html"), 5000),
]


def _modules() -> tuple[str, ...]:
    return tuple(sorted(name for name in sys.modules if name.startswith("lovkons.parsers")))


@pytest.mark.parametrize(("name", "make", "n"), SHAPES, ids=[s[0] for s in SHAPES])
def test_doubling_the_input_about_doubles_the_work(
    monkeypatch: pytest.MonkeyPatch, name: str, make: Callable[[int], Callable[[], object]], n: int
) -> None:
    make(n)()  # every module loaded, every cache warm
    meter = install(monkeypatch, _modules())
    small, large = measure(meter, make(n)), measure(meter, make(2 * n))
    assert small[0] > 0, "nothing was measured"
    assert large[0] <= RATIO * small[0], f"{name}: regex work {small[0]:,} → {large[0]:,} characters"
    assert large[1] <= RATIO * small[1], f"{name}: peak memory {small[1]:,} → {large[1]:,} bytes"

