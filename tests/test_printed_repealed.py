"""An item repealed before its day is "not applied" — unless the LBK it is handed on to printed it ahead of its day
before the repeal: then that LBK's text holds it, and the warning says so instead of claiming it was left out.

Real excerpt (tests/data/printed_repealed): LBK 39/2014 (SU-loven; its head, introduction and § 25 — the rest of the
text is not needed) restates LBK 661/2009, which the corpus lacks, "med de ændringer, der følger af … § 1 i lov nr. 899
af 4. juli 2013", and says "Den bekendtgjorte lovtekst vedrørende … § 25, stk. 1-8, … gælder først fra den 1. juli
2015": it prints LOV 899/2013 § 1, nr. 21 (§ 25, stk. 1-4, replaced) ahead. LOV 633/2015 § 4, nr. 1 ("§ 1, nr. 21,
ophæves", from 1 June 2015) repealed that item before its day (LOV 899/2013 and LOV 633/2015 whole, from the corpus).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus
from lovkons.history.fates import fate_problems
from lovkons.history.pointintime import consolidate_at
from lovkons.history.timeline import timeline
from tests.excerpts import corpus_of

DATA = Path(__file__).parent / "data" / "printed_repealed"
LBK, ITEM, BY = "LBK 39/2014", "LOV 899/2013 § 1, nr. 21", "LOV 633/2015 § 4, nr. 1"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return corpus_of(DATA, tmp_path_factory.mktemp("printed-repealed"))


def test_the_excerpt_reads_as_the_whole_lbk(corpus: Corpus) -> None:
    f = corpus.facts[LBK]
    assert (f.date, f.consolidates, f.consolidates_date) == ("2014-01-15", ("LBK 661/2009",), "2009-06-29")
    assert "LOV 899/2013" in f.incorporates and "LBK 661/2009" not in corpus.facts


def test_an_item_printed_ahead_and_repealed_before_its_day_is_said_to_stay_in_the_text(corpus: Corpus) -> None:
    tl = timeline(corpus, LBK)
    gone = [c for c in tl.lapsed if c.label == ITEM]
    assert [(c.why, c.by, c.lapsed, c.in_force, c.incorporated) for c in gone] == [
        ("item_repealed", BY, dt.date(2015, 6, 1), dt.date(2015, 7, 1), True)]
    said = [p.message for p in fate_problems(tl) if p.code == "ITEM_OF_ACT_REPEALED"]
    assert said == [f"{ITEM} is in the text of {LBK}, printed ahead of its day 2015-07-01, but {BY} repealed it from"
                    " 2015-06-01 before it took effect: that text keeps a change that never took effect"]
    assert not any("not applied" in m for m in said)


def test_consolidate_says_it_too(corpus: Corpus) -> None:
    """`consolidate` of that text on any day warns that it keeps the change (review18: it said nothing)."""
    for day in (dt.date(2014, 6, 1), dt.date(2015, 8, 1)):
        r = consolidate_at(corpus, LBK, day)
        said = [p.message for p in r.problems if p.code == "ITEM_OF_ACT_REPEALED"]
        assert len(said) == 1 and said[0].startswith(f"{ITEM} is in the text of {LBK}")
