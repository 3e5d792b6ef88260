"""Human and re-parseable text output of `lovkons apply`: a short summary above the consolidated text
by default; with --header the `# Key: value` metadata header instead, and the output reads back to
the same tree as `--format json` gives.
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


def test_text_starts_with_a_summary_without_metadata_lines() -> None:
    code, out = invoke(str(LBK), str(LOV))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Base:           LBK 196/2009 — Bekendtgørelse af økologiloven"
    assert lines[1] == "Orders applied: LOV 341/2011 (1 change applied)"
    assert lines[2] == "Refused:        none"
    assert lines[3] == "" and lines[4] == "Bekendtgørelse af økologiloven"
    assert not any(line.startswith("# ") for line in lines)


def test_summary_names_the_date_and_counts_refusals() -> None:
    code, out = invoke(str(CASES / "L-LBK-2016-1257.yaml"), "--at", "2016-12-31")
    assert code == 3
    head = out.split("\n\n", 1)[0].splitlines()
    assert any(line.startswith("In force on:") and line.endswith(" 2016-12-31") for line in head)
    refused = next(line for line in head if line.startswith("Refused:"))
    assert refused.split()[1].isdigit() and int(refused.split()[1]) > 0


def test_markdown_summary_is_a_bullet_list_before_a_rule() -> None:
    code, out = invoke(str(LBK), str(LOV), "--format", "markdown")
    assert code == 0
    head, body = out.split("\n---\n", 1)
    assert head.splitlines()[:2] == ["- **Base:** LBK 196/2009 — Bekendtgørelse af økologiloven",
                                     "- **Orders applied:** LOV 341/2011 (1 change applied)"]  # fmt: skip
    assert body.lstrip().startswith("# Bekendtgørelse af økologiloven")


@pytest.mark.parametrize("args", [[str(LBK), str(LOV)], [str(CASES / "L-LBK-2011-416.yaml")]])
def test_header_flag_gives_text_that_reads_back_to_the_json_document(args: list[str]) -> None:
    code, text = invoke(*args, "--header")
    assert code == 0
    assert text.startswith("# DocumentType: LBK H\n")
    code, raw = invoke(*args, "--format", "json")
    assert code == 0
    again = read_bytes(text.encode(), file="apply --header").document
    assert shape(document_json(again)) == shape(json.loads(raw)["document"])
