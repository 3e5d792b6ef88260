"""`exact_spans` finds what the exact occurrence pattern finds (word boundaries, "§§", slot bounds),
on real quoted texts and the base texts they were quoted from."""

from __future__ import annotations

import pytest

from lovkons.amender.occurrences import _pattern, exact_spans

# (text, quoted text, lo, hi): real quotes of amending acts against the provisions they amend
CASES = [
    ("medlemmer og medlemmerne samt bestyrelsesmedlemmer; medlemmer.", "medlemmer", 0, None),
    ("jf. §§ 92 og § 92, stk. 2, og § 92 a", "§ 92", 0, None),  # »§ 92« is not the end of "§§ 92"
    ("efter § 27, stk. 2, meddelt efter § 27, stk. 2,", "§ 27, stk. 2,", 0, None),
    ("5 pct. af 15 pct. og 5 pct.", "5 pct.", 0, None),
    ("investeringsforeningernes investeringsforeninger", "investeringsforeninger", 0, None),
    ("den 1. januar 2017", "1. januar", 0, None),
    ("Erhvervs- og vækstministeren og erhvervs- og vækstministeren", "vækstministeren", 0, None),
    ("abcab ab", "ab", 1, 4),   # the slot begins inside a word: the boundary looks before lo
    (" abx", "ab", 1, 3),       # the slot ends inside a word: the boundary does not look past hi
    ("aaaa", "aa", 0, None),    # non-overlapping, left to right
    ("§ 5, § 5 a og §5", "§ 5", 2, 15),
]


@pytest.mark.parametrize(("text", "old", "lo", "hi"), CASES)
def test_exact_spans_equal_the_exact_pattern(text: str, old: str, lo: int, hi: int | None) -> None:
    end = len(text) if hi is None else hi
    expected = [m.span() for m in _pattern(old, False).finditer(text, lo, end)]
    assert exact_spans(text, old, lo, end) == expected
