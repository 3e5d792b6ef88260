"""A resolution that splits a law (register: `stays` on a transfer): the law follows the area moved, the
parts of it (kapitel, afsnit) whose heading names a matter that stayed go on under the old office.

Each case: a real sentence, the heading of the part it stands in, the law's title, who signed it and its
later amending acts (the law's evidence), the day, and the sentence as the official LBK prints it. A legal
reader can add a case without writing Python.
"""

from __future__ import annotations

import datetime as dt

import pytest

from lovkons.model.document import Document, Kind, Meta, Node
from lovkons.ressort.layer import apply_ressort, decisions
from lovkons.ressort.register import default_register
from lovkons.ressort.responsible import Evidence, part_responsibility, responsibility, stays

D = dt.date.fromisoformat
VVU = "Bekendtgørelse af lov om erhvervsrettet grunduddannelse og videregående uddannelse (videreuddannelsessystemet) for voksne"
VVU_SIGNED = [("2011-08-08", "Undervisningsministeriet"),  # LBK 881/2011
              ("2011-12-28", "Ministeriet for Forskning, Innovation og Videregående Uddannelser")]  # LOV 1373/2011
DAG = "Bekendtgørelse af lov om dag-, fritids- og klubtilbud m.v. til børn og unge (dagtilbudsloven)"
DAG_SIGNED = [("2011-06-17", "Socialministeriet"),  # LBK 668/2011
              ("2012-12-18", "Ministeriet for Børn og Undervisning")]  # LOV 1230/2012

# (id, law title, signed, day, heading of the part, the sentence as enacted, as the LBK prints it)
CASES = [
    ("the part that stayed keeps its minister (LBK 578/2014 § 6)", VVU, VVU_SIGNED, "2014-06-01",
     "Grunduddannelse for voksne",
     "Undervisningsministeren fastsætter nærmere regler om grunduddannelse for voksne.",
     "Undervisningsministeren fastsætter nærmere regler om grunduddannelse for voksne."),
    ("the part that moved follows the law (LBK 578/2014 § 11)", VVU, VVU_SIGNED, "2014-06-01",
     "Videregående uddannelse for voksne",
     "Undervisningsministeren kan fastsætte regler om betegnelse knyttet til den konkrete uddannelse.",
     "Uddannelses- og forskningsministeren kan fastsætte regler om betegnelse knyttet til den konkrete uddannelse."),
    ("the afsnit that stayed goes on under the old office's new name (LBK 1240/2013 § 64)", DAG, DAG_SIGNED,
     "2013-10-29", "Fritidshjem til børn i skolealderen",
     "Socialministeren fastsætter regler om tilskud og egenbetaling efter bestemmelserne i dette kapitel.",
     "Undervisningsministeren fastsætter regler om tilskud og egenbetaling efter bestemmelserne i dette kapitel."),
    ("the afsnit of the area moved follows the law (LBK 1240/2013 § 44)", DAG, DAG_SIGNED, "2013-10-29",
     "Dagtilbud til børn indtil skolestart",
     "Socialministeren fastsætter regler om tilskud og egenbetaling efter bestemmelserne i dette kapitel.",
     "Social-, børne- og integrationsministeren fastsætter regler om tilskud og egenbetaling efter bestemmelserne i "
     "dette kapitel."),
    ("before the split the part is the law's (LBK 1240/2013 on 2012-06-01)", DAG, DAG_SIGNED[:1], "2012-06-01",
     "Fritidshjem til børn i skolealderen",
     "Socialministeren fastsætter regler om tilskud og egenbetaling efter bestemmelserne i dette kapitel.",
     "Børne- og undervisningsministeren fastsætter regler om tilskud og egenbetaling efter bestemmelserne i dette "
     "kapitel."),
]  # fmt: skip


def law(title: str, heading: str, text: str) -> Document:
    paragraf = Node(Kind.PARAGRAF, "1", children=(Node(Kind.STK, "1", text=text),))
    return Document(Meta("LBK", 1, 2010, D("2010-01-01"), title),
                    children=(Node(Kind.KAPITEL, "1", heading=heading, children=(paragraf,)),))


def evidence(signed: list[tuple[str, str]]) -> list[Evidence]:
    return [Evidence(D(d), office, f"signed {d}") for d, office in signed]


@pytest.mark.parametrize(("title", "signed", "day", "heading", "enacted", "printed"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_part_a_transfer_left_behind(title: str, signed: list[tuple[str, str]], day: str, heading: str,
                                       enacted: str, printed: str) -> None:
    r = apply_ressort(law(title, heading, enacted), D(day), evidence=evidence(signed))
    assert [n.text for n in r.document.walk() if n.kind is Kind.STK] == [printed]


def test_a_part_stays_only_by_the_words_of_its_heading() -> None:
    (change,) = [c for c in default_register().changes if c.date == D("2013-08-09")]
    (transfer,) = [t for t in change.transfers if t.keywords == ("dagtilbud*",)]
    assert stays(transfer, "Klubtilbud og andre socialpædagogiske fritidstilbud til større børn og unge")
    assert not stays(transfer, "Dagtilbud til børn indtil skolestart")
    assert not stays(transfer, "")


def test_the_part_goes_on_from_the_office_before_the_transfer() -> None:
    reg = default_register()
    title = "lov om erhvervsrettet grunduddannelse og videregående uddannelse (videreuddannelsessystemet) for voksne"
    resp = responsibility(reg, title, evidence(VVU_SIGNED), D("2014-06-01"))
    assert resp.office == "Uddannelses- og Forskningsministeriet"
    part = part_responsibility(reg, title, resp, "Grunduddannelse for voksne", D("2014-06-01"))
    assert part.office == "Undervisningsministeriet"
    assert part.offices() == ["Undervisningsministeriet", "Ministeriet for Børn og Undervisning", "Undervisningsministeriet"]
    assert part_responsibility(reg, title, resp, "Klager m.v.", D("2014-06-01")) is resp


def test_the_decisions_of_a_day_include_the_parts() -> None:
    """A version is renamed again only when the decisions differ (ressort.layer.decisions): the name in the
    part that stayed is decided apart from the same name elsewhere in the law."""
    doc = law(DAG, "Fritidshjem til børn i skolealderen", CASES[2][5])
    elsewhere = tuple(Node(Kind.PARAGRAF, str(i), children=(Node(Kind.STK, "1", text=CASES[2][5]),)) for i in (2, 3))
    doc = doc.with_(children=(*doc.children, *elsewhere))  # the minister named most: the law's evidence
    apply_ressort(doc, D("2013-10-29"), base=doc, orders=())
    offices = {d.office for d in decisions(doc, D("2013-10-29"), base=doc) if d is not None}
    assert offices == {"Undervisningsministeriet", "Social-, Børne- og Integrationsministeriet"}


def test_a_law_renamed_day_after_day_comes_out_as_renamed_afresh() -> None:
    """The layer reuses the subtrees it renamed on an earlier day when their decisions agree; a subtree
    holding a part that decides for itself is renamed afresh each day."""
    from lovkons.ressort import layer

    sentence = CASES[2][5]
    stk = (Node(Kind.STK, "1", text=sentence),)
    kapitler = tuple(Node(Kind.KAPITEL, str(i), heading=h, children=(Node(Kind.PARAGRAF, str(i), children=stk),))
                     for i, h in enumerate(("Dagtilbud til børn indtil skolestart", "Fritidshjem til børn i skolealderen",
                                            "Administration m.v."), 1))  # fmt: skip
    doc = Document(Meta("LBK", 1, 2010, D("2010-01-01"), DAG),
                   children=(Node(Kind.AFSNIT, "I", heading="Tilbud", children=kapitler),))
    days = [D("2012-06-01"), D("2013-10-29"), D("2012-06-01"), D("2014-06-01")]
    warm = [apply_ressort(doc, day, base=doc).document for day in days]
    cold = []
    for day in days:
        layer._MEMO.clear()
        cold.append(apply_ressort(doc, day, base=doc).document)
    assert warm == cold
    assert [n.text.split()[0] for n in warm[1].walk() if n.kind is Kind.STK] == [
        "Social-,", "Undervisningsministeren", "Social-,"]
