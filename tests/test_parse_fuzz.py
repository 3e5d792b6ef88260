"""Property tests: arbitrary text or bytes never raise anything but LovkonsError."""

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from lovkons.model.document import LovkonsError
from lovkons.parsers.read import read_bytes
from lovkons.parsers.text import parse_fragment, parse_text

PIECES = st.sampled_from(
    ["§ 1.", "§ 2", "§ 5 a.", "Stk. 2.", "1)", "a)", "Kapitel 1", "Første afsnit.", "»", "«", "\n", "  ",
     "Bilag 1", "Noter", "jf. § 4.", "Overskrift", "Tekst.", "I medfør af", ":", "(Ophævet)", "\u00a0",
     "Givet på Christiansborg Slot, den 1. juli 2009", "# Key: value", "foretages følgende ændringer:", "x | y"]
)  # fmt: skip
LEGALISH = st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), LEGALISH))
def test_parse_text_never_crashes(text: str) -> None:
    with contextlib.suppress(LovkonsError):
        parse_text(text)
    parse_text(text, lenient=True)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_read_bytes_never_crashes(data: bytes) -> None:
    with contextlib.suppress(LovkonsError):
        read_bytes(data)


@settings(max_examples=200, deadline=None)
@given(LEGALISH)
def test_parse_fragment_never_crashes(text: str) -> None:
    parse_fragment(text)
