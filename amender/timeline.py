"""Stage 2 (amender): the timeline of one main document in a corpus: when it commences, the dated
items of every order amending it, what ends it (repeal, built-in end, a newer LBK) and its status
at any date. Input: Corpus + key; output: Timeline (dates only; texts come from pointintime).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from amender.corpus import Corpus

ENDED = ("repealed", "expired", "superseded")


@dataclass(frozen=True, slots=True)
class Status:
    """`state`: "in_force", "not_in_force" (before commencement), "repealed", "expired"
    (built-in end), "superseded" (a newer official consolidation, LBK); `by` names the cause."""

    state: str
    since: dt.date | None = None
    by: str | None = None

    def describe(self) -> str:
        words = {"in_force": "in force", "not_in_force": "not yet in force", "repealed": "repealed",
                 "expired": "expired", "superseded": "superseded"}  # fmt: skip
        out = words.get(self.state, self.state)
        if self.since:
            out += (" until " if self.state == "not_in_force" else " since ") + self.since.isoformat()
        return out + (f" by {self.by}" if self.by else "")


@dataclass(frozen=True, slots=True)
class Change:
    """One numbered item of an order that amends the document, with its own in-force date."""

    order: str  # "BEK 1072/2008"
    paragraf: str  # the order's own §
    item: int
    in_force: dt.date | None  # None = undetermined → pending, never applied
    lapsed: dt.date | None = None  # the order ended before the item could take effect

    @property
    def label(self) -> str:
        return f"{self.order} § {self.paragraf}, nr. {self.item}"


@dataclass(frozen=True, slots=True)
class Timeline:
    key: str
    start: dt.date | None
    end: Status | None  # what ends the document, with the first day it is no longer in force
    changes: tuple[Change, ...]  # every dated item, in application order
    pending: tuple[Change, ...]  # undetermined items
    lapsed: tuple[Change, ...]  # items of orders that were repealed or ran out before the item's date

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

    def status_at(self, at: dt.date) -> Status:
        if self.end and self.end.since and at >= self.end.since:
            return self.end
        if self.start and at < self.start:
            return Status("not_in_force", self.start)
        return Status("in_force", self.start)

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
    return min(candidates, key=lambda s: (s.since or dt.date.max, s.state)) if candidates else None


def _order_end(corpus: Corpus, key: str) -> dt.date | None:
    """An order itself repealed or expired stops applying from that day."""
    st = _end(corpus, key)
    return st.since if st else None


def timeline(corpus: Corpus, key: str) -> Timeline:
    """The timeline of the main document `key` (a corpus key, see Corpus.resolve)."""
    f = corpus.facts[key]
    start = dt.date.fromisoformat(f.in_force) if f.in_force else None
    changes: list[Change] = []
    pending: list[Change] = []
    lapsed: list[Change] = []
    for order in corpus.orders_for(key):
        stop = _order_end(corpus, order.key)
        for block in order.blocks:
            if next((t for t in block.targets if t in corpus.facts), None) != key:
                continue
            for number, date in block.items:
                day = dt.date.fromisoformat(date) if date else None
                change = Change(order.key, block.paragraf, number, day)
                if day is None:
                    pending.append(change)
                elif stop is not None and day >= stop:
                    lapsed.append(Change(order.key, block.paragraf, number, day, stop))
                else:
                    changes.append(change)
    # application order: effective date, then publication order (orders_for is sorted), then item
    rank = {k: i for i, k in enumerate(dict.fromkeys(c.order for c in changes))}
    changes.sort(key=lambda c: (c.in_force or dt.date.min, rank[c.order], c.item))
    return Timeline(key, start, _end(corpus, key), tuple(changes), tuple(pending), tuple(lapsed))
