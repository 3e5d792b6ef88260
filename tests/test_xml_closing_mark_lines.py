"""A LexDania line cut at a full stop before a closing mark (parsers.xml_joins `lines_joined`).

Retsinformation's sources end a Linea after an abbreviation's full stop ("el.lign.", "m.m.", "ff.", "vol.")
and start the next with the comma, parenthesis or quotation mark that follows it; Danish typesetting never
sets a space before such a mark. LBK 1047/2011 § 86 a, stk. 4: "… privat organisation el.lign.</Linea>
<Linea>, jf. stk. 3."; the same words in one line in LBK 38/2017 § 86 a, stk. 4: "el.lign., jf. stk. 3.".
In an amending act's instruction: "ændres »hundekampe.</Linea><Linea>« til: »hundekampe eller«." (LOV
717/2010 § 1, nr. 17).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from lovkons.parsers.instructions import read_amending_file
from lovkons.parsers.xml_joins import lines_joined
from lovkons.parsers.xml_meta import load_xml
from lovkons.parsers.xml_text import plain_text
from lovkons.review.acts import xml_text
from tests.excerpts import paragraf_text

DATA = Path(__file__).parent / "data" / "closing_mark"


def _text(name: str, label: str) -> str:
    return paragraf_text(DATA / f"{name}.xml", label)


def test_the_cut_reads_as_the_later_consolidation_prints_it() -> None:
    cut, whole = _text("LBK-2011-1047", "86 a"), _text("LBK-2017-38", "86 a")
    for text in (cut, whole):
        assert "privat organisation el.lign., jf. stk. 3." in text
    assert "el.lign. ," not in cut


def test_an_instruction_whose_quotation_was_cut() -> None:
    doc = read_amending_file(DATA / "LOV-2010-717.xml")
    item = next(item for block in doc.changes for item in block.items if "hundekampe" in item.text)
    assert "ændres »hundekampe.« til: »hundekampe eller«." in item.text
    assert [getattr(op, "old", None) for op in item.operations] == ["hundekampe."]


@pytest.mark.parametrize(("lines", "joined"), [
    (["I lov om afgift ved udstykning m.m.", ", jf. lovbekendtgørelse nr. 42"],
     "I lov om afgift ved udstykning m.m., jf. lovbekendtgørelse nr. 42"),  # LOV 12/2010
    (["(EF-Tidende 2001, nr. L 75, side 1 ff.", ") og"], "(EF-Tidende 2001, nr. L 75, side 1 ff.) og"),  # LOV 553/2010
    (["(Lovændringen angår regional statsforvaltning.", ")"], "(Lovændringen angår regional statsforvaltning.)"),
    (["i kornlagre el.lign.", ":"], "i kornlagre el.lign.:"),
    (["[1.", "] Indføj"], "[1.] Indføj"),
    (["juni 2007.", "”"], "juni 2007.”"),
    (["første sætning.", "Anden sætning."], "første sætning. Anden sætning."),
    (["uden punktum", ", og så"], "uden punktum , og så"),  # only after a full stop (no such cut in the corpus)
    (["sidste linje.", ""], "sidste linje. "),
])
def test_lines_joined(lines: list[str], joined: str) -> None:
    assert lines_joined(lines) == joined


def test_an_exitus_of_two_lines() -> None:
    exitus = load_xml("<Exitus><Linea><Char>værdipapirer el.lign.</Char></Linea><Linea><Char>, hvis mindst</Char>"
                      "</Linea></Exitus>".encode())
    assert plain_text(exitus) == "værdipapirer el.lign., hvis mindst"


def test_the_raw_reading_of_an_act_joins_the_same_cut() -> None:
    """review.acts reads an act's source element by element: the same cut is one run, a full stop inside a
    line followed by a space and a closing mark (LOV 1440/2010: "§ 47. «") is left as written."""
    root = etree.fromstring("<Exitus><Linea><Char>ændres »bygas.</Char></Linea><Linea><Char>« til: »bygas og«."
                            "</Char></Linea><Linea><Char>jf. § 47. « </Char></Linea></Exitus>")
    assert " ".join(xml_text(root).split()) == "ændres »bygas.« til: »bygas og«. jf. § 47. «"
