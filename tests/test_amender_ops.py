"""Amender unit tests on small hand-built trees: one test per operation kind and level, refusals
with their codes and addresses, renumbering, and hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amender.apply import apply, context_for
from amender.consolidate import consolidate, ensure_ids, parse_part
from amender.renumber import renumber
from amender.resolve import resolve_current
from parsers.edits import (
    AmendingDocument,
    ChangeBlock,
    DeleteText,
    DocRef,
    Insert,
    InsertText,
    Item,
    Renumber,
    Repeal,
    RepealAndInsert,
    Replace,
    ReplaceText,
)
from parsers.model import Address, Document, Kind, Meta, Node, Source, parse_address

SRC = Source("BEK 9/2020", "1", 1)


def stk(label: str, text: str, *kids: Node) -> Node:
    return Node(Kind.STK, label, text=text, children=kids)


def nr(label: str, text: str) -> Node:
    return Node(Kind.NR, label, text=text)


def par(label: str, *stks: Node) -> Node:
    return Node(Kind.PARAGRAF, label, children=stks)


def head(text: str) -> Node:
    return Node(Kind.OVERSKRIFT, text=text)


def doc() -> Document:
    children = (
        Node(Kind.KAPITEL, "1", heading="Indledning", children=(
            par("1", stk("1", "Kommunen fører tilsyn. Tilsynet er årligt.")),
            par("2", stk("1", "Ved byggeskade forstås:", nr("1", "brud,"), nr("2", "fugt, og"), nr("3", "svamp."))),
        )),
        Node(Kind.KAPITEL, "2", heading="Tilsyn", children=(
            head("Eftersyn"),
            par("3", stk("1", "Første stk. om kommunen."), stk("2", "Andet stk."), stk("3", "Tredje stk.")),
            head("Gebyr"),
            par("4", stk("1", "Gebyret er 425 kr.")),
            head("Klage"),
            par("5", stk("1", "Klage sker til ministeren.")),
        )),
    )  # fmt: skip
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), "I medfør af § 1 fastsættes:",
                               children))  # fmt: skip


def run(op: object, d: Document | None = None) -> tuple[Document, tuple[object, ...]]:
    d = d or doc()
    return apply(d, op, context_for(d, SRC))  # type: ignore[arg-type]


def ok(op: object, d: Document | None = None) -> Document:
    """Apply `op` and assert it raised no problem at all."""
    new, problems = run(op, d)
    assert problems == ()
    return new


def ok_apply(d: Document, op: object, ctx: object) -> Document:
    new, problems = apply(d, op, ctx)  # type: ignore[arg-type]
    assert problems == ()
    return new


def at(d: Document, address: str) -> Node:
    from amender.resolve import node_at

    return node_at(d, resolve_current(d, parse_address(address)).path)


A = parse_address


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
    d, problems = run(ReplaceText(A("§ 1"), "Tilsyn", "Kontrol"))
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
    from parsers.model import Level

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


# ------------------------------------------------------------------------------- structural operations


def test_replace_paragraf_keeps_its_id() -> None:
    new = par("4", stk(None, "Gebyret fastsættes af ministeren."))  # type: ignore[arg-type]
    d, problems = run(Replace(A("§ 4"), (new,)))
    assert problems == ()
    assert at(d, "§ 4").id == at(doc(), "§ 4").id
    assert at(d, "§ 4, stk. 1").text == "Gebyret fastsættes af ministeren."


def test_replace_stk_with_two_renumbers_followers() -> None:
    d = ok(Replace(A("§ 3, stk. 1"), (stk(None, "Ny et."), stk("2", "Ny to."))))  # type: ignore[arg-type]
    assert [(s.label, s.text) for s in at(d, "§ 3").children] == [
        ("1", "Ny et."), ("2", "Ny to."), ("3", "Andet stk."), ("4", "Tredje stk.")]  # fmt: skip


def test_replace_pkt() -> None:
    d = ok(Replace(A("§ 1, 2. pkt."), new="Tilsynet er løbende."))
    assert at(d, "§ 1, stk. 1").text == "Kommunen fører tilsyn. Tilsynet er løbende."


def test_replace_title_preamble_heading() -> None:
    d = ok(Replace(parse_titel(), new="Bekendtgørelse om kontrol"))
    assert d.meta.title == "Bekendtgørelse om kontrol"
    from parsers.model import Level

    d = ok(Replace(Address(((Level.INDLEDNING, ""),)), new="I medfør af § 2 fastsættes:"))
    assert d.preamble == "I medfør af § 2 fastsættes:" and d.meta.title == "Bekendtgørelse om tilsyn"
    d = ok(Replace(A("§ 4").child(__import__("parsers.model").model.Level.OVERSKRIFT, "før"), new="Afgift"))
    assert [n.text for n in d.children[1].children if n.kind is Kind.OVERSKRIFT] == ["Eftersyn", "Afgift", "Klage"]


def parse_titel() -> Address:
    from parsers.model import Level

    return Address(((Level.TITEL, ""),))


def test_repeal_paragraf_leaves_tombstone_and_heading() -> None:
    d = ok(Repeal(A("§ 4")))
    node = at(d, "§ 4")
    assert node.repealed and node.children == ()
    assert [n.text for n in d.children[1].children if n.kind is Kind.OVERSKRIFT] == ["Eftersyn", "Gebyr", "Klage"]


def test_repeal_range_removes_inner_headings_only() -> None:
    group = (A("§ 3"), A("§ 4"), A("§ 5"))
    d = doc()
    ctx = context_for(d, SRC)
    for a in group:
        d = ok_apply(d, Repeal(a, group), ctx)
    assert [n.text for n in d.children[1].children if n.kind is Kind.OVERSKRIFT] == ["Eftersyn"]


def test_repeal_stk_renumbers() -> None:
    d = ok(Repeal(A("§ 3, stk. 2")))
    assert [(s.label, s.text) for s in at(d, "§ 3").children] == [("1", "Første stk. om kommunen."),
                                                                   ("2", "Tredje stk.")]  # fmt: skip


def test_repeal_nr_and_pkt() -> None:
    d = ok(Repeal(A("§ 2, nr. 1")))
    assert [(n.label, n.text) for n in at(d, "§ 2, stk. 1").children] == [("1", "fugt, og"), ("2", "svamp.")]
    d = ok(Repeal(A("§ 1, 1. pkt.")))
    assert at(d, "§ 1, stk. 1").text == "Tilsynet er årligt."


def test_repeal_kapitel() -> None:
    d = ok(Repeal(A("kapitel 1")))
    assert all(p.repealed for p in d.paragraffer()[:2]) and not d.paragraffer()[2].repealed


def test_insert_paragraf_after_anchor_before_next_heading() -> None:
    new = par("3 a", stk(None, "Ny regel."))  # type: ignore[arg-type]
    d, problems = run(Insert(A("§ 3"), (new,)))
    assert problems == ()
    kap = d.children[1].children
    assert [(n.kind.value, n.label or n.text) for n in kap][:4] == [
        ("overskrift", "Eftersyn"), ("paragraf", "3"), ("paragraf", "3 a"), ("overskrift", "Gebyr")]  # fmt: skip


def test_insert_after_heading_of_next() -> None:
    new = par("3 a", stk(None, "Ny regel."))  # type: ignore[arg-type]
    d = ok(Insert(A("§ 3"), (new,), heading="after_heading", heading_of=A("§ 4")))
    assert [n.label or n.text for n in d.children[1].children][:4] == ["Eftersyn", "3", "Gebyr", "3 a"]


def test_insert_new_kapitel_in_place() -> None:
    kap = Node(Kind.KAPITEL, "1 a", heading="Nyt", children=(par("2 a", stk(None, "X.")),))  # type: ignore[arg-type]
    d, problems = run(Insert(A("kapitel 1"), (kap,)))
    assert problems == ()
    assert [c.label for c in d.children] == ["1", "1 a", "2"]


def test_insert_paragraf_that_does_not_fit_is_refused() -> None:
    new = par("20", stk(None, "Forkert læst."))  # type: ignore[arg-type]
    d, problems = run(Insert(A("§ 1"), (new,)))
    assert [p.code for p in problems] == ["PAYLOAD_MISMATCH"]  # type: ignore[attr-defined]
    assert d == doc()


def test_insert_stk_before_first_renumbers() -> None:
    d = ok(Insert(A("§ 3, stk. 1"), (stk(None, "Nyt første."),), position="before"))  # type: ignore[arg-type]
    assert [s.label for s in at(d, "§ 3").children] == ["1", "2", "3", "4"]
    assert at(d, "§ 3, stk. 1").text == "Nyt første."


def test_insert_nr_at_end_and_pkt() -> None:
    d = ok(Insert(A("§ 2"), (nr("4", "råd."),), position="end"))
    assert [n.label for n in at(d, "§ 2, stk. 1").children] == ["1", "2", "3", "4"]
    d = ok(Insert(A("§ 4"), (), position="end", new="Beløbet reguleres."))
    assert at(d, "§ 4, stk. 1").text == "Gebyret er 425 kr. Beløbet reguleres."


def test_repeal_and_insert_stk() -> None:
    payload = (stk(None, "A."), stk("2", "B."))  # type: ignore[arg-type]
    d = ok(RepealAndInsert(A("§ 3, stk. 2"), payload))
    assert [(s.label, s.text) for s in at(d, "§ 3").children] == [
        ("1", "Første stk. om kommunen."), ("2", "A."), ("3", "B."), ("4", "Tredje stk.")]  # fmt: skip


@pytest.mark.parametrize(("label", "kapitel_1"), [("4", ["1", "2", "4"]), ("0 a", ["0 a", "1", "2"])])
def test_repeal_and_insert_into_another_kapitel(label: str, kapitel_1: list[str]) -> None:
    """"§ 38 d ophæves, og i stedet indsættes i kapitel 7: »§ 38 d. …«" (LOV 294/2011 § 1, nr. 44)."""
    from amender.recast import repeal_and_insert

    d = doc()
    target, container = resolve_current(d, A("§ 4")), resolve_current(d, A("kapitel 1"))
    payload = (par(label, stk(None, "Ny.")),)  # type: ignore[arg-type]
    out = repeal_and_insert(d, target, [target], payload, None, SRC, container=container).doc
    kap1, kap2 = out.children
    assert [c.label for c in kap1.children if c.kind is Kind.PARAGRAF] == kapitel_1
    pars2 = [(c.label, c.repealed) for c in kap2.children if c.kind is Kind.PARAGRAF]
    assert pars2 == ([("3", False), ("5", False)] if label == "4" else [("3", False), ("4", True), ("5", False)])


def test_target_not_found_and_ambiguous_codes() -> None:
    _, problems = run(Repeal(A("§ 99")))
    assert [(p.code, p.address) for p in problems] == [("TARGET_NOT_FOUND", "§ 99")]  # type: ignore[attr-defined]
    _, problems = run(ReplaceText(A("§ 3, stk. 7"), "x", "y"))
    assert [(p.code, p.address) for p in problems] == [("TARGET_NOT_FOUND", "§ 3, stk. 7")]  # type: ignore[attr-defined]
    # § 3 has three stk.: "§ 3, 1. pkt." does not say which one
    d, problems = run(ReplaceText(A("§ 3, 1. pkt."), "stk.", "stykke"))
    assert [(p.code, p.address) for p in problems] == [("AMBIGUOUS_TARGET", "§ 3, 1. pkt.")]  # type: ignore[attr-defined]
    assert d == doc()


# ----------------------------------------------------------------------------- orders and renumbering


def order(*items: Item, number: int = 9) -> AmendingDocument:
    block = ChangeBlock("1", DocRef("BEK", 1, None, "bekendtgørelse om tilsyn"), "I bekendtgørelse nr. 1 …",
                        items=items)  # fmt: skip
    return AmendingDocument(Meta("BEK Æ", number, 2020), (block,))


def test_later_items_cite_pre_order_labels_and_renumber_is_checked() -> None:
    items = (
        Item(1, "I § 3 indsættes efter stk. 1 som nyt stykke", (
            Insert(A("§ 3, stk. 1"), (stk("2", "Indsat."),)),
            Renumber(A("§ 3, stk. 2"), "3"), Renumber(A("§ 3, stk. 3"), "4"))),
        Item(2, "I § 3, stk. 2, der bliver stk. 3, ændres", (ReplaceText(A("§ 3, stk. 2"), "Andet", "Det andet"),)),
    )  # fmt: skip
    result = consolidate(doc(), [order(*items)])
    assert [p.code for p in result.problems] == []
    assert [(s.label, s.text) for s in at(result.document, "§ 3").children] == [
        ("1", "Første stk. om kommunen."), ("2", "Indsat."), ("3", "Det andet stk."), ("4", "Tredje stk.")]  # fmt: skip


def test_wrong_rykningsklausul_is_a_warning() -> None:
    items = (Item(1, "", (Repeal(A("§ 3, stk. 2")), Renumber(A("§ 3, stk. 3"), "4"))),)
    result = consolidate(doc(), [order(*items)])
    assert [(p.code, p.severity, p.address) for p in result.problems] == [
        ("RENUMBER_MISMATCH", "warning", "§ 3, stk. 3")]  # fmt: skip


def test_refusal_source_and_base_not_cited() -> None:
    result = consolidate(doc(), [order(Item(7, "", (Repeal(A("§ 99")),)))])
    assert [(p.code, p.source) for p in result.problems] == [("TARGET_NOT_FOUND", "BEK 9/2020 § 1, nr. 7")]
    other = AmendingDocument(Meta("BEK Æ", 5, 2020), (ChangeBlock("1", DocRef("BEK", 77, None), "I …"),))
    assert [p.code for p in consolidate(doc(), [other]).problems] == ["BASE_NOT_CITED"]


def test_parts() -> None:
    assert parse_part("§ 7").items is None
    p = parse_part("§ 1, nr. 1-4, 6, 24 delvis, 25 og 34-36,")
    assert sorted(p.items or ()) == [1, 2, 3, 4, 6, 24, 25, 34, 35, 36] and p.partly == {24}


def test_renumber_keeps_lettered_labels() -> None:
    kids = (nr("1", "a"), nr("3", "b"), nr("3 a", "c"), nr("4", "d"))
    assert [n.label for n in renumber(kids, Kind.NR, 1)] == ["1", "2", "2 a", "3"]


# ---------------------------------------------------------------------------------------- properties

ADDRESSES = ["§ 1", "§ 2", "§ 2, nr. 2", "§ 3", "§ 3, stk. 2", "§ 4", "§ 5", "kapitel 2"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(ADDRESSES))
def test_replace_with_own_content_is_identity(address: str) -> None:
    d = doc()
    node = at(d, address)
    new, problems = apply(d, Replace(A(address), (node,)), context_for(d, None))
    assert problems == ()
    assert at(new, address) == node
    assert new == d


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(ADDRESSES[:-1]), st.sampled_from(["§ 1", "§ 2", "§ 3", "§ 4", "§ 5"]))
def test_repeal_leaves_other_paragraffer_untouched(address: str, other: str) -> None:
    d = doc()
    new, _ = run(Repeal(A(address)), d)
    owner = address.split(",")[0]
    if owner != other:
        assert at(new, other) == at(d, other)
    node = at(new, owner)
    assert node.repealed or at(new, owner) != at(d, owner)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="abcæø 425.,", min_size=1, max_size=8), st.text(alphabet="xyz ", max_size=6))
def test_text_ops_change_only_their_paragraf(old: str, new: str) -> None:
    d = doc()
    out, problems = run(ReplaceText(A("§ 4"), old, new), d)
    for label in ("1", "2", "3", "5"):
        assert at(out, f"§ {label}") == at(d, f"§ {label}")
    if any(p.severity == "error" for p in problems):  # type: ignore[attr-defined]
        assert out == d


@pytest.mark.parametrize("address", ["§ 4, stk. 1", "§ 3, stk. 3"])
def test_repeal_then_resolve_finds_nothing_or_tombstone(address: str) -> None:
    from amender.resolve import ResolveError

    d, _ = run(Repeal(A(address)))
    with pytest.raises(ResolveError):
        resolve_current(d, A(address))
