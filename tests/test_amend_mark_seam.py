"""Amender: a new text that begins with a comma or a full stop takes the place of the space before it
(Danish sets no space before a punctuation mark; amender.textops._before_mark). Rows are real sentences
and provision texts; a lawyer can add one: the stk. before, the instruction, the stk. after."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.model.document import Document, Meta, Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import order, par, stk

_KLAGE = ("Afgørelser efter § 8 og kapitel 3 a … kan påklages til Miljø- og Fødevareklagenævnet som sammensat efter "
          "§ 5, stk. 1, nr. 1, i lov om Natur- og Miljøklagenævnet.")
_SYG = ("Lønmodtageren skal give meddelelse om fraværet over for kommunen efter reglerne i sygedagpengelovens §§ 38 og "
        "39 for lønmodtagere og efter reglerne i sygedagpengelovens §§ 43 og 44 for selvstændige.")

# (source, the stk. before, the instruction, the stk. after)
SEAMS = [
    ("LOV 1715/2016 § 42, nr. 3 on LBK 840/2015 § 34, stk. 1 (LBK 9/2017: 'Fødevareklagenævnet, som behandler')",
     _KLAGE,
     "I § 1 ændres »som sammensat efter § 5, stk. 1, nr. 1,« til: », som behandler sagen i en af nævnets "
     "afdelinger, jf. § 3, stk. 1, nr. 1-6,«.",
     "Afgørelser efter § 8 og kapitel 3 a … kan påklages til Miljø- og Fødevareklagenævnet, som behandler sagen i en "
     "af nævnets afdelinger, jf. § 3, stk. 1, nr. 1-6, i lov om Natur- og Miljøklagenævnet."),
    ("LOV 326/2012 nr. 4: a new text that begins with a full stop ends the punktum before it",
     _SYG,
     "I § 1 ændres »over for kommunen efter reglerne i sygedagpengelovens §§ 38 og 39 for lønmodtagere og efter "
     "reglerne i sygedagpengelovens §§ 43 og 44 for selvstændige« til: ». Beskæftigelsesministeren fastsætter regler "
     "herom«.",
     "Lønmodtageren skal give meddelelse om fraværet. Beskæftigelsesministeren fastsætter regler herom."),
    ("a new text that begins with a word keeps its space", _KLAGE,
     "I § 1 ændres »som sammensat efter § 5, stk. 1, nr. 1,« til: »som behandler sagen i en af nævnets "
     "afdelinger,«.",
     "Afgørelser efter § 8 og kapitel 3 a … kan påklages til Miljø- og Fødevareklagenævnet som behandler sagen i en "
     "af nævnets afdelinger, i lov om Natur- og Miljøklagenævnet."),
]  # fmt: skip


def _law(text: str) -> Document:
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), "", (par("1", stk("1", text)),)))


@pytest.mark.parametrize(("name", "before", "sentence", "after"), SEAMS, ids=[r[0] for r in SEAMS])
def test_no_space_before_a_mark_the_new_text_begins_with(name: str, before: str, sentence: str, after: str) -> None:
    ops, problems = parse_instruction(sentence, Source("LOV 1715/2016", "42", 3))
    assert ops and problems == (), name
    result = consolidate(_law(before), [order(Item(3, sentence, tuple(ops)))])
    assert [p.code for p in result.problems] == [], name
    assert result.document.children[0].children[0].text == after, name
