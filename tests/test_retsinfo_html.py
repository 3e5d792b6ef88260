"""Retsinformation HTML / API JSON reader: metadata, table of contents skipped, structure."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from lovkons.model.document import Kind, LovkonsError
from lovkons.parsers.retsinfo_html import html_lines, parse_html, parse_retsinfo_json

BEK = Path(__file__).parent / "data" / "bek"
JSON_FILES = sorted(BEK.glob("BEK-*/*.retsinfo-api.json"))

# id → (kind, number, year, date, published) as printed in each record's shortName and metadata.
EXPECTED = {
    "BEK-2007-1292": ("BEK", 1292, 2007, dt.date(2007, 10, 24), dt.date(2007, 11, 30)),
    "BEK-2008-1072": ("BEK Æ", 1072, 2008, dt.date(2008, 11, 7), dt.date(2008, 11, 11)),
    "BEK-2009-162": ("BEK Æ", 162, 2009, dt.date(2009, 3, 2), dt.date(2009, 3, 4)),
    "BEK-2010-993": ("BEK Æ", 993, 2010, dt.date(2010, 8, 18), dt.date(2010, 8, 19)),
    "BEK-2013-288": ("BEK", 288, 2013, dt.date(2013, 3, 19), dt.date(2013, 3, 21)),
    "BEK-2013-534": ("BEK", 534, 2013, dt.date(2013, 5, 22), dt.date(2013, 5, 30)),
    "BEK-2013-960": ("BEK Æ", 960, 2013, dt.date(2013, 7, 15), dt.date(2013, 7, 17)),
    "BEK-2015-374": ("BEK Æ", 374, 2015, dt.date(2015, 4, 8), dt.date(2015, 4, 10)),
    "BEK-2016-1492": ("BEK Æ", 1492, 2016, dt.date(2016, 12, 2), dt.date(2016, 12, 7)),
    "BEK-2016-581": ("BEK Æ", 581, 2016, dt.date(2016, 5, 27), dt.date(2016, 6, 3)),
}


@pytest.mark.parametrize("path", JSON_FILES, ids=[p.parent.name for p in JSON_FILES])
def test_json_metadata(path: Path) -> None:
    meta = parse_retsinfo_json(path.read_bytes(), file=str(path)).document.meta
    assert (meta.kind, meta.number, meta.year, meta.date, meta.published) == EXPECTED[path.parent.name]
    assert meta.title == json.loads(path.read_bytes())["title"]


def test_metadata_given_as_string_repr_is_parsed_without_eval(tmp_path: Path) -> None:
    record = json.loads((BEK / "BEK-2016-581/BEK-2016-581.retsinfo-api.json").read_bytes())
    record["metadata"] = repr(record["metadata"]) + "" if isinstance(record["metadata"], list) else ""
    assert parse_retsinfo_json(json.dumps(record).encode()).document.meta.published == dt.date(2016, 6, 3)
    record["metadata"] = "__import__('os').system('false')"
    assert parse_retsinfo_json(json.dumps(record).encode()).document.meta.published is None


def test_table_of_contents_is_skipped() -> None:
    lines = html_lines((BEK / "BEK-2007-1292/BEK-2007-1292.html").read_text(encoding="utf-8"))
    assert lines[0] == "Bekendtgørelse om byggeskadeforsikring"
    assert not any(line.startswith(("Oversigt", "Den fulde tekst")) for line in lines)
    assert lines.count("Kapitel 1") == 1


def test_old_style_lists_and_chapters() -> None:
    doc = parse_html((BEK / "BEK-2007-1292/BEK-2007-1292.html").read_text(encoding="utf-8")).document
    assert doc.preamble and doc.preamble.startswith("I medfør af § 25 B, stk. 7")
    kap = [n for n in doc.children if n.kind is Kind.KAPITEL]
    assert (kap[0].label, kap[0].heading) == ("1", "Almindelige bestemmelser")
    p5 = next(p for p in doc.paragraffer() if p.label == "5")
    assert [n.label for n in p5.children[0].children] == ["1", "2", "3"]


def test_new_style_amending_order() -> None:
    doc = parse_html((BEK / "BEK-2016-581/BEK-2016-581.html").read_text(encoding="utf-8")).document
    assert [p.label for p in doc.paragraffer()] == ["1", "2"]
    assert "»" in doc.paragraffer()[0].full_text()


@pytest.mark.parametrize("data", [b"not json", b'{"title": "x"}', b"[1, 2]", b'{"documentHtml": 5}'], ids=str)
def test_bad_json_raises_lovkons_error(data: bytes) -> None:
    with pytest.raises(LovkonsError):
        parse_retsinfo_json(data, file="x.json")
