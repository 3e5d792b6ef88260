"""A change of words by an act older than its base, in the one other stk. of the cited § that holds the quoted
text (amender.older_act, TEXT_IN_OTHER_STK). LOV 1631/2013 § 3, nr. 1 changes »vandplaner efter miljømålsloven« in
vandløbslovens "§ 12, stk. 3"; the base LBK 1579/2015 (published after the act, which it left out) has the words in
§ 12, stk. 4, where LBK 1219/2016 changes them. Excerpts: LBK 1579/2015 § 12 (bilag left out); LOV 1631/2013 § 3,
nr. 1 (tests/data/amend/older-act-2013)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import load_manifest, read_doc, read_order, run_manifest
from lovkons.amender.older_act import in_other_stk
from lovkons.model.document import parse_address
from lovkons.model.edits import Repeal, ReplaceText
from lovkons.review.evaluate import paragraf_map
from tests.amender_trees import at, doc

DATA = Path(__file__).parent / "data" / "amend" / "older-act-2013"

# § 3 of the small tree: "Første stk. om kommunen." / "Andet stk." / "Tredje stk."
# (address, old, new, the stk. changed and its text after, or None: no other stk. proves the place)
ROWS = [
    ("§ 3, stk. 1", "Andet", "Næste", ("§ 3, stk. 2", "Næste stk.")),  # only stk. 2 holds it
    ("§ 3, stk. 3", "Andet", "Næste", ("§ 3, stk. 2", "Næste stk.")),  # the neighbour before it: K-1
    ("§ 3, stk. 1", "Tredje", "Fjerde", None),  # only stk. 3 holds it, two away: no renumbering by one
    ("§ 3, stk. 1", "stk.", "stykke.", None),  # stk. 2 and stk. 3 both hold it: not proved
    ("§ 3, stk. 2", "Femte", "Sjette", None),  # no stk. holds it
    ("§ 3, stk. 1, 1. pkt.", "Andet", "Næste", None),  # only "§ N, stk. K" is read so
]


def test_not_when_the_act_itself_changes_the_stykker_of_that_paragraf() -> None:
    # LOV 628/2010 § 1, nr. 29 cites servicelovens § 140, stk. 6 as its own nr. 50-52 make it (LBK 81/2011)
    op = ReplaceText(parse_address("§ 3, stk. 1"), "Andet", "Næste")
    assert in_other_stk(doc(), op, None, [op, Repeal(parse_address("§ 3, stk. 2"))]) is None
    assert in_other_stk(doc(), op, None, [op, Repeal(parse_address("§ 4, stk. 1"))]) is not None  # another §


@pytest.mark.parametrize(("address", "old", "new", "expected"), ROWS, ids=[f"{r[0]} {r[1]}" for r in ROWS])
def test_the_one_other_stk_that_holds_the_quote(address: str, old: str, new: str,
                                                expected: tuple[str, str] | None) -> None:
    got = in_other_stk(doc(), ReplaceText(parse_address(address), old, new), None)
    if expected is None:
        assert got is None
        return
    assert got is not None
    new_doc, warnings, _ = got
    assert [code for code, _ in warnings] == ["TEXT_IN_OTHER_STK"]
    assert at(new_doc, expected[0]).text == expected[1]


def test_the_real_act_older_than_its_base() -> None:
    result = run_manifest(load_manifest(DATA / "manifest.yaml", follow_links=True)).result
    text = paragraf_map(result.document)["12"]
    assert text is not None and "Stk. 4. Der kan i regulativet for offentlige vandløb, for hvilke det af regler om " \
        "indsatsprogram udstedt med hjemmel i lov om vandplanlægning fremgår" in text
    said = [(p.code, p.address) for p in result.problems if p.address and p.address.startswith("§ 12")]
    assert said == [("TEXT_IN_OTHER_STK", "§ 12, stk. 3")]


def test_an_act_not_older_than_its_base_keeps_the_cited_stk() -> None:
    base, act = read_doc(DATA / "base.xml"), read_order(DATA / "order.xml")
    later = replace(act, meta=replace(act.meta, date=base.meta.date))  # the same act, as if passed with its base
    result = consolidate(base, [later], parts={later.meta.short: "§ 3"})
    assert [(p.code, p.address) for p in result.problems if (p.address or "").startswith("§ 12")] == [
        ("TEXT_NOT_FOUND", "§ 12, stk. 3")]
