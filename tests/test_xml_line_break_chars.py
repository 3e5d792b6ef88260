"""LexDania Char runs split at a line break of the file (parsers.xml_text `_lost_space`).

A Linea's Char elements carry their own spaces and are concatenated as written ("CO" + subscript "2"
is "CO2"). Where two plain Chars (no formaChar) stand on two lines of the file with no space at the
split, the words were two: "den andel</Char>⏎<Char>af den totale mængde" is "den andel af" — LBK
415/2011 § 12, as the next consolidation (LBK 500/2013 § 12) prints it. A Char with a form stays glued
to its neighbour: "pr. m" + superscript "2" is "pr. m2" (LOV 1353/2012).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.model.document import Node
from lovkons.parsers.xml_meta import load_xml
from lovkons.parsers.xml_text import linea_text
from tests.excerpts import paragraf

LAWS = Path(__file__).parent / "data" / "laws"


def _paragraf(name: str, label: str) -> Node:
    return paragraf(LAWS / name / f"{name}.xml", label)


@pytest.mark.parametrize("name", ["LBK-2010-18", "LBK-2011-415"])
def test_plain_chars_on_two_lines_are_two_words(name: str) -> None:
    text = _paragraf(name, "12").children[0].text
    assert "for hver husdyrgødningstype den andel af den totale mængde af kvælstof" in text
    assert "andelaf" not in text


def test_a_superscript_char_on_its_own_line_stays_glued() -> None:
    text = " ".join(node.text for node in _paragraf("LOV-2012-1353", "1").walk() if node.text)
    assert "pr. m2" in text and "pr. m 2" not in text


@pytest.mark.parametrize("keep_blank_text", [True, False])
def test_the_same_with_and_without_the_blank_text_of_the_file(keep_blank_text: bool) -> None:
    """The document reader drops the indentation between elements; the instruction reader keeps it."""
    xml = b"<Linea>\n  <Char>den andel</Char>\n  <Char>af den</Char>\n  <Char formaChar=\"Superscript\">2</Char></Linea>"
    linea = load_xml(xml, keep_blank_text=keep_blank_text)
    assert linea_text(linea) == "den andel af den2"


def test_chars_on_one_line_are_concatenated_as_written() -> None:
    linea = load_xml(b"<Linea><Char>den andel</Char><Char>af</Char></Linea>")
    assert linea_text(linea) == "den andelaf"
