"""The minister sets a part in force, said in the passive: "Tidspunktet for ikrafttrædelsen af lovens § 1, nr. 1 og 2,
fastsættes af social- og integrationsministeren." (LOV 495/2013 § 3, stk. 2; LBK 1093/2013: "Den ændring, der følger
af § 1, nr. 1 og 2, i lov nr. 495 …, er ikke indarbejdet …, da tidspunktet for ikrafttrædelsen af denne ændring
fastsættes af …"; LOV 722/2014 § 11 then repeals nr. 1). Read like the active "X fastsætter tidspunktet for …"; the
texts are those of the 5 acts of the corpus that say it so."""

from __future__ import annotations

import datetime as dt

import pytest

from lovkons.parsers.instructions.commencement import read_trailing

CASES = [  # (the stk. texts of the act's commencement §, the part the minister sets in force)
    (["Loven træder i kraft den 1. juli 2013, jf. dog stk. 2.",
      "Tidspunktet for ikrafttrædelsen af lovens § 1, nr. 1 og 2, fastsættes af social- og integrationsministeren."],
     "§ 1, nr. 1 og 2"),  # LOV 495/2013 § 3
    (["Tidspunktet for ikrafttrædelsen af § 1, nr. 9, fastsættes af miljøministeren, dog senest den 1. april 2015."],
     "§ 1, nr. 9"),  # LOV 358/2013
    (["Tidspunktet for ikrafttræden af udlændingelovens § 9 f, stk. 4, som affattet ved denne lovs § 1, nr. 6, fastsættes"
      " af ministeren for flygtninge, indvandrere og integration."],
     "udlændingelovens § 9 f, stk. 4, som affattet ved denne lovs § 1, nr. 6"),  # LOV 572/2010
]


@pytest.mark.parametrize(("stykker", "part"), CASES, ids=["LOV 495/2013", "LOV 358/2013", "LOV 572/2010"])
def test_the_part_has_no_day_and_it_is_said(stykker: list[str], part: str) -> None:
    res = read_trailing(stykker, published=dt.date(2013, 5, 22))
    assert [(c.date, c.applies_to) for c in res.commencement if c.applies_to != "all"] == [(None, part)]
    assert [p.code for p in res.problems] == ["COMMENCEMENT_UNDETERMINED"]
