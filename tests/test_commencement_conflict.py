"""Commencement rules that date only some of the units an item of the act writes (drafting convention: "de ved
§ 1, nr. 33, affattede bestemmelser i § 14 a og § 14 b, stk. 1-3", "den ved § 8, nr. 1, foreslåede affattelse af
skattekontrollovens § 3 A, stk. 1-7"): the item is dated whole, and that is said (COMMENCEMENT_INEXACT); where two
rules name the item with different days the rule naming the larger share of what it writes dates it, said
(COMMENCEMENT_CONFLICT). Excerpts: LOV 1640/2013 § 1, nr. 1-33 and § 8; LOV 118/2012 § 6 and § 8, nr. 1-2.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lovkons.amender.manifest import read_order

DATA = Path(__file__).parent / "data" / "instr" / "commencement-conflict"


def test_lov_1640_2013_the_rule_naming_14_a_and_14_b_stk_1_3_leaves_stk_4_said() -> None:
    act = read_order(DATA / "LOV-2013-1640.xml")
    item = act.changes[0].items[32]
    assert item.number == 33 and item.in_force == dt.date(2014, 8, 1)  # § 8, stk. 2 of the act
    inexact = [p for p in act.problems if p.code == "COMMENCEMENT_INEXACT"]
    assert len(inexact) == 1 and inexact[0].address == "§ 1, nr. 33"
    assert "writes § 14 b, stk. 4 too" in inexact[0].message  # general day 1 January 2014 (§ 8, stk. 1)


def test_lov_118_2012_stk_1_7_on_15_february_stk_8_by_the_minister_the_larger_share_dates_the_item() -> None:
    act = read_order(DATA / "LOV-2012-118.xml")
    item = act.changes[0].items[0]
    assert (act.changes[0].paragraf, item.number) == ("8", 1)
    assert item.in_force == dt.date(2012, 2, 15)  # was pending: the minister's rule came later
    assert all(op.source is not None and op.source.in_force == item.in_force for op in item.operations)
    conflict = [p for p in act.problems if p.code == "COMMENCEMENT_CONFLICT"]
    assert len(conflict) == 1 and "7 of the 8 units" in conflict[0].message
    assert "when the minister decides for 1" in conflict[0].message


def test_dating_again_after_a_misread_lead_keeps_the_day_settle_chose() -> None:
    """An act with a misread lead (LOV 431/2010's shape) dates again only the items that lead named; an item several
    rules name keeps the day `settle` chose, not the later rule's (review15: LOV 118/2012 § 8, nr. 1 went pending)."""
    from lovkons.parsers.instructions.build import _redated

    act = read_order(DATA / "LOV-2012-118.xml")
    block = act.changes[0]
    item = block.items[0]
    texts = {(block.paragraf, it.number): it.text for it in block.items}
    again = _redated(block, list(act.commencement), frozenset({("another rule", "99", 1)}), texts, {})
    assert again.items[0].in_force == item.in_force == dt.date(2012, 2, 15)
