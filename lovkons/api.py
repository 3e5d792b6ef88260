"""The public library API of lovkons (`import lovkons`): read a document, read amending instructions,
apply them, consolidate a corpus document on a date, its timeline, diff two versions, eval against
an official consolidation. Every function returns the model objects (frozen dataclasses); nothing
prints. Bad input raises `lovkons.LovkonsError` (its str() is one line naming the file). The `lovkons`
command is a thin layer over these functions.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lovkons.model.document import Document, LovkonsError, ParseResult
from lovkons.model.edits import AmendingDocument

if TYPE_CHECKING:
    from lovkons.amender.consolidate import Consolidation
    from lovkons.history.corpus import Corpus
    from lovkons.history.pointintime import PointInTime
    from lovkons.history.versions import History
    from lovkons.review.diff import DocumentDiff
    from lovkons.review.evaluate import CaseScore

PathLike = str | os.PathLike[str]


def read(path: PathLike, *, lenient: bool = False) -> ParseResult:
    """Read a document (plain text, LexDania XML, Retsinformation HTML or API JSON; the format is
    detected from the content) → ParseResult(document, problems)."""
    from lovkons.parsers.read import read_document

    return read_document(Path(path), lenient=lenient)


def read_instructions(path: PathLike) -> AmendingDocument:
    """Read an amending document (BEK Æ, LOV Æ) → its change blocks, items and operations."""
    from lovkons.parsers.instructions import read_amending_file

    return read_amending_file(Path(path))


def _document(doc: Document | PathLike) -> Document:
    return doc if isinstance(doc, Document) else read(doc).document


def _order(order: AmendingDocument | PathLike) -> AmendingDocument:
    return order if isinstance(order, AmendingDocument) else read_instructions(order)


def apply(base: Document | PathLike, orders: Sequence[AmendingDocument | PathLike], *,
          at: dt.date | None = None) -> Consolidation:
    """Apply the orders to `base` in turn (only change blocks citing the base) → Consolidation
    (document, applied, problems, pending). With `at`, only the items in force that day."""
    from lovkons.amender.orders import consolidate_orders

    return consolidate_orders(_document(base), [_order(o) for o in orders], at=at)[0]


def open_corpus(path: PathLike | None = None, *, cache: bool = True) -> Corpus:
    """A corpus folder (default: $LOVKONS_CORPUS, else ./corpus); its facts are cached in the user's
    cache folder unless `cache` is false (see `lovkons cache`)."""
    from lovkons.history.cache import corpus_folder, facts_cache_file
    from lovkons.history.corpus import load_corpus

    folder = corpus_folder(Path(path) if path is not None else None)
    return load_corpus(folder, jobs=os.cpu_count() or 1, cache_file=facts_cache_file(folder) if cache else None)


def _corpus(corpus: Corpus | PathLike | None) -> Corpus:
    from lovkons.history.corpus import Corpus

    return corpus if isinstance(corpus, Corpus) else open_corpus(corpus)


def consolidate(doc: str, at: dt.date | None = None, *, corpus: Corpus | PathLike | None = None,
                last: bool = False) -> PointInTime:
    """The corpus document `doc` ("BEK 1292/2007", "bek nr. 1292 af 24. oktober 2007", a path…) as
    in force on `at` (default today) → PointInTime (document, status, items applied, refused…)."""
    from lovkons.history.pointintime import consolidate_at

    return consolidate_at(_corpus(corpus), doc, at or dt.date.today(), last=last)


def timeline(doc: str, *, corpus: Corpus | PathLike | None = None, check: bool = True) -> History:
    """Every version of `doc`, followed through the LBKs restating it, with each item's fate."""
    from lovkons.history.versions import history

    c = _corpus(corpus)
    return history(c, c.resolve(doc).key, check=check)


def diff(old: Document | PathLike, new: Document | PathLike) -> DocumentDiff:
    """What changed from `old` to `new`, provision by provision (documents or files)."""
    from lovkons.review.diff import diff_documents

    a, b = _document(old), _document(new)
    return diff_documents(a, b, old_label=a.meta.short, new_label=b.meta.short)


def diff_versions(doc: str, start: dt.date, end: dt.date, *,
                  corpus: Corpus | PathLike | None = None) -> DocumentDiff:
    """What changed in corpus document `doc` between the versions in force on `start` and `end`,
    each change with the instructions behind it."""
    from lovkons.review.versions import versions_diff

    return versions_diff(_corpus(corpus), doc, start, end).diff


def evaluate(manifest: PathLike) -> CaseScore:
    """Consolidate a manifest's case and score it § by § against its `expected` official LBK (the changes the
    LBK says it has not incorporated are left pending, as `lovkons eval` does)."""
    from lovkons.amender.manifest import load_manifest, run_manifest
    from lovkons.review.evaluate import score

    m = load_manifest(Path(manifest))
    if m.expected is None:
        raise LovkonsError("the manifest has no 'expected' document", file=str(manifest))
    run = run_manifest(m, lenient=True, as_printed=True)
    assert run.expected is not None
    return score(m.name, run.base, run.result, run.expected, orders=run.orders)
