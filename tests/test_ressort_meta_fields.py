"""The signing fields of a LexDania file (ressort.signature._meta_fields) are read from the bytes
before </Meta> when they stand there as plain elements; that must give what the XML parser gives,
on every real XML file of tests/data, and hand anything unusual (a comment, an entity, a namespace,
a field with markup) to the parser."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from lovkons.ressort.signature import _meta_fields, _plain

DATA = Path(__file__).resolve().parent / "data"


def _parsed(path: str) -> tuple[str, str, str]:
    out = {"DiesSigni": "", "PlaceOfSignature": "", "JournalNumber": ""}
    for _, el in etree.iterparse(path, events=("end",), recover=True, huge_tree=True):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in out and not out[tag]:
            out[tag] = " ".join((el.text or "").replace("\\n", " ").split())
        if tag == "Meta":
            break
    return out["DiesSigni"], out["PlaceOfSignature"], out["JournalNumber"]


def test_plain_reading_equals_the_parser_on_real_files() -> None:
    files = sorted(str(f) for f in DATA.rglob("*.xml"))
    plain = [f for f in files if _plain(f) is not None]
    assert len(plain) > 50
    for f in plain:
        assert _plain(f) == _parsed(f), f
    signed = [f for f in plain if (_plain(f) or ('', '', ''))[1]]
    assert signed  # files with a place of signature were read


HEAD = '<?xml version="1.0" encoding="UTF-8"?><Dokument><Meta>{}</Meta><DokumentIndhold/></Dokument>'


@pytest.mark.parametrize("meta, plain", [
    ("<DiesSigni>2013-06-04</DiesSigni><PlaceOfSignature>Justitsministeriet</PlaceOfSignature>", True),
    ("<DiesSigni></DiesSigni><DiesSigni> 2013-06-04 </DiesSigni>", True),  # the first non-empty one
    ("<!-- <DiesSigni>2000-01-01</DiesSigni> --><DiesSigni>2013-06-04</DiesSigni>", False),
    ("<PlaceOfSignature>Miljø- &amp; Fødevareministeriet</PlaceOfSignature>", False),
    ("<PlaceOfSignature><b>Justitsministeriet</b></PlaceOfSignature>", False),
    ('<DiesSigni xml:lang="da">2013-06-04</DiesSigni>', False),
])
def test_unusual_fields_go_to_the_parser(tmp_path: Path, meta: str, plain: bool) -> None:
    f = tmp_path / "doc.xml"
    f.write_text(HEAD.format(meta), encoding="utf-8")
    assert (_plain(str(f)) is not None) is plain
    assert _meta_fields.__wrapped__(str(f)) == _parsed(str(f))
