"""A quoted citation of the § the change is made in, read as that § cites itself (amender.own_citation):
"I § 9, stk. 4, § 135, stk. 4, … ændres »§ 135, stk. 1, 2. pkt.« til: »§ 135, stk. 1, 3. pkt.«" (LOV 1232/2012
§ 1, nr. 1) where § 135, stk. 4 reads "i stk. 1, 2. pkt." (LBK 1253/2013 prints "stk. 1, 3. pkt."). Excerpts:
LBK 323/2011 §§ 135, 135 a (bilag left out); LOV 1232/2012 § 1, nr. 1 (tests/data/amend/own-citation-2012)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.amender.own_citation import own_paragraf_citation
from lovkons.amender.resolve import resolve_current
from lovkons.amender.slots import Scope
from lovkons.model.document import Document, Kind, Meta, Node, parse_address
from lovkons.model.edits import ReplaceText
from lovkons.review.evaluate import paragraf_map

DATA = Path(__file__).parent / "data" / "amend" / "own-citation-2012"

_TEXT = "Ved beregningen af størrelserne i stk. 1, 2. pkt., finder § 7, stk. 3, anvendelse."  # LBK 323/2011 § 135, stk. 4

# (where, operation on § 135, stk. 4, the text after, or None: the reading does not apply)
ROWS = [
    ("LOV 1232/2012 § 1, nr. 1", ReplaceText(parse_address("§ 135, stk. 4"), "§ 135, stk. 1, 2. pkt.",
                                             "§ 135, stk. 1, 3. pkt."),
     "Ved beregningen af størrelserne i stk. 1, 3. pkt., finder § 7, stk. 3, anvendelse."),
    ("a new text citing another § keeps its §", ReplaceText(parse_address("§ 135, stk. 4"), "§ 135, stk. 1, 2. pkt.",
                                                            "§ 136, stk. 1"), None),
    ("a quote citing another § is not this § citing itself",
     ReplaceText(parse_address("§ 135, stk. 4"), "§ 134, stk. 1, 2. pkt.", "§ 134, stk. 1, 3. pkt."), None),
    ("the short quote stands only after another §'s number (\"§ 7, stk. 3\"): never rewritten there (review10)",
     ReplaceText(parse_address("§ 135, stk. 4"), "§ 135, stk. 3", "§ 135, stk. 4"), None),
]  # fmt: skip


def _law() -> Document:
    from lovkons.amender.consolidate import ensure_ids

    stks = (Node(Kind.STK, "1", text="En virksomhed skal lade sit årsregnskab revidere."),
            Node(Kind.STK, "4", text=_TEXT))
    return ensure_ids(Document(Meta("LBK", 323, 2011, title="Årsregnskabsloven"), None,
                               (Node(Kind.PARAGRAF, "135", children=stks),)))


@pytest.mark.parametrize(("where", "op", "after"), ROWS, ids=[r[0] for r in ROWS])
def test_the_quote_read_as_the_paragraf_cites_itself(where: str, op: ReplaceText,
                                                     after: str | None) -> None:
    law = _law()
    got = own_paragraf_citation(law, resolve_current(law, op.target), op, None, Scope())
    if after is None:
        assert got is None
        return
    assert got is not None
    new, warnings = got
    assert [code for code, _ in warnings] == ["OWN_PARAGRAF_CITATION"]
    assert new.children[0].children[1].text == after


def test_the_change_is_made_in_the_real_paragraf() -> None:
    run = run_manifest(load_manifest(DATA / "manifest.yaml", follow_links=True))
    text = paragraf_map(run.result.document)["135"]
    assert text is not None and "Ved beregningen af størrelserne i stk. 1, 3. pkt., finder § 7, stk. 3" in text
    said = [p for p in run.result.problems if p.code == "OWN_PARAGRAF_CITATION"]
    assert [(p.address, p.severity) for p in said] == [("§ 135, stk. 4", "warning")]
