"""`Document.paragraf_count()` (the § count of `parse --format summary`) equals
`len(Document.paragraffer())` on every document in tests/data: it does not look inside the §§,
which holds because no reader puts a § inside a § (a § quoted in an amending instruction, e.g.
"§ 5 affattes således: »§ 5. …«", is the instruction's text)."""

from __future__ import annotations

from pathlib import Path

from lovkons.model.document import Kind, LovkonsError
from lovkons.parsers.read import read_document

DATA = Path(__file__).parent / "data"
SUFFIXES = (".xml", ".txt", ".json", ".html")


def test_paragraf_count_equals_paragraffer_on_every_test_document() -> None:
    read = 0
    for path in sorted(p for p in DATA.rglob("*") if p.is_file() and p.suffix in SUFFIXES):
        try:
            doc = read_document(path, lenient=True).document
        except (LovkonsError, OSError, ValueError):
            continue  # the deliberately bad inputs
        read += 1
        paragraffer = doc.paragraffer()
        assert doc.paragraf_count() == len(paragraffer), path
        for node in paragraffer:
            inner = [n for n in node.walk() if n is not node and n.kind is Kind.PARAGRAF]
            assert not inner, f"{path}: § {node.label} holds a §"
    assert read > 300  # the real documents of tests/data, not a handful
