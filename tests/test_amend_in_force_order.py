"""Items of one act replayed in the order they take effect (drafting-grammar 4.4, step 5), on a real
act: LOV 496/2013 § 1 takes effect on 1 October 2013, its nr. 13 and 26 on 1 July 2013 ("jf. dog")."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.chain import in_force_order
from lovkons.amender.manifest import read_order

DATA = Path(__file__).parent / "data" / "amend" / "in-force-order-2013"


def test_items_of_one_act_apply_by_in_force_date_then_as_listed() -> None:
    act = read_order(DATA / "LOV-2013-496.xml")
    block = act.changes[0]
    order = [item.number for _, _, item in in_force_order([(act, [(block, list(block.items))])])]
    assert order[:2] == [13, 26]  # 1 July 2013 before 1 October 2013
    assert order[2:] == [n for n in range(1, 27) if n not in (13, 26)]  # the rest as listed


def test_acts_keep_their_chain_order_whatever_their_dates() -> None:
    act = read_order(DATA / "LOV-2013-496.xml")
    block = act.changes[0]
    early, late = [(block, list(block.items[12:13]))], [(block, list(block.items[:1]))]
    # the chain lists the act with the later date first: it stays first (an act cites the labels its
    # drafters saw, not the ones a later act made)
    rows = in_force_order([(act, late), (act, early)])
    assert [(k, item.number) for k, _, item in rows] == [(0, 1), (1, 13)]
