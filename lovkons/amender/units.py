"""Stage 2 (amender): building blocks of the structural operations: payload preparation (grouping,
unit kinds, fresh ids and provenance), splicing with renumbering, tombstones, § order.

Input: payload nodes and places in a frozen Document; output: prepared nodes and new Documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from lovkons.amender.renumber import RENUMBERED, renumber
from lovkons.amender.textops import Warning_, clean_quote
from lovkons.amender.tree import TreePath, children_at, node_at, set_children, top_index
from lovkons.model.document import Document, Kind, Node, Source


@dataclass(slots=True)
class Outcome:
    doc: Document
    warnings: list[Warning_]
    touched: set[str]


def paragraf_ids(node: Node) -> set[str]:
    return {n.id for n in node.walk() if n.kind is Kind.PARAGRAF}


def stamped_paragraf_ids(nodes: Sequence[Node]) -> set[str]:
    return {i for n in nodes for i in paragraf_ids(n)}


def content(node: Node) -> Node:
    """The node without ids and provenance (what a text comparison sees)."""
    return node.with_(id="", changed_by=(), children=tuple(content(c) for c in node.children))


def owner_id(doc: Document, path: TreePath) -> str:
    """The id of the § (or bilag: its nr. units, parsers.bilag_lists) that holds `path` (or the unit itself above §
    level)."""
    children = doc.children
    last = ""
    for i in path:
        node = children[i]
        last = node.id
        if node.kind is Kind.PARAGRAF or node.kind is Kind.BILAG:
            return node.id
        children = node.children
    return last


def parent_id(doc: Document, path: TreePath) -> str:
    """The id of the node holding `path` ("" at the top)."""
    return node_at(doc, path[:-1]).id if len(path) > 1 else ""


# ----------------------------------------------------------------------------------------- payloads

_PREFIX = {Kind.PARAGRAF: "p", Kind.STK: "stk", Kind.NR: "nr", Kind.LITRA: "litra", Kind.KAPITEL: "kap",
           Kind.AFSNIT: "afsnit", Kind.BILAG: "bilag", Kind.OVERSKRIFT: "h", Kind.TEKST: "tekst"}


def stamp(nodes: Sequence[Node], source: Source | None, used: set[str], parent: str = "") -> tuple[Node, ...]:
    """Give inserted nodes fresh unique ids (`p5a`, `p3-stk2~1`) and provenance."""
    out = []
    for node in nodes:
        label = "".join(ch for ch in (node.label or "") if ch.isalnum())
        stem = _PREFIX.get(node.kind, node.kind.value) + label
        base = f"{parent}-{stem}" if parent and node.kind not in (Kind.PARAGRAF, Kind.KAPITEL) else stem
        ident, n = base, 1
        while ident in used:
            ident, n = f"{base}~{n}", n + 1
        used.add(ident)
        children = node.children
        if node.kind is Kind.PARAGRAF and any(c.kind is Kind.STK and c.label is None for c in children):
            children = renumber(children, Kind.STK, 0)  # the unwritten first stk. is "1"
        kids = stamp(children, source, used, ident)
        prov = (*node.changed_by, source) if source else node.changed_by
        out.append(node.with_(id=ident, children=kids, changed_by=prov))
    return tuple(out)


def used_ids(doc: Document, path: TreePath) -> set[str]:
    """The ids a new node under `path` must not take: the top units' and those inside path's top unit."""
    used = set(top_index(doc).by_id)
    if path:
        used |= {n.id for n in node_at(doc, path[:1]).walk()}
    return used


def group_payload(nodes: Sequence[Node]) -> list[Node]:
    """Flat payloads ("Kapitel 12 a" marker, heading, §§) → KAPITEL containers holding what follows."""
    out: list[Node] = []
    for node in nodes:
        if node.kind in (Kind.KAPITEL, Kind.AFSNIT) and not node.children:
            out.append(node)
        elif out and out[-1].kind in (Kind.KAPITEL, Kind.AFSNIT) and node.kind in (Kind.OVERSKRIFT, Kind.PARAGRAF):
            holder = out[-1]
            out[-1] = holder.with_(children=(*holder.children, node))
        else:
            out.append(node)
    return out


def payload_text(new: str | None, payload: Sequence[Node]) -> str:
    if new:
        return clean_quote(new)
    texts = [n.full_text() if n.kind is not Kind.OVERSKRIFT else n.text for n in payload]
    return clean_quote(" ".join(t for t in texts if t))


def as_kind(nodes: Sequence[Node], kind: Kind) -> list[Node]:
    """Unlabelled text payloads (TEKST, STK without label) where a unit of `kind` is expected."""
    out = []
    for node in nodes:
        if node.kind in (Kind.TEKST, Kind.STK) and node.kind is not kind and kind in RENUMBERED:
            node = node.with_(kind=kind)
        out.append(node)
    return out


def new_paragraf_labels(items: Sequence[Node]) -> list[str | None]:
    """The labels of the §§ a payload brings, in order (inside kapitler too)."""
    return [n.label for item in items for n in item.walk() if n.kind is Kind.PARAGRAF]


_LIST_END = regex.compile(r"(?:[,;.]|,? (?:og|eller))$")  # "," / ", og" / ", eller" / "." ending a list unit


def same_unit_key(node: Node) -> tuple[str | None, Node]:
    """A unit's label and content, its list-end punctuation ("," / ", og" / ".") left out."""
    text = _LIST_END.sub("", node.text.strip())
    return node.label, content(node.with_(text=text))


# the Danish alphabet ends z, æ, ø, å: ligningslovens § 7 Ø is followed by § 7 Å (LOV 593/2012 § 1, nr. 1), not
# ordered by code point (å before æ and ø); the characters after "z" in ASCII keep that order
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def par_order(label: str | None) -> tuple[int, str]:
    """Sort key of a § label: § 5 < § 5 a < § 5 b < § 6, § 7 z < § 7 æ < § 7 ø < § 7 å."""
    digits = "".join(ch for ch in (label or "") if ch.isdigit())
    letters = "".join(ch for ch in (label or "") if ch.isalpha()).lower().translate(_DANISH_ORDER)
    return (int(digits) if digits else -1, letters)


# ------------------------------------------------------------------------------------------ changes


def splice(doc: Document, parent: TreePath, start: int, stop: int, new: Sequence[Node]) -> Document:
    """Children [start:stop) of `parent` replaced by `new`; stk./nr./litra after them renumbered."""
    siblings = children_at(doc, parent)
    kids = (*siblings[:start], *new, *siblings[stop:])
    kinds = {n.kind for n in new} | {siblings[i].kind for i in range(start, stop)}
    for kind in RENUMBERED:
        if kind in kinds:
            kids = renumber(kids, kind, start)
    return set_children(doc, parent, kids)


def with_prov(node: Node, source: Source | None) -> Node:
    return node.with_(changed_by=(*node.changed_by, source)) if source else node


def tombstone(node: Node, source: Source | None) -> Node:
    return with_prov(node.with_(repealed=True, children=(), text=""), source)
