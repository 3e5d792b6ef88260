"""Stage 2 (amender): rebuild a whole corpus: every main document at every date its text changes →
out/<doc-id>/<date>.md|.json, index.json, report.md. Deterministic bytes, atomic (a new tree is
built beside `out` and swapped in), incremental (content hashes + code version), parallel.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lovkons.history.cache import rebuild_cache_file
from lovkons.history.corpus import Corpus, build_corpus, file_hash, scan
from lovkons.history.facts import Facts, code_version
from lovkons.history.listing import list_corpus
from lovkons.history.outputs import RebuildRenderer, document_outputs
from lovkons.history.swap import (
    MARKER,
    MARKER_TEXT,
    cleanup_stale,
    made_by_lovkons,
    output_lock,
    safe_relpath,
    swap_in,
)
from lovkons.history.timeline import dependencies, timeline
from lovkons.history.workers import Interrupted, terminate_as_exception, worker_pool
from lovkons.model.document import LovkonsError, Problem

CACHE = ".lovkons-cache.json"  # where older versions kept the jobs cache (inside --out); now history.cache
CACHE_FORMAT = 2  # 2: each reused file's sha256 is checked before it is copied

Renderer = RebuildRenderer  # renderers.rebuild_files.REBUILD_FILES: version files, entries, index, report
Progress = Callable[[str, int, int], None]


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
    for k in keys:
        parts.append(corpus.facts[k].to_json())
        parts.append([(e.kind, e.source, e.target, str(e.date)) for e in corpus.ended_by(k)])
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _load_cache(out: Path, code: str) -> dict[str, Any]:
    """The previous run's cache, or {} when it is missing, of another version, or not as written."""
    try:
        data = json.loads(rebuild_cache_file(out).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT or data.get("code") != code:
        return {}
    return dict(data)


def _cached_facts(cache: dict[str, Any]) -> dict[str, Facts]:
    out: dict[str, Facts] = {}
    for sha, f in (cache.get("facts") or {}).items():
        try:
            out[sha] = Facts.from_json(f)
        except (KeyError, TypeError, ValueError, AttributeError):  # a damaged entry: parse that file again
            continue
    return out


def _reusable(out: Path, old: Any, job: str) -> dict[str, Any] | None:
    """A previous result, when the cache entry matches `job` and every file is still there, inside
    `out`, with the bytes it had (a tree mixed by another writer is not reused)."""
    if not isinstance(old, dict) or old.get("hash") != job or not isinstance(old.get("files"), dict):
        return None
    if not isinstance(old.get("entry"), dict) or not isinstance(old.get("report"), str):
        return None
    files: dict[str, bytes] = {}
    for rel, sha in old["files"].items():
        try:
            data = (out / safe_relpath(rel)).read_bytes()
        except (OSError, LovkonsError):
            return None
        if hashlib.sha256(data).hexdigest() != sha:
            return None
        files[rel] = data
    return {"files": files, "hashes": dict(old["files"]), "entry": old["entry"], "report": old["report"]}


# Set in the parent just before a fork-based pool starts: forked workers inherit the parsed corpus
# instead of receiving it pickled (the documents are most of the data).
_INHERITED: Corpus | None = None


def _build_inherited(key: str, render: Renderer, literal: bool = False) -> dict[str, Any]:
    assert _INHERITED is not None
    return _build_one(_INHERITED, key, render, literal)


def _build_one(corpus: Corpus, key: str, render: Renderer, literal: bool = False) -> dict[str, Any]:
    """Worker: all versions of one document → {"files": {relpath: bytes}, "entry": …, "report": …}.
    An exception (a bug) fails this document only: its entry then carries an INTERNAL_ERROR."""
    try:
        files, entry, report = document_outputs(corpus, key, render, literal=literal)
    except Exception as exc:  # reported per document, the rebuild goes on
        return failed(corpus, key, exc, render)
    hashes = {p: hashlib.sha256(b).hexdigest() for p, b in files.items()}  # for the cache, made here in parallel
    return {"files": files, "hashes": hashes, "entry": entry, "report": report}


def one_line(exc: BaseException) -> str:
    """"KeyError: 'x'": the exception's type and the first line of its message."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def failed(corpus: Corpus, key: str, exc: BaseException, render: Renderer) -> dict[str, Any]:
    """The result of a document whose consolidation raised: no files, an INTERNAL_ERROR entry."""
    f = corpus.facts[key]
    problem = Problem("INTERNAL_ERROR", f"consolidating {key} failed: {one_line(exc)}", "error", source=key, file=f.rel)
    entry = render.failed(f, problem, f"{f.rel}: {one_line(exc)}")
    return {"files": {}, "hashes": {}, "entry": entry, "report": render.section(entry)}


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
) -> RebuildStats:
    """Rebuild `out_dir` from `corpus_dir`. Returns what was done; the old output stays in place
    until the complete new tree is ready (a killed rebuild leaves it untouched). With `cache`, the
    facts and finished jobs are kept in the user's cache folder (history.cache) and reused. One
    rebuild at a time writes an output folder (a second one waits, then refuses); SIGTERM stops the
    rebuild and its workers, cleans up and exits 143. `follow_links`: read symbolic links leading
    outside the corpus (refused otherwise). `literal`: without the ressortændringer (the names as the
    amending acts leave them)."""
    root, out = Path(corpus_dir), Path(out_dir)
    if not root.is_dir():
        raise LovkonsError("corpus folder not found", file=str(root))
    check_out(root, out)
    try:
        with terminate_as_exception(), output_lock(out):
            check_out(root, out)  # again: another rebuild may have changed it while we waited
            return _rebuild(root, out, render, jobs, progress, cache, follow_links, literal)
    except Interrupted:
        raise SystemExit(143) from None


def _rebuild(root: Path, out: Path, render: Renderer, jobs: int | None, progress: Progress | None,
             cache: bool, follow_links: bool, literal: bool = False) -> RebuildStats:  # fmt: skip
    workers = max(1, jobs or os.cpu_count() or 1)
    # the injected renderer is one of the package's renderers (hashed in the code version); its `key`
    # (the formats it writes, when not the default) makes output for other formats a different job
    code = code_version() + str(getattr(render, "key", "")) + (":literal" if literal else "")
    cleanup_stale(out)
    saved = _load_cache(out, code) if cache else {}
    cached_facts = _cached_facts(saved)
    listing = list_corpus(root, follow_links=follow_links)
    rels = listing.files
    hashes = {r: file_hash(root, r) for r in rels}
    stats = RebuildStats(scanned=sum(1 for r in rels if hashes[r] not in cached_facts))
    scanned_facts, parsed_docs, parsed_orders = scan(root, rels, hashes, cached_facts, workers)
    corpus = build_corpus(root, scanned_facts, parsed_docs, parsed_orders, listing.problems)
    bases = [f.key for f in corpus.bases()]
    stats.documents = len(bases)
    old_jobs: dict[str, Any] = saved.get("jobs") or {}
    results: dict[str, dict[str, Any]] = {}
    hashes_by_key = {k: job_hash(corpus, k, code) for k in bases}
    todo = []
    for k in bases:
        old = old_jobs.get(corpus.facts[k].doc_id)
        reused = _reusable(out, old, hashes_by_key[k])
        if reused is not None:
            results[k] = reused
            stats.reused.append(corpus.facts[k].doc_id)
        else:
            todo.append(k)
    done = len(results)
    todo.sort(key=lambda k: (-sum(_size(root / corpus.facts[n].rel) for n in _needs(corpus, k)), k))
    if todo and workers > 1 and len(todo) > 1:
        global _INHERITED
        fork = multiprocessing.get_start_method() == "fork"
        _INHERITED = corpus if fork else None
        try:
            with worker_pool(min(workers, len(todo))) as pool:
                if fork:
                    futures = {pool.submit(_build_inherited, k, render, literal): k for k in todo}
                else:
                    futures = {pool.submit(_build_one, corpus.subset(_needs(corpus, k)), k, render, literal): k
                               for k in todo}
                for fut in as_completed(futures):
                    try:
                        results[futures[fut]] = fut.result()
                    except Exception as exc:  # e.g. a worker killed by the system
                        results[futures[fut]] = failed(corpus, futures[fut], exc, render)
                    done += 1
                    if progress:
                        progress(corpus.facts[futures[fut]].doc_id, done, len(bases))
        finally:
            _INHERITED = None
    else:
        for k in todo:
            results[k] = _build_one(corpus, k, render, literal)
            done += 1
            if progress:
                progress(corpus.facts[k].doc_id, done, len(bases))
    stats.recomputed = sorted(corpus.facts[k].doc_id for k in todo)
    stats.reused.sort()

    files: dict[str, bytes] = {}
    for k in bases:
        files.update(results[k]["files"])
    entries = [results[k]["entry"] for k in bases]
    files["index.json"] = render.index(corpus, entries)
    files["report.md"] = render.report(corpus, [results[k]["report"] for k in bases])
    files[MARKER] = MARKER_TEXT
    new_cache = {
        "format": CACHE_FORMAT,
        "code": code,
        # every file's facts, also those of duplicates and unreadable files, so a no-op parses nothing
        "facts": {f.sha: f.to_json() for f in sorted(scanned_facts, key=lambda f: f.sha) if not _unreadable(f)},
        "jobs": {corpus.facts[k].doc_id: {"hash": hashes_by_key[k], "entry": results[k]["entry"],
                                          "report": results[k]["report"],
                                          "files": dict(sorted(results[k]["hashes"].items()))}
                 for k in bases if "error" not in results[k]["entry"]},  # a failed document is retried
    }  # fmt: skip

    stats.versions = sum(len(e["versions"]) for e in entries)
    stats.problems = sum(e["problem_count"] for e in entries) + len(corpus.problems)
    stats.refused = sum(e["refused_count"] for e in entries)
    stats.errors = [e["error"] for e in entries if "error" in e]
    stats.errors += [f"{p.file}: {p.message}" for p in corpus.problems if p.code == "INTERNAL_ERROR"]
    stats.unreadable = [p.one_line() for p in corpus.problems if p.code in UNREAD_CODES]
    if not todo and _same_tree(out, files, verified={p for k in bases for p in results[k]["files"]}):
        if cache:
            _save_cache(out, new_cache)
        return stats
    swap_in(out, files)
    stats.written = True
    if cache:  # only once the files it describes are in place
        _save_cache(out, new_cache)
    return stats


def _save_cache(out: Path, data: dict[str, Any]) -> None:
    path = rebuild_cache_file(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # a cache that cannot be written only costs time
        pass


# Corpus problems that mean an input was not read at all (listed on stderr by the CLI).
UNREAD_CODES = ("UNREADABLE_FILE", "UNREADABLE_FOLDER", "LINK_OUTSIDE_CORPUS", "NOT_A_FILE", "BAD_IDENTIFIER")


def _unreadable(f: Facts) -> bool:
    from lovkons.history.facts import UNREADABLE_HASH

    return f.sha.startswith(UNREADABLE_HASH)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _same_tree(out: Path, files: dict[str, bytes], verified: AbstractSet[str] = frozenset()) -> bool:
    """True when `out` holds exactly `files` (ignoring the cache file's bytes; `verified`: files
    just read from `out` and checked against their hashes, under the lock)."""
    if not out.is_dir():
        return False
    present = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    if present != set(files):
        return False
    return all((out / p).read_bytes() == b for p, b in files.items() if p != CACHE and p not in verified)
