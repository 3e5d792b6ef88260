"""The LBK's own edit of words no instruction touched, inside a unit an instruction addressed
(review.untouched): a three-way comparison of the base's, our and the LBK's text of one unit, with the
operations of the case as guards.

Every row of tests/data/untouched/units.json is a real unit (base, ours, LBK) of a development case with
the real operations that bear on it: `kept` is "" when the difference is the LBK's own edit (the §
moves to "uninstructed"), else the guard that keeps it as possibly ours. A lawyer can extend the table
with another unit and its operations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.model.document import Document, Kind, Meta, Node, parse_address
from lovkons.model.edits import (
    AmendingDocument,
    ChangeBlock,
    DeleteText,
    DocRef,
    InsertText,
    Item,
    Operation,
    RepealAndInsert,
    ReplaceText,
)
from lovkons.renderers.eval_out import score_json
from lovkons.review.evaluate import score
from lovkons.review.untouched import case_texts, kept, tokens

ROWS: list[dict[str, Any]] = json.loads((Path(__file__).parent / "data" / "untouched" / "units.json").read_text("utf-8"))


def operation(kind: str, target: str, old: str, new: str) -> Operation:
    at = parse_address(target)
    if kind == "replace_text":
        return ReplaceText(at, old, new)
    if kind == "insert_text":
        return InsertText(at, old, new)
    if kind == "delete_text":
        return DeleteText(at, old)
    assert kind == "repeal_and_insert"  # `old`: the second member of its group
    return RepealAndInsert(at, (Node(Kind.TEKST, text=new),), group=(at, parse_address(old)))


def orders(ops: list[list[str]], text: str = "") -> list[AmendingDocument]:
    item = Item(1, text, tuple(operation(*op) for op in ops))
    law = DocRef("LBK", 1, None, "lov om produktionsskoler")
    return [AmendingDocument(Meta("LOV", 1749, 2016), (ChangeBlock("1", law, "I lov om produktionsskoler …", items=(item,)),))]


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['case']} § {r['paragraf']}, {r['unit']}" for r in ROWS])
def test_the_lbks_own_edit_or_ours(row: dict[str, Any]) -> None:
    key = row["paragraf"]
    assert kept(row["base"], row["ours"], row["lbk"], key, case_texts(orders(row["operations"]))) == row["kept"], row["what"]


def test_without_operations_near_the_same_difference_moves() -> None:
    """The guard of the row about LBK 124/2011 holds because of the operation: without it the difference
    (the LBK's rewording in words we left as the base's) would be the LBK's own."""
    row = next(r for r in ROWS if r["kept"] == "new words")
    assert kept(row["base"], row["ours"], row["lbk"], row["paragraf"], case_texts([])) == ""


def test_identical_units_are_no_edit() -> None:
    row = ROWS[0]
    assert kept(row["base"], row["ours"], row["ours"], "17", case_texts([])) == "equal"


def test_tokens_split_punctuation() -> None:
    assert tokens("§ 4, stk. 2 pct.") == ["§", "4", ",", "stk", ".", "2", "pct", "."]


def _law(stk2: str) -> Document:
    par = Node(Kind.PARAGRAF, "17", children=(Node(Kind.STK, "1", text="Skoleydelsen ydes efter stk. 2."),
                                              Node(Kind.STK, "2", text=stk2)))
    return ensure_ids(Document(Meta("LBK", 1, 2012, title="Lov om produktionsskoler"), None, (par,)))


def test_score_counts_the_paragraf_uninstructed_at_word_grain() -> None:
    """End to end: the real § 17, stk. 2 of LBK 97/2017 (the first row), applied and scored."""
    row = ROWS[0]
    given = orders(row["operations"])
    base, lbk = _law(row["base"]), _law(row["lbk"])
    result = consolidate(base, given)
    assert result.document.children[0].children[1].text == row["ours"]
    case = score("L-LBK-2017-97", base, result, lbk, orders=given)
    (wrong,) = case.wrong
    assert wrong.category == "uninstructed" and wrong.instructed and wrong.untouched_words and not wrong.outside
    assert (case.uninstructed, case.uninstructed_words, case.uninstructed_units, case.unexplained) == (1, 1, 0, 0)
    assert score_json(case)["wrong_uninstructed_words"] == 1



def test_an_operation_on_the_paragraf_that_writes_punctuation_keeps_a_punctuation_difference() -> None:
    """»,« indsættes efter …: an instruction on the § that writes only punctuation may be the one the LBK's
    mark comes from (a misread anchor), so the § 17 row's full stop is kept as possibly ours; on another §
    (and not quoting the words there) it does not count."""
    row = ROWS[0]
    ops = [*row["operations"], ["insert_text", "§ 17, stk. 1", "ydes", ","]]
    assert kept(row["base"], row["ours"], row["lbk"], "17", case_texts(orders(ops))) == "punctuation"
    ops = [*row["operations"], ["insert_text", "§ 18, stk. 1", "ydes", ","]]
    assert kept(row["base"], row["ours"], row["lbk"], "17", case_texts(orders(ops))) == ""


# Guards against our own misses (review8): (what, base, ours, LBK, the operations read, the item's sentence,
# the guard that must keep the unit as possibly ours)
MISSES = [
    ("a clause of the item we did not read: the LBK applies it",
     "Fristen er 30 dage. Ministeren kan dog, jf. dog stk. 3, forlænge fristen.",
     "Fristen er 14 dage. Ministeren kan dog, jf. dog stk. 3, forlænge fristen.",
     "Fristen er 14 dage. Ministeren kan dog forlænge fristen.",
     [["replace_text", "§ 4, stk. 1", "30 dage", "14 dage"]],
     "I § 4, stk. 1, 1. pkt., ændres »30 dage« til: »14 dage«, og i 2. pkt. udgår », jf. dog stk. 3,«.",
     "written"),  # the item's own »…« count as what it writes there
    ("a capitalised occurrence exact matching left alone: the LBK changes it too",
     "Ministeren fastsætter regler. Klagen indgives til ministeren.",
     "Ministeren fastsætter regler. Klagen indgives til styrelsen.",
     "Styrelsen fastsætter regler. Klagen indgives til styrelsen.",
     [["replace_text", "§ 4, stk. 1", "ministeren", "styrelsen"]],
     "",  # the operation alone: its quote matches casefolded
     "quoted"),
]


@pytest.mark.parametrize(("what", "base", "ours", "lbk", "ops", "text", "guard"), MISSES, ids=[m[0] for m in MISSES])
def test_a_change_we_missed_is_not_the_lbks_own_edit(what: str, base: str, ours: str, lbk: str,
                                                     ops: list[list[str]], text: str, guard: str) -> None:
    assert kept(base, ours, lbk, "4", case_texts(orders(ops, text))) == guard, what
