"""An LBK is known from the XML before its first </Meta> (history.facts._head_is_lbk): the corpus scan
no longer parses a whole lovbekendtgørelse only to read its DocumentType. The head decides as the
parse of the whole file does, or leaves it to that parse; real LexDania files from tests/data/laws."""

from __future__ import annotations

from pathlib import Path

import pytest

import lovkons.history.facts as facts

LAWS = Path(__file__).resolve().parent / "data" / "laws"
FILES = sorted(p.relative_to(LAWS).as_posix() for p in LAWS.rglob("*.xml"))


def _by_parse(data: bytes) -> bool:
    """What _restates answers without the head (the whole file parsed)."""
    saved = facts._head_is_lbk
    try:
        facts._head_is_lbk = lambda data: None
        return facts._restates(data)
    finally:
        facts._head_is_lbk = saved


@pytest.mark.parametrize("rel", FILES)
def test_the_head_decides_as_the_whole_file_does(rel: str) -> None:
    data = (LAWS / rel).read_bytes()
    head = facts._head_is_lbk(data)
    assert head is None or head is _by_parse(data)


def test_the_head_of_a_real_lbk_says_lbk() -> None:
    assert facts._head_is_lbk((LAWS / "LBK-2010-1235/LBK-2010-1235.xml").read_bytes()) is True
    assert facts._head_is_lbk((LAWS / "LOV-2010-1282/LOV-2010-1282.xml").read_bytes()) is False


HEAD = b"<?xml version='1.0' encoding='UTF-8'?><Dokument><Meta><DocumentType>LBK H#LOKDOK01</DocumentType></Meta>"


@pytest.mark.parametrize(("data", "found"), [
    (HEAD + b"<DokumentIndhold/></Dokument>", True),
    (HEAD.replace(b"LBK H", b"LOV H"), False),
    # a <Meta> inside another element: the first </Meta> does not end the root's <Meta>
    (b"<Dokument><X><Meta><DocumentType>LBK</DocumentType></Meta></X><Meta/></Dokument>", None),
    # a comment, CDATA or a DOCTYPE before </Meta>: the whole file is parsed
    (HEAD.replace(b"<Meta>", b"<Meta><!-- x -->") + b"</Dokument>", None),
    (b"<!DOCTYPE d [<!ENTITY e 'LBK'>]><Dokument><Meta><DocumentType>&e;</DocumentType></Meta></Dokument>", None),
    (b"<Dokument><Meta><DocumentType>LBK</Document></Meta></Dokument>", None),  # the head does not parse
])  # fmt: skip
def test_a_head_the_parse_could_read_otherwise_is_left_to_it(data: bytes, found: bool | None) -> None:
    assert facts._head_is_lbk(data) is found
