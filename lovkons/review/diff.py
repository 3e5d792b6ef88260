"""Stage 2 (amender): two Document trees → a DocumentDiff of provision-level changes with sources.

Returns values (renderers.diff_* print them). Provisions are aligned by identity (stable Node.id, then labels, then content), not by lines, so a
stk. renumbered 3 → 4 is reported as renumbered rather than as a cascade of changed texts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import regex

from lovkons.model.document import Address, Document, Kind, Level, Node, Source
from lovkons.review.diff_align import Words, align, node_text, word_diff

_LEVEL = {Kind.PARAGRAF: Level.PARAGRAF, Kind.STK: Level.STK, Kind.NR: Level.NR, Kind.LITRA: Level.LITRA}
_SKIPPED = (Kind.UNDERSKRIFT, Kind.NOTE)


@dataclass(frozen=True, slots=True)
class Change:
    """One changed provision: kind is "changed" | "inserted" | "repealed" | "renumbered"."""

    kind: str
    address: str  # in the new version ("§ 29, stk. 2"); in the old one for "repealed"
    old: str | None
    new: str | None
    old_address: str | None = None
    sources: tuple[Source, ...] = ()
    words: Words = ()  # word-level edits when both texts exist and differ
    unit: str = "stk"  # Kind value of the unit, or "titel" / "indledning" / "titelnote"
    text_changed: bool = False  # for "renumbered": the text changed as well


@dataclass(frozen=True, slots=True)
class DocumentDiff:
    """All changes from `old_label` to `new_label`, in document order."""

    old_label: str
    new_label: str
    changes: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.changes)


class AppliedLike(Protocol):
    """What the diff needs from amender.consolidate.Applied."""

    @property
    def source(self) -> Source: ...
    @property
    def op(self) -> str: ...
    @property
    def target(self) -> str: ...


@dataclass(frozen=True, slots=True)
class _Unit:
    """A top-level comparable unit: a §, a heading, a bilag, the title or the indledning."""

    key: tuple[str, ...]
    address: Address | str
    node: Node
    chain: tuple[Node, ...]  # ancestors in the tree (for provenance of removed children)


def diff_documents(
    old: Document,
    new: Document,
    *,
    old_label: str | None = None,
    new_label: str | None = None,
    window: tuple[dt.date | None, dt.date | None] = (None, None),
    applied: Sequence[AppliedLike] = (),
) -> DocumentDiff:
    """Compare two versions; `window` = (from, to] keeps only sources in force in that period.

    Sources come from `Node.changed_by`; a change whose nodes carry none (the indledning, a removed
    stk.) takes them from `applied` (the amender's log) by target address."""
    differ = _Differ(window)
    old_units, new_units = _units(old), _units(new)
    new_by_key = {u.key: i for i, u in enumerate(new_units)}
    matched: dict[int, int] = {}
    placed: list[tuple[tuple[int, int, int], list[Change]]] = []
    last = -1
    for i, ou in enumerate(old_units):
        j = new_by_key.get(ou.key)
        if j is None:
            placed.append(((last, 1, i), differ.removed(ou.node, ou.address, ou.chain, new_units, last)))
            continue
        matched[j], last = i, j
    for j, nu in enumerate(new_units):
        if j in matched:
            ou = old_units[matched[j]]
            out = differ.compare(ou.node, nu.node, ou.address, nu.address, nu.chain)
        else:
            out = differ.added(nu.node, nu.address, nu.chain)
        placed.append(((j, 0, 0), out))
    changes = [c for _, group in sorted(placed, key=lambda p: p[0]) for c in group]
    if applied:
        changes = [c if c.sources else replace(c, sources=differ.from_log(c, applied)) for c in changes]
    return DocumentDiff(old_label or old.meta.short, new_label or new.meta.short, tuple(changes))


def _units(doc: Document) -> list[_Unit]:
    out: list[_Unit] = []
    for key, text in (("titel", doc.meta.title), ("indledning", doc.preamble), ("titelnote", doc.title_note)):
        if text:
            out.append(_Unit((key,), Address(((Level(key), ""),)), Node(Kind.TEKST, text=text), ()))
    _collect(doc.children, (), out)
    seen: dict[tuple[str, ...], int] = {}
    unique = []
    for u in out:  # duplicate keys (rare drafting errors): number the later occurrences
        n = seen[u.key] = seen.get(u.key, 0) + 1
        unique.append(u if n == 1 else _Unit((*u.key, str(n)), u.address, u.node, u.chain))
    return unique


def _collect(nodes: tuple[Node, ...], chain: tuple[Node, ...], out: list[_Unit]) -> None:
    stack = 0
    for idx, node in enumerate(nodes):
        if node.kind in (Kind.AFSNIT, Kind.KAPITEL):
            level = Level.AFSNIT if node.kind is Kind.AFSNIT else Level.KAPITEL
            addr = Address(((level, node.label or ""),))
            head = Node(node.kind, label=node.label, text=node.heading or "", id=node.id,
                        changed_by=node.changed_by)
            out.append(_Unit((node.kind.value, node.label or node.id), addr, head, chain))
            _collect(node.children, (*chain, node), out)
        elif node.kind is Kind.OVERSKRIFT:
            nxt = next((n.label for n in nodes[idx:] if n.kind is Kind.PARAGRAF), None) or "slut"
            stack += 1
            where = f"overskriften før § {nxt}" if nxt != "slut" else "overskriften til sidst"
            named = where if stack == 1 else f"{where} ({stack}.)"
            out.append(_Unit(("overskrift", nxt, str(stack)), named, node, chain))
            continue
        elif node.kind is Kind.PARAGRAF:
            out.append(_Unit(("paragraf", node.label or node.id), Address(((Level.PARAGRAF, node.label or ""),)),
                             node, chain))
        elif node.kind is Kind.BILAG:
            out.append(_Unit(("bilag", node.label or ""), f"bilag {node.label}" if node.label else "bilag",
                             node, chain))
        elif node.kind not in _SKIPPED:
            out.append(_Unit(("tekst", str(idx)), f"tekst ({idx + 1})", node, chain))
        stack = 0


def _unit_name(node: Node, address: Address | str) -> str:
    if isinstance(address, Address) and address.steps and address.steps[0][0] in (
        Level.TITEL, Level.INDLEDNING, Level.TITELNOTE
    ):
        return address.steps[0][0].value
    return node.kind.value


def _addr_str(address: Address | str) -> str:
    return address if isinstance(address, str) else str(address)


class _Differ:
    """Recursive comparison of matched units; collects Change values."""

    def __init__(self, window: tuple[dt.date | None, dt.date | None]) -> None:
        self.window = window

    def in_window(self, source: Source) -> bool:
        start, end = self.window
        when = source.in_force
        return when is None or ((start is None or when > start) and (end is None or when <= end))

    def sources(self, chain: tuple[Node, ...]) -> tuple[Source, ...]:
        """The node's own sources in the window, else the nearest ancestor's (innermost first)."""
        for node in reversed(chain):
            kept = tuple(dict.fromkeys(s for s in node.changed_by if self.in_window(s)))
            if kept:
                return kept
        return ()

    def from_log(self, change: Change, applied: Sequence[AppliedLike]) -> tuple[Source, ...]:
        """Sources of logged operations aimed at the change's unit (or inside it)."""
        places = {a for a in (change.address, change.old_address) if a}
        hits = [a for a in applied if self.in_window(a.source)
                and any(a.target == p or a.target.startswith(p + ", ") for p in places)]
        if change.kind == "repealed":  # the repeal itself, not earlier edits of the repealed text
            hits = [a for a in hits if a.op.startswith("repeal")] or hits
        return tuple(dict.fromkeys(a.source for a in hits))

    def added(self, node: Node, addr: Address | str, chain: tuple[Node, ...]) -> list[Change]:
        if _gone(node):
            return []
        return [Change("inserted", _addr_str(addr), None, node_text(node), None,
                       self.sources((*chain, node)), unit=_unit_name(node, addr))]

    def removed(self, node: Node, addr: Address | str, chain: tuple[Node, ...],
                new_units: list[_Unit] | None = None, near: int = -1) -> list[Change]:
        if _gone(node):
            return []
        if new_units is not None:  # a top-level unit vanished: provenance of the containers around it
            chain = new_units[near].chain if 0 <= near < len(new_units) else ()
        return [Change("repealed", _addr_str(addr), node_text(node), None, _addr_str(addr),
                       self.sources(chain), unit=_unit_name(node, addr))]

    def compare(self, old: Node, new: Node, oaddr: Address | str, naddr: Address | str,
                chain: tuple[Node, ...]) -> list[Change]:
        if old is new or old == new:  # the same unit (every field, children too): nothing to show, as below
            return []
        if _gone(old) or _gone(new):
            if _gone(old) and _gone(new):
                return []
            if _gone(old):
                return self.added(new, naddr, chain)
            return [Change("repealed", _addr_str(naddr), node_text(old), None, _addr_str(oaddr),
                           self.sources((*chain, new)), unit=_unit_name(old, oaddr))]
        out: list[Change] = []
        own_old, own_new = _own(old), _own(new)
        renumbered = old.label != new.label and old.kind in (Kind.STK, Kind.NR, Kind.LITRA, Kind.TEKST)
        if own_old != own_new or renumbered:
            kind = "renumbered" if renumbered else "changed"
            words = word_diff(own_old, own_new) if own_old != own_new else ()
            out.append(Change(kind, _addr_str(naddr), own_old, own_new, _addr_str(oaddr),
                              self.sources((*chain, new)), words, _unit_name(new, naddr),
                              text_changed=own_old != own_new))
        if old.kind is Kind.BILAG or not (old.children or new.children):
            return out
        sub = (*chain, new)
        kids: list[Change] = []
        for i, j in align(old.children, new.children):
            oc = old.children[i] if i is not None else None
            nc = new.children[j] if j is not None else None
            if oc is not None and nc is not None:
                kids += self.compare(oc, nc, _child_addr(oaddr, old, oc), _child_addr(naddr, new, nc), sub)
            elif nc is not None:
                kids += self.added(nc, _child_addr(naddr, new, nc), sub)
            elif oc is not None:
                kids += self.removed(oc, _child_addr(oaddr, old, oc), sub)
        return out + _borrow_sources(kids)


def _borrow_sources(kids: list[Change]) -> list[Change]:
    """A sibling renumbered without provenance of its own got its number from the insertions and
    repeals beside it: cite their sources."""
    cause = tuple(dict.fromkeys(s for c in kids if c.kind in ("inserted", "repealed") for s in c.sources))
    if not cause:
        return kids
    return [replace(c, sources=cause) if c.kind == "renumbered" and not c.sources else c for c in kids]


_TOMBSTONE = regex.compile(r"\(?\s*ophævet\s*\.?\s*\)?\.?", regex.I)


def _gone(node: Node) -> bool:
    """A tombstone: repealed=True, or a § whose whole text is "(Ophævet)" as some readers leave it."""
    if node.repealed:
        return True
    return node.kind is Kind.PARAGRAF and bool(_TOMBSTONE.fullmatch(node.full_text().strip()))


def _own(node: Node) -> str:
    """The text compared at this level: a bilag as a whole, a heading unit by its heading."""
    if node.kind is Kind.BILAG:
        return node_text(node)
    return " ".join(x for x in (node.heading, node.text) if x) if node.kind is Kind.PARAGRAF else node.text


def _child_addr(parent_addr: Address | str, parent: Node, child: Node) -> Address | str:
    level = _LEVEL.get(child.kind)
    if not isinstance(parent_addr, Address) or level is None or child.label is None:
        pos = parent.children.index(child) + 1
        return f"{_addr_str(parent_addr)}, {child.kind.value} ({pos})"
    if level is Level.STK and child.label == "1" and sum(c.kind is Kind.STK for c in parent.children) == 1:
        return parent_addr  # a § with one stykke is cited as the § itself
    return parent_addr.child(level, child.label)
