"""LexDania reader: a lettered afsnit keeps its letter ("Afsnit I a" after "Afsnit I", LBK 39/2014, SU-loven), as the
text route reads it; before, both were afsnit "I", and LOV 633/2015 § 1, nr. 3 ("I overskriften til afsnit I udgår
»eller magisterkonferensgrad«") was refused (AMBIGUOUS_TARGET). Excerpt: LBK 39/2014 §§ 2 and 46 a in their afsnit;
LOV 633/2015 § 1, nr. 3 (tests/data/amend/afsnit-letter-2014)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Document, Kind
from lovkons.parsers.xml_meta import division_label

DATA = Path(__file__).parent / "data" / "amend" / "afsnit-letter-2014"


def afsnit(d: Document) -> list[tuple[str | None, str | None]]:
    return [(c.label, c.heading) for c in d.children if c.kind is Kind.AFSNIT]


def test_a_lettered_afsnit_keeps_its_letter() -> None:
    assert [label for label, _ in afsnit(read_doc(DATA / "base.xml"))] == ["I", "I a"]


def test_the_heading_of_afsnit_i_is_changed_without_a_refusal() -> None:
    result = consolidate(read_doc(DATA / "base.xml"), [read_order(DATA / "order.xml")])
    assert afsnit(result.document) == [("I", "Uddannelsesstøtte til uddannelse indtil kandidatgrad"),
                                       ("I a", "Udlandsstipendium og udlandsstudielån")]
    assert not [p for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize(("explicatus", "label"), [
    ("Afsnit I a", "I a"), ("Afsnit II a ", "II a"), ("Afsnit X g", "X g"), ("Afsnit VII", "VII"),
    ("Første afsnit.", "I"),
])
def test_division_labels(explicatus: str, label: str) -> None:
    assert division_label(explicatus, "afsnit") == label
