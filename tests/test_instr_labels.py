"""A payload unit whose printed label slipped is read as the unit its LexDania element names
(tests/data/instructions/labels.tsv): "<Paragraf><Explicatus>36 d.</Explicatus>" is § 36 d, not text
of the § before it; "<Stk><Explicatus>Stk. 2,</Explicatus>" or "Stk. 2" is stk. 2, not "Stk. 2, …" in a stk. 1; "§ 4 h" whose
full stop is printed as the first run of its text is § 4 h."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from lovkons.model.document import Kind, Node
from lovkons.parsers.instructions import read_amending_file

DATA = Path(__file__).parent / "data"
ROWS = [ln.split("\t") for ln in (DATA / "instructions" / "labels.tsv").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")]


def _units(nodes: tuple[Node, ...], out: list[str]) -> list[str]:
    for n in nodes:
        if n.kind == Kind.PARAGRAF:
            out.append(f"§ {n.label}")
        elif n.kind == Kind.STK and n.label not in (None, "1"):
            out.append(f"stk. {n.label}")
        _units(n.children, out)
    return out


def _texts(nodes: tuple[Node, ...]) -> list[str]:
    return [t for n in nodes for t in (n.text or "", *_texts(n.children))]


@pytest.mark.parametrize(("source", "element", "printed", "units"), ROWS, ids=[r[0] for r in ROWS])
def test_slipped_label_is_the_unit_its_element_names(source: str, element: str, printed: str, units: str) -> None:
    name, _, paragraf, _, number = source.split()  # "LOV-2016-76 § 1, nr. 1"
    path = DATA / "instr" / f"{name}.xml"
    # the row is real: the law prints this label on this element inside a new text
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    printed_in_law = {" ".join("".join(str(t) for t in e.itertext()).split()) for e in tree.iterfind(f".//AendringNyTekst//{element}/Explicatus")}
    assert printed in printed_in_law
    law = read_amending_file(path)
    item = next(i for b in law.changes if b.paragraf == paragraf.rstrip(",") for i in b.items if i.number == int(number))
    payload = tuple(n for op in item.operations for n in getattr(op, "payload", ()) or ())
    assert ", ".join(_units(payload, [])) == units
    # and the label is not left in the text of a unit
    assert not any(printed + " " in " ".join(t.split()) for t in _texts(payload))
