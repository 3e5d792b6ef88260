"""Stage 2 (review): the two versions a `diff` compares, taken from a corpus — one document on two
dates (with the amender's log, so each change names its instruction), or two documents (each as
issued, or each as in force on a date). Input: Corpus and identifiers; output: Versions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lovkons.history.pointintime import PointInTime, consolidate_at
from lovkons.model.document import Document, LovkonsError, Problem
from lovkons.review.diff import DocumentDiff, diff_documents

if TYPE_CHECKING:  # the corpus is given
    from lovkons.history.corpus import Corpus


@dataclass(frozen=True, slots=True)
class Versions:
    """Two versions and their diff; `refused`: instructions refused in either (each with its day)."""

    old: Document
    new: Document
    diff: DocumentDiff
    key: str  # the document (the newer one's key when two are compared)
    title: str | None
    old_date: dt.date | None
    new_date: dt.date | None
    refused: tuple[tuple[dt.date, Problem], ...] = ()


def _text(corpus: Corpus, doc: str, at: dt.date, literal: bool = False) -> PointInTime:
    result = consolidate_at(corpus, doc, at, literal=literal, span=False)  # a diff shows no version span
    if result.key not in corpus.facts:  # known only from the documents that repeal it
        raise LovkonsError(f"{doc}: no text to compare: {result.problems[0].message}" if result.problems
                           else f"{doc}: not in the corpus")  # fmt: skip
    if result.document is None and (st := result.status).outside:  # an LBK the corpus lacks (timeline.Status)
        raise LovkonsError(f"{doc}: no text in the corpus on {at.isoformat()}: {st.held_outside()}")
    if result.document is None:
        state = result.status.state.replace("_", " ")
        raise LovkonsError(f"{doc}: no version in force on {at.isoformat()} ({state})")
    return result


def versions_diff(corpus: Corpus, doc: str, start: dt.date, end: dt.date, literal: bool = False) -> Versions:
    """Corpus document `doc` as in force on `start` and on `end`; sources limited to (start, end]. The
    ministers in office on each day (their renames show as "redaktionel ændring (ressortændring, …)")
    unless `literal`."""
    from lovkons.amender.consolidate import Applied

    old, new = _text(corpus, doc, start, literal), _text(corpus, doc, end, literal)
    assert old.document is not None and new.document is not None
    window = (start, end) if start <= end else (end, start)
    log = [a for a in (*old.applied, *new.applied) if isinstance(a, Applied)]
    short = new.document.meta.short
    diff = diff_documents(old.document, new.document, old_label=f"{short} pr. {start.isoformat()}",
                          new_label=f"{short} pr. {end.isoformat()}", window=window, applied=log)  # fmt: skip
    refused = tuple((start, p) for p in old.refused) + tuple((end, p) for p in new.refused)
    title = corpus.facts[new.key].title
    return Versions(old.document, new.document, diff, new.key, title, start, end, refused)


def documents_diff(corpus: Corpus, a: str, b: str, at: dt.date | None = None, literal: bool = False) -> Versions:
    """Two corpus documents: each as issued (its own text), or with `at` each as in force that day."""
    if at is None:
        fa, fb = corpus.resolve(a), corpus.resolve(b)
        old, new = corpus.document(fa.key), corpus.document(fb.key)
        refused: tuple[tuple[dt.date, Problem], ...] = ()
        key, title = fb.key, fb.title
    else:
        ra, rb = _text(corpus, a, at, literal), _text(corpus, b, at, literal)
        assert ra.document is not None and rb.document is not None
        old, new, key, title = ra.document, rb.document, rb.key, corpus.facts[rb.key].title
        refused = tuple((at, p) for p in (*ra.refused, *rb.refused))
    when = f" pr. {at.isoformat()}" if at else ""
    diff = diff_documents(old, new, old_label=old.meta.short + when, new_label=new.meta.short + when)
    return Versions(old, new, diff, key, title, at, at, refused)
