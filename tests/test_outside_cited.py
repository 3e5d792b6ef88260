"""An older corpus LBK ends on the day of the first LBK of its law the corpus lacks, also when that LBK is known only
from an act that amends it (history.law_chain.first_outside): the opening of a change block cites the law by its title
and its latest LBK (Lovteknisk vejledning), "I børneloven, jf. lovbekendtgørelse nr. 18 af 10. januar 2014, foretages
følgende ændringer:" (LOV 552/2014 § 7).

Real documents (tests/data/outside_cited, from the corpus): LBK 1047/2012 (børneloven); LOV 552/2014; LBK 1817/2015,
which restates "lovbekendtgørelse nr. 1097 af 7. oktober 2014". Before, LBK 1047/2012 ended on 7 October 2014 (the LBK
LBK 1817/2015's introduction names), though the law had been in LBK 18/2014's text since 10 January 2014 — and LOV
552/2014 § 7, written against that text, was in none of its versions. Five laws of the corpus have such an LBK between
(lov om kommunernes styrelse: LBK 1440/2010 → LBK 885/2012, LOV 1252/2012 § 1; sygedagpenge, vægtafgift, råstoffer).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.law_chain import cited_outside, first_outside
from lovkons.history.pointintime import consolidate_at
from lovkons.history.timeline import Status, timeline
from tests.excerpts import corpus_of

DATA = Path(__file__).parent / "data" / "outside_cited"
A, CITED, NAMED, B = "LBK 1047/2012", "LBK 18/2014", "LBK 1097/2014", "LBK 1817/2015"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return corpus_of(DATA, tmp_path_factory.mktemp("outside-cited"))


def test_the_lbks_an_act_amends_are_known_by_the_law_its_opening_names(corpus: Corpus) -> None:
    assert cited_outside(corpus)["børneloven"] == {CITED: dt.date(2014, 1, 10)}
    assert corpus.facts[B].consolidates == (NAMED,)
    assert first_outside(corpus, corpus.facts[A], corpus.facts[B]) == (CITED, dt.date(2014, 1, 10))


def test_the_older_lbk_ends_on_the_first_lbk_of_its_law_the_corpus_lacks(corpus: Corpus) -> None:
    assert timeline(corpus, A).end == Status("superseded", dt.date(2014, 1, 10), CITED,
                                             then=Status("superseded", dt.date(2015, 12, 23), B), outside=True)
    assert consolidate_at(corpus, A, dt.date(2014, 6, 1)).document is None
    assert consolidate_at(corpus, A, dt.date(2013, 6, 1)).key == A
    assert consolidate_at(corpus, A, dt.date(2016, 6, 1)).key == B


def test_without_a_later_corpus_lbk_the_law_ends_in_the_corpus_on_that_lbks_day(tmp_path: Path) -> None:
    """No corpus LBK of the law comes later (15 documents of the corpus: LBK 1235/2010, straffeloven, stood in force
    to this day though LBK 1062/2011 restated it and six corpus acts amend that one): LBK 1047/2012 and LOV 552/2014
    alone. The older LBK ends on LBK 18/2014's day; a day after it has no text in the corpus, and says whose it is."""
    for name in ("2012-1047.xml", "2014-552.xml"):
        shutil.copy(DATA / name, tmp_path / name)
    corpus = load_corpus(tmp_path, jobs=1)
    assert timeline(corpus, A).end == Status("superseded", dt.date(2014, 1, 10), CITED, outside=True)
    later = consolidate_at(corpus, A, dt.date(2016, 6, 1))
    assert later.document is None and (later.status.by, later.status.outside, later.status.then) == (CITED, True, None)
