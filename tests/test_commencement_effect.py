"""A change in force on one day that "har virkning fra" a later day (Danish tax acts: the act is in force, its rules
take effect from a later day or income year). The item keeps its day in force (later acts amend the text as it then
reads) and carries the later day as its effect; an LBK of a day between that says it has left the change out
("… har virkning fra den 1. januar 2013. Disse ændringer er derfor ikke indarbejdet i denne lovbekendtgørelse") gets
the item handed on, applied from its effect day. Real data: LOV 433/2012 § 15 and § 4 (fusionsskatteloven), LBK
1260/2010 and LBK 1120/2012 of 14 November 2012; the sentences are those of the corpus acts named."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.pointintime import consolidate_at
from lovkons.history.timeline import timeline
from lovkons.model.edits import ChangeBlock, Commencement, DocRef, Item
from lovkons.parsers.instructions import read_amending_file
from lovkons.parsers.instructions.build import _effective
from lovkons.parsers.instructions.commencement import read_trailing

DATA = Path(__file__).resolve().parent / "data" / "effect"

EFFECTS = [  # (a stk. of the act's commencement §, the parts with the day they take effect)
    ("Stk. 2. § 1, nr. 1-3, 6, 8-15, 17-19, 22 og 24-33, §§ 2-6, § 7, nr. 1, 4 og 5, § 8, nr. 2-9, § 9, nr. 1, 3 og 6-8, "
     "§ 10, § 11, nr. 1, 3 og 5-8, § 12 og § 14 har virkning fra den 1. januar 2013.",
     [("§ 1, nr. 1-3, 6, 8-15, 17-19, 22 og 24-33, §§ 2-6, § 7, nr. 1, 4 og 5, § 8, nr. 2-9, § 9, nr. 1, 3 og 6-8, "
       "§ 10, § 11, nr. 1, 3 og 5-8, § 12 og § 14", dt.date(2013, 1, 1))]),  # LOV 433/2012 § 15
    ("Stk. 2. § 1, nr. 1, 2 og 4-7, har virkning fra og med indkomståret 2014.",
     [("§ 1, nr. 1, 2 og 4-7", dt.date(2014, 1, 1))]),  # LOV 1381/2011: an income year from its first day
    ("Stk. 3. § 2 har virkning fra den 1. januar 2019.", [("§ 2", dt.date(2019, 1, 1))]),  # LOV 61/2017
    ("Stk. 3. § 5, nr. 5, træder i kraft dagen efter bekendtgørelsen i Lovtidende og har virkning fra og med den 1. "
     "januar 2010.", [("§ 5, nr. 5", dt.date(2010, 1, 1))]),  # LOV 1353/2012 (§ 3 there), a day in the past
    ("Stk. 2. Loven har virkning fra og med indkomstsåret 2013, jf. dog stk. 3 og 4.",
     [("all", dt.date(2013, 1, 1))]),  # LOV 922/2012 § 10 (its slip "indkomstsåret" as printed): the whole act
    ("Loven træder i kraft dagen efter bekendtgørelsen i Lovtidende og har virkning fra og med indkomståret 2011.",
     [("all", dt.date(2011, 1, 1))]),  # LOV 1562/2010
    ("Stk. 6. § 7, stk. 1, nr. 3, i skattekontrolloven som affattet ved denne lovs § 4, nr. 1, har virkning for "
     "indberetninger vedrørende januar 2011 eller senere. Skattekontrollovens § 9 A, stk. 1, som affattet ved denne "
     "lovs § 4, nr. 2-4, har virkning fra den 1. januar 2012.",
     [("§ 9 A, stk. 1, som affattet ved denne lovs § 4, nr. 2-4", dt.date(2012, 1, 1))]),  # LOV 1560/2010 § 7: a part
    # is one sentence's (§ 4, nr. 1 has effect "for indberetninger …", no day)
    # what is not a day: an effect for some transactions, and a choice the act gives
    ("Stk. 9. § 2, nr. 17-19, har virkning for overførsler, der sker fra og med den 1. januar 2011.", []),  # LOV 1561/2010
    ("Stk. 6. Den skattepligtige kan vælge, at stk. 8, 2. pkt., og § 13, nr. 2-5, har virkning fra og med den 11. juni "
     "2014 og finder anvendelse for alle sikkerhedsstillelser.", []),  # LOV 652/2016 § 14
]


@pytest.mark.parametrize(("stk", "parts"), EFFECTS, ids=["433/2012", "1381/2011", "61/2017", "1353/2012",
                                                         "922/2012", "1562/2010", "1560/2010", "1561/2010",
                                                         "652/2016"])
def test_the_parts_and_their_effect_days_are_read(stk: str, parts: list[tuple[str, dt.date]]) -> None:
    res = read_trailing(["Loven træder i kraft den 1. juli 2012.", stk])
    assert [(c.applies_to, c.date) for c in res.effects] == parts
    assert not {c.date for c in res.commencement} & {day for _, day in parts}  # no day in force is changed


def test_an_item_keeps_its_day_in_force_and_carries_its_later_effect() -> None:
    act = read_amending_file(DATA / "2012-433.xml")
    items = {(b.paragraf, it.number): it for b in act.changes for it in b.items}
    ten = items[("10", 1)]  # selskabsskatteloven: "§ 10 … har virkning fra den 1. januar 2013"
    assert (ten.in_force, ten.effect) == (dt.date(2012, 7, 1), dt.date(2013, 1, 1))
    seven = items[("7", 2)]  # "§ 7, nr. 2, har virkning for aktier og fordringer, der erhverves …": no day
    assert (seven.in_force, seven.effect) == (dt.date(2012, 7, 1), None)


def test_a_rule_naming_the_item_or_its_paragraf_goes_before_the_rule_for_the_whole_act() -> None:
    """LOV 922/2012 § 10: "Loven har virkning fra og med indkomstsåret 2013, jf. dog stk. 3 og 4."; a rule naming a §
    is more specific (as a day in force is: build.item_in_force); an undetermined item has no effect day."""
    effects = [Commencement(dt.date(2013, 1, 1), "all", ""), Commencement(dt.date(2014, 1, 1), "§ 1", "")]
    day = dt.date(2012, 9, 19)
    block = ChangeBlock("1", DocRef("LBK", 1, None), "", (), (Item(1, "", (), day), Item(2, "", (), None)))
    other = ChangeBlock("2", DocRef("LBK", 2, None), "", (), (Item(1, "", (), day),))
    got = [(b.paragraf, it.number, it.effect) for b in _effective([block, other], effects) for it in b.items]
    assert got == [("1", 1, dt.date(2014, 1, 1)), ("1", 2, None), ("2", 1, dt.date(2013, 1, 1))]


@pytest.fixture(scope="module")
def fusion(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("fusion")
    for name in ("2010-1260.xml", "2012-433.xml", "2012-1120.xml"):
        (root / name).write_bytes((DATA / name).read_bytes())
    return load_corpus(root, jobs=1)


def test_an_item_the_next_lbk_left_out_is_in_force_before_it_and_applied_to_it_on_its_effect_day(
        fusion: Corpus) -> None:
    old = timeline(fusion, "LBK 1260/2010")
    mine = [c for c in old.changes if c.order == "LOV 433/2012"]
    assert [(c.item, c.in_force) for c in mine] == [(1, dt.date(2012, 7, 1)), (2, dt.date(2012, 7, 1)),
                                                   (3, dt.date(2012, 7, 1))]
    assert [(c.label, c.to, c.in_force, c.why) for c in old.carried] == [
        (f"LOV 433/2012 § 4, nr. {n}", "LBK 1120/2012", dt.date(2013, 1, 1), "left_out") for n in (1, 2, 3)]
    new = timeline(fusion, "LBK 1120/2012")
    assert dt.date(2013, 1, 1) in new.dates
    before = consolidate_at(fusion, "LBK 1120/2012", dt.date(2012, 12, 31))
    after = consolidate_at(fusion, "LBK 1120/2012", dt.date(2013, 1, 1))
    assert before.included == () and after.included == ("LOV 433/2012",) and after.refused == ()
    assert before.document != after.document
