"""Table-driven tests: one realistic instruction per checklist code (tests/data/instructions/*.tsv)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.model.document import Source
from lovkons.parsers.instructions.clauses import parse_instruction
from lovkons.parsers.instructions.commencement import read_trailing
from tests.instructions_describe import describe

DATA = Path(__file__).parent / "data" / "instructions"


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


CHECKLIST = _rows("checklist.tsv")
COMMENCEMENT = _rows("commencement.tsv")


@pytest.mark.parametrize(("code", "sentence", "expected"), CHECKLIST, ids=[r[0] for r in CHECKLIST])
def test_instruction_formula(code: str, sentence: str, expected: str) -> None:
    ops, problems = parse_instruction(sentence, Source("TEST", "1", 1))
    assert describe(ops) == expected
    assert all(p.code != "UNPARSED_INSTRUCTION" for p in problems)


def _describe_trailing(stykker: list[str], published: dt.date | None, signed: dt.date | None = None) -> str:
    res = read_trailing(stykker, published=published, signed=signed)
    out = []
    for c in res.commencement:
        s = f"{c.date.isoformat() if c.date else 'undetermined'}{' earliest' if c.earliest else ''} {c.applies_to}"
        out.append(s + (f" until {c.expires.isoformat()}" if c.expires else ""))
    for r in res.repeals:
        out.append(f"repeal {r.target.kind} {r.target.number}/{r.target.year} from {r.date}")
    out.extend("note" for _ in res.transitional)
    return " ; ".join(out)


@pytest.mark.parametrize(
    ("code", "published", "stykker", "expected"), COMMENCEMENT, ids=[f"{r[0]}-{i}" for i, r in enumerate(COMMENCEMENT)]
)
def test_commencement_formula(code: str, published: str, stykker: str, expected: str) -> None:
    # "-": nothing known; "signed DATE": only the signing date (the Lovtidende date is missing)
    signed = dt.date.fromisoformat(published.removeprefix("signed ")) if published.startswith("signed ") else None
    pub = None if published == "-" or signed else dt.date.fromisoformat(published)
    assert _describe_trailing(stykker.split(" || "), pub, signed) == expected


def test_tolerated_typo_is_reported_as_warning() -> None:
    ops, problems = parse_instruction("§ 188 affattes således. »§ 188. Tekst.«", Source("TEST", "1", 30))
    assert [o.op for o in ops] == ["replace"]
    assert [(p.code, p.severity) for p in problems] == [("TOLERATED_PUNCTUATION", "warning")]


def test_unparsed_instruction_keeps_a_problem() -> None:
    ops, problems = parse_instruction("Bilag 1, punkt C affattes således: »Ny tekst.«", Source("TEST", "1", 1))
    assert ops == ()
    assert [p.code for p in problems] == ["UNPARSED_INSTRUCTION"]


def test_repeal_and_insert_into_a_kapitel_keeps_the_container() -> None:
    text = "§ 38 d ophæves, og i stedet indsættes i kapitel 7: »§ 38 d. Udbringning kræver tilladelse.«"
    ops, problems = parse_instruction(text, Source("TEST", "1", 44))
    assert describe(ops) == "repeal_and_insert § 38 d in kapitel 7 {paragraf 38 d}"
    assert problems == ()
