"""Output of `lovkons apply`: stdout carries only the consolidated text (with --header starting with
the `# Key: value` metadata lines, and reading back to the same tree as `--format json` gives); the
short summary goes to stderr, the same whether the text is piped or not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lovkons.cli.main import app
from lovkons.parsers.read import read_bytes
from lovkons.renderers.json_out import document_json

DATA = Path(__file__).parent / "data" / "laws"
LBK = DATA / "LBK-2009-196" / "LBK-2009-196.xml"
LOV = DATA / "LOV-2011-341" / "LOV-2011-341.xml"
CASES = Path(__file__).parent / "cases"


def shape(value: object) -> object:
    """A Document/Node JSON without ids and provenance (text carries neither)."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items() if k not in ("id", "changed_by")}
    if isinstance(value, list):
        return [shape(v) for v in value]
    return value


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["apply", *args])
    return result.exit_code, result.stdout


def invoke_err(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["apply", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_is_the_law_and_the_summary_is_on_stderr() -> None:
    code, out, err = invoke_err(str(LBK), str(LOV))
    assert code == 0
    assert out.splitlines()[0] == "Bekendtgørelse af økologiloven"
    assert not any(line.startswith(("# ", "Base:")) for line in out.splitlines())
    lines = err.splitlines()
    assert lines[0] == "Base:           LBK 196/2009 — Bekendtgørelse af økologiloven"
    assert lines[1] == "Orders applied: LOV 341/2011 (1 change applied)"
    assert lines[2] == "Refused:        none"


def test_summary_names_the_date_and_counts_refusals() -> None:
    code, _, err = invoke_err(str(CASES / "L-LBK-2016-1257.yaml"), "--at", "2016-12-31")
    assert code == 3
    head = err.splitlines()
    assert any(line.startswith("In force on:") and line.endswith(" 2016-12-31") for line in head)
    refused = next(line for line in head if line.startswith("Refused:"))
    assert refused.split()[1].isdigit() and int(refused.split()[1]) > 0


def test_markdown_is_only_the_document() -> None:
    code, out, err = invoke_err(str(LBK), str(LOV), "--format", "markdown")
    assert code == 0
    assert out.lstrip().startswith("# Bekendtgørelse af økologiloven")
    assert err.splitlines()[0].startswith("Base:")


@pytest.mark.parametrize("args", [[str(LBK), str(LOV)], [str(CASES / "L-LBK-2011-416.yaml")]])
def test_header_flag_gives_text_that_reads_back_to_the_json_document(args: list[str]) -> None:
    code, text = invoke(*args, "--header")
    assert code == 0
    assert text.startswith("# DocumentType: LBK H\n")
    code, raw = invoke(*args, "--format", "json")
    assert code == 0
    again = read_bytes(text.encode(), file="apply --header").document
    assert shape(document_json(again)) == shape(json.loads(raw)["document"])
