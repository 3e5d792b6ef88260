"""The ressort layer's memo (ressort.layer.Memo): renaming several versions of one law searches each
distinct text for names once, and renames exactly as without the memo. Real sentences of LBK 782/2012
(folkekirkens økonomi, Kirkeministeriet renamed by kgl. res. af 3. oktober 2011)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from lovkons.model.document import Document, Kind, Meta, Node
from lovkons.ressort.layer import apply_ressort, memo_for
from lovkons.ressort.register import default_register
from lovkons.ressort.responsible import Evidence

D = dt.date.fromisoformat
SIGNED = [Evidence(D("2010-12-05"), "Kirkeministeriet", "LBK 1/2010, underskrift")]
TEXTS = ("Kirkeministeren kan fastsætte nærmere regler om menighedsrådets afholdelse af udgifter.",
         "Beløbet fastsættes efter kirkeministerens bestemmelse.",
         "Menighedsrådet udarbejder et budget for det kommende regnskabsår.")  # fmt: skip
AMENDED = "Kirkeministeren fastsætter regler om kirkekassens regnskab."


def paragraf(number: int, text: str) -> Node:
    return Node(Kind.PARAGRAF, str(number), children=(Node(Kind.STK, "1", text=text),))


def versions() -> tuple[Document, Document]:
    """The base and a version with its § 3 replaced: § 1 and § 2 are the same objects in both."""
    base = Document(Meta("LBK", 1, 2010, D("2010-01-01"), "Bekendtgørelse af lov om folkekirkens økonomi"),
                    children=tuple(paragraf(i, t) for i, t in enumerate(TEXTS, 1)))
    return base, base.with_(children=(*base.children[:2], paragraf(3, AMENDED)))


def rename(doc: Document, day: str, base: Document) -> tuple[object, ...]:
    r = apply_ressort(doc, D(day), base=base, evidence=SIGNED)
    return r.document, r.changes, r.problems


def test_each_distinct_text_is_searched_once_across_versions_and_days() -> None:
    base, amended = versions()
    for doc, day in ((base, "2011-06-01"), (base, "2012-07-06"), (amended, "2012-07-06"), (amended, "2013-01-01")):
        rename(doc, day, base)
    assert memo_for(default_register(), base, ()).scans == len(TEXTS) + 1  # the three texts and the new § 3


def test_the_memo_renames_as_a_fresh_start_does() -> None:
    base, amended = versions()
    first = [rename(doc, day, base) for doc in (base, amended) for day in ("2011-06-01", "2012-07-06")]
    fresh = [rename(doc, day, replace(base)) for doc in (base, amended) for day in ("2011-06-01", "2012-07-06")]
    assert first == fresh
    renamed = first[3][0]
    assert isinstance(renamed, Document)
    assert [n.text for n in renamed.walk() if n.kind is Kind.STK] == [
        "Ministeren for ligestilling og kirke kan fastsætte nærmere regler om menighedsrådets afholdelse af udgifter.",
        "Beløbet fastsættes efter ministeren for ligestilling og kirkes bestemmelse.",
        "Ministeren for ligestilling og kirke fastsætter regler om kirkekassens regnskab."]  # fmt: skip


def test_a_law_without_any_name_is_returned_as_it_is() -> None:
    base, _ = versions()
    plain = base.with_(children=(paragraf(1, TEXTS[2]),))
    assert apply_ressort(plain, D("2012-07-06"), evidence=SIGNED).document is plain
