"""Stage 2 (amender): addresses → places in a frozen tree.

Input: a Document and an Address ("§ 3, stk. 2, 2. pkt."); output: a Target (a path of child indices,
plus the punktum or special target). Later items of one order cite units by their labels before the
order, so `Resolver` resolves in the order's snapshot first and follows the stable ids into the
current tree; only units the snapshot does not know are resolved by their current labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from parsers.model import Address, Document, Kind, Level, Node, normalize_label

TreePath = tuple[int, ...]  # child indices from Document.children down to a node


def node_at(doc: Document, path: TreePath) -> Node:
    children = doc.children
    node: Node | None = None
    for i in path:
        node = children[i]
        children = node.children
    if node is None:
        raise IndexError("empty path")
    return node


def children_at(doc: Document, parent: TreePath) -> tuple[Node, ...]:
    return node_at(doc, parent).children if parent else doc.children


def set_children(doc: Document, parent: TreePath, children: Sequence[Node]) -> Document:
    """A new document whose node at `parent` (() = the document) has `children`; ancestors rebuilt."""
    new = tuple(children)
    for depth in range(len(parent), 0, -1):
        holder = node_at(doc, parent[:depth])
        new_holder = holder.with_(children=new)
        siblings = children_at(doc, parent[: depth - 1])
        i = parent[depth - 1]
        new = (*siblings[:i], new_holder, *siblings[i + 1 :])
    return doc.with_(children=new)


def replace_at(doc: Document, path: TreePath, nodes: Sequence[Node]) -> Document:
    """Replace the node at `path` by `nodes` (none = delete, several = splice)."""
    siblings = children_at(doc, path[:-1])
    i = path[-1]
    return set_children(doc, path[:-1], (*siblings[:i], *nodes, *siblings[i + 1 :]))

_TOP = (Kind.AFSNIT, Kind.KAPITEL)  # containers the top index descends into


class ResolveError(Exception):
    """An address that does not lead to exactly one unit; `code` is the Problem code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class Target:
    """`kind`: "node" (path), "pkt" (path + pkt), "heading" (OVERSKRIFT paths before a §),
    "kapitel_heading" (path of a KAPITEL/AFSNIT), "title", "titlenote", "preamble", "document"."""

    kind: str
    path: TreePath = ()
    pkt: int | None = None
    headings: tuple[TreePath, ...] = ()
    via: str = "snapshot"  # "snapshot" | "current": which labels found it
    after: bool = False  # "efter § 22 udgår overskriften": the headings after the §


def same_label(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return _key(a) == _key(b)


@dataclass(slots=True)
class TopIndex:
    """Positions of the units outside §§ (§, kapitel, afsnit, bilag, headings) by label and by id."""

    paragraf: dict[str, list[TreePath]] = field(default_factory=dict)
    kapitel: dict[str, list[TreePath]] = field(default_factory=dict)
    afsnit: dict[str, list[TreePath]] = field(default_factory=dict)
    bilag: list[TreePath] = field(default_factory=list)
    by_id: dict[str, TreePath] = field(default_factory=dict)


@lru_cache(maxsize=8192)
def _key(label: str | None) -> str:
    return normalize_label(label or "").casefold().replace(" ", "")


def build_top_index(doc: Document) -> TopIndex:
    index = TopIndex()

    def visit(children: tuple[Node, ...], prefix: TreePath) -> None:
        for i, node in enumerate(children):
            path = (*prefix, i)
            if node.id:
                index.by_id.setdefault(node.id, path)
            if node.kind is Kind.PARAGRAF:
                index.paragraf.setdefault(_key(node.label), []).append(path)
            elif node.kind is Kind.KAPITEL:
                index.kapitel.setdefault(_key(node.label), []).append(path)
                visit(node.children, path)
            elif node.kind is Kind.AFSNIT:
                index.afsnit.setdefault(_key(node.label), []).append(path)
                visit(node.children, path)
            elif node.kind is Kind.BILAG:
                index.bilag.append(path)

    visit(doc.children, ())
    return index


_INDEX_CACHE: dict[int, tuple[tuple[Node, ...], TopIndex]] = {}


def top_index(doc: Document) -> TopIndex:
    """The top index of `doc`, cached by the identity of its children tuple (trees are frozen)."""
    hit = _INDEX_CACHE.get(id(doc.children))
    if hit is not None and hit[0] is doc.children:
        return hit[1]
    if len(_INDEX_CACHE) > 64:
        _INDEX_CACHE.clear()
    index = build_top_index(doc)
    _INDEX_CACHE[id(doc.children)] = (doc.children, index)
    return index


def headings_before(doc: Document, path: TreePath) -> tuple[TreePath, ...]:
    """Paths of the OVERSKRIFT siblings standing immediately before the node at `path`."""
    parent = node_at(doc, path[:-1]).children if len(path) > 1 else doc.children
    out: list[TreePath] = []
    i = path[-1] - 1
    while i >= 0 and parent[i].kind is Kind.OVERSKRIFT:
        out.insert(0, (*path[:-1], i))
        i -= 1
    return tuple(out)


def headings_after(doc: Document, path: TreePath) -> tuple[TreePath, ...]:
    parent = children_at(doc, path[:-1])
    out: list[TreePath] = []
    i = path[-1] + 1
    while i < len(parent) and parent[i].kind is Kind.OVERSKRIFT:
        out.append((*path[:-1], i))
        i += 1
    return tuple(out)


def _headings(doc: Document, path: TreePath, after: bool) -> tuple[TreePath, ...]:
    return headings_after(doc, path) if after else headings_before(doc, path)


def _child_paths(node: Node, path: TreePath, kind: Kind, label: str) -> list[TreePath]:
    return [(*path, i) for i, c in enumerate(node.children) if c.kind is kind and same_label(c.label, label)]


def _nr_paths(doc: Document, path: TreePath, kind: Kind, label: str) -> list[TreePath]:
    """nr./litra. cited directly under a § ("§ 2, nr. 7"): look in stk. 1 first, then the others."""
    node = node_at(doc, path)
    stks = [(*path, i) for i, c in enumerate(node.children) if c.kind is Kind.STK]
    for stk in stks[:1]:
        hits = _child_paths(node_at(doc, stk), stk, kind, label)
        if hits:
            return hits
    hits = []
    for stk in stks[1:]:
        hits += _child_paths(node_at(doc, stk), stk, kind, label)
    return hits


def resolve_current(doc: Document, address: Address) -> Target:
    """Resolve `address` by the labels the tree has now."""
    steps = list(address.steps)
    if not steps:
        raise ResolveError("TARGET_NOT_FOUND", "empty address")
    first_level = steps[0][0]
    special = {Level.TITEL: "title", Level.TITELNOTE: "titlenote", Level.INDLEDNING: "preamble",
               Level.DOKUMENT: "document"}
    if first_level in special:
        return Target(special[first_level], via="current")
    index = top_index(doc)
    path: TreePath = ()
    pkt: int | None = None
    for n, (level, label) in enumerate(steps):
        node = node_at(doc, path) if path else None
        hits: list[TreePath]
        if level is Level.PARAGRAF:
            hits = [p for p in index.paragraf.get(_key(label), []) if p[: len(path)] == path]
            live = [p for p in hits if not node_at(doc, p).repealed]
            hits = live or hits
        elif level is Level.KAPITEL:
            hits = [p for p in index.kapitel.get(_key(label), []) if p[: len(path)] == path]
        elif level is Level.AFSNIT:
            hits = index.afsnit.get(_key(label), [])
        elif level is Level.BILAG:
            hits = [p for p in index.bilag if same_label(node_at(doc, p).label, label)]
            if not hits and label == "1" and len(index.bilag) == 1 and node_at(doc, index.bilag[0]).label is None:
                hits = list(index.bilag)
        elif level is Level.OVERSKRIFT:
            if node is None:
                raise ResolveError("TARGET_NOT_FOUND", "a heading needs a § or a kapitel")
            if node.kind in (Kind.KAPITEL, Kind.AFSNIT) or label == "til":
                return Target("kapitel_heading", path, via="current")
            after = label == "efter"
            heads = _headings(doc, path, after)
            if not heads:
                raise ResolveError("TARGET_NOT_FOUND", f"no heading {label} {Address(tuple(steps[:n]))}")
            return Target("heading", path, headings=heads, via="current", after=after)
        elif level is Level.STK:
            if node is None or node.kind is not Kind.PARAGRAF:
                raise ResolveError("TARGET_NOT_FOUND", f"stk. {label} outside a §")
            hits = _child_paths(node, path, Kind.STK, label)
        elif level in (Level.NR, Level.LITRA):
            kind = Kind.NR if level is Level.NR else Kind.LITRA
            if node is None:
                raise ResolveError("TARGET_NOT_FOUND", f"{level.value} {label} outside a §")
            if node.kind is Kind.PARAGRAF:
                hits = _nr_paths(doc, path, kind, label)
            else:
                hits = _child_paths(node, path, kind, label)
        elif level is Level.PKT:
            if node is None:
                raise ResolveError("TARGET_NOT_FOUND", "pkt. outside a §")
            if node.kind is Kind.PARAGRAF:
                stks = _child_paths(node, path, Kind.STK, "1")
                if not stks:
                    raise ResolveError("TARGET_NOT_FOUND", f"{Address(tuple(steps[:n]))} has no stk. 1")
                path = stks[0]
            pkt = int(label)
            if n != len(steps) - 1:
                raise ResolveError("TARGET_NOT_FOUND", "pkt. must be the last step")
            continue
        else:  # pragma: no cover - every Level is handled above
            raise ResolveError("TARGET_NOT_FOUND", f"cannot resolve {level.value}")
        if not hits:
            raise ResolveError("TARGET_NOT_FOUND", f"{Address(tuple(steps[: n + 1]))} does not exist")
        if len(hits) > 1:
            raise ResolveError("AMBIGUOUS_TARGET", f"{Address(tuple(steps[: n + 1]))} exists {len(hits)} times")
        path = hits[0]
    if pkt is not None:
        return Target("pkt", path, pkt=pkt, via="current")
    return Target("node", path, via="current")


def ids_along(doc: Document, path: TreePath) -> tuple[str, ...]:
    out: list[str] = []
    children = doc.children
    for i in path:
        out.append(children[i].id)
        children = children[i].children
    return tuple(out)


def follow_ids(doc: Document, ids: tuple[str, ...]) -> TreePath | None:
    """The current path of the unit whose ancestors-and-self ids are `ids` (None when gone)."""
    index = top_index(doc)
    start = 0
    path: TreePath | None = None
    for k in range(len(ids) - 1, -1, -1):  # the deepest id the top index knows
        if ids[k] and ids[k] in index.by_id:
            path, start = index.by_id[ids[k]], k + 1
            break
    if path is None:
        return None
    for ident in ids[start:]:
        node = node_at(doc, path)
        for i, child in enumerate(node.children):
            if child.id == ident:
                path = (*path, i)
                break
        else:
            return None
    return path


@dataclass(slots=True)
class Resolver:
    """Resolves addresses for one amending order: pre-order labels first (snapshot), then current."""

    snapshot: Document

    def resolve(self, doc: Document, address: Address) -> Target:
        try:
            old = resolve_current(self.snapshot, address)
        except ResolveError:
            return resolve_current(doc, address)
        if old.kind in ("title", "titlenote", "preamble", "document") or doc is self.snapshot:
            return old
        path = follow_ids(doc, ids_along(self.snapshot, old.path))
        if path is None:
            # the unit the address named before the order is gone; try what carries the label now
            return resolve_current(doc, address)
        if old.kind == "heading":
            heads = _headings(doc, path, old.after)
            if not heads:
                raise ResolveError("TARGET_NOT_FOUND", f"no heading at {address}")
            return Target("heading", path, headings=heads, via="snapshot", after=old.after)
        return Target(old.kind, path, pkt=old.pkt, via="snapshot")
