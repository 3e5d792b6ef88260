"""Punktum splitting inside »…«: no sentence ends inside a quotation of an amending order.

`split_sentences` looks the guillemet depth up at each candidate end (bisection over the » and «
positions) instead of building a list with one depth per character; the property tests compare it
with that per-character walk, kept here as the reference.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lovkons.parsers import sentences
from lovkons.parsers.sentences import split_sentences

# Real texts (LexDania 2010–2011) with a candidate end inside a quotation; `pkt` counts the punktummer.
ROWS = [
    pytest.param(
        "I lov om eliteidræt, jf. lovbekendtgørelse nr. 1332 af 30. november 2007, foretages følgende ændringer:"
        " 1. § 3, stk. 2, ophæves. 2. § 4 affattes således: »§ 4. Kulturministeren skal godkende vedtægter for"
        " Team Danmark.«",
        3,
        id="LOV-1531-2010-new-paragraf-quoted",
    ),
    pytest.param(
        "I lov om arbejdsskadesikring, jf. lovbekendtgørelse nr. 848 af 7. september 2009, som ændret senest ved"
        " § 18 i lov nr. 718 af 25. juni 2010, foretages følgende ændring: 1. § 90 affattes således: »§ 90. Loven"
        " gælder ikke for Færøerne og Grønland.«",
        2,
        id="LOV-1528-2010-quoted-paragraf-text",
    ),
    pytest.param(
        "I lov nr. 173 af 12. marts 2008 om ændring af lov om miljøbeskyttelse og forskellige andre love."
        " (Strafskærpelse m.v.) foretages følgende ændringer: 1. § 1, nr. 1, ophæves. 2. I § 4, stk. 1, udgår"
        " », jf. dog stk. 2«. 3. § 4, stk. 2, ophæves.",
        5,
        id="LOV-484-2010-two-quotes",
    ),
]


@pytest.mark.parametrize(("text", "pkt"), ROWS)
def test_no_end_inside_a_quotation(text: str, pkt: int) -> None:
    parts = split_sentences(text)
    assert len(parts) == pkt
    assert all(p.count("»") == p.count("«") for p in parts)  # every quotation stays in one punktum


def _depths(text: str) -> list[int]:
    """The reference: guillemet nesting depth after each character (never below 0)."""
    out, depth = [], 0
    for ch in text:
        depth = depth + 1 if ch == "»" else max(0, depth - 1) if ch == "«" else depth
        out.append(depth)
    return out


def _reference_split(text: str) -> list[str]:
    """split_sentences with the per-character depths (the code before the bisection)."""
    text = " ".join(text.split())
    if not text:
        return []
    depths, out, start = _depths(text), [], 0
    for m in sentences._END.finditer(text):
        dot = m.start() - 1
        if depths[dot] == 0 and sentences._is_end(text, dot, m.end()):
            out.append(text[start : m.start()])
            start = m.end()
    out.append(text[start:])
    return [s for s in out if s]


# Short texts over the characters that matter: guillemets (also unbalanced, a « before any »), ends,
# capitals that start a sentence, digits (ordinals), an abbreviation and a lettered §.
_PIECES = st.sampled_from(["»", "«", ". ", "? ", "! ", "  ", "A", "Den", "§ 4", "2. ", "stk.", " m.v. ", "x", "1"])
TEXTS = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_quoted_is_the_per_character_depth(text: str) -> None:
    quoted = sentences._quoted(text)
    assert [quoted(i) for i in range(len(text))] == [d > 0 for d in _depths(text)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_split_equals_the_per_character_reference(text: str) -> None:
    assert split_sentences(text) == _reference_split(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_split_equals_the_reference_on_any_text(text: str) -> None:
    assert split_sentences(text) == _reference_split(text)
