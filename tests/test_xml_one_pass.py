"""The LexDania reader's one-pass routes (issue #13, parser speed) build exactly the tree of its
general routes, on the real documents of tests/data: no timing is asserted, only equal trees.

- `xml_paragraf._simple_paragraf`: the common § (Stk = an optional Explicatus + one Exitus of text
  lines) read in one pass, against `_groups` / `_build` / `unit_node`;
- `xml_text.plain_text`: a unit of one Exitus of text lines (a stk, a list item, a line of an
  amendment's new text, an Exitus or Rubrica read into pieces), against the general loops of
  `unit_node`, `_exitus_line` and `exitus_into`.

With both switched off (returning None, "not this shape") the reader takes its general routes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from lovkons.parsers import lexdania, xml_amendments, xml_lists, xml_paragraf, xml_text
from lovkons.parsers.xml_text import Context, plain_text

DATA = Path(__file__).parent / "data"
XML_FILES = [*sorted((DATA / "laws").glob("*/*.xml")), DATA / "bek/BEK-2024-227/BEK-2024-227.xml"]


def _general(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xml_paragraf, "_simple_paragraf", lambda el, ctx: None)
    for module in (xml_paragraf, xml_lists, xml_amendments, xml_text):
        monkeypatch.setattr(module, "plain_text", lambda ex, tag="Exitus": None)


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: p.stem)
def test_one_pass_routes_build_the_general_routes_tree(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = path.read_bytes()
    fast = lexdania.parse_lexdania(data, file=str(path))
    _general(monkeypatch)
    general = lexdania.parse_lexdania(data, file=str(path))
    assert repr(fast) == repr(general)


def test_the_one_pass_route_is_taken_for_the_common_paragraf_only() -> None:
    """Taken for "§ 1. <line> Stk. 2. <line>", not for a § whose stk has a list (then None)."""
    simple = etree.fromstring(
        "<Paragraf><Explicatus>§ 1.</Explicatus><Stk><Exitus><Linea><Char>Loven gælder for alle.</Char></Linea>"
        "</Exitus></Stk><Stk><Explicatus>Stk. 2.</Explicatus><Exitus><Linea><Char>Dog ikke for "
        "Grønland.</Char></Linea></Exitus></Stk></Paragraf>"
    )
    nodes = xml_paragraf._simple_paragraf(simple, Context())
    assert nodes is not None
    assert [(s.label, s.text, s.id) for s in nodes[0].children] == [
        ("1", "Loven gælder for alle.", "p1-stk1"),
        ("2", "Dog ikke for Grønland.", "p1-stk2"),
    ]
    with_list = etree.fromstring(
        "<Paragraf><Explicatus>§ 2.</Explicatus><Stk><Exitus><Linea><Char>Ved loven forstås:</Char></Linea>"
        "</Exitus><Exitus><Index><Indentatio><Explicatus>1)</Explicatus><Exitus><Linea><Char>a</Char></Linea>"
        "</Exitus></Indentatio></Index></Exitus></Stk></Paragraf>"
    )
    assert xml_paragraf._simple_paragraf(with_list, Context()) is None
    assert plain_text(with_list[1][1]) is None  # an Exitus holding an Index
    assert plain_text(with_list[1][0]) == "Ved loven forstås:"
