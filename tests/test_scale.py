"""Corpus scale (issue 13): one corpus index shared by every command (an unchanged corpus is neither
parsed nor hashed again, parsed trees come from the parse cache), a diff by dates is two point-in-time
consolidations, the streaming rebuild writes the same bytes whichever way the trees reach it, and
--formats / --compact-json restrict or compact the files. Counters, never timings."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

import lovkons.history.corpus as corpus_mod
from lovkons.history.cache import facts_cache_file
from lovkons.history.corpus import index_corpus, load_corpus
from lovkons.history.listing import list_corpus
from lovkons.history.pointintime import consolidate_at
from lovkons.history.rebuild import rebuild
from lovkons.renderers.rebuild_files import REBUILD_FILES
from lovkons.renderers.rebuild_formats import renderer
from lovkons.review.diff import diff_documents
from lovkons.review.versions import versions_diff

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# socialtilsyn: the law, the act amending it (§ 2 of LOV 649/2015) and the LBK restating both
SMALL = ("laws/LOV-2013-608", "laws/LOV-2015-649", "laws/LBK-2015-1054")
ORDER = "laws/LOV-2015-649/LOV-2015-649.xml"


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    """The three documents, last modified an hour ago (so their stat records are trusted at once)."""
    root = tmp_path / "corpus"
    for rel in SMALL:
        shutil.copytree(CORPUS / rel, root / rel)
    _age(root)
    return root


def _age(root: Path) -> None:
    """Every file of `root` (or `root` itself, a file) last modified an hour ago."""
    past = time.time() - 3600
    for p in [root, *root.rglob("*")]:
        os.utime(p, (past, past))


def tree(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


class Counter:
    """Wraps a function of history.corpus and counts its calls."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        self.calls: list[Any] = []
        real = getattr(corpus_mod, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(args)
            return real(*args, **kwargs)

        monkeypatch.setattr(corpus_mod, name, counted)


def test_second_load_neither_parses_nor_hashes(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed, hashed = Counter(monkeypatch, "scan_file"), Counter(monkeypatch, "file_hash")
    first = load_corpus(small, jobs=1, cache_file=facts_cache_file(small))
    assert (len(parsed.calls), len(hashed.calls)) == (3, 3)
    second = load_corpus(small, jobs=1, cache_file=facts_cache_file(small))
    assert (len(parsed.calls), len(hashed.calls)) == (3, 3)  # nothing read: the index knew every file
    assert second.facts == first.facts
    order = small / ORDER
    order.write_bytes(order.read_bytes() + b"\n")
    _age(order)
    third = load_corpus(small, jobs=1, cache_file=facts_cache_file(small))
    assert [c[1] for c in parsed.calls[3:]] == [ORDER] and [c[1] for c in hashed.calls[3:]] == [ORDER]
    assert third.facts["LOV 649/2015"].sha != first.facts["LOV 649/2015"].sha


def test_a_file_changed_just_now_is_hashed_again(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same size, same mtime tick: the stat record of a file modified right before the index was
    written is not trusted (a "racy" file), so a same-size edit cannot go unseen."""
    order = small / ORDER
    os.utime(order, None)  # modified now
    load_corpus(small, jobs=1, cache_file=facts_cache_file(small))
    hashed = Counter(monkeypatch, "file_hash")
    load_corpus(small, jobs=1, cache_file=facts_cache_file(small))
    assert [c[1] for c in hashed.calls] == [ORDER]


def test_trees_come_from_the_parse_cache(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_corpus(small, jobs=1, cache_file=facts_cache_file(small))  # the scan stores what it parsed
    expected = load_corpus(small, jobs=1)  # no cache: parsed here
    for name in ("read_base", "read_order"):
        monkeypatch.setattr(corpus_mod, name, lambda *a, **k: pytest.fail("parsed again"))
    c = load_corpus(small, jobs=1, cache_file=facts_cache_file(small))
    assert c.document("LOV 608/2013") == expected.document("LOV 608/2013")
    assert c.order("LOV 649/2015") == expected.order("LOV 649/2015")


def test_index_workers_send_back_facts_only(small: Path) -> None:
    rels = list_corpus(small).files
    found = index_corpus(small, rels, jobs=2, cache_file=facts_cache_file(small))
    assert found.scanned == 3 and found.docs == {} and found.orders == {}
    assert found.parsed is not None


@pytest.mark.parametrize(("start", "end"), [(dt.date(2014, 1, 1), dt.date(2015, 7, 1)),
                                            (dt.date(2015, 7, 1), dt.date(2014, 3, 1))])  # fmt: skip
def test_diff_by_dates_is_two_point_in_time_consolidations(small: Path, start: dt.date, end: dt.date) -> None:
    c = load_corpus(small, jobs=1, cache_file=facts_cache_file(small))
    v = versions_diff(c, "LOV 608/2013", start, end)
    old, new = consolidate_at(c, "LOV 608/2013", start), consolidate_at(c, "LOV 608/2013", end)
    assert old.document is not None and new.document is not None
    assert (v.old, v.new) == (old.document, new.document)
    again = diff_documents(old.document, new.document, old_label=v.diff.old_label, new_label=v.diff.new_label,
                           window=(min(start, end), max(start, end)),
                           applied=[a for a in (*old.applied, *new.applied) if hasattr(a, "op")])  # fmt: skip
    assert [(c.address, c.kind) for c in v.diff.changes] == [(c.address, c.kind) for c in again.changes]
    assert v.diff.changes, "the two dates straddle LOV 649/2015 § 2 and a renamed minister"


def test_rebuild_bytes_do_not_depend_on_how_trees_arrive(small: Path, tmp_path: Path) -> None:
    """Workers loading trees from the parse cache (2 processes) = trees parsed in memory (no cache,
    1 process); an incremental rebuild (reused files linked) = a cold rebuild of the same corpus."""
    streamed = rebuild(small, tmp_path / "a", render=REBUILD_FILES, jobs=2)
    in_memory = rebuild(small, tmp_path / "b", render=REBUILD_FILES, jobs=1, cache=False)
    assert streamed.written and in_memory.written
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    order = small / ORDER
    order.write_bytes(order.read_bytes() + b"\n")
    _age(order)
    again = rebuild(small, tmp_path / "a", render=REBUILD_FILES, jobs=2)
    assert again.scanned == 1 and again.recomputed == ["LOV-2013-608"] and again.written
    cold = rebuild(small, tmp_path / "c", render=REBUILD_FILES, jobs=1, cache=False)
    assert cold.written and tree(tmp_path / "a") == tree(tmp_path / "c")
    noop = rebuild(small, tmp_path / "a", render=REBUILD_FILES, jobs=2)
    assert (noop.scanned, noop.recomputed, noop.written) == (0, [], False)


def test_a_changed_output_file_is_not_reused(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    rebuild(small, out, render=REBUILD_FILES, jobs=1)
    before = tree(out)
    victim = out / "LOV-2013-608" / "2014-01-01.md"
    st = victim.stat()
    victim.write_bytes(victim.read_bytes().replace(b"e", b"E", 1))
    os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size, same mtime: the hash decides
    stats = rebuild(small, out, render=REBUILD_FILES, jobs=1)
    assert stats.recomputed == ["LOV-2013-608"] and tree(out) == before


def test_formats_restrict_the_files(small: Path, tmp_path: Path) -> None:
    rebuild(small, tmp_path / "md", render=renderer(("md",)), jobs=1)
    files = tree(tmp_path / "md")
    versions = [p for p in files if "/" in p]
    assert versions and all(p.endswith(".md") for p in versions)


def test_compact_json_holds_the_same_values(small: Path, tmp_path: Path) -> None:
    rebuild(small, tmp_path / "pretty", render=REBUILD_FILES, jobs=1)
    rebuild(small, tmp_path / "compact", render=renderer(("md", "json"), compact=True), jobs=1)
    pretty, compact = tree(tmp_path / "pretty"), tree(tmp_path / "compact")
    assert set(pretty) == set(compact)
    for p in pretty:
        if p.endswith(".json"):
            assert compact[p].count(b"\n") == 1 and json.loads(compact[p]) == json.loads(pretty[p])
            assert len(compact[p]) < len(pretty[p])
        else:
            assert compact[p] == pretty[p]
    rebuild(small, tmp_path / "compact2", render=renderer(("md", "json"), compact=True), jobs=2)
    assert tree(tmp_path / "compact2") == compact  # deterministic bytes
