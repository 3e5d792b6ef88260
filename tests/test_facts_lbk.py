"""The corpus scan does not read the instructions an LBK's notes quote (history.facts._restates): an
LBK restates a law and never amends, and the instruction reader refuses it after reading them all.
The scan's facts are the same as with the reader; real LexDania files from tests/data/laws."""

from __future__ import annotations

from pathlib import Path

import pytest

import lovkons.history.facts as facts
from lovkons.history.corpus import file_hash

LAWS = Path(__file__).resolve().parent / "data" / "laws"

# (file, an LBK by its DocumentType) — the LBKs quote "… foretages følgende ændringer" in their notes
CASES = [("LBK-2010-1235/LBK-2010-1235.xml", True), ("LBK-2010-1352/LBK-2010-1352.xml", True),
         ("LOV-2010-1282/LOV-2010-1282.xml", False), ("LOV-2008-1336/LOV-2008-1336.xml", False),
         ("LBK-2010-1235/LBK-2010-1235.txt", False)]  # fmt: skip


@pytest.mark.parametrize(("rel", "lbk"), CASES, ids=[c[0].split("/")[1] for c in CASES])
def test_an_lbk_is_known_by_its_document_type(rel: str, lbk: bool) -> None:
    assert facts._restates((LAWS / rel).read_bytes()) is lbk


@pytest.mark.parametrize("rel", [c[0] for c in CASES], ids=[c[0].split("/")[1] for c in CASES])
def test_the_facts_are_those_the_instruction_reader_gives(rel: str, monkeypatch: pytest.MonkeyPatch) -> None:
    found = facts.scan_file(LAWS, rel, file_hash(LAWS, rel))
    monkeypatch.setattr(facts, "_restates", lambda data: False)
    assert facts.scan_file(LAWS, rel, file_hash(LAWS, rel))[:2] == found[:2]


def test_unloadable_xml_is_left_to_the_reader() -> None:
    assert facts._restates(b"<?xml version='1.0'?><Dokument><Meta><DocumentType>LBK H") is False
