""""Overskriften efter § 61 før overskriften til § 62 affattes således: »Adgange«" (LOV 1520/2014 § 141, nr. 51, lov
om private fællesveje): two headings stand between § 61 and § 62, a group heading and § 62's own; the first, the one
right after § 61, gets the new words and § 62's own heading stays. The base is a stand-in for the law's kapitel 8
(the law itself is not in the corpus); the order carries the act's sentence."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Document, Kind
from lovkons.parsers.text import parse_text

DATA = Path(__file__).parent / "data" / "amend" / "heading-between-2014"


def _units(doc: Document) -> list[str]:
    return [c.text if c.kind is Kind.OVERSKRIFT else f"§ {c.label}" for n in doc.children for c in n.children]


def test_the_heading_right_after_the_paragraf_gets_the_new_words() -> None:
    base = read_doc(DATA / "base.txt")
    assert _units(base) == ["§ 61", "Adgang til private fællesveje", "Overkørsler", "§ 62", "§ 63"]
    result = consolidate(base, [read_order(DATA / "order.txt")])
    assert not [p for p in result.problems if p.severity == "error"]
    assert _units(result.document) == ["§ 61", "Adgange", "Overkørsler", "§ 62", "§ 63"]
    assert not [p for p in result.problems if p.code == "AMBIGUOUS_TARGET"]  # the first of two is named exactly


def test_only_the_next_paragrafs_own_heading_is_refused() -> None:
    """With one heading after § 61 it is § 62's own, which the sentence says stays: nothing stands between (review11)."""
    text = (DATA / "base.txt").read_text(encoding="utf-8").replace("Adgang til private fællesveje\n\n", "")
    base = parse_text(text).document
    result = consolidate(base, [read_order(DATA / "order.txt")])
    assert [p.code for p in result.problems if p.severity == "error"] == ["TARGET_NOT_FOUND"]
    assert _units(result.document) == ["§ 61", "Overkørsler", "§ 62", "§ 63"]
