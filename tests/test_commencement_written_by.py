"""Which items of the act wrote the amended law's units a commencement rule names (drafting convention: the units,
then "som affattet (ændret, indsat) ved denne lovs § A, nr. B" or ", jf. denne lovs § A, nr. B"); an item named
only "for så vidt angår" some of what it writes; and a citation's leading "§ N, nr. …", the act's item or the
amended law's. Real texts: LOV 1884/2015 § 1, nr. 1-6 and §§ 5-6 (excerpt), LOV 431/2010 § 5, stk. 2, LOV 894/2013
§ 3, stk. 2.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lovkons.amender.manifest import read_order
from lovkons.model.document import Source
from lovkons.model.edits import ChangeBlock, DocRef, Item
from lovkons.parsers.instructions.clauses import parse_instruction
from lovkons.parsers.instructions.commencement import read_trailing
from lovkons.parsers.instructions.commencement_items import misread_leads, named_items

DATA = Path(__file__).parent / "data" / "instr" / "commencement-written-by"

LOV_1884 = ("§ 1, nr. 3, for så vidt angår ophævelsen af skattekontrollovens § 8 X, stk. 1-3, 5 og 6, og lovens § 1, "
            "nr. 5-10 og 12")


def test_lov_1884_2015_units_followed_by_other_items_are_not_written_by_them() -> None:
    """", og lovens § 1, nr. 5-10 og 12" names other items; § 8 X, stk. 1-3, 5 og 6 are those nr. 3 repeals."""
    naming = named_items(LOV_1884)
    assert [[str(w.address) for w in writers] for _, writers in naming.written_by] == [["§ 1, nr. 3"]]
    assert [str(u.address) for u in naming.written_by[0][0]][-1] == "§ 8 X, stk. 6"


def test_lov_1884_2015_nr_3_named_for_part_of_what_it_repeals_is_dated_whole_said() -> None:
    act = read_order(DATA / "LOV-2015-1884.xml")
    dates = {it.number: it.in_force for it in act.changes[0].items}
    assert dates[3] == dates[5] == dt.date(2016, 7, 1) and dates[4] == dt.date(2016, 1, 1)
    inexact = [p for p in act.problems if p.code == "COMMENCEMENT_INEXACT"]
    assert len(inexact) == 1 and inexact[0].address == "§ 1, nr. 3" and "§ 8 X" in inexact[0].message


def _block(paragraf: str, texts: dict[int, str]) -> ChangeBlock:
    items = []
    for nr, text in texts.items():
        ops, _ = parse_instruction(text, Source("LOV", paragraf, nr))
        items.append(Item(nr, text, ops))
    return ChangeBlock(paragraf, DocRef("LOV", 1, 2000), "", (), tuple(items))


LOV_431 = ("Stk. 2. § 2, nr. 9, § 75 b, § 75 c og § 78, stk. 2, i lov om en aktiv beskæftigelsesindsats som affattet "
           "ved denne lovs § 1, nr. 1, 9 og 10, og § 68 a, stk. 8-11, i lov om ansvaret for og styringen af den aktive "
           "beskæftigelsesindsats som affattet ved denne lovs § 2, nr. 1 og 2, samt ophævelsen af kapitel 11 a i lov om "
           "en aktiv beskæftigelsesindsats, jf. denne lovs § 1, nr. 5, træder i kraft den 1. august 2010.")


def test_lov_431_2010_a_leading_nr_written_by_a_named_item_is_the_amended_laws() -> None:
    """"§ 2, nr. 9, …" is lov om en aktiv beskæftigelsesindsats' § 2, nr. 9, which the act's § 1, nr. 1 recasts."""
    rule = read_trailing([LOV_431]).commencement[0]
    block = _block("1", {1: "§ 2, nr. 9, affattes således: »9) personer under 18 år, som har behov for en uddannelses- "
                            "og beskæftigelsesfremmende indsats, og«",
                         10: "I § 78 indsættes som stk. 2: »Stk. 2. Personer under 30 år, der er omfattet af en "
                             "indsats efter loven, kan få støtte til en mentorfunktion, hvis de begynder et ordinært "
                             "uddannelsesforløb på almindelige vilkår.«"})
    skip, said = misread_leads([rule], [block])
    assert skip == {(rule.applies_to, "2", 9)} and said == []


LOV_894 = ("Stk. 2. Beskæftigelsesministeren fastsætter tidspunktet for ikrafttrædelsen af § 1, nr. 27, og § 13 a, stk. "
           "4, 2. og 3. pkt., i lov om aktiv socialpolitik som affattet ved denne lovs § 1, nr. 28, § 1, nr. 63, og "
           "§ 98 b i lov om aktiv socialpolitik som affattet ved denne lovs § 1, nr. 105.")


def test_lov_894_2013_a_leading_nr_no_named_item_writes_is_the_acts_said() -> None:
    rule = read_trailing([LOV_894]).commencement[0]
    block = _block("1", {28: "I § 13 a indsættes som stk. 4: »Stk. 4. En person, som er åbenlyst uddannelsesparat "
                             "eller er jobparat, og som modtager hjælp efter § 11, skal være aktivt jobsøgende.«"})
    skip, said = misread_leads([rule], [block])
    assert skip == set() and len(said) == 1 and said[0].code == "COMMENCEMENT_INEXACT"
    assert said[0].address == "§ 1, nr. 27"


LOV_629 = ("Stk. 1. Loven træder i kraft den 1. juli 2010. § 14, stk. 3, § 14, stk. 4, der bliver stk. 5, § 52, stk. 3, nr. "
           "4, § 101, stk. 4 og 5, og § 148 a, stk. 1 og 5, i lov om social service som affattet eller ændret ved denne lovs "
           "§ 1, nr. 1, 3, 6, 10, 12 og 13, samt ophævelsen af § 144 i lov om social service, jf. denne lovs § 1, nr. 11, "
           "træder dog først i kraft den 1. januar 2011.")


def test_lov_629_2010_a_part_that_takes_effect_only_later_in_the_stk_of_the_general_day() -> None:
    """"… træder dog først i kraft den 1. januar 2011" ("først": not before) after "Loven træder i kraft den 1. juli
    2010." in the same stk.: a second rule, for the units § 1, nr. 1, 3, 6, 10-13 write (LBK 81/2011 incorporates
    exactly those items of LOV 629/2010 after LBK 1096/2010, dated 21 September 2010)."""
    rules = read_trailing([LOV_629]).commencement
    assert [(r.date, r.applies_to == "all") for r in rules] == [(dt.date(2010, 7, 1), True), (dt.date(2011, 1, 1), False)]
    naming = named_items(rules[1].applies_to)
    assert sorted(int(str(t.address).rsplit(" ", 1)[-1]) for t in naming.items) == [1, 3, 6, 10, 11, 12, 13]
