"""Stage 2 (history): where lovkons keeps its cache — one folder under the platform's cache folder
(platformdirs: `$XDG_CACHE_HOME/lovkons` or `~/.cache/lovkons` on Linux, `~/Library/Caches/lovkons`
on macOS, `%LOCALAPPDATA%\\lovkons\\Cache` on Windows; `$LOVKONS_CACHE_DIR` overrides it). It holds
the corpus index of each corpus folder (`index/`: the facts of its files), their parsed trees
(`parsed/`), the answers of the commands (`results/`, history.results) and the rebuild jobs
(`rebuild/`); nothing else is written
outside the folders a command is given. Deleting it only costs time. Also where the corpus is:
--corpus, else $LOVKONS_CORPUS, else ./corpus.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from lovkons.model.document import LovkonsError

CODE_SUFFIXES = (".py", ".yaml", ".j2", ".css", ".xsd")  # the package's code and its data


def code_files(folder: Path) -> list[Path]:
    """The code files under `folder` (CODE_SUFFIXES), sorted: what the code versions of the caches hash
    (history.facts.code_version, history.results.answers_code)."""
    return sorted(p for p in folder.rglob("*") if p.suffix in CODE_SUFFIXES and "__pycache__" not in p.parts)


def cache_dir() -> Path:
    """The cache folder ($LOVKONS_CACHE_DIR, else the platform's user cache folder for lovkons)."""
    override = os.environ.get("LOVKONS_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("lovkons", appauthor=False))


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


def corpus_folder(path: Path | None = None) -> Path:
    """The corpus: `path`, else $LOVKONS_CORPUS, else ./corpus; LovkonsError naming where it looked."""
    if path is not None:
        folder, how = path, "--corpus"
    elif os.environ.get("LOVKONS_CORPUS"):
        folder, how = Path(os.environ["LOVKONS_CORPUS"]), "$LOVKONS_CORPUS"
    else:
        folder, how = Path("corpus"), "the default ./corpus"
    if not folder.is_dir():
        raise LovkonsError(f"corpus folder not found ({how}; give --corpus DIR or set LOVKONS_CORPUS)",
                           file=str(folder))  # fmt: skip
    return folder
