"""Stage 2 (amender): replace an output folder atomically: write the new tree into a hidden sibling
folder, then exchange the two folders in one rename (Linux renameat2) or two renames with recovery.
A killed writer never leaves a half-written `out`; stale temporary siblings are removed next time.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

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


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


def swap_in(out: Path, files: dict[str, bytes]) -> None:
    """Make `out` contain exactly `files` (relative POSIX path → bytes), atomically."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = _tmp_name(out, "tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        tmp.mkdir()
        for rel in sorted(files):
            _write(tmp / rel, files[rel])
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
