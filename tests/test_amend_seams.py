"""Amender: where new text meets old. A mark never stands twice at a seam, a struck word never leaves
"§ §", and a quote beginning with "§" is not the end of "§§". Rows are real instructions on the words
of the provision they amended, with the official consolidation's result; a lawyer can add one."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.amender.manifest import read_doc, read_order
from lovkons.amender.resolve import node_at, resolve_current
from lovkons.model.document import Document, Kind, Meta, Node, Source, parse_address
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import order

DATA = Path(__file__).parent / "data" / "amend"

# (source, the provision's words, the instruction on § 1, stk. 1, the words after it)
SEAMS = [
    ("LOV 395/2016 § 1, nr. 19 (LBK 216/2017 § 29)",
     "Arbejdsmarkedets Erhvervssygdomssikring, jf. § 55, opkræver bidrag.",
     "I § 1, stk. 1, ændres »Arbejdsmarkedets Erhvervssygdomssikring« til: »Arbejdsmarkedets Erhvervssikring af "
     "bidrag, jf. § 55,«.",
     "Arbejdsmarkedets Erhvervssikring af bidrag, jf. § 55, jf. § 55, opkræver bidrag."),
    ("LOV 632/2016 § 1, nr. 33 (LBK 1229/2016 § 88): new text opening with a comma after a comma",
     "Finanstilsynet påser forordningen og regler udstedt i medfør heraf, forordning (EU) nr. 648/2012.",
     "I § 1, stk. 1, ændres »forordning (EU) nr. 648/2012« til: », forordning (EU) nr. 596/2014«.",
     "Finanstilsynet påser forordningen og regler udstedt i medfør heraf, forordning (EU) nr. 596/2014."),
    ("LOV 527/2015 § 1, nr. 46 (LBK 1058/2015 § 46)",
     "Bidraget kan ikke overstige 2 pct. af anskaffelsessummen efter § 44 henholdsvis § 45, 2. pkt.",
     "I § 1, stk. 1, udgår »44 henholdsvis«.",
     "Bidraget kan ikke overstige 2 pct. af anskaffelsessummen efter § 45, 2. pkt."),
    ("LOV 1000/2015 § 2, nr. 14 (LBK 1342/2016 § 93): »§ 92« is not inside »§§ 92«",
     "Tilbud gives efter §§ 92 og 93. Tilbud kan afbrydes efter § 92.",
     "I § 1, stk. 1, ændres »§ 92« til: »§§ 92 eller 94«.",
     "Tilbud gives efter §§ 92 og 93. Tilbud kan afbrydes efter §§ 92 eller 94."),
]  # fmt: skip


def law(text: str) -> Document:
    stk = Node(Kind.STK, "1", text=text)
    return ensure_ids(Document(Meta("LBK", 1, 2015, title="Bekendtgørelse af lov om tilsyn"), None,
                               (Node(Kind.PARAGRAF, "1", children=(stk,)),)))  # fmt: skip


@pytest.mark.parametrize(("name", "before", "sentence", "after"), SEAMS, ids=[r[0] for r in SEAMS])
def test_seam(name: str, before: str, sentence: str, after: str) -> None:
    ops, problems = parse_instruction(sentence, Source("LOV", "1", 1))
    assert problems == ()
    result = consolidate(law(before), [order(Item(1, sentence, tuple(ops)))])
    assert [p.code for p in result.problems] == []
    assert node_at(result.document, resolve_current(result.document, parse_address("§ 1, stk. 1")).path).text == after


def test_case_seam_as_the_official_consolidation() -> None:
    # LOV 395/2016 § 1, nr. 19 on lov om arbejdsmarkedets erhvervssygdomssikring (LBK 278/2013) → LBK 216/2017
    case = DATA / "ask-2016"
    base, expected = read_doc(case / "base.xml"), read_doc(case / "expected.xml")
    result = consolidate(base, [read_order(case / "order.xml")])
    assert result.problems == ()
    ours = node_at(result.document, resolve_current(result.document, parse_address("§ 29, stk. 1")).path)
    theirs = node_at(expected, resolve_current(expected, parse_address("§ 29, stk. 1")).path)
    assert ours.full_text() == theirs.full_text()
    assert ",," not in ours.full_text()
