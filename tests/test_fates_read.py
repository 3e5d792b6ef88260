"""What ends a main document, read from its own final provisions (history.dating.base_dates): only a
sentence whose subject is the document itself ("Loven ophæves den 31. juli 2021.") is its end; a
sentence repealing another act, or units of one, is not; a change block amends the act it opens with
and repeals none; an LBK's restated repeal clauses are history. Real excerpts in tests/data/fates."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from lovkons.history.corpus import file_hash, load_corpus
from lovkons.history.facts import Facts, scan_file
from lovkons.history.timeline import timeline

DATA = Path(__file__).resolve().parent / "data" / "fates"


def facts_of(name: str) -> Facts:
    return scan_file(DATA, name, file_hash(DATA, name))[0]


def test_a_change_block_amends_the_act_it_opens_with_and_repeals_none() -> None:
    # LOV 155/2013 § 30: "I lov om arbejdsmiljø, jf. lovbekendtgørelse nr. 1072 af 7. september 2010, som
    # ændret ved lov nr. 1538 … og lov nr. 597 …, foretages følgende ændringer: … 5. § 74, stk. 6, ophæves."
    f = facts_of("LOV-2013-155.txt")
    assert f.in_force == "2013-07-01"
    assert f.repeals == ()
    assert f.expires is None


def test_units_of_another_act_repealed_on_a_day_are_not_the_law_s_end() -> None:
    # LOV 324/2012 § 33, stk. 3: "§§ 2-7, 11 og 12 i lov nr. 1594 … ophæves den 1. oktober 2012."
    f = facts_of("LOV-2012-324.txt")
    assert f.in_force == "2012-10-01"
    assert f.expires is None
    assert all(key != "LOV 1594/2010" for key, _ in f.repeals)  # units of it, not the act


def test_an_lbk_s_restated_repeal_clauses_are_history() -> None:
    # LBK 1177/2015 § 49 restates lov om ferie's own repeal of the 1999 law and of some of its own units
    f = facts_of("LBK-2015-1177.txt")
    assert f.kind.startswith("LBK")
    assert f.expires is None
    assert f.repeals == ()


def test_another_act_repealed_on_a_named_day() -> None:
    # LOV 594/2011 § 86, stk. 2: "Lov om skifte af fællesbo m.v., jf. lovbekendtgørelse nr. 725 af 23. oktober
    # 1986, ophæves den 1. marts 2012." — LBK 725/1986 ends that day; LOV 594/2011 does not
    f = facts_of("LOV-2011-594.txt")
    assert f.expires is None
    assert f.repeals == (("LBK 725/1986", "2012-03-01"),)


def test_the_law_s_own_end_is_still_read() -> None:
    # LOV 614/2016 § 21, stk. 2: "Loven ophæves den 31. juli 2021."
    f = facts_of("LOV-2016-614.txt")
    assert (f.in_force, f.expires) == ("2016-08-01", "2021-07-31")
    assert f.repeals == ()


@pytest.fixture
def arbejdsmiljoe(tmp_path: Path) -> Path:
    """LOV 155/2013 with a stand-in for the LBK it amends (only its identity matters here)."""
    shutil.copy(DATA / "LOV-2013-155.txt", tmp_path / "LOV-2013-155.txt")
    (tmp_path / "LBK-2010-1072.txt").write_text(
        "# DocumentType: LBK H#LOKDOK03\n# DokumentKortNavn: LBK nr 1072 af 07/09/2010\n"
        "# DocumentTitle: Bekendtgørelse af lov om arbejdsmiljø\n# DiesSigni: 2010-09-07\n# Number: 1072\n"
        "# Year: 2010\n\nBekendtgørelse af lov om arbejdsmiljø\n\n§ 1. Loven omfatter arbejde for en arbejdsgiver.\n",
        encoding="utf-8")  # fmt: skip
    return tmp_path


def test_the_amended_lbk_goes_on_after_the_amending_law(arbejdsmiljoe: Path) -> None:
    corpus = load_corpus(arbejdsmiljoe)
    tl = timeline(corpus, "LBK 1072/2010")
    assert tl.end is None
    assert tl.status_at(dt.date(2014, 1, 1)).state == "in_force"


def test_a_proviso_keeping_units_leaves_the_repeal_of_the_act() -> None:
    # LOV 463/2008 § 26, stk. 2 (corpus/): "Ved lovens ikrafttræden ophæves økologiloven, jf. lovbekendtgørelse
    # nr. 761 af 29. juni 2006, idet dog § 15 forbliver i kraft." — LBK 761/2006 is repealed
    laws = Path(__file__).resolve().parent.parent / "corpus" / "laws"
    rel = "LOV-2008-463/LOV-2008-463.xml"
    f = scan_file(laws, rel, file_hash(laws, rel))[0]
    assert [key for key, _ in f.repeals] == ["LBK 761/2006"]


def test_the_law_as_subject_and_another_act_repealed_in_one_sentence(tmp_path: Path) -> None:
    """"Loven træder i kraft den 1. januar 1992, og samtidig ophæves fællesmærkeloven, jf. lovbekendtgørelse nr. 250 af
    6. april 1988" (the sentence LBK 103/2012 restates): the law commences, the other act is repealed, the law does not
    end (review15: the clause after ", og" was not read)."""
    (tmp_path / "LOV-1991-1.txt").write_text(
        "# DocumentType: LOV H#LOKDOK01\n# DocumentTitle: Lov om et fællesmærke\n# DiesSigni: 1991-12-01\n"
        "# Number: 1\n# Year: 1991\n\nLov om et fællesmærke\n\n§ 1. Loven gælder for fællesmærket.\n\n"
        "§ 2. Loven træder i kraft den 1. januar 1992, og samtidig ophæves fællesmærkeloven, jf. lovbekendtgørelse "
        "nr. 250 af 6. april 1988.\n", encoding="utf-8")  # fmt: skip
    f = scan_file(tmp_path, "LOV-1991-1.txt", file_hash(tmp_path, "LOV-1991-1.txt"))[0]
    assert (f.in_force, f.expires) == ("1992-01-01", None)
    assert [r[0] for r in f.repeals] == ["LBK 250/1988"]


def test_the_change_blocks_after_the_commencement_do_not_hide_it() -> None:
    # LOV 1095/2012 (lov om CO2-kvoter): § 38 commencement, § 39 repeals LBK 1222/2010, §§ 40-42 amend three other
    # laws, § 43 Færøerne. Before, the last four §§ read were §§ 40-43: no commencement (COMMENCEMENT_UNKNOWN, 27
    # main laws of the corpus) and LBK 1222/2010 stood in force beside it
    f = facts_of("LOV-2012-1095.txt")
    assert f.in_force == "2013-01-01"
    assert f.repeals == (("LBK 1222/2010", "2013-01-01"),)
