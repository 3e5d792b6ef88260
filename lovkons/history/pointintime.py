"""Stage 2 (amender): a document as it read on a given day: base + every item in force that day,
via amender.consolidate, with the ministers and authorities in office that day (lovkons.ressort,
unless `literal`). Input: Corpus, identifier, date; output: PointInTime (document or None, status,
orders included, pending and refused items, editorial changes, problems).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lovkons.history.fates import APPLIED, REFUSED, Fates, decide, fate_problems
from lovkons.history.timeline import ENDED, Change, Status, Timeline, outside_corpus, timeline
from lovkons.model.document import Document, LovkonsError, Problem
from lovkons.model.edits import AmendingDocument, ChangeBlock, DocRef

if TYPE_CHECKING:  # the corpus is given; the ressort layer is imported when names are renamed (not for --literal, timeline, fates)
    from lovkons.history.corpus import Corpus
    from lovkons.ressort.layer import EditorialChange


@dataclass(frozen=True, slots=True)
class PointInTime:
    key: str  # the document actually consolidated (after following a newer LBK)
    requested: str
    at: dt.date
    status: Status
    version_from: dt.date | None  # the day the returned text took effect
    document: Document | None  # None when not in force that day (unless last=True)
    included: tuple[str, ...]  # orders with at least one item in the text
    applied: tuple[object, ...]  # amender.consolidate.Applied
    pending: tuple[Change, ...]
    refused: tuple[Problem, ...]
    problems: tuple[Problem, ...]
    ahead: tuple[Change, ...] = ()  # in the text (incorporated by this LBK) but not in force on `at`
    upcoming: tuple[Change, ...] = ()  # dated items that take effect after `at` (before any end)
    items: tuple[Change, ...] = ()  # the items in this text (`via` set: from a replaced consolidation)
    version_to: dt.date | None = None  # first day of the next version or of the end (None = open)
    handed_on: tuple[Change, ...] = ()  # items dated after this document's replacement, see Change.to
    refused_items: tuple[Change, ...] = ()  # items in force on the day whose instruction was refused
    restated: tuple[tuple[str, dt.date | None], ...] = ()  # (LBK, from) restating `requested`, in order
    editorial: tuple[EditorialChange, ...] = ()  # ressortændringer made in the text (not instructed)
    outside: tuple[str, ...] = ()  # the LBKs of `restated` the corpus lacks (timeline.Status.then)


def _retarget(block: ChangeBlock, base: Document) -> ChangeBlock:
    """A change block handed on from a replaced consolidation now names the one replacing it."""
    m = base.meta
    return replace(block, target=DocRef(m.kind.split()[0] if m.kind else None, m.number, m.date, m.title))


Item = tuple[str, str, int]  # (order, its §, the item's number)


def _in_force(tl: Timeline, at: dt.date) -> frozenset[Item]:
    return frozenset((c.order, c.paragraf, c.item) for c in tl.in_force_at(at))


def orders_at(corpus: Corpus, tl: Timeline, at: dt.date) -> list[AmendingDocument]:
    """The orders amending the document, each cut down to its items in force on `at`."""
    return orders_with(corpus, tl, _in_force(tl, at))


def orders_with(corpus: Corpus, tl: Timeline, wanted: frozenset[Item]) -> list[AmendingDocument]:
    """The orders of `tl`, each cut down to the `wanted` items; a block handed on from a replaced consolidation
    names `tl`'s document (bench/timeline_check cuts the text an LBK prints the same way)."""
    handed = {(c.order, c.paragraf) for c in tl.changes if c.via}
    out: list[AmendingDocument] = []
    for key in tl.orders:
        order = corpus.order(key)
        blocks = []
        for block in order.changes:
            items = tuple(it for it in block.items if (key, block.paragraf, it.number) in wanted)
            if items:
                moved = (key, block.paragraf) in handed
                blocks.append(replace(_retarget(block, corpus.document(tl.key)) if moved else block, items=items))
        if blocks:
            out.append(replace(order, changes=tuple(blocks)))
    return out


def version_at(corpus: Corpus, tl: Timeline, at: dt.date, *,
               literal: bool = False) -> tuple[Document, tuple[object, ...], tuple[Problem, ...]]:
    """(document, applied, problems) of the version in force on `at` (status not checked)."""
    v = _literal(corpus, tl, at)
    if not literal:
        v = v.renamed(at)
    return v.document, v.applied, v.problems


@dataclass(frozen=True, slots=True)
class Version:
    """One version of the text: as the amending acts leave it, or with the names in office on `start`."""

    start: dt.date | None
    document: Document
    applied: tuple[object, ...]
    problems: tuple[Problem, ...]
    base: Document
    orders: tuple[AmendingDocument, ...]  # every act amending the base, as evidence of its ministry
    editorial: tuple[EditorialChange, ...] = ()

    def renamed(self, day: dt.date | None) -> Version:
        """This version with the ministers and authorities in office on `day` (lovkons.ressort)."""
        if day is None or day == dt.date.min:
            return self
        from lovkons.ressort.layer import apply_ressort

        r = apply_ressort(self.document, day, base=self.base, orders=self.orders)
        return replace(self, start=day, document=r.document, problems=self.problems + r.problems,
                       editorial=r.changes)

    def decisions(self, day: dt.date) -> tuple[object, ...]:
        """What each name in the text becomes on `day`: equal on two days, the renamed texts are equal
        (lovkons.ressort.layer.decisions)."""
        from lovkons.ressort.layer import decisions

        return decisions(self.document, day, base=self.base, orders=self.orders)

    def same_text(self, one: dt.date, other: dt.date) -> bool:
        """Whether the text renamed on `one` is the text renamed on `other` (by the decisions when they
        agree, else by the texts)."""
        return self.decisions(one) == self.decisions(other) or self.renamed(one).document == self.renamed(
            other).document


def _literal(corpus: Corpus, tl: Timeline, at: dt.date) -> Version:
    """The text as the amending acts leave it on `at`. Memoised on the corpus per set of items in
    force: two days with the same items in force have the same text (consolidate_at asks for the day
    and for the last day, which are often one version; timeline and diff ask for several days)."""
    wanted = _in_force(tl, at)
    memo: dict[frozenset[Item], tuple[Timeline, Version]] = corpus.timelines.setdefault(f"literal:{tl.key}", {})
    hit = memo.get(wanted)
    if hit is None or hit[0] is not tl:
        hit = memo[wanted] = (tl, _stored(corpus, tl, wanted) or _consolidated(corpus, tl, wanted, keep=True))
    return replace(hit[1], start=at)


def _stored(corpus: Corpus, tl: Timeline, wanted: frozenset[Item]) -> Version | None:
    """The text of these items kept for the corpus state (history.results), or None."""
    if corpus.results is None:
        return None
    stored = corpus.results.get("literal", tl.key, sorted(wanted))
    if not (isinstance(stored, tuple) and len(stored) == 3 and isinstance(stored[0], Document)):
        return None
    base = corpus.document(tl.key)
    signed = tuple(corpus.order(k) for k in tl.orders)
    return Version(dt.date.min, stored[0], stored[1], stored[2], base, signed)


def _consolidated(corpus: Corpus, tl: Timeline, wanted: frozenset[Item], *, keep: bool = False) -> Version:
    """The base with these items applied (`keep`: and kept for the corpus state, history.results)."""
    from lovkons.amender.orders import consolidate_orders  # H5

    at = dt.date.min  # the memo's value does not depend on the day; _literal sets it
    base = corpus.document(tl.key)
    orders = orders_with(corpus, tl, wanted)
    signed = tuple(corpus.order(k) for k in tl.orders)  # whole acts: who signed them is evidence
    if not orders:
        return Version(at, base, (), (), base, signed)
    result, _ = consolidate_orders(base, orders, at=None)
    made = Version(at, result.document, tuple(result.applied), tuple(result.problems), base, signed)
    if keep and corpus.results is not None:
        corpus.results.put((made.document, made.applied, made.problems), "literal", tl.key, sorted(wanted))
    return made


def last_day(tl: Timeline) -> dt.date | None:
    """The last day of the document's last version (the day before its end), None if never in force."""
    if tl.end is not None and tl.end.since is not None:
        day = tl.end.since - dt.timedelta(days=1)
        return day if tl.start is None or day >= tl.start else None
    dated = [c.in_force for c in tl.changes if c.in_force is not None]
    return max([d for d in (tl.start, *dated) if d is not None], default=dt.date.max)


def fates(corpus: Corpus, tl: Timeline) -> Fates:
    """Applied or refused, for every dated item up to the last version (one consolidation, memoised
    on the corpus): the amender applies items in date order, so an item's fate does not depend on
    the day asked, and the last version decides them all. Decided on the literal text: the ressort
    layer renames, it neither applies nor refuses an item (its problems are warnings), so the
    names in office on that day are not worked out for this."""
    memo = f"fates:{tl.key}"
    if memo not in corpus.timelines:
        stored = corpus.results.get("fates", tl.key) if corpus.results is not None else None
        if isinstance(stored, Fates):
            corpus.timelines[memo] = stored
            return stored
        day = last_day(tl)
        if day is None:
            _keep_fates(corpus, tl, Fates(None, frozenset(), {}))
        else:
            _, applied, problems = version_at(corpus, tl, day, literal=True)
            _keep_fates(corpus, tl, decide(tl.in_force_at(day), applied, problems, day))
    found: Fates = corpus.timelines[memo]
    return found


def _keep_fates(corpus: Corpus, tl: Timeline, decided: Fates) -> None:
    """The fates of `tl`'s items, in memory and (history.results) on disk, unless already known."""
    memo = f"fates:{tl.key}"
    if memo not in corpus.timelines:
        corpus.timelines[memo] = decided
        if corpus.results is not None:
            corpus.results.put(decided, "fates", tl.key)


def version_dates(tl: Timeline, f: Fates) -> tuple[dt.date | None, ...]:
    """Start dates of the versions whose text differs: commencement, then each day an item that is
    applied (not refused) takes effect, before any end. A day whose items were all refused starts
    no version: the text stays as it was."""
    stop = tl.end.since if tl.end else None
    later = sorted({c.in_force for c in tl.changes if c.in_force and f.state(c) == APPLIED
                    and (tl.start is None or c.in_force > tl.start) and (stop is None or c.in_force < stop)})
    return (tl.start, *later)


def _version_span(tl: Timeline, f: Fates, day: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """(from, to) of the version shown for `day`: its first day, and the first day of the next
    version or of the end (None = open)."""
    dates = version_dates(tl, f)
    starts = [d for d in dates if d is None or d <= day]
    nxt = [d for d in dates if d is not None and d > day] + ([tl.end.since] if tl.end and tl.end.since else [])
    return (starts[-1] if starts else None), (min(nxt) if nxt else None)


def versions(corpus: Corpus, tl: Timeline, stop: dt.date | None, *, literal: bool = False) -> list[Version]:
    """Every version of the text in date order: one per date of the timeline and, unless `literal`, one
    per day of a change of the register between them on which the names in the text change (no order
    changes the text that day: a royal resolution does). `stop` = first day no longer in force."""
    out: list[Version] = []
    for i, start in enumerate(tl.dates):
        end = tl.dates[i + 1] if i + 1 < len(tl.dates) else stop
        plain = _literal(corpus, tl, start or dt.date.min)
        if literal or start is None:
            out.append(replace(plain, start=start))
            continue
        from lovkons.ressort.register import default_register

        days = [start] + [c.date for c in default_register().changes if start < c.date and (end is None or c.date < end)]
        out.append(plain.renamed(start))
        same: list[tuple[object, ...]] = []  # the decisions of the days whose text is that of out[-1]
        for day in sorted(set(days[1:])):
            same = same or [plain.decisions(out[-1].start or start)]
            decided = plain.decisions(day)
            if decided in same:
                continue  # the same decisions on every name: the same text (not renamed to compare)
            v = plain.renamed(day)
            if v.document != out[-1].document:
                out.append(v)
                same = []
            same.append(decided)
    return out


def _version_around(corpus: Corpus, tl: Timeline, day: dt.date, stop: dt.date | None,
                    literal: bool, span: bool = True) -> tuple[Version, dt.date | None]:
    """The version in force on `day` and the first day of the next one (None: none; `span` false:
    neither worked out, the text alone)."""
    starts = [d for d in tl.dates if d is None or d <= day]
    start = starts[-1] if starts else None
    later = [d for d in tl.dates if d is not None and d > day] + ([stop] if stop else [])
    end = min(later) if later else None
    plain = _literal(corpus, tl, day)
    if literal:
        return replace(plain, start=start), end
    from lovkons.ressort.register import default_register

    if not span:
        return replace(plain.renamed(day), start=start), None
    current, today = plain.renamed(day), plain.decisions(day)
    since = start
    for c in default_register().changes:  # the names on `day` may date from a resolution after `start`
        if start is not None and start < c.date <= day and not plain.same_text(c.date - dt.timedelta(days=1), c.date):
            since = c.date
        elif c.date > day and (end is None or c.date < end) and plain.decisions(c.date) != today \
                and plain.renamed(c.date).document != current.document:
            end = c.date
            break
    return replace(current, start=since), end


def _outside_corpus(corpus: Corpus, identifier: str, at: dt.date, error: LovkonsError) -> PointInTime:
    """A document that is not in the corpus but that a corpus document repeals: its status only.
    Not repealed by any (only amended, or not named at all): `error`, saying who names it."""
    known = outside_corpus(corpus, identifier)
    if known is None:
        raise error
    if known.end is None:
        names = ", ".join(sorted({e.source for e in known.named_by}))
        raise LovkonsError(f"{known.key} is not in the corpus (named by {names}, but its own text is absent)",
                           file=error.file)  # fmt: skip
    repealed = known.end.since is not None and at >= known.end.since
    status = known.end if repealed else Status("unknown")
    return PointInTime(known.key, known.key, at, status, None, None, (), (), (), (), (known.note,))


def point_question(identifier: str, at: dt.date, last: bool, follow: bool, literal: bool) -> tuple[object, ...]:
    """What `consolidate_at` is asked, as the key of its answer on disk (history.results)."""
    return ("point", identifier, at, last, follow, literal)


def consolidate_at(
    corpus: Corpus, identifier: str, at: dt.date, *, last: bool = False, follow: bool = True, literal: bool = False,
    span: bool = True,
) -> PointInTime:
    """The document `identifier` as in force on `at`.

    The answer is kept (history.results, when the corpus carries its answers) and taken from there
    when asked again about the same corpus state; see `_consolidate_at`. `span=False`: the version's
    first and last day are not worked out (version_from and version_to None; a diff does not show
    them, and they can cost a consolidation to the document's last day, which decides the fates of
    its items); such an answer is not kept, a kept whole one is used."""
    question = point_question(identifier, at, last, follow, literal)
    if corpus.results is not None:
        stored = corpus.results.get(*question)
        if isinstance(stored, PointInTime):
            return stored
    found = _consolidate_at(corpus, identifier, at, last=last, follow=follow, literal=literal, span=span)
    if corpus.results is not None and span:
        corpus.results.put(found, *question)
    return found


def _consolidate_at(
    corpus: Corpus, identifier: str, at: dt.date, *, last: bool, follow: bool, literal: bool, span: bool = True
) -> PointInTime:
    """The document `identifier` as in force on `at`.

    Before commencement, or after a repeal / built-in end, `document` is None and `status` says why;
    `last=True` then gives the last version before the end. A law superseded by a newer official
    consolidation (LBK) in the corpus is followed to that LBK when `follow` is true. The ministers and
    authorities are those in office on `at` (editorial changes, see lovkons.ressort) unless `literal`.
    """
    try:
        facts = corpus.resolve(identifier)
    except LovkonsError as error:
        return _outside_corpus(corpus, identifier, at, error)
    tl = timeline(corpus, facts.key)
    first = tl
    status = tl.status_at(at)
    seen = {facts.key}
    restated: list[tuple[str, dt.date | None]] = []
    outside: list[str] = []
    # through an LBK the corpus lacks to the corpus's next one, from that one's day (timeline.Status.then)
    while follow and status.state == "superseded" and (taker := status.taker).by in corpus.facts \
            and taker.by not in seen and taker.since is not None and at >= taker.since:
        restated += [(step.by or "", step.since) for step in status.steps()]
        outside += [step.by or "" for step in status.steps() if step.outside]
        seen.add(taker.by or "")
        tl = timeline(corpus, taker.by or "")
        status = tl.status_at(at)
    if restated and status.state in ("in_force", "not_in_force"):
        # an LBK restates the law, it does not end it: the law is in force since its own commencement
        status = Status("in_force", first.start, ends=status.ends)
    day = at
    if status.state in ENDED or status.state == "not_in_force":
        if not (last and status.state in ENDED and status.since):
            return PointInTime(tl.key, facts.key, at, status, None, None, (), (), tl.pending, (), (),
                               restated=tuple(restated), outside=tuple(outside))
        day = status.since - dt.timedelta(days=1)
    stop = tl.end.since if tl.end else None
    version, next_start = _version_around(corpus, tl, day, stop, literal, span)
    doc, applied, problems = version.document, version.applied, version.problems
    in_text = tl.in_force_at(day)
    decided = decide(in_text, applied, problems, day)
    included_items = tuple(c for c in in_text if decided.state(c) == APPLIED)
    refused_items = tuple(c for c in in_text if decided.state(c) == REFUSED)
    included = tuple(k for k in tl.orders if any(c.order == k for c in included_items))
    refused = tuple(p for p in problems if p.severity == "error")
    ahead = tuple(c for c in tl.incorporated if c.in_force is None or c.in_force > day)
    # of the lapsed items only those the text prints all the same (repealed before their day: LBK 39/2014 keeps LOV
    # 899/2013 § 1, nr. 21, history.timeline._printed_ahead) are about this text
    printed = tuple(c for c in tl.lapsed if c.incorporated)
    problems += tuple(fate_problems(replace(tl, incorporated=ahead, lapsed=printed), file=corpus.facts[tl.key].rel))
    upcoming = tuple(c for c in tl.changes if c.in_force is not None and c.in_force > day)
    if day == last_day(tl):
        _keep_fates(corpus, tl, decided)
    start, end = _version_span(tl, fates(corpus, tl), day) if span else (None, None)
    if not literal and span:  # a royal resolution between the versions' dates starts a version of its own
        from lovkons.ressort.register import default_register

        resolution_days = {c.date for c in default_register().changes}
        if version.start in resolution_days and (start is None or version.start > start):
            start = version.start
        if next_start in resolution_days and (end is None or next_start < end):
            end = next_start
    # undetermined items stay pending here, even when they go on to the document replacing this one
    pending = tl.pending + tuple(c for c in tl.carried if c.in_force is None)
    handed_on = tuple(c for c in tl.carried if c.in_force is not None)
    return PointInTime(tl.key, facts.key, at, status, start, doc, included, applied, pending,
                       refused, problems, ahead, upcoming, included_items, end, handed_on, refused_items,
                       tuple(restated), version.editorial, tuple(outside))  # fmt: skip
