"""Amender: an "Overalt" change of a name changes its genitive (-s) too (OVERALT_GENITIVE, textops.overalt_genitive).

LOV 1715/2016 § 42, nr. 1: "Overalt i loven ændres »Natur- og Miljøklagenævnet« til: »Miljø- og
Fødevareklagenævnet«" (the genitive not named, as the same act names it in other §§). LBK 9/2017 § 31, stk. 3, 4
and 6 print "Miljø- og Fødevareklagenævnets afgørelse". When another item of the act quotes the genitive itself
(LOV 1392/2012 § 3, nr. 1 and 2, »Kort- og Matrikelstyrelsen« overalt and »Kort- og Matrikelstyrelsens« in § 1,
stk. 2, nr. 4), that item changes it. Real excerpts in tests/data/amend and tests/cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.amender.manifest import read_doc, read_order
from lovkons.amender.slots import Slot
from lovkons.amender.textops import overalt_genitive
from lovkons.model.document import Document, Kind, Meta, Node, Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import at, order

TESTS = Path(__file__).parent
CASE = TESTS / "data" / "amend" / "overalt-genitive-2016"


def test_the_board_of_appeal_is_renamed_in_its_genitive_too() -> None:
    result = consolidate(read_doc(CASE / "base.xml"), [read_order(CASE / "order.xml")])
    expected = read_doc(CASE / "expected.xml")
    for unit in ("§ 31, stk. 3", "§ 31, stk. 4", "§ 31, stk. 6"):
        assert at(result.document, unit).text == at(expected, unit).text
        assert "Miljø- og Fødevareklagenævnets" in at(result.document, unit).text
    said = [p for p in result.problems if p.code == "OVERALT_GENITIVE"]
    assert len(said) == 1 and "»Natur- og Miljøklagenævnets«" in said[0].message
    assert not [p for p in result.problems if p.severity == "error"]


def test_a_genitive_another_item_quotes_is_left_to_that_item() -> None:
    manifest = yaml.safe_load((TESTS / "cases" / "L-LBK-2013-680.yaml").read_text(encoding="utf-8"))
    base = read_doc((TESTS / "cases" / manifest["base"]).resolve())
    orders = [read_order((TESTS / "cases" / a["path"]).resolve()) for a in manifest["amendments"]]
    result = consolidate(base, orders)
    assert not [p for p in result.problems if p.severity == "error" or p.code == "OVERALT_GENITIVE"]
    assert "Geodatastyrelsens" in at(result.document, "§ 1, stk. 2, nr. 4").text


def _doc(text: str) -> Document:
    return Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), children=(Node(Kind.PARAGRAF, "1", None, "", (Node(Kind.STK, "1", None, text),)),))


# (the text, the name changed overalt and its new name, the text afterwards)
ROWS = [
    ("indtil Natur- og Miljøklagenævnets afgørelse foreligger", "Natur- og Miljøklagenævnet", "Miljø- og Fødevareklagenævnet",
     "indtil Miljø- og Fødevareklagenævnets afgørelse foreligger"),
    # another office's name begins with the genitive: kept (LBK 1507/2016, "Statens Administrations Finansservicecenter")
    ("til Statens Administrations Finansservicecenter", "Statens Administration", "Udbetaling Danmark",
     "til Statens Administrations Finansservicecenter"),
    # a common noun is no name: kept (LBK 1080/2013, "ejendommens")
    ("ejendommens værdi", "ejendommen", "boligen", "ejendommens værdi"),
    # the new name already there, ending in the old one
    ("Natur- og Miljøklagenævnets afgørelse", "Miljøklagenævnet", "Natur- og Miljøklagenævnet",
     "Natur- og Miljøklagenævnets afgørelse"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "old", "new", "after"), ROWS, ids=[r[1] for r in ROWS])
def test_which_genitives_follow_the_name(text: str, old: str, new: str, after: str) -> None:
    found, said = overalt_genitive(_doc(text), [Slot("node", (0, 0))], old, new, ())
    for _, spans in found:
        for a, b in sorted(spans, reverse=True):
            text = text[:a] + new + "s" + text[b:]
    assert text == after
    assert bool(said) is bool(found)


def test_an_excepted_punktum_keeps_its_genitive_also_when_the_new_name_is_longer() -> None:
    # review19 #1: the genitive's places are found in the text before the change, within the same slots as the name's
    sentence = "Overalt i loven bortset fra § 1, stk. 1, 2. pkt., ændres »Nævnet« til: »Det Meget Lange Nye Klagenævn«."
    ops, _ = parse_instruction(sentence, Source("LOV 1/2016", "1", 1))
    base = ensure_ids(_doc("Nævnet træffer afgørelse. Dette gælder ikke for sager om Nævnets drift. "
                           "Klage over Nævnets afgørelse indgives skriftligt."))
    result = consolidate(base, [order(Item(1, sentence, ops))])
    assert result.document.children[0].children[0].text == (
        "Det Meget Lange Nye Klagenævn træffer afgørelse. Dette gælder ikke for sager om Nævnets drift. "
        "Klage over Det Meget Lange Nye Klagenævns afgørelse indgives skriftligt.")
    said = [p.message for p in result.problems if p.code == "OVERALT_GENITIVE"]
    assert len(said) == 1 and "1 time," in said[0]
