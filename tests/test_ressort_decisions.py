"""The ressort layer's decisions (ressort.layer.decisions): what each name written in a text becomes on a
day. The renamed text is a function of the text and of these decisions, so a rebuild compares the
decisions of two days before renaming the text again (history.pointintime.versions). Real sentences of
LBK 782/2012 (folkekirkens økonomi, Kirkeministeriet renamed by kgl. res. af 3. oktober 2011)."""

from __future__ import annotations

import datetime as dt
import itertools

from lovkons.model.document import Document, Kind, Meta, Node
from lovkons.ressort.layer import apply_ressort, decisions
from lovkons.ressort.register import default_register

D = dt.date.fromisoformat
TEXTS = ("Kirkeministeren kan fastsætte nærmere regler om menighedsrådets afholdelse af udgifter.",
         "Beløbet fastsættes efter kirkeministerens bestemmelse.",
         "Menighedsrådet udarbejder et budget for det kommende regnskabsår.")  # fmt: skip


def law() -> Document:
    return Document(Meta("LBK", 1, 2010, D("2010-01-01"), "Bekendtgørelse af lov om folkekirkens økonomi"),
                    children=tuple(Node(Kind.PARAGRAF, str(i), children=(Node(Kind.STK, "1", text=t),))
                                   for i, t in enumerate(TEXTS, 1)))  # fmt: skip


def texts(doc: Document) -> list[str]:
    return [n.text for n in doc.walk() if n.kind is Kind.STK]


def test_a_change_of_the_register_that_renames_a_name_in_the_text_changes_the_decisions() -> None:
    doc = law()
    before, after = D("2011-06-01"), D("2012-07-06")
    assert decisions(doc, before) != decisions(doc, after)
    assert texts(apply_ressort(doc, before).document) != texts(apply_ressort(doc, after).document)
    assert texts(apply_ressort(doc, after).document)[0].startswith("Ministeren for ligestilling og kirke kan")


def test_days_with_the_same_decisions_give_the_same_text() -> None:
    doc = law()
    days = [D("2010-06-01")] + [c.date for c in default_register().changes if D("2010-06-01") < c.date < D("2017-01-01")]
    decided = {day: decisions(doc, day) for day in days}
    renamed = {day: apply_ressort(doc, day).document for day in days}
    pairs = [(a, b) for a, b in itertools.combinations(days, 2) if decided[a] == decided[b]]
    assert pairs  # most resolutions move other ministries' areas: the decisions on this law's names stay
    assert all(renamed[a] == renamed[b] for a, b in pairs)


def test_a_text_without_names_has_no_decisions() -> None:
    plain = law().with_(children=(Node(Kind.PARAGRAF, "1", children=(Node(Kind.STK, "1", text=TEXTS[2]),)),))
    assert decisions(plain, D("2012-07-06")) == ()
