"""Amender: a punktum is a sentence and closes with its full stop. A new punktum quoted without one
("2. pkt. affattes således: »… fordelingsmålere«") keeps the full stop of the punktum it replaces, with
the warning TOLERATED_FULL_STOP; a new punktum that closes otherwise, or one replacing a punktum that
had no full stop (the opening of a list), is written as quoted. Rows are real sentences; a lawyer can
add one: the stk. before, the instruction, the stk. after."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.model.document import Document, Kind, Meta, Node, Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import order

_VAND = ("Udlejeren kan forlange, at den hidtidige fordeling af varmeudgiften ændres, således at fordelingen "
         "fremover skal ske på grundlag af varmefordelingsmålere. Ligeledes kan udlejeren forlange, at fordelingen "
         "af udgiften til vand fremover fordeles på grundlag af vandfordelingsmålere.")
_NY = ("Udlejeren kan forlange, at den hidtidige fordeling af varmeudgiften ændres, således at fordelingen "
       "fremover skal ske på grundlag af varmefordelingsmålere. Ligeledes kan udlejeren forlange, at fordelingen "
       "af udgiften til vand og køling fremover sker på grundlag af fordelingsmålere")

# (source, the stk. before, the instruction, the stk. after, tolerated?)
FULL_STOPS = [
    ("LOV 439/2014 § 4, nr. 9 on LBK 961/2010 § 54, stk. 2 (LBK 228/2016 prints the full stop)", _VAND,
     "§ 54, stk. 2, 2. pkt., affattes således: »Ligeledes kan udlejeren forlange, at fordelingen af udgiften "
     "til vand og køling fremover sker på grundlag af fordelingsmålere«", _NY + ".", True),
    ("the same punktum quoted with its full stop", _VAND,
     "§ 54, stk. 2, 2. pkt., affattes således: »Ligeledes kan udlejeren forlange, at fordelingen af udgiften "
     "til vand og køling fremover sker på grundlag af fordelingsmålere.«", _NY + ".", False),
    ("a punktum opening a list has no full stop to keep", "Ved byggeskade forstås følgende skader",
     "§ 54, stk. 2, 1. pkt., affattes således: »Ved byggeskade forstås«", "Ved byggeskade forstås", False),
]  # fmt: skip


def _law(text: str) -> Document:  # the stk. in a stand-in document the order of tests.amender_trees cites
    par = Node(Kind.PARAGRAF, "54", children=(Node(Kind.STK, "1", text="Fordelingen af udgifterne til varme."),
                                              Node(Kind.STK, "2", text=text)))
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), None, (par,)))


@pytest.mark.parametrize(("name", "before", "sentence", "after", "tolerated"), FULL_STOPS, ids=[r[0] for r in FULL_STOPS])
def test_a_new_punktum_keeps_its_full_stop(name: str, before: str, sentence: str, after: str, tolerated: bool) -> None:
    ops, problems = parse_instruction(sentence, Source("LOV 439/2014", "4", 9))
    assert problems == ()
    result = consolidate(_law(before), [order(Item(9, sentence, tuple(ops), line=3))])
    assert result.document.children[0].children[1].text == after
    assert [p.code for p in result.problems] == (["TOLERATED_FULL_STOP"] if tolerated else [])
