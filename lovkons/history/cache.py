"""Stage 2 (history): where lovkons keeps its cache — one folder under the platform's cache folder
(platformdirs: `$XDG_CACHE_HOME/lovkons` or `~/.cache/lovkons` on Linux, `~/Library/Caches/lovkons`
on macOS, `%LOCALAPPDATA%\\lovkons\\Cache` on Windows; `$LOVKONS_CACHE_DIR` overrides it). It holds
the corpus index of each corpus folder (`index/`: the facts of its files), their parsed trees
(`parsed/`), the answers of the commands (`results/`, history.results), the rebuild jobs
(`rebuild/`) and the corpora given as archives, unpacked (`corpora/`, history.archive; with --no-cache
an archive is unpacked into a temporary folder removed at exit); nothing else is written outside the
folders a command is given. Deleting it only costs time. Also where the corpus is:
--corpus, else $LOVKONS_CORPUS, else ./corpus.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lovkons.model.document import LovkonsError, show_folder_as

CODE_SUFFIXES = (".py", ".yaml", ".j2", ".css", ".xsd")  # the package's code and its data


@cache
def code_contents() -> tuple[tuple[tuple[str, ...], bytes], ...]:
    """Every code file of the package (CODE_SUFFIXES, not in __pycache__) as (its path's parts below
    the package folder, its bytes), sorted by the parts: what the code versions of the caches hash
    (history.facts.code_version, history.results.answers_code). One walk and one read of each file per
    process (every corpus command takes both versions)."""
    package = Path(__file__).resolve().parent.parent  # the folder holding model/, history/, …
    out: list[tuple[tuple[str, ...], bytes]] = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        parts = Path(folder).relative_to(package).parts
        for name in names:
            if os.path.splitext(name)[1] in CODE_SUFFIXES:
                with open(os.path.join(folder, name), "rb") as f:
                    out.append(((*parts, name), f.read()))
    return tuple(sorted(out, key=lambda x: x[0]))


def cache_dir() -> Path:
    """The cache folder ($LOVKONS_CACHE_DIR, else the platform's user cache folder for lovkons)."""
    override = os.environ.get("LOVKONS_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs  # only when the folder is not given

    return Path(platformdirs.user_cache_dir("lovkons", appauthor=False))


def _name(folder: Path, suffix: str = ".json") -> str:
    return hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16] + suffix


def facts_cache_file(corpus: Path) -> Path:
    """The index of one corpus folder (keyed by its absolute path): facts and stats, history.index."""
    return cache_dir() / "index" / _name(corpus, ".pickle")


def rebuild_cache_file(out: Path) -> Path:
    """The rebuild jobs cache of one output folder (keyed by its absolute path)."""
    return cache_dir() / "rebuild" / _name(out)


@dataclass(frozen=True, slots=True)
class CacheInfo:
    path: Path
    files: int
    size: int  # bytes


def cache_info() -> CacheInfo:
    """The cache folder, how many files it holds and their size."""
    root = cache_dir()
    files = [p for p in root.rglob("*") if p.is_file()] if root.is_dir() else []
    return CacheInfo(root, len(files), sum(p.stat().st_size for p in files))


def clear_cache() -> CacheInfo:
    """Delete the cache folder; returns what it held."""
    info = cache_info()
    if info.path.is_dir():
        shutil.rmtree(info.path)
    return info


def corpus_folder(path: Path | None = None, *, keep: bool = True) -> Path:
    """The corpus: `path`, else $LOVKONS_CORPUS, else ./corpus — a folder, or a tar archive of one (unpacked
    once into the cache, history.archive; with `keep=False`, --no-cache, into a temporary folder for this
    command only); LovkonsError naming where it looked."""
    if path is not None:
        folder, how = path, "--corpus"
    elif os.environ.get("LOVKONS_CORPUS"):
        folder, how = Path(os.environ["LOVKONS_CORPUS"]), "$LOVKONS_CORPUS"
    else:
        folder, how = Path("corpus"), "the default ./corpus"
    if folder.is_file():
        from lovkons.history.archive import is_archive, unpacked

        if is_archive(folder):  # "--corpus love-2010-2017.tar.xz": unpacked once into the cache
            into = unpacked(folder, cache_dir(), keep=keep)
            show_folder_as(str(into), str(folder))  # messages name the archive
            return into
    if not folder.is_dir():
        raise LovkonsError(f"corpus folder not found ({how}; give --corpus DIR or set LOVKONS_CORPUS)",
                           file=str(folder))  # fmt: skip
    return folder


def sha256_file(path: Path) -> str:
    """sha256 of an input file, read as every input is (parsers.input_bytes.read_input: regular files only,
    size limit); LovkonsError naming the file when it cannot be read."""
    from lovkons.parsers.input_bytes import read_input

    return hashlib.sha256(read_input(path)).hexdigest()
