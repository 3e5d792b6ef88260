"""The readers' fast internal paths (issue #13, parser speed) give exactly what the plain ones give,
on the real documents of tests/data: no timing is asserted, only equality of trees and strings.

- `new_node` / `segment._token` against the dataclass constructors;
- the LexDania reader on a tree parsed without the indentation (libxml2 remove_blank_text) against
  the same reader on the full tree;
- `xml_text.clean` (no-break-space path) and `Pieces.add_clean` against the plain definitions;
- the text builder's quote depth against a character-by-character count.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from lovkons.model.document import Kind, Node
from lovkons.parsers import lexdania
from lovkons.parsers.node_factory import FIELDS, new_node
from lovkons.parsers.normalize import INVISIBLE_CHARS
from lovkons.parsers.read import read_bytes
from lovkons.parsers.segment import Token, _token, classify
from lovkons.parsers.text_state import BuildState
from lovkons.parsers.xml_text import Pieces, clean, labelled

DATA = Path(__file__).parent / "data"
LAWS = sorted((DATA / "laws").glob("*/*.xml"))
XML_FILES = [*LAWS, DATA / "bek/BEK-2024-227/BEK-2024-227.xml"]
TEXT_FILES = sorted((DATA / "laws").glob("*/*.txt"))


def test_node_factory_has_nodes_fields_and_defaults() -> None:
    fields = dataclasses.fields(Node)
    assert tuple(f.name for f in fields) == FIELDS
    defaults = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
    assert new_node(Kind.TEKST) == Node(Kind.TEKST)
    assert {name: getattr(new_node(Kind.TEKST), name) for name in defaults} == defaults


@pytest.mark.parametrize("path", [*XML_FILES[::8], *TEXT_FILES[::16]], ids=lambda p: p.name)
def test_new_node_equals_node_for_every_node_of_a_document(path: Path) -> None:
    doc = read_bytes(path.read_bytes(), file=str(path)).document
    nodes = list(doc.walk())
    assert nodes
    for node in nodes:
        plain = Node(**{name: getattr(node, name) for name in FIELDS})
        assert type(node) is Node
        assert node == plain and repr(node) == repr(plain) and hash(node) == hash(plain)


@pytest.mark.parametrize("path", TEXT_FILES[::16], ids=lambda p: p.name)
def test_token_factory_equals_token(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    tokens = [classify(line, i) for i, line in enumerate(lines, 1) if line.strip()]
    assert tokens
    for tok in tokens:
        plain = Token(tok.rule, tok.label, tok.src, tok.line, tok.span)
        assert tok == plain and repr(tok) == repr(plain)
    assert _token("text", None, "x", 1) == Token("text", None, "x", 1)


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: p.stem)
def test_lexdania_without_indentation_reads_the_same_tree(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = path.read_bytes()
    fast = lexdania.parse_lexdania(data, file=str(path))
    load = lexdania.load_xml
    monkeypatch.setattr(lexdania, "load_xml", lambda d, *, file=None, keep_blank_text=True: load(d, file=file))
    full = lexdania.parse_lexdania(data, file=str(path))
    assert fast == full
    assert repr(fast) == repr(full)


def _plain_clean(text: str) -> str:
    for ch in INVISIBLE_CHARS:
        text = text.replace(ch, "")
    return " ".join(text.split())


# Real lines with no-break spaces and the like (LexDania Char texts of the 2010-2017 corpus).
CLEAN_CASES = [
    "jf. §\xa05, stk.\xa02",
    "§\xa0 5",
    "\xa0Stk. 2.",
    "lov nr.\xa0123\xa0",
    "ud\xadlænding\xa0og",
    "a\xa0\xa0b",
    "a\xa0\tb",
    "a\xa0\u200bb",
    "clean already",
    "  two  spaces ",
]


@pytest.mark.parametrize("text", CLEAN_CASES)
def test_clean_matches_the_plain_definition(text: str) -> None:
    assert clean(text) == _plain_clean(text)


@pytest.mark.parametrize(("label", "text"), [("Stk. 2.", "Tekst."), ("Stk. 2.", ""), ("", "Tekst."), ("", "")])
def test_add_clean_equals_add_of_the_joined_line(label: str, text: str) -> None:
    fast, plain = Pieces(), Pieces()
    fast.add_clean(labelled(label, text))
    plain.add(f"{label} {text}" if label else text)
    assert fast.parts == plain.parts


QUOTED = [p for p in TEXT_FILES if "«" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("path", QUOTED[::4], ids=lambda p: p.name)
def test_quote_depth_equals_a_character_count(path: Path) -> None:
    state = BuildState(track_quotes=True)
    depth = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        state._count_quotes(line)
        for ch in line:
            if ch == "»":
                depth += 1
            elif ch == "«":
                depth = max(0, depth - 1)
        assert state.depth == depth


@pytest.mark.parametrize("path", XML_FILES[::4], ids=lambda p: p.stem)
def test_kids_are_the_children_in_order(path: Path) -> None:
    """`xml_text.kids` (lxml's getchildren, one C call) gives what iterating an element gives."""
    from lxml import etree

    from lovkons.parsers.xml_text import kids

    root = etree.fromstring(path.read_bytes())
    elements = list(root.iter())
    assert len(elements) > 50
    for el in elements:
        assert kids(el) == list(el)
