"""Stage 3 (history): a corpus given as an archive — the development corpus ships as
`love-2010-2017.tar.xz` (2,094 LexDania files, love/YYYY/YYYY-N.xml) — unpacked once into the cache
folder and then read as a folder. The unpacked copy is keyed by the archive's path, size and time of
change, so a changed archive is unpacked again; unpacking goes to a temporary folder first and is
renamed into place whole, so an interrupted unpack leaves nothing half-written behind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tarfile
import tempfile
from pathlib import Path

from lovkons.model.document import LovkonsError

ARCHIVE_SUFFIXES = (".tar.xz", ".txz", ".tar.gz", ".tgz", ".tar.bz2", ".tar")
_DONE = ".unpacked"


def is_archive(path: Path) -> bool:
    """Whether `path` is a file named as a tar archive (compressed or not)."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES) and path.is_file()


def unpacked(archive: Path, cache: Path) -> Path:
    """The folder holding `archive`'s files, unpacked into the cache folder `cache` on first use; LovkonsError
    naming the archive when it cannot be read."""
    st = archive.stat()
    key = hashlib.sha256(f"{archive.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode()).hexdigest()[:16]
    stem = archive.name.split(".")[0] or "corpus"
    folder = cache / "corpora" / f"{stem}-{key}"
    if (folder / _DONE).is_file():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{stem}-", dir=folder.parent))
    try:
        try:
            with tarfile.open(archive, "r:*") as tar:
                tar.extractall(tmp, filter="data")  # no absolute paths, links out or device files
        except (tarfile.TarError, EOFError, OSError) as err:
            raise LovkonsError(f"cannot unpack the corpus archive: {err}", file=str(archive)) from None
        (tmp / _DONE).touch()
        try:
            os.replace(tmp, folder)
        except OSError:  # unpacked meanwhile by another process (or a stale half folder): use or replace it
            if not (folder / _DONE).is_file():
                shutil.rmtree(folder, ignore_errors=True)
                os.replace(tmp, folder)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return folder
