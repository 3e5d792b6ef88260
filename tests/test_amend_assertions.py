"""Amender: what is listed as applied was applied (issue 16). A rykningsklausul that cannot hold withholds
its provision; one that does not hold after the order is not listed as applied; a § and one of its stk.
repealed by one sentence give the same result in either order."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import Consolidation, consolidate
from lovkons.model.document import Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import at, doc, order


def run_item(sentence: str) -> Consolidation:
    ops, problems = parse_instruction(sentence, Source("BEK 9/2020", "1", 1))
    assert problems == ()
    return consolidate(doc(), [order(Item(1, sentence, tuple(ops), line=3))])


def test_a_rykningsklausul_that_cannot_hold_withholds_its_provision() -> None:
    # issue 16: "Stk. 9 bliver herefter stk. 10." where § 3 has three stk.: the clause cannot hold
    result = run_item("I § 3 indsættes efter stk. 2 som nyt stykke: »Stk. 3. Nyt.« Stk. 9 bliver herefter stk. 10.")
    assert [(p.code, p.address) for p in result.problems] == [
        ("ITEM_WITHHELD", "§ 3, stk. 2"), ("RENUMBER_IMPOSSIBLE", "§ 3, stk. 9")]
    assert result.applied == ()
    assert len(at(result.document, "§ 3").children) == 3


def test_a_rykningsklausul_that_holds_is_listed_as_applied() -> None:
    result = run_item("I § 3 indsættes efter stk. 2 som nyt stykke: »Stk. 3. Nyt.« Stk. 3 bliver herefter stk. 4.")
    assert result.problems == ()
    assert [(a.op, a.target) for a in result.applied] == [
        ("insert", "§ 3, stk. 2"), ("renumber", "§ 3, stk. 3")]


@pytest.mark.parametrize("sentence", ["§ 3 og § 3, stk. 3, ophæves.", "§ 3, stk. 3, og § 3 ophæves."])
def test_a_paragraf_and_its_stk_repealed_together_in_either_order(sentence: str) -> None:
    # issue 16: the first order raised IndexError in amender/tree.py
    result = run_item(sentence)
    assert [p.severity for p in result.problems] in ([], ["warning"])
    assert at(result.document, "§ 3").repealed
