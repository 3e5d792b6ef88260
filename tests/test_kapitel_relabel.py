""""Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel 5 b«." (LOV 594/2011 § 85, nr. 5, printed after nr. 4 put a
new kapitel 5 a in the place of §§ 34-36): the kapitel the label named before the order gets the new label, its
heading and §§ kept (as in LBK 1252/2014: Kapitel 5 a Ægtefælleskifte m.v., Kapitel 5 b Dødsbobehandling).
The base is a stand-in for lov om retsafgifter before the act (its kapitel 5 and 5 a); the order carries the
act's two sentences (numbered 1 and 2 here). Refused: a kapitel that does not exist, a label another has."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Document, Kind
from lovkons.parsers.text import parse_text

DATA = Path(__file__).parent / "data" / "amend" / "kapitel-relabel-2011"


def _kapitler(doc: Document) -> list[tuple[str, str, list[str]]]:
    return [(str(n.label), str(n.heading), [str(c.label) for c in n.children if not c.repealed])
            for n in doc.children if n.kind is Kind.KAPITEL]


def _base(text: str | None = None) -> Document:
    if text is None:
        return read_doc(DATA / "base.txt")
    return parse_text(text, file="base.txt").document


def test_the_old_kapitel_gets_the_new_label_after_a_new_kapitel_took_its_old_one() -> None:
    result = consolidate(_base(), [read_order(DATA / "order.txt")])
    assert not [p for p in result.problems if p.severity == "error"]
    assert _kapitler(result.document) == [
        ("5", "Konkursbehandling", ["33"]),
        ("5 a", "Ægtefælleskifte m.v.", ["34", "34 a"]),
        ("5 b", "Dødsbobehandling", ["36 a"]),
    ]


def test_a_kapitel_that_does_not_exist_is_refused() -> None:
    text = (DATA / "base.txt").read_text(encoding="utf-8").replace("Kapitel 5 a\n", "Kapitel 6\n")
    result = consolidate(_base(text), [read_order(DATA / "order.txt")])
    errors = [p.code for p in result.problems if p.severity == "error"]
    assert errors == ["TARGET_NOT_FOUND"]
    assert [k for k, _, _ in _kapitler(result.document)] == ["5", "5 a", "6"]  # nr. 1 made, nr. 2 not


def test_a_label_another_kapitel_has_is_refused() -> None:
    text = (DATA / "base.txt").read_text(encoding="utf-8") + "\nKapitel 5 b\nArv\n\n§ 36 m. Afgift af arv.\n"
    result = consolidate(_base(text), [read_order(DATA / "order.txt")])
    errors = [p.code for p in result.problems if p.severity == "error"]
    assert errors == ["LABEL_CONFLICT"]
    assert [k for k, _, _ in _kapitler(result.document)] == ["5", "5 a", "5 a", "5 b"]
