"""Amender: silent failures made loud. Each case names the problem code and address the amender must
report instead of guessing (wrong text with no warning is the worst outcome)."""

from __future__ import annotations

from lovkons.amender.apply import apply, context_for
from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.amender.safety import safety_net
from lovkons.model.document import Address, Document, Kind, Level, Meta, Node, Source
from lovkons.model.edits import Insert, Item, Repeal, RepealAndInsert, Replace, ReplaceText
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import SRC, A, at, doc, nr, order, par, stk


def unit(text: str) -> Node:
    """An unlabelled stk. (the payload's first stk. has no "Stk. 1.")."""
    return Node(Kind.STK, None, text=text)


def codes(problems: tuple[object, ...]) -> list[tuple[str, str | None]]:
    return [(p.code, p.address) for p in problems]  # type: ignore[attr-defined]


def headings(d: Document) -> list[str]:
    return [n.text for n in d.children[1].children if n.kind is Kind.OVERSKRIFT]


def test_repeal_of_two_separate_paragraffer_keeps_the_heading_between() -> None:
    ops, problems = parse_instruction("§ 3 og § 5 ophæves.", Source("T", "1", 1))
    assert tuple(problems) == ()
    result = consolidate(doc(), [order(Item(1, "§ 3 og § 5 ophæves.", tuple(ops)))])
    assert result.problems == ()
    assert headings(result.document) == ["Eftersyn", "Gebyr", "Klage"]


def test_hand_built_group_without_a_run_keeps_headings() -> None:
    group = (A("§ 3"), A("§ 5"))
    d = doc()
    ctx = context_for(d, SRC)
    for a in group:
        d, problems = apply(d, Repeal(a, group), ctx)
        assert problems == ()
    assert headings(d) == ["Eftersyn", "Gebyr", "Klage"]


def test_range_parsed_from_text_still_removes_inner_headings() -> None:
    ops, _ = parse_instruction("§§ 3-5 ophæves.", Source("T", "1", 1))
    result = consolidate(doc(), [order(Item(1, "§§ 3-5 ophæves.", tuple(ops)))])
    assert result.problems == ()
    assert headings(result.document) == ["Eftersyn"]


def test_repeal_and_insert_of_stk_1_and_3_keeps_stk_2() -> None:
    group = (A("§ 3, stk. 1"), A("§ 3, stk. 3"))
    d, problems = apply(doc(), RepealAndInsert(A("§ 3, stk. 1"), (unit("Ny."),), group), context_for(doc(), SRC))
    assert problems == ()
    assert [(s.label, s.text) for s in at(d, "§ 3").children] == [("1", "Ny."), ("2", "Andet stk.")]


def test_unit_removed_by_an_earlier_item_is_not_found() -> None:
    items = (Item(1, "", (Repeal(A("§ 3, stk. 2")),)),
             Item(2, "", (Replace(A("§ 3, stk. 2"), (unit("Nyt andet."),)),)))  # fmt: skip
    result = consolidate(doc(), [order(*items)])
    assert [(p.code, p.address, p.source) for p in result.problems] == [
        ("TARGET_NOT_FOUND", "§ 3, stk. 2", "BEK 9/2020 § 1, nr. 2")]  # fmt: skip
    assert [s.text for s in at(result.document, "§ 3").children] == ["Første stk. om kommunen.", "Tredje stk."]


def test_text_op_on_a_removed_unit_is_taken_only_with_proof_and_a_warning() -> None:
    items = (Item(1, "", (Repeal(A("§ 3, stk. 2")),)),
             Item(2, "", (ReplaceText(A("§ 3, stk. 2"), "Tredje", "Sidste"),)))  # fmt: skip
    result = consolidate(doc(), [order(*items)])
    assert [(p.code, p.severity) for p in result.problems] == [("RESOLVED_BY_CURRENT_LABEL", "warning")]


def test_insert_title_note_over_an_existing_one_is_refused() -> None:
    d = doc().with_(title_note="1) Bekendtgørelsen gennemfører direktiv 2005/36/EF.")
    note = Address(((Level.TITELNOTE, ""),))
    d2, problems = apply(d, Insert(note, (), new="1) Ny note."), context_for(d, SRC))
    assert codes(problems) == [("TARGET_OCCUPIED", "fodnoten til titlen")]
    assert d2.title_note == d.title_note


def test_insert_preamble_over_an_existing_one_is_refused() -> None:
    target = Address(((Level.INDLEDNING, ""),))
    d2, problems = apply(doc(), Insert(target, (), new="Ny."), context_for(doc(), SRC))
    assert [p.code for p in problems] == ["TARGET_OCCUPIED"]
    assert d2.preamble == "I medfør af § 1 fastsættes:"


def test_overalt_reports_occurrences_outside_the_provisions() -> None:
    d = doc()
    bilag = Node(Kind.BILAG, "1", id="bilag1", text="Skema til kommunen.")
    d = d.with_(children=(*d.children, bilag), preamble="I medfør af § 1 fastsætter kommunen:")
    overalt = Address(((Level.DOKUMENT, ""),))
    d2, problems = apply(d, ReplaceText(overalt, "kommunen", "regionen", count="all"), context_for(d, SRC))
    assert [(p.code, p.severity) for p in problems] == [("OVERALT_OUTSIDE_PROVISIONS", "warning")]
    assert "preamble" in problems[0].message and "bilag 1" in problems[0].message
    assert at(d2, "§ 3, stk. 1").text == "Første stk. om regionen."


def test_overalt_reports_dash_variants_it_left() -> None:
    d = doc()
    kids = (par("9", stk("1", "Lov om social-service."), stk("2", "Lov om social–service.")),)
    d = ensure_ids(d.with_(children=(*d.children, *kids)))
    overalt = Address(((Level.DOKUMENT, ""),))
    _, problems = apply(d, ReplaceText(overalt, "social-service", "service", count="all"), context_for(d, SRC))
    assert [p.code for p in problems] == ["VARIANTS_NOT_CHANGED"]


def _two_lists() -> Document:
    return ensure_ids(Document(Meta("BEK", 1, 2019), None, (
        par("2", stk("1", "A:", nr("1", "a,"), nr("2", "b.")), stk("2", "B:", nr("1", "c,"), nr("2", "d."))),)))


def test_nr_found_in_two_stk_is_ambiguous() -> None:
    d = _two_lists()
    d2, problems = apply(d, Repeal(A("§ 2, nr. 2")), context_for(d, SRC))
    assert codes(problems) == [("AMBIGUOUS_TARGET", "§ 2, nr. 2")]
    assert d2 is d


def test_pkt_of_a_paragraf_with_several_stk_is_ambiguous() -> None:
    _, problems = apply(doc(), Replace(A("§ 3, 1. pkt."), new="Ny."), context_for(doc(), SRC))
    assert codes(problems) == [("AMBIGUOUS_TARGET", "§ 3, 1. pkt.")]
    _, problems = apply(doc(), Insert(A("§ 3"), (), position="end", new="Nyt pkt."), context_for(doc(), SRC))
    assert codes(problems) == [("AMBIGUOUS_TARGET", "§ 3")]
    d, problems = apply(doc(), Replace(A("§ 1, 2. pkt."), new="Ny."), context_for(doc(), SRC))
    assert problems == () and at(d, "§ 1, stk. 1").text == "Kommunen fører tilsyn. Ny."


def test_recast_may_not_create_a_second_live_paragraf() -> None:
    payload = (par("3", unit("Ny 3.")), par("4", unit("Ny 4.")))
    d, problems = apply(doc(), Replace(A("§ 3"), payload), context_for(doc(), SRC))
    assert codes(problems) == [("PAYLOAD_MISMATCH", "§ 3")]
    assert d == doc()


def test_recast_of_a_repealed_paragraf_is_refused() -> None:
    d, _ = apply(doc(), Repeal(A("§ 4")), context_for(doc(), SRC))
    d2, problems = apply(d, Replace(A("§ 4"), (par("4", unit("Genoplivet.")),)), context_for(d, SRC))
    assert codes(problems) == [("REPEALED_TARGET", "§ 4")]
    assert at(d2, "§ 4").repealed


def test_payload_label_that_lands_elsewhere_is_reported() -> None:
    d, problems = apply(doc(), Insert(A("§ 3, stk. 1"), (stk("4", "Fjerde?"),)), context_for(doc(), SRC))
    assert [(p.code, p.severity, p.address) for p in problems] == [
        ("LABEL_MISMATCH", "warning", "§ 3, stk. 1")]  # fmt: skip
    assert [s.text for s in at(d, "§ 3").children][1] == "Fjerde?"
    _, problems = apply(doc(), Insert(A("§ 3, stk. 3"), (stk("4", "Fjerde."),)), context_for(doc(), SRC))
    assert problems == ()


def test_insert_before_a_missing_unit_is_refused_unless_it_is_the_next() -> None:
    d, problems = apply(doc(), Insert(A("§ 3, stk. 6"), (unit("Ny."),), position="before"), context_for(doc(), SRC))
    assert codes(problems) == [("TARGET_NOT_FOUND", "§ 3, stk. 6")]
    d, problems = apply(doc(), Insert(A("§ 3, stk. 4"), (unit("Ny."),), position="before"), context_for(doc(), SRC))
    assert problems == () and [s.label for s in at(d, "§ 3").children] == ["1", "2", "3", "4"]


def test_part_naming_missing_items_is_a_warning() -> None:
    items = (Item(1, "", (ReplaceText(A("§ 4"), "425", "500"),)),)
    result = consolidate(doc(), [order(*items)], parts={"BEK 9/2020": "§ 1, nr. 1-2"})
    assert [(p.code, p.severity) for p in result.problems] == [("PART_ITEM_MISSING", "warning")]
    assert len(result.applied) == 1


def test_an_item_is_atomic_per_provision() -> None:
    # "§ 4 … ændres, og § 99 og § 5 ophæves": § 99 does not exist; § 4 and § 5 are other provisions
    item = Item(3, "", (ReplaceText(A("§ 4"), "425", "500"), Repeal(A("§ 99")), Repeal(A("§ 5"))), line=17)
    result = consolidate(doc(), [order(item)])
    assert [(p.code, p.address, p.severity, p.line) for p in result.problems] == [
        ("TARGET_NOT_FOUND", "§ 99", "error", 17)]
    assert [(a.op, a.target) for a in result.applied] == [("replace_text", "§ 4"), ("repeal", "§ 5")]


def test_operations_on_one_provision_are_applied_whole_or_not_at_all() -> None:
    # "I § 3, stk. 1, ændres »kommunen« til: »regionen«, og stk. 3 ophæves; i § 4 ændres …"
    item = Item(3, "", (ReplaceText(A("§ 3, stk. 1"), "kommunen", "regionen"), ReplaceText(A("§ 3, stk. 2"),
                "ukendt", "x"), ReplaceText(A("§ 4"), "425", "500")), line=17)  # fmt: skip
    result = consolidate(doc(), [order(item)])
    assert [(p.code, p.address, p.severity) for p in result.problems] == [
        ("ITEM_WITHHELD", "§ 3, stk. 1", "error"), ("TEXT_NOT_FOUND", "§ 3, stk. 2", "error")]
    assert at(result.document, "§ 3") == at(ensure_ids(doc()), "§ 3")
    assert at(result.document, "§ 4").children[0].text == "Gebyret er 500 kr."
    assert [(a.op, a.target) for a in result.applied] == [("replace_text", "§ 4")]


def test_safety_net_covers_title_headings_and_bilag() -> None:
    base = ensure_ids(doc().with_(children=(*doc().children, Node(Kind.BILAG, "1", id="bilag1", text="Skema."))))
    kap2 = base.children[1]
    heads = tuple(n.with_(text="Andet") if n.text == "Gebyr" else n for n in kap2.children)
    bad = base.with_(meta=Meta("BEK", 1, 2019, title="Ændret"), preamble="Ændret:",
                     children=(base.children[0], kap2.with_(children=heads), base.children[2].with_(text="Ny.")))
    found = [(p.code, p.address) for p in safety_net(base, bad, set())]
    assert found == [("UNTOUCHED_CHANGED", None), ("UNTOUCHED_CHANGED", None), ("UNTOUCHED_CHANGED", None),
                     ("UNTOUCHED_CHANGED", "bilag 1")]  # fmt: skip
    assert safety_net(base, bad, {"title", "preamble", "kapitel2-paragraf4", "bilag1"}) == []
