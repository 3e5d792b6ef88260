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

from lovkons.history.lbk_intro import lbk_refs

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
