"""LexDania paragraffer: a § label typed as a text line inside the previous § (a drafting slip of the
XML) starts that §, the Stk elements after it belong to it, and its letter takes the case of the §
before it. Real: LBK 1081/2015 (ligningsloven) has "§ 14 g." as a text line in § 14 F's stk. 3 and
§ 14 G's stk. 2 and 3 as Stk elements of § 14 F; LBK 1162/2016 prints §§ 14 F and 14 G."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from lovkons.amender.manifest import read_doc
from lovkons.parsers.xml_paragraf import paragraf_nodes
from lovkons.parsers.xml_text import Context
from lovkons.review.evaluate import paragraf_map

DATA = Path(__file__).parent / "data" / "amend"

SPLIT = """<Paragraf><Explicatus>§ 14 F.</Explicatus>
  <Stk><Exitus><Linea><Char>Ved opgørelsen kan fradrages bidrag til en fond.</Char></Linea></Exitus></Stk>
  <Stk><Explicatus>Stk. 2.</Explicatus><Exitus><Linea><Char>Et flertal vælges af de ansatte.</Char></Linea></Exitus>
    <Exitus><Linea><Char>§ 14 g.</Char></Linea><Linea><Char>Ejeren skal ikke medregne lejeindtægten.</Char></Linea></Exitus></Stk>
  <Stk><Explicatus>Stk. 2.</Explicatus><Exitus><Linea><Char>Renter medregnes ikke.</Char></Linea></Exitus></Stk>
</Paragraf>"""


def test_label_typed_as_text_starts_its_paragraf_with_the_stk_after_it() -> None:
    nodes = paragraf_nodes(etree.fromstring(SPLIT), Context())
    assert [(n.label, [(s.label, s.text) for s in n.children]) for n in nodes] == [
        ("14 F", [("1", "Ved opgørelsen kan fradrages bidrag til en fond."), ("2", "Et flertal vælges af de ansatte.")]),
        ("14 G", [("1", "Ejeren skal ikke medregne lejeindtægten."), ("2", "Renter medregnes ikke.")]),
    ]  # fmt: skip


@pytest.mark.parametrize("label", ["14f", "14g"])
def test_case_as_the_official_consolidation_prints_it(label: str) -> None:
    base = paragraf_map(read_doc(DATA / "ligningslov-2015" / "base.xml"))
    expected = paragraf_map(read_doc(DATA / "ligningslov-2015" / "expected.xml"))
    assert base[label] == expected[label]


# serviceloven § 78 as LBK 1096/2010 (and LBK 81/2011, LBK 904/2011) writes it: no Explicatus, the label typed in
# bold as the first line of its first Stk
TYPED_FIRST = """<Paragraf>
  <Stk><Exitus><Linea><Char formaChar="Bold">§ 78.</Char></Linea>
    <Linea><Char>Ingen må modtage et barn under 14 år til døgnophold i privat familiepleje uden tilladelse.</Char></Linea>
  </Exitus></Stk>
  <Stk><Explicatus>Stk. 2.</Explicatus><Exitus><Linea><Char>Plejetilladelse kan kun udstedes efter en undersøgelse.</Char></Linea></Exitus></Stk>
</Paragraf>"""


@pytest.mark.parametrize("extra", ["", "<Stk><Exitus><Linea><Char>a) en liste</Char></Linea></Exitus></Stk>"])
def test_a_paragraf_without_explicatus_takes_the_label_typed_as_its_first_line(extra: str) -> None:
    ctx = Context()
    (node,) = paragraf_nodes(etree.fromstring(TYPED_FIRST.replace("</Paragraf>", extra + "</Paragraf>")), ctx)
    assert node.label == "78" and node.id == "p78"
    assert node.children[0].text.startswith("Ingen må modtage et barn")
    assert [p.code for p in ctx.problems] == ["XML_LABEL"]


@pytest.mark.parametrize(("explicatus", "label"), [
    ("§ 5. E", "5 E"),  # selskabsskatteloven, LBK 680/2015
    ("§ 20 A,", "20 A"),  # LBK 1148/2016
])
def test_a_label_slip_is_read_and_said(explicatus: str, label: str) -> None:
    ctx = Context()
    xml = (f"<Paragraf><Explicatus>{explicatus}</Explicatus>"
           "<Stk><Exitus><Linea><Char>Aktiver anses for anskaffet.</Char></Linea></Exitus></Stk></Paragraf>")
    (node,) = paragraf_nodes(etree.fromstring(xml), ctx)
    assert node.label == label and [p.code for p in ctx.problems] == ["XML_LABEL"]


def test_a_label_without_slip_says_nothing() -> None:
    ctx = Context()
    xml = "<Paragraf><Explicatus>§ 5 E.</Explicatus><Stk><Exitus><Linea><Char>Tekst.</Char></Linea></Exitus></Stk></Paragraf>"
    (node,) = paragraf_nodes(etree.fromstring(xml), ctx)
    assert node.label == "5 E" and ctx.problems == []
