"""Honest answers (issue 12, item 1), each fact checked in every renderer that shows it, on the real
embedded corpus: an item is applied or refused, never both; a version is "in force since" the first
day of the text shown (as in consolidated/); a known repeal without a date shows in status and
timeline; an LBK restates a law, it does not end it; messages are never cut.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lovkons.cli.main import app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ["--corpus", str(ROOT / "corpus")]
ITEM = "BEK 960/2013 § 1, nr. 1"  # its instruction (Bilag 1, punkt C affattes …) is not understood


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, *CORPUS])
    return result.exit_code, result.stdout, result.stderr


def field(summary: str, label: str) -> list[str]:
    """The lines of one "Label: value" field of a summary (continuation lines included)."""
    lines = summary.splitlines()
    width = len(lines[0]) - len(lines[0][lines[0].index(":") + 1 :].lstrip())
    out: list[str] = []
    for line in lines:
        if line.startswith(label + ":") or (out and line.startswith(" " * width)):
            out.append(line[width:])
        elif out:
            break
    return out


def test_a_refused_item_is_refused_everywhere_and_applied_nowhere() -> None:
    code, out, err = cli("consolidate", "BEK 288/2013", "--at", "2014-01-01")
    assert code == 3
    assert field(err, "Orders included") == ["none (the text as issued)"]
    assert any(x.startswith(f"{ITEM}: UNPARSED_INSTRUCTION") for x in field(err, "Refused (not applied)"))
    code, out, _ = cli("consolidate", "BEK 288/2013", "--at", "2014-01-01", "-f", "json")
    data = json.loads(out)
    assert code == 3 and data["orders"] == [] and data["applied"] == [] and data["items"] == []
    assert [c["item"] for c in data["refused_items"]] == [ITEM]
    assert [c["state"] for c in data["refused_items"]] == ["refused"]
    code, out, _ = cli("timeline", "BEK 288/2013", "-f", "json")
    data = json.loads(out)
    assert code == 3
    applied = [c["item"] for v in data["versions"] for c in v["items"]]
    refused = [c["item"] for v in data["versions"] for c in v["refused_items"]]
    assert ITEM not in applied and refused == [ITEM]
    code, out, _ = cli("timeline", "BEK 288/2013")
    row = next(line for line in out.splitlines() if ITEM in line)
    assert "commencement" in row and "takes effect" not in row  # the item stands only under "refused"
    assert out.index("takes effect") < out.index("refused (not applied)") < out.index(ITEM)


def test_in_force_since_is_the_first_day_of_the_version_shown() -> None:
    index = json.loads((ROOT / "consolidated" / "index.json").read_text(encoding="utf-8"))
    entry = next(d for d in index["documents"] if d["key"] == "BEK 288/2013")
    starts = [v["from"] for v in entry["versions"]]
    _, out, _ = cli("consolidate", "BEK 288/2013", "--at", "2014-01-01", "-f", "json")
    data = json.loads(out)
    assert data["version_from"] in starts and data["version_from"] == "2013-03-22"
    _, _, err = cli("consolidate", "BEK 288/2013", "--at", "2014-01-01")
    assert field(err, "Version shown") == ["in force since 2013-03-22, until 2015-03-22"]
    _, out, _ = cli("timeline", "BEK 288/2013", "-f", "json")
    assert [v["from"] for v in json.loads(out)["versions"]] == starts


def test_a_repeal_known_without_its_date_shows_in_status_and_timeline() -> None:
    _, out, _ = cli("consolidate", "BEK 534/2013", "--at", "2030-01-01", "-f", "json")
    status = json.loads(out)["status"]
    assert status["state"] == "in_force"
    assert status["ends"] == {"state": "repealed", "since": None, "by": "BEK 1305/2018"}
    _, _, err = cli("consolidate", "BEK 534/2013", "--at", "2030-01-01")
    assert field(err, "Status") == ["in force since 2013-06-01; repealed by BEK 1305/2018 (date not recorded)"]
    _, out, _ = cli("timeline", "BEK 534/2013")
    assert "Ends: repealed by BEK 1305/2018 (date not recorded); in force until then" in out
    _, out, _ = cli("timeline", "BEK 534/2013", "-f", "json")
    assert json.loads(out)["known_end"] == {"state": "repealed", "since": None, "by": "BEK 1305/2018"}


def test_an_lbk_restates_a_law_and_does_not_end_it() -> None:
    _, out, _ = cli("timeline", "LOV 463/2008")
    assert "Ends: no end known (in force)" in out and "replaced by" not in out
    assert "Restated by LBK 196/2009 from 2009-03-12" in out
    _, out, _ = cli("timeline", "LOV 463/2008", "-f", "json")
    data = json.loads(out)
    assert data["end"] is None and data["restated"][0] == {"by": "LBK 196/2009", "since": "2009-03-12"}
    assert {v["document"] for v in data["versions"]} >= {"LOV 463/2008", "LBK 196/2009", "LBK 416/2011"}
    _, out, err = cli("consolidate", "LOV 463/2008", "--at", "2015-01-01", "-f", "json")
    data = json.loads(out)
    assert data["status"] == {"state": "in_force", "since": "2009-01-01", "by": None}  # the law's own date
    assert data["key"] == "LBK 416/2011" and data["version_from"] == "2014-01-01"
    _, _, err = cli("consolidate", "LOV 463/2008", "--at", "2015-01-01")
    assert field(err, "Status") == ["in force since 2009-01-01"]
    assert field(err, "Restated by") == ["LBK 196/2009 from 2009-03-12", "LBK 416/2011 from 2011-05-03"]


@pytest.mark.parametrize("args", [("consolidate", "BEK 288/2013", "--at", "2014-01-01"), ("timeline", "BEK 288/2013")])
def test_refusal_messages_are_never_cut(args: tuple[str, ...]) -> None:
    _, out, err = cli(*args)
    assert "til den svenske kyst.«" in out + err  # the whole instruction, not "… af en ret lin"
