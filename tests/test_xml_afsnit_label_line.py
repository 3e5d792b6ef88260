"""A LexDania Afsnit whose label is printed as its first heading line ("Afsnit VI" / "Beskæftigelsesankenævn") is
read with that label and the second line as its heading (parsers.xml_divisions), as if the label were its
Explicatus. LBK 731/2010 prints all seven afsnit so, LBK 1376/2010 its afsnit III. Before, the afsnit had no label
and the heading "Afsnit VI": LOV 493/2013 § 9, nr. 1, "Afsnit VI ophæves.", was refused (TARGET_NOT_FOUND)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Kind
from lovkons.parsers.xml_divisions import structure_nodes
from lovkons.parsers.xml_text import Context

LAWS = Path(__file__).parent / "data" / "amend" / "afsnit-label-2013"


def test_the_label_line_is_the_label_and_the_next_line_the_heading() -> None:
    doc = read_doc(LAWS / "LBK-2010-731.xml")
    afsnit = [(c.label, c.heading) for c in doc.children if c.kind is Kind.AFSNIT]
    assert afsnit[5] == ("VI", "Beskæftigelsesankenævn")
    assert [label for label, _ in afsnit] == ["I", "II", "III", "IV", "V", "VI", "VII"]


def test_an_afsnit_so_printed_is_repealed_by_its_label() -> None:
    base = read_doc(LAWS / "LBK-2010-731.xml")
    result = consolidate(base, [read_order(LAWS / "LOV-2013-493.xml")], parts={"LOV 493/2013": "§ 9"})
    assert not [p for p in result.problems if p.severity == "error"]
    live = {p.label for p in result.document.paragraffer() if not p.repealed}
    assert not live & {"51", "52", "53", "54", "55"}
    assert {"50", "56"} <= live


# an afsnit without a label whose first heading line holds a note (the shape LBK 731/2010 prints, with a note)
_NOTED = """<Afsnit><Rubrica><Linea><Char>Afsnit II</Char></Linea><Nota id="N1"><Explicatus>1)</Explicatus><Exitus>
<Linea><Char>Afsnittet er ændret ved lov nr. 1 af 2. januar 2010.</Char></Linea></Exitus></Nota></Rubrica>
<Rubrica><Linea><Char>Klage</Char></Linea></Rubrica></Afsnit>"""


def test_a_note_in_the_label_line_is_kept_once() -> None:
    """reviewB #1: the first heading line was read twice (to test it, then to take it), and its note kept twice."""
    ctx = Context()
    nodes = structure_nodes(etree.fromstring(_NOTED), ctx)
    assert [(n.label, n.heading) for n in nodes if n.kind is Kind.AFSNIT] == [("II", "Klage")]
    assert len(ctx.notes) == 1
