"""Amender test helpers: a small hand-built bekendtgørelse (two kapitler, §§ 1-5 with headings), node
builders, and shortcuts that apply one operation or a whole amending order to it."""

from __future__ import annotations

from lovkons.amender.apply import apply, context_for
from lovkons.amender.consolidate import ensure_ids
from lovkons.amender.resolve import resolve_current
from lovkons.model.document import Document, Kind, Meta, Node, Source, parse_address
from lovkons.model.edits import AmendingDocument, ChangeBlock, DocRef, Item

SRC = Source("BEK 9/2020", "1", 1)


def stk(label: str, text: str, *kids: Node) -> Node:
    return Node(Kind.STK, label, text=text, children=kids)


def nr(label: str, text: str) -> Node:
    return Node(Kind.NR, label, text=text)


def par(label: str, *stks: Node) -> Node:
    return Node(Kind.PARAGRAF, label, children=stks)


def head(text: str) -> Node:
    return Node(Kind.OVERSKRIFT, text=text)


def doc() -> Document:
    children = (
        Node(Kind.KAPITEL, "1", heading="Indledning", children=(
            par("1", stk("1", "Kommunen fører tilsyn. Tilsynet er årligt.")),
            par("2", stk("1", "Ved byggeskade forstås:", nr("1", "brud,"), nr("2", "fugt, og"), nr("3", "svamp."))),
        )),
        Node(Kind.KAPITEL, "2", heading="Tilsyn", children=(
            head("Eftersyn"),
            par("3", stk("1", "Første stk. om kommunen."), stk("2", "Andet stk."), stk("3", "Tredje stk.")),
            head("Gebyr"),
            par("4", stk("1", "Gebyret er 425 kr.")),
            head("Klage"),
            par("5", stk("1", "Klage sker til ministeren.")),
        )),
    )  # fmt: skip
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), "I medfør af § 1 fastsættes:",
                               children))  # fmt: skip


def run(op: object, d: Document | None = None) -> tuple[Document, tuple[object, ...]]:
    d = d or doc()
    return apply(d, op, context_for(d, SRC))  # type: ignore[arg-type]


def ok(op: object, d: Document | None = None) -> Document:
    """Apply `op` and assert it raised no problem at all."""
    new, problems = run(op, d)
    assert problems == ()
    return new


def ok_apply(d: Document, op: object, ctx: object) -> Document:
    new, problems = apply(d, op, ctx)  # type: ignore[arg-type]
    assert problems == ()
    return new


def at(d: Document, address: str) -> Node:
    from lovkons.amender.resolve import node_at

    return node_at(d, resolve_current(d, parse_address(address)).path)


A = parse_address


def order(*items: Item, number: int = 9) -> AmendingDocument:
    block = ChangeBlock("1", DocRef("BEK", 1, None, "bekendtgørelse om tilsyn"), "I bekendtgørelse nr. 1 …",
                        items=items)  # fmt: skip
    return AmendingDocument(Meta("BEK Æ", number, 2020), (block,))
