"""An insertion after a quoted citation closed by a comma, where the citation ends a punktum ("… § 16, stk. 1."):
the comma is the punctuation after the cited words, there the full stop (amender.text_readings.comma_at_punktum_end,
TOLERATED_COMMA_AS_FULL_STOP). LOV 922/2012 § 7, nr. 1: "I § 7, stk. 1, 3 og 7, og § 13, stk. 3 og 5, indsættes
efter »§ 16, stk. 1,«: »3. pkt.,«." on personskatteloven; LBK 382/2013 § 13, stk. 5 prints "§ 16, stk. 1, 3. pkt.".
Excerpts: LBK 143/2011 § 13 (bilag left out); LOV 922/2012 § 7, nr. 1 (tests/data/amend/comma-insert-2012)."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.review.evaluate import paragraf_map

DATA = Path(__file__).parent / "data" / "amend" / "comma-insert-2012"


def test_the_citation_that_ends_a_punktum_gets_the_insertion_and_one_full_stop() -> None:
    result = run_manifest(load_manifest(DATA / "manifest.yaml", follow_links=True)).result
    text = paragraf_map(result.document)["13"]
    assert text is not None
    assert "beløbsgrænsen i pensionsbeskatningslovens § 16, stk. 1, 3. pkt. Bestemmelsen finder dog" in text
    assert "§ 16, stk. 1, 3. pkt.," in text  # stk. 3, where the citation goes on after its comma
    said = [(p.code, p.address) for p in result.problems if (p.address or "").startswith("§ 13")]
    assert said == [("TOLERATED_COMMA_AS_FULL_STOP", "§ 13, stk. 5")]  # § 7 is not in the excerpt
