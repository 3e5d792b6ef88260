"""`renderers.json_out.dumps`/`dumps_line` give the bytes of the standard library's encoder (indent 2,
non-ASCII kept) whichever encoder makes them: orjson for plain values, `json` for what orjson would
treat otherwise. Real outputs (a parsed law, a consolidation) and the edge cases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lovkons.cli.main import app
from lovkons.renderers import json_out
from lovkons.renderers.json_out import dumps, dumps_line

ROOT = Path(__file__).resolve().parent.parent
LBK = str(ROOT / "tests" / "data" / "laws" / "LBK-2009-196" / "LBK-2009-196.xml")


def reference(value: Any, *, sort_keys: bool = False, line: bool = False) -> str:
    if line:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys) + "\n"
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=sort_keys) + "\n"


VALUES = [
    {"titel": "Bekendtgørelse af lov om tilsyn – §§ 5-7", "stk": [1, 2, {"nr": "3 a"}], "tom": {}, "liste": []},
    {"b": 1, "a": {"d": None, "c": True, "e": False}},
    ["»citat«", "tab\there", "ny\nlinje", "ctl\u0001\u001f", "\u2028\u2029", "back\\slash", 'quote"', "/"],
    {"n": -12, "big": 2**62, "zero": 0},
    {1: "an int key"},  # orjson refuses: json's "1"
    {"huge": 2**70},  # beyond 64 bits: json
    [],
    {},
    "just a string",
]


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("sort_keys", [False, True])
def test_same_text_as_the_standard_library(value: Any, sort_keys: bool) -> None:
    assert dumps(value, sort_keys=sort_keys) == reference(value, sort_keys=sort_keys)
    assert dumps_line(value, sort_keys=sort_keys) == reference(value, sort_keys=sort_keys, line=True)


@pytest.mark.parametrize("args", [
    ("parse", LBK, "-f", "json"),
    ("consolidate", "BEK 1292/2007", "--at", "2010-01-01", "--corpus", str(ROOT / "corpus"), "-f", "json"),
])
def test_real_outputs_are_the_standard_librarys_bytes(args: tuple[str, ...]) -> None:
    out = CliRunner().invoke(app, list(args)).stdout
    assert out == reference(json.loads(out))


def test_without_orjson_the_standard_library_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    value = VALUES[0]
    fast = dumps(value)
    monkeypatch.setattr(json_out, "orjson", None)
    assert dumps(value) == fast == reference(value)
