"""`lovkons parse`: contract JSON shape, JSON Lines for several files, summary lines, exit 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lovkons.cli.main import app

DATA = Path(__file__).parent / "data"
LAW_XML = DATA / "laws" / "LBK-2009-196" / "LBK-2009-196.xml"
LAW_TXT = DATA / "laws" / "LBK-2009-196" / "LBK-2009-196.txt"
BEK_TXT = DATA / "bek" / "BEK-2007-1292" / "BEK-2007-1292.txt"
SEED_001 = DATA / "seeds" / "001_18e2fe3a852902df.txt"
NON_LEGAL = [DATA / "seeds" / "000_8f9a1afb951fe215.txt", DATA / "seeds" / "004_1d6b1ab595b173d2.txt"]

runner = CliRunner()


def _parse(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["parse", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _node_keys_ok(node: dict[str, object]) -> bool:
    required = {"type", "label", "heading", "text", "children"}
    allowed = required | {"repealed", "id", "changed_by"}
    kids = node["children"]
    assert isinstance(kids, list)
    return required <= node.keys() <= allowed and all(_node_keys_ok(k) for k in kids)


@pytest.mark.parametrize("path", [LAW_XML, LAW_TXT, BEK_TXT], ids=lambda p: p.name)
def test_json_one_file_has_contract_shape(path: Path) -> None:
    code, out, _ = _parse(str(path), "--format", "json")
    obj = json.loads(out)
    assert code == 0
    assert set(obj) == {"schema", "document", "problems"} and obj["schema"] == "lovkons.parse/1"
    doc = obj["document"]
    assert {"type", "meta", "preamble", "children"} <= set(doc) <= {"type", "meta", "preamble", "children",
                                                                     "title_note"}
    assert doc["type"] == "document"
    assert set(doc["meta"]) == {"kind", "number", "year", "date", "title"}
    assert all(_node_keys_ok(n) for n in doc["children"])
    assert all(set(p) == {"code", "severity", "message", "source", "address", "file", "line"}
               for p in obj["problems"])


def test_json_paragraf_always_lists_stk_children() -> None:
    doc = json.loads(_parse(str(LAW_XML), "--format", "json")[1])["document"]

    def paragraffer(nodes: list[dict[str, object]]) -> list[dict[str, object]]:
        out = []
        for n in nodes:
            if n["type"] == "paragraf":
                out.append(n)
            out.extend(paragraffer(n["children"]))  # type: ignore[arg-type]
        return out

    found = paragraffer(doc["children"])
    assert found and all(p.get("repealed") or {c["type"] for c in p["children"]} == {"stk"}  # type: ignore[union-attr]
                         for p in found)


def test_json_several_files_is_json_lines_with_file_key() -> None:
    code, out, _ = _parse(str(LAW_XML), str(LAW_TXT), "--format", "json")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    objs = [json.loads(line) for line in lines]
    assert [o["file"] for o in objs] == [str(LAW_XML), str(LAW_TXT)]
    assert all(set(o) == {"schema", "file", "document", "problems"} for o in objs)


def test_directory_is_recursed_and_each_format_parsed() -> None:
    code, out, _ = _parse(str(LAW_XML.parent), "--format", "summary")
    files = [line.split("\t")[0] for line in out.splitlines()]
    assert code == 0 and files == [str(LAW_TXT), str(LAW_XML)]


@pytest.mark.parametrize("path", [LAW_XML, LAW_TXT], ids=lambda p: p.name)
def test_summary_line_format(path: Path) -> None:
    code, out, _ = _parse(str(path), "--format", "summary")
    fields = out.rstrip("\n").split("\t")
    assert code == 0 and len(out.splitlines()) == 1
    assert fields[:3] == [str(path), "LBK", "196/2009"]
    assert int(fields[3]) >= 27 and int(fields[4]) >= 0


@pytest.mark.parametrize("path", NON_LEGAL, ids=lambda p: p.name[:3])
def test_non_legal_seed_exits_2_with_one_line_no_traceback(path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "lovkons", "parse", str(path), "--format", "json"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"lovkons: {path}") and "Traceback" not in proc.stderr


def test_non_legal_seed_lenient_is_kind_other_without_paragraf() -> None:
    code, out, _ = _parse(str(NON_LEGAL[1]), "--format", "json", "--lenient")
    doc = json.loads(out)["document"]
    assert code == 0 and doc["meta"]["kind"] == "other"
    assert "paragraf" not in json.dumps(doc)


def test_bad_file_among_good_ones_reported_and_rest_printed() -> None:
    code, out, err = _parse(str(NON_LEGAL[0]), str(LAW_TXT), "--format", "summary")
    assert code == 2
    assert [line.split("\t")[0] for line in out.splitlines()] == [str(LAW_TXT)]
    assert err.splitlines()[0].startswith(f"lovkons: {NON_LEGAL[0]}")


def test_missing_path_exits_2() -> None:
    code, _, err = _parse(str(DATA / "no-such-file.txt"), "--format", "json")
    assert code == 2 and err.startswith("lovkons: ") and "no-such-file.txt" in err


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("text", ["§ 1. ", "§ 27. Loven gælder ikke for Færøerne og Grønland.", "Stk. 2. "]),
     ("markdown", ["**§ 1.** ", "**§ 27.** Loven gælder ikke for Færøerne og Grønland.", "**Stk. 2.** "]),
     ("tree", ["§ 1  ", "§ 27  Loven gælder ikke for Færøerne og Grønland.", "Stk. 2  "])],
)
def test_readable_formats_print_the_paragraffer(fmt: str, expected: list[str]) -> None:
    code, out, _ = _parse(str(LAW_XML), "--format", fmt)
    assert code == 0
    assert all(any(e in line for line in out.splitlines()) for e in expected)


def test_seed_001_text_format_has_its_paragraffer() -> None:
    code, out, _ = _parse(str(SEED_001), "--format", "text")
    starts = [line.split(".")[0] for line in out.splitlines() if line.startswith("§ ")]
    assert code == 0 and starts[:2] == ["§ 1", "§ 2"]
