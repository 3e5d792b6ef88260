"""A recast of stykker keeps the stable ids of the units it replaces one for one only where they stand together:
"stk. 1 og 3 ophæves, og i stedet indsættes" puts both new stykker at stk. 1's place, so giving the second one old
stk. 3's id would send a later item naming "stk. 3" to a unit standing before stk. 2 (review15)."""

from __future__ import annotations

from lovkons.amender.recast import repeal_and_insert
from lovkons.amender.resolve import Target
from lovkons.model.document import Document, Kind, Meta, Node


def _doc() -> Document:
    stks = tuple(Node(Kind.STK, label=str(i), text=f"Gammel stk. {i}.", id=f"p1-s{i}") for i in (1, 2, 3))
    return Document(meta=Meta(kind="LOV"), children=(Node(Kind.PARAGRAF, label="1", children=stks, id="p1"),))


def _new() -> list[Node]:
    return [Node(Kind.STK, label="1", text="Ny A."), Node(Kind.STK, label="2", text="Ny B.")]


def test_units_apart_get_new_ids() -> None:
    group = [Target("node", (0, 0)), Target("node", (0, 2))]
    out = repeal_and_insert(_doc(), group[0], group, _new(), None, None)
    ids = [c.id for c in out.doc.children[0].children]
    assert "p1-s3" not in ids and ids[-1] == "p1-s2"


def test_units_together_keep_their_ids() -> None:
    group = [Target("node", (0, 1)), Target("node", (0, 2))]
    out = repeal_and_insert(_doc(), group[0], group, _new(), None, None)
    assert [c.id for c in out.doc.children[0].children] == ["p1-s1", "p1-s2", "p1-s3"]
