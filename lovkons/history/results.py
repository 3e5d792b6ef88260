"""Stage 2 (history): finished answers on disk, so a command asked again about an unchanged corpus
(`consolidate`, `timeline`, `diff` by dates) does not consolidate, rename or diff again.

An answer is keyed by the corpus state: the code version, the corpus folder (as given and resolved),
the content hash of every file of the corpus (history.index: taken from the stat records when a file
is unchanged, else hashed) and what could not be listed. Any change of any file of the corpus, or of
the code, is another state, whose answers are computed afresh: an answer depends on the whole
document graph (which acts amend, repeal or restate the document), so nothing less is safe. Beside
the key, each answer is stored under the question (command, document, dates, options).

Files: `cache_dir()/results/<code>/<corpus>/<state>/<question>.pickle`; writing an answer of one state
removes the answers of the corpus's older states (only the newest is asked about again).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lovkons.history.cache import cache_dir, code_contents
from lovkons.history.index import UNREADABLE_HASH, read_stats
from lovkons.history.listing import Listing, list_corpus
from lovkons.model.document import Problem


@dataclass(frozen=True)
class CorpusState:
    """A corpus folder as it is now: its listing, every file's content hash (and how many were hashed,
    the rest known by their stat) and the fingerprint of it all (None: answers are not kept, e.g. a
    file cannot be read)."""

    root: Path
    listing: Listing
    hashes: dict[str, str]
    reads: int
    fingerprint: str | None


def _problem_key(p: Problem) -> str:
    return repr((p.code, p.message, p.severity, p.file, p.line))


def _file_hash(root: Path, rel: str) -> str:
    from lovkons.history.corpus import file_hash  # the reading modules only when a file changed

    return file_hash(root, rel)


def corpus_state(root: Path, cache_file: Path, *, follow_links: bool = False) -> CorpusState:
    """The state of `root`: listed, each file's hash from the index's stat records (history.index)
    or read; the fingerprint also covers the code (`answers_code`)."""
    listing = list_corpus(root, follow_links=follow_links)
    index = read_stats(cache_file)
    hashes = index.hashes(root, listing.files, _file_hash, listing.stats)
    h = hashlib.sha256()
    h.update(f"{answers_code()}\0{root}\0{root.resolve()}\0{follow_links}\n".encode())
    for p in listing.problems:
        h.update(_problem_key(p).encode() + b"\n")
    for rel in listing.files:
        h.update(f"{rel}\0{hashes[rel]}\n".encode())
    readable = not any(v.startswith(UNREADABLE_HASH) for v in hashes.values())
    return CorpusState(root, listing, hashes, index.reads, h.hexdigest() if readable else None)


MAX_ANSWERS = 600  # answers kept per corpus state (a large document's text and point in time: ~1 MB each)
MAX_CORPORA = 8  # corpus folders whose answers are kept, per code version
MAX_CODES = 2  # code versions whose answers are kept


@dataclass
class ResultCache:
    """Answers of one corpus state (see the module)."""

    folder: Path  # results/<code>/<corpus>
    fingerprint: str
    _pruned: bool = field(default=False, repr=False)

    def _file(self, question: tuple[object, ...]) -> Path:
        name = hashlib.sha256(repr(_canonical(question)).encode()).hexdigest()[:32]
        return self.folder / self.fingerprint[:32] / f"{name}.pickle"

    def get(self, *question: object) -> Any:
        """The answer stored for `question`, or None."""
        try:
            stored = pickle.loads(self._file(question).read_bytes())
        except Exception:  # missing, damaged or from another Python: compute again
            return None
        return stored[1] if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == _canonical(question) else None

    def put(self, value: Any, *question: object) -> None:
        """Keep `value` as the answer to `question` (a cache that cannot be written only costs time)."""
        target = self._file(question)
        try:
            if not self._pruned:
                self._pruned = True
                self._prune(target.parent.name)
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.{os.getpid()}")
            tmp.write_bytes(pickle.dumps((_canonical(question), value), protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, target)
        except (OSError, pickle.PicklingError, RecursionError):
            pass

    def _prune(self, keep: str) -> None:
        """Remove the answers of this corpus's other states, of all but the MAX_CORPORA corpora written
        to last and of all but the MAX_CODES code versions written to last (two checkouts sharing one
        cache do not remove each other's answers at every write), and the older half of this state's
        answers beyond MAX_ANSWERS: the disk they take stays bounded."""
        code_dir = self.folder.parent
        for old in _dirs(self.folder):
            if old.name != keep:
                shutil.rmtree(old, ignore_errors=True)
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            os.utime(self.folder)
            os.utime(code_dir)
        for folder, most in ((code_dir, MAX_CORPORA), (code_dir.parent, MAX_CODES)):
            for old in _newest_first(_dirs(folder))[most:]:
                shutil.rmtree(old, ignore_errors=True)
        try:
            kept = list(os.scandir(self.folder / keep))
            if len(kept) > MAX_ANSWERS:
                kept.sort(key=lambda e: e.stat().st_mtime_ns)
                for entry in kept[: len(kept) - MAX_ANSWERS // 2]:
                    os.unlink(entry.path)
        except OSError:
            pass


def _newest_first(folders: list[Path]) -> list[Path]:
    def written(p: Path) -> int:
        try:
            return p.stat().st_mtime_ns
        except OSError:
            return 0

    return sorted(folders, key=written, reverse=True)


def _dirs(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_dir()]
    except OSError:
        return []




def _canonical(question: tuple[object, ...]) -> tuple[object, ...]:
    """The question with a document given as a path (relative to the working folder, or with "~") as
    the file's real path: "doc.xml" asked in two folders is two documents."""
    out: list[object] = []
    for x in question:
        if isinstance(x, str) and x and os.path.exists(full := os.path.expanduser(x)):
            x = os.path.realpath(full)
        out.append(x)
    return tuple(out)


def _installed() -> str:
    """Python's version and the installed distributions with their versions (their dist-info folders):
    another lxml or regex may read or print otherwise."""
    import sysconfig

    names: set[str] = set()
    for key in ("purelib", "platlib"):
        with contextlib.suppress(OSError):
            names.update(n for n in os.listdir(sysconfig.get_paths()[key]) if n.endswith(".dist-info"))
    return sys.version + "\0" + "\0".join(sorted(names))


@cache
def answers_code() -> str:
    """The code version of the answers: every file of the package (the engines and renderers, as in
    history.facts.code_version, and the commands: how they put an answer together), taken once per
    process."""
    h = hashlib.sha256(_installed().encode())
    for parts, data in code_contents():
        h.update("/".join(parts).encode() + b"\0" + data)
    return h.hexdigest()


def result_cache(state: CorpusState) -> ResultCache | None:
    """Where the answers of this corpus state are kept; None when they are not (no fingerprint)."""
    if state.fingerprint is None:
        return None
    # the folder as given too: its answers name files by that path, and two spellings of one folder
    # (relative, absolute) are two corpora that do not remove each other's answers
    corpus = hashlib.sha256(f"{state.root}\0{state.root.resolve()}".encode()).hexdigest()[:16]
    return ResultCache(cache_dir() / "results" / answers_code()[:16] / corpus, state.fingerprint)
