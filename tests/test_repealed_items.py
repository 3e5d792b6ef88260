"""Numbered changes of an amending act repealed by a later act before they take effect (history.repealed_items).
Drafting convention (ændring af en ændringslov): LOV 396/2016 § 1 ("I lov nr. 179 af 24. februar 2015 om ændring af
lov om planlægning og lov om naturbeskyttelse … 1. § 2, nr. 2-6, og § 5, stk. 2, ophæves.", in force 1 July 2016)
names only the amending act, whose § 2, nr. 2-6 (naturbeskyttelsesloven, from 1 September 2017) never take effect.
Real files (tests/data/repealed_items: LOV 179/2015, LOV 396/2016 and the head of LBK 951/2013)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.fates import fate_problems
from lovkons.history.repealed_items import repealed_items
from lovkons.history.timeline import timeline

DATA = Path(__file__).resolve().parent / "data" / "repealed_items"
REPEAL = ("LOV 396/2016 § 1, nr. 1", dt.date(2016, 7, 1))


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(DATA, jobs=1)


def test_the_later_act_repeals_numbered_changes_of_the_amending_act(corpus: Corpus) -> None:
    assert repealed_items(corpus, ["LOV 179/2015"]) == {("LOV 179/2015", "2", n): REPEAL for n in range(2, 7)}


def test_they_never_take_effect_in_the_law_they_amend(corpus: Corpus) -> None:
    tl = timeline(corpus, "LBK 951/2013")
    gone = [(c.order, c.paragraf, c.item) for c in tl.lapsed if c.why == "item_repealed"]
    assert gone == [("LOV 179/2015", "2", n) for n in range(2, 7)]
    assert all((c.by, c.lapsed) == REPEAL and c.in_force == dt.date(2017, 9, 1) for c in tl.lapsed)
    kept = {(c.order, c.paragraf, c.item) for c in (*tl.changes, *tl.pending)}
    assert ("LOV 179/2015", "2", 1) in kept and not kept & set(gone)


def test_it_is_said(corpus: Corpus) -> None:
    said = [p for p in fate_problems(timeline(corpus, "LBK 951/2013")) if p.code == "ITEM_OF_ACT_REPEALED"]
    assert len(said) == 1 and said[0].severity == "warning"
    assert "LOV 179/2015 § 2, nr. 2-6 repealed by LOV 396/2016 § 1, nr. 1 from 2016-07-01" in said[0].message
