"""An act that amends a document the corpus does not hold still reaches the corpus LBK that restates that document:
its items that take effect on or after the LBK's day are handed on to the LBK (in its text when its introduction
names the act, otherwise applied on their day), as if the restated document were in the corpus. Real shape: LOV
1599/2010 amends lov nr. 563 af 9. juni 2006 om sygedagpenge directly; LBK 85/2011 is the corpus's first
restatement of it; LBK 1152/2011 prints the act's items of 2 January 2012 (bench/timeline_check found 19 laws where
178 such items had been dropped). Data: the demo corpus's økologiloven, with LBK 1657/2015 left out of the corpus."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.pointintime import consolidate_at
from lovkons.history.timeline import first_restated, timeline
from tests.excerpts import made_up_lbk

LAWS = Path(__file__).resolve().parent.parent / "corpus" / "laws"
LBK_1657 = LAWS / "LBK-2015-1657" / "LBK-2015-1657.xml"
INTRO = "jf. lovbekendtgørelse nr. 416 af 3. maj 2011, med de ændringer, der følger af § 11 i lov nr. 1459 af 17. december 2013."
ITEM = "LOV 1715/2016 § 59, nr. 1"


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """LOV 1715/2016 (its § 59 amends LBK 1657/2015, not in this corpus) and LBK 21/2017, which restates LBK
    1657/2015 "med den ændring, der følger af § 59 i lov nr. 1715 af 27. december 2016"."""
    root = tmp_path_factory.mktemp("oeko-outside")
    for name in ("LOV-2016-1715", "LBK-2017-21"):
        shutil.copytree(LAWS / name, root / name)
    return load_corpus(root, jobs=1)


@pytest.fixture(scope="module")
def hypothetical(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """LOV 1715/2016 and a made-up LBK 9999/2016 (30 December 2016) restating LBK 1657/2015 without naming the act."""
    root = tmp_path_factory.mktemp("oeko-outside-hyp")
    shutil.copytree(LAWS / "LOV-2016-1715", root / "LOV-2016-1715")
    made_up_lbk(root, LBK_1657, INTRO, "jf. lovbekendtgørelse nr. 1657 af 14. december 2015.", number=9999, year=2016,
                date="2016-12-30")
    return load_corpus(root, jobs=1)


def test_the_first_restatement_takes_over_the_document_outside_the_corpus(real: Corpus) -> None:
    assert "LBK 1657/2015" not in real.facts
    assert [key for key, _ in first_restated(real, "LBK 21/2017")] == ["LBK 1657/2015"]


def test_an_item_the_lbk_names_is_in_its_text(real: Corpus) -> None:
    tl = timeline(real, "LBK 21/2017")
    assert [(c.label, c.via, c.in_force) for c in tl.incorporated] == [(ITEM, "LBK 1657/2015", dt.date(2017, 2, 1))]
    assert tl.changes == () and tl.pending == ()


def test_an_item_the_lbk_does_not_name_is_applied_on_its_day(hypothetical: Corpus) -> None:
    tl = timeline(hypothetical, "LBK 9999/2016")
    assert [(c.label, c.via) for c in tl.changes] == [(ITEM, "LBK 1657/2015")]
    before = consolidate_at(hypothetical, "LBK 9999/2016", dt.date(2017, 1, 31))
    after = consolidate_at(hypothetical, "LBK 9999/2016", dt.date(2017, 2, 1))
    assert before.included == () and "18 a" not in [p.label for p in before.document.paragraffer()]  # type: ignore[union-attr]
    assert (after.included, after.refused) == (("LOV 1715/2016",), ())
    assert "18 a" in [p.label for p in after.document.paragraffer()]  # type: ignore[union-attr]



def test_the_missing_base_warning_says_where_the_items_go(real: Corpus) -> None:
    missing = [p.message for p in real.graph_problems() if p.code == "MISSING_BASE" and p.source == "LOV 1715/2016"]
    assert len(missing) == 1
    assert "LBK 1657/2015 is restated by LBK 21/2017 from 2017-01-" in missing[0]


def test_an_item_repealed_before_its_day_is_said_not_dropped(tmp_path: Path) -> None:
    """An item of an act amending the outside document that a later act repeals before it takes effect never
    applies: the LBK that takes over the document says so (ITEM_OF_ACT_REPEALED in its fates), as a restated corpus
    document's own timeline does (real shape: LOV 899/2013 § 1, nr. 21, repealed by LOV 633/2015 § 4, nr. 1 before
    1 July 2015, reaching LBK 39/2014). The repealing act is made up (tests/data/outside_restated)."""
    for name in ("LOV-2016-1715", "LBK-2017-21"):
        shutil.copytree(LAWS / name, tmp_path / name)
    (tmp_path / "LOV-2017-9998").mkdir()
    shutil.copy(Path(__file__).parent / "data" / "outside_restated" / "LOV-2017-9998.txt", tmp_path / "LOV-2017-9998")
    tl = timeline(load_corpus(tmp_path, jobs=1), "LBK 21/2017")
    assert [(c.label, c.why, c.via, c.by) for c in tl.lapsed] == [
        (ITEM, "item_repealed", "LBK 1657/2015", "LOV 9998/2017 § 1, nr. 1")]
    assert tl.incorporated == () and tl.changes == ()


LBK_21 = LAWS / "LBK-2017-21" / "LBK-2017-21.xml"
INTRO_21 = "jf. lovbekendtgørelse nr. 1657 af 14. december 2015, med den ændring"


@pytest.fixture(scope="module")
def gap(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """LBK 1657/2015 and a made-up LBK 9999/2017 of the same law (økologiloven) that restates an LBK outside the
    corpus (nr. 5 af 4. januar 2016), which restated LBK 1657/2015: the corpus links them by the law's title only."""
    root = tmp_path_factory.mktemp("oeko-gap")
    shutil.copytree(LAWS / "LBK-2015-1657", root / "LBK-2015-1657")
    made_up_lbk(root, LBK_21, INTRO_21, "jf. lovbekendtgørelse nr. 5 af 4. januar 2016, med den ændring", number=9999,
                year=2017, date="2017-01-11")
    return load_corpus(root, jobs=1)


def test_an_lbk_of_the_same_law_through_documents_outside_the_corpus_ends_the_older_chain(gap: Corpus) -> None:
    """Without the link the older LBK stood in force beside the newer one (38 laws of the corpus: LBK 1017/2013 beside
    LBK 1236/2016, emballageafgiftsloven), and a question about it after the newer one's day got the old text. It ends
    on the day of the LBK outside the corpus (tests/test_outside_gap.py); the newer one takes over on its own day."""
    end = timeline(gap, "LBK 1657/2015").end
    assert end is not None and (end.state, end.by, end.since) == ("superseded", "LBK 5/2016", dt.date(2016, 1, 4))
    assert (end.taker.by, end.taker.since) == ("LBK 9999/2017", dt.date(2017, 1, 11))
    later = consolidate_at(gap, "LBK 1657/2015", dt.date(2017, 6, 1))
    assert later.key == "LBK 9999/2017"
    assert consolidate_at(gap, "LBK 1657/2015", dt.date(2015, 12, 31)).key == "LBK 1657/2015"
    assert consolidate_at(gap, "LBK 1657/2015", dt.date(2016, 6, 1)).document is None
