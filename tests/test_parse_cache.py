"""history.index.ParseCache: a tree is stored under the file's absolute path, the path as given, its
content hash and what was read. A tree carries the path it was read by (its problems name the file),
so the same corpus named by a relative and by an absolute path keeps a tree for each: a warm command
prints what a cold one prints (`lovkons timeline … --corpus corpus` after `--corpus /abs/corpus`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lovkons.history.index import ParseCache


def test_spellings_of_one_file_are_kept_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    doc = tmp_path / "corpus" / "a.xml"
    doc.write_text("<x/>")
    cache = ParseCache(tmp_path / "cache", "code")
    relative = Path("corpus") / "a.xml"
    cache.put(relative, "sha", "doc", ("tree read as", str(relative)))
    assert cache.get(relative, "sha", "doc") == ("tree read as", "corpus/a.xml")
    assert cache.get(doc, "sha", "doc") is None  # the absolute spelling: parsed (and stored) anew
    cache.put(doc, "sha", "doc", ("tree read as", str(doc)))
    assert cache.get(doc, "sha", "doc") == ("tree read as", os.fspath(doc))
    assert cache.get(relative, "sha", "doc") == ("tree read as", "corpus/a.xml")
    assert cache.get(relative, "other sha", "doc") is None and cache.get(relative, "sha", "order") is None
