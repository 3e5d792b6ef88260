"""Stage 3 (history): a corpus given as an archive — the development corpus ships as
`love-2010-2017.tar.xz` (2,094 LexDania files, love/YYYY/YYYY-N.xml) — unpacked once into the cache
folder and then read as a folder.

- The unpacked copy is keyed by the archive's path, size, inode and times of change (mtime and ctime: a
  file replaced by another of the same size and mtime has a new ctime), so a changed archive is unpacked
  again.
- A copy is marked as used by each command that reads it; the copy of an earlier version is removed once no
  command has used it for an hour.
- Unpacking goes to a temporary folder first and is renamed into place whole, so an interrupted unpack
  leaves nothing half-written behind; an archive that is cut short or damaged (tarfile reads a bad header
  as the archive's end) is refused, never kept in part: the stream is read to its end, so that the
  compressor's checksum is checked, and must end in tar's end-of-archive blocks.
- With `keep=False` (`--no-cache`) the archive is unpacked into a temporary folder that lives as long as
  the command.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import lzma
import os
import shutil
import tarfile
import tempfile
import time
import zlib
from pathlib import Path

from lovkons.model.document import LovkonsError

ARCHIVE_SUFFIXES = (".tar.xz", ".txz", ".tar.gz", ".tgz", ".tar.bz2", ".tar")
_DONE = ".unpacked"  # written last, holds the archive's path; its mtime: when a command last used the copy
_IDLE = 3600  # seconds
_END = 1024  # tar ends in two 512-byte blocks of zeros
_READ_ERRORS = (tarfile.TarError, EOFError, OSError, lzma.LZMAError, zlib.error, ValueError)


def is_archive(path: Path) -> bool:
    """Whether `path` is a file named as a tar archive (compressed or not)."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES) and path.is_file()


def unpacked(archive: Path, cache: Path, *, keep: bool = True) -> Path:
    """The folder holding `archive`'s files, unpacked into the cache folder `cache` on first use (with
    `keep=False` into a temporary folder removed at exit); LovkonsError naming the archive when it cannot
    be read whole."""
    if not keep:
        tmp = Path(tempfile.mkdtemp(prefix="lovkons-corpus-"))
        atexit.register(shutil.rmtree, tmp, True)
        _extract(archive, tmp)
        return tmp
    source = str(archive.resolve())
    st = archive.stat()
    key = hashlib.sha256(f"{source}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}".encode())
    stem = archive.name.split(".")[0] or "corpus"
    folder = cache / "corpora" / f"{stem}-{key.hexdigest()[:16]}"
    if (folder / _DONE).is_file():
        with contextlib.suppress(OSError):  # last used now: an earlier version's copy is removed only when idle
            os.utime(folder / _DONE)
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{stem}-", dir=folder.parent))
    try:
        _extract(archive, tmp)
        (tmp / _DONE).write_text(source, encoding="utf-8")
        try:
            os.replace(tmp, folder)
        except OSError:  # unpacked meanwhile by another process (or a stale half folder): use or replace it
            if not (folder / _DONE).is_file():
                shutil.rmtree(folder, ignore_errors=True)
                os.replace(tmp, folder)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    _remove_older(folder, stem, source)
    return folder


def _extract(archive: Path, into: Path) -> None:
    """Every member of `archive` into `into`, or LovkonsError when the archive is not whole."""
    try:
        with tarfile.open(archive, "r:*") as tar:
            tar.extractall(into, filter="data")  # no absolute paths, links out or device files
            stream = tar.fileobj
            if stream is None:
                raise tarfile.ReadError("no stream")
            stream.seek(tar.offset)
            zeros = 0  # read to the end (the compressor's checksum is checked), a chunk at a time
            while chunk := stream.read(1 << 20):
                if chunk.strip(b"\0"):
                    zeros = -1
                    break
                zeros += len(chunk)
    except _READ_ERRORS as err:
        raise LovkonsError(f"cannot unpack the corpus archive: {err}", file=str(archive)) from None
    if zeros < _END:
        raise LovkonsError("cannot unpack the corpus archive: it is cut short or damaged (no end of archive "
                           "after its last readable file)", file=str(archive))  # fmt: skip


def _remove_older(folder: Path, stem: str, source: str) -> None:
    """Remove the unpacked copies of earlier versions of the same archive (same path, another key) that no command
    has used for `_IDLE` seconds (a command that began before the archive changed may still read its copy)."""
    for other in folder.parent.glob(f"{stem}-*"):
        if other == folder or not other.is_dir():
            continue
        try:
            same = (other / _DONE).read_text(encoding="utf-8") == source
            idle = time.time() - (other / _DONE).stat().st_mtime > _IDLE
        except (OSError, UnicodeDecodeError):
            continue  # an older layout or a copy in use being written: left alone
        if same and idle:
            shutil.rmtree(other, ignore_errors=True)
