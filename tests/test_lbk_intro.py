"""An LBK's introduction names the document it restates, then the acts whose changes it incorporates
("Herved bekendtgøres <loven>, jf. lovbekendtgørelse nr. X, med de ændringer, der følger af …"); the
paragraphs after it (changes left out) never name it. Read wrongly, an LBK 'restated' the last amending act
it named: that act counted as superseded, its later items lapsed (LOV 742/2015, LOV 624/2016: 18 groups in
the corpus) and amendments of it were carried onto the law (LOV 1255/2012 § 6 'repealed' §§ 1, 3 and 4 of
aktieavancebeskatningsloven, which LBK 1298/2013 prints in force). Real introductions: tests/data/lbk_intros.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from lovkons.amender.citing import base_refs
from lovkons.history.lbk_keys import lbk_refs
from lovkons.model.document import Document, Meta

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).resolve().parent / "data" / "lbk_intros.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["lbk"] for c in CASES])
def test_the_restated_document_is_the_one_the_sentence_names(case: dict[str, Any]) -> None:
    restates, incorporates = lbk_refs(case["preamble"])
    assert restates == (case["restates"],)
    if case["first_incorporated"] is None:
        assert incorporates == ()
    else:
        assert incorporates[0] == case["first_incorporated"]
        assert case["restates"] not in incorporates


def test_an_introduction_without_the_word_restates_nothing() -> None:
    assert lbk_refs("Lov nr. 1 af 2. januar 2010 om noget") == ((), ())


def test_an_act_the_introduction_says_is_not_incorporated_is_not() -> None:
    """LBK 796/2011: "De ændringer, som følger af § 1 i lov nr. 624 af 14. juni 2011, er ikke indarbejdet i denne
    lovbekendtgørelse" — LOV 624/2011 is not among the acts it incorporates (its changes apply to its text later)."""
    case = next(c for c in CASES if c["lbk"] == "LBK 796/2011")
    _, incorporates = lbk_refs(case["preamble"])
    assert "LOV 624/2011" not in incorporates and incorporates == ("LOV 724/2010", "LOV 1561/2010", "LOV 254/2011")


@pytest.mark.parametrize("case", CASES, ids=[c["lbk"] for c in CASES])
def test_the_amender_takes_the_same_document_for_the_base(case: dict[str, Any]) -> None:
    """amender.citing.base_refs: a change block cites an LBK when it cites the LBK itself or the document its
    introduction restates — never an act the introduction lists ("…, som ændret ved § 91 i lov nr. 1715 af 27.
    december 2016", LBK 126/2017; "… er ikke indarbejdet", LBK 73/2014), and the restated LBK cited loosely too
    ("lovbekendtgørelse 1172 af 16. december 1992", LBK 1696/2015; "nr. 680 20. maj 2015", LBK 1164/2016)."""
    kind, number_year = case["lbk"].split()
    number, year = (int(x) for x in number_year.split("/"))
    lbk = Document(Meta(kind, number, year, None, None), case["preamble"])
    restated = case["restates"].split()[1]
    assert [f"{n}/{y}" for n, y, _ in base_refs(lbk)] == [number_year, restated]


# Acts an introduction cites loosely, each a real slip of the corpus: read as the act it names, in its place.
LOOSE_ACTS = [
    # no "nr.": "§ 4 i lov 789 af 28. juni 2013" (LBK 760/2016, momsloven)
    ("LBK 760/2016", "Herved bekendtgøres lov om merværdiafgift (momsloven), jf. lovbekendtgørelse nr. 106 af 23. januar"
     " 2013, med de ændringer, der følger af § 4 i lov 789 af 28. juni 2013, § 7 i lov nr. 903 af 4. juli 2013 og § 2 i"
     " lov nr. 322 af 5. april 2016.", ("LOV 789/2013", "LOV 903/2013", "LOV 322/2016")),
    # no "af": "§ 23 i lov nr. 639 12. juni 2013" (LBK 613/2015)
    ("LBK 613/2015", "Herved bekendtgøres lov om betalingstjenester og elektroniske penge, jf. lovbekendtgørelse nr. 365"
     " af 26. april 2011 med de ændringer, der følger af § 4 i lov nr. 378 af 17. april 2013, § 23 i lov nr. 639 12."
     " juni 2013, § 2 i lov nr. 1460 af 17. december 2013.", ("LOV 378/2013", "LOV 639/2013", "LOV 1460/2013")),
    # an "af" too many: "§ 1 i lov nr. 378 af 28. april af 2012" (LBK 521/2013, folkeskoleloven)
    ("LBK 521/2013", "Herved bekendtgøres lov om folkeskolen, jf. lovbekendtgørelse nr. 998 af 16. august 2010, med de"
     " ændringer, der følger af § 2 i lov nr. 1569 af 21. december 2010, § 1 i lov nr. 378 af 28. april af 2012, § 1 i"
     " lov nr. 379 af 28. april 2012.", ("LOV 1569/2010", "LOV 378/2012", "LOV 379/2012")),
    # a space before the day's full stop: "§ 27 i lov nr. 1715 af 27 . december 2016" (LBK 124/2017, råstofloven)
    ("LBK 124/2017", "Herved bekendtgøres lov om råstoffer, jf. lovbekendtgørelse nr. 1218 af 28. september 2016, med de"
     " ændringer, der følger af § 27 i lov nr. 1715 af 27 . december 2016 og § 3 i lov nr. 1730 af 27. december 2016.",
     ("LOV 1715/2016", "LOV 1730/2016")),
]


@pytest.mark.parametrize(("lbk", "preamble", "acts"), LOOSE_ACTS, ids=[c[0] for c in LOOSE_ACTS])
def test_an_act_cited_loosely_is_incorporated(lbk: str, preamble: str, acts: tuple[str, ...]) -> None:
    """A timeline hands an act's later items on to the LBK's text only when the LBK names the act: missed, the
    items of LOV 789/2013, 639/2013 and 378/2012 counted as not in the text of the LBKs that print them, and LOV
    1715/2016 § 27 was applied a second time to LBK 124/2017, which prints it (refused: its words were gone)."""
    assert lbk_refs(preamble)[1] == acts


def test_a_loose_citation_with_a_misspelt_month_is_not_guessed() -> None:
    """LBK 221/2017: "§ 3 i lov nr. 1548 af 13. decemer 2016" — no date can be read, so no act is named."""
    preamble = ("Herved bekendtgøres lov om noget, jf. lovbekendtgørelse nr. 1 af 2. januar 2015, med de ændringer, der"
                " følger af § 3 i lov nr. 1548 af 13. decemer 2016.")
    assert lbk_refs(preamble)[1] == ()


def test_the_notes_after_the_sentence_name_only_acts_printed_ahead() -> None:
    """The acts incorporated are those of the "bekendtgøres" sentence and of a note on the text printed ahead of its
    day ("Den bekendtgjorte lovtekst vedrørende … træder i kraft den 1. juli 2013, jf. … i lov nr. 485", LBK
    539/2013); a note on changes left out names none (LBK 312/2011: LOV 1564/2010, whose changes take effect on 1
    July 2011 or when the minister decides, was counted as in the text and never applied to it)."""
    lbk_539 = ("Herved bekendtgøres lov om specialpædagogisk støtte ved videregående uddannelser, jf. lovbekendtgørelse nr."
               " 210 af 1. marts 2007, med de ændringer, der følger af § 3 i lov nr. 274 af 19. marts 2013.\nDen "
               "bekendtgjorte lovtekst vedrørende § 3, stk. 2, nr. 3, § 4, stk. 1, nr. 3-5, og § 12, stk. 1, træder i "
               "kraft den 1. juli 2013, jf. § 4, stk. 1, i lov nr. 485 af 17. maj 2013 om ændring af SU-loven.")
    assert lbk_refs(lbk_539)[1] == ("LOV 274/2013", "LOV 485/2013")
    lbk_312 = ("Herved bekendtgøres lov om afgift af naturgas og bygas, jf. lovbekendtgørelse nr. 298 af 3. april 2006, "
               "med de ændringer, der følger af § 2 i lov nr. 1384 af 21. december 2009 og § 2, nr. 1, i lov nr. 722 af"
               " 25. juni 2010.\nDe ændringer, der følger af § 2, nr. 1-3, 5, 8-11, 14 og 15 i lov nr. 1564 af 21. "
               "december 2010, træder i kraft den 1. juli 2011, jf. § 9, stk. 1, i lov nr. 1564 af 21. december 2010. "
               "Disse ændringer er derfor ikke indarbejdet i lovteksten nedenfor.")
    assert lbk_refs(lbk_312)[1] == ("LOV 1384/2009", "LOV 722/2010")
