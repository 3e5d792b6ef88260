"""An amending act's own bilag as the new text of the target's bilag ("Bilag 2 affattes som bilag 1 til denne
lov."), read from LexDania XML (<Bilag><Explicatus>Bilag 1</Explicatus><BilagIndhold>…): every row is a real
item of a law copied into tests/data/instr (LOV-2013-70 trimmed to its § 1 and its bilag 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.model.document import Source
from lovkons.model.edits import ReplaceBilag
from lovkons.parsers.instructions import read_amending_file
from lovkons.parsers.instructions.build import own_bilag
from lovkons.parsers.instructions.clauses import parse_instruction
from lovkons.parsers.instructions.xml_route import read_xml
from tests.instructions_describe import describe

DATA = Path(__file__).parent / "data" / "instr"

# law, §, item, operations, the first line of each new bilag
ROWS = [
    # one own bilag printing bilag 4, 5, 6 and 7 one after the other, each under its "Bilag N" line
    ("LOV-2013-70", "1", 7, "replace bilag 4 {bilag 4} ; replace bilag 5 {bilag 5} ; replace bilag 6 {bilag 6} ; "
     "replace bilag 7 {bilag 7}", ["Satser for elafgiftslovens § 11, stk. 9",
                                   "Satser vedrørende elpatronordningen i elafgiftsloven",
                                   "Satser for elafgiftslovens § 11 c",
                                   "Satser for elafgiftslovens § 11 d, stk. 3, og § 11 e, stk. 5"]),
    # "Efter bilag 1 indsættes bilag 2 og 3, der affattes som henholdsvis bilag 1 og bilag 2 til denne lov.": the
    # act's bilag 1 is a map (no text, not taken: BILAG_NOT_FOUND), its bilag 2 a text
    ("LOV-2011-159", "1", 8, "replace bilag 2 +insert ; replace bilag 3 +insert {bilag 3}",
     ["Det beregnede samlede støjbidrag fra det nationale testcenter, jf. § 22, stk. 3."]),
]


@pytest.mark.parametrize(("law", "paragraf", "number", "expected", "first_lines"), ROWS, ids=[f"{r[0]} nr. {r[2]}" for r in ROWS])
def test_own_bilag_is_the_new_text(law: str, paragraf: str, number: int, expected: str,
                                   first_lines: list[str] | None) -> None:
    doc = read_amending_file(DATA / f"{law}.xml")
    item = next(i for b in doc.changes if b.paragraf == paragraf for i in b.items if i.number == number)
    assert describe(item.operations) == expected
    bilag = [op.payload[0] for op in item.operations if isinstance(op, ReplaceBilag) and op.payload]
    assert all(b.children for b in bilag)
    missing = [p for p in doc.problems if p.code == "BILAG_NOT_FOUND" and (p.source or "").endswith(f"nr. {number}")]
    assert len(missing) == len(item.operations) - len(bilag)
    if first_lines is not None:
        assert [b.children[0].text for b in bilag] == first_lines


def test_own_bilag_not_printing_the_bilag_named_is_not_read() -> None:
    """Bilag 1 of LOV 70/2013 prints bilag 4-7: "Bilag 4-6 affattes som bilag 1" does not fit it (never guessed)."""
    raw = read_xml((DATA / "LOV-2013-70.xml").read_bytes())
    ops, problems = parse_instruction("Bilag 4-6 affattes som bilag 1 til denne lov.", Source("T", "1", 1),
                                      bilag=own_bilag(raw.bilag))
    assert ops == ()
    assert [p.code for p in problems if p.severity == "error"] == ["UNPARSED_INSTRUCTION"]


def test_a_bilag_quoted_in_an_item_is_no_own_bilag() -> None:
    raw = read_xml((DATA / "LOV-2013-70.xml").read_bytes())
    assert list(raw.bilag) == ["1"]
    assert raw.bilag["1"].startswith("»Bilag 4\n") and raw.bilag["1"].rstrip().endswith("«")
