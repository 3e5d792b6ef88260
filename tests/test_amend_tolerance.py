"""Amender: tolerant reading, exact applying, always said. An obvious slip between the quoted text and the
provision is read as meant with a TOLERATED_* warning naming both spellings; where an occurrence count
does not match, the readings the official consolidations show are taken (amender.list_readings), else the
operation is refused. Rows are real quotes and sentences; a lawyer can add one."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import Consolidation, consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.amender.resolve import node_at, resolve_current
from lovkons.amender.slips import is_slip
from lovkons.amender.slots import sentence_spans
from lovkons.model.document import Document, Kind, Meta, Node, Source, parse_address
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import order

DATA = Path(__file__).parent / "data" / "amend"

# (where, quoted text, text in the provision, read as the same?)
SLIPS = [
    ("LOV 433/2012 § 1 (typing slip in the act)", "investeroningsforeningernes", "investeringsforeningernes", True),
    ("LOV 1614/2013 § 1, nr. 3", "erhvervsakademiuddannnelser og efter- og videreuddannelser",
     "erhvervsakademiuddannelser og efter- og videreuddannelser", True),
    ("LBK 223/2011 § 38 (slip in the base)", "Landsskatteretten", "Landskatteretten", True),
    ("LOV 616/2013 § 1, nr. 34", "kapitalandelenes løbenummer og dennes størrelse eller pålydende værdi",
     "kapitalandelens løbenummer og dennes størrelse eller pålydende værdi", True),
    ("LOV 223/2011 § 51, nr. 3 (ending, three words)", "anmeldelse af betalingsstandsning",
     "anmeldelse af betalingsstandsningen", True),
    ("LOV 1715/2016 § 30, nr. 3 (comma missing in the base)", "jf. dog § 18 b, stk. 2-4,", "jf. dog § 18 b, stk. 2-4", True),
    ("another number is never a slip", "§ 52, stk. 3, nr. 8", "§ 52, stk. 3, nr. 7", False),
    ("another short word is never a slip", "med tillæg af 0,4 procentpoint", "med tillæg på 0,4 procentpoint", False),
    ("another ending of a lone word is another word", "Kommune", "Kommunen", False),
    ("LOV 922/2012 § 7, nr. 1: a sentence end is not a comma", "§ 16, stk. 1,", "§ 16, stk. 1.", False),
    ("too short to judge", "efter", "eftr", False),
]  # fmt: skip


@pytest.mark.parametrize(("name", "quoted", "found", "same"), SLIPS, ids=[r[0] for r in SLIPS])
def test_obvious_slip(name: str, quoted: str, found: str, same: bool) -> None:
    assert is_slip(quoted, found) is same


def law(*units: Node) -> Document:
    from lovkons.amender.consolidate import ensure_ids

    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), None, units))


def par(label: str, *kids: Node) -> Node:
    return Node(Kind.PARAGRAF, label, children=kids)


def stk(label: str, text: str, *kids: Node) -> Node:
    return Node(Kind.STK, label, text=text, children=kids)


def nr(label: str, text: str) -> Node:
    return Node(Kind.NR, label, text=text)


def run(base: Document, sentence: str) -> Consolidation:
    ops, problems = parse_instruction(sentence, Source("BEK 9/2020", "1", 1))
    assert problems == ()
    return consolidate(base, [order(Item(1, sentence, tuple(ops)))])


def text(d: Document, address: str) -> str:
    return node_at(d, resolve_current(d, parse_address(address)).path).text


def codes(result: Consolidation) -> list[tuple[str, str | None]]:
    return [(p.code, p.address) for p in result.problems]


def test_spelling_slip_is_applied_and_said() -> None:
    base = law(par("38", stk("1", "Klagen indgives til Landskatteretten. Landskatteretten kan dog tillægge en klage "
                                 "opsættende virkning.")))  # fmt: skip
    result = run(base, "I § 38, stk. 1, 2. pkt., ændres »Landsskatteretten« til: »Skatteankestyrelsen«.")
    assert codes(result) == [("TOLERATED_SPELLING", "§ 38, stk. 1, 2. pkt.")]
    assert "»Landsskatteretten« read as »Landskatteretten«" in result.problems[0].message
    assert text(result.document, "§ 38, stk. 1") == ("Klagen indgives til Landskatteretten. Skatteankestyrelsen kan "
                                                    "dog tillægge en klage opsættende virkning.")  # fmt: skip


def test_two_candidates_are_refused() -> None:
    base = law(par("38", stk("1", "Landskatteretten og Landskatteretten.")))
    result = run(base, "I § 38, stk. 1, ændres »Landsskatteretten« til: »Skatteankestyrelsen«.")
    assert codes(result) == [("TEXT_NOT_FOUND", "§ 38, stk. 1")]


def test_connector_ending_the_item_is_struck() -> None:
    # LOV 248/2011 § 1, nr. 12 on udlændingeloven § 58 g
    base = law(par("58 g", stk("1", "Rigspolitichefen indberetter en udlænding, hvis", nr("3", "udlændingen er meddelt "
               "afslag,"), nr("4", "udlændingens opholdstilladelse er inddraget i medfør af § 19, stk. 2, nr. 2 eller 3, "
               "eller"), nr("5", "udlændingen er udvist."))))  # fmt: skip
    result = run(base, "I § 58 g, nr. 4, udgår »eller«.")
    assert codes(result) == [("CONNECTOR_AT_ITEM_END", "§ 58 g, nr. 4")]
    assert text(result.document, "§ 58 g, nr. 4") == ("udlændingens opholdstilladelse er inddraget i medfør af § 19, "
                                                     "stk. 2, nr. 2 eller 3,")  # fmt: skip


def test_opening_words_are_meant_over_a_numbered_item() -> None:
    # LOV 532/2015 § 7, nr. 9 on lov om forvaltere af alternative investeringsfonde § 90, stk. 1
    base = law(par("90", stk("1", "Ønsker forvalteren at forvalte fonde i et land, som Unionen har indgået aftale med "
               "på det finansielle område, skal forvalteren indgive følgende:", nr("1", "Hvilket land, som Unionen har "
               "indgået aftale med på det finansielle område, forvalteren vælger."))))  # fmt: skip
    result = run(base, "I § 90, stk. 1, indsættes efter »område,«: »eller ønsker at levere tjenesteydelser,«.")
    assert codes(result) == [("OPENING_WORDS_MEANT", "§ 90, stk. 1")]
    assert "område, eller ønsker at levere tjenesteydelser, skal" in text(result.document, "§ 90, stk. 1")
    assert text(result.document, "§ 90, stk. 1, nr. 1").count("tjenesteydelser") == 0


def test_words_closing_a_list_are_read_for_its_last_item() -> None:
    base = law(par("58", stk("1", "Er der risiko på grund af", nr("1", "vold,"), nr("2", "misbrug,"),
               Node(Kind.TEKST, text="kan udvalget træffe afgørelse, jf. § 52, stk. 3, nr. 8."))))  # fmt: skip
    result = run(base, "I § 58, stk. 1, nr. 2, ændres »§ 52, stk. 3, nr. 8« til: »§ 52, stk. 3, nr. 7«.")
    assert codes(result) == [("TOLERATED_CLOSING_WORDS", "§ 58, stk. 1, nr. 2")]
    closing = node_at(result.document, (0, 0, 2)).text
    assert closing == "kan udvalget træffe afgørelse, jf. § 52, stk. 3, nr. 7."


def test_a_unit_named_beside_its_own_item_counts_its_text_outside_it() -> None:
    # LOV 478/2012 § 2, nr. 8: "to steder i § 9 g, stk. 2, og i § 9 g, stk. 2, nr. 1, … ændres »Søfartsstyrelsen«"
    base = law(par("9 g", stk("1", "Påbud."), stk("2", "Efterkommes et påbud fra Søfartsstyrelsen ikke, kan "
               "Søfartsstyrelsen beslutte,", nr("1", "at opgaverne varetages af personer, der udpeges af "
               "Søfartsstyrelsen, eller"), nr("2", "at bestyrelsen træder tilbage."))))  # fmt: skip
    result = run(base, "I § 4, stk. 4, 2. pkt., der bliver stk. 6, 2. pkt., to steder i § 9 g, stk. 2, og i § 9 g, "
                       "stk. 2, nr. 1, § 9 j, stk. 1, 2. pkt., ændres »Søfartsstyrelsen« til: »ministeren«.")  # fmt: skip
    assert [c for c in codes(result) if (c[1] or "").startswith("§ 9 g")] == []  # §§ 4 and 9 j: not in this tree
    assert "Søfartsstyrelsen" not in repr(result.document)


def test_a_shorter_quote_inside_a_longer_one_of_the_same_item() -> None:
    # LOV 624/2010 § 4, nr. 1 on lov om social service § 57 a, stk. 6
    base = law(par("57 a", stk("6", "Pålægget er en betingelse for at modtage børnefamilieydelse, jf. lov om en "
                                    "børnefamilieydelse.")))  # fmt: skip
    result = run(base, "I § 57 a, stk. 6, ændres »børnefamilieydelse« til: »børne- og ungeydelse« og »lov om en "
                       "børnefamilieydelse« til: »lov om en børne- og ungeydelse«.")  # fmt: skip
    assert codes(result) == []
    assert text(result.document, "§ 57 a, stk. 6") == ("Pålægget er en betingelse for at modtage børne- og "
                                                      "ungeydelse, jf. lov om en børne- og ungeydelse.")  # fmt: skip


def unit_text(d: Document, address: str) -> str:
    """The unit's text with its sub-units; "…, N. pkt." gives that punktum; "…, indledningen" its opening words."""
    opening = address.endswith(", indledningen")
    target = resolve_current(d, parse_address(address.removesuffix(", indledningen")))
    node = node_at(d, target.path)
    if target.pkt:
        a, b = sentence_spans(node.text)[target.pkt - 1]
        return node.text[a:b]
    return node.text if opening else node.full_text()


# (excerpt in tests/data/amend, unit that must equal the official consolidation's, warning said)
CASES = [
    ("spil-2015", "§ 38, stk. 2, 2. pkt.", "TOLERATED_SPELLING"),  # LOV 1574/2015 § 3, nr. 7 → LBK 336/2016
    ("udlaendinge-2011", "§ 58 g, nr. 4", "CONNECTOR_AT_ITEM_END"),  # LOV 248/2011 § 1, nr. 12 → LBK 947/2011
    ("aif-2015", "§ 90, stk. 1, indledningen", "OPENING_WORDS_MEANT"),  # LOV 532/2015 § 7, nr. 9 → LBK 1074/2016
    ("servicelov-2010", "§ 58, stk. 1", "TOLERATED_CLOSING_WORDS"),  # LOV 628/2010 § 1, nr. 29 → LBK 81/2011
    ("soefart-2012", "§ 9 g, stk. 2", None),  # LOV 478/2012 § 2, nr. 8 → LBK 466/2013
]


@pytest.mark.parametrize(("case", "unit", "said"), CASES, ids=[c[0] for c in CASES])
def test_case_unit_as_the_official_consolidation(case: str, unit: str, said: str | None) -> None:
    base, expected = read_doc(DATA / case / "base.xml"), read_doc(DATA / case / "expected.xml")
    result = consolidate(base, [read_order(DATA / case / "order.xml")])
    assert unit_text(result.document, unit) == unit_text(expected, unit)
    if said:
        assert said in {p.code for p in result.problems if (p.address or "").split(", ")[0] == unit.split(", ")[0]}
