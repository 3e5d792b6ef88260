"""An amending act's own bilag (LexDania `<Bilag>` after the signature), which its items cite ("Bilag 2
affattes som bilag 2 til denne lov", LOV 70/2013 § 2, nr. 10), read as the quoted text the
instruction grammar takes: label → "»Bilag 2" heading line, then its lines and table rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.parsers.instructions.build import own_bilag
from lovkons.parsers.xml_bilag import own_bilag_texts
from lovkons.parsers.xml_meta import load_xml

LOV_2013_70 = Path(__file__).parent / "data" / "structure" / "LOV-2013-70.xml"

# (the act's bilag, the bilag of the amended law it becomes, a line it holds); LOV 70/2013
ROWS = [
    ("1", "4", "Satser for elafgiftslovens § 11, stk. 9"),  # § 1, nr. 7: "Bilag 4-7 affattes som bilag 1"
    ("2", "2", "Sats for naturgas og bygas | øre/Nm3 | 227,0 | 231,1 | 235,3 | 239,5 | 279,5 | 284,5"),
    ("8", "6", "Satser for mineralolieafgiftslovens § 9,"),
]


@pytest.mark.parametrize(("own", "new", "line"), ROWS)
def test_own_bilag_read_as_quoted_text(own: str, new: str, line: str) -> None:
    texts = own_bilag_texts(load_xml(LOV_2013_70.read_bytes()))
    assert list(texts) == [str(n) for n in range(1, 9)]
    lines = texts[own].split("\n")
    assert lines[0] == f"»Bilag {new}"
    assert any(text.startswith(line) for text in lines[1:])
    node = own_bilag(texts)[own][0]  # as the instruction grammar makes the new bilag of it
    assert node.label == new
    assert any(child.text.startswith(line) for child in node.children)
