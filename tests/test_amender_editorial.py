"""The eval's editorial rule (review.editorial) and the H9 fixes it measured: LOV H documents that
amend other laws, "to steder" over two punktummer, "der bliver 1. og 3. pkt.", tombstone reuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.model.edits import DeleteText
from lovkons.parsers.instructions import read_amending_file
from lovkons.parsers.instructions.targets import parse_targets
from lovkons.review.editorial import apply_substitutions, editorial_substitutions, substitutions_in, tokens
from lovkons.review.evaluate import paragraf_map

HERE = Path(__file__).parent
LAWS = HERE / "data" / "laws"

OLD = "§ 4. Undervisningsministeren kan fastsætte regler, og undervisningsministeren kan bestemme."
NEW = "§ 4. Børne- og undervisningsministeren kan fastsætte regler, og børne- og undervisningsministeren kan bestemme."


def test_an_insertion_is_anchored_on_the_next_word() -> None:
    assert ("undervisningsministeren", "børne- og undervisningsministeren") in substitutions_in(OLD, NEW)


def test_a_substitution_needs_two_untouched_sections() -> None:
    base = {"4": OLD, "5": OLD.replace("§ 4", "§ 5")}
    expected = {"4": NEW, "5": NEW.replace("§ 4", "§ 5")}
    assert editorial_substitutions(base, base, expected, set())
    assert not editorial_substitutions({"4": OLD}, {"4": OLD}, {"4": NEW}, set())
    assert not editorial_substitutions(base, base, expected, {"4"})  # an error names § 4


def test_applying_never_doubles_a_name_already_renamed() -> None:
    pairs = substitutions_in(OLD, NEW)
    assert apply_substitutions(NEW, pairs) == tokens(NEW)
    assert apply_substitutions(OLD, pairs) == tokens(NEW)


@pytest.mark.parametrize("law", ["LOV-2013-607", "LOV-2011-223", "LOV-2016-261", "LOV-2016-1715"])
def test_a_main_law_amending_other_laws_is_read(law: str) -> None:
    doc = read_amending_file(LAWS / law / f"{law}.xml")
    assert doc.changes and all(block.items for block in doc.changes)


def test_to_steder_over_two_punktummer_is_one_in_each() -> None:
    doc = read_amending_file(LAWS / "LOV-2016-167" / "LOV-2016-167.xml")
    item = next(it for b in doc.changes for it in b.items if "eller sigtet" in it.text)
    deletes = [op for op in item.operations if isinstance(op, DeleteText)]
    assert [(str(op.target), op.count) for op in deletes] == [
        ("§ 745 e, stk. 2, 1. pkt.", 1), ("§ 745 e, stk. 2, 3. pkt.", 1)]


def test_der_bliver_with_several_punktummer_is_one_clause() -> None:
    targets = parse_targets("§ 745 e, stk. 2, 1. og 3. pkt., der bliver stk. 3, 1. og 3. pkt.,")
    assert [str(t.address) for t in targets] == ["§ 745 e, stk. 2, 1. pkt.", "§ 745 e, stk. 2, 3. pkt."]


def test_repeal_and_insert_reuses_tombstones_in_place() -> None:
    run = run_manifest(load_manifest(HERE / "cases" / "L-LBK-2016-388.yaml"), lenient=True)
    labels = [n.label for n in run.result.document.walk() if n.kind.value == "paragraf"]
    assert labels.count("19") == 1 and labels.count("20") == 1
    assert paragraf_map(run.result.document)["19"] is not None


# H20: "og som 2. pkt. indsættes" after a text change adds a punktum (LOV 629/2016 § 1, nr. 2), a
# partly present insertion is refused, and the eval's separate "typo-fix" category


def test_og_som_2_pkt_indsaettes_adds_a_punktum_not_a_stk() -> None:
    from lovkons.amender.consolidate import consolidate
    from lovkons.model.document import Source
    from lovkons.model.edits import Item
    from lovkons.parsers.instructions.clauses import parse_instruction
    from tests.amender_trees import at, doc, order

    text = "I § 4, stk. 1, ændres »425 kr.« til: »500 kr.«, og som 2. pkt. indsættes: »Det betales årligt.«"
    ops, problems = parse_instruction(text, Source("T", "1", 1))
    assert tuple(problems) == ()
    result = consolidate(doc(), [order(Item(1, text, tuple(ops)))])
    assert [p.code for p in result.problems if p.severity == "error"] == []
    paragraf = at(result.document, "§ 4")
    assert [(s.label, s.text) for s in paragraf.children] == [("1", "Gebyret er 500 kr. Det betales årligt.")]


@pytest.mark.parametrize(("stk2", "refused"), [
    # the base's stk. 2 is the new one's first punktum: an earlier form of the same insertion, which takes the new
    # text (EARLIER_FORM_EXTENDED; LOV 1353/2012 § 11, nr. 1 on registreringslovens § 7, LBK 16/2013)
    ("Andet stk. Med et nyt punktum.", False),
    # other words in stk. 2: not the same insertion's earlier form, refused whole
    ("Et andet stk.", True),
])
def test_insertion_partly_present_in_the_base(stk2: str, refused: bool) -> None:
    from lovkons.amender.consolidate import consolidate
    from lovkons.model.document import Source
    from lovkons.model.edits import Item
    from lovkons.parsers.instructions.clauses import parse_instruction
    from tests.amender_trees import at, doc, order

    # § 3 already has stk. 2 and 3; the order brings stk. 2 in another form and stk. 3 word for word
    text = f"I § 3 indsættes som stk. 2 og 3: »Stk. 2. {stk2} Stk. 3. Tredje stk.«"
    ops, _ = parse_instruction(text, Source("T", "1", 1))
    result = consolidate(doc(), [order(Item(1, text, tuple(ops)))])
    errors = [(p.code, p.severity) for p in result.problems if p.severity == "error"]
    if refused:
        assert errors == [("PARTLY_PRESENT", "error")]
        assert at(result.document, "§ 3") == at(doc(), "§ 3")  # nothing half-applied
        return
    assert errors == []
    assert [(s.label, s.text) for s in at(result.document, "§ 3").children] == [
        ("1", "Første stk. om kommunen."), ("2", stk2), ("3", "Tredje stk.")]


@pytest.mark.parametrize(
    ("got", "expected", "typo"),
    [
        ("§ 12. for hver type den andelaf kvælstof.", "§ 12. for hver type den andel af kvælstof.", True),
        ("§ 38. Godtgørelsen ydes.", "§ 38. Godtgørel-sen ydes.", True),
        ("§ 41. Energinet.dk’s tilsagn.", "§ 41. Energinet.dk's tilsagn.", True),
        # the apostrophe in other code points: U+02BC (LOV 1490/2014, LBK 1051/2015 § 52), U+1FBD (LBK 418/2016 § 31)
        ("§ 52. administrere SIKAVʼen,", "§ 52. administrere SIKAV’en,", True),
        ("§ 31. Energinet.dk’s net", "§ 31. Energinet.dk᾽s net", True),
        ("§ 4. Kirkeministeren godkender.", "§ 4. Ministeren for ligestilling og kirke godkender.", True),
        ("§ 4. til ham.", "§ 4. til ham, forudsat han ikke er samlevende.", False),
        ("§ 4. stk. 2", "§ 4. stk. 2,", False),  # punctuation is not a typo-fix
        ("§ 4. Børne- og undervisningsministeren", "§ 4. Undervisningsministeren", False),  # no such rename
        # a spelling slip in a word, mended by the LBK (LBK 122/2015 § 13) or made by it (LBK 504/2013 § 19)
        ("§ 13. har fået etableringtilladelse.", "§ 13. har fået etableringstilladelse.", True),
        ("§ 19. Dog refunderes udgiften.", "§ 19. Dog redunderes udgiften.", True),
        ("§ 5. hvis denne er skattepligtig", "§ 5. hvis disse er skattepligtig", False),  # another word
        ("§ 15. der har truffet afgørelsen", "§ 15. der har truffet afgørelse", False),  # another ending
        ("§ 8. stk. 2 og stk. 3", "§ 8. stk. 3 og stk. 3", False),  # another number
        ("§ 283. taget under konkursbehandling", "§ 283. taget under konkursbehandling,", False),  # punctuation
        ("§ 9. etableringstilladelse, investeringsinstitut, integrationsministeren",
         "§ 9. etableringtilladelse, investeringsinsitut, integrationsministereren", False),  # three: not a slip
    ],
)
def test_typo_fix_category(got: str, expected: str, typo: bool) -> None:
    from lovkons.review.evaluate import _typo_fix

    titles = [("Kirkeministeren", "Ministeren for ligestilling og kirke")]
    assert _typo_fix(got, expected, titles) is typo


def test_title_renames_need_one_untouched_section_and_a_minister() -> None:
    from lovkons.review.editorial import title_renames

    base = {"5": "§ 5. Kirkeministeren fører tilsyn med kirkerne.", "6": "§ 6. Kommunen fører tilsyn med skolerne."}
    lbk = {"5": "§ 5. Ministeren for ligestilling og kirke fører tilsyn med kirkerne.",
           "6": "§ 6. Byen fører tilsyn med skolerne."}
    assert title_renames(base, base, lbk, set()) == [("Kirkeministeren", "Ministeren for ligestilling og kirke")]
    assert title_renames(base, base, lbk, {"5"}) == []  # an error names § 5
