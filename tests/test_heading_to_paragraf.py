""""Overskriften efter § 5 udgår, og i stedet indsættes: »§ 6. …«" (LOV 584/2012 § 1, nr. 3, lov om regionernes
finansiering): the heading right after § 5 goes and the new § 6 stands where it stood, right after § 5, as one
operation: when § 6 does not fit there the heading stays too. The base is a stand-in for the law's kapitel (the law
is not in the corpus); the order carries the act's sentence (its § 6 cut to two stk., and the heading after it)."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Document, Kind
from lovkons.parsers.text import parse_text

DATA = Path(__file__).parent / "data" / "amend" / "heading-to-paragraf-2012"


def _units(doc: Document) -> list[str]:
    return [c.text if c.kind is Kind.OVERSKRIFT else f"§ {c.label}" for n in doc.children for c in n.children]


def _run(text: str) -> tuple[Document, list[str]]:
    result = consolidate(parse_text(text, file="base.txt").document, [read_order(DATA / "order.txt")])
    return result.document, [p.code for p in result.problems if p.severity == "error"]


def test_the_new_paragraf_stands_where_the_heading_stood() -> None:
    base = read_doc(DATA / "base.txt")
    assert _units(base) == ["§ 5", "Udviklingsbidrag fra kommunerne", "§ 7"]
    result = consolidate(base, [read_order(DATA / "order.txt")])
    assert not [p for p in result.problems if p.severity == "error"]
    # the quote ends with the heading of the units after it (a Rubrica after the new § in the act's XML)
    assert _units(result.document) == ["§ 5", "§ 6", "Udviklingsbidrag fra kommunerne", "§ 7"]
    new = next(c for n in result.document.children for c in n.children if c.label == "6")
    assert [s.label for s in new.children if s.kind is Kind.STK][-1] == "2"


def test_a_paragraf_that_does_not_fit_leaves_the_heading_too() -> None:
    text = (DATA / "base.txt").read_text(encoding="utf-8").replace("kommunerne\n", "kommunerne\n\n§ 6. Mere.\n")
    doc, errors = _run(text)
    assert errors == ["PAYLOAD_MISMATCH"]
    assert _units(doc) == ["§ 5", "Udviklingsbidrag fra kommunerne", "§ 6", "§ 7"]


def test_no_heading_after_the_paragraf_is_refused() -> None:
    doc, errors = _run((DATA / "base.txt").read_text(encoding="utf-8").replace("Udviklingsbidrag fra kommunerne\n", ""))
    assert errors == ["TARGET_NOT_FOUND"]
    assert _units(doc) == ["§ 5", "§ 7"]
