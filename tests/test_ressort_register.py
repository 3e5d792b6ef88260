"""The register of ministries and authorities (ressort/register.yaml): validated on load with one clear
line per mistake, the periods in office it gives, the name forms, and the generated docs table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.ressort.forms import MINISTER, NAME, name_forms, render
from lovkons.ressort.register import RegisterError, default_register, load_register
from lovkons.ressort.table import markdown_table

ROOT = Path(__file__).resolve().parent.parent
D = dt.date.fromisoformat

GOOD_OFFICES = """
offices:
  - {name: Kirkeministeriet, minister: kirkeministeren}
  - {name: Ministeriet for Ligestilling og Kirke, minister: ministeren for ligestilling og kirke}
"""
GOOD_CHANGE = """
changes:
  - date: 2011-10-03
    basis: kgl. res. af 3. oktober 2011
    renames:
      Kirkeministeriet: Ministeriet for Ligestilling og Kirke
"""

# (what is wrong, the YAML, a part of the one-line message)
BAD = [
    ("not YAML", "offices: [\n", "not valid YAML"),
    ("unknown top key", GOOD_OFFICES + GOOD_CHANGE + "ministers: []\n", "unknown key(s) ministers"),
    ("unknown office in a change", GOOD_OFFICES + GOOD_CHANGE.replace(": Ministeriet for Ligestilling og Kirke",
                                                                     ": Kirke- og Ligestillingsministeriet"),
     "'Kirke- og Ligestillingsministeriet' is not in 'offices'"),
    ("resolution dated otherwise than the change", GOOD_OFFICES + GOOD_CHANGE.replace("3. oktober", "4. oktober"),
     "the basis cites 2011-10-04, the change is dated 2011-10-03"),
    ("not a month", GOOD_OFFICES + GOOD_CHANGE.replace("oktober 2011", "oktobr 2011"), "not a Danish month name"),
    ("minister title capitalised", GOOD_OFFICES.replace("minister: kirkeministeren", "minister: Kirkeministeren")
     + GOOD_CHANGE, "definite form, lower case"),
    ("minister title indefinite", GOOD_OFFICES.replace("minister: kirkeministeren", "minister: kirkeminister")
     + GOOD_CHANGE, "definite form, lower case"),
    ("office listed twice", GOOD_OFFICES + "  - {name: Kirkeministeriet, minister: kirkeministeren}\n" + GOOD_CHANGE,
     "listed twice"),
    ("ends a name not in office", GOOD_OFFICES + GOOD_CHANGE + """  - date: 2012-01-01
    basis: kgl. res. af 1. januar 2012
    renames:
      Kirkeministeriet: Ministeriet for Ligestilling og Kirke
""", "'Kirkeministeriet' ends, but it is not in office then"),
    ("begins a name in office", GOOD_OFFICES + GOOD_CHANGE + """  - date: 2012-01-01
    basis: kgl. res. af 1. januar 2012
    starts: [Ministeriet for Ligestilling og Kirke]
""", "'Ministeriet for Ligestilling og Kirke' begins, but it is already in office"),
    ("transfer to a name not in office", GOOD_OFFICES + GOOD_CHANGE + """  - date: 2012-01-01
    basis: kgl. res. af 1. januar 2012
    transfers:
      - {from: Ministeriet for Ligestilling og Kirke, to: Kirkeministeriet, area: kirke}
""", "transfer to 'Kirkeministeriet', which is not in office after the change"),
    ("a keyword that is no word", GOOD_OFFICES + GOOD_CHANGE + """    transfers:
      - {from: Kirkeministeriet, to: Ministeriet for Ligestilling og Kirke, area: x, keywords: ["kirke?"]}
""", "keyword 'kirke?'"),
    ("a date that is no date", GOOD_OFFICES + GOOD_CHANGE.replace("date: 2011-10-03", "date: 3. oktober 2011"),
     "'date' must be a date"),
    ("two changes on one day", GOOD_OFFICES + GOOD_CHANGE + """  - date: 2011-10-03
    basis: kgl. res. af 3. oktober 2011
""", "two changes are dated 2011-10-03"),
    ("a new title for no ministry", GOOD_OFFICES + GOOD_CHANGE + "    titles: {Kirkestyrelsen: kirkeministeren}\n",
     "'Kirkestyrelsen' is not a ministry"),
    ("a new title for a ministry out of office", GOOD_OFFICES + GOOD_CHANGE
     + "    titles: {Kirkeministeriet: kirkeministeren}\n", "'Kirkeministeriet' is not in office then"),
    ("a new title capitalised", GOOD_OFFICES + GOOD_CHANGE
     + "    titles: {Ministeriet for Ligestilling og Kirke: Kirkeministeren}\n", "definite form, lower case"),
    ("a verified change after the register is complete", GOOD_OFFICES + GOOD_CHANGE + "complete_until: 2011-06-30\n",
     "after complete_until (2011-06-30)"),
]


@pytest.mark.parametrize(("yaml_text", "message"), [(y, m) for _, y, m in BAD], ids=[w for w, _, _ in BAD])
def test_a_wrong_register_is_one_clear_error(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = tmp_path / "register.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(RegisterError) as err:
        load_register(path)
    assert message in str(err.value)
    assert str(err.value).startswith(str(path))  # the file first, then the entry and the reason
    assert "\n" not in str(err.value)


def test_a_good_small_register_loads(tmp_path: Path) -> None:
    path = tmp_path / "register.yaml"
    path.write_text(GOOD_OFFICES + GOOD_CHANGE, encoding="utf-8")
    reg = load_register(path)
    assert reg.in_office("Kirkeministeriet", D("2011-10-02")) and not reg.in_office("Kirkeministeriet", D("2011-10-03"))
    assert reg.changes[0].label == "redaktionel ændring (ressortændring, kgl. res. af 3. oktober 2011)"


# (name, in office on these days, not on these) — from the signatures of the corpus (bench/ressort notes)
PERIODS = [
    ("Undervisningsministeriet", ["2010-06-14", "2013-12-17", "2017-02-27"], ["2012-03-05", "2016-03-08"]),
    ("Ministeriet for Børn og Undervisning", ["2011-12-28", "2013-06-12"], ["2011-10-02", "2013-08-09"]),
    ("Social-, Børne- og Integrationsministeriet", ["2013-08-28", "2013-12-26"], ["2013-08-08", "2014-05-21"]),
    ("Indenrigs- og Socialministeriet", ["2010-01-15", "2010-02-22"], ["2010-04-21"]),
    ("Erhvervsministeriet", ["2000-01-01", "2016-12-08"], ["2012-01-20"]),
    ("Konkurrence- og Forbrugerstyrelsen", ["2013-01-17"], ["2009-12-31"]),
    ("Miljø- og Fødevareklagenævnet", ["2017-02-01"], ["2017-01-26"]),
    ("Fødevareministeriets Klagecenter", ["2011-05-18", "2013-03-08"], ["2010-06-25"]),
    ("Sekretariatet for Fødevare- og Veterinærklager", ["2010-06-25"], ["2011-05-18"]),
    ("Kvalitets- og Tilsynsstyrelsen", ["2013-05-28"], ["2015-05-16"]),
    ("Styrelsen for Undervisning og Kvalitet", ["2015-05-16", "2016-06-22"], ["2015-05-15"]),
]


@pytest.mark.parametrize(("name", "inside", "outside"), PERIODS, ids=[p[0] for p in PERIODS])
def test_the_shipped_register_knows_who_was_in_office(name: str, inside: list[str], outside: list[str]) -> None:
    reg = default_register()
    assert all(reg.in_office(name, D(d)) for d in inside)
    assert not any(reg.in_office(name, D(d)) for d in outside)


def test_every_change_cites_its_basis_and_every_verified_one_its_evidence() -> None:
    reg = default_register()
    for c in reg.changes:
        assert c.basis and (c.evidence or not c.verified), c.date
    # the register is complete up to complete_until; what it lists after that day is not verified
    assert all(c.date <= (reg.complete_until or c.date) or not c.verified for c in reg.changes)


# (written in a law, the office it names, minister or name, genitive)
FORMS = [
    ("Undervisningsministeren", "Undervisningsministeriet", MINISTER, False),
    ("undervisningsministerens", "Undervisningsministeriet", MINISTER, True),
    ("Ministeren for fødevarer, landbrug og fiskeri", "Ministeriet for Fødevarer, Landbrug og Fiskeri", MINISTER, False),
    ("ministeren for børn, undervisning og ligestillings", "Ministeriet for Børn, Undervisning og Ligestilling",
     MINISTER, True),
    ("ministerens for børn og undervisning", "Ministeriet for Børn og Undervisning", MINISTER, True),
    ("Klima-, energi- og bygningsministeriet", "Klima-, Energi- og Bygningsministeriet", NAME, False),
    ("Erhvervs- og Selskabsstyrelsens", "Erhvervs- og Selskabsstyrelsen", NAME, True),
]


@pytest.mark.parametrize(("written", "office", "role", "genitive"), FORMS, ids=[f[0] for f in FORMS])
def test_every_form_of_a_name_is_read(written: str, office: str, role: str, genitive: bool) -> None:
    forms = name_forms(default_register())
    m = forms.pattern.search(f"efter {written} m.v.")
    assert m is not None and m[0] == written
    assert any((f.office, f.role, f.genitive) == (office, role, genitive) for f in forms.lookup(written))


def test_a_name_inside_a_coordinated_compound_is_not_another_name() -> None:
    """"Miljø- og Fødevareministeriet" does not contain "Fødevareministeriet"; "børne- og
    undervisningsministeren" does not contain "undervisningsministeren"."""
    forms = name_forms(default_register())
    for text in ("Miljø- og Fødevareministeriet", "børne- og undervisningsministeren", "Klima-, energi- og bygningsministeren"):
        assert [m[0] for m in forms.pattern.finditer(text)] == [text]


@pytest.mark.parametrize(("office", "role", "genitive", "written", "expected"), [
    ("Miljø- og Fødevareministeriet", MINISTER, False, "Ministeren for fødevarer, landbrug og fiskeri", "Miljø- og fødevareministeren"),
    ("Miljø- og Fødevareministeriet", MINISTER, False, "ministeren for fødevarer, landbrug og fiskeri", "miljø- og fødevareministeren"),
    ("Ministeriet for Børn, Undervisning og Ligestilling", MINISTER, True, "undervisningsministerens",
     "ministeren for børn, undervisning og ligestillings"),
    ("Ministeriet for Børn, Undervisning og Ligestilling", NAME, False, "Undervisningsministeriet",
     "Ministeriet for Børn, Undervisning og Ligestilling"),
    ("Erhvervsstyrelsen", NAME, True, "Erhvervs- og Selskabsstyrelsens", "Erhvervsstyrelsens"),
])  # fmt: skip
def test_the_new_name_takes_the_form_of_the_old(office: str, role: str, genitive: bool, written: str, expected: str) -> None:
    assert render(default_register(), office, role, genitive, written) == expected


def test_docs_table_is_up_to_date() -> None:
    assert (ROOT / "docs" / "ressort-register.md").read_text(encoding="utf-8") == markdown_table(default_register())
