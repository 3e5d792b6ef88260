"""A member of a list of numbers quoted with the list's level word (»nr. 23-26«) where the provision lists it
after that word ("stk. 6, nr. 6, 7, 11-13, 17-19 og 23-26"): read as the member, only where it stands in such a
list, exactly as often as said (amender.own_citation, LIST_MEMBER_CITATION). LOV 532/2015 § 8, nr. 8 on
investeringsforeningslovens § 175, stk. 12 (LBK 1051/2015 prints "… og 24-27" and "… 19 og 27"). Excerpts:
LOV 597/2013 § 175 (bilag left out), LOV 268/2014 § 7, nr. 4-17, LOV 532/2015 § 8, nr. 6 and 8
(tests/data/amend/list-member-2015)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.model.document import Document, Meta, Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from lovkons.review.evaluate import paragraf_map
from tests.amender_trees import order, par, stk

DATA = Path(__file__).parent / "data" / "amend" / "list-member-2015"

_LIST = "Videregivelse efter stk. 6, nr. 6, 7, 11-13, 17-19 og {}, af fortrolige oplysninger kan ske."

# (where, sentence, provision text, the text after (None: refused), problem codes)
ROWS = [
    ("LOV 532/2015 § 8, nr. 8, 1. pkt.", "I § 1 ændres »nr. 23-26« til: »nr. 24-27«.", _LIST.format("23-26"),
     _LIST.format("24-27"), ["LIST_MEMBER_CITATION"]),
    ("the number stands outside the list too: not proved", "I § 1 ændres »nr. 26« til: »nr. 27«.",
     "Efter stk. 6, nr. 13, 19 og 26, og inden 26 uger kan oplysningerne videregives.", None, ["TEXT_NOT_FOUND"]),
    ("a member inside a range is not the member", "I § 1 ændres »nr. 26« til: »nr. 27«.", _LIST.format("23-26"),
     None, ["TEXT_NOT_FOUND"]),
]  # fmt: skip


def _base(text: str) -> Document:
    # the small base the amender test orders cite (tests.amender_trees.order)
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), "", (par("1", stk("1", text)),)))


@pytest.mark.parametrize(("where", "sentence", "before", "after", "codes"), ROWS, ids=[r[0] for r in ROWS])
def test_a_list_member_quoted_with_its_level_word(where: str, sentence: str, before: str, after: str | None,
                                                  codes: list[str]) -> None:
    ops, _ = parse_instruction(sentence, Source("LOV 532/2015", "8", 8))
    result = consolidate(_base(before), [order(Item(8, sentence, ops))])
    assert [p.code for p in result.problems] == codes
    assert result.document.children[0].children[0].text == (after or before)


def test_the_real_provision() -> None:
    result = run_manifest(load_manifest(DATA / "manifest.yaml", follow_links=True)).result
    text = paragraf_map(result.document)["175"]
    assert text is not None
    assert "Stk. 12. Videregivelse efter stk. 6, nr. 6, 7, 11-13, 17-19 og 24-27, af fortrolige" in text
    assert "efter stk. 6, nr. 13, 19 og 27, meddeler Finanstilsynet" in text
    assert [p.code for p in result.problems if p.severity == "error"] == []
    assert [p.address for p in result.problems if p.code == "LIST_MEMBER_CITATION"] == [
        "§ 175, stk. 12, 1. pkt.", "§ 175, stk. 12, 2. pkt."]
