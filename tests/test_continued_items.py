"""A LexDania list item whose Explicatus is empty continues the item before it (parsers.xml_lists): LBK 1253/2013
§ 7, stk. 2, "1) Små virksomheder:" then "[ ] Virksomheder, som … størrelser: a) … b) … c) …" is one nr. 1 with
litra a-c, as LOV 738/2015 § 1, nr. 13 addresses it ("§ 7, stk. 2, nr. 1, litra a og b, affattes således") and LBK
1580/2015 prints it; a definition's body (LBK 798/2013 § 26, "4) Hovedstadsområdet:" then "[ ] Det område, der
omfattes af …") belongs to its nr. Real excerpts (tests/data/continued_items: the § alone)."""

from __future__ import annotations

from pathlib import Path

from lovkons.model.document import Document, Kind, Node
from lovkons.parsers.lexdania import parse_lexdania

DATA = Path(__file__).resolve().parent / "data" / "continued_items"


def _doc(name: str) -> Document:
    return parse_lexdania((DATA / name).read_bytes()).document


def _paragraf(nodes: tuple[Node, ...], label: str) -> Node:
    for n in nodes:
        if n.kind is Kind.PARAGRAF and n.label == label:
            return n
        found = _paragraf(n.children, label) if n.kind is not Kind.PARAGRAF else None
        if found is not None:
            return found
    return None  # type: ignore[return-value]


def _items(node: Node) -> list[Node]:
    return [c for c in node.children if c.kind in (Kind.NR, Kind.LITRA)]


def test_the_continuation_and_its_litra_belong_to_the_nr_before_it() -> None:
    stk2 = [c for c in _paragraf(_doc("LBK-2013-1253.xml").children, "7").children if c.kind is Kind.STK][1]
    nrs = _items(stk2)
    assert [n.label for n in nrs] == ["1", "2", "3"]
    assert nrs[0].text.startswith("Små virksomheder: Virksomheder, som i to på hinanden følgende regnskabsår")
    assert [(x.label, x.text) for x in _items(nrs[0])][:2] == [("a", "En balancesum på 36 mio. kr.,"),
                                                                ("b", "en nettoomsætning på 72 mio. kr. og")]
    assert nrs[2].text == "Store virksomheder: Virksomheder, der ikke er små eller mellemstore virksomheder."


def test_a_definitions_body_belongs_to_its_nr() -> None:
    paragraf = _paragraf(_doc("LBK-2013-798.xml").children, "26")
    nrs = _items(paragraf) or _items(paragraf.children[0])  # the § of one stk.
    assert [n.label for n in nrs] == ["1", "2", "3", "4"]
    assert nrs[3].text.startswith("Hovedstadsområdet: Det område, der omfattes af kommunerne: København")


# LBK 1082/2012 § 11, stk. 1 (the shape; its text shortened): the last Indentatio has an empty Explicatus but
# follows an item that does not end in ":" — it is the stk.'s text after the list, not more of nr. 3
AFTER_LIST = """<Index>
  <Indentatio><Explicatus>1)</Explicatus><Exitus><Linea><Char>er omfattet af § 1, stk. 1,</Char></Linea></Exitus></Indentatio>
  <Indentatio><Explicatus>2)</Explicatus><Exitus><Linea><Char>har kontrolleret gæld og</Char></Linea></Exitus></Indentatio>
  <Indentatio><Explicatus>3)</Explicatus><Exitus><Linea><Char>fremmedkapitalen overstiger forholdet 4:1,</Char></Linea></Exitus></Indentatio>
  <Indentatio><Explicatus/><Exitus><Linea><Char>kan renteudgifter ikke fradrages.</Char></Linea></Exitus></Indentatio>
</Index>"""


def test_an_unlabelled_last_item_after_an_item_that_does_not_open_is_not_merged_into_it() -> None:
    from lxml import etree

    from lovkons.parsers.xml_lists import index_nodes
    from lovkons.parsers.xml_text import Context

    nodes = index_nodes(etree.fromstring(AFTER_LIST), "p11-stk1", Context())
    assert [n.label for n in nodes][:3] == ["1", "2", "3"]
    assert nodes[2].text == "fremmedkapitalen overstiger forholdet 4:1,"
    assert len(nodes) == 4 and "kan renteudgifter" in nodes[3].text


def test_an_unlabelled_item_after_an_item_that_opens_is_its_text() -> None:
    from lxml import etree

    from lovkons.parsers.xml_lists import index_nodes
    from lovkons.parsers.xml_text import Context

    opened = AFTER_LIST.replace("forholdet 4:1,", "forholdet:")
    nodes = index_nodes(etree.fromstring(opened), "p11-stk1", Context())
    assert len(nodes) == 3 and "kan renteudgifter" in nodes[2].text
