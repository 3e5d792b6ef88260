"""Stage 2 (history): replace an output folder atomically: write the new tree into a hidden sibling
folder, then exchange the two folders in one rename (Linux renameat2) or two renames with recovery.
A killed writer never leaves a half-written `out`; stale temporary siblings are removed next time.
Only a folder this tool made is replaced (its MARKER file), one writer at a time (`output_lock`),
and nothing is written outside it (every path is checked to be a plain relative path).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import shutil
import time
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path

from lovkons.model.document import LovkonsError

try:
    import fcntl
except ImportError:  # pragma: no cover  (not POSIX: no lock, as before)
    fcntl = None  # type: ignore[assignment]

# Written into every output folder: a folder is replaced only when it carries this file (or, made by
# an older version, holds nothing but what its index.json lists).
MARKER = ".lovkons-output"
MARKER_TEXT = b"This folder is written by `lovkons rebuild` and replaced whole by the next rebuild.\n"
# How long a rebuild waits for another one writing the same --out before it refuses.
LOCK_WAIT = float(os.environ.get("LOVKONS_LOCK_WAIT", "10"))
_OWN_FILES = frozenset({"index.json", "report.md", MARKER})

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _tmp_name(out: Path, tag: str) -> Path:
    return out.parent / f".{out.name}.{tag}-{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def cleanup_stale(out: Path) -> None:
    """Remove temporary siblings left by killed rebuilds; restore `out` if a swap was cut short."""
    if not out.parent.is_dir():
        return
    for tag in ("old", "tmp"):
        for path in sorted(out.parent.glob(f".{out.name}.{tag}-*")):
            pid = path.name.rsplit("-", 1)[-1]
            if pid.isdigit() and _alive(int(pid)) and int(pid) != os.getpid():
                continue
            if tag == "old" and not out.exists():
                os.rename(path, out)  # the old tree was moved aside but the new one never arrived
            else:
                shutil.rmtree(path, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux ≥ 3.15); False when the system cannot."""
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(rc == 0)


def safe_relpath(rel: str) -> str:
    """`rel` when it is a plain relative POSIX path (no '..', '.', empty part, backslash, NUL, not
    absolute); LovkonsError otherwise: nothing is ever written outside the output folder."""
    parts = rel.split("/")  # PurePosixPath would drop "." and empty parts: then it is not `rel` as written
    if "" in parts or "." in parts or ".." in parts or "\\" in rel or "\0" in rel:
        raise LovkonsError(f"refusing to write {rel!r:.80}: not a path inside the output folder", file=rel)
    return rel


def made_by_lovkons(out: Path, cache: str) -> bool:
    """Is `out` a folder a rebuild made: it carries MARKER, or (written before the marker existed) it
    holds nothing but index.json, report.md, the cache and the version files index.json lists?"""
    marker = out / MARKER
    if marker.is_file() and not marker.is_symlink():
        try:
            return marker.read_bytes()[: len(MARKER_TEXT)] == MARKER_TEXT
        except OSError:
            return False
    try:
        index = json.loads((out / "index.json").read_bytes())
        listed = {f for d in index["documents"] for v in d["versions"] for f in v["files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if not all(isinstance(f, str) for f in listed):
        return False
    for folder, dirs, files in os.walk(out):
        rel = Path(folder).relative_to(out).as_posix()
        for name in files:
            path = name if rel == "." else f"{rel}/{name}"
            if path not in listed and path not in _OWN_FILES | {cache}:
                return False
        if any(os.path.islink(Path(folder) / d) for d in dirs):
            return False
    return True


@contextlib.contextmanager
def output_lock(out: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the lock of the output folder `out` for the block: a sibling file `.<name>.lock` locked
    with flock (released by the system when the holder dies). Another holder: wait up to `wait`
    seconds, then LovkonsError naming the folder and the other process."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    path = out.parent / f".{out.name}.lock"
    deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            if time.monotonic() >= deadline:
                who = f" (process {holder})" if holder.isdigit() else ""
                raise LovkonsError(f"--out: another rebuild{who} is writing this folder; try again when it has "
                                   "finished", file=str(out)) from None  # fmt: skip
            time.sleep(0.1)
            continue
        try:  # the previous holder removes the file on its way out: lock the file that is there now
            current = os.stat(path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            current = False
        if current:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


def write_file(folder: Path, rel: str, data: bytes) -> None:
    """Write `data` to `folder/rel` (a checked relative path)."""
    _write(folder / safe_relpath(rel), data)


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Write every file of `files` (checked relative path → bytes) into `folder`, in path order: each
    folder made once (a document's versions share one), each file in one write, no fsync (the tree is
    new and swapped in whole: see swap_dir)."""
    made: set[str] = set()
    top = os.fspath(folder)
    for rel in sorted(files):
        parent = os.path.dirname(safe_relpath(rel))
        if parent not in made:
            os.makedirs(os.path.join(top, parent), exist_ok=True)
            made.add(parent)
        with open(os.path.join(top, rel), "wb") as fh:
            fh.write(files[rel])


def link_file(src: Path, dst: Path, rel: str) -> None:
    """`src/rel` into `dst/rel` as a hard link (no bytes copied; files are never changed in place,
    only replaced), or a copy keeping its mtime where links are not possible."""
    target = dst / safe_relpath(rel)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src / rel, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(src / rel, target, follow_symlinks=False)


@contextlib.contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A fresh hidden sibling of `out` to build the new tree in (`swap_dir` then puts it in place);
    removed when the block fails. A killed writer's sibling is removed by `cleanup_stale`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp_name(out, "tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def swap_dir(out: Path, tmp: Path) -> None:
    """Put the finished tree `tmp` in the place of `out`, atomically (the old tree is removed)."""
    try:
        if out.exists() and _exchange(tmp, out):
            shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the previous tree
            return
        if out.exists():
            old = _tmp_name(out, "old")
            os.rename(out, old)
            os.rename(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        old = _tmp_name(out, "old")
        if old.exists() and not out.exists():
            os.rename(old, out)
        raise


def swap_in(out: Path, files: dict[str, bytes]) -> None:
    """Make `out` contain exactly `files` (relative POSIX path → bytes), atomically."""
    with staging(out) as tmp:
        for rel in sorted(files):
            _write(tmp / safe_relpath(rel), files[rel])
        swap_dir(out, tmp)


def _files_below(top: str, prefix: str = "") -> set[str]:
    """The regular files under `top` as "a/b.md" paths (os.scandir: no Path object per file)."""
    found: set[str] = set()
    with os.scandir(top) as entries:
        for e in entries:
            if e.is_dir(follow_symlinks=False):
                found |= _files_below(e.path, f"{prefix}{e.name}/")
            elif e.is_file():
                found.add(prefix + e.name)
    return found


def same_tree(out: Path, own: dict[str, bytes], verified: AbstractSet[str]) -> bool:
    """True when `out` holds exactly the files `verified` (just checked against their hashes, under
    the lock) and `own` (compared byte for byte)."""
    if not out.is_dir():
        return False
    if _files_below(str(out)) != set(own) | set(verified):
        return False
    return all((out / p).read_bytes() == b for p, b in own.items())
