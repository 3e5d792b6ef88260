"""The corpus graph looked up per document (history.corpus: a command builds only the edges of the
documents it asks about) gives what the whole graph gives: the same edges, in the same order, for every
key of the embedded corpus (corpus/) and of a corpus whose sidecar names a repealing act."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus, Edge, load_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(CORPUS, jobs=1)


def _whole(corpus: Corpus) -> tuple[dict[str, list[Edge]], dict[str, list[Edge]]]:
    by_target: dict[str, list[Edge]] = {}
    by_source: dict[str, list[Edge]] = {}
    for e in corpus.edges:
        by_target.setdefault(e.target, []).append(e)
        by_source.setdefault(e.source, []).append(e)
    return by_target, by_source


def _keys(corpus: Corpus) -> set[str]:
    return set(corpus.facts) | {e.target for e in corpus.edges} | {e.source for e in corpus.edges} | {"LOV 1/1900"}


def test_per_document_edges_are_those_of_the_whole_graph(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    # every key looked up per document: the hand-over to the whole graph (after WHOLE_GRAPH_AFTER lookups)
    # would otherwise compare the whole graph with itself for all but the first keys (review10)
    monkeypatch.setattr("lovkons.history.corpus.WHOLE_GRAPH_AFTER", 10**9)
    fresh = load_corpus(CORPUS, jobs=1)  # nothing of the whole graph built before the lookups
    by_target, by_source = _whole(corpus)
    assert len(corpus.edges) > 20  # amends, repeals and consolidates among them
    assert {e.kind for e in corpus.edges} == {"amends", "repeals", "consolidates"}
    for key in sorted(_keys(corpus)):
        assert fresh.edges_from(key) == by_source.get(key, []), key
        ended = [e for e in by_target.get(key, []) if e.kind in ("repeals", "consolidates")]
        assert fresh.ended_by(key) == ended, key
        amending = {e.source for e in by_target.get(key, []) if e.kind == "amends"}
        assert {f.key for f in fresh.orders_for(key)} == amending & set(fresh.facts), key
    assert "_whole_graph" not in fresh.__dict__ and "edges" not in fresh.__dict__  # the per-document path only


def test_a_repeal_named_in_a_sidecar_is_an_edge_from_the_repealing_act(tmp_path: Path) -> None:
    bek = CORPUS / "bek" / "BEK-2007-1292" / "BEK-2007-1292.json"
    (tmp_path / "a.json").write_bytes(bek.read_bytes())
    (tmp_path / "a.json.yaml").write_text("repealed: {by: BEK 9/2010, date: 2010-01-01}\n", encoding="utf-8")
    fresh = load_corpus(tmp_path, jobs=1)
    by_target, by_source = _whole(load_corpus(tmp_path, jobs=1))
    assert [e.detail for e in by_source["BEK 9/2010"]] == ["sidecar"]
    for key in _keys(fresh):
        assert fresh.edges_from(key) == by_source.get(key, []), key
        assert fresh.ended_by(key) == [e for e in by_target.get(key, []) if e.kind != "amends"], key
