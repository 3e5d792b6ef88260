"""A LexDania line cut at an ordinal's full stop before a hyphen that goes on (parsers.xml_joins `lines_joined`).

Some LBKs' sources end a Linea after an ordinal and start the next with the rest of the word:
"folkeskolens 9.</Char></Linea><Linea><Char>-klasseprøver" (LBK 1534/2015 § 14); the next consolidation of
the same law prints "9.-klasseprøver" in one line (LBK 747/2016 § 14). The same cut in an amending act's
new text: "», jf. dog 4." + "-6. pkt.«" (LOV 1561/2010 § 2, nr. 10). A sentence end ("1998." + "- - - §") or a
label ("Stk. 2." + "---.") is no such cut.
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

DATA = Path(__file__).parent / "data" / "ordinal_dash"


def _text(name: str, label: str) -> str:
    return paragraf_text(DATA / f"{name}.xml", label)


def test_the_base_reads_as_the_next_consolidation_prints_it() -> None:
    base, lbk = _text("LBK-2015-1534", "14"), _text("LBK-2016-747", "14")
    assert "folkeskolens 9.-klasseprøver" in base and "9. -klasseprøver" not in base
    assert base == lbk


def test_an_ordinal_day_cut_from_its_word() -> None:
    text = _text("LBK-2012-145", "8")
    assert "senest 11.-dagen" in text and "11. -dagen" not in text


def test_an_amending_acts_new_text_cut_at_an_ordinal() -> None:
    doc = read_amending_file(DATA / "LOV-2010-1561.xml")
    news = [op.new for block in doc.changes for item in block.items for op in item.operations
            if getattr(op, "new", None) and "jf. dog 4." in op.new]
    assert news and all("4.-" in new for new in news)


@pytest.mark.parametrize(("lines", "joined"), [
    (["folkeskolens 9.", "-klasseprøver"], "folkeskolens 9.-klasseprøver"),
    (["efter punkterne a.", "-c"], "efter punkterne a.-c"),
    (["ved 9.", "- eller 10.-klasseprøver"], "ved 9.- eller 10.-klasseprøver"),  # a shared word part
    (["senest \u200c18.", "-\u200cdagen"], "senest \u200c18.-\u200cdagen"),  # LOV 390/2016
    (["Loven træder i kraft den 1. januar 1998.", "- - - § 3"], "Loven træder i kraft den 1. januar 1998. - - - § 3"),
    (["Stk. 2.", "---."], "Stk. 2. ---."),
    (["stk.", "-3"], "stk. -3"),  # an abbreviation, not an ordinal
    (["første linje", "anden linje"], "første linje anden linje"),
    ([], ""),
])
def test_lines_joined(lines: list[str], joined: str) -> None:
    assert lines_joined(lines) == joined


def test_an_exitus_of_two_lines() -> None:
    exitus = load_xml("<Exitus><Linea><Char>folkeskolens 9.</Char></Linea><Linea><Char>-klasseprøver.</Char>"
                      "</Linea></Exitus>".encode())
    assert plain_text(exitus) == "folkeskolens 9.-klasseprøver."


def test_the_raw_reading_of_an_act_joins_the_same_cut() -> None:
    """review.acts reads an act's source element by element: the same cut is read the same."""
    lines = ["folkeskolens 9.", "-klasseprøver, ved 9.", "- eller 10. og 1998.", "- - -"]
    root = etree.fromstring("<Exitus>" + "".join(f"<Linea><Char>{x}</Char></Linea>" for x in lines) + "</Exitus>")
    assert " ".join(xml_text(root).split()) == "folkeskolens 9.-klasseprøver, ved 9.- eller 10. og 1998. - - -"
