"""An LBK that says some numbered changes of an act are not incorporated ("De ændringer, der vedrører § 41, stk. 4-7,
og § 66, stk. 2, og som følger af § 1, nr. 2-6, i lov nr. 1877 af 29. december 2015 …, er ikke indarbejdet i denne
lovbekendtgørelse", LBK 1141/2016, whose head names "§ 1, nr. 1, i lov nr. 1877 af 29. december 2015") is read
number by number, as the eval reads it (parsers.not_incorporated): LOV 1877/2015 § 1, nr. 2-6 (the minister sets
them in force) are handed on to LBK 1141/2016 as not yet in its text. Before, the act was named in the head, so
every item of it counted as in the text ("incorporated" ahead of its commencement)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.timeline import Change, timeline
from lovkons.history.withheld import in_text_of

LAWS = Path(__file__).resolve().parent.parent / "corpus" / "laws"


@pytest.fixture(scope="module")
def vedvarende(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """LBK 122/2015 (lov om fremme af vedvarende energi), LBK 1141/2016 which restates it, and LOV 1877/2015
    (its § 1 amends LBK 122/2015), LOV 576/2012 and LOV 261/2016, which the notes of LBK 1141/2016 name."""
    root = tmp_path_factory.mktemp("ve")
    for name in ("LBK-2015-122", "LBK-2016-1141", "LOV-2015-1877", "LOV-2012-576", "LOV-2016-261"):
        shutil.copytree(LAWS / name, root / name)
    return load_corpus(root, jobs=1)


def test_the_items_an_lbk_leaves_out_are_handed_on_pending(vedvarende: Corpus) -> None:
    lbk = vedvarende.facts["LBK 1141/2016"]
    assert ("LOV 1877/2015", "1", (2, 3, 4, 5, 6), ()) in lbk.withheld
    handed = [c for c in timeline(vedvarende, "LBK 122/2015").carried if c.order == "LOV 1877/2015"]
    assert sorted(c.item for c in handed) == [2, 3, 4, 5, 6]
    assert not any(c.incorporated for c in handed)
    new = timeline(vedvarende, "LBK 1141/2016")
    assert sorted(c.item for c in new.pending if c.order == "LOV 1877/2015") == [2, 3, 4, 5, 6]
    assert not [c for c in new.incorporated if c.order == "LOV 1877/2015"]


def test_the_other_items_of_the_same_paragraf_count_as_in_the_text(vedvarende: Corpus) -> None:
    """Drafting convention: naming some numbered changes of an act's § as not incorporated says the others are."""
    lbk = vedvarende.facts["LBK 1141/2016"]
    assert in_text_of(lbk, Change("LOV 1877/2015", "1", 1, None))
    assert not in_text_of(lbk, Change("LOV 1877/2015", "1", 4, None))
    assert in_text_of(lbk, Change("LOV 576/2012", "1", 5, None))  # LBK 1141/2016 withholds only nr. 22, 24, 26, 27
    assert not in_text_of(lbk, Change("LOV 576/2012", "1", 26, None))
    assert not in_text_of(lbk, Change("LOV 261/2016", "8", 1, None))  # "som følger af § 8 i lov nr. 261 …": all of § 8


def test_an_item_left_out_in_part_is_not_taken_as_in_the_text(tmp_path: Path) -> None:
    """LBK 1330/2013: "De ændringer, der følger af § 1, nr. 1 delvis og nr. 2-7, i lov nr. 900 af 4. juli 2013 …, er
    ikke indarbejdet": which part of nr. 1 is left out is not said in a form we read, so nr. 1 is not in its text
    (as the eval's parsers.not_incorporated.incorporated_by_base reads it), whatever the other numbers say."""
    for name in ("LBK-2013-1330", "LOV-2013-900"):
        shutil.copytree(LAWS / name, tmp_path / name)
    lbk = load_corpus(tmp_path, jobs=1).facts["LBK 1330/2013"]
    assert ("LOV 900/2013", "1", (2, 3, 4, 5, 6, 7), (1,)) in lbk.withheld
    assert not in_text_of(lbk, Change("LOV 900/2013", "1", 1, None))
    assert not in_text_of(lbk, Change("LOV 900/2013", "1", 4, None))
