"""A consolidation goes on from where the last one of the same base left off (amender.replay), and the
ressort layer reuses the subtrees it renamed before (ressort.layer.Rewritten): both must give exactly
what a run from scratch gives. Copied from the development corpus: LBK 1005/2012 (våbenloven) and
the five acts amending it 2013-2014: eight versions, acts whose items come into force on two days
(LOV 431/2013, LOV 1623/2013, LOV 736/2014) and an act in force before one passed earlier, so later
runs resume in the middle of the chain and of an act, not only at its end; LOV 527/2010 with LOV
543/2015 amending it, and LBK 927/2013, whose names of ministries change over the years."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import lovkons.amender.consolidate as amender
from lovkons.amender import replay
from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.pointintime import orders_at
from lovkons.history.timeline import timeline
from lovkons.ressort import layer
from lovkons.ressort.layer import apply_ressort
from lovkons.ressort.register import default_register

DATA = Path(__file__).resolve().parent / "data" / "replay"
KEY = "LBK 1005/2012"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(DATA)


def _versions(corpus: Corpus, key: str = KEY) -> list[tuple[dt.date, list[Any]]]:
    tl = timeline(corpus, key)
    return [(day, orders_at(corpus, tl, day)) for day in tl.dates if day is not None]


def _fresh(corpus: Corpus, orders: list[Any], key: str = KEY) -> amender.Consolidation:
    replay.forget()
    return amender.consolidate(corpus.document(key), orders)


@pytest.mark.parametrize("sequence", ["forward", "backward", "alternating"])
def test_resumed_consolidation_equals_one_from_the_base(corpus: Corpus, sequence: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    versions = _versions(corpus)
    assert len(versions) >= 6
    expected = [_fresh(corpus, orders) for _, orders in versions]
    assert len({len(c.applied) for c in expected}) > 3  # the versions differ
    order = list(range(len(versions)))
    if sequence == "backward":
        order.reverse()
    elif sequence == "alternating":
        order = [i for pair in zip(order, reversed(order), strict=True) for i in pair]
    items: list[int] = []
    real = amender._apply_item

    def counted(*args: Any) -> Any:
        items.append(1)
        return real(*args)

    monkeypatch.setattr(amender, "_apply_item", counted)
    within: list[bool] = []
    real_within = replay.Trail._within

    def spied(self: replay.Trail, *args: Any) -> Any:
        found = real_within(self, *args)
        within.append(found is not None)
        return found

    monkeypatch.setattr(replay.Trail, "_within", spied)
    replay.forget()
    for i in order:
        got = amender.consolidate(corpus.document(KEY), versions[i][1])
        assert got == expected[i], f"version {versions[i][0]} ({sequence})"
    from_base = sum(len([p for p in versions[i][1] for b in p.changes for _ in b.items]) for i in order)
    if sequence == "forward":  # each version applies only the acts after the first one that changed
        assert len(items) < from_base / 2
        assert any(within)  # the later items of LOV 431/2013, 1623/2013, 736/2014 go on in the act


@pytest.mark.parametrize("key", ["LBK 1005/2012", "LOV 527/2010", "LBK 927/2013"])
def test_ressort_reuse_equals_a_fresh_walk(corpus: Corpus, key: str) -> None:
    """Every version renamed on every day a ministry changed, warm (subtrees reused across versions
    and days) and cold (a new memo for each): the same documents, changes and problems."""
    base = corpus.document(key)
    tl = timeline(corpus, key)
    signed = tuple(corpus.order(k) for k in tl.orders)
    docs = [base] + [_fresh(corpus, orders, key).document for _, orders in _versions(corpus, key)]
    days = sorted({c.date for c in default_register().changes if dt.date(2010, 1, 1) < c.date < dt.date(2020, 1, 1)})
    warm = [apply_ressort(doc, day, base=base, orders=signed) for doc in docs for day in days]
    cold = []
    for doc in docs:
        for day in days:
            layer._MEMO.clear()
            cold.append(apply_ressort(doc, day, base=base, orders=signed))
    assert warm == cold


def test_ressort_reuse_happens(corpus: Corpus) -> None:
    """The memo serves: renaming the same text on two days with the same decisions searches no text again."""
    key = "LBK 927/2013"
    base = corpus.document(key)
    layer._MEMO.clear()
    first = apply_ressort(base, dt.date(2016, 1, 1), base=base)
    assert first.changes
    memo = layer._MEMO[0]
    scans, kept = memo.scans, len(memo.rewritten)
    again = apply_ressort(base, dt.date(2016, 1, 2), base=base)
    assert again.document == first.document and memo.scans == scans and len(memo.rewritten) == kept
    assert all(a is b for a, b in zip(again.document.children, first.document.children, strict=True))
