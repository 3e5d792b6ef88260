"""A change block that amends another act than the base (amender.other_acts). Real acts: LOV 577/2015 § 3 amends
LOV 633/2014 (an amending act of elforsyningsloven, LBK 1329/2013): it repeals numbered changes of LOV 633/2014 § 1
and changes that act's own commencement and transitional §§ ("§ 7 ophæves", "§ 8, stk. 3, … og § 9 ophæves"), which
are never §§ of elforsyningsloven. Excerpts: the base's §§ 5, 6, 6 a, 8, 9; LOV 633/2014 § 1, nr. 1-9; LOV 577/2015
§ 3 whole (tests/data/amend/other-act-2015, cut by make_excerpt.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.amender.citing import base_refs
from lovkons.amender.manifest import load_manifest, read_doc, run_manifest
from lovkons.amender.other_acts import amends_other_act
from lovkons.model.edits import ChangeBlock, DocRef
from lovkons.review.evaluate import paragraf_map

DATA = Path(__file__).parent / "data" / "amend" / "other-act-2015"


def test_the_block_amending_an_earlier_act_is_made_there_or_refused_never_applied_to_the_base() -> None:
    run = run_manifest(load_manifest(DATA / "manifest.yaml", follow_links=True))
    base, ours = paragraf_map(run.base), paragraf_map(run.result.document)
    # "3. § 7 ophæves." and "6. § 8, stk. 3, 5 og 7, og § 9 ophæves." are LOV 633/2014's own §§
    assert ours["9"] == base["9"]
    assert "Stk. 3." in ours["8"] and "Stk. 5." in ours["8"]
    # "1. § 1, nr. 2-6, … ophæves.": LOV 633/2014 § 1, nr. 2-6 (new definitions in § 5) never take effect, even
    # though the part "§ 1" names them; nr. 7 (§ 6 recast) and nr. 9 (»28 a,« out of § 8) do
    assert ours["5"] == base["5"]
    assert ours["6"] != base["6"] and ours["6"].startswith("§ 6. Levering af elektricitet")
    assert "28 a," in base["8"] and "28 a," not in ours["8"]
    repealed = [p for p in run.result.problems if p.code == "ITEM_OF_ACT_REPEALED"]
    assert [(p.source, p.severity) for p in repealed] == [("LOV 577/2015 § 3, nr. 1", "warning")]
    refused = [p for p in run.result.problems if p.code == "AMENDS_OTHER_ACT"]
    assert sorted({p.source for p in refused}) == [f"LOV 577/2015 § 3, nr. {n}" for n in range(2, 7)]
    assert all(p.severity == "error" and "LOV 633/2014" in p.message for p in refused)
    assert not any(p.code in ("BASE_NOT_CITED", "TARGET_NOT_FOUND", "TEXT_NOT_FOUND") for p in run.result.problems)
    assert not any(str(a.source).startswith("LOV 577/2015") for a in run.result.applied)


# (the act the opening cites, the orders of the manifest besides the base, amends another act?)
OPENINGS = [
    # LOV 577/2015 § 3: "I lov nr. 633 af 16. juni 2014 om ændring af lov om elforsyning, …"
    (DocRef("LOV", 633, dt.date(2014, 6, 16), "lov om ændring af lov om elforsyning"), [], True),
    # the same act named by a block when the act is among the amendments (no title read)
    (DocRef("LOV", 633, dt.date(2014, 6, 16)), [("LOV", 633, 2014)], True),
    # LOV 275/2011 § 1 on LBK 668/2011: "I lov nr. 501 af 6. juni 2007 om dag-, fritids- og klubtilbud m.v. til børn
    # og unge (dagtilbudsloven), …": the base law by its first act, not an amending act: left to the part
    (DocRef("LOV", 501, dt.date(2007, 6, 6), "lov om dag-"), [], False),
    # the base itself
    (DocRef("LBK", 1329, dt.date(2013, 11, 25), "lov om elforsyning"), [], False),
]


@pytest.mark.parametrize(("ref", "others", "expected"), OPENINGS)
def test_which_openings_amend_another_act(ref: DocRef, others: list[tuple[str, int, int]], expected: bool) -> None:
    base = read_doc(DATA / "base.xml")
    keys = {f"{kind} {number}/{year}": n for n, (kind, number, year) in enumerate(others, 1)}
    block = ChangeBlock("3", ref, f"I {ref.title or 'lov'} foretages følgende ændringer:")
    assert amends_other_act(block, base, base_refs(base), keys, 0) is expected


AHEAD = Path(__file__).parent / "data" / "amend" / "printed-ahead-2010"


def test_units_the_base_prints_for_a_change_repealed_before_it_took_effect_are_taken_out() -> None:
    """LBK 654/2010 (lov om sikkerhed til søs) prints § 3, stk. 2, of LOV 493/2010 § 1, nr. 5 ("I § 3 indsættes
    som stk. 2"); LOV 251/2011 § 4, nr. 1, repeals that numbered change before it took effect, and its § 2, nr. 2,
    inserts another stk. 2 "som stk. 2". LBK 72/2014 prints only the new one. Excerpts of the four documents
    (§ 3 of the base and the LBK; LOV 493/2010 § 1, nr. 1-5; LOV 251/2011 § 2, nr. 1-2, and § 4, nr. 1)."""
    from lovkons.ressort.layer import consolidated_at

    run = run_manifest(load_manifest(AHEAD / "manifest.yaml", follow_links=True))
    assert run.expected is not None and run.expected.meta.date is not None
    result, _ = consolidated_at(run.result, run.expected.meta.date, base=run.base, orders=run.orders)
    ours, lbk = paragraf_map(result.document), paragraf_map(run.expected)
    assert ours["3"] == lbk["3"]  # as the LBK prints it (the minister's title as in office on its day)
    assert "Stk. 3." not in ours["3"] and "fiskerisektoren" in ours["3"]
    ahead = [p for p in run.result.problems if p.code == "ITEM_OF_ACT_PRINTED_AHEAD"]
    assert [(p.source, p.address, p.severity) for p in ahead] == [("LOV 493/2010 § 1, nr. 5", "§ 3", "warning")]
    assert not any(p.code == "TARGET_OCCUPIED" for p in run.result.problems)


def test_a_base_older_than_the_act_keeps_its_units() -> None:
    """The same orders on a base dated before LOV 493/2010: its stk. 2 cannot be that act's print; the insertion
    "som stk. 2" of LOV 251/2011 meets it and is refused (TARGET_OCCUPIED), nothing is taken out."""
    from dataclasses import replace as dc_replace

    from lovkons.amender.orders import consolidate_orders

    run = run_manifest(load_manifest(AHEAD / "manifest.yaml", follow_links=True))
    old = dc_replace(run.base, meta=dc_replace(run.base.meta, date=dt.date(2009, 1, 1)))
    result, _ = consolidate_orders(old, run.orders, parts=dict(zip((o.meta.short for o in run.orders),
                                                                   ("§ 1, nr. 5", "§ 2, nr. 2"), strict=True)))
    codes = [p.code for p in result.problems]
    assert "ITEM_OF_ACT_PRINTED_AHEAD" not in codes and "TARGET_OCCUPIED" in codes
