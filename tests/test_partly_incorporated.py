"""A change an LBK names as not incorporated only in part (parsers.concerning, parsers.not_incorporated).
Drafting convention (Justitsministeriets vejledning om lovbekendtgørelser): a change not incorporated is named in
the introduction; where only part of a numbered change is left out, the LBK names the units of the law that part
concerns. The rows are real sentences of corpus LBKs.
"""

from __future__ import annotations

import pytest

from lovkons.parsers.concerning import read_units
from lovkons.parsers.not_incorporated import not_incorporated

# (sentence, [(act number, year, § of the act, nr. whole, nr. in part, units of all, units of those in part)])
SENTENCES = [
    ("De ændringer, der vedrører § 41, stk. 4-7, og § 66, stk. 2, og som følger af § 1, nr. 2-6, i lov nr. 1877 af 29."
     " december 2015 om ændring af lov om fremme af vedvarende energi (Nedsættelse af støtte for husstandsvindmøller),"
     " er ikke indarbejdet i denne lovbekendtgørelse.",  # LBK 1141/2016
     [(1877, 2015, "1", {2, 3, 4, 5, 6}, set(), "§ 41, stk. 4, § 41, stk. 5, § 41, stk. 6, § 41, stk. 7, § 66, stk. 2",
       "")]),
    ("De ændringer, der følger af § 1, nr. 9, 12 samt nr. 13 vedrørende § 132 a i lov nr. 565 af 18. juni 2012 om "
     "ændring af færdselsloven og lov om ungdomsskoler, er ikke indarbejdet i denne lovbekendtgørelse.",  # LBK 1055/2012
     [(565, 2012, "1", {9, 12}, {13}, "", "§ 132 a")]),
    ("De ændringer, der følger af § 2, nr. 2-4, § 2, nr. 5 (for så vidt angår § 7 a, stk. 4), og § 2, nr. 6-9, 15, 16, "
     "20, 22, 23, 26-41, 47, 48, 51-62, 64, 65, 68, 71, 72, 74, 76-78, 80, 81, 83, 84 og 86, i lov nr. 1490 af 23. "
     "december 2014 er ikke indarbejdet i denne lovbekendtgørelse, da ændringerne ikke er trådt i kraft.",  # LBK 1229/2016
     [(1490, 2014, "2", {2, 3, 4, 6, 7, 8, 9, 15, 16, 20, 22, 23, *range(26, 42), 47, 48, *range(51, 63), 64, 65, 68,
                         71, 72, 74, 76, 77, 78, 80, 81, 83, 84, 86}, {5}, "", "§ 7 a, stk. 4")]),
    ("De ændringer af §§ 54 og 71, der følger af § 1, nr. 2-5, i lov nr. 1114 af 29. december 1997 om ændring af lov om"
     " luftfart (Promillegrænse og ændring vedrørende Eurocontrolkonvention) er ikke indarbejdet i denne "
     "lovbekendtgørelse, da ikrafttræden af disse ændringer fastsættes af transportministeren, jf. § 2, stk. 2, i lov "
     "nr. 1114 af 29. december 1997.",  # LBK 959/2011
     [(1114, 1997, "1", {2, 3, 4, 5}, set(), "§ 54, § 71", "")]),
    ("De ændringer, der følger af § 1, nr. 19-22, i lov nr. 490 af 21. maj 2013 om ændring af lov om forurenet jord "
     "(Offentlig indsats over for jordforurening, der kan have skadelig virkning på vand eller natur, og nedlæggelse af"
     " Depotrådet m.v.), som vedrører lovens § 18 og § 19, er ikke indarbejdet i denne lovbekendtgørelse, da "
     "ændringerne ikke er trådt i kraft.",  # LBK 895/2015
     [(490, 2013, "1", {19, 20, 21, 22}, set(), "§ 18, § 19", "")]),
    ("De ændringer, der følger af § 1, nr. 9, for så vidt angår opkrævningslovens § 16, stk. 1, nr. 6, 7 og 14-18, og "
     "stk. 2, i lov nr. 513 af 7. juni 2006 træder i kraft efter skatteministerens bestemmelse. Disse ændringer er "
     "derfor ikke indarbejdet i lovteksten nedenfor, men det fremgår af noterne, hvilke paragraffer, der ændres ved "
     "disse love.",  # LBK 1127/2013 (not read before: the words "for så vidt angår …" did not read as a part)
     [(513, 2006, "1", set(), {9}, "", "§ 16, stk. 1, nr. 6, § 16, stk. 1, nr. 7, § 16, stk. 1, nr. 14, § 16, stk. 1, "
       "nr. 15, § 16, stk. 1, nr. 16, § 16, stk. 1, nr. 17, § 16, stk. 1, nr. 18, § 16, stk. 2")]),
    ("De ændringer, der vedrører §§ 43 b-43 d, og som følger af § 1, nr. 1 delvis, i lov nr. 900 af 4. juli 2013 om "
     "ændring af lov om fremme af vedvarende energi (Ændring af støtte til visse solcelleanlæg), er ikke indarbejdet i"
     " denne lovbekendtgørelse.",  # LBK 122/2015: "delvis", and the units of the part
     [(900, 2013, "1", set(), {1}, "§ 43 b, § 43 c, § 43 d", "")]),
    ("De ændringer, der vedrører § 5, nr. 1, 2, 6, 9 og 14, § 22, stk. 3 og 4, § 28, stk. 2, nr. 7-15, §§ 71 a-73 og §§ "
     "81-83, og som følger af § 1, nr. 2-6, 17, 19, 26, 44 og 50, i lov nr. 633 af 16. juni 2014, er efterfølgende "
     "ophævet, jf. § 3, nr. 1 i lov nr. 577 af 4. maj 2015 om ændring af lov om elforsyning (Justering og udskydelse "
     "af engrosmodellen og udskydelse af leveringspligten). Disse ændringer er derfor ikke indarbejdet i denne "
     "lovbekendtgørelse.",  # LBK 418/2016: "§§ 71 a-73" runs through the §§ between
     [(633, 2014, "1", {2, 3, 4, 5, 6, 17, 19, 26, 44, 50}, set(),
       "§ 5, nr. 1, § 5, nr. 2, § 5, nr. 6, § 5, nr. 9, § 5, nr. 14, § 22, stk. 3, § 22, stk. 4, § 28, stk. 2, nr. 7, "
       "§ 28, stk. 2, nr. 8, § 28, stk. 2, nr. 9, § 28, stk. 2, nr. 10, § 28, stk. 2, nr. 11, § 28, stk. 2, nr. 12, "
       "§ 28, stk. 2, nr. 13, § 28, stk. 2, nr. 14, § 28, stk. 2, nr. 15, § 71 a-§ 73, § 73, § 81, § 82, § 83", "")]),
    # words that are no list of units: the items are withheld whole, as named
    ("De ændringer der følger af § 2, nr. 3, 4, 7, 8 og 9, i lov nr. 484 af 11. maj 2010 om ændring af lov om "
     "naturbeskyttelse, lov om miljøbeskyttelse og forskellige andre love (Ændringer som følge af lov om Natur- og "
     "Miljøklagenævnet m.v.), og som vedrører § 32, stk. 3, alle steder i loven, hvor der står Miljøklagenævnet, § 91,"
     " stk. 1 og 2, § 96, stk. 2 og kapitel 12, er ikke indarbejdet i denne lovbekendtgørelse, da ændringerne endnu "
     "ikke er trådt i kraft.",  # LBK 879/2010
     [(484, 2010, "2", {3, 4, 7, 8, 9}, set(), "", "")]),
    # "som ændringerne vedrører" says why, not which part
    ("De ændringer, der følger af § 1, nr. 4 og 5, i lov nr. 431 af 1. juni 2008, er ikke indarbejdet i denne "
     "lovbekendtgørelse, da de bestemmelser, som ændringerne vedrører, senere er ophævet, jf. § 1, nr. 1 og 2, i lov "
     "nr. 1511 af 27. december 2009.",  # LBK 1061/2010
     [(431, 2008, "1", {4, 5}, set(), "", "")]),
]


def _units(units: tuple) -> str:
    return ", ".join(map(str, units))


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_the_units_a_change_left_out_concerns(sentence: str, expected: list) -> None:
    found = [(w.number, w.year, w.paragraf, set(w.items or ()), set(w.partly), _units(w.units), _units(w.partly_units))
             for w in not_incorporated(sentence)]
    assert found == expected


def test_no_list_of_units() -> None:
    assert read_units("§ 32, stk. 3, alle steder i loven, hvor der står Miljøklagenævnet") is None
    assert _units(read_units("lovens § 18 og § 19") or ()) == "§ 18, § 19"
