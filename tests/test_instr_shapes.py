"""Instruction shapes the reader did not turn into operations before issue 15, one real item per row of
tests/data/instructions/shapes.tsv: read as a sentence, and (where the law is copied into tests/data/instr)
read from the law itself, with the same operations and warnings.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import regex

from lovkons.model.document import Source
from lovkons.model.edits import AmendingDocument
from lovkons.parsers.instructions import read_amending_file
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.instructions_describe import describe

DATA = Path(__file__).parent / "data"
ROWS = [ln.split("\t") for ln in (DATA / "instructions" / "shapes.tsv").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")]
# the amending act's own bilag are part of the document, not of the sentence
_CONTEXT = {"BILAG_NOT_FOUND"}


@cache
def _law(name: str) -> AmendingDocument:
    return read_amending_file(DATA / "instr" / f"{name}.xml")


@pytest.mark.parametrize(("shape", "source", "text", "expected", "warnings"), ROWS, ids=[r[0] for r in ROWS])
def test_shape_as_a_sentence(shape: str, source: str, text: str, expected: str, warnings: str) -> None:
    ops, problems = parse_instruction(text, Source("TEST", "1", 1))
    assert describe(ops) == expected
    assert sorted({p.code for p in problems} - _CONTEXT) == warnings.split()


CASES = [r for r in ROWS if (DATA / "instr" / f"{r[1].split()[0]}.xml").is_file()]


def _own_bilag_out(described: str) -> str:
    return regex.sub(r" \{bilag[^}]*\}", "", described)


def _visible(text: str) -> str:
    return "".join(c for c in text if not c.isspace() and c not in "\u00ad\u200b\u200c\u200d\u2060\ufeff")


@pytest.mark.parametrize(("shape", "source", "text", "expected", "warnings"), CASES, ids=[r[0] for r in CASES])
def test_shape_in_its_law(shape: str, source: str, text: str, expected: str, warnings: str) -> None:
    name, _, paragraf, _, number = source.split()  # "LOV-2012-562 § 2, nr. 6"
    law = _law(name)
    item = next(i for b in law.changes if b.paragraf == paragraf.rstrip(",") for i in b.items if i.number == int(number))
    # the item as written, up to invisible characters and spacing (soft hyphens, zero-width joiners and
    # the space in a slip like "1. pkt . :" are the XML reader's business, not this shape's)
    assert _visible(item.text) == _visible(text)
    # the law supplies its own bilag, which the sentence alone does not have: "replace bilag 2 {bilag 2}"
    assert _own_bilag_out(describe(item.operations)) == _own_bilag_out(expected)
    where = f"§ {paragraf} nr. {number}"
    codes = {p.code for p in law.problems if p.severity == "warning" and (p.source or "").endswith(where)}
    said = set(warnings.split())
    if " ".join(item.text.split()) != text:  # the XML reader already joined the slip ("pkt . :" → "pkt.:")
        said.discard("TOLERATED_PUNCTUATION")
    assert sorted(codes - _CONTEXT) == sorted(said)


def test_every_copied_law_has_a_row() -> None:
    named = {r[1].split()[0] for r in ROWS}
    labels = DATA / "instructions" / "labels.tsv"  # tests/test_instr_labels.py
    named |= {ln.split()[0] for ln in labels.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")}
    laws = {p.stem for p in (DATA / "instr").glob("LOV-*.xml")} - {"LOV-2012-324", "LOV-2012-1253", "LOV-2013-633",
                                                               "LOV-2010-1595", "LOV-2015-1891", "LOV-2012-1095",
                                                               "LOV-2013-70"}  # test_instr_own_bilag
    assert laws <= named


def test_empty_numbered_change_is_no_item_and_a_marked_repeal_is_a_repeal() -> None:
    law = read_amending_file(DATA / "instr" / "LOV-2010-1595.xml")  # § 1: "Lov nr. 795 af … ophæves." + an empty item
    assert [(b.paragraf, [i.number for i in b.items]) for b in law.changes] == [("2", [1, 2]), ("3", [1, 2])]
    assert law.changes[0].items[0].text.startswith("§ 7, nr. 6, affattes således:")
    assert [(r.target.kind, r.target.number, r.target.year) for r in law.repeals] == [("LOV", 795, 1990)]
    repealing = read_amending_file(DATA / "instr" / "LOV-2015-1891.xml")  # only "Reklameafgiftsloven, … ophæves."
    assert repealing.changes == ()
    assert [(r.target.number, r.target.year) for r in repealing.repeals] == [(1228, 2012)]


def test_numbered_changes_printed_inside_a_stk_of_the_new_text_are_items_of_their_own() -> None:
    # LOV 251/2012 § 1 prints nr. 2-6 inside »Stk. 5. …« of nr. 1 (and nr. 1's closing mark in its text)
    law = read_amending_file(DATA / "instr" / "LOV-2012-251.xml")
    items = law.changes[0].items
    assert [i.number for i in items] == [1, 2, 3, 4, 5, 6, 7]
    assert all(i.operations for i in items)
    assert items[1].text.startswith("To steder i § 109, stk. 1,") and items[0].text.endswith("efter stk. 3.«")
