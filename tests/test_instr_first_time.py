""""første gang" after a unit of an instruction's list: only the first occurrence of the quoted text in that unit
is changed ("I … § 55, 2. pkt. og 3. pkt. første gang, … ændres »Arbejdsskadestyrelsen« til: »Arbejdsmarkedets
Erhvervssikring«", LOV 627/2016 § 1, nr. 7; its nr. 29 changes the second one in § 55, 3. pkt.; LBK 75/2017
§ 55). Excerpts: LOV 1528/2010 § 55; LOV 627/2016 § 1, nr. 7 and 29 (tests/data/amend/first-time-2016)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.model.document import Source
from lovkons.model.edits import ReplaceText
from lovkons.parsers.instructions.clauses import parse_instruction
from lovkons.parsers.instructions.targets import parse_targets
from lovkons.review.evaluate import paragraf_map
from tests.amender_trees import A, at, doc, run

DATA = Path(__file__).parent / "data" / "amend" / "first-time-2016"

# (real target list, the targets that name an occurrence: address → which one)
TARGET_ROWS = [
    ("§ 55, 2. pkt. og 3. pkt. første gang, § 56, stk. 1", {"§ 55, 3. pkt.": 1}),  # LOV 627/2016 § 1, nr. 7
    ("§ 55, 2. pkt. og 3. pkt., § 56, stk. 1", {}),  # the same list without it: no occurrence named
]


@pytest.mark.parametrize(("text", "named"), TARGET_ROWS, ids=[r[0] for r in TARGET_ROWS])
def test_the_occurrence_belongs_to_the_unit_before_it(text: str, named: dict[str, int]) -> None:
    assert {str(t.address): t.nth for t in parse_targets(text) if t.nth} == named


SENTENCE = (  # LOV 627/2016 § 1, nr. 7, whole
    'I § 7, stk. 3, 2. pkt., § 15, stk. 1, 1. pkt., § 16, stk. 2, § 21, stk. 3, § 30, stk. 2 og 3, § 35, '
    'stk. 4, 1. pkt., § 37, stk. 1, § 38, § 41, stk. 1, stk. 2, 1. og 3. pkt., og stk. 3, 1. pkt., § 43, '
    'stk. 1, 1. og 3. pkt., og stk. 3, og to steder i stk. 4, 1. pkt., og § 44, stk. 1, 1. og 2. pkt., og '
    'stk. 2, 2. pkt., § 45, stk. 1 og 2, § 46, stk. 2, to steder i § 47, stk. 2, og § 49, stk. 5, stk. 6, '
    '1. og 2. pkt., og stk. 7, § 51, § 52, stk. 6, 2. pkt., § 53, stk. 2, 2. pkt., og stk. 4, 1. pkt., § '
    '55, 2. pkt. og 3. pkt. første gang, § 56, stk. 1, to steder i stk. 2, 1. pkt., og i 2. pkt. og stk. '
    '3 og 4, to steder i § 59, stk. 1, 1. pkt., og i 2. pkt. og stk. 2, § 62, stk. 2 og 3, § 65, 1. pkt., '
    'og § 67, stk. 1, og to steder i § 74, stk. 1, ændres »Arbejdsskadestyrelsen« til: »Arbejdsmarkedets '
    'Erhvervssikring«.')


def test_the_sentence_is_read_with_the_occurrence_on_its_unit() -> None:
    ops, problems = parse_instruction(SENTENCE, Source("LOV 627/2016", "1", 7))
    assert not [p for p in problems if p.severity == "error"]
    got = {str(op.target): (op.count, op.nth) for op in ops if isinstance(op, ReplaceText)}
    assert got["§ 55, 3. pkt."] == (1, 1)
    assert got["§ 55, 2. pkt."] == (1, None)
    assert got["§ 56, stk. 2, 1. pkt."] == (2, None) and got["§ 74, stk. 1"] == (2, None)


def test_only_the_first_occurrence_changes_and_a_later_item_changes_the_second() -> None:
    run = run_manifest(load_manifest(DATA / "manifest.yaml", follow_links=True))
    text = paragraf_map(run.result.document)["55"]
    assert text is not None
    assert ("Beløbet indbetales til Arbejdsmarkedets Erhvervssikring og godskrives alle forsikringsselskaber" in text)
    assert "efter regler fastsat af beskæftigelsesministeren efter indstilling fra bestyrelsen" in text  # nr. 29
    assert "Arbejdsskadestyrelsen" not in text
    assert not [p for p in run.result.problems if p.severity == "error" and (p.address or "").startswith("§ 55")]


def test_the_nth_occurrence_is_changed_across_the_units_stk_in_text_order() -> None:
    # § 3 of the small tree: "Første stk. om kommunen." / "Andet stk." / "Tredje stk."
    d, problems = run(ReplaceText(A("§ 3"), "stk.", "stykke.", nth=2))
    assert problems == ()
    assert [at(d, f"§ 3, stk. {n}").text for n in (1, 2, 3)] == [
        "Første stk. om kommunen.", "Andet stykke.", "Tredje stk."]


def test_fewer_occurrences_than_the_one_named_refuse() -> None:
    d, problems = run(ReplaceText(A("§ 4"), "425", "623", nth=2))  # "Gebyret er 425 kr.": once
    assert [(p.code, p.address) for p in problems] == [("OCCURRENCE_MISMATCH", "§ 4")]  # type: ignore[attr-defined]
    assert d == doc()


def test_the_occurrence_is_shown_by_instructions_json_and_table() -> None:
    """`lovkons instructions` says which occurrence: JSON "nth", the table "(første gang)"."""
    from lovkons.parsers.instructions import read_amending_file
    from lovkons.renderers.instructions_out import change_text, operation_json

    order = read_amending_file(DATA / "order.xml")
    ops = [op for b in order.changes for it in b.items for op in it.operations]
    first = [op for op in ops if getattr(op, "nth", None)]
    assert first, "the excerpt's '3. pkt. første gang' is read onto its own operation"
    assert all(operation_json(op)["nth"] == 1 for op in first)
    assert all(change_text(op).endswith("(første gang)") for op in first)
    assert not any("nth" in operation_json(op) for op in ops if not getattr(op, "nth", None))


# The clause's own units named again after the verb with their counts (parsers.instructions.context.counted_again)
COUNTED_AGAIN = (  # LOV 578/2015 § 3, nr. 11, whole; LBK 760/2016 § 46, stk. 13 and 14 print »stk. 12« 2 + 1 times
    "I § 46, stk. 12 og 13, der bliver stk. 13 og 14, ændres to steder i stk. 12 og et sted i stk. 13 »stk. 11« til: "
    "»stk. 12«.")


def test_units_named_again_after_the_verb_carry_their_counts() -> None:
    ops, problems = parse_instruction(COUNTED_AGAIN, Source("LOV 578/2015", "3", 11))
    assert not [p for p in problems if p.severity == "error"]
    assert [(str(op.target), op.count) for op in ops if isinstance(op, ReplaceText)] == [
        ("§ 46, stk. 12", 2), ("§ 46, stk. 13", 1)]


def test_a_narrowing_after_the_verb_is_read_as_before() -> None:
    """"ændres to steder i 1. pkt." names no unit of the clause again: it narrows each, with the verb's count."""
    ops, _ = parse_instruction("I § 46, stk. 12 og 13, ændres to steder i 1. pkt. »stk. 11« til: »stk. 12«.",
                               Source("LOV 1/2015", "1", 1))
    assert [(str(op.target), op.count) for op in ops] == [("§ 46, stk. 12, 1. pkt.", 1), ("§ 46, stk. 13, 1. pkt.", 1)]
