"""parsers.xml_meta.load_xml: one reused parser per setting, and the last tree parsed with its blank
text kept given again for the same bytes (a corpus scan reads an amending act's <Meta>, then its
instructions, from the same bytes); other bytes, or the document reader's setting (each file read
once), are parsed anew, and bad XML is refused every time."""

from __future__ import annotations

import pytest

from lovkons.model.document import LovkonsError
from lovkons.parsers.xml_meta import load_xml

DOC = b"<Dokument><Meta><DocumentType>LOV H</DocumentType></Meta>\n  <DokumentIndhold/></Dokument>"


def test_same_bytes_same_setting_same_tree() -> None:
    first = load_xml(DOC)
    assert load_xml(bytes(bytearray(DOC))) is first  # equal bytes, another object
    assert load_xml(DOC, keep_blank_text=False) is not first  # another setting: parsed again
    assert load_xml(DOC, keep_blank_text=False) is not load_xml(DOC, keep_blank_text=False)  # not kept


def test_other_bytes_parsed_again() -> None:
    first = load_xml(DOC)
    other = load_xml(DOC.replace(b"LOV H", b"LBK H"))
    assert other is not first and other.findtext("Meta/DocumentType") == "LBK H"
    assert load_xml(DOC).findtext("Meta/DocumentType") == "LOV H"


def test_blank_text_setting() -> None:
    kept = load_xml(DOC)
    dropped = load_xml(DOC, keep_blank_text=False)
    assert kept[0].tail == "\n  " and dropped[0].tail is None


@pytest.mark.parametrize("bad", [b"<Dokument><Meta></Dokument>", b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>", b""])
def test_bad_xml_refused_each_time(bad: bytes) -> None:
    for _ in range(2):
        with pytest.raises(LovkonsError):
            load_xml(bad, file="bad.xml")
