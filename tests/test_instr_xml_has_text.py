"""xml_route._has_text (whether an element has any running text, decided at its first piece) agrees with
bool(element_text(el)) for every element of the real LexDania amending acts in tests/data/instr/."""

from __future__ import annotations

from pathlib import Path

from lovkons.parsers.instructions.xml_route import _has_text, _load
from lovkons.parsers.xml_text import element_text

DOCS = sorted((Path(__file__).parent / "data" / "instr").glob("*.xml"))


def test_has_text_agrees_with_element_text() -> None:
    assert DOCS
    seen = empty = 0
    for path in DOCS:
        root = _load(path.read_bytes(), str(path))
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            seen += 1
            assert _has_text(el) == bool(element_text(el)), (path.name, el.tag, el.sourceline)
            empty += not _has_text(el)
    assert seen > 1000 and empty > 0  # both answers occur
