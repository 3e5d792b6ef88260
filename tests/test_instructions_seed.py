"""Seed 003 (BEK Æ, 31 items, target BEK 1676/2006): every item read exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parsers.edits import Insert
from parsers.instructions import read_amending_file
from parsers.model import Kind
from tests.instructions_describe import describe

SEED = Path(__file__).parent / "data" / "seeds" / "003_6ecaac0d05ef115e.txt"
DOC = read_amending_file(SEED)

EXPECTED = {
    1: "insert_text § 2, nr. 7 @after [lov om social pension → eller lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension m.v.]",
    2: "replace_text § 2, nr. 8 [til, og → til,]",
    3: "replace_text § 2, nr. 9 [jf. § 97. → jf. § 97, og]",
    4: "insert § 2 @end {nr 10}",
    5: "insert § 3, stk. 4 @after {stk 5,stk 6}",
    6: "replace_text § 4, stk. 2 [§ 2, nr. 2-7 og 9 → § 2, nr. 2-7, 9 og 10]",
    7: "insert § 5 @after in afsnit I {paragraf 5 a,paragraf 5 b,paragraf 5 c,paragraf 5 d,paragraf 5 e,paragraf 5 f,paragraf 5 g,paragraf 5 h}",
    8: "insert_text § 30, stk. 2 @after [lov om social pension, → lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension m.v.]",
    9: "repeal § 33, stk. 2",
    10: "replace_text § 38, stk. 1 [§ 33, stk. 1, 2. pkt. → § 33, 2. pkt.]",
    11: "repeal § 38, stk. 2",
    12: "insert_text § 39, stk. 2 @after [lov om social pension, → lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension m.v.]",
    13: "insert § 41, stk. 1 @after {stk 2}",
    14: "replace § 42, stk. 1 {stk}",
    15: "repeal § 42, stk. 4",
    16: "insert § 42 @after {paragraf 42 a}",
    17: "insert § 43, stk. 1 @after {stk 2} ; renumber § 43, stk. 2 [ → 3]",
    18: "replace § 47, stk. 3 {stk 3}",
    19: "repeal § 47, stk. 4 ; repeal § 47, stk. 5",
    20: "replace § 64, stk. 1, 2. pkt. [ → Jobplanen skal være drøftet med personen ved en jobsamtale.]",
    21: "insert § 76, stk. 1 @after {stk 2} ; renumber § 76, stk. 2 [ → 3] ; renumber § 76, stk. 3 [ → 4]",
    22: "replace_text § 83, stk. 1 [§ 2, nr. 1, 4, og 5 → § 2, nr. 1, 4, 5 og 7]",
    23: "replace_text § 90, stk. 1 [§ 2, nr. 1, 4, og 5 → § 2, nr. 1, 4, 5 og 7]",
    24: "insert § 134 @after in afsnit IV {paragraf 134 a,paragraf 134 b,paragraf 134 c,kapitel 12 a}",
    25: "insert § 142 @after in kapitel 13 {paragraf 142 a}",
    26: "replace_text § 156, stk. 3 [§ 155 → § 154]",
    27: "insert § 166 @after {paragraf 166 a,paragraf 166 b}",
    28: "insert § 172, stk. 1 @after {stk 2}",
    29: "insert § 180, stk. 1 @after {stk 2} ; renumber § 180, stk. 2 [ → 3]",
    30: "replace § 188 {paragraf 188}",
    31: "replace_text § 203, stk. 3 [1. januar 2008 → 1. januar 2009]",
}


def test_change_block_target() -> None:
    (block,) = DOC.changes
    assert (block.target.kind, block.target.number, block.target.date) == ("BEK", 1676, dt.date(2006, 12, 19))
    assert block.target.title == "bekendtgørelse om en aktiv beskæftigelsesindsats"
    assert [it.number for it in block.items] == list(range(1, 32))


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_item(number: int) -> None:
    item = DOC.changes[0].items[number - 1]
    assert describe(item.operations) == EXPECTED[number]
    assert item.in_force == dt.date(2007, 3, 3)
    assert all(op.source is not None and op.source.item == number for op in item.operations)


def test_item_24_payload_has_headings_and_new_chapter() -> None:
    (op,) = DOC.changes[0].items[23].operations
    assert isinstance(op, Insert)
    kinds = [n.kind for n in op.payload]
    assert kinds[0] is Kind.OVERSKRIFT
    chapter = op.payload[-1]
    assert (chapter.kind, chapter.label) == (Kind.KAPITEL, "12 a")
    assert any(n.kind is Kind.PARAGRAF and n.label == "134 d" for n in chapter.walk())


def test_item_30_tolerated_with_warning_and_commencement() -> None:
    codes = [(p.code, p.severity, p.line) for p in DOC.problems]
    assert ("TOLERATED_PUNCTUATION", "warning", DOC.changes[0].items[29].line) in codes
    assert [(c.date, c.applies_to) for c in DOC.commencement] == [(dt.date(2007, 3, 3), "all")]
    assert len(DOC.transitional) == 1 and "28. februar 2010" in DOC.transitional[0]
