"""Amender unit tests on small hand-built trees: the structural operations (affattes, ophæves,
indsættes, ophæves og i stedet indsættes) per level, and the refusal codes for a missing or ambiguous
target. Text operations, orders and properties have their own test_amender_*.py files."""

from __future__ import annotations

import pytest

from lovkons.amender.apply import context_for
from lovkons.amender.resolve import resolve_current
from lovkons.model.document import Address, Kind, Node
from lovkons.model.edits import Insert, Repeal, RepealAndInsert, Replace, ReplaceText
from tests.amender_trees import SRC, A, at, doc, nr, ok, ok_apply, par, run, stk

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
    from lovkons.model.document import Level

    d = ok(Replace(Address(((Level.INDLEDNING, ""),)), new="I medfør af § 2 fastsættes:"))
    assert d.preamble == "I medfør af § 2 fastsættes:" and d.meta.title == "Bekendtgørelse om tilsyn"
    d = ok(Replace(A("§ 4").child(Level.OVERSKRIFT, "før"), new="Afgift"))
    assert [n.text for n in d.children[1].children if n.kind is Kind.OVERSKRIFT] == ["Eftersyn", "Afgift", "Klage"]


def parse_titel() -> Address:
    from lovkons.model.document import Level

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
    from lovkons.amender.recast import repeal_and_insert

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
    # § 3 has three stk.: "§ 3, 2. pkt." does not say which one ("§ 3, 1. pkt." is the first punktum of the §,
    # read where the quote stands in stk. 1: tests/test_amend_first_stk.py)
    d, problems = run(ReplaceText(A("§ 3, 2. pkt."), "stk.", "stykke"))
    assert [(p.code, p.address) for p in problems] == [("AMBIGUOUS_TARGET", "§ 3, 2. pkt.")]  # type: ignore[attr-defined]
    assert d == doc()
