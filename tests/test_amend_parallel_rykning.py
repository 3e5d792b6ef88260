"""A rykningsklausul counted in the text the act cites (amender.chain.cited_text), on real documents.

LOV 1380/2012 § 12, nr. 3 (19 December 2012) inserts a new stk. 5 in servicelovens § 182; LOV 1400/2012 § 1, nr. 2
(passed days later, both in force 1 January 2013, not naming it) says "§ 182, stk. 5, ophæves. Stk. 6-10 bliver
herefter stk. 5-9." counted in LBK 810/2012 as its drafters saw it. Both apply: LBK 1093/2013 § 182 has the new
stk. 5 (§ 100) and no longer the old one (§ 112). The clause held in the act's own count: each unit it names
moved by one, as it says; after both acts they are stk. 6-10 again."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.review.evaluate import paragraf_map

LAWS = Path(__file__).parent / "data" / "amend" / "parallel-rykning-2013"


def test_a_rykningsklausul_holds_in_the_count_of_the_text_the_act_cites() -> None:
    base = read_doc(LAWS / "LBK-2012-810.xml")
    orders = [read_order(LAWS / "LOV-2012-1380.xml"), read_order(LAWS / "LOV-2012-1400.xml")]
    result = consolidate(base, orders, parts={"LOV 1380/2012": "§ 12", "LOV 1400/2012": "§ 1"})
    at_182 = [p for p in result.problems if (p.address or "").startswith("§ 182")]
    assert not [p for p in at_182 if p.severity == "error"]
    said = [p for p in at_182 if p.code == "RENUMBER_IN_CITED_COUNT"]
    assert {p.address for p in said} == {f"§ 182, stk. {n}" for n in range(6, 11)}
    assert paragraf_map(result.document)["182"] == paragraf_map(read_doc(LAWS / "LBK-2013-1093.xml"))["182"]
    assert {a.target for a in result.applied if a.op == "renumber"} >= {f"§ 182, stk. {n}" for n in range(6, 11)}


def test_without_the_parallel_act_the_clause_holds_in_the_current_count_and_nothing_is_said() -> None:
    """Without the parallel act the count is the current one: the clause holds there and nothing is said."""
    base = read_doc(LAWS / "LBK-2012-810.xml")
    result = consolidate(base, [read_order(LAWS / "LOV-2012-1400.xml")], parts={"LOV 1400/2012": "§ 1"})
    assert not [p for p in result.problems if p.code.startswith("RENUMBER") and (p.address or "").startswith("§ 182")]
