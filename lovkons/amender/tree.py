"""Stage 2 (amender): paths in a frozen document tree and the index of its top-level units.

Input: a Document and child-index paths; output: nodes, rebuilt Documents (only the ancestors of a
change are new) and the top index (§, kapitel, afsnit, bilag, ids), cached per tree version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from lovkons.model.document import Document, Kind, Node, normalize_label

# the whole text of a repealed unit as an LBK prints it, its number kept: "§ 7. (Ophævet)", "Stk. 2. (Ophævet).",
# maybe with note markers after it ("(Ophævet). 1)"); some LBKs print the word bare: "§ 35 a. Ophævet." (LBK
# 854/2011 §§ 35 a-37), "§ 11. Ophævet" (LBK 877/2011)
PLACEHOLDER = regex.compile(r"(?:\((?:Ophævet|Ophævede|Udgået)\)|Ophævet)\.?\s*(?:\d{1,3}\)\s*)*")


def is_placeholder(node: Node) -> bool:
    """A repealed unit printed with its number kept and "(Ophævet)" as its whole text."""
    return not node.children and PLACEHOLDER.fullmatch(node.text.strip()) is not None

TreePath = tuple[int, ...]  # child indices from Document.children down to a node

_TOP = (Kind.AFSNIT, Kind.KAPITEL)  # containers the top index descends into


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
    given = tuple(children)
    old = children_at(doc, parent)
    new = given
    for depth in range(len(parent), 0, -1):
        holder = node_at(doc, parent[:depth])
        new_holder = holder.with_(children=new)
        siblings = children_at(doc, parent[: depth - 1])
        i = parent[depth - 1]
        new = (*siblings[:i], new_holder, *siblings[i + 1 :])
    result = doc.with_(children=new)
    _carry_index(doc, result, parent, old, given)
    return result


def replace_at(doc: Document, path: TreePath, nodes: Sequence[Node]) -> Document:
    """Replace the node at `path` by `nodes` (none = delete, several = splice)."""
    siblings = children_at(doc, path[:-1])
    i = path[-1]
    return set_children(doc, path[:-1], (*siblings[:i], *nodes, *siblings[i + 1 :]))


def shift_path(path: TreePath, removed: TreePath) -> TreePath:
    """`path` (a node or an insertion point) after the node at `removed` was deleted."""
    d = len(removed)
    if len(path) >= d and path[: d - 1] == removed[:-1] and path[d - 1] > removed[-1]:
        return (*path[: d - 1], path[d - 1] - 1, *path[d:])
    return path


def headings_before(doc: Document, path: TreePath) -> tuple[TreePath, ...]:
    """Paths of the OVERSKRIFT siblings standing immediately before the node at `path`."""
    parent = children_at(doc, path[:-1])
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


# -------------------------------------------------------------------------------------- top index


@lru_cache(maxsize=8192)
def label_key(label: str | None) -> str:
    """The comparable form of a label ("5 A" and "5a" are the same §)."""
    return normalize_label(label or "").casefold().replace(" ", "")


def same_label(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return label_key(a) == label_key(b)


@dataclass(slots=True)
class TopIndex:
    """Positions of the units outside §§ (§, kapitel, afsnit, bilag, headings) by label and by id.
    Read-only once built: documents whose top shape is the same share one index."""

    paragraf: dict[str, list[TreePath]] = field(default_factory=dict)
    kapitel: dict[str, list[TreePath]] = field(default_factory=dict)
    afsnit: dict[str, list[TreePath]] = field(default_factory=dict)
    bilag: list[TreePath] = field(default_factory=list)
    by_id: dict[str, TreePath] = field(default_factory=dict)


def _visit_top(index: TopIndex, by_label: dict[Kind, dict[str, list[TreePath]]], children: tuple[Node, ...],
               prefix: TreePath) -> None:
    # a module function, not a closure that calls itself: such a closure is a reference cycle that
    # keeps the index and the tree alive until the cyclic GC runs
    for i, node in enumerate(children):
        path = (*prefix, i)
        if node.id:
            index.by_id.setdefault(node.id, path)
        kind = node.kind
        if kind in by_label:
            by_label[kind].setdefault(label_key(node.label), []).append(path)
            if kind in _TOP:
                _visit_top(index, by_label, node.children, path)
        elif kind is Kind.BILAG:
            index.bilag.append(path)


def build_top_index(doc: Document) -> TopIndex:
    index = TopIndex()
    by_label = {Kind.PARAGRAF: index.paragraf, Kind.KAPITEL: index.kapitel, Kind.AFSNIT: index.afsnit}
    _visit_top(index, by_label, doc.children, ())
    return index


# Documents have __slots__ without __weakref__, so the cache is keyed on the identity of the
# top-level children tuple and holds that tuple (its id cannot be reused while it is held).
_INDEX_CACHE: dict[int, tuple[tuple[Node, ...], TopIndex]] = {}
_CACHE_SIZE = 64


def _cached(doc: Document) -> TopIndex | None:
    hit = _INDEX_CACHE.get(id(doc.children))
    return hit[1] if hit is not None and hit[0] is doc.children else None


def _remember(doc: Document, index: TopIndex) -> None:
    if len(_INDEX_CACHE) >= _CACHE_SIZE:
        for key in list(_INDEX_CACHE)[: _CACHE_SIZE // 2]:  # the oldest half
            _INDEX_CACHE.pop(key, None)
    _INDEX_CACHE[id(doc.children)] = (doc.children, index)


def top_index(doc: Document) -> TopIndex:
    """The top index of `doc`: built once per top shape, carried over by changes that keep it."""
    index = _cached(doc)
    if index is None:
        index = build_top_index(doc)
        _remember(doc, index)
    return index


def _same_shape(a: Node, b: Node) -> bool:
    """Whether `b` in the place of `a` leaves the top index as it is: same kind, id and label, and
    the same shape below a kapitel/afsnit (the only units the index descends into)."""
    if a is b:
        return True
    if a.kind is not b.kind or a.id != b.id or a.label != b.label:
        return False
    return a.kind not in _TOP or _same_shapes(a.children, b.children)


def _same_shapes(old: tuple[Node, ...], new: tuple[Node, ...]) -> bool:
    return old is new or (len(old) == len(new) and all(_same_shape(a, b) for a, b in zip(old, new, strict=True)))


def _carry_index(doc: Document, result: Document, parent: TreePath, old: tuple[Node, ...],
                 new: tuple[Node, ...]) -> None:
    """Give `result` the index of `doc` when the change at `parent` moves nothing the index holds:
    a change inside a § (or bilag, …), or one that keeps the same units in the same places."""
    index = _cached(doc)
    if index is None:
        return
    children = doc.children
    for i in parent:
        node = children[i]
        if node.kind not in _TOP:
            _remember(result, index)
            return
        children = node.children
    if _same_shapes(old, new):
        _remember(result, index)


# -------------------------------------------------------------------------------------- stable ids


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


def run_continues(doc: Document, path: TreePath, members: Sequence[TreePath]) -> bool:
    """Whether the § at `path` continues a run of repealed §§ ("§§ 7-9"): the nearest member before
    it is followed by nothing but members or tombstones. Only then the headings between go too."""
    members = [p for p in members if node_at(doc, p).kind is Kind.PARAGRAF]
    earlier = [p for p in members if p < path]
    if not earlier:
        return False
    start = max(earlier)
    every = (p for ps in top_index(doc).paragraf.values() for p in ps)
    return all(p in members or node_at(doc, p).repealed for p in every if start < p < path)
