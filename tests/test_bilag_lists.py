"""A bilag's numbered list read as nr. units (parsers/bilag_lists.py), so that "Bilag 1, nr. 10, affattes således",
"Bilag 1, nr. 11, ophæves. Nr. 12 og 13 bliver herefter nr. 11 og 12." (LOV 1746/2016 § 5) resolve, renumber and
insert as in a stk. Only a clean list is read so; a list in parts ("Liste A / … / Liste B", opkrævningsloven) or a
table keeps its lines. The rows are real bilag lines; the consolidation runs LOV 1746/2016 § 5, nr. 4-7 and 9, on the
bilag of LBK 782/2015 (with a stand-in § 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Kind, Node
from lovkons.parsers.bilag_lists import list_units, listed_nodes
from lovkons.parsers.node_factory import new_node

DATA = Path(__file__).parent / "data" / "amend" / "bilag-list-2016"

# (the bilag's lines, the opening lines kept, the nr. labels with their litra; None: the lines stay lines)
LINES = [
    # LBK 782/2015 bilag 1: a list of laws under a heading line
    (["Love omfattet af § 2, stk. 1, i lov om Danmarks Evalueringsinstitut",
      "1) Lov om erhvervsakademiuddannelser og professionsbacheloruddannelser.",
      "2) Lov om autorisation af sundhedspersoner og om sundhedsfaglig virksomhed.",
      "3) Lov om professionshøjskoler for videregående uddannelser."], 1, [("1", ""), ("2", ""), ("3", "")]),
    # LBK 5/2013 bilag 1: items with letters under one
    (["Dataindholdet i Det Centrale Personregister (CPR), jf. § 4, er følgende:",
      "1) Personnummeroplysninger: Personnummer, jf. § 3.",
      "2) Navneoplysninger: Fornavn, mellemnavn og efternavn.",
      "3) Adresseoplysninger:",
      "a) Kommune, vej, husnummer, etage, side-dørnummer.",
      "b) Udenlandsadresse, jf. § 26, stk. 3.",
      "4) Fødselsregistreringsoplysninger: Fødselsregistreringssted."], 1, [("1", ""), ("2", ""), ("3", "ab"), ("4", "")]),
    # LBK 1402/2010 bilag 1: two lists, the numbering starts again (a part of a bilag is not addressable)
    (["Liste A", "1) Lov om energiafgift af mineralolieprodukter m.v.", "2) Lov om afgift af spiritus m.m.",
      "Liste B", "1) Kildeskatteloven."], None, None),
    # LBK 598/2013 bilag 1: table rows
    (["1) | Investeringsforvaltningsfunktioner, som en forvalter mindst skal være ansvarlig for:",
      "| a) | Porteføljepleje.", "2) | Andre funktioner, som en forvalter er ansvarlig for:"], None, None),
    # a number left out: not a list the numbers can be trusted in
    (["1) Lov om ungdomsskoler.", "3) Lov om almen voksenuddannelse."], None, None),
    # one item is no list
    (["Liste over stoffer", "1) Kviksølv."], None, None),
]


@pytest.mark.parametrize(("lines", "opening", "units"), LINES)
def test_a_bilag_list(lines: list[str], opening: int | None, units: list[tuple[str, str]] | None) -> None:
    found = list_units(lines)
    if units is None:
        assert found is None
        return
    assert found is not None
    start, got = found
    assert start == opening
    assert [(u.label, "".join(lab for lab, _ in u.litra)) for u in got] == units
    nodes = listed_nodes(tuple(new_node(Kind.TEKST, text=t) for t in lines), "bilag1")
    assert [n.kind for n in nodes[:start]] == [Kind.TEKST] * start
    assert [n.label for n in nodes[start:]] == [u for u, _ in units]
    assert nodes[start].text == lines[start].split(") ", 1)[1]


def test_the_text_route_reads_the_list_as_the_xml_route_does() -> None:
    base = read_doc(DATA / "base.txt")
    bilag = next(n for n in base.children if n.kind is Kind.BILAG)
    assert bilag.heading == "Love omfattet af § 2, stk. 1, i lov om Danmarks Evalueringsinstitut"
    assert [(n.kind, n.label) for n in bilag.children] == [(Kind.NR, str(i)) for i in range(1, 28)]


def _bilag(nodes: tuple[Node, ...]) -> list[str]:
    bilag = next(n for n in nodes if n.kind is Kind.BILAG)
    return [f"{n.label}) {n.text}" for n in bilag.children if n.kind is Kind.NR]


def test_units_of_a_bilag_list_are_recast_repealed_renumbered_and_changed() -> None:
    result = consolidate(read_doc(DATA / "base.txt"), [read_order(DATA / "order.txt")])
    assert [p.code for p in result.problems if p.severity == "error"] == []
    got = _bilag(result.document.children)
    assert len(got) == 25
    assert got[9] == "10) Lov om de gymnasiale uddannelser."
    assert got[10] == "11) Lov om institutioner for almengymnasiale uddannelser og almen voksenuddannelse m.v."
    assert got[14] == "15) Lov om vejledning om valg af uddannelse og erhverv samt pligt til uddannelse, beskæftigelse m.v."
    assert got[23:] == ["24) Lov om dag-, fritids- og klubtilbud m.v. til børn og unge (dagtilbudsloven).",
                        "25) Lov om folkehøjskoler."]
