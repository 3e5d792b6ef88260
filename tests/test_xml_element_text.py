"""parsers.xml_text.element_text cleans each piece (text, child, tail) on its own and joins the
non-empty ones by one space: the same as cleaning the whole text at once (`clean` works token by
token). Checked against that definition on nested elements with the indentation the instruction
reader keeps, no-break spaces, soft hyphens and zero-width characters, and empty pieces."""

from __future__ import annotations

import pytest
from lxml import etree

from lovkons.parsers.xml_text import clean, element_text, linea_text


def whole(el: etree._Element) -> str:
    """The definition: every piece joined by a space, cleaned once at each level."""
    if el.tag == "Linea":
        return clean(linea_text(el))
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            parts.append(whole(child) if len(child) or child.tag == "Linea" else clean(child.text or ""))
        parts.append(child.tail or "")
    return clean(" ".join(parts))


PIECES = ["", " ", "\n      ", "a\u00adb", "\u200b", "\xa0§\xa05\xa0", "ord  ord", "\ufeff", "Stk. 2."]

XML = [
    ("an AendringsNummer as published", """<AendringsNummer>
        <Explicatus>1.</Explicatus>
        <Aendring><AendringDefinition><Exitus>
          <Linea><Char>I </Char><Char formaChar="Italic">§ 3</Char><Char> ændres »2« til: »3«.</Char></Linea>
        </Exitus></AendringDefinition></Aendring>
      </AendringsNummer>"""),
    ("a table cell with two lines", "<Td><Exitus><Linea><Char>a</Char></Linea><Linea><Char>b</Char></Linea></Exitus></Td>"),
    ("an empty Stk", "<Stk>\n  <Exitus/>\n</Stk>"),
]


@pytest.mark.parametrize("xml", [x for _, x in XML], ids=[n for n, _ in XML])
def test_real_shapes(xml: str) -> None:
    el = etree.fromstring(xml)
    assert element_text(el) == whole(el)


@pytest.mark.parametrize("piece", PIECES, ids=repr)
@pytest.mark.parametrize("other", PIECES, ids=repr)
def test_pieces(piece: str, other: str) -> None:
    def esc(s: str) -> str:
        return s.replace("&", "&amp;")

    xml = (f"<Stk>{esc(piece)}<Char>{esc(other)}</Char>{esc(other)}<Exitus>{esc(piece)}<Linea><Char>{esc(piece)}</Char>"
           f"<Char>{esc(other)}</Char></Linea>{esc(piece)}</Exitus>{esc(piece)}</Stk>")  # fmt: skip
    el = etree.fromstring(xml.encode())
    assert element_text(el) == whole(el)
