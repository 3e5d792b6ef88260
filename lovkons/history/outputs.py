"""Stage 2 (history): the values of a rebuild, one document at a time: every version (its span, the
orders whose items are applied in it, problems) with its files rendered by an injected renderer, and
the document's record (timeline, versions, every problem once). The renderer (renderers.rebuild_files)
turns records into the index entry, report section, index.json and report.md: the engine returns
values, never output shapes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from lovkons.history.corpus import Corpus
from lovkons.history.facts import Facts
from lovkons.history.fates import APPLIED, decide, fate_problems
from lovkons.history.pointintime import versions as versions_of
from lovkons.history.timeline import Status, Timeline, timeline
from lovkons.model.document import Document, Problem


@dataclass(frozen=True, slots=True)
class VersionOut:
    """One version of a document, as handed to the renderer."""

    key: str
    doc_id: str
    start: dt.date | None
    end: dt.date | None  # first day of the next version (or of the end), None = open
    document: Document
    applied: tuple[Any, ...]
    problems: tuple[Problem, ...]
    included: tuple[str, ...]
    status: Status
    editorial: tuple[Any, ...] = ()  # lovkons.ressort.layer.EditorialChange: ressortændringer in the text


@dataclass(frozen=True, slots=True)
class VersionSpan:
    """A version as listed in the index: its span, its files, the orders applied in it."""

    start: dt.date | None
    end: dt.date | None
    files: tuple[str, ...]
    orders: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """Everything the index entry and the report section of one document say."""

    facts: Facts
    timeline: Timeline
    versions: tuple[VersionSpan, ...]
    problems: tuple[tuple[Problem, str], ...]  # (problem, the version it first appeared in), sorted

    @property
    def refused(self) -> int:
        return sum(1 for p, _ in self.problems if p.severity == "error")


class RebuildRenderer(Protocol):
    """What a rebuild needs from the renderers: the files of a version (called), the index entry
    and report section of a document, the entry of a document that failed, the two corpus files."""

    def __call__(self, version: VersionOut) -> dict[str, bytes]: ...
    def entry(self, record: DocumentRecord) -> dict[str, Any]: ...
    def failed(self, facts: Facts, problem: Problem, error: str) -> dict[str, Any]: ...
    def section(self, entry: dict[str, Any]) -> str: ...
    def index(self, corpus: Corpus, entries: list[dict[str, Any]]) -> bytes: ...
    def report(self, corpus: Corpus, sections: list[str]) -> bytes: ...


def _corpus_relative(p: Problem, root: Path) -> Problem:
    """File names relative to the corpus root, so output does not depend on how the corpus was named."""
    if not p.file:
        return p
    rel = _relative(p.file, str(root))
    return p if rel is None else dataclasses.replace(p, file=rel)


@lru_cache(maxsize=4096)
def _relative(file: str, root: str) -> str | None:
    """`file` relative to `root` (both resolved), None when outside it. Asked once per file and root:
    every problem of an order names the order's file, and resolving asks the file system."""
    try:
        return Path(file).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return None


def _problem_key(p: Problem) -> tuple[str, str, str, str]:
    return (p.code, p.source or "", p.address or "", p.message)


def document_outputs(
    corpus: Corpus, key: str, render: RebuildRenderer, *, literal: bool = False
) -> tuple[dict[str, bytes], dict[str, Any], str]:
    """(files, index entry, report section) for every version of the main document `key` (with the
    ministers and authorities in office on each version's first day, unless `literal`)."""
    facts = corpus.facts[key]
    tl = timeline(corpus, key)
    files: dict[str, bytes] = {}
    versions: list[list[Any]] = []  # [start, end, files, orders], the end moved on by merged days
    seen: dict[tuple[str, str, str, str], tuple[Problem, str]] = {}
    previous: Document | None = None
    stop = tl.end.since if tl.end else None
    texts = versions_of(corpus, tl, stop, literal=literal)  # an exception fails the whole document
    for i, version in enumerate(texts):
        start = version.start
        end = texts[i + 1].start if i + 1 < len(texts) else stop
        day = start or dt.date.min
        doc, applied, problems = version.document, version.applied, version.problems
        problems = tuple(_corpus_relative(p, corpus.root) for p in problems)
        in_force = tl.in_force_at(day)
        fates = decide(in_force, applied, problems, day)  # orders included: those with an applied item
        included = tuple(k for k in tl.orders if any(c.order == k and fates.state(c) == APPLIED for c in in_force))
        name = start.isoformat() if start else "undated"
        for p in problems:
            seen.setdefault(_problem_key(p), (p, name))
        if previous is not None and doc == previous and versions:
            versions[-1][1] = end  # nothing changed that day
            continue
        previous = doc
        st = tl.status_at(day) if start else Status("in_force")
        out = VersionOut(key, facts.doc_id, start, end, doc, applied, problems, included, st, version.editorial)
        rendered = render(out)
        paths = {suffix: f"{facts.doc_id}/{name}{suffix}" for suffix in sorted(rendered)}
        for suffix, data in rendered.items():
            files[paths[suffix]] = data
        versions.append([start, end, tuple(sorted(paths.values())), included])
    mine = {(c.order, c.paragraf) for c in (*tl.changes, *tl.pending, *tl.lapsed)}
    reported = {(p.code, p.source) for p, _ in seen.values()}
    for order in tl.orders:
        for pj in corpus.facts[order].problems:
            src = str(pj.get("source") or "")
            ours = any(src == f"{o} § {par}" or src.startswith(f"{o} § {par},") for o, par in mine if o == order)
            if pj.get("code") == "UNPARSED_INSTRUCTION" and ours and (pj["code"], src) not in reported:
                p = Problem(str(pj["code"]), str(pj.get("message", "")), str(pj.get("severity", "error")),
                            pj.get("source"), pj.get("address"), pj.get("file"), pj.get("line"))
                seen.setdefault(_problem_key(p), (p, "order"))
    if tl.start is None:
        p = Problem("COMMENCEMENT_UNKNOWN", f"{key} does not state its commencement date (e.g. the minister "
                    "sets it); its first version is undated", "warning", source=key, file=facts.rel)  # fmt: skip
        seen.setdefault(_problem_key(p), (p, "undated"))
    for p in fate_problems(tl, file=facts.rel):
        seen.setdefault(_problem_key(p), (p, "timeline"))
    spans = tuple(VersionSpan(a, b, f, o) for a, b, f, o in versions)
    found = tuple(sorted(seen.values(), key=lambda x: _problem_key(x[0])))
    entry = render.entry(DocumentRecord(facts, tl, spans, found))
    return files, entry, render.section(entry)
