""""Overalt i loven bortset fra …": a change everywhere but in the units named (issue 15). Real act: LOV 80/2017
§ 1, nr. 2 and 4, on matrikelloven (LBK 1213/2013, §§ 10, 11, 30 and 49 cut out by tests/data/amend/make_excerpt.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.apply import apply, context_for
from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Address, Document, Level
from lovkons.model.edits import ReplaceText
from lovkons.review.evaluate import paragraf_map

DATA = Path(__file__).parent / "data" / "amend" / "overalt-bortset-2017"
EVERYWHERE = Address(((Level.DOKUMENT, ""),))


def _base() -> Document:
    return read_doc(DATA / "base.xml")


def test_the_units_named_are_left_alone_and_the_rest_is_changed() -> None:
    result = consolidate(_base(), [read_order(DATA / "order.xml")])
    assert not [p for p in result.problems if p.severity == "error"]
    text = {k: v or "" for k, v in paragraf_map(result.document).items()}
    assert text["10"].startswith("§ 10. Matrikelmyndigheden er Geodatastyrelsen.")  # "bortset fra i § 10"
    assert "Matrikelmyndigheden" not in text["11"] and "matrikelmyndigheden" not in text["30"]
    # "bortset fra i § 49, stk. 2, 1. pkt.": the punktum keeps the word
    assert "rekvireret hos matrikelmyndigheden" in text["49"]


def test_an_excepted_punktum_keeps_its_words_and_the_other_punktummer_of_its_stk_change() -> None:
    # § 49, stk. 2 names "Kort- og Matrikelstyrelsen" in its 1. and its 2. pkt.
    op = ReplaceText(EVERYWHERE, "Kort- og Matrikelstyrelsen", "Geodatastyrelsen", "all",
                     exceptions=(Address(((Level.PARAGRAF, "49"), (Level.STK, "2"), (Level.PKT, "1"))),))
    doc, problems = apply(_base(), op, context_for(_base()))
    assert not [p for p in problems if p.severity == "error"]
    stk2 = (paragraf_map(doc)["49"] or "").split("Stk. 2. ", 1)[1]
    first, second = stk2.split(" Parterne ", 1)
    assert "indsendt til Kort- og Matrikelstyrelsen" in first
    assert "indsendt til Geodatastyrelsen inden den 1. oktober 1991" in second


@pytest.mark.parametrize("exception", [Address(((Level.PARAGRAF, "99"),)),
                                       Address(((Level.PARAGRAF, "49"), (Level.STK, "2"), (Level.PKT, "5")))])
def test_an_exception_the_act_does_not_have_is_refused(exception: Address) -> None:
    op = ReplaceText(EVERYWHERE, "Matrikelmyndigheden", "Geodatastyrelsen", "all", exceptions=(exception,))
    doc, problems = apply(_base(), op, context_for(_base()))
    assert [p.code for p in problems if p.severity == "error"] == ["TARGET_NOT_FOUND"]
    assert "bortset fra" in problems[0].message and doc == _base()


def test_an_exception_names_the_unit_by_its_number_before_the_order() -> None:
    # an order's items cite the law as it stood before the order: item 1 makes stk. 3 into stk. 4, so item 2's
    # "bortset fra § 8, stk. 3" is the stk. that is numbered 4 now (a stand-in law; the sentence is the corpus's)
    data = Path(__file__).parent / "data" / "amend" / "overalt-numbers-before"
    result = consolidate(read_doc(data / "base.txt"), [read_order(data / "order.txt")])
    assert not [p for p in result.problems if p.severity == "error"]
    stks = {str(s.label): s.text for p in result.document.children if p.label == "8" for s in p.children}
    assert stks["4"] == "Staten kan ophæve A-ordningen."
    assert all("B-ordningen" in stks[k] for k in ("1", "2", "3"))
