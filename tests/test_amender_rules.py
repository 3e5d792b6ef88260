"""Amender rules learned from the official consolidations: punktum after a list, units already present,
minister titles after a change of ressort, word joins, text written by earlier items, lettered §§ in a
range, "delvis" items, the § sign left out, and what the eval counts as the LBK's own editing."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.model.document import Document, Kind, Meta, Node
from lovkons.model.edits import Insert, Item, Repeal, ReplaceText
from lovkons.parsers.instructions import read_amending_file
from lovkons.parsers.instructions.build import build
from lovkons.parsers.instructions.raw import RawDoc, RawItem, RawParagraf
from lovkons.review.evaluate import _uninstructed
from tests.amender_trees import A, at, nr, order, par, run, stk

DATA = Path(__file__).parent / "data"


def _doc(*children: Node) -> Document:
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), None, children))


def test_punktum_inserted_after_a_list_goes_after_the_list() -> None:
    d = _doc(par("20", stk("1", "Med bøde straffes den, der", nr("1", "overtræder § 2 eller"), nr("2", "lyver."))))
    d, problems = run(Insert(A("§ 20, stk. 1"), position="end", new="Med bøde straffes også brugeren."), d)
    assert problems == ()
    kids = at(d, "§ 20, stk. 1").children
    assert at(d, "§ 20, stk. 1").text == "Med bøde straffes den, der"
    assert [(k.kind, k.text) for k in kids[2:]] == [(Kind.TEKST, "Med bøde straffes også brugeren.")]


def test_unit_already_there_is_not_inserted_twice() -> None:
    d = _doc(par("2", stk("1", "Retten er betinget af,", nr("1", "at A,"), nr("2", "at B."))))
    payload = (nr("2", "at B, og"), nr("3", "at C."))
    d, problems = run(Insert(A("§ 2"), payload, position="end"), d)
    assert [p.code for p in problems] == ["ALREADY_PRESENT"]  # type: ignore[attr-defined]
    assert [(n.label, n.text) for n in at(d, "§ 2, stk. 1").children] == [("1", "at A,"), ("2", "at B, og"), ("3", "at C.")]


def test_minister_title_before_a_change_of_ressort_is_tolerated_and_reported() -> None:
    d = _doc(par("448", stk("1", "Anlægger social- og integrationsministeren eller ægtefællen sag, gælder stk. 2.")))
    d, problems = run(ReplaceText(A("§ 448"), "social- og indenrigsministeren eller ægtefællen", "Ankestyrelsen"), d)
    assert [p.code for p in problems] == ["MINISTER_TITLE_TOLERATED"]  # type: ignore[attr-defined]
    assert at(d, "§ 448, stk. 1").text == "Anlægger Ankestyrelsen sag, gælder stk. 2."


def test_minister_title_tolerance_still_needs_the_rest_of_the_text() -> None:
    d = _doc(par("448", stk("1", "Anlægger justitsministeren sag, gælder stk. 2.")))
    _, problems = run(ReplaceText(A("§ 448"), "social- og indenrigsministeren eller ægtefællen", "X"), d)
    assert [p.code for p in problems] == ["TEXT_NOT_FOUND"]  # type: ignore[attr-defined]


def test_replacement_starting_with_a_word_never_glues_to_the_word_before() -> None:
    d = _doc(par("11", stk("1", "Bortset fra skyldig ydelse, jf. § 7.")))
    d, problems = run(ReplaceText(A("§ 11"), ", jf. § 7", "efter denne lov"), d)
    assert problems == ()
    assert at(d, "§ 11, stk. 1").text == "Bortset fra skyldig ydelse efter denne lov."


def test_text_written_by_an_earlier_item_of_the_order_is_not_counted() -> None:
    d = _doc(par("40", stk("1", "Efter § 3, stk. 3, og § 3, stk. 4.")))
    items = (Item(1, "", (ReplaceText(A("§ 40"), "§ 3, stk. 4", "§ 3, stk. 5"),)),)
    first = (Item(1, "", (ReplaceText(A("§ 40"), "§ 3, stk. 3", "§ 3, stk. 4"),)),)
    result = consolidate(d, [order(*first, *(Item(2, "", i.operations) for i in items))])
    assert [p.code for p in result.problems] == ["EARLIER_ITEM_TEXT_SKIPPED"]
    assert at(result.document, "§ 40, stk. 1").text == "Efter § 3, stk. 4, og § 3, stk. 5."


def test_a_range_of_paragraffer_takes_the_lettered_ones_inside_it() -> None:
    d = _doc(*(par(x, stk("1", f"Tekst {x}.")) for x in ("1", "2", "2 a", "3", "4")))
    group = (A("§ 2"), A("§ 3"))
    result = consolidate(d, [order(Item(1, "§§ 2-3 ophæves.", (Repeal(A("§ 2"), group), Repeal(A("§ 3"), group))))])
    assert [p.code for p in result.problems] == ["RANGE_INCLUDES"]
    assert [(n.label, n.repealed) for n in result.document.children] == [
        ("1", False), ("2", True), ("2 a", True), ("3", True), ("4", False)]  # fmt: skip


def test_delvis_item_is_refused_with_the_units_it_changes() -> None:
    d = _doc(par("1", stk("1", "Gebyret er 425 kr.")))
    items = (Item(1, "", (ReplaceText(A("§ 1"), "425", "500"),)), Item(2, "", (ReplaceText(A("§ 1"), "kr.", "euro"),)))
    result = consolidate(d, [order(*items)], parts={"BEK 9/2020": "§ 1, nr. 1 og 2 delvis"})
    assert [(p.code, p.severity, p.source, p.address) for p in result.problems] == [
        ("PARTIAL_NOT_APPLIED", "error", "BEK 9/2020 § 1, nr. 2", "§ 1")]  # fmt: skip
    assert at(result.document, "§ 1, stk. 1").text == "Gebyret er 500 kr."


def test_missing_paragraph_sign_in_an_item_is_read_and_reported() -> None:
    opening = "I bekendtgørelse nr. 1 af 2. januar 2019 om tilsyn foretages følgende ændringer:"
    raw = RawDoc(Meta("BEK Æ", 5, 2020), (RawParagraf("1", opening, None, (
        RawItem(1, "50, stk. 5, affattes således: »Stk. 5. Ny tekst.«"),)),))  # fmt: skip
    amending = build(raw)
    assert [str(op.target) for op in amending.changes[0].items[0].operations] == ["§ 50, stk. 5"]
    assert [p.code for p in amending.problems] == ["TOLERATED_SLIP"]


def test_ocr_slip_in_the_amending_paragraph_label() -> None:
    amending = read_amending_file(DATA / "laws" / "LOV-2011-471" / "LOV-2011-471.xml")
    assert [b.paragraf for b in amending.changes] == ["1", "2"]


def test_eval_counts_the_lbks_own_omissions_and_renumbering_as_editorial() -> None:
    ours: dict[str, str | None] = {"3": "§ 3. Tekst. Stk. 2. Spent.", "4": "§ 4. Ikrafttræden.", "5": "§ 5. Gælder ikke for Grønland."}
    lbk: dict[str, str | None] = {"3": "§ 3. Tekst. Stk. 2. (Udelades)", "4": "§ 4. Gælder ikke for Grønland.", "5": None}
    assert _uninstructed("3", ours["3"], lbk["3"], ours, lbk) == "omitted"
    assert _uninstructed("4", ours["4"], lbk["4"], ours, lbk) == ""
    ours2: dict[str, str | None] = {"3": None, "4": "§ 4. Ikrafttræden.", "5": "§ 5. Gælder ikke."}
    lbk2: dict[str, str | None] = {"3": "§ 3. Ikrafttræden.", "4": "§ 4. Gælder ikke.", "5": None}
    assert _uninstructed("5", ours2["5"], None, ours2, lbk2) == "renumbered"
    assert _uninstructed("3", None, lbk2["3"], ours2, lbk2) == "renumbered"
