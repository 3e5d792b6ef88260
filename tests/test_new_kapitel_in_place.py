""""§ 11 ophæves, og som nyt kapitel indsættes: »Kapitel 1 c … § 11. …«" (LOV 190/2017 § 1, nr. 17): a kapitel
is never put inside a kapitel. The § was the last of its kapitel: the new kapitel follows that kapitel; when
other §§ of the kapitel follow the §, where the new kapitel begins is not said and the change is refused.
The base is a stand-in for the law (its kapitel 1 b ending in § 11), the order carries the act's sentence."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Document, Kind, Node
from lovkons.parsers.text import parse_text

DATA = Path(__file__).parent / "data" / "amend" / "new-kapitel-in-place"


def _kapitler(doc: Document) -> list[tuple[str, list[str]]]:
    def paragraffer(node: Node) -> list[str]:
        return [str(c.label) for c in node.children if c.kind is Kind.PARAGRAF and not c.repealed]
    return [(str(n.label), paragraffer(n)) for n in doc.children if n.kind is Kind.KAPITEL]


def test_the_new_kapitel_follows_the_kapitel_whose_last_paragraf_it_replaces() -> None:
    base = read_doc(DATA / "base.txt")
    assert [k for k, _ in _kapitler(base)] == ["1 b", "2"]
    result = consolidate(base, [read_order(DATA / "order.txt")])
    assert not [p for p in result.problems if p.severity == "error"]
    kapitler = _kapitler(result.document)
    assert [k for k, _ in kapitler] == ["1 b", "1 c", "2"]
    assert kapitler[0][1] == ["10", "10 a"] and kapitler[1][1] == ["11"] and kapitler[2][1] == ["12"]


def test_a_paragraf_followed_by_others_in_its_kapitel_is_refused() -> None:
    text = (DATA / "base.txt").read_text(encoding="utf-8").replace(
        "§ 11. Ministeren kan fastsætte regler.", "§ 11. Ministeren kan fastsætte regler.\n\n§ 11 a. Mere.")
    base = read_doc_text(text)
    result = consolidate(base, [read_order(DATA / "order.txt")])
    errors = [p for p in result.problems if p.severity == "error"]
    assert [p.code for p in errors] == ["PAYLOAD_MISMATCH"]
    assert [k for k, _ in _kapitler(result.document)] == ["1 b", "2"]  # nothing half-applied


def read_doc_text(text: str) -> Document:
    return parse_text(text, file="base.txt").document
