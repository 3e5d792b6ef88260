"""The pure detectors of bench/case_slips.py (issue 15) over real strings of the corpus cases (cases.json)."""
from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


def _load() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "bench" / "case_slips.py"
    spec = importlib.util.spec_from_file_location("case_slips", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["case_slips"] = module
    spec.loader.exec_module(module)
    return module


slips = _load()

# (intro's last words, cut?) — cases.json keeps the first 600 characters of each LBK's intro
INTROS = [
    ("… 3, i lov nr. 1604 af 22. december 2010, og lov nr. 758 af 29. juni 2011.", False),
    ("… og 18. december 2012 (Forenkling af reglerne m.v.).", False),  # ends after a bracket
    ("… indførelse af leveringspligt, udskydelse af engrosmodellen. § 1 i lov n", True),  # L-LBK-2016-418
    ("… i lov nr. 1511 af 27. december 2009 om ændring af udlænd", True),  # L-LBK-2011-947
    ("… ret ved § 2 i lov nr. 479 af 23. maj 2011, er ikke", True),  # L-LBK-2012-1055
    ("", False),
]


@pytest.mark.parametrize(("intro", "cut"), INTROS)
def test_intro_cut(intro: str, cut: bool) -> None:
    assert slips.intro_cut(intro) is cut


# (part, cut?) — a trailing comma alone is the intro's syntax ("§ 2, nr. 2, i lov nr. 576 af 18. juni 2012")
PARTS = [
    ("§ 2, nr. 2,", False),  # L-LBK-2016-418
    ("§ 1, nr. 1, 7-16, 18, 20-25, 27-43, 45-49, 51 og 52,", False),
    ("§ 3", False),
    ("", False),
    ("§ 1, nr.", True),
    ("§ 1, nr. 1-13 og", True),
    ("§ 2, nr. 4-", True),
]


@pytest.mark.parametrize(("part", "cut"), PARTS)
def test_part_cut(part: str, cut: bool) -> None:
    assert slips.part_cut(part) is cut


def test_incorporated_citations_stop_at_a_run_in_footnote() -> None:
    # LBK 418/2016's intro: the list of incorporated acts runs into a footnote about LOV 633/2014 § 1
    intro = ("Herved bekendtgøres lov om elforsyning, jf. lovbekendtgørelse nr. 1329 af 25. november 2013, med de "
             "ændringer, der følger af § 2, nr. 2, i lov nr. 576 af 18. juni 2012, § 3 i lov nr. 345 af 8. april "
             "2014, § 1, nr. 1, 7-16, i lov nr. 633 af 16. juni 2014 § 1 i lov nr. 633 af 16. juni 2014 indeholder "
             "bestemmelser om ophævelse af forsyningspligten. § 3 i lov nr. 577 af 4. maj 2015 indeholder "
             "bestemmelser, der enten ophæver eller udskyder ikrafttrædelsen.")
    assert list(slips.incorporated_citations(intro)) == [
        (576, dt.date(2012, 6, 18)), (345, dt.date(2014, 4, 8)), (633, dt.date(2014, 6, 16))]


def test_pending_citations_are_the_acts_named_not_incorporated() -> None:
    # LBK 947/2011's intro
    intro = ("Herved bekendtgøres udlændingeloven, jf. lovbekendtgørelse nr. 1061 af 18. august 2010 med de "
             "ændringer, der følger af lov nr. 758 af 29. juni 2011. De ændringer, der følger af § 3, nr. 2, 3, 22 "
             "og 24-26, i lov nr. 1511 af 27. december 2009 om ændring af udlændingeloven, er ikke indarbejdet i "
             "denne lovbekendtgørelse.")
    assert list(slips.pending_citations(intro)) == [(1511, dt.date(2009, 12, 27))]
    assert list(slips.incorporated_citations(intro)) == [(758, dt.date(2011, 6, 29))]


def test_word_runs_leave_ministry_names_out() -> None:
    runs = slips.words("Stk. 7. Ansøgning om opholdstilladelse efter stk. 1 kan kun indgives her i landet")
    assert "ansøgning om opholdstilladelse efter stk 1" in runs
    # a run naming the ministry goes, the runs after it stay
    runs = slips.words("energi-, forsynings- og klimaministeren fastsætter nærmere regler om dette her")
    assert runs == {"fastsætter nærmere regler om dette her"}
