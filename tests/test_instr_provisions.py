"""Amending provisions outside a change block ("§§ 2-7, 11 og 12 i lov nr. 1594 … ophæves den 1. oktober
2012." in a commencement §), whole-act repeals against transitional rules, and openings with words between
the verb and its object. Real sentences from the 2010-2017 corpus; LOV 324/2012 as the case document.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import regex

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.model.document import Document, Kind, Meta, Node
from lovkons.parsers.citations import find_docrefs
from lovkons.parsers.instructions import read_amending_file
from lovkons.parsers.instructions.commencement import repealed_acts
from lovkons.parsers.instructions.opening import parse_opening, search_opening
from lovkons.parsers.instructions.provisions import split_provisions
from tests.instructions_describe import describe

DATA = Path(__file__).parent / "data" / "instr"

# (sentence as printed, "KIND N/YEAR: instruction @date" per provision found, or "" for none)
PROVISIONS = [
    ("§§ 2-7, 11 og 12 i lov nr. 1594 af 22. december 2010 om etablering af den selvejende institution Udbetaling "
     "Danmark ophæves den 1. oktober 2012.", "LOV 1594/2010: §§ 2-7, 11 og 12 ophæves. @2012-10-01"),  # LOV 324/2012 § 33
    ("§§ 3 A, 6 A-6 I, 7 og 7 B og § 13, stk. 2, i lov om visse spil, lotterier og væddemål, jf. lovbekendtgørelse "
     "nr. 273 af 17. april 2008, som ændret ved § 16 i lov nr. 521 af 12. juni 2009, ophæves ved lovens ikrafttræden.",
     "LBK 273/2008: §§ 3 A, 6 A-6 I, 7 og 7 B og § 13, stk. 2 ophæves. @-"),  # LOV 696/2010 § 14
    ("Stk. 2. § 7, stk. 5, nr. 3, i lov om landbrugsejendomme, jf. lovbekendtgørelse nr. 769 af 24. august 1994, "
     "ophæves. Nr. 4 og 5 bliver herefter nr. 3 og 4.",  # quoted in the notes of LBK 18/2010
     "LBK 769/1994: § 7, stk. 5, nr. 3 ophæves. Nr. 4 og 5 bliver herefter nr. 3 og 4. @-"),
    ("§ 1 i lov nr. 1042 af 17. december 2002 og § 21 i lov nr. 418 af 10. juni 2003, ophæves.",  # LBK 849/2010
     "LOV 1042/2002: § 1 ophæves. @- ; LOV 418/2003: § 21 ophæves. @-"),
    # a relative clause, not the verb (LOV 1636/2013 § 4)
    ("Stk. 3. § 2, stk. 4, i lov om etablering og benyttelse af en rørledning til transport af råolie og kondensat, "
     "jf. lovbekendtgørelse nr. 957 af 9. september 2011, der ophæves med denne lovs § 3, nr. 1, finder fortsat "
     "anvendelse for betaling af afgifter.", ""),
    # the act's own items, not another act's units (LOV 176/2015 § 4)
    ("Stk. 2. Denne lovs § 1, nr. 3-7, og § 5, stk. 1, 1. pkt., i lov om pas til danske statsborgere m.v. som "
     "affattet ved denne lovs § 1, nr. 8, og § 1, nr. 9, ophæves den 1. marts 2020.", ""),
    ("Lov nr. 76 af 13. marts 1969 om veteranbaner ophæves.", ""),  # a whole act: a repeal, not a provision
]


def _show(found: list) -> str:  # type: ignore[type-arg]
    return " ; ".join(f"{p.target.kind} {p.target.number}/{p.target.date.year}: {p.instruction} "
                      f"@{p.date.isoformat() if p.date else '-'}" for p in found)


@pytest.mark.parametrize(("sentence", "expected"), PROVISIONS, ids=[s[:40] for s, _ in PROVISIONS])
def test_amending_provision(sentence: str, expected: str) -> None:
    found, rest = split_provisions(sentence)
    assert _show(found) == expected
    assert (rest == sentence) == (not found)


# (stk. text as printed, repealed acts) — whole-act repeals against rules that keep things in force
REPEALS = [
    ("Ved lovens ikrafttræden ophæves lov nr. 472 af 9. juni 2004 om postbefordring. Bekendtgørelse nr. 1313 af 14. "
     "december 2004 om postvirksomhed og postbefordring forbliver i kraft, indtil den ophæves eller afløses af regler "
     "fastsat i medfør af denne lov.", "LOV 472/2004"),  # LOV 1536/2010
    ("Lov om CO 2 -kvoter, jf. lovbekendtgørelse nr. 1222 af 15. oktober 2010, ophæves. Loven og regler fastsat i "
     "medfør heraf finder dog fortsat anvendelse på forhold vedrørende drivhusgasser udledt i 2012 eller tidligere. "
     "§ 15, stk. 5, og § 21 i lov om CO 2 -kvoter, jf. lovbekendtgørelse nr. 1222 af 15. oktober 2010, finder "
     "fortsat anvendelse på statens bortauktionering.", "LBK 1222/2010"),  # LOV 1095/2012: once, not twice
    ("Stk. 7. Administrative forskrifter udstedt i medfør af § 33, stk. 1, i lov om godkendte revisorer og "
     "revisionsvirksomheder som affattet ved lov nr. 468 af 17. juni 2008 opretholdes, indtil de bortfalder efter "
     "deres indhold eller ophæves.", ""),  # LOV 631/2016
    ("Stk. 1. Afgørelser, der er omfattet af denne lov, og som er meddelt før lovens ikrafttræden i henhold til lov "
     "nr. 1095 af 28. november 2012 om CO 2 -kvoter, bevarer deres gyldighed, indtil de skal fornys, bortfalder "
     "eller udløber.", ""),  # LOV 1497/2014
    ("Stk. 4. Følgende love ophæves: 1) Lov om uddannelse til håndarbejdslærer, jf. lovbekendtgørelse nr. 982 af "
     "1. november 2000. 2) Lov om uddannelse til ernærings- og husholdningsøkonom, jf. lovbekendtgørelse nr. 983 af "
     "1. november 2000.", "LBK 982/2000 ; LBK 983/2000"),  # LOV 1373/2011
]


@pytest.mark.parametrize(("text", "expected"), REPEALS, ids=[t[:40] for t, _ in REPEALS])
def test_whole_act_repeal(text: str, expected: str) -> None:
    assert " ; ".join(f"{r.kind} {r.number}/{r.date.year}" for r in repealed_acts(text) if r.date) == expected


def test_provision_in_a_commencement_paragraf_is_a_change_block() -> None:
    order = read_amending_file(DATA / "LOV-2012-324.xml")  # an original law: Udbetaling Danmark's tasks
    blocks = [(b.paragraf, f"{b.target.kind} {b.target.number}/{b.target.date.year}", describe(i.operations),
               i.in_force) for b in order.changes for i in b.items if b.target.number == 1594]
    assert blocks == [
        ("33", "LOV 1594/2010", "repeal § 2 ; repeal § 3 ; repeal § 4 ; repeal § 5 ; repeal § 6 ; repeal § 7 ; "
         "repeal § 11 ; repeal § 12", dt.date(2012, 10, 1)),
        ("33", "LOV 1594/2010", "repeal § 15", dt.date(2012, 4, 15)),
    ]
    assert all(r.target.number != 1594 for r in order.repeals)  # not a repeal of the whole act


def test_provision_applies_to_the_act_it_names() -> None:
    order = read_amending_file(DATA / "LOV-2012-324.xml")
    pars = tuple(Node(Kind.PARAGRAF, str(n), children=(Node(Kind.STK, "1", text=f"Tekst {n}."),)) for n in range(1, 17))
    base = ensure_ids(Document(Meta("LOV", 1594, 2010, dt.date(2010, 12, 22), title="Lov om etablering af den "
                                    "selvejende institution Udbetaling Danmark"), None, pars))
    early = consolidate(base, [order], at=dt.date(2012, 5, 1))
    late = consolidate(base, [order], at=dt.date(2012, 10, 1))
    repealed = {n.label for n in early.document.children if n.repealed}
    assert repealed == {"15"} and not early.refused
    assert {n.label for n in late.document.children if n.repealed} == {"2", "3", "4", "5", "6", "7", "11", "12", "15"}


# the opening of a change block, with a consultation or delegation clause between verb and object
OPENINGS = [
    ("I bekendtgørelse nr. 1676 af 19. december 2006 om en aktiv beskæftigelsesindsats foretages efter forhandling "
     "med Beskæftigelsesrådet og efter bemyndigelse følgende ændringer:", "BEK 1676/2006"),  # issue 15's example
    ("I bekendtgørelse nr. 1292 af 24. oktober 2007 om jobrotation foretages følgende ændringer:", "BEK 1292/2007"),
    # the citation word broken over a line end in Lovtidende, its hyphen kept in the text (parsers.citations._broken)
    ("I lov om Danmarks Evalueringsinstitut, jf. lovbekendt-gørelse nr. 1073 af 15. september 2010, som ændret bl.a. "
     "ved § 3 i lov nr. 1235 af 18. december 2012, foretages følgende ændringer:", "LBK 1073/2010"),  # LOV 1539/2014 § 6
    ("I lov om en aktiv beskæftigelsesindsats, jf. lov-bekendtgørelse nr. 807 af 1. juli 2015, som ændret senest ved "
     "§ 4 i lov nr. 300 af 22. marts 2016, foretages følgende ændring:", "LBK 807/2015"),  # LOV 395/2016 § 9 (not a BEK)
    ("I lov om Arbejdsmarkedets Tillægspension, jf. lovbe-kendtgørelse nr. 1110 af 10. oktober 2014, foretages "
     "følgende ændringer:", "LBK 1110/2014"),  # LOV 395/2016 § 11
    # the LBK cited loosely, "af" for "nr." (parsers.citations.loose_lbk, as LBK introductions cite loosely too)
    ("I lov om DSB, jf. lovbekendtgørelse af 1184 af 12. oktober 2010, som ændret ved lov nr. 1402 af 23. december 2012 "
     "og lov nr. 686 af 27. maj 2015, foretages følgende ændringer:", "LBK 1184/2010"),  # LOV 172/2016 § 1
]


@pytest.mark.parametrize(("text", "target"), OPENINGS, ids=[t[:50] for t, _ in OPENINGS])
def test_opening(text: str, target: str) -> None:
    m = search_opening(f"§ 1. {text} 1. I § 2 ændres »A« til: »B«.")
    assert m is not None and regex.search(r"ændring(?:er)?:$", m["all"])
    ref, _ = parse_opening(m["cited"])
    assert f"{ref.kind} {ref.number}/{ref.date.year if ref.date else ''}" == target


def test_a_hyphen_joins_a_citation_word_only_inside_it() -> None:
    # "lov-bekendtgørelse" is one word broken over a line (LOV 395/2016 § 9); "lov- og bekendtgørelse" is two words
    assert [(r.kind, r.number) for r in find_docrefs("jf. lov-bekendtgørelse nr. 807 af 1. juli 2015")] == [("LBK", 807)]
    assert [(r.kind, r.number) for r in find_docrefs("regler i lov- og bekendtgørelse nr. 5 af 1. juli 2015")] == [
        ("BEK", 5)]


# (the cited part of a change block's opening, its "som ændret ved" list) — every wording of that list
AMENDED_BY = [
    # LOV 523/2015 § 3: "som ændret senest ved" (687 times in the corpus); before, the list read empty and LOV
    # 174/2015 (lov om kontantydelse) was taken for the target while LBK 1193/2014 is not in the corpus
    ("lov om aktiv socialpolitik, jf. lovbekendtgørelse nr. 1193 af 13. november 2014, som ændret senest ved § 27 i "
     "lov nr. 174 af 24. februar 2015", ["LOV 174/2015"]),
    ("straffeloven, jf. lovbekendtgørelse nr. 1062 af 17. november 2011, som ændret ved § 22 i lov nr. 112 af 3. "
     "februar 2012", ["LOV 112/2012"]),  # LOV 157/2012 § 1
    ("lov om X, jf. lovbekendtgørelse nr. 1 af 2. januar 2014, som senest ændret ved lov nr. 5 af 6. januar 2015",
     ["LOV 5/2015"]),
    ("lov om X, jf. lovbekendtgørelse nr. 1 af 2. januar 2014", []),
    # "bl.a" without its last full stop (LOV 924/2012 § 8, the corpus's only one)
    ("lov om X, jf. lovbekendtgørelse nr. 1 af 2. januar 2014, som ændret bl.a ved lov nr. 5 af 6. januar 2015",
     ["LOV 5/2015"]),
]


@pytest.mark.parametrize(("cited", "amended"), AMENDED_BY, ids=[a[0][:40] for a in AMENDED_BY])
def test_the_amended_by_list_of_an_opening(cited: str, amended: list[str]) -> None:
    _, refs = parse_opening(cited)
    assert [f"{r.kind} {r.number}/{r.date.year if r.date else ''}" for r in refs] == amended
