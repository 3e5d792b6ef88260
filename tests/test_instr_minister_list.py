"""The items a minister sets in force: the whole list of the rule, its last member joined by ", og §" too
(drafting convention: a list of citations ends "…, § 10, nr. 2, og § 13, nr. 2 og 7"). Before, the list was
cut at ", og", and the last member's items took the act's general date: LOV 1746/2016 § 13, nr. 7 ("§ 14
affattes således", in force when the minister says) recast folkeskolelovens § 14 on 1 January 2017, and its
nr. 3-6 (in force 1 August 2017, written on the § 14 before nr. 7) found nothing to change.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.amender.manifest import read_order
from lovkons.api import apply
from lovkons.parsers.instructions.build import item_in_force
from lovkons.parsers.instructions.commencement import read_trailing
from lovkons.renderers.text import render_text

DATA = Path(__file__).parent / "data" / "amend" / "minister-list-2016"
GENERAL = "Stk. 1. Loven træder i kraft den 1. januar 2017."

# (the minister's rule as the act words it, its source, (§, nr.) it names, (§, nr.) it does not name)
RULES = [
    ("Stk. 3. Undervisningsministeren fastsætter tidspunktet for ikrafttræden af § 8, nr. 7 og 10, § 10, nr. 2, "
     "og § 13, nr. 2 og 7, om udstedelse af digitale beviser.", "LOV 1746/2016 § 23",
     [("8", 7), ("10", 2), ("13", 2), ("13", 7)], [("13", 3), ("8", 8)]),
    ("Stk. 2. Erhvervs- og vækstministeren fastsætter tidspunktet for ikrafttræden af § 1, nr. 6-34, og §§ 2-9.",
     "LOV 618/2013", [("1", 6), ("1", 34), ("2", 1), ("9", 4)], [("1", 5), ("10", 1)]),
    ("Stk. 2. Ministeren fastsætter tidspunktet for ikrafttræden af § 1, nr. 3, 4 og 6-8, § 2, § 5, nr. 1 og 2, "
     "og §§ 6-8.", "LOV 1384/2012", [("1", 3), ("2", 1), ("5", 2), ("8", 1)], [("1", 5), ("5", 3)]),
]


@pytest.mark.parametrize(("rule", "source", "named", "not_named"), RULES, ids=[r[1] for r in RULES])
def test_the_minister_sets_in_force_every_member_of_the_list(
    rule: str, source: str, named: list[tuple[str, int]], not_named: list[tuple[str, int]]
) -> None:
    commencement = read_trailing([GENERAL, rule]).commencement
    for paragraf, nr in named:
        assert item_in_force(commencement, paragraf, nr) is None, (source, paragraf, nr)
    for paragraf, nr in not_named:
        assert item_in_force(commencement, paragraf, nr) == dt.date(2017, 1, 1), (source, paragraf, nr)


def test_the_recast_the_minister_sets_in_force_waits_and_the_dated_items_apply() -> None:
    act = read_order(DATA / "LOV-2016-1746.xml")
    dates = {item.number: item.in_force for item in act.changes[0].items}
    assert dates[7] is None and dates[2] is None  # "§ 13, nr. 2 og 7": the minister decides
    assert {dates[n] for n in (1, 3, 4, 5, 6)} == {dt.date(2017, 8, 1)}
    result = apply(DATA / "LBK-2016-747.xml", [DATA / "LOV-2016-1746.xml"], at=dt.date(2017, 8, 1))
    assert not [p for p in result.problems if p.severity == "error"]
    text = render_text(result.document)
    assert "folkeskolens afgangseksamen og 9.-klasseprøver. Der gennemføres 9.-klasseprøver" in text  # nr. 3
    assert "Stk. 3. For at bestå folkeskolens afgangseksamen" in text  # nr. 5, the old stk. 3-5 renumbered
    assert any("Stk. 6." in line and "som er nævnt i stk. 1-5" in line for line in text.splitlines())  # nr. 6


def test_a_rule_citing_the_amended_laws_units_names_the_acts_items_it_cites() -> None:
    """Its list mixes the law's units ("§ 5, stk. 2, 3 og 5" of vejledningsloven) with the act's items ("denne
    lovs § 1, nr. 3"): the act's items are those after "denne lovs" (commencement_items.py), not § 5 or § 7."""
    rule = ("Stk. 3. Ministeren fastsætter tidspunktet for ikrafttræden af § 5, stk. 2, 3 og 5, og § 7 i lov om "
            "vejledning om uddannelse og erhverv som affattet ved denne lovs § 1, nr. 3, 10, 12 og 14.")  # LOV 641/2010
    commencement = read_trailing([GENERAL, rule]).commencement
    assert [item_in_force(commencement, "1", nr) for nr in (3, 10, 12, 14)] == [None] * 4
    assert item_in_force(commencement, "1", 5) == item_in_force(commencement, "5", 1) == dt.date(2017, 1, 1)
