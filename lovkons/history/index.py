"""Stage 2 (history): the corpus index every command shares (`consolidate`, `timeline`, `diff`,
`rebuild`): per corpus folder one file in the user cache (history.cache.facts_cache_file, a pickle: it is read
on every call) holding the facts of every file keyed by its content hash, and the size / mtime / inode / ctime each file had when it
was hashed, so an unchanged corpus is recognised from `stat` alone (like git's index) instead of
hashing every byte again. Beside it, `ParseCache` keeps each file's parsed tree (pickled, keyed by
the code version, the file's place and its content hash), so a point in time, a diff or a rebuild
worker loads the few documents it needs instead of parsing them.

A stat record is trusted only when the file was last modified well before the record was written
("racy" files, changed within the same clock tick, are hashed again).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lovkons.history.listing import Stat, Stat3, stat_record

if TYPE_CHECKING:  # the facts are read with the index (read_stats needs none: history.results)
    from lovkons.history.facts import Facts

# The "hash" of a corpus file that cannot be read (followed by its path): no cache ever holds it. Here, not in
# history.facts, so that a warm command reads it without importing the facts.
UNREADABLE_HASH = "!unreadable:"

INDEX_FORMAT = 3  # 2: stat records beside the facts; 3: the status-change time (ctime) with the inode
RACY_SECONDS = 2.0  # a file modified this close to the record's time is hashed again


def file_stat(root: Path, rel: str) -> Stat | None:
    """The stat of a corpus file and its sidecar; None when it cannot be taken. (Plain strings and
    os.stat: a warm command takes the stat of every file of the corpus.)"""
    path = os.path.join(root, rel)
    try:
        own = stat_record(os.stat(path))
    except OSError:
        return None
    try:
        side: Stat3 | None = stat_record(os.stat(path + ".yaml"))
    except FileNotFoundError:
        side = None
    except OSError:
        return None
    return (*own, side)


@dataclass
class Index:
    """What the index file holds: facts by content hash, and (stat, hash, written at) by path."""

    facts: dict[str, Facts] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)  # rel → (stat as list, sha), as written
    written: float = 0.0  # time.time() when the file was written
    reads: int = 0  # files hashed by `hashes` (the rest came from their stat)
    seen: dict[str, Stat] = field(default_factory=dict)  # the stat each hash of `hashes` stands for

    def hashes(self, root: Path, rels: Iterable[str], file_hash: Any,
               listed: Mapping[str, Stat] | None = None) -> dict[str, str]:
        """Content hash of every file: from the stat record when size, mtime, inode and ctime are those it
        had when hashed (and it was not modified just before that), else `file_hash(root, rel)`.
        `listed`: the stats taken when the corpus was listed (history.listing), else taken now."""
        out: dict[str, str] = {}
        trusted = (self.written - RACY_SECONDS) * 1e9
        listed = listed or {}
        for r in rels:
            st = listed.get(r) or file_stat(root, r)
            if st is not None:
                self.seen[r] = st  # taken before the file was read: a later change is not hidden by it
            old = self.stats.get(r)
            if st is not None and old is not None and _same(old[0], st) and _older(st, trusted):
                out[r] = old[1]
            else:
                out[r] = file_hash(root, r)
                self.reads += 1
        return out


def _same(old: list[Any], st: Stat) -> bool:
    side = list(st[3]) if st[3] is not None else None
    return old == [st[0], st[1], st[2], side]


def _older(st: Stat, limit_ns: float) -> bool:
    return st[1] < limit_ns and (st[3] is None or st[3][1] < limit_ns)


def stats_file(path: Path) -> Path:
    """The index's stat records alone, beside it: what a warm command reads to know the corpus is
    unchanged (history.results) without unpickling every file's facts."""
    return path.with_name(path.stem + ".stats" + path.suffix)


def read_stats(path: Path | None) -> Index:
    """The stat records of the index of `path` (no facts); an empty index when missing or damaged.
    Enough for `Index.hashes`: a record names the content hash the file had, whatever code wrote it."""
    if path is None:
        return Index()
    try:
        data = pickle.loads(stats_file(path).read_bytes())
        if data.get("format") != INDEX_FORMAT:
            return Index()
        stats = data["stats"]  # rel → [stat as list, sha], as write_index wrote them
        if not isinstance(stats, dict):
            return Index()
        return Index({}, stats, float(data["written"]))
    except Exception:  # missing, damaged, written by another Python: hash the files
        return Index()


def read_index(path: Path | None, code: str) -> Index:
    """The index of `path` for this code version; an empty one when missing, stale or damaged."""
    if path is None:
        return Index()
    from lovkons.history.facts import Facts

    try:
        data = pickle.loads(path.read_bytes())
        if data.get("code") != code or data.get("format") != INDEX_FORMAT:
            return Index()
        facts = data["facts"]
        if not all(isinstance(f, Facts) and f.sha == sha for sha, f in facts.items()):
            return Index()
        stats = {r: v for r, v in data.get("stats", {}).items() if v[1] in facts}
        return Index(dict(facts), stats, float(data.get("written", 0.0)))
    except Exception:  # missing, damaged, written by another Python: index again
        return Index()


def write_index(path: Path, code: str, root: Path, facts: Iterable[Facts],
                seen: Mapping[str, Stat] | None = None) -> None:
    """Write the index of a corpus: every readable file's facts (a file whose reading hit a bug is
    retried next time) and its stat, atomically; a cache that cannot be written only costs time.
    `seen`: the stat taken before each file was hashed (Index.seen); a file changed since then is
    recorded with that older stat, so the next command hashes it again."""
    kept = [f for f in facts if not any(p.get("code") == "INTERNAL_ERROR" for p in f.problems)
            and not f.sha.startswith(UNREADABLE_HASH)]  # fmt: skip
    written = time.time()
    stats: dict[str, Any] = {}
    for f in kept:
        st = (seen or {}).get(f.rel) or file_stat(root, f.rel)
        if st is not None:
            stats[f.rel] = [[st[0], st[1], st[2], list(st[3]) if st[3] is not None else None], f.sha]
    data = {"format": INDEX_FORMAT, "code": code, "written": written, "facts": {f.sha: f for f in _shared(kept)},
            "stats": stats}  # fmt: skip
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_bytes(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
        side = stats_file(path)
        tmp = side.with_name(f".{side.name}.{os.getpid()}")
        tmp.write_bytes(pickle.dumps({k: data[k] for k in ("format", "code", "written", "stats")},
                                     protocol=pickle.HIGHEST_PROTOCOL))  # fmt: skip
        os.replace(tmp, side)
    except (OSError, pickle.PicklingError):
        pass


_ATOMS = (str, int, type(None))  # (exact types: a bool is no int here, True == 1 would merge them)


def _share(value: Any, memo: dict[Any, Any]) -> Any:
    """`value` with each equal string, and each equal tuple of strings and numbers, one object (`memo`)."""
    kind = type(value)
    if kind is str:
        return memo.setdefault(value, value)
    if kind is tuple:
        if all(type(v) in _ATOMS for v in value):
            return memo.setdefault(value, value)
        return tuple(_share(v, memo) for v in value)
    return value


def _shared(facts: list[Facts]) -> list[Facts]:
    """The same facts with their equal strings and small tuples (the items' dates, the cited documents)
    made one object each, so that the index pickles each once and a command unpickles each once: the
    file a fifth smaller, read in two thirds of the time (every warm command reads it)."""
    from dataclasses import fields, replace

    memo: dict[Any, Any] = {}
    out = []
    for f in facts:
        blocks = tuple(replace(b, **{x.name: _share(getattr(b, x.name), memo) for x in fields(b)}) for b in f.blocks)
        values = {x.name: _share(getattr(f, x.name), memo) for x in fields(f) if x.name != "blocks"}
        out.append(replace(f, **values, blocks=blocks))
    return out


@dataclass(frozen=True)
class ParseCache:
    """Parsed trees on disk: `folder/<code>/<key>.pickle`, the key made of the file's absolute path,
    the path as given, its content hash and what was read ("doc" or "order"). Written by the process
    that parsed the file (a scan worker), read by any later one; a missing or damaged entry is parsed
    again. The folder is the user's own cache (like Python's .pyc files, it is trusted)."""

    folder: Path
    code: str

    def _file(self, path: Path, sha: str, what: str) -> Path:
        # the path as given too: a tree carries it (in its problems' `file`), so a corpus named
        # "corpus" and the same corpus named "/abs/corpus" get trees of their own
        name = hashlib.sha256(f"{path.resolve()}\0{path}\0{sha}\0{what}".encode()).hexdigest()[:32]
        return self.folder / self.code[:16] / name[:2] / f"{name}.pickle"

    def get(self, path: Path, sha: str, what: str) -> Any:
        """The tree stored for this file, or None."""
        if sha.startswith(UNREADABLE_HASH):
            return None
        try:
            return pickle.loads(self._file(path, sha, what).read_bytes())
        except Exception:  # missing, damaged or from another Python: parse again
            return None

    def put(self, path: Path, sha: str, what: str, value: Any) -> None:
        if sha.startswith(UNREADABLE_HASH) or value is None:
            return
        target = self._file(path, sha, what)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}")
            tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, target)
        except (OSError, pickle.PicklingError, RecursionError):
            pass

    def prune(self) -> None:
        """Remove the trees stored by other code versions."""
        if not self.folder.is_dir():
            return
        for old in self.folder.iterdir():
            if old.is_dir() and old.name != self.code[:16]:
                shutil.rmtree(old, ignore_errors=True)


def parse_cache(code: str) -> ParseCache:
    from lovkons.history.cache import cache_dir

    return ParseCache(cache_dir() / "parsed", code)
