"""A recast nr. whose new text begins with its number without the parenthesis (amender.recast._label_without_mark):
"§ 55, stk. 2, nr. 2, affattes således: »2 der foreligger sådanne omstændigheder, …«" (LOV 326/2012 § 3, nr. 16;
LBK 34/2013 prints "2) der foreligger …"). The number is the label, kept once (TOLERATED_LABEL); a number that
begins the text as a measure ("2 uger") or a unit whose old text began with a number is left as written. Rows are
the act's sentence on the stand-in list of tests/amender_trees (§ 2: nr. 1-3)."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import consolidate
from lovkons.model.document import Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import at, doc, order

NEW = ("der foreligger sådanne omstændigheder, at kommunalbestyrelsen vurderer, at betingelserne for at give afslag "
       "efter § 15 er opfyldt, eller")

# (where, the sentence, nr. 2 afterwards, problem codes)
ROWS = [
    ("LOV 326/2012 § 3, nr. 16: the number without its parenthesis is the label",
     f"§ 2, nr. 2, affattes således: »2 {NEW}«", NEW, ["TOLERATED_LABEL"]),
    ("the label printed as it should be", f"§ 2, nr. 2, affattes således: »2) {NEW}«", NEW, []),
    ("another number is text", f"§ 2, nr. 2, affattes således: »3 {NEW}«", f"3 {NEW}", []),
    ("a measure is text", "§ 2, nr. 2, affattes således: »2 uger efter fristen, og«", "2 uger efter fristen, og", []),
    ("a count is text (review11)", "§ 2, nr. 2, affattes således: »2 eller flere ejere i fællesskab, og«",
     "2 eller flere ejere i fællesskab, og", []),
]  # fmt: skip


@pytest.mark.parametrize(("where", "sentence", "after", "codes"), ROWS, ids=[r[0] for r in ROWS])
def test_a_recast_number_without_its_parenthesis(where: str, sentence: str, after: str, codes: list[str]) -> None:
    ops, _ = parse_instruction(sentence, Source("LOV 326/2012", "3", 16))
    assert ops, where
    result = consolidate(doc(), [order(Item(16, sentence, ops))])
    assert [p.code for p in result.problems] == codes, where
    assert at(result.document, "§ 2, nr. 2").text == after, where
