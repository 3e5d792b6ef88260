"""Whose authority a law's consolidation renames: the authorities of the law's own ministry, and those of
a ministry a resolution moved part of the law away from by naming the law (the authority goes with the
part moved). Another ministry's authority stays as the law wrote it.

Each case: a real sentence, the law's title, who signed it, the day, and the sentence as the official LBK
prints it. A legal reader can add a case without writing Python.
"""

from __future__ import annotations

import datetime as dt

import pytest

from lovkons.model.document import Document, Kind, Meta, Node
from lovkons.ressort.layer import apply_ressort
from lovkons.ressort.responsible import Evidence

D = dt.date.fromisoformat
RADIO = "Bekendtgørelse af lov om radio- og fjernsynsvirksomhed"

# (id, law title, signed (day, ministry), the day, the sentence as enacted, as the LBK prints it)
CASES = [
    ("the authority of the ministry a transfer naming the law moved (LBK 1188/2013 § 9)", RADIO,
     ("2011-10-06", "Kulturministeriet"), "2013-09-23",
     "Klager over IT- og Telestyrelsens afgørelser truffet i medfør af denne lovs § 8 kan indbringes for "
     "Teleklagenævnet.",
     "Klager over Erhvervsstyrelsens afgørelser truffet i medfør af denne lovs § 8 kan indbringes for "
     "Teleklagenævnet."),
    ("the same, in the nominative (LBK 1188/2013 § 92)", RADIO, ("2011-10-06", "Kulturministeriet"), "2013-09-23",
     "Anvendelse af radiofrekvenser med henblik på udøvelse af programvirksomhed forudsætter tilladelse udstedt af "
     "IT- og Telestyrelsen i henhold til lov om radiofrekvenser.",
     "Anvendelse af radiofrekvenser med henblik på udøvelse af programvirksomhed forudsætter tilladelse udstedt af "
     "Erhvervsstyrelsen i henhold til lov om radiofrekvenser."),
    ("another ministry's authority stays (LBK 680/2015 § 4, stk. 4, 3. pkt. shortened)",
     "Bekendtgørelse af lov om indkomstbeskatning af aktieselskaber m.v.", ("2013-01-01", "Skatteministeriet"),
     "2015-05-20",
     "Det er en betingelse for, at overdragelsen kan tillægges skattemæssigt tilbagevirkende kraft, at stiftelsen "
     "finder sted senest 6 måneder efter den valgte skæringsdato, samt dokumentation for, at selskabet er anmeldt til "
     "registrering i Erhvervs- og Selskabsstyrelsen, jf. dog stk. 6.",
     "Det er en betingelse for, at overdragelsen kan tillægges skattemæssigt tilbagevirkende kraft, at stiftelsen "
     "finder sted senest 6 måneder efter den valgte skæringsdato, samt dokumentation for, at selskabet er anmeldt til "
     "registrering i Erhvervs- og Selskabsstyrelsen, jf. dog stk. 6."),
]  # fmt: skip


@pytest.mark.parametrize(("title", "signed", "day", "enacted", "printed"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_whose_authority_is_renamed(title: str, signed: tuple[str, str], day: str, enacted: str,
                                    printed: str) -> None:
    paragraf = Node(Kind.PARAGRAF, "1", children=(Node(Kind.STK, "1", text=enacted),))
    doc = Document(Meta("LBK", 1, 2010, D("2010-01-01"), title), children=(paragraf,))
    r = apply_ressort(doc, D(day), evidence=[Evidence(D(signed[0]), signed[1], "signed")])
    assert [n.text for n in r.document.walk() if n.kind is Kind.STK] == [printed]
