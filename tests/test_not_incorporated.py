"""The changes an official consolidation says it has not incorporated (parsers.not_incorporated): the eval leaves
them pending. Real sentences from the introductions and notes of the LBKs of the development cases; a lawyer can
add a row. The case: LBK 748/2016 (dagtilbudsloven) incorporates LOV 665/2016 § 7, nr. 1-6, 8, 10 and 12 (in force
1 July 2016, after the LBK's date of 20 June 2016) and says it has not incorporated nr. 7, 9, 11 and 13 (1 July
2018). Excerpts: §§ 11, 12 and 43 of LBK 167/2015 and of LBK 748/2016 (with its introduction), LOV 665/2016 § 7
(tests/data/amend/not-incorporated-2016, cut by make_excerpt.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import Consolidation
from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.model.document import Meta
from lovkons.model.edits import AmendingDocument
from lovkons.parsers.not_incorporated import in_notes, incorporated_by_base, not_incorporated
from lovkons.review.evaluate import paragraf_map
from lovkons.review.renames import name_only

# (sentence of an LBK's introduction, [(act number, year, § of the act, its nr. or None = all)])
INTRODUCTIONS = [
    ("De ændringer, der følger af § 7, nr. 7, 9, 11 og 13, i lov nr. 665 af 8. juni 2016 om ændring af integrationsloven"
     " og forskellige andre love (Bedre rammer for at modtage og integrere flygtninge og styrket virksomhedsrettet "
     "integrationsprogram m.v.), er ikke indarbejdet i denne lovbekendtgørelse, da ændringerne træder i kraft den 1. "
     "juli 2018, jf. § 12, stk. 5, i lov nr. 665 af 8. juni 2016.",  # LBK 748/2016
     [(665, 2016, "7", {7, 9, 11, 13})]),
    ("De ændringer, der følger af § 1, nr. 11, i lov nr. 516 af 12. juni 2009 og § 3 i lov nr. 616 af 12. juni 2013, er"
     " ikke indarbejdet i denne lovbekendtgørelse, da ændringerne ikke er trådt i kraft.",  # LBK 1253/2013
     [(516, 2009, "1", {11}), (616, 2013, "3", None)]),
    ("De ændringer, der følger af lov nr. 468 af 18. maj 2011, er ikke indarbejdet i denne lovbekendtgørelse, da disse"
     " ændringer først træder i kraft den 1. januar 2012, jf. § 2 i lov nr. 468 af 18. maj 2011.",  # LBK 904/2011
     [(468, 2011, None, None)]),
    # "vedrører …, og som følger af": the §§ of the law come first; "jf. lovens § 5, stk. 1" is no change
    ("De ændringer, der vedrører § 41, stk. 4, og § 66, stk. 2, og som følger af § 1, nr. 3 og 6, i lov nr. 1877 af 29."
     " december 2015 om ændring af lov om fremme af vedvarende energi (Nedsættelse af støtte for husstandsvindmøller),"
     " er ikke indarbejdet i denne lovbekendtgørelse. Dette skyldes, at tidspunktet for ikrafttræden af disse ændringer"
     " fastsættes af energi-, forsynings- og klimaministeren, jf. lovens § 2, stk. 2.",  # LBK 1288/2016
     [(1877, 2015, "1", {3, 6})]),
    # two sentences: the changes, then "Disse ændringer er derfor ikke indarbejdet"
    ("De ændringer, der følger af § 7, nr. 1, 4 og 5 i lov nr. 433 af 16. maj 2012, har virkning fra den 1. januar 2013."
     " Disse ændringer er derfor ikke indarbejdet i denne lovbekendtgørelse, men det fremgår af noterne, hvilke "
     "paragraffer, der ændres ved denne lov.",  # LBK 1121/2012
     [(433, 2012, "7", {1, 4, 5})]),
    # "Disse ændringer" points back to every sentence naming changes since the last withholding one
    ("De ændringer, der følger af § 2, nr. 1-3, 5, 8-11, 14 og 15 i lov nr. 1564 af 21. december 2010, træder i kraft "
     "den 1. juli 2011, jf. § 9, stk. 1, i lov nr. 1564 af 21. december 2010. De ændringer, der følger af § 2, nr. 4, "
     "6-7, 12 og 13 i lov nr. 1564 af 21. december 2010, træder i kraft efter skatteministerens nærmere bestemmelse, "
     "jf. § 9, stk. 3, i lov nr. 1564 af 21. december 2010. Disse ændringer er derfor ikke indarbejdet i lovteksten "
     "nedenfor, men det fremgår af noterne, hvilke paragraffer, der ændres ved denne lov.",  # LBK 312/2011
     [(1564, 2010, "2", {1, 2, 3, 5, 8, 9, 10, 11, 14, 15}), (1564, 2010, "2", {4, 6, 7, 12, 13})]),
    # a sentence with its own subject withholds only what it names
    ("De ændringer, der følger af § 2, nr. 2-4, i lov nr. 722 af 25. juni 2010, træder i kraft efter skatteministerens "
     "nærmere bestemmelse. De ændringer, der følger af § 2, nr. 5, i lov nr. 722 af 25. juni 2010, er ikke indarbejdet "
     "i lovteksten.", [(722, 2010, "2", {5})]),  # made-up contrast to the row above
    # "følger" without "af", a slip of the LBK (LBK 358/2014): still the change it names
    ("Den ændring, der følger § 1, nr. 20, i lov nr. 1391 af 23. december 2012, er ikke indarbejdet i denne "
     "lovbekendtgørelse, da denne ændring træder i kraft den 1. januar 2016.", [(1391, 2012, "1", {20})]),
    ("Den ændring, der følger af § 1, nr. 15, i lov nr. 493 af 12. maj 2010, er ikke indarbejdet i denne "
     "lovbekendtgørelse, da ændringen efterfølgende er ophævet, jf. § 4, nr. 2, i lov nr. 251 af 30. marts 2011.",
     [(493, 2010, "1", {15})]),  # LBK 72/2014
    # "som ændret ved …" names the acts that amended the act, not changes left out
    ("De ændringer, der følger af § 1, nr. 2-4, 16, 17 og 22, i lov nr. 716 af 25. juni 2010 om ændring af færdselsloven"
     " og straffeloven, som ændret ved § 2 i lov nr. 479 af 23. maj 2011, er ikke indarbejdet i denne "
     "lovbekendtgørelse, da tidspunktet for ikrafttrædelsen af disse ændringer fastsættes af justitsministeren, jf. § 3,"
     " stk. 3, i lov nr. 716 af 25. juni 2010.",  # LBK 1055/2012
     [(716, 2010, "1", {2, 3, 4, 16, 17, 22})]),
    # named in part: "nr. 13 vedrørende § 132 a" and "nr. 1 delvis" are not withheld whole (the units of the part
    # withheld, "§ 132 a", "§§ 43 b-43 d", are read too: tests/test_partly_incorporated.py)
    ("De ændringer, der følger af § 1, nr. 9, 12 samt nr. 13 vedrørende § 132 a i lov nr. 565 af 18. juni 2012 om "
     "ændring af færdselsloven og lov om ungdomsskoler, er ikke indarbejdet i denne lovbekendtgørelse.",
     [(565, 2012, "1", {9, 12})]),  # LBK 1055/2012
    ("De ændringer, der vedrører §§ 43 b-43 d, og som følger af § 1, nr. 1 delvis, i lov nr. 900 af 4. juli 2013 om "
     "ændring af lov om fremme af vedvarende energi (Ændring af støtte til visse solcelleanlæg), er ikke indarbejdet i"
     " denne lovbekendtgørelse.", [(900, 2013, "1", set())]),  # LBK 122/2015: nr. 1 named in part, not whole
    # the introduction that lists what is incorporated withholds nothing
    ("Herved bekendtgøres lov om dag-, fritids- og klubtilbud m.v. til børn og unge, jf. lovbekendtgørelse nr. 167 af 20."
     " februar 2015, med de ændringer, der følger af § 5 i lov nr. 296 af 22. marts 2016 og § 7 i lov nr. 665 af 8. "
     "juni 2016.", []),
]

NOTES = [
    ("Årsregnskabslovens § 74 er ophævet ved § 1, nr. 11, i lov nr. 516 af 12. juni 2009. Denne ændring er ikke "
     "indarbejdet i lovbekendtgørelsen, da ændringen ikke er trådt i kraft.",  # LBK 1253/2013, note 3
     [(516, 2009, "1", {11})]),
    ("Årsregnskabslovens § 35 b er ændret, og efter § 35 b er indsat en ny § 35 c ved § 3, nr. 1-3, i lov nr. 616 af 12."
     " juni 2013. Disse ændringer er ikke indarbejdet i lovbekendtgørelsen, da ændringerne ikke er trådt i kraft.",
     [(616, 2013, "3", {1, 2, 3})]),  # LBK 1253/2013, note 2
    # "jf. § 4, stk. 2, i lov nr. 1573" between the change and the words that withhold is no change
    ("§ 42, stk. 3, 2. pkt., er affattet ved § 1, nr. 3, i lov nr. 1573 af 15. december 2015. Denne ændring sættes i "
     "kraft af skatteministeren, jf. § 4, stk. 2, i lov nr. 1573 af 15. december 2015. Det er ikke sket endnu, og den "
     "er derfor ikke indarbejdet i lovbekendtgørelsens lovtekst.",  # LBK 119/2016, note 3
     [(1573, 2015, "1", {3})]),
    # an error of the amending act the LBK did not follow: no change "ved" it is named
    ("Ved § 28, nr. 4 i lov nr. 1336 af 19. december 2008 blev der ved en fejl henvist til § 75, stk. 2, som ved lov nr."
     " 508 af 17. juni 2008, blev til § 75, stk. 3. Denne ændring er derfor ikke medtaget.", []),  # LBK 442/2016
]


def _read(found: tuple) -> list[tuple[int, int, str | None, set[int] | None]]:
    return [(w.number, w.year, w.paragraf, None if w.items is None else set(w.items)) for w in found]


@pytest.mark.parametrize(("sentence", "expected"), INTRODUCTIONS)
def test_introduction(sentence: str, expected: list) -> None:
    assert _read(not_incorporated(sentence)) == expected


@pytest.mark.parametrize(("note", "expected"), NOTES)
def test_note(note: str, expected: list) -> None:
    assert _read(in_notes([note])) == expected


def test_a_sentence_pointed_back_to_is_quoted_whole_not_cut_at_a_date() -> None:
    """The sentence a withheld change is reported with runs to its full stop, not to "14." of "14. juni" (review17)."""
    row = next(sentence for sentence, _ in INTRODUCTIONS if "lov nr. 1564" in sentence)  # LBK 312/2011
    first = row[: row.index(" De ændringer, der følger af § 2, nr. 4")]  # it holds "21. december 2010" twice
    assert not_incorporated(row)[0].sentence == first


DATA = Path(__file__).parent / "data" / "amend" / "not-incorporated-2016"


def _texts(as_printed: bool) -> tuple[dict[str, str | None], dict[str, str | None], Consolidation]:
    run = run_manifest(load_manifest(DATA / "manifest.yaml"), lenient=True, as_printed=as_printed)
    assert run.expected is not None
    return paragraf_map(run.result.document), paragraf_map(run.expected), run.result


def test_the_changes_the_lbk_has_not_incorporated_are_left_pending_and_reported() -> None:
    ours, lbk, result = _texts(as_printed=True)
    assert ours["12"] == lbk["12"] and ours["43"] == lbk["43"]
    # § 11, stk. 8 (not changed by the act) names the minister the LBK renamed (the ressort layer's work)
    assert ours["11"] != lbk["11"] and name_only(ours["11"], lbk["11"])
    # nr. 1-6, 8, 10 and 12 take effect on 1 July 2016, after the LBK's date: applied all the same
    assert "Stk. 9. Kommunalbestyrelsen har ansvaret for at give et sprogstimuleringstilbud" in (ours["11"] or "")
    assert sorted(p.source.item or 0 for p in result.pending) == [7, 9, 11, 13]
    said = [p for p in result.problems if p.code == "ITEM_NOT_INCORPORATED"]
    assert sorted(p.source or "" for p in said) == [f"LOV 665/2016 § 7, nr. {n}" for n in (11, 13, 7, 9)]
    assert all(p.severity == "warning" and "er ikke indarbejdet" in p.message for p in said)


def test_without_the_lbk_every_selected_change_is_applied() -> None:
    ours, lbk, result = _texts(as_printed=False)
    assert not result.pending
    assert ours["11"] != lbk["11"] and (ours["11"] or "").startswith("§ 11. Kommunalbestyrelsen har ansvaret for, at der")


# (the base LBK's sentence, the act, its § and nr., in the base's text already?)
IN_BASE = [
    # LBK 1152/2011 leaves out nr. 4-10 of LOV 1539/2010 § 1: nr. 1-3 are in its text (LBK 653/2012 applies nr. 4-10)
    ("De ændringer, der følger af § 1, nr. 4-10, i lov nr. 1539 af 21. december 2010 om ændring af lov om sygedagpenge"
     " (Ændring af beskæftigelseskravet, afskaffelse af ret til sygedagpenge på søgnehelligdage, m.v.), er ikke "
     "indarbejdet i lovbekendtgørelsens tekst, idet disse ændringer først træder i kraft den 2. juli 2012.",
     (1539, 2010), "1", 2, True),
    ("De ændringer, der følger af § 1, nr. 4-10, i lov nr. 1539 af 21. december 2010 om ændring af lov om sygedagpenge,"
     " er ikke indarbejdet i lovbekendtgørelsens tekst.", (1539, 2010), "1", 4, False),
    # another § of the act, or another act: the sentence says nothing of it
    ("De ændringer, der følger af § 1, nr. 4-10, i lov nr. 1539 af 21. december 2010 om ændring af lov om sygedagpenge,"
     " er ikke indarbejdet i lovbekendtgørelsens tekst.", (1539, 2010), "2", 1, False),
    ("De ændringer, der følger af § 1, nr. 4-10, i lov nr. 1539 af 21. december 2010 om ændring af lov om sygedagpenge,"
     " er ikke indarbejdet i lovbekendtgørelsens tekst.", (1599, 2010), "1", 1, False),
    # a change named only in part ("nr. 3 delvis") is not in the base either: its other part is missing (review11)
    ("De ændringer, der følger af § 1, nr. 3 delvis og nr. 4, i lov nr. 100 af 1. marts 2012, er ikke indarbejdet i"
     " denne lovbekendtgørelse.", (100, 2012), "1", 3, False),
    ("De ændringer, der følger af § 1, nr. 3 delvis og nr. 4, i lov nr. 100 af 1. marts 2012, er ikke indarbejdet i"
     " denne lovbekendtgørelse.", (100, 2012), "1", 2, True),
    # a whole § or a whole act left out: none of it is in the base
    ("De ændringer, der følger af § 11 i lov nr. 718 af 25. juni 2010, er ikke indarbejdet i denne lovbekendtgørelse.",
     (718, 2010), "11", 1, False),
    ("De ændringer, der følger af lov nr. 468 af 18. maj 2011, er ikke indarbejdet i denne lovbekendtgørelse.",
     (468, 2011), "1", 1, False),
]


@pytest.mark.parametrize(("sentence", "act", "paragraf", "item", "expected"), IN_BASE)
def test_in_base(sentence: str, act: tuple[int, int], paragraf: str, item: int, expected: bool) -> None:
    order = AmendingDocument(Meta("LOV", act[0], act[1]))
    assert (incorporated_by_base(not_incorporated(sentence), order, paragraf, item) is not None) is expected
