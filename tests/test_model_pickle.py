"""Trees go through pickle (the parse cache, history.index.ParseCache, and the rebuild's workers):
a Node pickles as its field values (model.document.Node.__reduce__) and comes back equal, with every
field, kind and shared subtree as it was."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from pathlib import Path

import pytest

from lovkons.model.document import Kind, Node, Source
from lovkons.parsers.read import read_document

DATA = Path(__file__).parent / "data"


def _nodes() -> list[Node]:
    leaf = Node(Kind.NR, label="1", text="første nr.", id="p1-stk1-nr1")
    stk = Node(Kind.STK, label="1", text="Indledning:", children=(leaf, leaf), id="p1-stk1")
    changed = Node(Kind.STK, label="2", text="Ny tekst.", id="p1-stk2",
                   changed_by=(Source("LOV 1/2020", "1", 3, dt.date(2020, 7, 1), "»…«"),))
    return [
        leaf,
        Node(Kind.PARAGRAF, label="1", children=(stk, changed), id="p1"),
        Node(Kind.PARAGRAF, label="2", repealed=True, id="p2"),
        Node(Kind.KAPITEL, label="3", heading="Afgifter", id="kap3"),
    ]


@pytest.mark.parametrize("node", _nodes(), ids=lambda n: n.id)
def test_node_round_trip(node: Node) -> None:
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(node, protocol=protocol))
        assert back == node and type(back) is Node
        assert back.kind is node.kind  # the enum member itself, not a string equal to it
    assert copy.deepcopy(node) == node and copy.copy(node) == node


def test_shared_subtree_stays_shared() -> None:
    parent = _nodes()[1]
    back = pickle.loads(pickle.dumps(parent, protocol=pickle.HIGHEST_PROTOCOL))
    first, second = back.children[0].children
    assert first is second  # pickle's memo keeps one object for a subtree used twice


def test_parsed_document_round_trip() -> None:
    files = sorted((DATA / "laws").glob("*/*.xml"))[:3] or sorted(DATA.rglob("*.xml"))[:3]
    assert files, "no XML document under tests/data"
    for f in files:
        doc = read_document(f).document
        assert pickle.loads(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)) == doc
