"""The prefilter (parsers/instructions/prefilter.py): a pattern is not run on a text that lacks the
text every match of it contains. It must never skip a pattern that would match: checked over the real
sentences of tests/data/instructions/*.tsv, clause by clause, for every rule of the formula table and
every row of the slip tables, and by reading every sentence with and without the prefilter.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from lovkons.model.document import Source
from lovkons.parsers.instructions import clauses, formulas, payload, prefilter
from lovkons.parsers.instructions.formulas import RULES
from lovkons.parsers.instructions.prefilter import Prefilter, may_match, required

DATA = Path(__file__).parent / "data" / "instructions"
# (file, column of the sentence): every table of real instruction sentences
_TABLES = (("checklist.tsv", 1), ("formulas.tsv", 1), ("refused.tsv", 1), ("shapes.tsv", 2))


def _sentences() -> list[str]:
    out: list[str] = []
    for name, col in _TABLES:
        for ln in (DATA / name).read_text(encoding="utf-8").splitlines():
            cells = ln.split("\t")
            if ln.strip() and not ln.startswith("#") and len(cells) > col:
                out.append(cells[col])
    return out


SENTENCES = _sentences()
_TABLES_OF_ROWS = (("_SLIPS", clauses._SLIPS), ("GUILLEMET_SLIPS", payload.GUILLEMET_SLIPS),
                   ("MISPLACED_GUILLEMETS", payload.MISPLACED_GUILLEMETS))


def _clauses_seen(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Every clause the formula table is asked to read (narrowed re-readings too), over all sentences."""
    seen: set[str] = set()
    original = formulas.apply_rules

    def spy(clause: str, ctx: formulas.Ctx) -> object:
        seen.add(clause)
        return original(clause, ctx)

    monkeypatch.setattr(formulas, "apply_rules", spy)
    monkeypatch.setattr(clauses, "apply_rules", spy)
    for sentence in SENTENCES:
        clauses.parse_instruction(sentence, Source("TEST", "1", 1))
    return seen


def test_there_are_many_real_sentences() -> None:
    assert len(SENTENCES) > 200


def test_every_rule_has_a_required_text() -> None:
    """The prefilter is in effect for every rule (a pattern the parser cannot read would get none)."""
    assert [name for name, rx, _ in RULES if not required(rx).texts] == []


def test_no_rule_that_matches_a_real_clause_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _clauses_seen(monkeypatch)
    assert len(seen) > 200
    wrong = [(name, clause) for clause in seen for name, rx, _ in RULES
             if rx.fullmatch(clause) and not may_match(required(rx), clause)]
    assert wrong == []
    wrong = [(RULES[i][0], clause) for clause in seen for i in range(len(RULES))
             if RULES[i][1].fullmatch(clause) and i not in formulas._PREFILTER.candidates(clause)]
    assert wrong == []
    # and the filter does skip: most rules are not tried on most clauses
    skipped = sum(not may_match(required(rx), clause) for clause in seen for _, rx, _ in RULES)
    assert skipped > len(seen) * len(RULES) // 2


@pytest.mark.parametrize(("table", "rows"), _TABLES_OF_ROWS, ids=[t for t, _ in _TABLES_OF_ROWS])
def test_no_slip_that_occurs_in_a_real_sentence_is_skipped(table: str, rows: tuple[tuple[str, regex.Pattern[str], str], ...],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    texts = set(SENTENCES) | _clauses_seen(monkeypatch)
    texts |= {payload.split_quotes(s).template for s in SENTENCES}
    wrong = [(name, text) for text in texts for name, rx, _ in rows if rx.search(text) and not may_match(required(rx), text)]
    assert wrong == []
    table_filter = Prefilter([rx for _, rx, _ in rows])
    wrong = [(name, text) for text in texts for i, (name, rx, _) in enumerate(rows)
             if rx.search(text) and i not in table_filter.candidates(text)]
    assert wrong == []


def test_every_sentence_reads_the_same_without_the_prefilter(monkeypatch: pytest.MonkeyPatch) -> None:
    def read() -> list[str]:
        return [repr(clauses.parse_instruction(s, Source("TEST", "1", 1))) for s in SENTENCES]

    filtered = read()
    monkeypatch.setattr(prefilter, "may_match", lambda req, text, folded=None: True)
    monkeypatch.setattr(prefilter.Prefilter, "candidates", lambda self, text: tuple(range(len(self.required))))
    assert read() == filtered


# (pattern, a text it matches, the texts required): what counts as certain and what does not
_SHAPES = (
    (r"(?P<t> .+? ) ,? \s+ affattes \s+ således", "§ 5 affattes således", ("affattes",)),  # a run in sequence
    (r"(?P<verb> ophæves | udgår )", "udgår", ("ophæves", "udgår")),  # an alternative: one of its texts
    (r"(?: Overalt \s+ )? i \s+ loven", "i loven", ("loven",)),  # an optional part is not required
    (r"stk(?! \s* \.) \s+ \d", "stk 2", ("stk",)),  # a negative lookahead's text is not required
    (r"(?<= ændres \s+ ) Q\d+", "ændres Q0", ("ændres",)),  # a positive lookbehind's text is
    (r"(?-i: [IVX]+ ) \s+ afsnit", "IV afsnit", ("afsnit",)),  # a scoped flag: its text is not compared
    (r"(?: Som \s+ (?P<n> \d+ ) | Efter \s+ (?P<n> \d+ ) ) \s+ indsættes", "Efter 2 indsættes", ("indsættes",)),
)


@pytest.mark.parametrize(("pattern", "example", "texts"), _SHAPES, ids=[s[2][0] for s in _SHAPES])
def test_required_text_of_a_pattern(pattern: str, example: str, texts: tuple[str, ...]) -> None:
    rx = regex.compile(pattern, regex.X | regex.I)
    assert rx.search(example)
    assert required(rx).texts == texts
    assert may_match(required(rx), example)
    assert not may_match(required(rx), "§ 3, nr. 1")


def test_case_insensitive_patterns_compare_casefolded() -> None:
    rx = regex.compile(r"overalt \s+ i \s+ loven", regex.X | regex.I)
    assert rx.fullmatch("Overalt i LOVEN")
    assert may_match(required(rx), "Overalt i LOVEN")
    assert not may_match(required(regex.compile(r"Overalt")), "overalt")  # a case-sensitive one does not
