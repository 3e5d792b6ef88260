"""The pure detectors of bench/case_slips.py and bench/case_intros.py (issue 15) over real strings of the corpus cases (cases.json)."""
from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


def _load(name: str) -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


intros = _load("case_intros")  # the LBK intro as the product reads it (bench/case_slips.py imports it)
slips = _load("case_slips")

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


def test_incorporated_citations_of_the_first_sentence() -> None:
    # LBK 947/2011's intro
    intro = ("Herved bekendtgøres udlændingeloven, jf. lovbekendtgørelse nr. 1061 af 18. august 2010 med de "
             "ændringer, der følger af lov nr. 758 af 29. juni 2011. De ændringer, der følger af § 3, nr. 2, 3, 22 "
             "og 24-26, i lov nr. 1511 af 27. december 2009 om ændring af udlændingeloven, er ikke indarbejdet i "
             "denne lovbekendtgørelse.")
    assert list(slips.incorporated_citations(intro)) == [(758, dt.date(2011, 6, 29))]


# the sentences of LBK 895/2015 and LBK 434/2016 (lov om forurenet jord) on the changes they withhold
LBK_895 = ("De ændringer, der følger af § 1, nr. 19-22, i lov nr. 490 af 21. maj 2013 om ændring af lov om forurenet "
           "jord (Offentlig indsats over for jordforurening, der kan have skadelig virkning på vand eller natur, og "
           "nedlæggelse af Depotrådet m.v.), som vedrører lovens § 18 og § 19, er ikke indarbejdet i denne "
           "lovbekendtgørelse, da ændringerne ikke er trådt i kraft.\n"
           "De ændringer, der følger af § 12, nr. 1, 3, 4 og 6, og § 13 i lov nr. 1631 af 26. december 2013 om ændring "
           "af lov om vandforsyning m.v., lov om vurdering og styring af oversvømmelsesrisikoen fra vandløb og søer og "
           "forskellige andre love (Konsekvensændringer som følge af lov om vandplanlægning), som vedrører lovens § 18 "
           "og § 19, er ikke indarbejdet i denne lovbekendtgørelse, da ændringerne ikke er trådt i kraft.")
LBK_434 = ("De ændringer, der følger af § 12, nr. 3 og 6, i lov nr. 1631 af 26. december 2013 om ændring af lov om "
           "vandforsyning m.v., lov om vurdering og styring af oversvømmelsesrisikoen fra vandløb og søer og "
           "forskellige andre love (Konsekvensændringer som følge af lov om vandplanlægning), er ikke indarbejdet i "
           "denne lovbekendtgørelse, da tidspunktet for ikrafttræden af disse ændringer fastsættes af Miljø- og "
           "fødevareministeren, jf. § 17, stk. 2, i lov nr. 1631 af 26. december 2013.\n"
           "De ændringer, der følger af § 1, nr. 19-22, i lov nr. 490 af 21. maj 2013 om ændring af lov om forurenet "
           "jord (Offentlig indsats over for jordforurening, der kan have skadelig virkning på vand eller natur, og "
           "nedlæggelse af Depotrådet m.v.), er ikke indarbejdet i denne lovbekendtgørelse, da ændringerne "
           "efterfølgende er ophævet, jf. § 13 i lov nr. 1631 af 26. december 2013.")
# LBK 1061/2010 and LBK 947/2011 withhold the same change of LOV 572/2010
LBK_1061 = ("De ændringer, der følger af § 1, nr. 6, i lov nr. 572 af 31. maj 2010 om ændring af udlændingeloven, er "
            "ikke indarbejdet i denne lovbekendtgørelse, da tidspunktet for ikrafttræden fastsættes af ministeren for "
            "flygtninge, indvandrere og integration, jf. § 2, stk. 2, i lov nr. 572 af 31. maj 2010.")
LBK_947 = ("De ændringer, der vedrører § 9 f, stk. 4, og som følger af § 1, nr. 6, i lov nr. 572 af 31. maj 2010 om "
           "ændring af udlændingeloven, er ikke indarbejdet i denne lovbekendtgørelse, da tidspunktet for ikrafttræden "
           "fastsættes af ministeren for flygtninge, indvandrere og integration, jf. § 2, stk. 2, i lov nr. 572 af 31. "
           "maj 2010.")


def test_changes_withheld_at_the_base_that_came_in_since() -> None:
    assert intros.withheld(LBK_434)["love/2013/2013-1631.xml"] == {("12", 3), ("12", 6)}
    # LOV 1631/2013 § 12, nr. 1 and 4, and § 13 came in; LOV 490/2013's nr. 19-22 were repealed
    assert intros.released(LBK_895, LBK_434) == ["love/2013/2013-1631.xml"]
    assert intros.released(LBK_1061, LBK_947) == []
    assert intros.released(LBK_1061, "") == ["love/2010/2010-572.xml"]


def test_word_runs_leave_ministry_names_out() -> None:
    runs = slips.words("Stk. 7. Ansøgning om opholdstilladelse efter stk. 1 kan kun indgives her i landet")
    assert "ansøgning om opholdstilladelse efter stk 1" in runs
    # a run naming the ministry goes, the runs after it stay
    runs = slips.words("energi-, forsynings- og klimaministeren fastsætter nærmere regler om dette her")
    assert runs == {"fastsætter nærmere regler om dette her"}


# LBK 418/2016's intro as the product reads it (its <Indledning> without the <Nota> that cut cases.json's copy
# short): its sentence that says "bekendtgøres", and the next one
LBK_418 = ("Herved bekendtgøres lov om elforsyning, jf. lovbekendtgørelse nr. 1329 af 25. november 2013, med de "
           "ændringer, der følger af § 2, nr. 2, i lov nr. 576 af 18. juni 2012, § 3 i lov nr. 345 af 8. april "
           "2014, § 1, nr. 1, 7-16, 18, 20-25, 27-43, 45-49, 51 og 52, i lov nr. 633 af 16. juni 2014, § 1, nr. "
           "1-11, i lov nr. 1498 af 23. december 2014, § 17 i lov nr. 574 af 4. maj 2015, § 1, nr. 1-6 og 8-19, i "
           "lov nr. 577 af 4. maj 2015, § 3, nr. 1-9 og 11-21, i lov nr. 744 af 1. juni 2015, § 1 i lov nr. 1283 af "
           "24. november 2015 og § 7 i lov nr. 132 af 16. februar 2016.\n"
           "Den ændring, der vedrører § 84 b, stk. 2, og som følger af § 1, nr. 30, i lov nr. 466 af 18. maj 2011 "
           "om ændring af lov om elforsyning, lov om naturgasforsyning, lov om varmeforsyning, lov om Energinet.dk "
           "og lov om fremme af vedvarende energi (Gennemførelse af el- og gasdirektiverne m.v.) er ikke indarbejdet "
           "i denne lovbekendtgørelse. Dette skyldes, at tidspunktet for ikrafttræden af denne ændring fastsættes af "
           "energi-, forsynings- og klimaministeren, jf. lovens § 7, stk. 2.")
# LBK 1036/2013's intro: its second sentence cites an act the first does not incorporate
LBK_1036 = ("Hermed bekendtgøres lov om luftfart, jf. lovbekendtgørelse nr. 959 af 12. september 2011, med de "
            "ændringer, der følger af lov nr. 654 af 12. juni 2013 og lov nr. 655 af 12. juni 2013.\n"
            "Den bekendtgjorte lovtekst vedrørende § 148 a, træder i kraft på det tidspunkt transportministeren "
            "fastsætter efter forhandling med justitsministeren, jf. § 9, stk. 4, i lov nr. 542 af 8. juni 2006 om "
            "ændring af straffeloven, retsplejeloven og forskellige andre love (Styrkelse af indsatsen for at "
            "bekæmpe terrorisme m.v.).")
# LBK 1055/2012's sentence that says "bekendtgøres"
LBK_1055 = ("Herved bekendtgøres færdselsloven, jf. lovbekendtgørelse nr. 1047 af 24. oktober 2011, med de ændringer, "
            "der følger af lov nr. 1551 af 21. december 2010, § 1, nr. 1-9 og 11-49, i lov nr. 479 af 23. maj 2011, § 4 "
            "i lov nr. 158 af 28. februar 2012, lov nr. 165 af 28. februar 2012, § 1, nr. 1-8, 10, 11 og nr. 13 "
            "vedrørende § 132 b og § 132 c i lov nr. 565 af 18. juni 2012 og lov nr. 570 af 18. juni 2012.")


def test_the_acts_incorporated_are_those_of_the_sentence_that_says_bekendtgoeres() -> None:
    assert intros.incorporated(intros.incorporating_sentence(LBK_418)) == [
        "love/2012/2012-576.xml", "love/2014/2014-345.xml", "love/2014/2014-633.xml", "love/2014/2014-1498.xml",
        "love/2015/2015-574.xml", "love/2015/2015-577.xml", "love/2015/2015-744.xml", "love/2015/2015-1283.xml",
        "love/2016/2016-132.xml"]
    # not LOV 542/2006, by which LBK 1036/2013's § 148 a comes into force
    assert intros.incorporated(intros.incorporating_sentence(LBK_1036)) == [
        "love/2013/2013-654.xml", "love/2013/2013-655.xml"]


def test_the_part_the_intro_names_of_each_act() -> None:
    assert intros.intro_parts(LBK_1055) == {
        "love/2010/2010-1551.xml": None, "love/2011/2011-479.xml": frozenset({"1"}),
        "love/2012/2012-158.xml": frozenset({"4"}), "love/2012/2012-165.xml": None,
        "love/2012/2012-565.xml": frozenset({"1"}), "love/2012/2012-570.xml": None}
    assert intros.intro_parts(intros.incorporating_sentence(LBK_418))["love/2015/2015-577.xml"] == frozenset({"1"})


def test_a_part_naming_another_paragraf_than_the_lbk() -> None:
    # L-LBK-2012-1055: cases.json's part of LOV 565/2012 (its change blocks are §§ 1-5)
    why = intros.part_other("§ 132 c", frozenset({"1"}), frozenset({"1", "2", "3", "4", "5"}))
    assert why and "no change block § 132 c" in why and "names § 1 of the act" in why
    # L-LBK-2016-418: LOV 577/2015 § 3 is a change block (of LOV 633/2014), not the § 1 the LBK incorporates
    why = intros.part_other("§ 3", frozenset({"1"}), frozenset({"1", "2", "3"}))
    assert why and "no change block" not in why and "not § 3" in why
    # the part the intro names; a whole act; a part of an act the intro names whole
    assert intros.part_other("§ 1, nr. 1-9 og 11-49,", frozenset({"1"}), frozenset({"1", "2"})) is None
    assert intros.part_other("", frozenset({"1"}), None) is None
    assert intros.part_other("§ 2", None, frozenset({"1", "2"})) is None
