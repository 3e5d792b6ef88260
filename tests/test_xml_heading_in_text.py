"""LexDania drafting slip (issue 15): the mellemrubrik of the next § typed as a text line of its own
(an Exitus after the stk's text) at the end of the previous §'s last stk. It is read as the heading
of the next § (XML_HEADING_IN_TEXT), or dropped where the next § already has it as a Rubrica. A
sentence missing its full stop inside the stk's text stays text. All 11 such lines of the 2,094
corpus documents are listed by bench/trailing_headings.py; the fragments below are cut from them."""

from __future__ import annotations

import pytest
from lxml import etree

from lovkons.model.document import Kind
from lovkons.parsers.xml_divisions import structure_nodes
from lovkons.parsers.xml_text import Context


def _par(label: str, *exitus: list[str], heading: str = "") -> str:
    rubrica = f"<Rubrica><Linea><Char>{heading}</Char></Linea></Rubrica>" if heading else ""
    body = "".join(
        "<Exitus>" + "".join(f"<Linea><Char>{x}</Char></Linea>" for x in ex) + "</Exitus>" for ex in exitus
    )
    return f"<Paragraf>{rubrica}<Explicatus>§ {label}.</Explicatus><Stk>{body}</Stk></Paragraf>"


def _group(*pars: str, heading: str = "") -> str:
    rubrica = f"<Rubrica><Linea><Char>{heading}</Char></Linea></Rubrica>" if heading else ""
    return f"<ParagrafGruppe>{rubrica}{''.join(pars)}</ParagrafGruppe>"


TEXT_1500 = (
    "Arealerne må kun anvendes til afprøvning af prototyper af vindmøller og andre test i tilknytning hertil."
)
HEAD_1500 = "Værditab på fast ejendom ved opstilling af vindmøller på testcenteret"
TEXT_278 = "Direktøren for Arbejdsskadestyrelsen fastsætter regler om rabat på bidrag."
HEAD_278 = "Fælles bestemmelser om betaling for administration, forrentning og udpantning"
TEXT_73 = "Erhvervs- og vækstministeren kan fastsætte regler herom."
TEXT_92 = "For skattepligtige omfattet af § 7 medregnes gevinst og tab efter reglerne i kapitel 6-9."
HEAD_92 = "Investeringsbeviser i investeringsinstitutter med minimumsbeskatning"
TEXT_1530 = "Ministeren fører en liste over godkendte organer."
NEXT = "Lov om fremme af vedvarende energi finder anvendelse på vindmøller, som opstilles på testcenteret."

# (the real place, the XML, the nodes read: § label + its text / heading text, the problem's code)
CASES = [
    (  # the heading of § 17 after § 16's text; § 17 has no Rubrica
        "LBK 1500/2015 § 16",
        _group(_par("16", [TEXT_1500], [HEAD_1500]), _par("17", [NEXT])),
        [("16", TEXT_1500), ("h", HEAD_1500), ("17", NEXT)],
        ["XML_HEADING_IN_TEXT"],
    ),
    (  # the same heading also heads the next group: the copy is dropped
        "LBK 278/2013 § 58 c",
        _group(_par("58 c", [TEXT_278], [HEAD_278])) + _group(_par("59", [NEXT]), heading=HEAD_278),
        [("58 c", TEXT_278), ("h", HEAD_278), ("59", NEXT)],
        ["XML_HEADING_IN_TEXT"],
    ),
    (  # a numbered heading, as "4. Kost og sundhedsforhold" before § 55
        "LBK 73/2014 § 55",
        _group(_par("55", [TEXT_73], ["5.", "Sødygtighedssyn"]), _par("56", [NEXT])),
        [("55", TEXT_73), ("h", "5. Sødygtighedssyn"), ("56", NEXT)],
        ["XML_HEADING_IN_TEXT"],
    ),
    (  # a heading of a higher level, stacked above the next group's own heading
        "LBK 92/2015 § 20",
        _group(_par("20", [TEXT_92], [HEAD_92])) + _group(_par("20 A", [NEXT]), heading="Selskaber m.v."),
        [("20", TEXT_92), ("h", HEAD_92), ("h", "Selskaber m.v."), ("20 A", NEXT)],
        ["XML_HEADING_IN_TEXT"],
    ),
    (  # a sentence without its full stop inside the stk's text stays text (LBK 1530/2015 § 86)
        "LBK 1530/2015 § 86",
        _group(_par("86", [TEXT_1530, "Listen offentliggøres ved bekendtgørelse"]), _par("87", [NEXT])),
        [("86", f"{TEXT_1530} Listen offentliggøres ved bekendtgørelse"), ("87", NEXT)],
        [],
    ),
    (  # a line of its own that ends a sentence is text
        "punctuated",
        _group(_par("16", [TEXT_1500], [NEXT]), _par("17", [NEXT])),
        [("16", f"{TEXT_1500} {NEXT}"), ("17", NEXT)],
        [],
    ),
    (  # a formula announced by the line before it is text, not a heading (review11)
        "formula",
        _group(_par("16", ["Beløbet beregnes efter følgende formel:"], ["A = B × C"]), _par("17", [NEXT])),
        [("16", "Beløbet beregnes efter følgende formel: A = B × C"), ("17", NEXT)],
        [],
    ),
    (  # an amount line ends in a number: no heading
        "amount",
        _group(_par("16", [TEXT_1500], ["Kr. 5.000"]), _par("17", [NEXT])),
        [("16", f"{TEXT_1500} Kr. 5.000"), ("17", NEXT)],
        [],
    ),
    (  # a heading of words with an abbreviation, a slash and a number inside (LBK 1113/2011 § 4, 43/2015 § 58)
        "LBK 43/2015 § 58",
        _group(
            _par("58", [TEXT_1500], ["Aftale om ret til sygedagpenge i de første 2 uger af sygeperioden"]),
            _par("59", [NEXT]),
        ),
        [
            ("58", TEXT_1500),
            ("h", "Aftale om ret til sygedagpenge i de første 2 uger af sygeperioden"),
            ("59", NEXT),
        ],
        ["XML_HEADING_IN_TEXT"],
    ),
    (  # no § follows: nothing to head, the line stays text
        "last §",
        _group(_par("16", [TEXT_1500], [HEAD_1500])),
        [("16", f"{TEXT_1500} {HEAD_1500}")],
        [],
    ),
]


@pytest.mark.parametrize(("place", "xml", "expected", "codes"), CASES, ids=[c[0] for c in CASES])
def test_heading_typed_as_the_last_line_of_a_paragraf(
    place: str, xml: str, expected: list[tuple[str, str]], codes: list[str]
) -> None:
    ctx = Context()
    nodes = structure_nodes(etree.fromstring(f"<Kapitel>{xml}</Kapitel>"), ctx)
    read = [("h", n.text) if n.kind is Kind.OVERSKRIFT else (n.label, n.children[0].text) for n in nodes]
    assert read == expected
    assert [p.code for p in ctx.problems] == codes
    assert all(p.address for p in ctx.problems)
