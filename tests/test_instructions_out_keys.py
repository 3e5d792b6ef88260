"""`lovkons instructions -f json` carries what the newer shapes mean (README, Conventions, "keys are added"):
"exceptions" for "Overalt i loven bortset fra …" (LOV 80/2017 § 1, nr. 2) and "change" for a change of an
earlier amending act's item (op "change_of_item", LOV 651/2013 on LOV 495/2013); the table says them too."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lovkons.cli.main import app

AMEND = Path(__file__).parent / "data" / "amend"


def _operations(path: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["instructions", str(path), "-f", "json"])
    assert result.exit_code in (0, 3), result.output
    data = json.loads(result.stdout)
    return [op for block in data["changes"] for item in block["items"] for op in item["operations"]]


def test_exceptions_of_a_change_everywhere_are_printed() -> None:
    ops = _operations(AMEND / "overalt-bortset-2017" / "order.xml")
    assert [(o["target"], o["old"], o.get("exceptions")) for o in ops] == [
        ("overalt", "Matrikelmyndigheden", ["§ 10"]), ("overalt", "matrikelmyndigheden", ["§ 49, stk. 2, 1. pkt."])]


def test_a_change_of_an_earlier_acts_item_prints_the_change() -> None:
    ops = [o for o in _operations(AMEND / "item-of-act-2013" / "later.xml") if o["op"] == "change_of_item"]
    assert ops, "LOV 651/2013 changes items of LOV 495/2013"
    for op in ops:
        change = op["change"]
        assert isinstance(change, dict) and change["op"] != "change_of_item" and change["target"]


def test_the_table_names_the_exceptions() -> None:
    result = CliRunner().invoke(app, ["instructions", str(AMEND / "overalt-bortset-2017" / "order.xml")])
    assert "bortset fra § 10" in result.stdout
