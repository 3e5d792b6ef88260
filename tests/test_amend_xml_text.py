"""LexDania text: sub- and superscript Char runs belong to the word they follow. Real Linea elements
from Lovtidende A (a row: the XML as published, the text the law prints); a lawyer can add one."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.parsers.instructions import read_amending_file
from lovkons.parsers.xml_text import element_text, line_text
from lovkons.review.evaluate import paragraf_map

DATA = Path(__file__).parent / "data" / "amend"

LINEAS = [
    ("LOV 1497/2014 § 1, nr. 2: subscript chemical formulas",
     """<Linea>
          <Char>Drivhusgasser: Kuldioxid (CO</Char>
          <Char formaChar="Subscript">2</Char>
          <Char>), metan (CH</Char>
          <Char formaChar="Subscript">4</Char>
          <Char>), lattergas (N</Char>
          <Char formaChar="Subscript">2</Char>
          <Char>O)</Char>
        </Linea>""",
     "Drivhusgasser: Kuldioxid (CO2), metan (CH4), lattergas (N2O)"),
    ("LOV 714/2010: superscript square metres",
     """<Linea>
          <Char>Ved belægningsgrad forstås i denne lov den samlede levende vægt pr. m</Char>
          <Char formaChar="Superscript">2</Char>
          <Char> friareal for de kyllinger, der er til stede samtidig i et hus.</Char>
        </Linea>""",
     "Ved belægningsgrad forstås i denne lov den samlede levende vægt pr. m2 friareal for de kyllinger, "
     "der er til stede samtidig i et hus."),
    ("LOV 122/2011: superscript before a full stop",
     """<Linea>
          <Char>til søer med et areal, der er større end 100 m</Char>
          <Char formaChar="Superscript">2</Char>
          <Char>.</Char>
        </Linea>""",
     "til søer med et areal, der er større end 100 m2."),
    ("two lines of an Exitus are joined by one space",
     """<Exitus><Linea><Char>Stk. 1 gælder ikke.</Char></Linea>
        <Linea><Char>Dog kan </Char><Char formaChar="Italic">ministeren</Char><Char> fravige.</Char></Linea></Exitus>""",
     "Stk. 1 gælder ikke. Dog kan ministeren fravige."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "xml", "text"), LINEAS, ids=[r[0] for r in LINEAS])
def test_char_runs_are_read_as_written(name: str, xml: str, text: str) -> None:
    assert element_text(etree.fromstring(xml)) == text


def test_amending_law_payload_keeps_subscripts() -> None:
    # LOV 1497/2014 § 1, nr. 2 rewrites § 2 of lov om CO2-kvoter (LBK 1095/2012); official result LBK 1605/2016
    order = read_amending_file(DATA / "co2-kvoter" / "order.xml")
    payload = order.changes[0].items[0].operations[0].payload  # type: ignore[union-attr]
    texts = [n.text for node in payload for n in node.walk()]
    assert any("Kuldioxid (CO2), metan (CH4), lattergas (N2O)" in t for t in texts)
    assert not any("CO 2" in t for t in texts)


def test_case_co2_definitions_as_the_official_consolidation() -> None:
    case = DATA / "co2-kvoter"
    base, expected = read_doc(case / "base.xml"), read_doc(case / "expected.xml")
    result = consolidate(base, [read_order(case / "order.xml")])
    assert result.problems == ()
    ours, theirs = paragraf_map(result.document)["2"], paragraf_map(expected)["2"]
    assert ours is not None and theirs is not None
    # the LBK also drops one word the act printed ("ikke er identificeret" → "ikke identificeret")
    assert ours.replace("ikke er identificeret", "ikke identificeret") == theirs


def test_several_note_markers_in_one_superscript_are_left_out() -> None:
    # LBK 143/2011 (personskatteloven) § 8: references to notes 2 and 3 in one superscript Char
    linea = etree.fromstring('<Linea><Char formaChar="Superscript">2)3)</Char><Char> Sundhedsbidrag efter § 5, nr. 4, '
                             "beregnes af den skattepligtige indkomst.</Char></Linea>")  # fmt: skip
    assert line_text(linea) == "Sundhedsbidrag efter § 5, nr. 4, beregnes af den skattepligtige indkomst."
