"""Where the timeline dates items (history.minister_days): an item its act leaves to the minister takes the day a corpus
LBK's note says (parsers.set_in_force), with a COMMENCEMENT_FROM_LBK_NOTE warning naming the LBK."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.fates import fate_problems
from lovkons.history.timeline import timeline

DATA = Path(__file__).resolve().parent / "data" / "minister_days"


@pytest.fixture(scope="module")
def nationalparker(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """LBK 946/2013 (lov om nationalparker), LBK 1202/2016 which restates it, and LOV 1631/2013, whose § 9 amends it on
    a day the minister sets ("Miljøministeren fastsætter tidspunktet for ikrafttræden af §§ 1-6, § 7, nr. 2 og 3, og
    §§ 8-25"); LBK 1202/2016 note: "Bestemmelsen i § 9 i lov nr. 1631 af 26. december 2013 trådte i kraft den 1. juli
    2016, jf. bekendtgørelse nr. 775 af 24. juni 2016 …"."""
    root = tmp_path_factory.mktemp("np")
    for name in ("LBK-2013-946", "LBK-2016-1202", "LOV-2013-1631"):
        (root / name).mkdir()
        shutil.copy(DATA / f"{name}.xml", root / name / f"{name}.xml")
    return load_corpus(root, jobs=1)


def test_an_item_left_to_the_minister_takes_the_day_an_lbk_note_says(nationalparker: Corpus) -> None:
    assert ("LOV 1631/2013", "9", None, "2016-07-01") in nationalparker.facts["LBK 1202/2016"].set_in_force
    tl = timeline(nationalparker, "LBK 946/2013")
    mine = [c for c in (*tl.changes, *tl.carried, *tl.pending) if c.order == "LOV 1631/2013"]
    assert sorted(c.item for c in mine) == [1, 2]
    assert all(c.in_force == dt.date(2016, 7, 1) and c.dated_by == "LBK 1202/2016" for c in mine)
    # LBK 1202/2016 printed it in force, not ahead of its day
    assert not [c for c in timeline(nationalparker, "LBK 1202/2016").ahead if c.order == "LOV 1631/2013"]


def test_the_day_is_said_with_the_lbk_that_gives_it(nationalparker: Corpus) -> None:
    """The items go on to LBK 1619/2015 (outside the corpus, cited by LBK 1202/2016's introduction) with their day."""
    said = [p for p in fate_problems(timeline(nationalparker, "LBK 946/2013")) if p.code == "COMMENCEMENT_FROM_LBK_NOTE"]
    assert len(said) == 1
    assert "LOV 1631/2013 § 9, nr. 1-2" in said[0].message and "LBK 1202/2016" in said[0].message
    assert "2016-07-01" in said[0].message


LAWS = Path(__file__).resolve().parent.parent / "corpus" / "laws"


def test_a_repeal_left_to_the_minister_counts_from_the_day_an_lbk_note_says(tmp_path: Path) -> None:
    """LOV 1390/2012 § 5, nr. 1 repeals LOV 576/2012 § 1, nr. 5, 18 and 20 (changes of lov om fremme af vedvarende
    energi the minister had not yet put in force); LOV 1390/2012 § 6, stk. 2 leaves § 5 to the minister, and LBK
    122/2015 (that law) notes "§ 5 i lov nr. 1390 af 23. december 2012 er sat i kraft den 13. november 2013, jf.
    bekendtgørelse nr. 1270 af 7. november 2013": the items lapse from that day. Before, an undated repeal was left out
    and the items stayed pending for ever."""
    from lovkons.history.repealed_items import repealed_items

    for name in ("LBK-2015-122", "LOV-2012-576", "LOV-2012-1390"):
        shutil.copytree(LAWS / name, tmp_path / name)
    gone = repealed_items(load_corpus(tmp_path, jobs=1), ["LOV 576/2012"])
    assert {k: v for k, v in gone.items() if k[1] == "1"} == {
        ("LOV 576/2012", "1", n): ("LOV 1390/2012 § 5, nr. 1", dt.date(2013, 11, 13)) for n in (5, 18, 20)}


def test_a_whole_paragraf_of_an_amending_act_repealed_takes_its_numbered_changes(tmp_path: Path) -> None:
    """LOV 1255/2012 § 6, nr. 1 (in force 1 January 2013): "§§ 1, 3 og 4 og § 5, stk. 1 og 2, ophæves." in "lov nr. 624
    af 14. juni 2011 om ændring af aktieavancebeskatningsloven, …", whose §§ 1, 3 and 4 are change blocks the minister
    was to put in force (§ 2, dated 15 June 2011 by the act, is not named): their numbered changes never take effect."""
    from lovkons.history.repealed_items import repealed_items

    for name in ("LOV-2011-624", "LOV-2012-1255"):
        (tmp_path / name).mkdir()
        shutil.copy(DATA / f"{name}.xml", tmp_path / name / f"{name}.xml")
    corpus = load_corpus(tmp_path, jobs=1)
    gone = repealed_items(corpus, ["LOV 624/2011"])
    blocks = {b.paragraf: [n for n, _ in b.items] for b in corpus.facts["LOV 624/2011"].blocks}
    assert set(blocks) == {"1", "2", "3", "4"}
    assert sorted(k[1:] for k in gone) == sorted((p, n) for p in ("1", "3", "4") for n in blocks[p])
    assert {v for v in gone.values()} == {("LOV 1255/2012 § 6, nr. 1", dt.date(2013, 1, 1))}
