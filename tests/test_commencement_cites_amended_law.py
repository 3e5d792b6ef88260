"""The items of an act a commencement rule names through the amended law's own units (drafting convention:
"[units] i lov om X / Xlovens [units] som affattet (ændret, indsat) ved denne lovs § A, nr. B" dates § A, nr. B of
the act). Before, such a rule named no item: its items took the act's general day (LOV 572/2010 § 1, nr. 6, which
the minister sets in force, was in force on 1 August 2010; LOV 716/2010 § 1, nr. 2-4, 16, 17, 22 and 23 too, and
its nr. 9-15, 18-21 and 24-29 on 1 July 2010, not 1 October 2010).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.amender.manifest import read_order
from lovkons.parsers.instructions.build import item_in_force
from lovkons.parsers.instructions.commencement import read_trailing
from lovkons.parsers.instructions.commencement_items import named_items

DATA = Path(__file__).parent / "data" / "instr" / "commencement-units"  # excerpts: items and commencement §

# LOV 716/2010 § 3 (færdselsloven): the general day and two rules citing færdselsloven's own units
LOV_716 = [
    "Stk. 1. Loven træder i kraft den 1. juli 2010, jf. dog stk. 2 og 3.",
    "Stk. 2. Færdselslovens § 119 a, § 119 b, § 126, stk. 1, nr. 9-12, § 127, 1. pkt., og § 133 a som affattet eller "
    "ændret ved denne lovs § 1, nr. 9-15, 18-21 og 24-29, træder i kraft den 1. oktober 2010.",
    "Stk. 3. Justitsministeren fastsætter tidspunktet for ikrafttrædelsen af færdselslovens §§ 60-60 e, § 62, stk. 3, "
    "§ 118, stk. 1, nr. 1, § 124 a, stk. 3, § 124 c, stk. 7, § 127, 2. pkt., og § 132 a som affattet eller ændret ved "
    "denne lovs § 1, nr. 2-4, 16, 17, 22 og 23.",
]


def test_lov_716_2010_each_item_takes_the_day_of_the_rule_that_names_it() -> None:
    commencement = read_trailing(LOV_716).commencement
    dates = {nr: item_in_force(commencement, "1", nr) for nr in range(1, 30)}
    pending = [2, 3, 4, 16, 17, 22, 23]
    october = [9, 10, 11, 12, 13, 14, 15, 18, 19, 20, 21, 24, 25, 26, 27, 28, 29]
    assert [nr for nr, day in dates.items() if day is None] == pending
    assert [nr for nr, day in dates.items() if day == dt.date(2010, 10, 1)] == october
    assert [nr for nr, day in dates.items() if day == dt.date(2010, 7, 1)] == [1, 5, 6, 7, 8]
    assert item_in_force(commencement, "2", 1) == dt.date(2010, 7, 1)  # § 2 (straffeloven) is named by no rule


def test_lov_572_2010_the_minister_sets_nr_6_in_force_and_the_whole_item_waits_said() -> None:
    act = read_order(DATA / "LOV-2010-572.xml")  # § 1, nr. 1-11 and § 2, stk. 1-3 of the act
    dates = {item.number: item.in_force for item in act.changes[0].items}
    assert dates[6] is None  # "udlændingelovens § 9 f, stk. 4, som affattet ved denne lovs § 1, nr. 6"
    assert {dates[n] for n in (7, 8, 9, 10, 11)} == {dt.date(2010, 6, 1)}  # stk. 3, "dagen efter bekendtgørelsen"
    assert {dates[n] for n in (1, 2, 3, 4, 5)} == {dt.date(2010, 8, 1)}
    inexact = [p for p in act.problems if p.code == "COMMENCEMENT_INEXACT"]
    assert len(inexact) == 1 and "§ 9 f, stk. 4" in inexact[0].message and "§ 9 f, stk. 5" in inexact[0].message


# (the rule's list as the act words it, its source, the act's items it names)
NAMED = [
    ("§ 1, nr. 10, og udlændingelovens § 9 a, stk. 17, som indsat ved denne lovs § 1, nr. 19", "LOV 1488/2014",
     ["§ 1, nr. 10", "§ 1, nr. 19"]),
    ("lovens § 1, nr. 9 og 12, og færdselslovens § 132 a som affattet ved denne lovs § 1, nr. 13", "LOV 565/2012",
     ["§ 1, nr. 9", "§ 1, nr. 12", "§ 1, nr. 13"]),
    ("§ 2, nr. 2 og 3, i lov om en aktiv beskæftigelsesindsats som ændret ved denne lovs § 1, nr. 2 og 3, og § 21 b, "
     "stk. 3, i lov om en aktiv beskæftigelsesindsats som affattet ved denne lovs § 1, nr. 44", "LOV 895/2013",
     ["§ 1, nr. 2", "§ 1, nr. 3", "§ 1, nr. 44"]),
    ("§ 1, nr. 48, samt § 75, stk. 1, nr. 6, og § 77, stk. 2 og 3, i lov om aktiv socialpolitik som affattet ved "
     "denne lovs § 3, nr. 20", "LOV 1380/2012", ["§ 1, nr. 48", "§ 3, nr. 20"]),
    ("§ 11, stk. 17, § 11 f, bilag 2-8 og bilag 5 i lov om afgift af elektricitet som affattet ved denne lovs § 1, "
     "nr. 3-5, § 8, stk. 4, og § 8 a i lov om afgift af naturgas og bygas som affattet ved denne lovs § 2, nr. 4",
     "LOV 1564/2010", ["§ 1, nr. 3", "§ 1, nr. 4", "§ 1, nr. 5", "§ 2, nr. 4"]),
    ("§ 8, stk. 1, nr. 2, og § 13, stk. 2, i lov om statens voksenuddannelsesstøtte (SVU), jf. denne lovs § 1, nr. 5 "
     "og 11", "LOV 1566/2010", ["§ 1, nr. 5", "§ 1, nr. 11"]),
    ("§ 1, nr. 1-3, de ved § 1, nr. 4, affattede bestemmelser i § 14 a og § 14 b, stk. 1-3, § 1, nr. 5, og §§ 3-4",
     "LOV 1640/2013 (shortened)", ["§ 1, nr. 1", "§ 1, nr. 2", "§ 1, nr. 3", "§ 1, nr. 4", "§ 1, nr. 5", "§ 3",
                                   "§ 4"]),
    ("§§ 11 c og 11 d, jf. denne lovs § 1, nr. 11", "LOV 572/2010", ["§ 1, nr. 11"]),
    ("bestemmelserne i § 1, nr. 2, 5-6 og 40", "LOV 423/2011 (shortened)",
     ["§ 1, nr. 2", "§ 1, nr. 5", "§ 1, nr. 6", "§ 1, nr. 40"]),
]


@pytest.mark.parametrize(("text", "source", "items"), NAMED, ids=[n[1] for n in NAMED])
def test_the_acts_items_among_the_amended_laws_units(text: str, source: str, items: list[str]) -> None:
    assert [str(t.address) for t in named_items(text).items] == items, source


# the minister's wordings of the corpus beside "fastsætter tidspunktet for ikrafttræden af …"
MINISTER = [
    ("Stk. 2. Skatteministeren fastsætter ikrafttrædelsen af § 1, nr. 1-7.", "LOV 1354/2012", ("1", 7), ("1", 8)),
    ("Stk. 3. Erhvervs- og vækstministeren fastsætter ikrafttræden af § 2. Erhvervs- og vækstministeren kan herunder "
     "fastsætte, at bestemmelserne træder i kraft for Færøerne og Grønland på forskellige tidspunkter.",
     "LOV 334/2015", ("2", 1), ("1", 1)),
    ("Stk. 2. Erhvervs- og vækstministeren bemyndiges til at fastsætte ikrafttrædelsestidspunktet for lovens § 1, "
     "nr. 5, 6, 8 og 9, og §§ 4 og 5.", "LOV 273/2012", ("4", 2), ("1", 7)),
    ("Stk. 2. Økonomi- og erhvervsministeren fastsætter efter aftale med beskæftigelsesministeren og skatteministeren "
     "tidspunktet for ikrafttræden af § 3.", "LOV 702/2010", ("3", 1), ("2", 1)),
    ("Stk. 3. Beskæftigelsesministeren fastsætter ikrafttrædelsestidspunktet for § 89 og § 90 a, stk. 1, 1. pkt., i "
     "lov om en aktiv beskæftigelsesindsats som ændret henholdsvis affattet ved denne lovs § 1, nr. 15 og 16, samt for "
     "ophævelsen af § 96, stk. 2, 2. pkt., i lov om en aktiv beskæftigelsesindsats, jf. denne lovs § 1, nr. 20.",
     "LOV 431/2010", ("1", 20), ("1", 17)),
]


@pytest.mark.parametrize(("rule", "source", "named", "not_named"), MINISTER, ids=[m[1] for m in MINISTER])
def test_every_wording_of_the_minister_setting_items_in_force(
    rule: str, source: str, named: tuple[str, int], not_named: tuple[str, int]
) -> None:
    commencement = read_trailing(["Stk. 1. Loven træder i kraft den 1. juli 2012.", rule]).commencement
    assert item_in_force(commencement, *named) is None, source
    assert item_in_force(commencement, *not_named) == dt.date(2012, 7, 1), source


def test_the_minister_setting_the_whole_law_and_its_options_is_not_read_as_a_list() -> None:
    """"fastsætter tidspunktet for lovens ikrafttræden og kan herunder fastsætte, at lovens §§ 1-4 træder i kraft på
    forskellige tidspunkter" (LOV 715/2010): the whole law, not "og kan herunder …" as what it names."""
    rule = ("Stk. 1. Ministeren fastsætter tidspunktet for lovens ikrafttræden og kan herunder fastsætte, at lovens "
            "§§ 1-4 træder i kraft på forskellige tidspunkter.")
    assert [c.applies_to for c in read_trailing([rule]).commencement] == ["all"]


def test_lov_189_2017_an_item_inserting_more_than_the_rule_names_is_dated_whole_and_said() -> None:
    """"§ 35 b i udlændingeloven som affattet ved denne lovs § 1, nr. 2, træder i kraft den 1. juni 2017": nr. 2
    inserts §§ 35 a and 35 b; the item is applied whole on 1 June 2017 (not on 1 March 2017, the general day, as
    before), and that § 35 a goes with it is said."""
    act = read_order(DATA / "LOV-2017-189.xml")  # § 1, nr. 1-2 and § 4, stk. 1-2 of the act
    dates = {item.number: item.in_force for item in act.changes[0].items}
    assert dates == {1: dt.date(2017, 3, 1), 2: dt.date(2017, 6, 1)}
    inexact = [p.message for p in act.problems if p.code == "COMMENCEMENT_INEXACT"]
    assert len(inexact) == 1 and "§ 35 b" in inexact[0] and "writes § 35 a too" in inexact[0]
