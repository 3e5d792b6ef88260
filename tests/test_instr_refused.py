"""Formulas the reader understands but refuses to turn into operations (tests/data/instructions/refused.tsv):
no operation, one UNPARSED_INSTRUCTION error that names the convention."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.model.document import Source
from lovkons.parsers.instructions.clauses import parse_instruction

ROWS = [ln.split("\t") for ln in (Path(__file__).parent / "data" / "instructions" / "refused.tsv")
        .read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


@pytest.mark.parametrize(("source", "text", "words"), ROWS, ids=[r[0] for r in ROWS])
def test_refused_with_its_reason(source: str, text: str, words: str) -> None:
    ops, problems = parse_instruction(text, Source("TEST", "1", 1))
    assert ops == ()
    errors = [p for p in problems if p.severity == "error"]
    assert [p.code for p in errors] == ["UNPARSED_INSTRUCTION"]
    assert errors[0].message.startswith("refused: ") and words in errors[0].message


def test_a_sentence_not_understood_is_not_said_to_be_refused() -> None:
    # LOV 388/2012 § 1, nr. 5: the heading of a part ("punkt B") of a kapitel, a unit the model does not have
    # (LOV 631/2016 § 1, nr. 2, which stood here, is read now: tests/test_neighbour_and_kapitel_heading.py)
    text = "Overskriften til kapitel 7, punkt B, affattes således: »Fiskeritilladelser og puljefiskeri«"
    _, problems = parse_instruction(text, Source("T", "1", 1))
    assert [p.message.split(":")[0] for p in problems] == ["instruction not understood"]
