"""The formula table (parsers/instructions/formulas.RULES) against real sentences: every rule has a row
in tests/data/instructions/formulas.tsv, and each row's sentence is read whole, by that rule among others.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.model.document import Source
from lovkons.parsers.instructions import clauses
from lovkons.parsers.instructions.formulas import RULES

DATA = Path(__file__).parent / "data" / "instructions"
ROWS = [ln.split("\t") for ln in (DATA / "formulas.tsv").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")]


def test_every_rule_has_a_real_sentence() -> None:
    assert {name for name, _, _ in RULES} == {row[0] for row in ROWS}


def test_rule_names_are_unique() -> None:
    names = [name for name, _, _ in RULES]
    assert len(names) == len(set(names))


def test_every_pattern_is_verbose() -> None:
    import regex

    assert all(rx.flags & regex.VERBOSE for _, rx, _ in RULES)


@pytest.mark.parametrize(("rule", "sentence", "source"), ROWS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ROWS)])
def test_rule_reads_its_sentence(rule: str, sentence: str, source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[str] = []
    original = clauses.apply_rules

    def spy(clause: str, ctx: clauses.Ctx) -> tuple[str, list[object]] | None:
        hit = original(clause, ctx)
        if hit is not None:
            used.append(hit[0])
        return hit  # type: ignore[return-value]

    monkeypatch.setattr(clauses, "apply_rules", spy)
    ops, problems = clauses.parse_instruction(sentence, Source("TEST", "1", 1))
    assert ops, f"{sentence!r} ({source}) was not read"
    assert all(p.code != "UNPARSED_INSTRUCTION" for p in problems)
    assert rule in used, f"read by {used}, not by {rule}"
