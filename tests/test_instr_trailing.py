"""The trailing §§ of an amending act on large input (issue 16: the commencement patterns scanned once per
"§", 62 KB took 15 s and 1 MB never ended). Each case reads a text and the same text doubled: the
result doubles (or stays empty), which a reader that is quadratic in the length could not deliver in
the life of a test run at these sizes. No timings are asserted (bench/bench_trailing.py measures them).
"""

from __future__ import annotations

import datetime as dt

import pytest

from lovkons.parsers.instructions.commencement import parts_in_force, read_trailing
from lovkons.parsers.instructions.provisions import split_provisions

SIZE = 400_000  # characters; the old reading needed hours for this

# (repeated unit, commencements found per unit)
TRAILING = [
    ("Efter § 12, stk. 3, i lov om noget kan ministeren fastsætte regler, jf. § 4, ", 0),  # many "§", no ending
    ("§ 2 og § 5 træder i kraft den 1. juli 2010. ", 1),  # an ending after every "§ …"
    ("Dog træder § 1, nr. 4, i kraft den 1. januar 2011. ", 1),
]


@pytest.mark.parametrize(("unit", "per_unit"), TRAILING, ids=["no ending", "§ … træder", "Dog træder"])
def test_commencement_of_a_doubled_text_doubles(unit: str, per_unit: int) -> None:
    n = SIZE // len(unit)
    once, twice = unit * n, unit * (2 * n)
    assert len(parts_in_force(once)) == per_unit * n
    assert len(parts_in_force(twice)) == per_unit * 2 * n
    found = read_trailing([twice], published=dt.date(2010, 6, 1)).commencement
    assert len([c for c in found if c.applies_to != "all"]) == per_unit * 2 * n


@pytest.mark.parametrize("unit", ["§ 1 i lov om x og y, ", "§§ 2-7 i lov nr. 5 af 1. maj 2000 om x, "])
def test_no_provision_in_a_doubled_text_without_its_verb(unit: str) -> None:
    n = SIZE // len(unit)
    for text in (unit * n, unit * (2 * n)):
        found, rest = split_provisions(text)
        assert found == [] and rest == text


def test_provisions_of_a_doubled_text_double() -> None:
    unit = "§ 3 i lov nr. 5 af 1. maj 2000 om x ophæves. "
    n = SIZE // len(unit)
    assert len(split_provisions(unit * n)[0]) == n
    assert len(split_provisions(unit * (2 * n))[0]) == 2 * n
