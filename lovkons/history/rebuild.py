"""Stage 2 (amender): rebuild a whole corpus: every main document at every date its text changes →
out/<doc-id>/<date>.md|.json, index.json, report.md. Deterministic bytes, atomic (a new tree is
built beside `out` and swapped in), incremental (content hashes + code version), parallel.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lovkons.history.cache import facts_cache_file
from lovkons.history.corpus import Corpus, build_corpus, index_corpus
from lovkons.history.facts import Facts, code_version, load_readers
from lovkons.history.jobs_cache import CACHE_FORMAT, file_stat, load_jobs, reusable, save_jobs
from lovkons.history.listing import list_corpus
from lovkons.history.outputs import RebuildRenderer, document_outputs
from lovkons.history.swap import (
    MARKER,
    MARKER_TEXT,
    cleanup_stale,
    link_file,
    made_by_lovkons,
    output_lock,
    same_tree,
    staging,
    swap_dir,
    write_file,
    write_files,
)
from lovkons.history.timeline import dependencies, timeline
from lovkons.history.workers import Interrupted, terminate_as_exception, worker_pool
from lovkons.model.document import LovkonsError, Problem

CACHE = ".lovkons-cache.json"  # where older versions kept the jobs cache (inside --out); now history.cache

Renderer = RebuildRenderer  # renderers.rebuild_files.REBUILD_FILES: version files, entries, index, report
Progress = Callable[[str, int, int], None]
IndexProgress = Callable[[int, int], None]  # (files indexed, files to index)


@dataclass
class RebuildStats:
    documents: int = 0
    versions: int = 0
    recomputed: list[str] = field(default_factory=list)  # doc ids rendered this run
    errors: list[str] = field(default_factory=list)  # "file: Type: message" of documents that hit a bug
    reused: list[str] = field(default_factory=list)  # doc ids copied from the previous output
    scanned: int = 0  # files parsed for their facts (0 when every file's hash was cached)
    problems: int = 0
    refused: int = 0
    written: bool = False  # False when the output was already up to date
    unreadable: list[str] = field(default_factory=list)  # one line per input that could not be read


def job_hash(corpus: Corpus, key: str, code: str) -> str:
    """Everything a document's output depends on: its facts, its orders' facts, what ends them."""
    keys = dependencies(corpus, key)
    parts: list[Any] = [code, repr(timeline(corpus, key))]  # dates, items handed on or received
    for k in keys:  # a file's facts follow from its place, its bytes (and sidecar's) and the code version
        f = corpus.facts[k]
        parts.append([f.rel, f.sha, f.key])
        parts.append([(e.kind, e.source, e.target, str(e.date)) for e in corpus.ended_by(k)])
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def corpus_digest(corpus: Corpus, code: str) -> str:
    """The identity of every file of the corpus (its place, bytes and key, as job_hash counts a file)
    and of the code: every job hash is a function of it."""
    files = sorted((f.rel, f.sha, f.key) for f in corpus.facts.values())
    return hashlib.sha256(json.dumps([code, files]).encode()).hexdigest()


def _job_hashes(corpus: Corpus, bases: list[str], code: str, saved: dict[str, Any]) -> dict[str, str]:
    """job_hash of every document; the previous run's when the corpus and the code are the same (a
    no-op rebuild then builds no timeline)."""
    old = saved.get("hashes")
    if saved.get("corpus") == corpus_digest(corpus, code) and isinstance(old, dict) and all(
            isinstance(old.get(k), str) for k in bases):  # fmt: skip
        return {k: old[k] for k in bases}
    return {k: job_hash(corpus, k, code) for k in bases}


# Set in the parent just before a fork-based pool starts: forked workers inherit the corpus (its facts
# and graph) instead of receiving it pickled; each loads the trees it needs from the parse cache.
_INHERITED: Corpus | None = None


# Orders that more than one document family needs (omnibus acts), set with _INHERITED: a worker keeps
# the last SHARED_ORDERS of them it used between families instead of loading them again.
_SHARED: frozenset[str] = frozenset()
SHARED_ORDERS = 96
_KEPT: dict[str, Any] = {}  # per worker: shared order key → its tree, the most recently used last


def _build_inherited(key: str, render: Renderer, literal: bool, staged: Path) -> dict[str, Any]:
    assert _INHERITED is not None
    try:
        return _build_one(_INHERITED, key, render, literal, staged)
    finally:
        _forget(_INHERITED)  # a worker holds one document family at a time (and some shared orders)


def _forget(corpus: Corpus) -> None:
    """Drop the family's trees, keeping the shared orders it used (see _SHARED)."""
    if corpus.parsed is None:  # nothing is dropped: every tree was parsed once and is kept
        return
    used = corpus._orders  # the corpus's own memo of orders read
    for k in [k for k in used if k in _SHARED]:
        _KEPT.pop(k, None)
        _KEPT[k] = used[k]
    while len(_KEPT) > SHARED_ORDERS:
        del _KEPT[next(iter(_KEPT))]
    corpus.forget()
    corpus._orders.update(_KEPT)


def _build_one(corpus: Corpus, key: str, render: Renderer, literal: bool, staged: Path) -> dict[str, Any]:
    """Worker: all versions of one document, written into the staging folder `staged` → {"hashes":
    {relpath: sha256}, "entry": …, "report": …}. An exception (a
    bug) fails this document only: its entry then carries an INTERNAL_ERROR; an OSError (the output
    cannot be written) ends the rebuild."""
    try:
        files, entry, report = document_outputs(corpus, key, render, literal=literal)
    except Exception as exc:  # reported per document, the rebuild goes on
        return failed(corpus, key, exc, render)
    hashes = {p: hashlib.sha256(b).hexdigest() for p, b in files.items()}  # for the cache, made here in parallel
    write_files(staged, files)
    return {"hashes": hashes, "entry": entry, "report": report}


def one_line(exc: BaseException) -> str:
    """"KeyError: 'x'": the exception's type and the first line of its message."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def failed(corpus: Corpus, key: str, exc: BaseException, render: Renderer) -> dict[str, Any]:
    """The result of a document whose consolidation raised: no files, an INTERNAL_ERROR entry."""
    f = corpus.facts[key]
    problem = Problem("INTERNAL_ERROR", f"consolidating {key} failed: {one_line(exc)}", "error", source=key, file=f.rel)
    entry = render.failed(f, problem, f"{f.rel}: {one_line(exc)}")
    return {"hashes": {}, "entry": entry, "report": render.section(entry)}


def _needs(corpus: Corpus, key: str) -> list[str]:
    return dependencies(corpus, key)


def check_out(corpus: Path, out: Path) -> None:
    """Refuse, before anything is read, an --out the rebuild would wrongly replace or cannot create:
    a file, the corpus (or a folder inside it / around it), a non-empty folder that no rebuild made
    (no marker; see swap.made_by_lovkons), or a place whose nearest existing parent is a file or not
    writable."""
    target, source = out.resolve(), corpus.resolve()
    where = str(out)
    if out.is_symlink():
        raise LovkonsError("--out: a symbolic link (it would be replaced by a folder; give the folder itself)",
                           file=where)  # fmt: skip
    if out.exists() and not out.is_dir():
        raise LovkonsError("--out: a file, not a folder (it would be replaced; choose a folder)", file=where)
    if target == source or target.is_relative_to(source) or source.is_relative_to(target):
        raise LovkonsError(f"--out: the output folder would replace the corpus {corpus} or part of it", file=where)
    if out.is_dir() and any(out.iterdir()) and not made_by_lovkons(out, CACHE):
        raise LovkonsError(f"--out: a folder that is not a lovkons output (no {MARKER} marker) and would be replaced"
                           " with all it holds; choose a new or empty folder", file=where)  # fmt: skip
    parent = target if out.exists() else target.parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise LovkonsError(f"--out: cannot create the folder: {parent} is a file", file=where)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise LovkonsError(f"--out: cannot write: {parent} is not writable", file=where)


def rebuild(
    corpus_dir: str | Path,
    out_dir: str | Path,
    *,
    render: Renderer,
    jobs: int | None = None,
    progress: Progress | None = None,
    cache: bool = True,
    follow_links: bool = False,
    literal: bool = False,
    indexing: IndexProgress | None = None,
) -> RebuildStats:
    """Rebuild `out_dir` from `corpus_dir`. Returns what was done; the old output stays in place
    until the complete new tree is ready (a killed rebuild leaves it untouched). With `cache`, the
    facts and finished jobs are kept in the user's cache folder (history.cache) and reused. One
    rebuild at a time writes an output folder (a second one waits, then refuses); SIGTERM stops the
    rebuild and its workers, cleans up and exits 143. `follow_links`: read symbolic links leading
    outside the corpus (refused otherwise). `literal`: without the ressortændringer (the names as the
    amending acts leave them). `indexing(done, total)`: progress of the corpus index (files parsed).
    Memory: the parent holds the facts, the graph and each document's index entry; the workers load
    the trees of one document family at a time and write its files straight into the new tree."""
    root, out = Path(corpus_dir), Path(out_dir)
    if not root.is_dir():
        raise LovkonsError("corpus folder not found", file=str(root))
    check_out(root, out)
    try:
        with terminate_as_exception(), output_lock(out):
            check_out(root, out)  # again: another rebuild may have changed it while we waited
            return _rebuild(root, out, render, jobs, progress, cache, follow_links, literal, indexing)
    except Interrupted:
        raise SystemExit(143) from None


def _rebuild(root: Path, out: Path, render: Renderer, jobs: int | None, progress: Progress | None,
             cache: bool, follow_links: bool, literal: bool = False,
             indexing: IndexProgress | None = None) -> RebuildStats:  # fmt: skip
    workers = max(1, jobs or os.cpu_count() or 1)
    # the injected renderer is one of the package's renderers (hashed in the code version); its `key`
    # (the formats it writes, when not the default) makes output for other formats a different job
    code = code_version() + str(getattr(render, "key", "")) + (":literal" if literal else "")
    cleanup_stale(out)
    saved = load_jobs(out, code) if cache else {}
    listing = list_corpus(root, follow_links=follow_links)
    if not saved and workers > 1:  # no earlier rebuild here: most likely the corpus is parsed now, in workers
        load_readers()
    # the corpus index shared with consolidate/timeline/diff; the parent keeps only the facts
    found = index_corpus(root, listing.files, jobs=workers, cache_file=facts_cache_file(root) if cache else None,
                         progress=indexing)  # fmt: skip
    stats = RebuildStats(scanned=found.scanned)
    corpus = build_corpus(root, found.facts, found.docs, found.orders, listing.problems)
    corpus.parsed = found.parsed
    bases = [f.key for f in corpus.bases()]
    stats.documents = len(bases)
    old_jobs: dict[str, Any] = saved.get("jobs") or {}
    results: dict[str, dict[str, Any]] = {}
    hashes_by_key = _job_hashes(corpus, bases, code, saved)
    todo = []
    unmoved = saved.get("corpus") == corpus_digest(corpus, code)  # and no file touched since: see below
    for k in bases:
        old = old_jobs.get(corpus.facts[k].doc_id)
        reused = reusable(out, old, hashes_by_key[k])
        if reused is not None:
            unmoved = unmoved and reused["stat"] == (old or {}).get("stat")
            results[k] = reused
            stats.reused.append(corpus.facts[k].doc_id)
        else:
            todo.append(k)
    stats.reused.sort()
    stats.recomputed = sorted(corpus.facts[k].doc_id for k in todo)
    if not todo:
        own = _own_files(corpus, render, bases, results)
        if same_tree(out, own, {p for k in bases for p in results[k]["hashes"]}):
            _finish(stats, corpus, bases, results)
            if cache and not unmoved:  # else the cache and its stat records would be written as they are
                save_jobs(out, _new_cache(code, corpus, bases, hashes_by_key, results), results, corpus)
            return stats
    with staging(out) as staged:
        for k in bases:
            for rel in results.get(k, {}).get("hashes", {}):
                link_file(out, staged, rel)
        _build_all(corpus, todo, render, literal, staged, workers, results, progress, len(bases))
        for rel, data in _own_files(corpus, render, bases, results).items():
            write_file(staged, rel, data)
        swap_dir(out, staged)
    for r in results.values():  # recorded once in place (linking and unlinking change a file's ctime)
        r["stat"] = {rel: file_stat((out / rel).stat(follow_symlinks=False)) for rel in r["hashes"]}
    _finish(stats, corpus, bases, results)
    stats.written = True
    if cache:  # only once the files it describes are in place
        save_jobs(out, _new_cache(code, corpus, bases, hashes_by_key, results), results, corpus)
    return stats


def _build_all(corpus: Corpus, todo: list[str], render: Renderer, literal: bool, staged: Path, workers: int,
               results: dict[str, dict[str, Any]], progress: Progress | None, total: int) -> None:  # fmt: skip
    """Every document of `todo` written into `staged` (in `workers` processes), its result into `results`."""
    global _INHERITED, _SHARED
    done = len(results)
    root = corpus.root
    needs = {k: _needs(corpus, k) for k in todo}
    todo = sorted(todo, key=lambda k: (-sum(_size(root / corpus.facts[n].rel) for n in needs[k]), k))
    if todo and workers > 1 and len(todo) > 1:
        fork = multiprocessing.get_start_method() == "fork"
        _INHERITED = corpus if fork else None
        counts = Counter(n for k in todo for n in needs[k] if corpus.facts[n].role == "amending")
        _SHARED = frozenset(n for n, c in counts.items() if c > 1)
        try:
            with worker_pool(min(workers, len(todo))) as pool:
                if fork:
                    futures = {pool.submit(_build_inherited, k, render, literal, staged): k for k in todo}
                else:
                    futures = {pool.submit(_build_one, corpus.subset(_needs(corpus, k)), k, render, literal,
                                           staged): k for k in todo}  # fmt: skip
                for fut in as_completed(futures):
                    try:
                        results[futures[fut]] = fut.result()
                    except OSError:  # the output cannot be written: nothing is replaced
                        raise
                    except Exception as exc:  # e.g. a worker killed by the system
                        results[futures[fut]] = failed(corpus, futures[fut], exc, render)
                    done += 1
                    if progress:
                        progress(corpus.facts[futures[fut]].doc_id, done, total)
        finally:
            _INHERITED, _SHARED = None, frozenset()
        return
    for k in todo:
        try:
            results[k] = _build_one(corpus, k, render, literal, staged)
        finally:
            corpus.forget()
        done += 1
        if progress:
            progress(corpus.facts[k].doc_id, done, total)


def _own_files(corpus: Corpus, render: Renderer, bases: list[str], results: dict[str, dict[str, Any]]) -> dict[str, bytes]:
    """The files a rebuild writes at the top of its output: index.json, report.md and the marker."""
    return {"index.json": render.index(corpus, [results[k]["entry"] for k in bases]),
            "report.md": render.report(corpus, [results[k]["report"] for k in bases]),
            MARKER: MARKER_TEXT}  # fmt: skip


def _new_cache(code: str, corpus: Corpus, bases: list[str], hashes_by_key: dict[str, str],
               results: dict[str, dict[str, Any]]) -> dict[str, Any]:  # fmt: skip
    return {
        "format": CACHE_FORMAT,
        "code": code,
        "corpus": corpus_digest(corpus, code),
        "hashes": dict(sorted(hashes_by_key.items())),
        "jobs": {corpus.facts[k].doc_id: {"hash": hashes_by_key[k], "entry": results[k]["entry"],
                                          "report": results[k]["report"],
                                          "files": dict(sorted(results[k]["hashes"].items()))}
                 for k in bases if "error" not in results[k]["entry"]},  # a failed document is retried
    }  # fmt: skip


def _finish(stats: RebuildStats, corpus: Corpus, bases: list[str], results: dict[str, dict[str, Any]]) -> None:
    entries = [results[k]["entry"] for k in bases]
    stats.versions = sum(len(e["versions"]) for e in entries)
    stats.problems = sum(e["problem_count"] for e in entries) + len(corpus.problems)
    stats.refused = sum(e["refused_count"] for e in entries)
    stats.errors = [e["error"] for e in entries if "error" in e]
    stats.errors += [f"{p.file}: {p.message}" for p in corpus.problems if p.code == "INTERNAL_ERROR"]
    stats.unreadable = [p.one_line() for p in corpus.problems if p.code in UNREAD_CODES]


# Corpus problems that mean an input was not read at all (listed on stderr by the CLI).
UNREAD_CODES = ("UNREADABLE_FILE", "UNREADABLE_FOLDER", "LINK_OUTSIDE_CORPUS", "NOT_A_FILE", "BAD_IDENTIFIER")


def _unreadable(f: Facts) -> bool:
    from lovkons.history.index import UNREADABLE_HASH

    return f.sha.startswith(UNREADABLE_HASH)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
