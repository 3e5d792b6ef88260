"""Numbered definitions with a full-stop nr. ("1. Akseltryk: …", older laws such as færdselsloven
§ 2): read as nr. from the LexDania XML (unlabelled Stk elements) and from an amending act's quote,
so "§ 2, nr. 5" resolves and a new definition lands as the official consolidation prints it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Kind, Node
from lovkons.parsers.text import parse_fragment
from lovkons.review.evaluate import paragraf_map

LAWS = Path(__file__).parent / "data" / "structure"
BASE = LAWS / "LBK-2011-1047.xml"  # færdselsloven, LBK 1047/2011
ORDER = LAWS / "LOV-2011-479.xml"  # § 1, nr. 1: a new nr. 6 "Førerret" in § 2
OFFICIAL = LAWS / "LBK-2012-1055.xml"  # the LBK that incorporates it


def _stk1(path: Path) -> Node:
    par = next(p for p in read_doc(path).walk() if p.kind is Kind.PARAGRAF and p.label == "2")
    return par.children[0]


# (nr., start of its text) in færdselsloven § 2 as LBK 1047/2011 prints it; a lawyer can add rows
FAERDSELSLOV_2 = [
    ("1", "Akseltryk: det tryk, der overføres til vejen fra hjulene på en aksel."),
    ("5", "Fodgængerfelt: den del af vejen, som er bestemt for gående ved passage over kørebane"),
    ("15", "Motorvej og motortrafikvej: vej, som er forbeholdt færdsel med motorkøretøjer"),
    ("28", "Vognbane: enhver af de baner, i hvilke kørebanen kan deles"),
]


@pytest.mark.parametrize(("label", "start"), FAERDSELSLOV_2)
def test_definition_list_of_unlabelled_stk_is_read_as_nr(label: str, start: str) -> None:
    stk = _stk1(BASE)
    assert stk.text == "I denne lov forstås ved:"
    nrs = {n.label: n for n in stk.children}
    assert [n.kind for n in stk.children] == [Kind.NR] * 28
    assert list(nrs) == [str(i) for i in range(1, 29)]
    assert nrs[label].text.startswith(start)


# (quoted text, kind expected, the nr.'s label and text or None)
QUOTES = [
    # LOV 479/2011 § 1, nr. 1 ("I § 2 indsættes efter nr. 5 som nyt nummer: »6. Førerret: …«")
    ("6. Førerret: retten til at føre motordrevet køretøj, hvortil der kræves kørekort, bortset fra lille knallert.",
     Kind.NR, ("6", "Førerret: retten til at føre motordrevet køretøj, hvortil der kræves kørekort, bortset fra lille knallert.")),
    # a numbered sentence without a defined term is no definition (LBK 1222/2010, CO2-kvoteloven § 20)
    ("3. Såfremt en driftsleder eller en luftfartsoperatør ikke har opfyldt sin forpligtelse til at returnere "
     "kvoter efter § 26, stk. 2, fradrages den skyldige mængde kvoter inden førstkommende kvotetildeling til "
     "driftslederen.", Kind.NR, None),
    # without a nr. expected, the quote stays text
    ("6. Førerret: retten til at føre motordrevet køretøj.", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expect", "nr"), QUOTES)
def test_quoted_definition(text: str, expect: Kind | None, nr: tuple[str, str] | None) -> None:
    nodes = parse_fragment(text, expect=expect)
    got = (nodes[0].label, nodes[0].text) if len(nodes) == 1 and nodes[0].kind is Kind.NR else None
    assert got == nr


def test_new_definition_applied_as_the_official_consolidation_prints_it() -> None:
    result = consolidate(read_doc(BASE), [read_order(ORDER)], parts={"LOV 479/2011": "§ 1, nr. 1"})
    assert not [p for p in result.problems if p.severity == "error"]
    assert paragraf_map(result.document)["2"] == paragraf_map(read_doc(OFFICIAL))["2"]


# ------------------------------------------------------------------ a term as the nr., its definition after it

SELSKABSLOV_2011 = LAWS / "LBK-2011-322-par5.xml"  # selskabsloven, LBK 322/2011, § 5 only
SELSKABSLOV_2015 = LAWS / "LBK-2015-610-par5.xml"  # LBK 610/2015: each term and its definition in one Indentatio

# (nr. in LBK 322/2011, nr. of the same definition in LBK 610/2015, start of its text); a lawyer can add rows
SELSKABSLOV_5 = [
    ("1", "1", "Aktieselskab: Et kapitalselskab, herunder et partnerselskab, hvor kapitalejernes"),
    ("6", "6", "Ejeraftale: Aftale, der regulerer ejer- og ledelsesforhold i selskabet"),
    ("17", "18", "Kapitalselskab: Et anpartsselskab"),
]


def _par5_stk1(path: Path) -> Node:
    par = next(p for p in read_doc(path).walk() if p.kind is Kind.PARAGRAF and p.label == "5")
    return par.children[0]


@pytest.mark.parametrize(("old", "new", "start"), SELSKABSLOV_5)
def test_definition_after_its_numbered_term_belongs_to_the_nr(old: str, new: str, start: str) -> None:
    stk = _par5_stk1(SELSKABSLOV_2011)
    assert stk.text == "I denne lov forstås ved:"
    assert Kind.TEKST not in {n.kind for n in stk.children}  # no definition left between two nr.
    nrs = {n.label: n for n in stk.children}
    assert nrs[old].text.startswith(start)
    official = {n.label: n for n in _par5_stk1(SELSKABSLOV_2015).children}
    assert official[new].text.startswith(start)


def test_term_without_its_colon_still_takes_its_definition() -> None:
    # LBK 322/2011 § 5, stk. 1, nr. 11 prints the term without a colon (LBK 610/2015 adds it)
    nr11 = next(n for n in _par5_stk1(SELSKABSLOV_2011).children if n.label == "11")
    assert nr11.text.startswith("Grænseoverskridende flytning af hjemsted Et kapitalselskabs flytning")
    official = next(n for n in _par5_stk1(SELSKABSLOV_2015).children if n.label == "11")
    assert official.text.replace("hjemsted:", "hjemsted") == nr11.text


ARSREGNSKABSLOV_2011 = LAWS / "LBK-2011-323-par7.xml"  # årsregnskabsloven, LBK 323/2011, § 7 only


def test_definition_with_its_litra_list_belongs_to_the_nr() -> None:
    # § 7, stk. 2: "1) Små virksomheder:" + "Virksomheder, som … to af følgende størrelsesgrænser:" + litra a-c
    par = next(p for p in read_doc(ARSREGNSKABSLOV_2011).walk() if p.kind is Kind.PARAGRAF and p.label == "7")
    stk2 = par.children[1]
    assert [(n.kind, n.label) for n in stk2.children] == [(Kind.NR, "1"), (Kind.NR, "2"), (Kind.NR, "3")]
    assert stk2.children[0].text.startswith("Små virksomheder: Virksomheder, som i to på hinanden følgende")
    assert [n.label for n in stk2.children[0].children] == ["a", "b", "c"]
    assert stk2.children[2].text == "Store virksomheder: Virksomheder, der ikke er små eller mellemstore virksomheder."


def test_only_a_term_after_an_introduction_takes_the_text_after_it() -> None:
    from lovkons.parsers.xml_definitions import definition_bodies

    body = Node(Kind.TEKST, text="Bestyrelsen vælges for 1 år.")
    # a list item's own ending ("og") is no defined term: the text after the list stays the stk's
    items = [Node(Kind.NR, label="1", text="en bestyrelse og"), body, Node(Kind.NR, label="2", text="en direktion.")]
    assert definition_bodies("Selskabet skal have:", items) == items
    # a unit that introduces no list (no colon) keeps its children as they are
    term = [Node(Kind.NR, label="1", text="Bestyrelse:"), body, Node(Kind.NR, label="2", text="Direktion:")]
    assert definition_bodies("Selskabet skal have", term) == term
    assert definition_bodies("I denne lov forstås ved:", term)[0].text == "Bestyrelse: Bestyrelsen vælges for 1 år."
