"""Numbered units of a payload that a unit with a list of its own swallowed (parsers.instructions.payload
_successors_out). Real payloads as the XML route hands them to parse_payload; a lawyer can add a row: the payload
and the units it holds, each with the labels of its list."""

from __future__ import annotations

import pytest

from lovkons.model.document import Kind
from lovkons.parsers.instructions.payload import parse_payload

PAYLOADS = [
    # LOV 268/2014 § 4, nr. 10 (§ 20, stk. 2, nr. 2, of lov om forvaltere af alternative investeringsfonde): nr. 3 and
    # its litras were read as nr. 2 (LBK 1074/2016 § 20 refused: "Nr. 3-6 bliver herefter nr. 4-7" did not hold)
    ("2) De variable løndele til andre ansatte, hvis aktiviteter har væsentlig indflydelse på forvalterens risikoprofil "
     "eller på risikoprofilen for de forvaltede alternative investeringsfonde, må højst udgøre 100 pct. af den faste "
     "grundløn inklusive pension.\n3) En forvalter af alternative investeringsfondes øverste organ kan dog beslutte, at "
     "de variable løndele til andre ansatte, hvis aktiviteter har væsentlig indflydelse på forvalterens risikoprofil "
     "eller på risikoprofilen for de forvaltede alternative investeringsfonde, jf. nr. 2, kan udgøre op til 200 pct. af "
     "den faste grundløn inklusive pension, forudsat at følgende krav opfyldes:\na) Forvalteren skal senest ved "
     "indkaldelse til det øverste organs forsamling orientere det øverste organ om, at der ønskes stillingtagen til "
     "benyttelse af et højere maksimalt loft. b) Forvalteren skal senest 8 dage efter det øverste organs forsamling "
     "informere Finanstilsynet om det øverste organs beslutning, herunder om størrelsen på et eventuelt besluttet "
     "højere maksimalt loft.",
     [("2", []), ("3", ["a", "b"])]),
    # LOV 633/2015 § 1, nr. 6: the last litra held nr. 4
    ("3) Gymnasial supplering i form af korte, intensive forløb som\na) gymnasiale suppleringskurser (GSK) eller b) "
     "enkeltfag fra adgangskurset til ingeniøruddannelsen.\n4) Gymnasiale indslusningsforløb for indvandrere (GIF).",
     [("3", ["a", "b"]), ("4", [])]),
    # LOV 688/2015 § 1, nr. 4: the last litra held nr. 2 and 3
    ("1) Et særligt tilskud\na) til specialundervisning og anden specialpædagogisk bistand, jf. § 3, stk. 1, nr. 1, b) "
     "til personlig assistance, jf. § 3, stk. 1, nr. 3, og c) til hjælpemidler til elever i tilfælde, hvor der er et "
     "særligt behov herfor.\n2) Et særligt tilskud til ekstraudgifter til befordring af elever med svære handicap.\n3) "
     "Et særligt tilskud til støtteundervisning i dansk af tosprogede elever.",
     [("1", ["a", "b", "c"]), ("2", []), ("3", [])]),
    # LOV 1557/2010 § 1, nr. 2: nr. 5 with its own litras, held by litra c of nr. 4
    ("4) Det centrale ledelsesorgan:\na) Bestyrelsen i selskaber, der har en direktion og en bestyrelse, jf. § 111, "
     "stk. 1, nr. 1, b) direktionen i selskaber, der alene har en direktion, jf. § 111, stk. 1, nr. 2, og c) direktionen "
     "i selskaber, der både har en direktion og et tilsynsråd, jf. § 111, stk. 1, nr. 2.\n5) Det øverste ledelsesorgan:\n"
     "a) Bestyrelsen i selskaber, der har en direktion og en bestyrelse, jf. § 111, stk. 1, nr. 1, b) direktionen i "
     "selskaber, der alene har en direktion, jf. § 111, stk. 1, nr. 2, og c) tilsynsrådet i selskaber, der både har en "
     "direktion og et tilsynsråd, jf. § 111, stk. 1, nr. 2.",
     [("4", ["a", "b", "c"]), ("5", ["a", "b", "c"])]),
    # the same nr. 4 alone: nothing swallowed, nothing moved ("jf. § 111, stk. 1, nr. 2." is no successor)
    ("4) Det centrale ledelsesorgan:\na) Bestyrelsen i selskaber, der har en direktion og en bestyrelse, jf. § 111, "
     "stk. 1, nr. 1, b) direktionen i selskaber, der alene har en direktion, jf. § 111, stk. 1, nr. 2, og c) direktionen "
     "i selskaber, der både har en direktion og et tilsynsråd, jf. § 111, stk. 1, nr. 2.",
     [("4", ["a", "b", "c"])]),
]


@pytest.mark.parametrize(("payload", "units"), PAYLOADS)
def test_each_numbered_unit_of_a_payload_stands_with_its_own_list(payload: str, units: list[tuple[str, list[str]]]) -> None:
    nodes = parse_payload(payload, Kind.NR)
    assert [(n.label, [c.label for c in n.children]) for n in nodes] == units
    assert all(n.kind is Kind.NR for n in nodes)
    ids = [x.id for n in nodes for x in n.walk()]
    assert len(ids) == len(set(ids)) and all(c.id.startswith(f"{n.id}-") for n in nodes for c in n.children)
    for node in nodes:  # no unit keeps the text of the next one
        nxt = f" {int(node.label or 0) + 1}) "
        assert all(nxt not in x.text for x in node.walk())
