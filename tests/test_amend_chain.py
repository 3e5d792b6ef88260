"""The text an act cites its units in (amender.chain.cited_text), on real documents: an act passed
while an earlier act of the chain was not yet in force, and not naming it, counts stk. as they stood
without it. LOV 494/2013 § 5, nr. 2 "I § 12, stk. 3, ændres »Pensionsstyrelsens« til: »Udbetaling
Danmarks«" means the stk. 3 that LOV 493/2013 § 4 (in force later) repeals stk. 2 before and so makes
stk. 2; LBK 1052/2013 (repatrieringsloven) prints it so."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.review.evaluate import paragraf_map

LAWS = Path(__file__).parent / "data" / "amend" / "repatriering-2013"


def _law(name: str) -> Path:
    here = LAWS / f"{name}.xml"  # LOV 493/2013 is one of the laws of tests/data/laws (both routes)
    return here if here.exists() else LAWS.parent.parent / "laws" / name / f"{name}.xml"


def test_a_parallel_act_not_named_is_not_counted_in_the_labels() -> None:
    base = read_doc(_law("LBK-2012-871"))
    orders = [read_order(_law("LOV-2013-493")), read_order(_law("LOV-2013-494"))]
    result = consolidate(base, orders, parts={"LOV 493/2013": "§ 4", "LOV 494/2013": "§ 5"})
    assert not [p for p in result.problems if p.address and p.address.startswith("§ 12")]
    expected = paragraf_map(read_doc(_law("LBK-2013-1052")))["12"]
    assert paragraf_map(result.document)["12"] == expected
    assert "Udbetaling Danmarks afgørelser" in (expected or "")
