"""parsers.input_bytes.check_digit_runs: a run of more than MAX_DIGITS digits is refused with its
line, wherever it stands. The check samples every MAX_DIGITS-th byte and searches only around a
sampled digit or non-ASCII pair; these cases put runs just around those sample points, and compare
with the plain search of the whole input (`_find_digit_run`)."""

from __future__ import annotations

import pytest

from lovkons.model.document import LovkonsError
from lovkons.parsers.input_bytes import MAX_DIGITS, _find_digit_run, check_digit_runs

N = MAX_DIGITS
ARABIC_THREE = "\u0663"  # ٣, a digit of another script (two bytes in UTF-8)

# (name, text, refused?)
CASES = [
    ("a long number that is allowed", "§ 1. " + "7" * N + " kr.", False),
    ("one digit too many", "§ 1. " + "7" * (N + 1) + " kr.", True),
    ("run starting on a sample point", "x" * N + "7" * (N + 1), True),
    ("run ending just before a sample point", "x" * (N - 1) + "7" * (N + 1) + "x", True),
    ("run between two sample points, too short", "x" * (N + 1) + "7" * (N - 2) + "x" * 10, False),
    ("two allowed numbers side by side", "7" * N + " " + "7" * N, False),
    ("a long run of another script's digits", "Tal: " + ARABIC_THREE * (N + 1), True),
    ("allowed run of another script's digits", "Tal: " + ARABIC_THREE * N + ".", False),
    ("long Danish text without digits", "æøå " * (3 * N), False),
    ("the run on a later line", "linje\n" * 3 + "x" * 2 * N + "9" * (2 * N), True),
    ("empty input", "", False),
]


@pytest.mark.parametrize(("text", "refused"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
@pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "str"])
def test_digit_runs(text: str, refused: bool, as_bytes: bool) -> None:
    data = text.encode("utf-8") if as_bytes else text
    expected_at = _find_digit_run(text.encode("utf-8"))
    assert (expected_at >= 0) is refused  # the plain search agrees with the table
    if not refused:
        check_digit_runs(data, "f.txt")
        return
    with pytest.raises(LovkonsError) as caught:
        check_digit_runs(data, "f.txt")
    assert caught.value.line == text.encode("utf-8").count(b"\n", 0, expected_at) + 1


@pytest.mark.parametrize("offset", range(0, 2 * N + 3, 97))
def test_run_at_every_offset_is_found(offset: int) -> None:
    """A run of N + 1 digits is found wherever it starts relative to the sampled bytes."""
    text = b"a" * offset + b"5" * (N + 1) + b"a" * N
    with pytest.raises(LovkonsError):
        check_digit_runs(text, None)
    check_digit_runs(b"a" * offset + b"5" * N + b"a" * N, None)


def test_run_through_every_sample_position_is_found() -> None:
    """The sampled digit's window is searched only when the byte MAX_DIGITS // 2 before or after it
    is a digit too (as it is for any run long enough): a run of N + 1 digits placed at every offset
    around one sample point, in text full of short numbers (years, § numbers), is still found."""
    filler = b"lov nr. 1234 af 2016, \xc2\xa7 5 a, stk. 2. "
    for offset in range(N + 2):
        start = N - offset + N // 2  # the run covers the sample point 2N in every position
        head = (filler * (3 * N // len(filler) + 1))[:start]
        data = head + b"7" * (N + 1) + filler * 40
        with pytest.raises(LovkonsError):
            check_digit_runs(data, None)
        check_digit_runs(head[:-1] + b" " + b"7" * N + b" " + filler * 40, None)
