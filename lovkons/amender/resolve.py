"""Stage 2 (amender): addresses → places in a frozen tree.

Input: a Document and an Address ("§ 3, stk. 2, 2. pkt."); output: a Target (a path of child indices,
plus the punktum or special target). Later items of one order cite units by their labels before the
order, so `Resolver` resolves in the order's snapshot first and follows the stable ids into the
current tree; only units the snapshot does not know are resolved by their current labels. A unit an
earlier item removed is TARGET_NOT_FOUND (text operations may then verify the current label).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace

from lovkons.amender.tree import (
    TreePath,
    children_at,
    follow_ids,
    headings_after,
    headings_before,
    ids_along,
    is_placeholder,
    label_key,
    node_at,
    same_label,
    top_index,
)
from lovkons.model.document import Address, Document, Kind, Level, Node
from lovkons.model.edits import Operation, Repeal, RepealAndInsert
from lovkons.parsers.sentences import split_sentences


class ResolveError(Exception):
    """An address that does not lead to exactly one unit; `code` is the Problem code. `counts`
    (OCCURRENCE_MISMATCH): how often the quoted text occurs and how often the item says it does."""

    def __init__(self, code: str, message: str, *, counts: tuple[int, int] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.counts = counts


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
    reading: tuple[str, str] | None = None  # a drafting convention the address was read by: (code, what it says)


def _headings(doc: Document, path: TreePath, after: bool) -> tuple[TreePath, ...]:
    return headings_after(doc, path) if after else headings_before(doc, path)


def heading_past_repealed(doc: Document, path: TreePath) -> tuple[TreePath, tuple[TreePath, ...]]:
    """The heading before the repealed §§ an LBK prints as placeholders right before the § at `path`, and the first
    of them: "Efter overskriften før § 69 indsættes: »§ 68. …«" (LOV 738/2015 § 1, nr. 91) where LBK 1253/2013 prints
    "Nærtstående parter m.v.", "§ 68. (Ophævet)", § 69 — a repealed § is no longer in the law's text, the heading
    is § 69's (LBK 1580/2015 prints the heading, the new § 68 and § 69). ((path, ()) when there is none.)"""
    kids = children_at(doc, path[:-1])
    i = path[-1]
    while i > 0 and kids[i - 1].kind is Kind.PARAGRAF and _is_repealed(kids[i - 1]):
        i -= 1
    if i == path[-1]:
        return path, ()
    first = (*path[:-1], i)
    heads = headings_before(doc, first)
    return (first, heads) if heads else (path, ())


def past_repealed(doc: Document, first: TreePath, address: Address | str) -> tuple[str, str]:
    """The warning HEADING_PAST_REPEALED: the heading `address` names read past the repealed §§ (from `first`)."""
    return ("HEADING_PAST_REPEALED", f"{address}: the heading stands before the repealed § "
            f"{node_at(doc, first).label}, printed as a placeholder; a repealed § is no longer in the law's text, so "
            "the heading is read as the next §'s")


def _kapitel_opened(doc: Document, path: TreePath) -> TreePath | None:
    """The kapitel whose heading stands right before the § at `path`: the § is its first § and has none of its own.
    LexDania writes a heading over a group of §§ as a kapitel without a number: "Faglige rådgivende udvalg" before
    § 7 of LOV 113/2010 ("Overskriften før § 7 ophæves.", LOV 156/2013 § 1, nr. 6)."""
    parent = path[:-1]
    if not parent or node_at(doc, parent).kind is not Kind.KAPITEL or not node_at(doc, parent).heading:
        return None
    first = next((i for i, c in enumerate(children_at(doc, parent)) if c.kind is Kind.PARAGRAF), None)
    return parent if first == path[-1] else None


def _kapitel_reading(doc: Document, kapitel: TreePath, address: Address) -> tuple[str, str] | None:
    """No warning for a heading without a number (it is the heading before the §); a numbered kapitel's heading is
    said: "I overskriften før § 1 indsættes efter »anvendelsesområde«: »m.v.«" (LOV 427/2016 § 1, nr. 1) names the
    heading of kapitel 1 of husdyrbrugloven, "Formål og anvendelsesområde", which § 1 opens."""
    node = node_at(doc, kapitel)
    if node.label is None:
        return None
    return ("HEADING_OF_KAPITEL", f"{address}: the § has no heading of its own and opens kapitel {node.label}: read as "
            f"that kapitel's heading »{node.heading}«")


def _is_repealed(node: Node) -> bool:
    return node.repealed or is_placeholder(node) or (len(node.children) == 1 and is_placeholder(node.children[0]))


def _child_paths(node: Node, path: TreePath, kind: Kind, label: str) -> list[TreePath]:
    return [(*path, i) for i, c in enumerate(node.children) if c.kind is kind and same_label(c.label, label)]


def _nr_paths(doc: Document, path: TreePath, kind: Kind, label: str) -> list[TreePath]:
    """nr./litra. cited directly under a § ("§ 2, nr. 7"): the stk. that has it; found in several stk.
    → every hit (the caller reports AMBIGUOUS_TARGET rather than taking the first)."""
    node = node_at(doc, path)
    stks = [(*path, i) for i, c in enumerate(node.children) if c.kind is Kind.STK]
    hits: list[TreePath] = []
    for stk in stks:
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
    reading: tuple[str, str] | None = None
    for n, (level, label) in enumerate(steps):
        node = node_at(doc, path) if path else None
        hits: list[TreePath]
        if level is Level.PARAGRAF:
            hits = [p for p in index.paragraf.get(label_key(label), []) if p[: len(path)] == path]
            live = [p for p in hits if not node_at(doc, p).repealed]
            hits = live or hits
        elif level is Level.KAPITEL:
            hits = [p for p in index.kapitel.get(label_key(label), []) if p[: len(path)] == path]
        elif level is Level.AFSNIT:
            hits = index.afsnit.get(label_key(label), [])
        elif level is Level.BILAG:
            hits = [p for p in index.bilag if same_label(node_at(doc, p).label, label)]
            if not hits and label == "1" and len(index.bilag) == 1 and node_at(doc, index.bilag[0]).label is None:
                hits = list(index.bilag)
        elif level is Level.OVERSKRIFT:
            if node is None:
                raise ResolveError("TARGET_NOT_FOUND", "a heading needs a § or a kapitel")
            if node.kind in (Kind.KAPITEL, Kind.AFSNIT) or label == "til":
                # "I overskriften til § 159 a ændres »Fondsrådets kontrol« til: »Kontrol«" (LOV 1287/2012 § 7,
                # nr. 2): a § without a heading of its own is headed by the heading that stands before it
                if label == "til" and node.kind is Kind.PARAGRAF and not node.heading:
                    heads = _headings(doc, path, False)
                    if heads:
                        return Target("heading", path, headings=heads, via="current")
                return Target("kapitel_heading", path, via="current")
            after = label in ("efter", "mellem")
            heads = _headings(doc, path, after)
            reading = None
            if not heads and not after:
                opened = _kapitel_opened(doc, path)
                if opened is not None:  # the § opens a kapitel and has no heading of its own: the kapitel's
                    return Target("kapitel_heading", opened, via="current",
                                  reading=_kapitel_reading(doc, opened, Address(tuple(steps[:n]))))
                path, heads = heading_past_repealed(doc, path)
                reading = past_repealed(doc, path, Address(tuple(steps[:n]))) if heads else None
            if not heads:
                raise ResolveError("TARGET_NOT_FOUND", f"no heading {label} {Address(tuple(steps[:n]))}")
            if label == "mellem":  # "Overskriften efter § 61 før overskriften til § 62": the first of at least two
                if len(heads) < 2:
                    raise ResolveError("TARGET_NOT_FOUND", f"only the next §'s own heading stands after "
                                       f"{Address(tuple(steps[:n]))}, no heading between")
                heads = heads[:1]
            return Target("heading", path, headings=heads, via="current", after=after, reading=reading)
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
                # "§ 5, 2. pkt." on a § with stk.; a repealed stk. printed as "Stk. 2. (Ophævet)" does not count: a §
                # left with one stk. is cited without it ("I § 18, 2. pkt., ændres …", LOV 738/2015 § 1, nr. 30, where
                # LBK 1253/2013 prints § 18 and "Stk. 2. (Ophævet)"; LBK 1580/2015 prints the change in § 18's 2. pkt.)
                live_stk = sum(c.kind is Kind.STK and not c.repealed and not is_placeholder(c) for c in node.children)
                if live_stk > 1:
                    raise ResolveError("AMBIGUOUS_TARGET", f"{Address(tuple(steps[: n + 1]))}: § {node.label} "
                                       "has several stk. and the address names none")
                if sum(c.kind is Kind.STK for c in node.children) > 1:
                    reading = ("PKT_OF_ONLY_LIVE_STK", f"{Address(tuple(steps[: n + 1]))} read in stk. 1 of § "
                               f"{node.label}: its other stk. are printed as repealed")
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
        return Target("pkt", path, pkt=pkt, via="current", reading=reading)
    return Target("node", path, via="current")


@dataclass(slots=True)
class Resolver:
    """Resolves addresses for one amending order: pre-order labels first (snapshot), then current."""

    snapshot: Document
    readings: list[tuple[str, str]] = field(default_factory=list)  # the conventions resolving relied on (apply_op)

    def resolve(self, doc: Document, address: Address) -> Target:
        """`address` resolved (`_resolve`); a drafting convention it was read by is noted in `readings`."""
        target = self._resolve(doc, address)
        if target.reading is not None:
            self.readings.append(target.reading)
        return target

    def _resolve(self, doc: Document, address: Address) -> Target:
        try:
            old = resolve_current(self.snapshot, address)
        except ResolveError:
            return resolve_current(doc, address)
        if old.kind in ("title", "titlenote", "preamble", "document") or doc is self.snapshot:
            return old
        path = follow_ids(doc, ids_along(self.snapshot, old.path))
        if path is None:
            reused = _reused_number(self.snapshot, doc, address, old)
            if reused is not None:
                return reused
            # the unit the address named before the order is gone (an earlier item of this order
            # removed it): never take what carries the label now without proof (text ops verify)
            raise ResolveError("TARGET_NOT_FOUND", f"{address} was removed by an earlier item of this order")
        if old.kind == "heading":
            heads = _headings(doc, path, old.after)
            if not heads:
                raise ResolveError("TARGET_NOT_FOUND", f"no heading at {address}")
            return Target("heading", path, headings=heads, via="snapshot", after=old.after, reading=old.reading)
        pkt = old.pkt
        if old.kind == "pkt" and pkt is not None:
            pkt = moved_pkt(node_at(self.snapshot, old.path).text, node_at(doc, path).text, pkt) or pkt
        return Target(old.kind, path, pkt=pkt, via="snapshot", reading=old.reading)


def _reused_number(snapshot: Document, doc: Document, address: Address, old: Target) -> Target | None:
    """The live unit an earlier item of the order put in the number of a unit that stood repealed before
    the order ("§ 6. (Ophævet)"), when the address names that number: a repealed unit has nothing left to
    change, so the later item means the new unit. LOV 244/2014 § 1, nr. 1, "Efter § 5 indsættes: § 6. …"
    (in force 1 April 2014) fills the gap LBK 1261/2010 prints as "§ 6. (Ophævet)", and its nr. 2, "§ 6
    affattes således: …" (in force 1 January 2015, § 3, stk. 2), recasts that new § 6. Said as
    RESOLVED_BY_CURRENT_LABEL; None where the old unit was live or the number holds no live unit now."""
    before = node_at(snapshot, old.path)
    if old.kind != "node" or not (before.repealed or is_placeholder(before)):
        return None
    try:
        now = resolve_current(doc, address)
    except ResolveError:
        return None
    unit = node_at(doc, now.path)
    if now.kind != "node" or unit.repealed or is_placeholder(unit):
        return None
    return dc_replace(now, reading=("RESOLVED_BY_CURRENT_LABEL", f"{address}: repealed before the order; an earlier "
                                    "item of the order put a new unit in its number, and that unit was changed"))


def moved_pkt(before: str, now: str, pkt: int) -> int | None:
    """Where the punktum that was number `pkt` before the order stands now. Punktummer are cited by
    their number before the order ("§ 56 a, stk. 1, 4. pkt., der bliver 5. pkt., affattes", LOV
    1543/2010 § 1, nr. 4, after nr. 3 inserted a sentence after 3. pkt.): sentences an earlier item
    inserted or removed shift it; one an earlier item rewrote keeps its place. None when the sentence
    itself was removed or merged."""
    old, new = split_sentences(before), split_sentences(now)
    if old == new:
        return pkt
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if i1 <= pkt - 1 < i2:
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                return j1 + (pkt - 1 - i1) + 1
            return None
    return None


# ------------------------------------------------------------------- ranges the document fills in


def expand_spans(doc: Document, ops: Sequence[Operation], resolver: Resolver) -> tuple[Operation, ...]:
    """"§§ 62-62 c ophæves" / "§§ 223 a-231 ophæves, og i stedet indsættes": a range written with a
    lettered end (the reader's `spans`) holds every live § standing between its ends in `doc` — the
    lettered §§ later acts inserted (62 a, 62 b), which the amending act does not list. They join the
    operation's group, and a Repeal gets one more Repeal per such §. Ends that do not resolve leave
    the operation as written (it is then refused on its own terms, never widened by a guess)."""
    out: list[Operation] = []
    expanded: set[tuple[Address, Address]] = set()
    for op in ops:
        if not isinstance(op, Repeal | RepealAndInsert) or not op.spans:
            out.append(op)
            continue
        inside = {span: _between(doc, resolver, span) for span in op.spans}
        group: list[Address] = []
        for address in op.group or (op.target,):
            group.append(address)
            group += [a for (first, _), members in inside.items() if first == address for a in members]
        out.append(dc_replace(op, group=tuple(dict.fromkeys(group))))
        if isinstance(op, Repeal):
            out += [Repeal(a, tuple(dict.fromkeys(group)), op.source)
                    for span, members in inside.items() if span not in expanded for a in members]
            expanded |= set(op.spans)
    return tuple(out)


def _between(doc: Document, resolver: Resolver, span: tuple[Address, Address]) -> list[Address]:
    """The live §§ strictly between the two ends of `span`, in document order, by their labels."""
    try:
        first, last = resolver.resolve(doc, span[0]), resolver.resolve(doc, span[1])
    except ResolveError:
        return []
    if first.kind != "node" or last.kind != "node":
        return []
    paths = sorted(p for ps in top_index(doc).paragraf.values() for p in ps
                   if first.path < p < last.path and not node_at(doc, p).repealed)
    return [Address(((Level.PARAGRAF, node_at(doc, p).label or ""),)) for p in paths]
