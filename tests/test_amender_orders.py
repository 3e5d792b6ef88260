"""Amender unit tests on whole amending orders: pre-order labels, rykningsklausuler checked as
assertions, refusal sources, part selection ("§ 1, nr. 1-4") and label renumbering."""

from __future__ import annotations

from lovkons.amender.consolidate import consolidate
from lovkons.amender.renumber import renumber
from lovkons.model.document import Kind, Meta
from lovkons.model.edits import (
    AmendingDocument,
    ChangeBlock,
    DocRef,
    Insert,
    Item,
    Renumber,
    Repeal,
    ReplaceText,
)
from lovkons.parsers.parts import parse_part
from tests.amender_trees import A, at, doc, nr, order, stk

# ----------------------------------------------------------------------------- orders and renumbering


def test_later_items_cite_pre_order_labels_and_renumber_is_checked() -> None:
    items = (
        Item(1, "I § 3 indsættes efter stk. 1 som nyt stykke", (
            Insert(A("§ 3, stk. 1"), (stk("2", "Indsat."),)),
            Renumber(A("§ 3, stk. 2"), "3"), Renumber(A("§ 3, stk. 3"), "4"))),
        Item(2, "I § 3, stk. 2, der bliver stk. 3, ændres", (ReplaceText(A("§ 3, stk. 2"), "Andet", "Det andet"),)),
    )  # fmt: skip
    result = consolidate(doc(), [order(*items)])
    assert [p.code for p in result.problems] == []
    assert [(s.label, s.text) for s in at(result.document, "§ 3").children] == [
        ("1", "Første stk. om kommunen."), ("2", "Indsat."), ("3", "Det andet stk."), ("4", "Tredje stk.")]  # fmt: skip


def test_rykningsklausul_that_does_not_hold_is_an_error() -> None:
    # the act says what the unit becomes; where the labels disagree the provision is not what the act
    # makes it (every such provision of the development cases differed from the LBK): never silent
    items = (Item(1, "", (Repeal(A("§ 3, stk. 2")), Renumber(A("§ 3, stk. 3"), "4"))),)
    result = consolidate(doc(), [order(*items)])
    assert [(p.code, p.severity, p.address) for p in result.problems] == [
        ("RENUMBER_MISMATCH", "error", "§ 3, stk. 3")]  # fmt: skip


def test_refusal_source_and_base_not_cited() -> None:
    result = consolidate(doc(), [order(Item(7, "", (Repeal(A("§ 99")),)))])
    assert [(p.code, p.source) for p in result.problems] == [("TARGET_NOT_FOUND", "BEK 9/2020 § 1, nr. 7")]
    other = AmendingDocument(Meta("BEK Æ", 5, 2020), (ChangeBlock("1", DocRef("BEK", 77, None), "I …"),))
    assert [p.code for p in consolidate(doc(), [other]).problems] == ["BASE_NOT_CITED"]


def test_parts() -> None:
    assert parse_part("§ 7").items is None
    p = parse_part("§ 1, nr. 1-4, 6, 24 delvis, 25 og 34-36,")
    assert sorted(p.items or ()) == [1, 2, 3, 4, 6, 24, 25, 34, 35, 36] and p.partly == {24}


def test_renumber_keeps_lettered_labels() -> None:
    kids = (nr("1", "a"), nr("3", "b"), nr("3 a", "c"), nr("4", "d"))
    assert [n.label for n in renumber(kids, Kind.NR, 1)] == ["1", "2", "2 a", "3"]
