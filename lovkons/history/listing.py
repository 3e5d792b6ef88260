"""Stage 2 (history): a corpus folder → the document files to read, and what could not be listed.

The corpus stands alone: a symbolic link that leads outside it is not followed (unless asked), a
folder that cannot be listed and an entry that is no regular file are named, never skipped silently.
The walk is a loop over a stack of folders (no recursion over the folder depth, no link loops).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from lovkons.model.document import Problem

SUFFIXES = (".xml", ".json", ".html", ".htm", ".txt")
SIDECAR = ".yaml"

# One file's stat: (size, mtime_ns, (inode, ctime_ns)) of the document, and the same of its sidecar (None: no
# sidecar). history.index trusts a record when all of it is equal and the mtime is older than the index.
Stat3 = tuple[int, int, tuple[int, int]]
Stat = tuple[int, int, tuple[int, int], Stat3 | None]


def stat_record(st: os.stat_result) -> Stat3:
    """Size, mtime and identity (inode and status-change time: the ctime moves on every write and cannot
    be set back; an mtime can: `cp -p`, `rsync -t`, `touch -d` keep or set it)."""
    return (st.st_size, st.st_mtime_ns, (st.st_ino, st.st_ctime_ns))


@dataclass
class Listing:
    files: list[str] = field(default_factory=list)  # POSIX paths relative to the root, sorted
    problems: list[Problem] = field(default_factory=list)
    # the Stat of each file as listed, so the index does not take them again (a file whose sidecar could not
    # be taken is not here)
    stats: dict[str, Stat] = field(default_factory=dict)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _problem(code: str, message: str, rel: str) -> Problem:
    return Problem(code, message, "error", file=rel)


def list_corpus(root: Path, *, follow_links: bool = False) -> Listing:
    """Document files under `root` (sidecars, README and dot-files excluded), sorted, POSIX-relative.

    A link whose target lies inside the corpus is read like the file it points to (a linked folder
    inside the corpus is not walked twice); one leading outside is LINK_OUTSIDE_CORPUS unless
    `follow_links`. A sidecar is checked with its document: a document whose sidecar leads outside
    is not read either."""
    real_root = os.path.realpath(root)
    out = Listing()
    seen_dirs = {real_root}
    stack: list[tuple[str, str]] = [(str(root), "")]  # (folder on disk, its path relative to root)
    while stack:
        folder, rel_folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            where = rel_folder or "."
            out.problems.append(_problem("UNREADABLE_FOLDER", f"cannot list the folder: {exc.strerror or exc}",
                                         where + "/"))  # fmt: skip
            continue
        names = {e.name for e in entries}
        taken: dict[str, os.stat_result] = {}  # the stat of each entry of this folder
        listed: list[tuple[str, str]] = []  # (rel, name) of its documents
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = f"{rel_folder}/{entry.name}" if rel_folder else entry.name
            document = entry.name.lower().endswith(SUFFIXES)
            try:
                link = entry.is_symlink()
                target = os.path.realpath(entry.path) if link else entry.path
                taken[entry.name] = st = os.stat(entry.path)  # follows the link
                mode = st.st_mode
            except OSError as exc:
                if document or not entry.name.lower().endswith(SIDECAR):
                    reason = "a symbolic link to a missing file" if link else f"cannot read: {exc.strerror or exc}"
                    out.problems.append(_problem("UNREADABLE_FILE", reason, rel))
                continue
            if link and not _inside(target, real_root) and not follow_links:
                if document or stat.S_ISDIR(mode):
                    out.problems.append(_problem("LINK_OUTSIDE_CORPUS", f"a symbolic link to {target}, outside the "
                                                 "corpus: not read (rebuild --follow-links reads it)", rel))  # fmt: skip
                continue
            if stat.S_ISDIR(mode):
                if link and _inside(target, real_root):
                    continue  # its files are listed where they are
                real = os.path.realpath(entry.path)
                if real not in seen_dirs:  # a folder reached twice through links: once is enough
                    seen_dirs.add(real)
                    stack.append((entry.path, rel))
                continue
            if not document:
                continue
            if not stat.S_ISREG(mode):
                out.problems.append(_problem("NOT_A_FILE", "not a regular file (a FIFO, device or socket): not read",
                                             rel))  # fmt: skip
                continue
            side = entry.name + SIDECAR
            if side in names and not follow_links and not _sidecar_inside(Path(folder) / side, real_root):
                out.problems.append(_problem("LINK_OUTSIDE_CORPUS", f"its sidecar {side} is a symbolic link outside "
                                             "the corpus: not read (rebuild --follow-links reads it)", rel))  # fmt: skip
                continue
            out.files.append(rel)
            listed.append((rel, entry.name))
        for rel, name in listed:
            own, beside = taken[name], taken.get(name + SIDECAR)
            if beside is None and name + SIDECAR in names:
                continue
            out.stats[rel] = (*stat_record(own), stat_record(beside) if beside is not None else None)
    out.files.sort()
    out.problems.sort(key=lambda p: (p.file or "", p.code))
    return out


def _sidecar_inside(side: Path, real_root: str) -> bool:
    return not side.is_symlink() or _inside(os.path.realpath(side), real_root)


def corpus_files(root: Path) -> list[str]:
    """The document files of `list_corpus` (links leading outside not followed)."""
    return list_corpus(root).files
