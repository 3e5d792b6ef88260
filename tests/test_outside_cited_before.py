"""The items of an act amending an LBK the corpus lacks reach the first corpus LBK of the law after it, also when that
LBK's introduction names a later one (history.law_chain.cited_before): LOV 427/2016 § 3 amends "lov om råstoffer, jf.
lovbekendtgørelse nr. 1585 af 10. december 2015" from 16 May 2017; LBK 124/2017 (26 January 2017) restates LBK
1218/2016 and says "§ 3 i lov nr. 427 af 3. maj 2016" is not incorporated. Before, no document received them (not
applied, not pending, not said). Real documents: LBK 657/2013, LOV 427/2016, LBK 124/2017 (tests/data/cited_before)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus
from lovkons.history.law_chain import cited_before
from lovkons.history.pointintime import consolidate_at
from lovkons.history.timeline import first_restated, timeline
from tests.excerpts import corpus_of

DATA = Path(__file__).parent / "data" / "cited_before"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return corpus_of(DATA, tmp_path_factory.mktemp("cited-before"))


def test_the_items_of_an_act_amending_a_missing_lbk_reach_the_next_corpus_lbk(corpus: Corpus) -> None:
    assert ("LBK 1585/2015", dt.date(2017, 1, 26)) in first_restated(corpus, "LBK 124/2017")
    tl = timeline(corpus, "LBK 124/2017")
    mine = [(c.label, c.in_force, c.via) for c in tl.changes if c.order == "LOV 427/2016"]
    assert mine == [(f"LOV 427/2016 § 3, nr. {n}", dt.date(2017, 5, 16), "LBK 1585/2015") for n in range(1, 5)]
    before = consolidate_at(corpus, "LBK 124/2017", dt.date(2017, 5, 15))
    after = consolidate_at(corpus, "LBK 124/2017", dt.date(2017, 5, 16))
    assert before.included == () and after.included == ("LOV 427/2016",) and after.refused == ()


def test_the_law_s_first_corpus_document_gets_nothing_from_before_it(corpus: Corpus) -> None:
    """LBK 657/2013 is the law's first document in this corpus: the LBKs acts cite before it are not taken as between
    (only its introduction's, LBK 950/2009, by first_restated's own route)."""
    assert cited_before(corpus, "LBK 657/2013") == []
    assert [k for k, _ in first_restated(corpus, "LBK 657/2013")] == ["LBK 950/2009"]
