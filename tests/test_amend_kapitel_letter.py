"""Amender: "Efter § 27 d indsættes i kapitel 4: »§ 27 e. …«" (LOV 463/2011 § 1, nr. 10) where § 27 d is the last
§ of kapitel 4 a, the lettered kapitel after kapitel 4: the act named the kapitel without its letter, and the new §
goes after its anchor, where its number fits (said: TOLERATED_KAPITEL); LBK 947/2011 prints § 27 e after § 27 d in
kapitel 4 a. At the end of kapitel 4 it would stand before § 27 b (refused as PAYLOAD_MISMATCH before). An anchor
that does not end its kapitel, or a kapitel of another number, is read as before. The kapitler are udlændingelovens
(LBK 1061/2010), shortened."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import Consolidation, consolidate, ensure_ids
from lovkons.model.document import Document, Kind, Meta, Node, Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import order

ITEM = 'Efter § 27 d indsættes i kapitel 4: »§ 27 e. Politiet kan efter forespørgsel uden udlændingens samtykke videregive oplysninger om en udlændings eventuelle tidligere straffe til myndigheder i et andet EU-land/EØS-land eller et land, der er omfattet af § 2, stk. 5, til brug for det pågældende lands vurdering af, om udlændingen udgør en risiko for den offentlige orden eller sikkerhed i forbindelse med landets behandling af sager om udstedelse af registreringsbevis eller opholdskort efter EU-retten. Findes der i det pågældende land ikke en registreringsordning, kan videregivelsen ske senest 3 måneder efter udlændingens indrejse eller fra den dato, hvor udlændingen har anmeldt sin tilstedeværelse i det pågældende land. En forespørgsel skal besvares inden 2 måneder fra modtagelsen.«'


def _par(label: str, text: str) -> Node:
    return Node(Kind.PARAGRAF, label, children=(Node(Kind.STK, "1", text=text),))


def _law(*after_27d: Node) -> Document:
    children = (
        Node(Kind.KAPITEL, "4", heading="Udvisning", children=(
            _par("27", "De i § 11, stk. 4, nr. 1, § 17, stk. 1, 3. pkt., §§ 22, 23 og 25 a nævnte tidsrum regnes fra "
                       "tidspunktet for udlændingens tilmelding til Folkeregistret."),
            _par("27 a", "Til brug for Udlændingeservices afgørelser om udvisning efter kapitel 4 kan Udlændingeservice "
                         "indhente oplysninger."),
        )),
        Node(Kind.KAPITEL, "4 a", heading="Fuldbyrdelse af endelige administrative afgørelser", children=(
            _par("27 b", "En udlænding kan udsendes af landet."),
            _par("27 c", "Når en udlænding, som er omfattet af § 27 b, stk. 1, udrejser, underretter "
                         "Udlændingeservice myndigheden."),
            _par("27 d", "Udlændingeservice og politiet kan uden udlændingens samtykke indhente fortrolige "
                         "oplysninger."),
            *after_27d,
        )),
        Node(Kind.KAPITEL, "5", heading="Afvisning", children=(
            _par("28", "En udlænding kan afvises ved indrejsen."),
        )),
    )  # fmt: skip
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), None, children))


def _apply(doc: Document, item: str = ITEM) -> Consolidation:
    ops, problems = parse_instruction(item, Source("LOV 1/2014", "1", 10))
    assert problems == ()
    return consolidate(doc, [order(Item(10, item, tuple(ops), line=3))])


def _labels(result: Consolidation) -> dict[str, list[str]]:
    return {k.label or "": [p.label or "" for p in k.children] for k in result.document.children}


def test_the_new_paragraf_follows_its_anchor_in_the_lettered_kapitel() -> None:
    result = _apply(_law())
    assert [p.code for p in result.problems] == ["TOLERATED_KAPITEL"]
    assert _labels(result)["4 a"] == ["27 b", "27 c", "27 d", "27 e"]
    assert _labels(result)["4"] == ["27", "27 a"]


@pytest.mark.parametrize(("name", "doc", "item"), [
    ("§ 27 d does not end kapitel 4 a", _law(_par("27 f", "Ministeren fastsætter regler.")), ITEM),
    ("a kapitel of another number", _law(), ITEM.replace("i kapitel 4:", "i kapitel 5:")),
])  # fmt: skip
def test_otherwise_the_kapitel_named_is_read_as_before(name: str, doc: Document, item: str) -> None:
    assert "TOLERATED_KAPITEL" not in [p.code for p in _apply(doc, item).problems]
