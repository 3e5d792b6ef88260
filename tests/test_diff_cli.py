"""`lovkons diff A B`: formats, exit codes (0 with or without differences, 4 with --exit-code and
differences — never 1, which is a bug —, 2 for bad input), and no colour when not on a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lovkons.cli.main import app

LAWS = Path(__file__).parent / "data" / "laws"
OLD = str(LAWS / "LBK-2011-439" / "LBK-2011-439.xml")
NEW = str(LAWS / "LBK-2012-400" / "LBK-2012-400.xml")
runner = CliRunner()


def run(*args: str, env: dict[str, str | None] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["diff", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_json_output_lists_changes() -> None:
    code, out, _ = run(OLD, NEW, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["from"].startswith("LBK 439/2011") and data["to"].startswith("LBK 400/2012")
    got = {(c["kind"], c["address"], c["old_address"]) for c in data["changes"]}
    assert ("renumbered", "§ 4 a, stk. 3", "§ 4 a, stk. 2") in got
    assert ("inserted", "§ 4 a, stk. 2", None) in got
    for change in data["changes"]:
        assert set(change) >= {"address", "kind", "old", "new", "old_address", "sources"}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((OLD, NEW), 0),
        ((OLD, NEW, "--exit-code"), 4),
        ((OLD, OLD, "--exit-code"), 0),
        ((OLD, OLD), 0),
    ],
    ids=["differences", "differences-exit-code", "same-exit-code", "same"],
)
def test_exit_codes(args: tuple[str, ...], expected: int) -> None:
    assert run(*args, "--format", "text")[0] == expected


@pytest.mark.parametrize(
    "args",
    [(OLD,), (OLD, "/nonexistent/file.xml"), (OLD, "--from", "2009-01-01"), ("BEK 1292/2007", "--from", "x", "--to", "y")],
    ids=["one-file", "missing-file", "from-without-to", "bad-date"],
)
def test_bad_input_exits_2_with_one_line(args: tuple[str, ...]) -> None:
    code, _, err = run(*args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_html_and_markdown_formats() -> None:
    assert run(OLD, NEW, "--format", "html")[1].startswith("<!DOCTYPE html>")
    assert run(OLD, NEW, "--format", "markdown")[1].startswith("# Ændringer fra LBK 439/2011")


@pytest.mark.parametrize(
    ("env", "coloured"),
    [({}, False), ({"FORCE_COLOR": "1"}, True), ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False)],
    ids=["pipe", "forced-terminal", "no-color"],
)
def test_terminal_colour_only_on_a_terminal(env: dict[str, str | None], coloured: bool) -> None:
    code, out, _ = run(OLD, NEW, env={"NO_COLOR": None, "FORCE_COLOR": None, **env})
    assert code == 0
    assert ("\x1b[" in out) is coloured
    assert "§ 4 a, stk. 3 (hidtil stk. 2) — nyt nummer" in out
