"""Official note markers ("2)") stay out of node text on both routes, on real LBK examples; list
labels, references and markers of notes the document does not list stay as they are."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from lovkons.model.document import Document, Kind, Node
from lovkons.parsers.lexdania import parse_lexdania
from lovkons.parsers.note_markers import strip_note_markers
from lovkons.parsers.text import parse_text

LAWS = Path(__file__).parent / "data" / "laws"


@cache
def _doc(ident: str, route: str) -> Document:
    path = LAWS / ident / f"{ident}.{route}"
    if route == "xml":
        return parse_lexdania(path.read_bytes(), file=str(path)).document
    return parse_text(path.read_text(encoding="utf-8"), file=str(path)).document


def _find(nodes: tuple[Node, ...], node_id: str) -> Node:
    for node in nodes:
        if node.id == node_id:
            return node
        if node_id.startswith(f"{node.id}-") or node.kind in (Kind.KAPITEL, Kind.AFSNIT):
            try:
                return _find(node.children, node_id)
            except KeyError:
                pass
    raise KeyError(node_id)


# (document, node id, text that must be in the node's text). The .txt reads e.g. "37 a2) og 38-42".
CASES = [
    ("LBK-2015-122", "p43-stk1", "§§ 35 a, 35 b, 36, 37, 37 a og 38-42."),  # glued to a letter
    ("LBK-2015-122", "p50a-stk1", "tilskud efter §§ 43 a-43 e."),  # "43 e13) ." → "43 e."
    ("LBK-2015-122", "p50a-stk6", "efter §§ 43 a-43 d. Det kan"),  # "43 d.18) Det"
    ("LBK-2016-388", "p2-stk1", "Miljø- og fødevareministeren opretter"),  # minister title
    ("LBK-2016-388", "p1-stk1", "udvaskningen af kvælstof."),  # "kvælstof.1)"
    ("LBK-2013-1330", "p43a-stk2", "jf. dog stk. 7."),  # "stk. 710) ." glued to a number
    ("LBK-2016-119", "p23-stk1", "Spillehaller skal"),  # "§ 23. 2) Spillehaller" / superscript Char
    ("LBK-2015-867", "p2-stk1-nr1", "(personbil M1), og"),  # M1 is a vehicle class, not a note
]


@pytest.mark.parametrize("route", ["xml", "txt"])
@pytest.mark.parametrize(("ident", "node_id", "text"), CASES)
def test_note_markers_are_not_node_text(ident: str, node_id: str, text: str, route: str) -> None:
    node = _find(_doc(ident, route).children, node_id)
    assert text in node.text


@pytest.mark.parametrize("route", ["xml", "txt"])
def test_repealed_with_marker_is_a_tombstone_and_notes_stay(route: str) -> None:
    doc = _doc("LBK-2010-998", route)  # "§ 4 a. (Ophævet)1)"
    p4a = _find(doc.children, "p4a")
    assert p4a.repealed and p4a.children == ()
    notes = [n for n in doc.children if n.kind is Kind.NOTE and n.label]
    assert (notes[0].label, notes[0].text) == (
        "1",
        "Ophævet ved lov nr. 630 af 11. juni 2010, som trådte i kraft den 1. juli 2010.",
    )


@pytest.mark.parametrize("route", ["xml", "txt"])
def test_list_labels_stay(route: str) -> None:
    stk = _find(_doc("LBK-2015-122", route).children, "p2-stk1")  # "1) pristillæg …" list
    assert [n.label for n in stk.children] == ["1", "2", "3", "4", "5"]


NOTES = ["", "Noter", "1) Første note.", "2) Anden note."]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("§ 1. Ministeren2) fastsætter regler.", "§ 1. Ministeren fastsætter regler."),
        ("§ 1. Efter §§ 37 a2) og 38.", "§ 1. Efter §§ 37 a og 38."),
        ("§ 2. (Ophævet)1)", "§ 2. (Ophævet)"),
        ("Stk. 2. 2) Ministeren kan", "Stk. 2. Ministeren kan"),
        ("1) første punkt,", "1) første punkt,"),  # a list label at line start
        ("§ 3. Jf. stk. 1, nr. 1) og 2).", "§ 3. Jf. stk. 1, nr. 1) og 2)."),  # references after a space
        ("§ 3. Jf. nr.1) og stk.2).", "§ 3. Jf. nr.1) og stk.2)."),  # references typed without space
        ("§ 4. Ministeren9) fastsætter", "§ 4. Ministeren9) fastsætter"),  # note 9 is not listed
        ("§ 5. Biler (personbil M1), og", "§ 5. Biler (personbil M1), og"),  # closes a parenthesis
    ],
)
def test_strip_note_markers(line: str, expected: str) -> None:
    assert strip_note_markers([line, *NOTES]) == [expected, *NOTES]


def test_no_notes_section_no_stripping() -> None:
    lines = ["§ 1. Ministeren2) fastsætter regler."]
    assert strip_note_markers(lines) == lines
