""""I kapitel 5 ophæves overskriften »Udpegning af drikkevandsforekomster«, og § 8 ophæves." (LOV 1631/2013 § 14,
nr. 2): the heading is named by its words; it is repealed (with the § it stands before) only when it reads so —
else the item is refused whole. A stand-in law around the act's sentence."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_order
from lovkons.model.document import Document, Kind
from lovkons.parsers.text import parse_text

DATA = Path(__file__).parent / "data" / "amend" / "heading-words"


def _base(heading: str) -> Document:
    text = (DATA / "base.txt").read_text(encoding="utf-8").replace("Udpegning af drikkevandsforekomster", heading)
    return parse_text(text, file="base.txt").document


def _headings(doc: Document) -> list[str]:
    return [str(n.text) for n in doc.walk() if n.kind is Kind.OVERSKRIFT]


def test_the_heading_that_reads_as_quoted_goes_with_its_paragraf() -> None:
    result = consolidate(_base("Udpegning af  drikkevandsforekomster"), [read_order(DATA / "order.txt")])
    assert not [p for p in result.problems if p.severity == "error"]
    assert _headings(result.document) == []


def test_a_heading_that_reads_otherwise_is_not_repealed_and_neither_is_its_paragraf() -> None:
    result = consolidate(_base("Drikkevand"), [read_order(DATA / "order.txt")])
    assert {p.code for p in result.problems if p.severity == "error"} == {"TEXT_NOT_FOUND", "ITEM_WITHHELD"}
    assert _headings(result.document) == ["Drikkevand"]
    assert not next(n for n in result.document.walk() if n.kind is Kind.PARAGRAF and n.label == "8").repealed
