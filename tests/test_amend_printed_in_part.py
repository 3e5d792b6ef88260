"""Amender: a § an LBK printed in part — the stykker that took effect later left out as "(Udeladt, da
bestemmelsen først træder i kraft …)" — is the item's own text: when a later consolidation incorporates the
item, its whole § takes the place of the one printed in part (said: ITEM_PRINTED_IN_PART). Anything less exact
(another stk. that differs) is refused as before. The texts are LBK 668/2011 § 12 (dagtilbudsloven) and LOV
275/2011 § 1, nr. 8; LBK 1240/2013 prints the whole § 12."""

from __future__ import annotations

import regex

from lovkons.amender.consolidate import Consolidation, consolidate, ensure_ids
from lovkons.model.document import Document, Kind, Meta, Node, Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import order

# LOV 275/2011 § 1, nr. 8 (on the stand-in law, whose § 11 and heading »Forældrebestyrelse« it names)
ITEM = ('Efter § 11 indsættes før overskriften »Forældrebestyrelse«: »§ 12. Forældre til børn, der skal sprogvurderes efter § 11, stk. 1 og 2, og eventuelt modtage sprogstimulering efter § 11, stk. 3-5, har pligt til at lade deres barn deltage i sprogvurderingen og en eventuel sprogstimulering eller i en sprogstimulering, der står mål med, hvad der almindeligvis kræves af den sprogstimulering, som kommunen tilbyder. Stk. 2. Kommunen skal træffe afgørelse om standsning af børneydelsen, jf. lov om en børne- og ungeydelse, hvis forældrene ikke overholder deres pligt efter stk. 1 og den manglende overholdelse ikke beror på undskyldelige omstændigheder. Afgørelsen er gældende for det kvartal, der følger efter kvartalet, hvor afgørelsen er truffet. Stk. 3. Kommunen skal, forud for at et barn skal modtage en sprogvurdering efter § 11, stk. 1 og 2, og eventuel sprogstimulering efter § 11, stk. 3-5, oplyse barnets forældre om, at manglende overholdelse af forældrenes pligt efter stk. 1 kan medføre, at kommunalbestyrelsen efter stk. 2 træffer en afgørelse om standsning af børneydelsen. Stk. 4. Forældre, der selv vil varetage sprogstimulering af barnet, skal meddele dette skriftligt til kommunen, forud for at sprogstimuleringen påbegyndes. Meddelelsen skal som minimum indeholde oplysninger om, hvilke børn der skal deltage i sprogstimuleringen, hvor sprogstimuleringen skal foregå, og hvem der skal varetage sprogstimuleringen af barnet. Stk. 5. Kommunalbestyrelsen har ansvaret for at føre tilsyn med den sprogstimulering, som forældre selv varetager efter stk. 1.«')

# LBK 668/2011 § 12: stk. 1, 4 and 5 as the item wrote them, stk. 2 and 3 left out
PRINTED = ('§ 12. Forældre til børn, der skal sprogvurderes efter § 11, stk. 1 og 2, og eventuelt modtage sprogstimulering efter § 11, stk. 3-5, har pligt til at lade deres barn deltage i sprogvurderingen og en eventuel sprogstimulering eller i en sprogstimulering, der står mål med, hvad der almindeligvis kræves af den sprogstimulering, som kommunen tilbyder.', 'Stk. 2. (Udeladt, da bestemmelsen først træder i kraft den 1. januar 2012).', 'Stk. 3. (Udeladt, da bestemmelsen først træder i kraft den 1. januar 2012).', 'Stk. 4. Forældre, der selv vil varetage sprogstimulering af barnet, skal meddele dette skriftligt til kommunen, forud for at sprogstimuleringen påbegyndes. Meddelelsen skal som minimum indeholde oplysninger om, hvilke børn der skal deltage i sprogstimuleringen, hvor sprogstimuleringen skal foregå, og hvem der skal varetage sprogstimuleringen af barnet.', 'Stk. 5. Kommunalbestyrelsen har ansvaret for at føre tilsyn med den sprogstimulering, som forældre selv varetager efter stk. 1.')


def _law(twelve: tuple[str, ...]) -> Document:
    stks = []
    for line in twelve:  # "§ 12. …" then "Stk. 2. …"
        m = regex.match(r"(?:§ 12|Stk\. (\d+))\. ", line)
        assert m is not None
        stks.append(Node(Kind.STK, m[1] or "1", text=line[m.end():]))
    children = (
        Node(Kind.PARAGRAF, "11", children=(Node(Kind.STK, "1", text="Kommunalbestyrelsen har ansvaret for "
                                                 "sprogvurdering."),)),
        Node(Kind.PARAGRAF, "12", children=tuple(stks)),
        Node(Kind.PARAGRAF, "13", text="(Ophævet)", repealed=True),
        Node(Kind.OVERSKRIFT, text="Forældrebestyrelse"),
        Node(Kind.PARAGRAF, "14", children=(Node(Kind.STK, "1", text="Der oprettes en forældrebestyrelse."),)),
    )
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), None, children))


def _apply(twelve: tuple[str, ...]) -> Consolidation:
    ops, problems = parse_instruction(ITEM, Source("LOV 1/2014", "1", 8))
    assert problems == ()
    return consolidate(_law(twelve), [order(Item(8, ITEM, tuple(ops), line=3))])


def test_the_item_s_whole_paragraf_takes_the_place_of_the_one_printed_in_part() -> None:
    result = _apply(PRINTED)
    assert [p.code for p in result.problems] == ["ITEM_PRINTED_IN_PART"]
    twelve = [n for n in result.document.children if n.kind is Kind.PARAGRAF and n.label == "12"]
    assert len(twelve) == 1
    payload = ITEM[ITEM.index("»") + 1:].split("»", 1)[1].rstrip("«")
    assert " ".join(f"Stk. {s.label}. {s.text}" if s.label != "1" else s.text for s in twelve[0].children) \
        == payload.replace("§ 12. ", "", 1)
    assert [n.label for n in result.document.children if n.kind is Kind.PARAGRAF] == ["11", "12", "13", "14"]


def test_a_stk_that_differs_otherwise_is_still_refused() -> None:
    other = (*PRINTED[:3], "Stk. 4. Forældre, der selv vil varetage sprogstimulering af barnet, skal meddele dette.",
             PRINTED[4])
    result = _apply(other)
    assert [p.code for p in result.problems if p.severity == "error"] == ["PAYLOAD_MISMATCH"]
