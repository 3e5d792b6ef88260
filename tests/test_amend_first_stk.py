""""§ 60, 1. pkt." on a § of several stk.: the first punktum of a § is the first of its stk. 1, taken where the
quoted text stands there (amender.text_readings, PKT_OF_FIRST_STK); any other punktum of such a § stays
ambiguous. LOV 395/2016 § 1, nr. 7 renames »Arbejdsskadestyrelsen« in "… § 60, 1. pkt., …" of
arbejdsskadesikringsloven, whose § 60 has two stk. (LBK 216/2017 § 60, stk. 1, 1. pkt.). Excerpts: LBK 278/2013
§ 60 (bilag left out); LOV 395/2016 § 1, nr. 7 (tests/data/amend/first-stk-2016)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.amender.manifest import load_manifest, read_doc, read_order, run_manifest
from lovkons.model.document import Document, Meta
from lovkons.model.edits import ReplaceText
from lovkons.review.evaluate import paragraf_map
from tests.amender_trees import A, at, doc, nr, par, run, stk

DATA = Path(__file__).parent / "data" / "amend" / "first-stk-2016"

# § 3 of the small tree has three stk.: "Første stk. om kommunen." / "Andet stk." / "Tredje stk."
# (address, old, new, the first stk. after, or the problem code)
ROWS = [
    ("§ 3, 1. pkt.", "om kommunen", "om regionen", "Første stk. om regionen."),  # the shape of LOV 395/2016 § 1, nr. 7
    ("§ 3, 1. pkt.", "Andet", "Næste", "AMBIGUOUS_TARGET"),  # the quote is not in stk. 1: no proof, refused
    ("§ 3, 2. pkt.", "om kommunen", "om regionen", "AMBIGUOUS_TARGET"),  # another punktum names no stk.
]


@pytest.mark.parametrize(("address", "old", "new", "expected"), ROWS, ids=[f"{r[0]} {r[1]}" for r in ROWS])
def test_the_first_punktum_of_a_paragraf_of_several_stk(address: str, old: str, new: str, expected: str) -> None:
    d, problems = run(ReplaceText(A(address), old, new))
    codes = [p.code for p in problems]  # type: ignore[attr-defined]
    if expected.isupper():
        assert codes == [expected] and d == doc()
        return
    assert codes == ["PKT_OF_FIRST_STK"]
    assert at(d, "§ 3, stk. 1").text == expected


def test_the_real_paragraf() -> None:
    result = run_manifest(load_manifest(DATA / "manifest.yaml", follow_links=True)).result
    text = paragraf_map(result.document)["60"]
    assert text is not None and text.startswith("§ 60. De beløb, der forskudsvis er udlagt af Arbejdsmarkedets "
                                                "Erhvervssikring efter § 48, stk. 6,")
    said = [p for p in result.problems if p.code == "PKT_OF_FIRST_STK"]
    assert [(p.address, p.severity) for p in said] == [("§ 60, 1. pkt.", "warning")]


# "§ 11 a, nr. 2" on a § that gained stk. 2-5 after the act was drafted: the list of its stk. 1 (NR_OF_FIRST_STK).
# LOV 179/2015 § 1, nr. 5 adds stk. 2-5 to planlovens § 11 a from 1 March 2015 (stk. 3 has a list of its own);
# LOV 221/2015 § 1, nr. 4, drafted against the § of one stk., inserts after »f.eks. boligformål,« in "§ 11 a, nr. 2"
# from 4 March 2015; LBK 1351/2015 prints it in § 11 a, stk. 1, nr. 2. Excerpts: LBK 587/2013 § 11 a; the two items;
# LBK 1351/2015 § 11 a (tests/data/amend/nr-first-stk-2015).
NR_DATA = Path(__file__).parent / "data" / "amend" / "nr-first-stk-2015"


def _after_179() -> Document:
    return consolidate(read_doc(NR_DATA / "base.xml"), [read_order(NR_DATA / "order-179.xml")]).document


def test_a_nr_cited_as_the_paragrafs_own_is_that_of_its_first_stk() -> None:
    result = consolidate(read_doc(NR_DATA / "base.xml"),
                         [read_order(NR_DATA / "order-179.xml"), read_order(NR_DATA / "order-221.xml")])
    unit = "§ 11 a, stk. 1, nr. 2"
    assert at(result.document, unit).full_text() == at(read_doc(NR_DATA / "expected.xml"), unit).full_text()
    assert [(p.code, p.address, p.severity) for p in result.problems] == [
        ("NR_OF_FIRST_STK", "§ 11 a, nr. 2", "warning")]


def test_a_nr_whose_quote_is_not_in_the_first_stk_stays_ambiguous() -> None:
    """»Nye naturområder« stands in stk. 3, nr. 2 only: nothing shows stk. 1 was meant; refused as before."""
    before = _after_179()
    d, problems = run(ReplaceText(A("§ 11 a, nr. 2"), "Nye naturområder", "Andre naturområder"), before)
    assert [p.code for p in problems] == ["AMBIGUOUS_TARGET"]  # type: ignore[attr-defined]
    assert d == before


def test_a_nr_whose_quote_also_stands_in_another_stks_nr_stays_ambiguous() -> None:
    """review19 #3: both stk. 1, nr. 2 and stk. 2, nr. 2 hold the quote: the text does not prove stk. 1 was meant."""
    base = ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), "", (par(
        "1", stk("1", "Udgifterne afholdes således:", nr("1", "staten betaler,"), nr("2", "kommunen betaler.")),
        stk("2", "Gebyrer opkræves således:", nr("1", "staten opkræver,"), nr("2", "kommunen betaler."))),)))
    d, problems = run(ReplaceText(A("§ 1, nr. 2"), "kommunen", "regionen"), base)
    assert [p.code for p in problems] == ["AMBIGUOUS_TARGET"]  # type: ignore[attr-defined]
    assert d == base
