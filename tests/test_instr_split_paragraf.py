"""A change § the LexDania markup split in two: the second element has no number of its own ("§ N") and its
numbered changes go on from those of the § before it. It is the rest of that § (xml_route._continued).

Real: LOV 405/2010 § 1 (the Dna-profil-register law) ends nr. 1 in its first element; »Nr. 2-5 bliver herefter
nr. 3-6.« and nr. 2-3 stand in an element without a number. LOV 1614/2013 § 3's element holds only "§ 3"; its
opening (lov om medie- og journalisthøjskolen) and nr. 1 stand in the next one."""

from __future__ import annotations

from pathlib import Path

from lovkons.parsers.instructions import read_amending_file

DATA = Path(__file__).parent / "data" / "instr"


def _ops(item: object) -> list[str]:
    return [f"{type(op).__name__} {op.target}" for op in item.operations]  # type: ignore[attr-defined]


def test_the_rest_of_a_split_paragraf_keeps_its_renumbering_and_its_items() -> None:
    doc = read_amending_file(DATA / "LOV-2010-405.xml")
    assert [c.paragraf for c in doc.changes] == ["1"]
    block = doc.changes[0]
    assert (block.target.kind, block.target.number) == ("LOV", 434)
    assert [i.number for i in block.items] == [1, 2, 3]
    first = block.items[0]
    assert first.text.endswith("Nr. 2-5 bliver herefter nr. 3-6.")
    assert _ops(first)[1:] == [f"Renumber § 3, stk. 1, nr. {n}" for n in (2, 3, 4, 5)]
    assert _ops(block.items[1]) == ["ReplaceText § 3, stk. 3"]


def test_an_empty_numbered_element_takes_the_opening_and_items_after_it() -> None:
    doc = read_amending_file(DATA / "LOV-2013-1614.xml")
    assert [(c.paragraf, c.target.kind, c.target.number) for c in doc.changes] == [("3", "LBK", 205), ("4", "LOV", 1507)]
    assert [i.number for i in doc.changes[0].items] == [1]
