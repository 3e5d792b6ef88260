"""`diff DOC --from --to` on the BEK 1292/2007 chain: the changes between two dates, each sourced
to the amending order that made it (needs the corpus reader and the amender)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lovkons.cli.main import app
from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.pointintime import consolidate_at
from lovkons.renderers.diff_markdown import render_diff_markdown
from lovkons.renderers.diff_text import render_diff_text
from lovkons.review.diff import DocumentDiff, diff_documents

CORPUS = Path(__file__).parent / "data" / "diff" / "corpus"
GOLDEN = Path(__file__).parent / "golden" / "diff"
BEK = "BEK 1292/2007"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(CORPUS)


def between(corpus: Corpus, start: dt.date, end: dt.date) -> DocumentDiff:
    old = consolidate_at(corpus, BEK, start).document
    new = consolidate_at(corpus, BEK, end).document
    assert old is not None and new is not None
    return diff_documents(old, new, window=(start, end), old_label=f"{BEK} pr. {start}", new_label=f"{BEK} pr. {end}")


def paragraf_of(address: str) -> str:
    return address.split(",")[0].removeprefix("§ ").strip()


def test_2008_06_01_to_2009_08_01_shows_exactly_the_amended_paragraffer(corpus: Corpus) -> None:
    diff = between(corpus, dt.date(2008, 6, 1), dt.date(2009, 8, 1))
    assert {paragraf_of(c.address) for c in diff.changes} == {"26", "28", "29", "32", "37"}
    for change in diff.changes:
        documents = {s.document for s in change.sources}
        assert documents and documents <= {"BEK 1072/2008", "BEK 162/2009"}, change


def test_a_period_without_amendments_gives_an_empty_diff(corpus: Corpus) -> None:
    assert between(corpus, dt.date(2008, 6, 1), dt.date(2008, 10, 1)).changes == ()


def test_cli_from_to_json() -> None:
    result = CliRunner().invoke(app, ["diff", BEK, "--from", "2008-06-01", "--to", "2009-08-01",
                                      "--corpus", str(CORPUS), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {paragraf_of(c["address"]) for c in data["changes"]} == {"26", "28", "29", "32", "37"}
    assert all(c["sources"] for c in data["changes"])


@pytest.mark.parametrize("form", ["txt", "md"])
def test_golden_output_with_sources(corpus: Corpus, form: str) -> None:
    diff = between(corpus, dt.date(2008, 6, 1), dt.date(2009, 8, 1))
    got = render_diff_text(diff) if form == "txt" else render_diff_markdown(diff)
    golden = GOLDEN / f"BEK-2007-1292@2008-06-01..2009-08-01.{form}"
    if os.environ.get("LOVKONS_REGEN"):
        golden.write_text(got, encoding="utf-8")
    assert golden.is_file(), f"missing golden file {golden}; run with LOVKONS_REGEN=1"
    assert got == golden.read_text(encoding="utf-8")
