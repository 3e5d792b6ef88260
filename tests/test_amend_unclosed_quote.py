"""An item whose last quote is not closed: the final full stop is the instruction's own
(amender.slips.unclosed_quote_stop), applied with TOLERATED_UNCLOSED_QUOTE. Rows are real sentences from
the corpus (and controls where the full stop is part of the new text); a lawyer can add one."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.amender.slips import unclosed_quote_stop
from lovkons.model.document import Document, Meta, Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import order, par, stk

# (where, sentence, text of the provision, the provision afterwards, tolerated?)
ROWS = [
    ("LOV 1715/2016 § 42, nr. 1 (no closing «)",
     "Overalt i loven ændres »Natur- og Miljøklagenævnet« til: »Miljø- og Fødevareklagenævnet.",
     "Afgørelsen kan påklages til Natur- og Miljøklagenævnet inden 4 uger.",
     "Afgørelsen kan påklages til Miljø- og Fødevareklagenævnet inden 4 uger.", True),
    ("closed quote: the full stop is outside it",
     "Overalt i loven ændres »Natur- og Miljøklagenævnet« til: »Miljø- og Fødevareklagenævnet«.",
     "Afgørelsen kan påklages til Natur- og Miljøklagenævnet inden 4 uger.",
     "Afgørelsen kan påklages til Miljø- og Fødevareklagenævnet inden 4 uger.", False),
    ("no closing «, but the replaced words end the sentence: the full stop is new text",
     "I § 1 ændres »inden 4 uger.« til: »inden 6 uger.",
     "Afgørelsen kan påklages inden 4 uger.",
     "Afgørelsen kan påklages inden 6 uger.", False),
]  # fmt: skip




def _base(text: str) -> Document:
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), "", (par("1", stk("1", text)),)))


@pytest.mark.parametrize(("where", "sentence", "before", "after", "tolerated"), ROWS, ids=[r[0] for r in ROWS])
def test_unclosed_last_quote(where: str, sentence: str, before: str, after: str, tolerated: bool) -> None:
    ops, _ = parse_instruction(sentence, Source("LOV 1715/2016", "42", 1))
    assert ops, where
    item = Item(1, sentence, ops)
    _, problems = unclosed_quote_stop(item, ops)
    assert [p.code for p in problems] == (["TOLERATED_UNCLOSED_QUOTE"] if tolerated else []), where
    result = consolidate(_base(before), [order(item)])  # the amender reads the item so too
    assert not result.refused, where
    assert [p.code for p in result.problems] == [p.code for p in problems], where
    assert result.document.children[0].children[0].text == after, where
