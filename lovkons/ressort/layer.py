"""Stage 2 (ressort): the ressortændringer an official consolidation makes, as their own pure step.

Input: a consolidated Document, the day, the base and the amending acts (evidence of who is
responsible for the law); output: Ressort — the document with every old name of a ministry or
authority in the form in office that day, and the list of these editorial changes with their legal
basis. Instructed changes are not touched: this step runs after the amender and only renames.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from lovkons.amender.consolidate import Consolidation
from lovkons.model.document import UNIT_LEVELS, Address, Document, Kind, Level, Node, Problem, Source
from lovkons.model.edits import AmendingDocument
from lovkons.ressort.evidence import evidence_of, named_most
from lovkons.ressort.forms import Span, name_forms, render
from lovkons.ressort.guards import kept_by
from lovkons.ressort.namer import Namer, Rename
from lovkons.ressort.register import AUTHORITY, MINISTRY, Register, default_register
from lovkons.ressort.responsible import Evidence, Responsibility, law_title, responsibility, stays

EDITORIAL = "redaktionel ændring"  # how an editorial change is cited (its Source.document starts so)
_SKIP = (Kind.NOTE, Kind.UNDERSKRIFT)  # the LBK's own notes and the signature are not the law's text
_PARTS = (Kind.KAPITEL, Kind.AFSNIT)  # the parts of a law a transfer can leave behind (Transfer.stays)
_LEVEL = UNIT_LEVELS


@dataclass(frozen=True, slots=True)
class EditorialChange:
    """»old« became »new« at `address` (`count` times), by the changes cited in `bases`."""

    address: str
    old: str
    new: str
    bases: tuple[str, ...]  # "kgl. res. af 3. oktober 2011", …
    day: dt.date  # the day the new name took office
    count: int = 1
    kind: str = "ressort"

    @property
    def label(self) -> str:
        return f"{EDITORIAL} (ressortændring, {_cite(self.bases)})"

    def source(self) -> Source:
        return Source(self.label, in_force=self.day, text=f"»{self.old}« → »{self.new}«")

    def to_json(self) -> dict[str, object]:
        return {"address": self.address, "old": self.old, "new": self.new, "count": self.count, "kind": self.kind,
                "basis": list(self.bases), "in_force": self.day.isoformat(), "label": self.label}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Ressort:
    document: Document
    changes: tuple[EditorialChange, ...] = ()
    problems: tuple[Problem, ...] = ()
    responsible: Responsibility = field(default_factory=lambda: Responsibility(None))


def _address(path: tuple[tuple[Level, str], ...]) -> str:
    """"§ 4, stk. 2" as cited (the kapitel only for a heading outside any §)."""
    levels = [lv for lv, _ in path]
    if Level.PARAGRAF in levels:
        path = path[levels.index(Level.PARAGRAF):]
    return str(Address(path)) if path else "dokument"


def _cite(bases: tuple[str, ...]) -> str:
    """"kgl. res. af 9. august 2013 og 3. februar 2014" for several resolutions in a row."""
    if len(bases) > 1 and all(b.startswith("kgl. res. af ") for b in bases):
        days = [b.removeprefix("kgl. res. af ") for b in bases]
        return "kgl. res. af " + ", ".join(days[:-1]) + " og " + days[-1]
    return ", ".join(bases[:-1]) + (" og " if len(bases) > 1 else "") + bases[-1]




class Memo:
    """What the layer works out once per law (the `base` and `orders` objects, by identity) rather than
    once per version: the evidence of who is responsible, the names found in each distinct text (the
    name pattern runs once per text: consecutive versions share most of their provisions), the
    guards' verdicts, and which subtrees hold no name at all (skipped whole). Every value is a pure
    function of its key, so the renamed text is the same with or without it."""

    def __init__(self, register: Register, base: Document, orders: Sequence[AmendingDocument]) -> None:
        self.register, self.base, self.orders = register, base, tuple(orders)
        self.evidence: list[Evidence] | None = None
        self.names: dict[str, tuple[Span, ...]] = {}
        self.kept: dict[tuple[str, int, int, dt.date], bool] = {}
        self.named: dict[int, tuple[Node, bool]] = {}  # id(node) → (the node, kept alive; any name below)
        # id(document) → (it, the names in it, the headings of its parts that hold names)
        self.asked: dict[int, tuple[Document, tuple[str, ...], tuple[str, ...]]] = {}
        self.responsible: dict[dt.date, tuple[Responsibility, Responsibility, Responsibility]] = {}
        self.deciders: dict[dt.date, Namer] = {}  # a namer per day for `decisions` (its problems unread)
        self.scans = 0  # texts searched with the name pattern (tests count them)
        self.rewritten: dict[tuple[int, tuple[tuple[Level, str], ...], bool], Rewritten] = {}
        self.stays: dict[str, bool] = {}  # by heading: whether a transfer may leave that part behind

    def may_stay(self, heading: str) -> bool:
        """Whether a transfer of the register leaves behind a part of a law under this heading."""
        hit = self.stays.get(heading)
        if hit is None:
            hit = self.stays[heading] = any(stays(t, heading) for c in self.register.changes for t in c.transfers)
        return hit

    def serves(self, register: Register, base: Document, orders: Sequence[AmendingDocument]) -> bool:
        return (register is self.register and base is self.base and len(orders) == len(self.orders)
                and all(a is b for a, b in zip(orders, self.orders, strict=True)))  # fmt: skip

    def names_in(self, text: str) -> tuple[Span, ...]:
        found = self.names.get(text)
        if found is None:
            self.scans += 1
            found = name_forms(self.register).spans(text)
            self.names[text] = found
        return found

    def kept_by(self, text: str, start: int, end: int, day: dt.date) -> bool:
        key = (text, start, end, day)
        hit = self.kept.get(key)
        if hit is None:
            hit = self.kept[key] = kept_by(text, start, end, day) is not None
        return hit

    def any_name(self, node: Node) -> bool:
        """Whether the layer could change anything in `node`: a name in its text, heading or below."""
        hit = self.named.get(id(node))
        if hit is not None and hit[0] is node:
            return hit[1]
        found = node.kind not in _SKIP and (bool(node.text and self.names_in(node.text))
                                            or bool(node.heading and self.names_in(node.heading))
                                            or any(self.any_name(c) for c in node.children))  # fmt: skip
        self.named[id(node)] = (node, found)
        return found


_MEMO: list[Memo] = []  # the memo of the last law renamed (a rebuild worker renames one law at a time)


def memo_for(register: Register, base: Document, orders: Sequence[AmendingDocument]) -> Memo:
    """The memo of this law: the last one when it serves the same objects, else a new one."""
    if not (_MEMO and _MEMO[0].serves(register, base, orders)):
        _MEMO[:] = [Memo(register, base, orders)]
    return _MEMO[0]


Found = tuple[str, str, str, tuple[str, ...], dt.date]  # address, old, new, bases, day of an editorial change


@dataclass(frozen=True, slots=True)
class Rewritten:
    """A subtree as the rewriter left it, with what that depended on: the decision on each name it
    holds (asked in this order) and the editorial changes it counted. The same node at the same place
    comes out the same whenever the namer decides those names the same way."""

    node: Node  # the subtree rewritten (its key is the id of the original, kept alive here)
    original: Node
    decisions: tuple[tuple[str, Rename | None], ...]
    found: tuple[Found, ...]


class _Rewriter:
    def __init__(self, namer: Namer, memo: Memo) -> None:
        self.namer, self.memo = namer, memo
        self.found: Counter[Found] = Counter()
        self.decisions: list[tuple[str, Rename | None]] = []  # every decision asked, in order
        self.log: list[Found] = []  # every change counted, in order
        self.parts: set[str] = set()  # the headings walked of parts a transfer may leave behind
        self.parted = 0  # parts entered so far

    def decide(self, written: str) -> Rename | None:
        rename = self.namer.decide(written)
        self.decisions.append((written, rename))
        return rename

    def _reuse(self, hit: Rewritten) -> bool:
        """Replay a subtree rewritten before when every name in it is decided as it was then (the
        decisions asked again in the same order, so the namer's problems come out as from a walk)."""
        mark = len(self.decisions)
        for written, rename in hit.decisions:
            if self.decide(written) != rename:
                del self.decisions[mark:]
                return False
        for found in hit.found:
            self.found[found] += 1
        self.log += hit.found
        return True

    def text(self, text: str, path: tuple[tuple[Level, str], ...]) -> tuple[str, list[Source]]:
        namer = self.namer
        out: list[str] = []
        sources: list[Source] = []
        last = 0
        address = ""
        for start, end, written in self.memo.names_in(text):
            rename = self.decide(written)
            if rename is None or not rename.changes:
                continue
            when = rename.changes[-1].date
            if self.memo.kept_by(text, start, end, rename.changes[0].date):
                continue
            form = next(f for f in name_forms(namer.register).lookup(written))
            new = render(namer.register, rename.office, form.role, form.genitive, written, namer.day)
            if new == written:
                continue
            bases = tuple(dict.fromkeys(c.basis for c in rename.changes))
            address = address or _address(path)
            change = EditorialChange(address, " ".join(written.split()), new, bases, when)
            self.found[(address, change.old, new, bases, when)] += 1
            self.log.append((address, change.old, new, bases, when))
            sources.append(change.source())
            out += [text[last:start], new]
            last = end
        return ("".join(out) + text[last:], sources) if out else (text, [])

    def node(self, node: Node, path: tuple[tuple[Level, str], ...], sole: bool = False) -> Node:
        if not self.memo.any_name(node):  # also the LBK's notes and the signature (_SKIP)
            return node
        if node.kind in _PARTS and node.heading and self.memo.may_stay(node.heading):
            # a part of the law a transfer may have left behind: its own namer. The subtrees holding it
            # are not kept for reuse (their decisions were asked of two namers); the part itself is.
            self.parts.add(node.heading)
            self.parted += 1
            outer, self.namer = self.namer, self.namer.for_part(node.heading)
            try:
                return self._cached(node, path, sole)
            finally:
                self.namer = outer
        return self._cached(node, path, sole)

    def _cached(self, node: Node, path: tuple[tuple[Level, str], ...], sole: bool) -> Node:
        key = (id(node), path, sole)
        hit = self.memo.rewritten.get(key)
        if hit is not None and hit.original is node and self._reuse(hit):
            return hit.node
        first, counted, parted = len(self.decisions), len(self.log), self.parted
        out = self._node(node, path, sole)
        if self.parted == parted:
            self.memo.rewritten[key] = Rewritten(out, node, tuple(self.decisions[first:]), tuple(self.log[counted:]))
        return out

    def _node(self, node: Node, path: tuple[tuple[Level, str], ...], sole: bool) -> Node:
        level = _LEVEL.get(node.kind)
        if level is not None and node.label is not None and not sole:  # a § with one stk. is cited as the §
            path = (*path, (level, node.label))
        text, s1 = self.text(node.text, path) if node.text else (node.text, [])
        heading, s2 = self.text(node.heading, path) if node.heading else (node.heading, [])
        one = node.kind is Kind.PARAGRAF and sum(c.kind is Kind.STK for c in node.children) == 1
        kids = tuple(self.node(c, path, one and c.kind is Kind.STK) for c in node.children)
        same_kids = all(a is b for a, b in zip(kids, node.children, strict=True))
        if not s1 and not s2 and same_kids:
            return node
        return node.with_(text=text, heading=heading, children=kids, changed_by=node.changed_by + _merged(s1 + s2))


def _merged(sources: list[Source]) -> tuple[Source, ...]:
    """One source per basis and day: "»Kirkeministeren« → »…«; »kirkeministerens« → »…«"."""
    groups: dict[tuple[str, dt.date | None], list[str]] = {}
    for s in sources:
        texts = groups.setdefault((s.document, s.in_force), [])
        if s.text not in texts:
            texts.append(s.text)
    return tuple(Source(doc, in_force=day, text="; ".join(texts)) for (doc, day), texts in groups.items())


def apply_ressort(document: Document, day: dt.date, *, base: Document | None = None,
                  orders: Sequence[AmendingDocument] = (), register: Register | None = None,
                  evidence: Sequence[Evidence] | None = None) -> Ressort:
    """`document` with every old name in the form in office on `day` (see the module docstring).
    `base` and `orders` are the evidence of who is responsible for the law (default: the document);
    `evidence`, when given, is used instead of what their signatures and footnotes say."""
    register = register or default_register()
    memo = memo_for(register, base or document, orders)
    namer = _namer(memo, day, evidence)
    writer = _Rewriter(namer, memo)
    kids = tuple(writer.node(c, ()) for c in document.children)
    # every name written in the document was decided on the way (a subtree reused replays its decisions)
    memo.asked[id(document)] = (document, tuple(sorted({written for written, _ in writer.decisions})),
                                tuple(sorted(writer.parts)))
    problems = list(namer.resp.problems) + list(namer.agency.problems) + namer.problems
    if register.complete_until is not None and day > register.complete_until:
        problems.append(Problem("RESSORT_REGISTER_ENDS", f"the register of ministries is complete up to "
                                f"{register.complete_until.isoformat()}; later changes are known only in part (not "
                                "verified), so a name may be out of date", "warning"))
    changes = tuple(EditorialChange(a, old, new, bases, when, n)
                    for (a, old, new, bases, when), n in writer.found.items())
    doc = document if all(a is b for a, b in zip(kids, document.children, strict=True)) else document.with_(children=kids)
    return Ressort(doc, changes, tuple(problems), namer.resp)


def _namer(memo: Memo, day: dt.date, evidence: Sequence[Evidence] | None) -> Namer:
    """The decisions of the day for the law of `memo`: who is responsible for it that day, by the
    evidence of its base and acts (or `evidence`, when given)."""
    register, base = memo.register, memo.base
    title = law_title(base.meta.title)
    if evidence is None and day in memo.responsible:
        return Namer(register, day, title, *memo.responsible[day])
    if evidence is None:
        if memo.evidence is None:
            memo.evidence = evidence_of(register, base, memo.orders, memo.names_in)
        found: Sequence[Evidence] = memo.evidence
    else:
        found = evidence
    resp = responsibility(register, title, [e for e in found if register.offices[e.office].kind == MINISTRY], day)
    agency = responsibility(register, title, [e for e in found if register.offices[e.office].kind == AUTHORITY], day)
    most = named_most(register, base, memo.names_in)  # the minister the law gives its powers to
    named = responsibility(register, title, [most] if most else [], day)
    if evidence is None:  # the law's own evidence: the same on every call for this day
        memo.responsible[day] = (resp, agency, named)
    return Namer(register, day, title, resp, agency, named)


def decisions(document: Document, day: dt.date, *, base: Document | None = None,
              orders: Sequence[AmendingDocument] = ()) -> tuple[Rename | None, ...]:
    """What every name written in `document` becomes on `day` (in one fixed order). The text
    `apply_ressort` writes is a function of the document and of these decisions (each rename gives
    the new name, its basis and its day), so two days with equal decisions give the same text: a
    version that would only repeat the text of the day before need not be renamed to be compared."""
    register = default_register()
    memo = memo_for(register, base or document, orders)
    asked = memo.asked.get(id(document))
    if asked is None or asked[0] is not document:  # the names in it are known once it was renamed
        apply_ressort(document, day, base=base, orders=orders)
        memo = memo_for(register, base or document, orders)
        asked = memo.asked[id(document)]
    namer = memo.deciders.get(day)
    if namer is None:
        namer = memo.deciders[day] = _namer(memo, day, None)
    # a part a transfer left behind decides for itself (the same namer for the other parts)
    return tuple(part.decide(written) for part in (namer, *(namer.for_part(h) for h in asked[2]))
                 for written in asked[1])


def consolidated_at(result: Consolidation, day: dt.date | None, *, base: Document,
                    orders: Sequence[AmendingDocument] = (), literal: bool = False) -> tuple[Consolidation, Ressort]:
    """The amender's result with the ressort layer applied on `day` (its warnings added to the
    problems); unchanged when `literal` or without a day."""
    if literal or day is None:
        return result, Ressort(result.document)
    ressort = apply_ressort(result.document, day, base=base, orders=orders)
    return replace(result, document=ressort.document, problems=(*result.problems, *ressort.problems)), ressort
