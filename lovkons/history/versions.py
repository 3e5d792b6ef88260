"""Stage 2 (history): a document's whole history, version by version, for `lovkons timeline`: its
timeline followed through the LBKs that restate it (an LBK restates a law, the law goes on in its
text), each version with the items applied on its first day and those refused (history.fates decides
which). Input: Corpus + key; output: History.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lovkons.history.fates import APPLIED, REFUSED, Fates
from lovkons.history.pointintime import fates, version_dates
from lovkons.history.timeline import Change, Status, Timeline, timeline

if TYPE_CHECKING:  # the corpus is given
    from lovkons.history.corpus import Corpus


@dataclass(frozen=True, slots=True)
class VersionRow:
    """One version of a document's timeline: its span, the items taking effect on its first day (the
    first version: also those before it) that were applied, and those of that day that were refused."""

    key: str
    start: dt.date | None
    end: dt.date | None
    applied: tuple[Change, ...]
    refused: tuple[Change, ...]
    orders: tuple[str, ...]  # orders with an applied item in this version's text


@dataclass(frozen=True, slots=True)
class History:
    """A document's timeline, followed through the LBKs that restate it (`chain`, first = the
    document asked), with the fate of every item; `checked` False when nothing was consolidated
    (the items' fates are then not known and every dated item opens a version)."""

    chain: tuple[Timeline, ...]
    versions: tuple[VersionRow, ...]
    fates: tuple[Fates, ...]  # per timeline of the chain
    checked: bool

    @property
    def timeline(self) -> Timeline:
        return self.chain[0]

    @property
    def end(self) -> Status | None:
        """The end of the law (its last restatement's end), None while in force."""
        return self.chain[-1].end


def restatements(corpus: Corpus, key: str) -> tuple[Timeline, ...]:
    """The timeline of `key`, then of each LBK (in the corpus) that restates it, in order (through an LBK the corpus
    lacks: timeline.Status.then)."""
    out = [timeline(corpus, key)]
    seen = {key}
    while (e := out[-1].end) is not None and e.state == "superseded" and (by := e.taker.by) in corpus.facts \
            and by not in seen:
        seen.add(by or "")
        out.append(timeline(corpus, by or ""))
    return tuple(out)


def _rows(tl: Timeline, f: Fates, checked: bool) -> list[VersionRow]:
    dates = version_dates(tl, f) if checked else tl.dates
    stop = tl.end.since if tl.end else None
    rows = []
    for i, start in enumerate(dates):
        end = dates[i + 1] if i + 1 < len(dates) else stop
        nxt = end or dt.date.max
        # the items from this day until the next version (the first: also those before it); refused
        # items open no version, so they stand in the version in force when they were refused
        low = dt.date.min if i == 0 else (start or dt.date.min)
        items = [c for c in tl.changes if c.in_force is not None and low <= c.in_force < nxt]
        applied = tuple(c for c in items if not checked or f.state(c) == APPLIED)
        refused = tuple(c for c in items if checked and f.state(c) == REFUSED)
        orders = tuple(sorted({c.order for c in tl.in_force_at(start) if not checked or f.state(c) == APPLIED})) \
            if start else ()
        rows.append(VersionRow(tl.key, start, end, applied, refused, orders))
    return rows


def history(corpus: Corpus, key: str, *, check: bool = True) -> History:
    """Every version of `key` and of the LBKs restating it, with applied and refused items
    (`check`: consolidate each last version to decide; False: dates only, faster)."""
    chain = restatements(corpus, key)
    all_fates = tuple(fates(corpus, tl) if check else Fates(None, frozenset(), {}) for tl in chain)
    rows = [r for tl, f in zip(chain, all_fates, strict=True) for r in _rows(tl, f, check)]
    return History(chain, tuple(rows), all_fates, check)
