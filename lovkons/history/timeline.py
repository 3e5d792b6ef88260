"""Stage 2 (amender): the timeline of one main document in a corpus: when it commences, the dated
items of every order amending it (its own and those handed on by a consolidation it replaced), what
ends it and what becomes of items dated after that end. Input: Corpus + key; output: Timeline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lovkons.history.identifiers import parse_identifier
from lovkons.history.law_chain import by_law, cited_before, first_outside, law_of, restates_outside
from lovkons.history.law_chain import same_law_successor as same_law_successor  # re-exported
from lovkons.history.minister_days import item_day
from lovkons.history.repealed_items import repealed_items
from lovkons.history.withheld import in_text_of
from lovkons.model.document import LovkonsError, Problem

if TYPE_CHECKING:  # the corpus is given, not built here (an answer kept on disk loads without it)
    from lovkons.history.corpus import Corpus, Edge
    from lovkons.history.facts import Facts

ENDED = ("repealed", "expired", "superseded")


@dataclass(frozen=True, slots=True)
class Status:
    """`state`: "in_force", "not_in_force" (before commencement), "repealed", "expired"
    (built-in end), "superseded" (restated by a newer official consolidation, LBK: the law goes on
    in its text); `by` names the cause. `ends`: a known end whose date is not recorded (a sidecar
    "repealed: {by: BEK 1305/2018, date: null}"), shown beside an "in_force" state. `outside`: `by` is an LBK the
    corpus lacks (history.law_chain); `then`: the superseding by the corpus's next LBK of the law, if any."""

    state: str
    since: dt.date | None = None
    by: str | None = None
    ends: Status | None = None
    then: Status | None = None
    outside: bool = False

    @property
    def taker(self) -> Status:
        """The superseding by a document of the corpus: this one, or `then` when `by` is outside the corpus."""
        return self.then or self

    def steps(self) -> tuple[Status, ...]:
        """The restatements this end is made of, in order: the LBK the corpus lacks (`outside`), then the corpus's."""
        return (self,) if self.then is None else (self, self.then)

    def held_outside(self) -> str:
        """Where the law's text is when this end is by an LBK the corpus lacks (`outside`), as `consolidate` and `diff`
        say it: "the law's text then is that of LBK 584/2014 (from 2014-06-01), which the corpus does not hold; LBK
        748/2015 takes over from 2015-05-16"."""
        later = f"; {self.then.by} takes over from {self.then.since}" if self.then is not None else ""
        return f"the law's text then is that of {self.by} (from {self.since}), which the corpus does not hold{later}"


@dataclass(frozen=True, slots=True)
class Change:
    """One numbered item of an order that amends the document, with its own in-force date.

    `via`: the document the order names, when the item reached this one from a consolidation it
    replaced; `to`: the consolidation this item was handed on to (it takes effect after this
    document was replaced), `incorporated` when that one's text already contains it; `lapsed` /
    `why`: the item never applies ("order_ended", "repealed", "expired", "item_repealed") from that day (an
    "item_repealed" one `incorporated` all the same when this document's text printed it ahead of its day); or, handed
    on, "left_out": in force here, but the consolidation replacing this one left it out (_left_out)."""

    order: str  # "BEK 1072/2008"
    paragraf: str  # the order's own §
    item: int
    in_force: dt.date | None  # None = undetermined → pending, never applied
    lapsed: dt.date | None = None
    why: str = ""
    via: str | None = None
    to: str | None = None
    incorporated: bool = False
    by: str | None = None  # why "item_repealed": the numbered change of the later act that repealed it
    effect: dt.date | None = None  # the later day it "har virkning fra" (history.facts.Block.effects)
    dated_by: str | None = None  # the corpus LBK whose note gives the day the minister set (history.minister_days)

    @property
    def label(self) -> str:
        return f"{self.order} § {self.paragraf}, nr. {self.item}"


@dataclass(frozen=True, slots=True)
class Timeline:
    key: str
    start: dt.date | None
    end: Status | None  # what ends the document, with the first day it is no longer in force
    changes: tuple[Change, ...]  # every dated item applied to this document, in application order
    pending: tuple[Change, ...]  # undetermined items (never applied)
    lapsed: tuple[Change, ...]  # items that never apply: their order, or this document, ended first
    carried: tuple[Change, ...] = ()  # items handed on to the consolidation that replaced this one
    incorporated: tuple[Change, ...] = ()  # handed-on items this document's text already contains
    undated_end: Status | None = None  # a repeal known without its date (it cannot end the versions)

    @property
    def orders(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.order for c in self.changes))

    @property
    def dates(self) -> tuple[dt.date | None, ...]:
        """Start dates of the versions: commencement, then every day an item takes effect."""
        stop = self.end.since if self.end else None
        later = sorted(
            {c.in_force for c in self.changes if c.in_force and (self.start is None or c.in_force > self.start)}
        )
        return (self.start, *(d for d in later if stop is None or d < stop))

    @property
    def ahead(self) -> tuple[Change, ...]:
        """Incorporated items that take effect after this document's start (or on no known date):
        its text shows them before they are in force."""
        start = self.start
        return tuple(c for c in self.incorporated if c.in_force is None or start is None or c.in_force > start)

    def status_at(self, at: dt.date) -> Status:
        if self.end and self.end.since and at >= self.end.since:
            return self.end
        if self.start and at < self.start:
            return Status("not_in_force", self.start, ends=self.undated_end)
        return Status("in_force", self.start, ends=self.undated_end)

    def in_force_at(self, at: dt.date) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.in_force is not None and c.in_force <= at)


def _end(corpus: Corpus, key: str) -> Status | None:
    f = corpus.facts[key]
    candidates: list[Status] = []
    if f.expires:
        candidates.append(Status("expired", dt.date.fromisoformat(f.expires), None))
    for edge in corpus.ended_by(key):
        if edge.source == key or edge.date is None:
            continue
        state = "superseded" if edge.kind == "consolidates" else "repealed"
        candidates.append(Status(state, edge.date, edge.source))
    if not any(c.state == "superseded" for c in candidates) and (later := same_law_successor(corpus, key)):
        candidates.append(_through_outside(corpus, f, later))
    elif not any(c.state == "superseded" for c in candidates) and (found := first_outside(corpus, f, None)):
        candidates.append(Status("superseded", found[1], found[0], outside=True))  # no corpus LBK of it later
    return min(candidates, key=lambda s: (s.since or dt.date.max, s.state)) if candidates else None


def _through_outside(corpus: Corpus, f: Facts, later: Facts) -> Status:
    """How `later` (same_law_successor) ends `f`: on the day of the first LBK of the law the corpus lacks after `f`
    (history.law_chain.first_outside) — LBK 748/2015 restates "lovbekendtgørelse nr. 584 af 1. juni 2014", so LBK
    539/2013 is superseded on 1 June 2014 by LBK 584/2014 and its text is no longer the law's (the acts amending LBK
    584/2014 are written against that text); LBK 748/2015 takes over on its own day (`then`). On `later`'s day when
    no such LBK is known."""
    taken = Status("superseded", dt.date.fromisoformat(later.date or ""), later.key)
    found = first_outside(corpus, f, later)
    return Status("superseded", found[1], found[0], then=taken, outside=True) if found else taken


@dataclass(frozen=True, slots=True)
class Outside:
    """A document whose own file is not in the corpus but that corpus documents name: `end` is its
    repeal when one repeals it (`since` None when the repeal is undated); `named_by` every such edge."""

    key: str
    end: Status | None
    named_by: tuple[Edge, ...]

    @property
    def note(self) -> Problem:
        """The NOT_IN_CORPUS warning saying what is known of it, and from which documents."""
        known = "; ".join(f"{e.source} {'repeals' if e.kind == 'repeals' else e.kind} it"
                          + (f" from {e.date.isoformat()}" if e.date else "") for e in self.named_by)  # fmt: skip
        return Problem("NOT_IN_CORPUS", f"{self.key} is not in the corpus (its own text is absent); known only"
                       f" from other documents: {known}", "warning", source=self.named_by[0].source)  # fmt: skip


def outside_corpus(corpus: Corpus, identifier: str) -> Outside | None:
    """What the corpus says about a document it does not hold (None when no document names it)."""
    ident = parse_identifier(identifier)
    edges = []
    for edge in corpus.edges:
        if edge.target in corpus.facts or edge.kind == "consolidates":
            continue
        try:
            target = parse_identifier(edge.target)
        except LovkonsError:  # a target named only by title: not matchable by identifier
            continue
        if ident.matches(target.kind, target.number, target.year):
            edges.append(edge)
    if not edges:
        return None
    repeals = [e for e in edges if e.kind == "repeals"]
    first = min(repeals, key=lambda e: (e.date or dt.date.max, e.source)) if repeals else None
    end = Status("repealed", first.date, first.source) if first else None
    return Outside(edges[0].target, end, tuple(edges))


def _undated_end(corpus: Corpus, key: str) -> Status | None:
    """A repeal or replacement the corpus knows without its date (text or sidecar)."""
    edges = [e for e in corpus.ended_by(key) if e.source != key and e.date is None]
    if not edges:
        return None
    first = min(edges, key=lambda e: (e.kind, e.source))
    return Status("superseded" if first.kind == "consolidates" else "repealed", None, first.source)


def _order_end(corpus: Corpus, key: str) -> dt.date | None:
    """An order itself repealed or expired stops applying from that day."""
    st = _end(corpus, key)
    return st.since if st else None


def predecessors(corpus: Corpus, key: str) -> list[str]:
    """Documents (in the corpus) that `key` restates and that end by being superseded by it (also through documents
    outside the corpus: same_law_successor)."""
    out = []
    for e in corpus.edges_from(key):
        if e.kind == "consolidates" and e.target in corpus.facts and e.target != key:
            end = _end(corpus, e.target)
            if end is not None and end.state == "superseded" and end.by == key:
                out.append(e.target)
    f = corpus.facts[key]
    if restates_outside(corpus, f):
        for g in by_law(corpus).get(law_of(f.title), ()):
            if g.key != key and (g.date or "") < (f.date or ""):
                end = _end(corpus, g.key)
                if end is not None and end.state == "superseded" and end.taker.by == key:
                    out.append(g.key)
    return sorted(set(out))


def first_restated(corpus: Corpus, key: str) -> list[tuple[str, dt.date]]:
    """Documents outside the corpus that `key` restates, each with the day `key` took over: `key` is the
    first LBK of the corpus to restate it (LBK 85/2011 restates lov nr. 563 af 9. juni 2006 om sygedagpenge,
    whose own text the corpus lacks; LOV 1599/2010 amends that act directly)."""
    out = []
    for e in corpus.edges_from(key):
        if e.kind != "consolidates" or e.target in corpus.facts or e.target == key:
            continue
        first = corpus.first_restatement(e.target)
        if first is not None and first.source == key and first.date is not None:
            out.append((e.target, first.date))
    return sorted(set(out) | set(cited_before(corpus, key)))



def dependencies(corpus: Corpus, key: str) -> list[str]:
    """Every corpus document whose content shapes the output of `key`: itself, the orders naming it,
    the orders of items handed on to it, and the document replacing it (its introduction)."""
    tl = timeline(corpus, key)
    keys = {key, *(o.key for o in corpus.orders_for(key))}
    keys.update(c.order for c in (*tl.changes, *tl.pending, *tl.incorporated) if c.via)
    keys.update(c.by.split(" §")[0] for c in tl.lapsed if c.by)  # the act that repealed an item
    if tl.end is not None and tl.end.taker.by in corpus.facts:
        keys.add(tl.end.taker.by or "")
    return sorted(k for k in keys if k in corpus.facts)


def _cites(corpus: Corpus, targets: tuple[str, ...], key: str) -> bool:
    """A change block is `key`'s: its first target in the corpus is `key`; for `key` outside the corpus, the
    block names no corpus document and `key` first."""
    inside = next((t for t in targets if t in corpus.facts), None)
    return inside == key or (inside is None and key not in corpus.facts and bool(targets) and targets[0] == key)


def _own(corpus: Corpus, key: str) -> tuple[list[Change], list[Change], list[Change]]:
    """(dated, pending, lapsed) items of the orders whose change blocks name `key`."""
    dated: list[Change] = []
    pending: list[Change] = []
    lapsed: list[Change] = []
    for order in corpus.orders_for(key):
        stop = _order_end(corpus, order.key)
        for block in order.blocks:
            if not _cites(corpus, block.targets, key):
                continue
            effects = dict(block.effects)
            for number, date in block.items:
                # left to the minister: a corpus LBK's note may say the day
                day, lbks = item_day(corpus, order.key, block.paragraf, number, date)
                effect = dt.date.fromisoformat(effects[number]) if number in effects else None
                change = Change(order.key, block.paragraf, number, day, effect=effect, dated_by=", ".join(lbks) or None)
                if day is None:
                    pending.append(change)
                elif stop is not None and day >= stop:
                    lapsed.append(replace(change, lapsed=stop, why="order_ended"))
                else:
                    dated.append(change)
    # numbered changes a later act repealed before they took effect (history.repealed_items: days not compared)
    gone = repealed_items(corpus, [o.key for o in corpus.orders_for(key)])
    cut = {k: by for c in (*dated, *pending) if (by := gone.get(k := (c.order, c.paragraf, c.item))) is not None}
    lapsed += [replace(c, lapsed=cut[k][1], why="item_repealed", by=cut[k][0])
               for c in (*dated, *pending) if (k := (c.order, c.paragraf, c.item)) in cut]
    dated = [c for c in dated if (c.order, c.paragraf, c.item) not in cut]
    pending = [c for c in pending if (c.order, c.paragraf, c.item) not in cut]
    return dated, pending, lapsed


def timeline(corpus: Corpus, key: str) -> Timeline:
    """The timeline of the main document `key` (a corpus key, see Corpus.resolve). Memoised on the
    corpus (facts do not change once loaded)."""
    cache: dict[str, Timeline] = corpus.timelines
    if key not in cache:
        cache[key] = _timeline(corpus, key, frozenset())
    return cache[key]


def _timeline(corpus: Corpus, key: str, stack: frozenset[str]) -> Timeline:
    f = corpus.facts[key]
    start = dt.date.fromisoformat(f.in_force) if f.in_force else None
    end = _end(corpus, key)
    dated, pending, lapsed = _own(corpus, key)
    incorporated: list[Change] = []
    # items of the documents this one replaced that take effect after the replacement: when this
    # document's introduction names their order, its text already has them; otherwise they apply here
    # (not those handed on to an LBK outside the corpus between the two: they are in the text this one restates)
    handed_on = [(prev, [c for c in (corpus.timelines.get(prev) or _timeline(corpus, prev, stack | {key})).carried
                         if c.to == key]) for prev in predecessors(corpus, key) if prev not in stack]
    # the acts amending a document outside the corpus that this LBK is the first to restate: their items
    # that take effect from its day on are handed on to it like those of a restated corpus document
    for prev, since in first_restated(corpus, key):
        handed, gone = _outside_carried(corpus, prev, since, f)
        handed_on.append((prev, handed))
        # repealed before their day: said here (fates), as in prev's; in this text when it printed them ahead
        lapsed += [replace(c, via=prev, incorporated=_printed_ahead(corpus, f, c)) for c in gone]
    for prev, carried_on in handed_on:
        for c in carried_on:
            moved = replace(c, to=None, incorporated=False, via=c.via or prev)
            if c.incorporated:
                incorporated.append(replace(moved, incorporated=True))
            elif c.in_force is None:
                pending.append(moved)
            else:
                dated.append(moved)
    carried: list[Change] = []
    if end is not None and end.since is not None:
        stop = end.since
        successor = corpus.facts.get(end.taker.by or "") if end.state == "superseded" else None
        keep: list[Change] = []
        for c in dated:
            if c.in_force is not None and c.in_force < stop:
                keep.append(c)
                if successor is not None and not end.outside and _left_out(successor, c, stop):
                    carried.append(replace(c, in_force=c.effect, to=successor.key, why="left_out"))
            elif end.outside and c.in_force is not None and (end.then is None or c.in_force < (end.then.since or stop)):
                carried.append(replace(c, to=end.by))  # in force in the time of an LBK the corpus lacks (see Status)
            elif successor is not None:
                carried.append(replace(c, to=successor.key, incorporated=in_text_of(successor, c)))
            else:
                lapsed.append(replace(c, lapsed=stop, why=end.state))
        dated = keep
        if successor is not None:  # undetermined items go on with the document that replaces this one
            carried += [replace(c, to=successor.key, incorporated=in_text_of(successor, c)) for c in pending]
            pending = []
    # application order: effective date, then publication order of the orders, then item
    def rank(c: Change) -> tuple[dt.date, str, int, str, int]:
        o = corpus.facts.get(c.order)
        return (c.in_force or dt.date.min, (o.date or "") if o else "", (o.number or 0) if o else 0, c.order, c.item)

    dated.sort(key=rank)
    undated = _undated_end(corpus, key) if end is None else None
    return Timeline(key, start, end, tuple(dated), tuple(pending), tuple(lapsed), tuple(carried), tuple(incorporated),
                    undated)


def _left_out(successor: Facts, c: Change, stop: dt.date) -> bool:
    """Whether the LBK that restates this document from `stop` left out an item in force before that day because it
    has effect later: the act says it "har virkning fra" a day from `stop` on and the LBK names it among the changes
    it has not incorporated. "De ændringer, der følger af … § 10 i lov nr. 433 af 16. maj 2012, har virkning fra den
    1. januar 2013. Disse ændringer er derfor ikke indarbejdet i denne lovbekendtgørelse" (LBK 1082/2012 of 14
    November 2012; LOV 433/2012 is in force from 1 July 2012): the item is handed on to it, in force from that day.
    Before, this document's text holds it (it is in force)."""
    return (c.effect is not None and c.effect >= stop and any(w[0] == c.order for w in successor.withheld)
            and not in_text_of(successor, c))


def _printed_ahead(corpus: Corpus, lbk: Facts, c: Change) -> bool:
    """An item a later act repealed before its day that this LBK's text holds all the same: the LBK names its act
    (history.withheld.in_text_of) and came before the repealing act, so it printed the change ahead of its day —
    LBK 39/2014 prints LOV 899/2013 § 1, nr. 21 (§ 25 "gælder først fra den 1. juli 2015"), which LOV 633/2015
    § 4, nr. 1 repealed from 1 June 2015."""
    by = corpus.facts.get((c.by or "").split(" §")[0])
    return by is not None and (by.date or "") > (lbk.date or "") and in_text_of(lbk, c)


def _outside_carried(corpus: Corpus, key: str, since: dt.date,
                     successor: Facts) -> tuple[list[Change], list[Change]]:
    """The items of the acts amending `key` (outside the corpus) that take effect on or after `since`, the
    day `successor` restated it, or on no known day: handed on to `successor`, as in its text when it names
    their act (history.withheld.in_text_of). Earlier items are in the text it restates. Second: those of them
    that never apply (repealed before their day, their act ended first), for `successor` to say. Items in force
    before `since` that `successor` says it left out (_left_out) are not handed on this way: LBK 1114/2013 prints the
    items of LOV 792/2013 § 9 it says it has not incorporated (handing them on gave 4 refusals, 6 in the corpus)."""
    dated, pending, lapsed = _own(corpus, key)
    later = [c for c in dated if c.in_force is not None and c.in_force >= since] + pending
    gone = [c for c in lapsed if c.in_force is None or c.in_force >= since]
    return [replace(c, to=successor.key, incorporated=in_text_of(successor, c)) for c in later], gone
