""""Overskriften før § N" where § N has no heading of its own and is the first § of a kapitel: the heading before it
is that kapitel's. LexDania writes a heading over a group of §§ as a kapitel without a number ("Faglige rådgivende
udvalg" before § 7 of LOV 113/2010): exactly the heading before the §. A numbered kapitel's heading is read so too,
and said (HEADING_OF_KAPITEL): "I overskriften før § 1 indsættes efter »anvendelsesområde«: »m.v.«" (LOV 427/2016 § 1,
nr. 1) on kapitel 1 of husdyrbrugloven, "Formål og anvendelsesområde" (LBK 442/2016). Before, both were refused
(TARGET_NOT_FOUND "no heading før § …"; 3 refusals of the corpus rebuild). The headings and sentences are real."""

from __future__ import annotations

from lovkons.amender.consolidate import ensure_ids
from lovkons.model.document import Document, Kind, Meta, Node, Source
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import par, run, stk


def _law(*kapitler: Node) -> Document:
    return ensure_ids(Document(Meta("LOV", 1, 2010, title="Lov om …"), None, kapitler))


def _one(sentence: str) -> object:
    ops, problems = parse_instruction(sentence, Source("LOV 1/2016", "1", 1))
    assert problems == () and len(ops) == 1
    return ops[0]


def test_a_heading_without_a_number_over_the_paragraf_is_repealed() -> None:
    law = _law(Node(Kind.KAPITEL, None, heading="Sekretariat", children=(par("6", stk("1", "Styrelsen yder bistand.")),)),
               Node(Kind.KAPITEL, None, heading="Faglige rådgivende udvalg",
                    children=(par("7", stk("1", "Ministeren kan nedsætte udvalg.")),)))
    new, problems = run(_one("Overskriften før § 7 ophæves."), law)  # LOV 156/2013 § 1, nr. 6
    assert problems == ()
    assert [k.heading or None for k in new.children] == ["Sekretariat", None]
    assert [p.label for p in new.paragraffer()] == ["6", "7"]


def test_the_heading_of_the_numbered_kapitel_the_paragraf_opens_is_amended_and_said() -> None:
    law = _law(Node(Kind.KAPITEL, "1", heading="Formål og anvendelsesområde",
                    children=(par("1", stk("1", "Loven skal medvirke til at værne om natur.")),
                              par("2", stk("1", "Loven gælder for husdyrbrug.")))))
    new, problems = run(_one("I overskriften før § 1 indsættes efter »anvendelsesområde«: »m.v.«"), law)
    assert new.children[0].heading == "Formål og anvendelsesområde m.v."
    assert [p.code for p in problems] == ["HEADING_OF_KAPITEL"]  # type: ignore[attr-defined]


def test_a_paragraf_inside_a_kapitel_is_not_read_so() -> None:
    """§ 2 does not open kapitel 1: "overskriften før § 2" names no heading and is refused."""
    law = _law(Node(Kind.KAPITEL, "1", heading="Formål", children=(par("1", stk("1", "A.")), par("2", stk("1", "B.")))))
    new, problems = run(_one("Overskriften før § 2 ophæves."), law)
    assert new.children[0].heading == "Formål"
    assert [p.code for p in problems] == ["TARGET_NOT_FOUND"]  # type: ignore[attr-defined]
