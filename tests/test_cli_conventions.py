"""One convention per concept (issue 12, items 2, 3 and 7): dates, -f/-o/--color, stdout only data,
the same form piped or not and no hard wraps, one exit-code table, one JSON shape with a schema,
the cache in the platform cache folder, help with an example, the last line of defence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lovkons.cli.main import COMMANDS, app
from lovkons.cli.output import EXIT_TABLE

ROOT = Path(__file__).resolve().parent.parent
CORPUS = str(ROOT / "corpus")
LAWS = ROOT / "tests" / "data" / "laws"
LBK = str(LAWS / "LBK-2009-196" / "LBK-2009-196.xml")
LBK2 = str(LAWS / "LBK-2011-416" / "LBK-2011-416.xml")
LOV = str(LAWS / "LOV-2011-341" / "LOV-2011-341.xml")
SEED3 = str(ROOT / "tests" / "data" / "seeds" / "003_6ecaac0d05ef115e.txt")
ANSI = "\x1b["


def cli(*args: str, env: dict[str, str | None] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


# -------------------------------------------------------------------------------- exit codes

EXITS = [
    (("parse", LBK), 0),
    (("parse", "/nonexistent.xml"), 2),
    (("apply", LBK, LOV), 0),
    (("consolidate", "BEK 288/2013", "--at", "2014-01-01", "--corpus", CORPUS), 3),  # a refused item
    (("timeline", "BEK 288/2013", "--corpus", CORPUS), 3),
    (("timeline", "BEK 1292/2007", "--corpus", CORPUS), 0),
    (("instructions", SEED3), 0),
    (("diff", LBK, LBK2), 0),
    (("diff", LBK, LBK2, "--exit-code"), 4),  # differences: not 1, which is a bug
    (("diff", LBK, LBK2, "--quiet"), 4),
    (("diff", LBK, LBK, "--quiet"), 0),
    (("diff", "BEK 288/2013", "--from", "2013-04-01", "--to", "2014-01-01", "--corpus", CORPUS), 3),
    (("consolidate", "BEK 1292/2007", "--at", "someday", "--corpus", CORPUS), 2),
    (("cache",), 0),
]


@pytest.mark.parametrize(("args", "code"), EXITS, ids=[" ".join(Path(a).name for a in x) for x, _ in EXITS])
def test_one_exit_code_table(args: tuple[str, ...], code: int) -> None:
    assert cli(*args)[0] == code


def test_the_exit_code_table_is_in_every_help() -> None:
    assert [code for code, _ in EXIT_TABLE] == [0, 1, 2, 3, 4, 130]
    for command in COMMANDS:
        code, out, _ = cli(command, "-h")
        assert code == 0
        flat = " ".join(out.split())
        assert "Example: lovkons" in flat, command
        assert "4 diff --exit-code/--quiet: differences found" in flat, command


def test_version_and_short_help() -> None:
    assert cli("--version")[1].startswith("lovkons ")
    assert "Commands" in cli("-h")[1]


# ------------------------------------------------------------------------------------ dates

@pytest.mark.parametrize("day", ["2009-08-01", "1. august 2009", "1. August 2009"])
def test_dates_iso_and_danish_are_the_same_day(day: str) -> None:
    code, out, _ = cli("consolidate", "BEK 1292/2007", "--at", day, "--corpus", CORPUS, "-f", "json")
    assert code == 0 and json.loads(out)["at"] == "2009-08-01"


def test_without_at_means_today() -> None:
    import datetime as dt

    _, out, _ = cli("consolidate", "BEK 1292/2007", "--corpus", CORPUS, "-f", "json")
    _, again, _ = cli("consolidate", "BEK 1292/2007", "--at", "today", "--corpus", CORPUS, "-f", "json")
    assert json.loads(out)["at"] == json.loads(again)["at"] == dt.date.today().isoformat()


# ------------------------------------------------------------------------ stdout and piping

def test_stdout_carries_only_the_data() -> None:
    code, out, err = cli("consolidate", "BEK 1292/2007", "--at", "2009-08-01", "--corpus", CORPUS)
    assert code == 0 and out.startswith("Bekendtgørelse om byggeskadeforsikring\n")
    assert err.startswith("Document:") and "Status:" in err and "Status:" not in out
    code, out, err = cli("parse", str(ROOT / "tests" / "data" / "seeds" / "003_6ecaac0d05ef115e.txt"))
    assert "warning" not in out  # problems go to stderr


def test_parse_piped_is_the_same_outline_as_on_a_terminal() -> None:
    code, out, _ = cli("parse", LBK)
    assert code == 0 and out.splitlines()[0].startswith("LBK 196/2009")
    assert "─" in out or "├" in out  # the tree, not JSON


def test_no_hard_wraps_when_piped() -> None:
    code, out, _ = cli("instructions", SEED3, env={"COLUMNS": "80"})
    assert code == 0
    long = "lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension m.v."
    assert any(long in line for line in out.splitlines())  # one row, one line
    assert max(len(line) for line in out.splitlines()) > 132


ORDER = """Bekendtgørelse om ændring af bekendtgørelse om prøver

§ 1

I bekendtgørelse nr. 12 af 3. januar 2007 om prøver foretages følgende ændring:

1. I § 2 ændres »[a] og [b]« til: »[c]«.

§ 2

Bekendtgørelsen træder i kraft den 1. marts 2007.
"""


def test_brackets_in_legal_text_are_printed(tmp_path: Path) -> None:
    order = tmp_path / "order.txt"
    order.write_text(ORDER, encoding="utf-8")
    code, out, _ = cli("instructions", str(order))
    assert code == 0 and "»[a] og [b]« → »[c]«" in out  # cells are text, never rich markup


def test_payloads_are_cited_as_a_lawyer_cites_them() -> None:
    _, out, _ = cli("instructions", SEED3)
    assert "§ 42 a" in out and "Stk. 2" in out
    assert "paragraf 42 a" not in out and "stk 2" not in out


def test_insert_text_is_not_shown_as_a_substitution() -> None:
    _, out, _ = cli("instructions", SEED3)
    row = next(line for line in out.splitlines() if "§ 1, nr. 1 " in line and "insert_text" in line)
    assert "after »lov om social pension«: »" in row and "→" not in row
    _, out, _ = cli("instructions", SEED3, "-f", "json")
    op = json.loads(out)["changes"][0]["items"][0]["operations"][0]
    assert (op["op"], op["old"], op["anchor"]) == ("insert_text", None, "lov om social pension")


@pytest.mark.parametrize(("option", "env", "coloured"), [
    ("never", {}, False), ("always", {}, True), ("auto", {}, False),
    ("auto", {"FORCE_COLOR": "1"}, True), ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ("always", {"NO_COLOR": "1"}, True),
])  # fmt: skip
def test_color_option_and_environment(option: str, env: dict[str, str | None], coloured: bool) -> None:
    for args in (("diff", LBK, LBK2), ("timeline", "BEK 1292/2007", "--corpus", CORPUS), ("parse", LBK)):
        _, out, _ = cli(*args, f"--color={option}", env=env)
        assert (ANSI in out) is coloured, args


def test_output_option_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, _ = cli("parse", LBK, "-f", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "lovkons.parse/1"


def test_output_to_a_pipe_writes_into_the_pipe_and_leaves_it_a_pipe(tmp_path: Path) -> None:
    """`-o /dev/null` or a FIFO is written in place: the atomic rename of a temporary file would put a
    regular file where the device was (run as root, it replaced /dev/null on a development machine)."""
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, out, _ = cli("parse", LBK, "-f", "json", "-o", str(fifo))
    reader.join(timeout=20)
    assert code == 0 and out == ""
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(got[0])["schema"] == "lovkons.parse/1"
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temporary file left beside it



# --------------------------------------------------------------------------------------- JSON

@pytest.mark.parametrize(("args", "schema"), [
    (("parse", LBK, "-f", "json"), "lovkons.parse/1"),
    (("instructions", LOV, "-f", "json"), "lovkons.instructions/1"),
    (("apply", LBK, LOV, "-f", "json"), "lovkons.apply/1"),
    (("consolidate", "BEK 1292/2007", "--at", "2010-01-01", "--corpus", CORPUS, "-f", "json"), "lovkons.consolidate/1"),
    (("timeline", "BEK 1292/2007", "--corpus", CORPUS, "-f", "json"), "lovkons.timeline/1"),
    (("diff", LBK, LBK2, "-f", "json"), "lovkons.diff/1"),
    (("eval", str(ROOT / "tests" / "cases" / "L-LBK-2011-416.yaml"), "-f", "json"), "lovkons.eval/1"),
    (("cache", "-f", "json"), "lovkons.cache/1"),
])  # fmt: skip
def test_json_has_a_schema_and_one_indent(args: tuple[str, ...], schema: str) -> None:
    _, out, _ = cli(*args)
    assert json.loads(out)["schema"] == schema
    assert out.splitlines()[1].startswith('  "') and not out.splitlines()[1].startswith('   ')


def test_tsv_has_a_header() -> None:
    _, out, _ = cli("parse", str(LAWS / "LBK-2009-196"), "-f", "tsv")
    head, *rows = out.splitlines()
    assert head.split("\t") == ["file", "kind", "number/year", "paragraffer", "problems"]
    assert rows and all(len(r.split("\t")) == 5 for r in rows)


# -------------------------------------------------------------------------------------- cache

def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lovkons", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300)  # fmt: skip


def test_cache_lives_under_xdg_cache_home_and_clears(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LOVKONS_CACHE_DIR", "LOVKONS_CORPUS")}
    env.update(XDG_CACHE_HOME=str(tmp_path / "xdg"), HOME=str(tmp_path / "home"))
    shown = _run(["cache", "-f", "json"], env)
    assert json.loads(shown.stdout)["path"] == str(tmp_path / "xdg" / "lovkons")
    done = _run(["timeline", "BEK 1292/2007", "--no-check", "--no-cache"], env)
    assert done.returncode == 0 and not (tmp_path / "xdg").exists()  # --no-cache: nothing written
    done = _run(["timeline", "BEK 1292/2007", "--no-check"], env)  # ./corpus is the default corpus
    assert done.returncode == 0
    written = [p for p in (tmp_path / "xdg" / "lovkons").rglob("*") if p.is_file()]
    assert written and not (tmp_path / "home").exists()  # nothing in ~ beside the cache folder
    assert json.loads(_run(["cache", "-f", "json"], env).stdout)["files"] == len(written)
    cleared = _run(["cache", "clear"], env)
    assert cleared.returncode == 0 and "cleared: yes" in cleared.stdout
    assert not (tmp_path / "xdg" / "lovkons").exists()


def test_corpus_from_the_environment(tmp_path: Path) -> None:
    code, out, _ = cli("timeline", "BEK 1292/2007", "--no-check", "-f", "json", env={"LOVKONS_CORPUS": CORPUS})
    assert code == 0 and json.loads(out)["key"] == "BEK 1292/2007"
    code, _, err = cli("timeline", "BEK 1292/2007", env={"LOVKONS_CORPUS": str(tmp_path / "none")})
    assert code == 2 and "$LOVKONS_CORPUS" in err and len(err.splitlines()) == 1


# ------------------------------------------------------------------------ the last line of defence

def test_an_unexpected_exception_is_one_line_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    import lovkons.cli.cmd_apply as cmd_apply

    def boom(*_: object) -> None:
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr(cmd_apply, "apply_json", boom)
    code, _, err = cli("apply", LBK, LOV, "-f", "json")
    assert code == 1 and len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("lovkons: internal error: ZeroDivisionError: division by zero (this is a bug")
    code, _, err = cli("--debug", "apply", LBK, LOV, "-f", "json")
    assert code == 1 and "Traceback" in err and err.splitlines()[-1].startswith("lovkons: internal error")


def test_shell_completion_completes_commands_and_options() -> None:
    env = {**os.environ, "_LOVKONS_COMPLETE": "complete_bash", "COMP_WORDS": "lovkons diff --wo", "COMP_CWORD": "2"}
    done = subprocess.run([sys.executable, "-m", "lovkons"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0 and done.stdout.split() == ["--word-diff"]
