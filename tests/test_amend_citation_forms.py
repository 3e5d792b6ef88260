"""Amender: a quoted citation that the provision writes in its other customary form (CITATION_FORM).

"§§ 354 og 356" / "§ 354 og § 356", "stk. 1-2" / "stk. 1 og 2", and one § of a "§§ list" quoted with its
own sign (amender.citation_forms). Cases are real excerpts in tests/data/amend; a lawyer can add a row."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.citation_forms import _in_list, _other_forms
from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from tests.amender_trees import at

DATA = Path(__file__).parent / "data" / "amend"
CODE = "CITATION_FORM"

# (quote, the other customary forms of it)
FORMS = [
    ("§ 354 og § 356", ["§§ 354 og 356"]),  # LOV 268/2014 § 10, nr. 4
    ("§§ 35 a og 35 b", ["§ 35 a og § 35 b"]),  # LOV 294/2011 § 1, nr. 37
    ("§ 10 B, stk. 1 og 2,", ["§ 10 B, stk. 1-2,"]),  # LOV 557/2012 § 3, nr. 2
    ("stk. 1-2", ["stk. 1 og 2"]),
    ("§§ 7, 8 og 9", ["§ 7, § 8 og § 9"]),
    ("§ 7, § 8 eller § 9 a", ["§§ 7, 8 eller 9 a"]),
    ("stk. 1 og 3", []),  # not neighbours: no range
    ("nr. 2-4", []),  # a range of three is no pair
    ("§§ 73-83 og 86-89", []),  # ranges of §§ keep their plural sign
    ("§ 42 a, stk. 7, 1. pkt., og § 42 a, stk. 8, 1. pkt.,", []),  # each § with its stk.: no list of §§
]  # fmt: skip


@pytest.mark.parametrize(("quote", "forms"), FORMS, ids=[f[0] for f in FORMS])
def test_other_customary_forms_of_a_citation(quote: str, forms: list[str]) -> None:
    assert [form for form, _ in _other_forms(quote)] == forms


# (text, where the member starts, whether it stands in a list of §§)
MEMBERS = [
    ("overholdelsen af §§ 63, 63 a, 63 b og 64-70 c.", "63 b", True),  # LBK 278/2013 § 71 (as amended)
    ("efter § 8 U, § 8 V, 8 X, stk. 1, § 8 Ø, § 9 B", "8 X", True),  # LBK 1264/2013 § 9 A, stk. 1
    ("efter §§ 7 F, 7 G, 8 V, 8 X, stk. 1, 8 Æ", "8 X", True),  # LBK 1264/2013 § 9 A, stk. 3
    ("jf. § 4, stk. 1, 63 b", "63 b", False),  # after a stk. of another §: not a member of a list of §§
    ("jf. stk. 2, 8 X", "8 X", False),  # no § leads it
    ("efter §§ 63 b og 64", "63 b", False),  # first of the list: it has the sign already
    ("sine pligter efter §§ 8 a, 13 eller 13 a.", "13 a", True),  # the last member: LBK 190/2012 § 35, stk. 2
    ("jf. stk. 2 eller 13 a", "13 a", False),  # no § leads the list
]  # fmt: skip


@pytest.mark.parametrize(("text", "member", "listed"), MEMBERS, ids=[m[0] for m in MEMBERS])
def test_a_member_of_a_list_of_paragraffer(text: str, member: str, listed: bool) -> None:
    assert _in_list(text, text.index(member)) is listed


# (excerpt, unit, words the unit reads after the act, the form named)
CASES = [
    # LOV 268/2014 § 10, nr. 4: »§ 354 og § 356« til: »§§ 354, 354 g og 356«; LBK 1065/2013 § 49: "§§ 354 og 356"
    ("cite-forsikring-2014", "§ 49, stk. 1", "finder §§ 354, 354 g og 356 i lov", "»§§ 354 og 356«"),
    # LOV 557/2012 § 3, nr. 2: efter »§ 10 B, stk. 1 og 2,« indsættes »§ 10 E, stk. 1,« (LBK 1264/2013 prints it there)
    ("cite-skattekontrol-2012", "§ 9, stk. 1", "§ 10 B, stk. 1-2, § 10 E, stk. 1, § 11 A", "»§ 10 B, stk. 1-2,«"),
    ("cite-skattekontrol-2012", "§ 14, stk. 2", "§ 10 B, stk. 1-2, § 10 E, stk. 1, eller § 11", "»§ 10 B, stk. 1-2,«"),
    # LOV 294/2011 § 1, nr. 37: to steder »§§ 35 a og 35 b« til: »§ 35 b«; LBK 878/2010 writes "§ 35 a og § 35 b"
    ("cite-kemikalier-2011", "§ 35 c, stk. 1", "anvendes uanset § 35 b og fastsætte", "»§ 35 a og § 35 b«"),
    # LOV 1884/2015 § 1, nr. 5: udgår »§ 8 X, stk. 1,«; LBK 1264/2013 § 9 A lists "8 X, stk. 1," without its sign
    ("cite-skattekontrol-2015", "§ 9 A, stk. 1", "§ 8 V, § 8 Ø, § 9 B", "»8 X, stk. 1,«"),
    ("cite-skattekontrol-2015", "§ 9 A, stk. 3", "8 V, 8 Æ, 8 Ø", "»8 X, stk. 1,«"),
    # LOV 894/2013 § 1, nr. 53: efter »§ 13 a« indsættes », jf. dog § 40 a, stk. 1 og 2«; LBK 806/2015 § 35, stk. 2
    ("cite-aktivlov-2013", "§ 35, stk. 2", "efter §§ 8 a, 13 eller 13 a, jf. dog § 40 a, stk. 1 og 2. Fradrag", "»13 a«"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "unit", "reads", "form"), CASES, ids=[f"{c[0]} {c[1]}" for c in CASES])
def test_quote_read_in_the_provisions_form(case: str, unit: str, reads: str, form: str) -> None:
    result = consolidate(read_doc(DATA / case / "base.xml"), [read_order(DATA / case / "order.xml")])
    assert reads in at(result.document, unit).text
    said = [p for p in result.problems if p.code == CODE and p.address == unit]
    assert said and form in said[0].message and said[0].severity == "warning"
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_number_of_a_stk_or_nr_list_is_no_member_of_the_list_of_paragraffer() -> None:
    """"§§ 3 og 4, stk. 1, nr. 2 og 13": 13 is a nr. of § 4, stk. 1, not a § of the list (review15)."""
    text = "efter §§ 3 og 4, stk. 1, nr. 2 og 13, i loven"
    assert not _in_list(text, text.index("13"))
    listed = "efter §§ 3, 4 og 13 i loven"
    assert _in_list(listed, listed.index("13"))
