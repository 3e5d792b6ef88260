""""Overskriften før § N" where a heading and its sub-heading stand before § N (amender.headings.heading_stack,
repeal_stack): the two are one heading. Aktieavancebeskatningsloven prints "Datterselskabsaktier og
koncernselskabsaktier" and under it "Selskaber m.v." before § 8; LOV 1255/2012 § 1, nr. 2 recasts "the heading before
§ 8" with both lines, and LBK 1298/2013 prints the new heading over "Selskaber m.v." (the amender changed the
sub-heading and left the old heading standing). LOV 724/2010 § 3, nr. 19 repeals the heading before § 41
("Overdragelse mellem samlevende ægtefæller" / "Personer"); LBK 796/2011 prints neither.
Excerpts (tests/data/amend/heading-stack): LBK 796/2011 §§ 7-9 with LOV 1255/2012 § 1, nr. 2 and 4; LBK 89/2010
§§ 40-42 with LOV 724/2010 § 3, nr. 19 and 20."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.consolidate import ensure_ids
from lovkons.api import apply, read
from lovkons.model.document import Document, Kind, Level, Source, parse_address
from lovkons.model.edits import Repeal, Replace
from tests.amender_trees import run

DATA = Path(__file__).parent / "data" / "amend" / "heading-stack"


def _before(doc: Document, label: str) -> list[str]:
    """The headings standing right before § `label`, top first."""
    flat = [n for top in doc.children for n in (top.children if top.kind in (Kind.KAPITEL, Kind.AFSNIT) else (top,))]
    at = next(i for i, n in enumerate(flat) if n.kind is Kind.PARAGRAF and n.label == label)
    heads: list[str] = []
    while at > 0 and flat[at - 1].kind is Kind.OVERSKRIFT:
        at -= 1
        heads.insert(0, flat[at].text)
    return heads


def test_a_heading_and_its_sub_heading_are_recast_together() -> None:
    result = apply(DATA / "LBK-2011-796.xml", [DATA / "LOV-2012-1255.xml"])
    assert [p.code for p in result.problems] == []
    # as LBK 1298/2013 prints them
    assert _before(result.document, "8") == ["Datterselskabsaktier, koncernselskabsaktier og skattefri porteføljeaktier",
                                             "Selskaber m.v."]
    assert _before(result.document, "9") == ["Skattepligtige porteføljeaktier m.v.", "Selskaber m.v."]


def test_a_heading_and_its_sub_heading_are_repealed_together() -> None:
    result = apply(DATA / "LBK-2010-89.xml", [DATA / "LOV-2010-724.xml"])
    assert [p.code for p in result.problems] == []
    assert _before(result.document, "41") == []  # LBK 796/2011
    assert _before(result.document, "40") == ["Selskaber m.v. og personer", "Fraflytning", "Personer"]


def test_a_new_text_that_does_not_restate_the_sub_heading_is_refused() -> None:
    """The act's words without the sub-heading: which of the two they replace is not said (refused, nothing changed)."""
    base = ensure_ids(read(DATA / "LBK-2011-796.xml").document)
    op = Replace(parse_address("§ 8").child(Level.OVERSKRIFT, "før"), (),
                 "Datterselskabsaktier, koncernselskabsaktier og skattefri porteføljeaktier", Source("LOV 1255/2012", "1", 2))
    doc, problems = run(op, base)
    assert [p.code for p in problems] == ["AMBIGUOUS_TARGET"]  # type: ignore[attr-defined]
    assert _before(doc, "8") == ["Datterselskabsaktier og koncernselskabsaktier", "Selskaber m.v."]


def test_three_headings_are_not_repealed_on_a_guess() -> None:
    """Before § 40 of LBK 89/2010 stand a group heading over several §§, "Fraflytning" and "Personer"."""
    base = ensure_ids(read(DATA / "LBK-2010-89.xml").document)
    doc, problems = run(Repeal(parse_address("§ 40").child(Level.OVERSKRIFT, "før"), source=Source("LOV 724/2010", "3", 19)), base)
    assert [p.code for p in problems] == ["AMBIGUOUS_TARGET"]  # type: ignore[attr-defined]
    assert _before(doc, "40") == ["Selskaber m.v. og personer", "Fraflytning", "Personer"]
