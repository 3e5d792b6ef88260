"""The day the minister put an act, or parts of it, in force, as an LBK's note says it (parsers.set_in_force)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.parsers.set_in_force import (
    ikraft_notes,
    read_in_act,
    read_sentence,
    set_in_force,
    set_in_force_in_acts,
)

DATA = Path(__file__).resolve().parent / "data" / "minister_days"

# (a real note sentence, the LBK printing it) → (act number, year, {§: numbered changes or None} or None, day)
READ = [
    ("§ 6, nr. 1, i lov nr. 625 af 14. juni 2011 er sat i kraft den 1. november 2011, jf. bekendtgørelse nr. 998 af "
     "25. oktober 2011.", "LBK 418/2016", (625, 2011, {"6": {1}}, dt.date(2011, 11, 1))),
    ("Bestemmelserne i § 6, nr. 1 og 3, i lov nr. 744 af 1. juni 2015 er sat i kraft den 28. november 2015, jf. § 2 og "
     "§ 4 i bekendtgørelse nr. 1301 af 20. november 2015.", "LBK 418/2016", (744, 2015, {"6": {1, 3}}, dt.date(2015, 11, 28))),
    ("§ 78, nr. 1, 2, 4-7, 9-29 og 31-46, i lov nr. 1392 af 27. december 2008 er sat i kraft den 1. juni 2009, jf. "
     "bekendtgørelse nr. 413 af 17. maj 2009.", "LBK 279/2012",
     (1392, 2008, {"78": {1, 2, *range(4, 8), *range(9, 30), *range(31, 47)}}, dt.date(2009, 6, 1))),
    ("Bestemmelsen i § 9 i lov nr. 1631 af 26. december 2013 trådte i kraft den 1. juli 2016, jf. bekendtgørelse nr. "
     "775 af 24. juni 2016 om ikrafttræden af visse bestemmelser i lov om ændring af lov om vandforsyning m.v.",
     "LBK 1202/2016", (1631, 2013, {"9": None}, dt.date(2016, 7, 1))),
    ("§ 2, nr. 3, i lov nr. 576 af 18. juni 2012 er trådt i kraft den 28. november 2015, jf. § 1og § 4 i "
     "bekendtgørelse nr. 1301 af 20. november 2015.", "LBK 418/2016", (576, 2012, {"2": {3}}, dt.date(2015, 11, 28))),
    ("§ 1, nr. 24 delvis, 25, 29, 30 og 36-38, i lov nr. 641 af 12. juni 2013 er sat i kraft den 13. november 2013, jf. "
     "bekendtgørelse nr. 1270 af 7. november 2013.", "LBK 1274/2013",
     (641, 2013, {"1": {25, 29, 30, 36, 37, 38}}, dt.date(2013, 11, 13))),  # nr. 24 only in part: not dated
    ("Lov nr. 901 af 4. juli 2013 er sat i kraft den 1. august 2013, jf. bekendtgørelse nr. 970 af 23. juli 2013.",
     "LBK 1275/2013", (901, 2013, None, dt.date(2013, 8, 1))),
    ("Lov nr. 1384 af 20. december 2004 er sat i kraft den 1. januar 2005, jf. bekendtgørelse nr. 1483 af 23. december "
     "2004.", "LBK 1097/2011", (1384, 2004, None, dt.date(2005, 1, 1))),
]

# real note sentences that are not read, and why
NOT_READ = [
    # no day: the bekendtgørelse's own date is not the day in force (LBK 959/2012)
    "Loven er sat i kraft ved bekendtgørelse nr. 614 af 13. juni 2012.",
    # the act's own note names no act (LBK 1188/2016 § 157, stk. 7): a unit of the law, not an item of an act
    "Bestemmelsen er sat i kraft den 1. juli 2016, jf. bekendtgørelse nr. 1018 af 29. juni 2016.",
    # an exception in the subject (LBK 1018/2013)
    "Lov nr. 1563 af 20. december 2006, med undtagelse af lovens § 13, nr. 1 og 2, trådte i kraft den 1. juli 2007, "
    "jf. bekendtgørelse nr. 415 af 8. maj 2007.",
    # units of the law, not of the act (LBK 947/2011)
    "Udlændingelovens § 9 a, stk. 2, nr. 1, og stk. 15, trådte i kraft den 1. juli 2008, jf. bekendtgørelse nr. 627 af "
    "25. juni 2008.",
    # a proviso between the day and the bekendtgørelse (LBK 39/2014)
    "Bestemmelser i § 12 som affattet ved § 1, nr. 13 i lov nr. 1408 af 27. december 2008 trådte i kraft den 1. juli "
    "2009 med virkning for ansøgning om uddannelsesstøtte, jf. bekendtgørelse nr. 453 af 8. juni 2009.",
    # the only change named is put in force only in part (LBK 1330/2013)
    "§ 1, nr. 1 delvis, i lov nr. 900 af 4. juli 2013 er sat i kraft den 1. december 2013, jf. bekendtgørelse nr. 1319 "
    "af 22. november 2013.",
    # a chapter of the act, for Greenland (LBK 102/2012 shape)
    "Kapitel 10 i lov nr. 493 af 9. juni 2004 er sat i kraft den 1. juli 2004, jf. bekendtgørelse nr. 550 af 17. juni "
    "2004.",
    # several days in one sentence (LBK 516/2010)
    "Dele af bestemmelsen er således sat i kraft henholdsvis den 1. januar 2009, jf. bekendtgørelse nr. 1414 af 27. "
    "december 2008, den 1. juni 2009, jf. bekendtgørelse nr. 413 af 17. maj 2009.",
]


@pytest.mark.parametrize(("sentence", "lbk", "expected"), READ)
def test_a_note_sentence_is_read(sentence: str, lbk: str, expected: tuple[object, ...]) -> None:
    r = read_sentence(sentence)
    assert r is not None, lbk
    number, year, parts, day = expected
    assert (r.number, r.year, r.day) == (number, year, day)
    got = None if r.parts is None else {p.paragraf: (None if p.items is None else set(p.items)) for p in r.parts}
    assert got == parts


@pytest.mark.parametrize("sentence", NOT_READ)
def test_other_sentences_are_not_read(sentence: str) -> None:
    assert read_sentence(sentence) is None


def test_a_note_is_read_sentence_by_sentence() -> None:
    """LBK 418/2016 note 10: a repeal, then the day of the repealing act."""
    note = ("§ 2, nr. 1, 3 og 4, i lov nr. 576 af 18. juni 2012 er efterfølgende ophævet, jf. § 5, nr. 1, i lov nr. 641 "
            "af 12. juni 2013. § 5, nr. 1, i lov nr. 641 af 12. juni 2013 er sat i kraft den 13. november 2013, jf. "
            "bekendtgørelse nr. 1270 af 7. november 2013.")
    [r] = set_in_force([note])
    assert (r.number, r.year, r.day) == (641, 2013, dt.date(2013, 11, 13))


HEAD_633 = "Lov nr. 633 af 16. juni 2014 (Ophævelse af forsyningspligten …) indeholder følgende ikrafttrædelsesbestemmelse:"


def test_a_note_in_an_acts_commencement_section_speaks_of_that_act() -> None:
    """LBK 11/2014 (konkursloven) prints LOV 718/2010's "Justitsministeren fastsætter tidspunktet for lovens
    ikrafttræden" with note 5: "Loven trådte i kraft den 1. april 2011, jf. bekendtgørelse nr. 208 af 15. marts 2011."
    (excerpt); the act's other note ("Lovændringen vedrører § 1, …") says no day."""
    [r] = set_in_force_in_acts(ikraft_notes((DATA / "LBK-2014-11-ikraft.xml").read_bytes()))
    assert (r.number, r.year, r.parts, r.day) == (718, 2010, None, dt.date(2011, 4, 1))


@pytest.mark.parametrize(("sentence", "expected"), [
    # LBK 352/2016 shape: "Lovens" and the parts, the bekendtgørelse's own § before it
    ("Lovens § 1, nr. 1-3, 5-16 og 18-19, blev sat i kraft den 1. januar 2015, jf. § 3, stk. 1, i bekendtgørelse nr. "
     "1338 af 11. december 2014.", {"1": {1, 2, 3, *range(5, 17), 18, 19}}),
    ("Loven er sat i kraft den 1. januar 2001, jf. bekendtgørelse nr. 1330 af 20. december 2000.", None),  # LBK 516/2010
])
def test_the_act_of_the_section_is_the_subject(sentence: str, expected: dict[str, set[int]] | None) -> None:
    r = read_in_act(sentence, HEAD_633)
    assert r is not None and (r.number, r.year) == (633, 2014)
    assert (None if r.parts is None else {p.paragraf: set(p.items or ()) for p in r.parts}) == expected


@pytest.mark.parametrize("sentence", [
    "Loven med undtagelse af § 13, nr. 1 og 2 trådte i kraft den 1. juli 2007, jf. bekendtgørelse nr. 415 af 8. maj "
    "2007.",  # LBK 856/2010: an exception
    "Loven blev sat i kraft for Grønland den 1. juli 2010 ved kongelig anordning nr. 656 af 11. juni 2010.",  # Greenland
    "Lovens § 13 er ikke sat i kraft.",  # LBK 516/2010
])
def test_other_section_notes_are_not_read(sentence: str) -> None:
    assert read_in_act(sentence, HEAD_633) is None
