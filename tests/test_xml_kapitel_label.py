"""A kapitel label the LBK prints with a slip is read and the slip is said (XML_LABEL: the slip and the reading),
as the § label slips are (tests/test_amend_xml_paragraf.py); a label printed right says nothing. Real excerpts:
the Kapitel element's Explicatus and Rubrica and the first words of its first §."""

from __future__ import annotations

import pytest
from lxml import etree

from lovkons.model.document import Kind
from lovkons.parsers.xml_divisions import structure_nodes
from lovkons.parsers.xml_text import Context


def _kapitel(explicatus: str, rubrica: str, paragraf: str, text: str) -> etree._Element:
    return etree.fromstring(
        f"<Kapitel><Explicatus>{explicatus}</Explicatus><Rubrica><Linea><Char>{rubrica}</Char></Linea></Rubrica>"
        f"<ParagrafGruppe><Paragraf><Explicatus>{paragraf}</Explicatus><Stk><Exitus><Linea><Char>{text}</Char>"
        "</Linea></Exitus></Stk></Paragraf></ParagrafGruppe></Kapitel>"
    )


SLIPS = [
    # (explicatus, rubrica, first §, its text's first words, the reading)
    ("Kapital 3", "Personer", "§ 12.", "Personer, der er skattepligtige efter kildeskatteloven", "3"),  # LBK 1113/2013
    ("Kapite1 15 a", "Ansættelse af personer uden dansk indfødsret", "§ 53 c.",
     "Personer uden dansk indfødsret ansættes på tilsvarende vilkår som tjenestemænd", "15 a"),  # LBK 1291/2015
    ("Kap. X A", "Konto for forbedringer i Grundejernes Investeringsfond", "§ 63 a.",
     "I ejendomme taget i brug før 1970", "X A"),  # LBK 963/2010
    ("Kapitel12", "Klage", "§ 36.", "Vandområdeplaner efter § 26 kan påklages", "12"),  # LOV 1606/2013
    ("Kapitel1", "Lovens anvendelsesområde", "§ 1.", "Et ledigt medlem af en arbejdsløshedskasse", "1"),  # LBK 1090/2015
]


@pytest.mark.parametrize(("explicatus", "rubrica", "paragraf", "text", "label"), SLIPS, ids=[s[0] for s in SLIPS])
def test_a_kapitel_label_slip_is_read_and_said(explicatus: str, rubrica: str, paragraf: str, text: str,
                                               label: str) -> None:
    ctx = Context()
    (node,) = structure_nodes(_kapitel(explicatus, rubrica, paragraf, text), ctx)
    assert node.kind is Kind.KAPITEL and node.label == label and node.heading == rubrica
    assert [p.code for p in ctx.problems] == ["XML_LABEL"]
    assert explicatus in ctx.problems[0].message and repr(label) in ctx.problems[0].message


@pytest.mark.parametrize(("explicatus", "label"), [
    ("Kapitel 3", "3"), ("Kapitel 15 a", "15 a"), ("Kapitel X A", "X A"),  # "Kapitel X A": LBK 809/2015
    ("Kapitel 1.", "1"),  # LBK 555/2011
    ("1. kapitel", "1"),  # LBK 1235/2010
])
def test_a_kapitel_label_printed_right_says_nothing(explicatus: str, label: str) -> None:
    ctx = Context()
    (node,) = structure_nodes(_kapitel(explicatus, "Personer", "§ 12.", "Personer, der er skattepligtige"), ctx)
    assert node.label == label and ctx.problems == []
