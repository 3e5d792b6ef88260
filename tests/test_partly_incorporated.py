"""A change an LBK names as not incorporated only in part (parsers.concerning, parsers.not_incorporated,
amender.item_part). Drafting convention (Justitsministeriets vejledning om lovbekendtgørelser): a change not
incorporated is named in the introduction; where only part of a numbered change is left out, the LBK names the
units of the law that part concerns, and only the item's operations on those units are left out.

The rows are real sentences of corpus LBKs. The cases are excerpts of two development cases (tests/data/amend/
partly-641, cut by make_excerpt.py): LOV 641/2013 § 1, nr. 24 ("Efter § 35 indsættes …: »§ 35 a. … § 35 b. …«")
named "24 delvis" by LBK 1274/2013, which prints § 35 a and says the changes "der vedrører … §§ 35 b, 37 a og 41
…, og som følger af § 1, nr. 5, 21, 24 delvis, …" are not incorporated; and by LBK 122/2015, whose base LBK
1330/2013 says the same: it brings § 35 b, after the § 35 a its base has.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lovkons.amender.item_part import ItemPart, moved_paragraphs, places, split
from lovkons.amender.manifest import load_manifest, read_order, run_manifest
from lovkons.parsers.concerning import read_units
from lovkons.parsers.not_incorporated import not_incorporated
from lovkons.review.evaluate import paragraf_map, problem_labels

_U641 = "§ 13, § 35, stk. 2, nr. 1, § 35 b, § 37 a, § 41, § 51, stk. 2, nr. 1, § 51, stk. 4, § 53, stk. 2"
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
     [(900, 2013, "1", set(), {1}, "§ 43 b, § 43 c, § 43 d, § 43 b-§ 43 d", "")]),
    ("De ændringer, der vedrører § 5, nr. 1, 2, 6, 9 og 14, § 22, stk. 3 og 4, § 28, stk. 2, nr. 7-15, §§ 71 a-73 og §§ "
     "81-83, og som følger af § 1, nr. 2-6, 17, 19, 26, 44 og 50, i lov nr. 633 af 16. juni 2014, er efterfølgende "
     "ophævet, jf. § 3, nr. 1 i lov nr. 577 af 4. maj 2015 om ændring af lov om elforsyning (Justering og udskydelse "
     "af engrosmodellen og udskydelse af leveringspligten). Disse ændringer er derfor ikke indarbejdet i denne "
     "lovbekendtgørelse.",  # LBK 418/2016: "§§ 71 a-73" runs through the §§ between
     [(633, 2014, "1", {2, 3, 4, 5, 6, 17, 19, 26, 44, 50}, set(),
       "§ 5, nr. 1, § 5, nr. 2, § 5, nr. 6, § 5, nr. 9, § 5, nr. 14, § 22, stk. 3, § 22, stk. 4, § 28, stk. 2, nr. 7, "
       "§ 28, stk. 2, nr. 8, § 28, stk. 2, nr. 9, § 28, stk. 2, nr. 10, § 28, stk. 2, nr. 11, § 28, stk. 2, nr. 12, "
       "§ 28, stk. 2, nr. 13, § 28, stk. 2, nr. 14, § 28, stk. 2, nr. 15, § 71 a-§ 73, § 73, § 81, § 82, § 83, "
       "§ 81-§ 83", "")]),
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


DATA = Path(__file__).parent / "data" / "amend" / "partly-641"


def _nr24() -> tuple:
    order = read_order(DATA / "act.xml")
    return next(i for b in order.changes for i in b.items if i.number == 24).operations


def test_an_insertion_of_two_paragraphs_is_split_by_the_units_left_out() -> None:
    """LBK 1274/2013 leaves out § 35 b of nr. 24's "Efter § 35 indsættes: »§ 35 a. … § 35 b. …«"."""
    applies, held, refused = split(_nr24(), ItemPart(held=read_units(_U641) or ()))
    assert [(str(op.target), [str(p) for p in places(op) or ()]) for op in applies] == [("§ 35", ["§ 35 a"])]
    assert [[str(p) for p in places(op) or ()] for op in held] == [["§ 35 b"]]
    assert refused == []


def test_the_part_the_base_left_out_goes_after_the_unit_the_base_has() -> None:
    """LBK 1330/2013 (the base of LBK 122/2015) has § 35 a of nr. 24: only § 35 b applies, after it."""
    applies, held, refused = split(_nr24(), ItemPart(only=read_units(_U641) or ()))
    assert [(str(op.target), [str(p) for p in places(op) or ()]) for op in applies] == [("§ 35 a", ["§ 35 b"])]
    assert held == refused == []


def test_a_unit_left_out_inside_a_new_paragraph_refuses_that_paragraph() -> None:
    """A stk. of the new § 35 a left out (made up): § 35 a cannot be cut, so it is refused, § 35 b applies."""
    applies, held, refused = split(_nr24(), ItemPart(held=read_units("§ 35 a, stk. 2") or ()))
    assert [[str(p) for p in places(op) or ()] for op in (applies, refused)[1]] == [["§ 35 a"]]
    assert [[str(p) for p in places(op) or ()] for op in applies] == [["§ 35 b"]] and held == []


def test_labels_in_a_paragraph_the_act_renumbers_do_not_tell() -> None:
    """LBK 418/2016 names "§ 5, nr. 1, 2, 6, 9 og 14" (its own numbers) of LOV 633/2014 § 1, nr. 2-6, whose nr. 4
    reads "I § 5, nr. 5, der bliver nr. 6, udgår …" (the numbers before it; nr. 2 renumbers § 5): by labels the
    operation lies outside the units, so it is held, as the whole item was, not applied
    (tests/data/amend/other-act-2015: LOV 633/2014 § 1, nr. 1-9)."""
    order = read_order(Path(__file__).parent / "data" / "amend" / "other-act-2015" / "earlier.xml")
    nr4 = next(i for b in order.changes for i in b.items if i.number == 4).operations
    units = read_units("§ 5, nr. 1, 2, 6, 9 og 14, § 22, stk. 3 og 4, § 28, stk. 2, nr. 7-15, §§ 71 a-73 og §§ 81-83")
    assert units is not None and "§ 81-§ 83" in _units(units)  # "§§ 81-83" runs through the §§ 82 a-82 c put between
    assert "5" in moved_paragraphs(order)
    assert split(nr4, ItemPart(held=units), moved_paragraphs(order)) == ([], list(nr4), [])
    nr5 = next(i for b in order.changes for i in b.items if i.number == 5).operations  # "§ 5, nr. 8, der bliver nr. 9"
    assert split(nr5, ItemPart(held=units)) == ([], list(nr5), [])  # no operation on the units: held whole, as named


def test_an_item_with_no_operation_on_the_units_named_is_held_whole() -> None:
    """LBK 1274/2013 names "§ 13, … § 53, stk. 2" for LOV 641/2013 § 1, nr. 24, whose operation brings §§ 35 a and
    35 b: with units that miss it (made up: "§ 99"), the item is not applied on the labels' say-so but held whole."""
    assert split(_nr24(), ItemPart(held=read_units("§ 99") or ())) == ([], list(_nr24()), [])


def test_the_lbk_prints_the_part_of_the_item_it_incorporates() -> None:
    run = run_manifest(load_manifest(DATA / "manifest-1274.yaml"), lenient=True, as_printed=True)
    assert run.expected is not None
    ours, lbk = paragraf_map(run.result.document), paragraf_map(run.expected)
    assert ours["35a"] == lbk["35a"] and "35b" not in ours and "35b" not in lbk
    codes = {p.code for p in run.result.problems if p.source == "LOV 641/2013 § 1, nr. 24"}
    assert codes == {"ITEM_NOT_INCORPORATED"}
    assert [str(p.source) for p in run.result.pending] == ["LOV 641/2013 § 1, nr. 24"]


def test_without_the_lbk_compared_with_the_part_is_not_known() -> None:
    run = run_manifest(load_manifest(DATA / "manifest-1274.yaml"), lenient=True, as_printed=False)
    assert "35a" not in paragraf_map(run.result.document)
    assert any(p.code == "PARTIAL_NOT_APPLIED" and p.severity == "error" for p in run.result.problems)


def test_the_part_the_base_has_not_is_applied() -> None:
    run = run_manifest(load_manifest(DATA / "manifest-122.yaml"), lenient=True, as_printed=True)
    assert run.expected is not None
    ours, lbk = paragraf_map(run.result.document), paragraf_map(run.expected)
    assert ours["35b"] == lbk["35b"] and ours["35a"] == paragraf_map(run.base)["35a"]
    assert {p.code for p in run.result.problems if p.source == "LOV 641/2013 § 1, nr. 24"} == {"ITEM_IN_BASE"}


def test_a_change_named_in_part_with_no_unit_is_refused_and_said(tmp_path: Path) -> None:
    """Made up from LBK 1274/2013: the sentence without the units ("§ 1, nr. … 24 delvis …" alone), the act named whole:
    which part of nr. 24 is left out is not said, so nr. 24 is not applied (an error naming the LBK's sentence)."""
    for f in DATA.iterdir():
        shutil.copy(f, tmp_path / f.name)
    lbk = tmp_path / "lbk-1274.xml"
    text = lbk.read_text(encoding="utf-8")
    old = ("De ændringer, der vedrører § 13, § 35, stk. 2, nr. 1, §§ 35 b, 37 a og 41, § 51, stk. 2, nr. 1, og stk. 4, "
           "og § 53, stk. 2, og som følger af")
    assert text.count(old) == 1
    lbk.write_text(text.replace(old, "De ændringer, der følger af"), encoding="utf-8")
    manifest = tmp_path / "manifest-1274.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("24 delvis", "24"), encoding="utf-8")
    run = run_manifest(load_manifest(manifest), lenient=True, as_printed=True)
    said = [p for p in run.result.problems if p.source == "LOV 641/2013 § 1, nr. 24"]
    assert [(p.code, p.severity) for p in said] == [("PARTIAL_NOT_APPLIED", "error")]
    assert "24 delvis" in said[0].message and "35a" not in paragraf_map(run.result.document)
    assert problem_labels(tuple(said)) == {"35a", "35b"}  # the §§ it changes; not "§ 1" of the act, nor the quote


def test_the_base_alone_does_not_say_which_part_of_a_delvis_is_incorporated() -> None:
    """Without the LBK compared with, "24 delvis" is not read by what the base left out (LBK 1330/2013 leaves out a
    part of what its base left out of LOV 900/2013 § 1, nr. 1): refused, as before."""
    run = run_manifest(load_manifest(DATA / "manifest-122.yaml"), lenient=True, as_printed=False)
    assert "35b" not in paragraf_map(run.result.document)
    assert [p.code for p in run.result.problems if p.source and p.source.startswith("LOV 641/2013 § 1, nr. 24")] == [
        "PARTIAL_NOT_APPLIED"]
