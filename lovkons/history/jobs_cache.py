"""Stage 2 (history): the rebuild's jobs cache on disk — per document family the hash of its job, the
files it wrote with their sha256, its index entry and report; beside it each file's size, mtime, ctime
and inode (kept apart so that the cache's own bytes stay deterministic). A previous result is reused
only when its job hash matches and every file it wrote is still in place with the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat as stat_mod
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lovkons.history.cache import rebuild_cache_file
from lovkons.history.swap import safe_relpath
from lovkons.model.document import LovkonsError

if TYPE_CHECKING:
    from lovkons.history.corpus import Corpus

CACHE_FORMAT = 3  # 3: facts in the shared corpus index; each file's size and mtime beside its sha256


def load_jobs(out: Path, code: str) -> dict[str, Any]:
    """The previous run's cache, or {} when it is missing, of another version, or not as written."""
    try:
        data = json.loads(rebuild_cache_file(out).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT or data.get("code") != code:
        return {}
    try:  # the size and mtime of each file, kept apart so that the cache's own bytes stay deterministic
        stat = json.loads(stat_file(out).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        stat = {}
    jobs = data.get("jobs")
    if isinstance(stat, dict) and isinstance(jobs, dict):
        for doc_id, job in jobs.items():
            if isinstance(job, dict) and isinstance(stat.get(doc_id), dict):
                job["stat"] = stat[doc_id]
    return dict(data)


def file_stat(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def stat_file(out: Path) -> Path:
    cache = rebuild_cache_file(out)
    return cache.with_name(cache.stem + ".stat.json")


def reusable(out: Path, old: Any, job: str) -> dict[str, Any] | None:
    """A previous result, when the cache entry matches `job` and every file is still there, inside
    `out`, with the bytes it had (a tree mixed by another writer is not reused). A file whose size,
    mtime, ctime and inode are those recorded once it was in place is taken as it is (any write, even
    one restoring the mtime, changes the ctime); any other is read and hashed."""
    if not isinstance(old, dict) or old.get("hash") != job or not isinstance(old.get("files"), dict):
        return None
    if not isinstance(old.get("entry"), dict) or not isinstance(old.get("report"), str):
        return None
    recorded: dict[str, Any] = old["stat"] if isinstance(old.get("stat"), dict) else {}
    stat: dict[str, list[int]] = {}
    folder = str(out)
    for rel, sha in old["files"].items():
        try:
            path = os.path.join(folder, safe_relpath(rel))
            st = os.stat(path, follow_symlinks=False)
            now = file_stat(st)
            if not stat_mod.S_ISREG(st.st_mode):
                return None
            if recorded.get(rel) != now and hashlib.sha256(Path(path).read_bytes()).hexdigest() != sha:
                return None
        except (OSError, LovkonsError):
            return None
        stat[rel] = now
    return {"hashes": dict(old["files"]), "stat": stat, "entry": old["entry"], "report": old["report"]}


def save_jobs(out: Path, data: dict[str, Any], results: dict[str, dict[str, Any]], corpus: Corpus) -> None:
    stat = {corpus.facts[k].doc_id: dict(sorted(r["stat"].items())) for k, r in results.items()}
    for path, value in ((stat_file(out), stat), (rebuild_cache_file(out), data)):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}")
            tmp.write_text(json.dumps(value, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
            os.replace(tmp, path)
        except OSError:  # a cache that cannot be written only costs time
            pass
