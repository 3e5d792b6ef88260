"""A nr./litra list typeset as a borderless two-column table in the LexDania XML ("1)" in the first
cell, the item's text in the second) is read as NR/LITRA nodes, so "§ 353, stk. 1, nr. 13" resolves;
a table of figures or one with a list inside an item stays rows of text."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Kind, Node
from lovkons.parsers.xml_table_lists import table_nodes
from lovkons.parsers.xml_text import Context

LAWS = Path(__file__).parent / "data" / "laws"
RETSPLEJELOV = LAWS / "LBK-2016-1257" / "LBK-2016-1257.xml"  # retsplejeloven, LBK 1257/2016
LOV_1725 = LAWS / "LOV-2016-1725" / "LOV-2016-1725.xml"  # § 1, nr. 7: "I § 353, stk. 1, nr. 13, indsættes …"


def _stk1_353(doc_children: Node) -> Node:
    return next(p for p in doc_children.walk() if p.kind is Kind.PARAGRAF and p.label == "353").children[0]


def test_retsplejelov_353_list_typeset_as_table() -> None:
    stk = _stk1_353(read_doc(RETSPLEJELOV))
    kids = [(c.kind, c.label, c.text) for c in stk.children]
    assert [label for kind, label, _ in kids if kind is Kind.NR] == [str(n) for n in range(1, 21)]
    assert kids[4] == (Kind.TEKST, None, "samt eventuelt")  # the connective row between nr. 4 and nr. 5
    assert kids[13][1:] == ("13", "anmodninger om syn og skøn, jf. § 196, eller indhentelse af sagkyndige "
                            "erklæringer eller udtalelser fra organisationer eller myndigheder,")  # fmt: skip


def test_item_of_a_table_list_amended_as_cited() -> None:
    order = read_order(LOV_1725)
    result = consolidate(read_doc(RETSPLEJELOV), [order], parts={order.meta.short: "§ 1, nr. 7"})
    assert not [p for p in result.problems if p.severity == "error"]
    nr13 = next(c for c in _stk1_353(result.document).children if c.label == "13")
    assert nr13.text.startswith("anmodninger om syn og skøn, jf. § 196, tilladelse til bevisførelse efter § 209 a eller")


def _table(*rows: tuple[str, ...]) -> etree._Element:
    cells = "".join(
        "<Tr>" + "".join(f"<Td><Exitus><Linea><Char>{c}</Char></Linea></Exitus></Td>" for c in row) + "</Tr>"
        for row in rows
    )
    return etree.fromstring(f"<Table>{cells}</Table>")


# (rows of a real table, the (kind, label, text) read, or None when its rows stay text)
TABLES = [
    # lov om betalingstjenester (LOV 365/2011) § 6: term in the row of its nr., definition in the next row
    ((("1)", "Betalingsinstitut:"),
      ("", "En juridisk person, der i overensstemmelse med kapitel 2 er meddelt tilladelse til at udbyde og gennemføre betalingstjenester her i landet, i et andet land inden for Den Europæiske Union eller i et land, som Unionen har indgået aftale med på det finansielle område."),
      ("2)", "Betalingstransaktion:"),
      ("", "En handling, der iværksættes af en betaler eller en betalingsmodtager med henblik på at indbetale, overføre eller hæve midler uden hensyn til eventuelle underliggende forpligtelser mellem betaleren og betalingsmodtageren.")),
     [("nr", "1", "Betalingsinstitut: En juridisk person, der i overensstemmelse med kapitel 2 er meddelt tilladelse til at udbyde og gennemføre betalingstjenester her i landet, i et andet land inden for Den Europæiske Union eller i et land, som Unionen har indgået aftale med på det finansielle område."),
      ("nr", "2", "Betalingstransaktion: En handling, der iværksættes af en betaler eller en betalingsmodtager med henblik på at indbetale, overføre eller hæve midler uden hensyn til eventuelle underliggende forpligtelser mellem betaleren og betalingsmodtageren.")]),
    # momsloven (LBK 287/2011) § 13: litra after an empty indent cell
    ((("", "a)", "Levering af en ny bygning eller en ny bygning med tilhørende jord."),
      ("", "b)", "Levering af en byggegrund, uanset om den er byggemodnet, og særskilt levering af en bebygget grund.")),
     [("litra", "a", "Levering af en ny bygning eller en ny bygning med tilhørende jord."),
      ("litra", "b", "Levering af en byggegrund, uanset om den er byggemodnet, og særskilt levering af en bebygget grund.")]),
    # spildevandsafgiftsloven (LOV 938/2013) § 8: rates, a figure in a third cell: rows of text
    ((("1)", "nedsivning efter en kommunal tilladelse eller både mekanisk og biologisk rensning, nitrifikation, denitrifikation, kemisk fældning og filtrering", "0,50 kr. pr. m³"),
      ("2)", "både mekanisk og biologisk rensning, nitrifikation, kemisk fældning og filtrering", "0,60 kr. pr. m³")),
     None),
    # lov om værdipapirhandel (LBK 904/2010) § 3: a litra list inside nr. 1: rows of text
    ((("1)", "Instrumenter:"), ("", "a)", "Værdipapirer, jf. nr. 2.")),
     None),
]  # fmt: skip


@pytest.mark.parametrize(("rows", "expected"), TABLES)
def test_table_read_as_list_or_rows(rows: tuple[tuple[str, ...], ...], expected: list[tuple[str, str, str]] | None) -> None:
    nodes = table_nodes(_table(*rows), "p1-stk1", Context())
    if expected is None:
        assert [n.kind for n in nodes] == [Kind.TEKST] * len(rows)
        assert nodes[0].text == " | ".join(rows[0])
    else:
        assert [(n.kind.value, n.label, n.text) for n in nodes] == expected
