"""Amender unit tests on small hand-built trees: text operations (ændres … til, indsættes efter,
udgår), word boundaries, occurrence counts and tolerant matching."""

from __future__ import annotations

from lovkons.model.document import Address
from lovkons.model.edits import DeleteText, InsertText, ReplaceText
from tests.amender_trees import SRC, A, at, doc, ok, run

# ------------------------------------------------------------------------------------ text operations


def test_replace_text_in_stk() -> None:
    d, problems = run(ReplaceText(A("§ 4"), "425", "623"))
    assert problems == ()
    assert at(d, "§ 4, stk. 1").text == "Gebyret er 623 kr."
    assert at(d, "§ 4, stk. 1").changed_by == (SRC,)


def test_replace_text_in_pkt_only_touches_that_sentence() -> None:
    d, problems = run(ReplaceText(A("§ 1, 2. pkt."), "årligt", "halvårligt"))
    assert problems == ()
    assert at(d, "§ 1, stk. 1").text == "Kommunen fører tilsyn. Tilsynet er halvårligt."


def test_word_boundary_refuses_partial_word() -> None:
    d, problems = run(ReplaceText(A("§ 1"), "Kommune", "Region"))  # "Kommunen" holds it only inside a word
    assert [(p.code, p.address) for p in problems] == [("TEXT_NOT_FOUND", "§ 1")]  # type: ignore[attr-defined]
    assert d == doc()


def test_occurrence_mismatch_is_refused_and_tree_unchanged() -> None:
    d, problems = run(ReplaceText(A("§ 3"), "stk.", "stykke"))
    assert [(p.code, p.address) for p in problems] == [("OCCURRENCE_MISMATCH", "§ 3")]  # type: ignore[attr-defined]
    assert d == doc()


def test_count_all_replaces_every_occurrence() -> None:
    d, problems = run(ReplaceText(A("§ 3"), "stk.", "stykke", count="all"))
    assert problems == ()
    assert [s.text for s in at(d, "§ 3").children] == ["Første stykke om kommunen.", "Andet stykke", "Tredje stykke"]


def test_overalt_covers_the_whole_document() -> None:
    d, problems = run(ReplaceText(parse_address_overalt(), "kommunen", "regionen", count="all"))
    assert problems == ()
    assert "regionen" in at(d, "§ 3, stk. 1").text


def parse_address_overalt() -> Address:
    from lovkons.model.document import Level

    return Address(((Level.DOKUMENT, ""),))


def test_insert_text_after_joins_with_one_space() -> None:
    d = ok(InsertText(A("§ 5"), "ministeren", "for byggeri"))
    assert at(d, "§ 5, stk. 1").text == "Klage sker til ministeren for byggeri."


def test_insert_text_before_punctuation_without_space() -> None:
    d = ok(InsertText(A("§ 5"), "ministeren", ", jf. § 1", position="after"))
    assert at(d, "§ 5, stk. 1").text == "Klage sker til ministeren, jf. § 1."


def test_delete_text_collapses_spaces() -> None:
    d = ok(DeleteText(A("§ 2, nr. 2"), "og"))
    assert at(d, "§ 2, nr. 2").text == "fugt,"


def test_tolerant_match_is_reported() -> None:
    d0 = doc()
    d0, _ = run(ReplaceText(A("§ 4"), "425 kr.", "100–200 kr."), d0)
    d, problems = run(ReplaceText(A("§ 4"), "100-200", "300-400"), d0)
    assert [p.code for p in problems] == ["TOLERANT_MATCH"]  # type: ignore[attr-defined]
    assert at(d, "§ 4, stk. 1").text == "Gebyret er 300-400 kr."


def test_a_quote_read_past_its_letter_case_keeps_the_capital_of_the_punktum() -> None:
    """LOV 601/2011 § 1, nr. 12: "I § 9, stk. 20, der bliver stk. 24, ændres »stk. 19, 2. pkt.,« til: »stk. 23,
    2. pkt.,«" where udlændingelovens text reads "Stk. 19, 2. pkt., …" at the start of a punktum: LBK 947/2011
    prints "Stk. 23, 2. pkt., …" (a Danish sentence begins with a capital). Same shape on the small tree."""
    d, problems = run(ReplaceText(A("§ 1"), "kommunen fører", "regionen fører"))
    assert [p.code for p in problems] == ["TOLERATED_CASE"]
    assert at(d, "§ 1, stk. 1").text == "Regionen fører tilsyn. Tilsynet er årligt."


def test_a_quote_matched_as_written_keeps_the_new_text_as_written() -> None:
    d, problems = run(ReplaceText(A("§ 1"), "Tilsynet er", "tilsynet er"))  # the act's own lower case is kept
    assert problems == ()
    assert at(d, "§ 1, stk. 1").text == "Kommunen fører tilsyn. tilsynet er årligt."
