"""Amender: where the quoted text is not in the unit as cited, the readings a drafter meant.

- The items of one act quote the law as it stood before the act. Where an earlier item of the same act
  has already changed the quoted words (an "Overalt", a renaming over many units), a later item's quote
  is read in the form that item left, as the official consolidations do (READ_AS_LEFT_BY_EARLIER_ITEM).
- A punktum number is the drafter's count: a quote found in exactly one other punktum of the cited unit
  is taken there (TEXT_IN_OTHER_PKT).
- A § repealed before the act whose number an earlier item of the act filled is, for a later item, that
  new unit (RESOLVED_BY_CURRENT_LABEL).
Cases are real excerpts in tests/data/amend; a lawyer can add a row."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Document, Meta, parse_address
from lovkons.model.edits import DeleteText, InsertText, Item, Repeal, RepealAndInsert, Replace, ReplaceText
from lovkons.parsers.sentences import split_sentences
from tests.amender_trees import at, doc, order, par, stk

DATA = Path(__file__).parent / "data" / "amend"
CODE = "READ_AS_LEFT_BY_EARLIER_ITEM"

# (excerpt, unit that must equal the official consolidation's, what the earlier item had changed)
CASES = [
    # LOV 1499/2014 § 1, nr. 3 "Overalt … »sørge for« til: »sikre«", nr. 17 "I § 11, stk. 2 og 3, indsættes
    # efter »Anlægschefen skal sørge for«: »og føre tilsyn med«" → LBK 831/2015
    ("offshore-2014", "§ 11, stk. 2", "»Anlægschefen skal sikre«"),
    ("offshore-2014", "§ 11, stk. 3", "»Anlægschefen skal sikre«"),  # with nr. 18 on the same stk.
    # LOV 395/2016 § 1, nr. 20 renames »Arbejdsmarkedets Erhvervssygdomssikring« in § 66, stk. 5, among
    # many units; nr. 61 changes the same words there to »bestyrelsen for …« → LBK 216/2017
    ("erhvervssikring-2016", "§ 66, stk. 5", "»Arbejdsmarkedets Erhvervssikring«"),
    # LOV 1605/2013 § 40, nr. 2 strikes »folkehøjskoler,« in § 11, stk. 4; nr. 22 strikes »på folkehøjskoler,
    # husholdningsskoler og håndarbejdsskoler og for elever på efterskoler« there → LBK 785/2015
    ("kostskoler-2013", "§ 11, stk. 4", "»på husholdningsskoler og håndarbejdsskoler og for elever på efterskoler«"),
    # LOV 656/2016 § 3, nr. 1 "Overalt … ændres »Patientombuddet« til: »Styrelsen for Patientsikkerhed«"; nr. 8
    # inserts »eller dennes stedfortræder« after »Patientombuddet« in § 12 a, stk. 2, 2. pkt. → LBK 84/2017
    # (the 1. pkt. names the minister by the title of its day: compared is the 2. pkt.)
    ("patientsikkerhed-2016", "§ 12 a, stk. 2, 2. pkt.", "»Styrelsen for Patientsikkerhed«"),
    # LOV 1520/2014 § 158, nr. 1 "Overalt … »vejbestyrelse« til: »vejmyndighed«", nr. 2 "Overalt … »vejbestyrelsen« til:
    # »vejmyndigheden«", nr. 5 "I § 92 a, stk. 3, ændres »vejbestyrelsen eller vejmyndigheden« til: »vejmyndigheden«"
    # → LBK 38/2017 (nr. 1 never touched the longer word: the quote is read as nr. 2 left it)
    ("vejmyndighed-2014", "§ 92 a, stk. 3", "»vejmyndigheden eller vejmyndigheden«"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "unit", "form"), CASES, ids=[f"{c[0]} {c[1]}" for c in CASES])
def test_later_item_reads_the_text_the_earlier_item_left(case: str, unit: str, form: str) -> None:
    base, expected = read_doc(DATA / case / "base.xml"), read_doc(DATA / case / "expected.xml")
    result = consolidate(base, [read_order(DATA / case / "order.xml")])
    assert unit_words(result.document, unit) == unit_words(expected, unit)
    said = [p for p in result.problems if p.code == CODE and p.address == unit]
    assert said and form in said[0].message and said[0].severity == "warning"
    assert not [p for p in result.problems if p.severity == "error" and p.address == unit]


def unit_words(d: Document, address: str) -> str:
    """The unit's text, or the punktum's where the address names one."""
    if "pkt." not in address:
        return at(d, address).full_text()
    unit, pkt = address.rsplit(", ", 1)
    return split_sentences(at(d, unit).text)[int(pkt.split(".")[0]) - 1]


def test_a_quote_that_was_never_there_stays_refused() -> None:
    """The earlier item changed »kommunen« in § 3; a later item quotes »Første stk. om byen«, which § 3,
    stk. 1, never held: no reading, the operation is refused."""
    first = Item(1, "…", (ReplaceText(parse_address("§ 3, stk. 1"), "kommunen", "regionen"),))
    later = Item(2, "…", (InsertText(parse_address("§ 3, stk. 1"), "Første stk. om byen", " og amtet"),))
    result = consolidate(doc(), [order(first, later)])
    assert at(result.document, "§ 3, stk. 1").text == "Første stk. om regionen."
    assert {p.code for p in result.problems if p.severity == "error"} == {"TEXT_NOT_FOUND"}
    assert CODE not in {p.code for p in result.problems}


def test_a_quote_the_earlier_item_changed_is_read_as_it_left_it() -> None:
    first = Item(1, "…", (ReplaceText(parse_address("§ 3, stk. 1"), "kommunen", "regionen"),))
    later = Item(2, "…", (InsertText(parse_address("§ 3, stk. 1"), "Første stk. om kommunen", " og amtet"),))
    result = consolidate(doc(), [order(first, later)])
    assert at(result.document, "§ 3, stk. 1").text == "Første stk. om regionen og amtet."
    assert CODE in {p.code for p in result.problems}


def test_two_items_putting_different_words_in_the_same_place_stay_refused() -> None:
    """LOV 1499/2014 § 1, nr. 36, changes »offshoreanlæg« to »anlæg eller en rørledning« in § 40, stk. 1,
    1. pkt., and its nr. 54 the same word to »anlæg«: which one holds is not for the amender to guess
    (LBK 831/2015 kept the first); nr. 54 is refused, nr. 36 stays applied."""
    case = DATA / "offshore-2014"
    result = consolidate(read_doc(case / "base.xml"), [read_order(case / "order.xml")])
    assert at(result.document, "§ 40, stk. 1").text.startswith("Et anlæg eller en rørledning")
    refused = [p for p in result.problems if p.address == "§ 40, stk. 1, 1. pkt." and p.severity == "error"]
    assert [p.code for p in refused] == ["TEXT_NOT_FOUND"]


# A punktum number is the drafter's count; the quote names the place (amender.text_readings._other_pkt)


def test_quote_found_only_in_another_punktum_of_the_unit() -> None:
    """LOV 616/2013 § 1, nr. 13: "I … § 144, stk. 4, 2. pkt., … ændres »årsrapport« til: »årsregnskab
    m.v.«"; the word stands in 3. pkt. only, where LBK 610/2015 changed it."""
    case = DATA / "selskab-2013"
    result = consolidate(read_doc(case / "base.xml"), [read_order(case / "order.xml")])
    assert unit_text(result.document, "§ 144, stk. 4, 3. pkt.") == unit_text(read_doc(case / "expected.xml"),
                                                                            "§ 144, stk. 4, 3. pkt.")
    assert "TEXT_IN_OTHER_PKT" in {p.code for p in result.problems if p.address == "§ 144, stk. 4, 2. pkt."}


def test_quote_in_two_other_punktummer_stays_refused() -> None:
    text = "Kommunen fører tilsyn. Tilsynet er årligt. Kommunen betaler."
    d = law_with("3", text)
    op = ReplaceText(parse_address("§ 3, stk. 1, 2. pkt."), "Kommunen", "Regionen")
    result = consolidate(d, [order(Item(1, "…", (op,)))])
    assert at(result.document, "§ 3, stk. 1").text == text
    assert {p.code for p in result.problems} == {"TEXT_NOT_FOUND"}


def test_a_punktum_the_item_names_itself_is_not_taken_for_another() -> None:
    """The shape of LOV 296/2016 § 1, nr. 2 ("I … 1. og 5. pkt. … ændres »5 uger« til: »4 uger«"): the quote is
    not in the 1. pkt.; the 5. pkt. holds it, but the item changes the 5. pkt. itself. The 1. pkt.'s change is
    refused, not made in the 5. pkt. (whose own change would then find nothing)."""
    text = "Ferien udgør op til fem uger om året. Ferien holdes samlet. Den samlede ferie kan højst udgøre 5 uger."
    d = law_with("3", text)
    ops = tuple(ReplaceText(parse_address(f"§ 3, stk. 1, {n}. pkt."), "5 uger", "4 uger") for n in (1, 3))
    result = consolidate(d, [order(Item(1, "…", ops))])
    assert at(result.document, "§ 3, stk. 1").text == text
    assert "TEXT_IN_OTHER_PKT" not in {p.code for p in result.problems}
    assert "TEXT_NOT_FOUND" in {p.code for p in result.problems if p.address == "§ 3, stk. 1, 1. pkt."}


def law_with(label: str, text: str) -> Document:
    from lovkons.amender.consolidate import ensure_ids
    from lovkons.model.document import Kind, Meta, Node

    par = Node(Kind.PARAGRAF, label, children=(Node(Kind.STK, "1", text=text),))
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), None, (par,)))


def unit_text(d: Document, address: str) -> str:
    from lovkons.amender.resolve import node_at, resolve_current
    from lovkons.amender.slots import sentence_spans

    target = resolve_current(d, parse_address(address))
    node = node_at(d, target.path)
    a, b = sentence_spans(node.text)[(target.pkt or 1) - 1]
    return node.text[a:b]


# A repealed § whose number an earlier item of the same act filled (amender.resolve._reused_number)


def test_a_later_item_recasts_the_unit_an_earlier_item_put_in_a_repealed_number() -> None:
    """LOV 244/2014 § 1, nr. 1 "Efter § 5 indsættes: § 6. …" (1 April 2014) fills the number LBK 1261/2010
    prints as "§ 6. (Ophævet)"; nr. 2 "§ 6 affattes således: …" (1 January 2015) recasts that new § 6. The
    repealed § had nothing to change: the address names the new unit, said as RESOLVED_BY_CURRENT_LABEL."""
    case = DATA / "reused-number-2014"
    act = read_order(case / "order.xml")
    recast = next(op for block in act.changes for item in block.items for op in item.operations
                  if isinstance(op, Replace))
    result = consolidate(read_doc(case / "base.xml"), [act])
    assert at(result.document, "§ 6").full_text() == recast.payload[0].full_text()
    said = [p for p in result.problems if p.address == "§ 6"]
    assert [p.code for p in said] == ["RESOLVED_BY_CURRENT_LABEL"] and said[0].severity == "warning"


def test_a_live_unit_removed_by_an_earlier_item_stays_refused() -> None:
    """Where the unit the address named before the act was live and an earlier item repealed it, the later
    item is refused (REPEALED_TARGET), not read as a new unit: § 3 repealed by item 1, "§ 3 affattes" in item 2."""
    first = Item(1, "…", (Repeal(parse_address("§ 3")),))
    later = Item(2, "…", (Replace(parse_address("§ 3"), payload=(at(doc(), "§ 3"),)),))
    result = consolidate(doc(), [order(first, later)])
    assert {p.code for p in result.problems if p.severity == "error"} == {"REPEALED_TARGET"}
    assert "RESOLVED_BY_CURRENT_LABEL" not in {p.code for p in result.problems}


def test_a_later_item_recasts_the_units_an_earlier_item_recast() -> None:
    """LOV 1000/2015 § 1, nr. 35 (1 September 2015) and nr. 36 (1 January 2016, § 2, stk. 2) both recast "§ 26,
    stk. 2 og 3, der bliver stk. 3 og 4"; nr. 36 leaves out the samlevende punktummer. A recast unit keeps the
    stable id of the unit it replaces, so nr. 36 finds the units nr. 35 wrote (it was refused as "removed by an
    earlier item"). LBK 468/2016 § 26, stk. 3 prints nr. 36's text (its stk. 4 was changed again in 2016)."""
    case = DATA / "recast-twice-2015"
    act = read_order(case / "order.xml")
    result = consolidate(read_doc(case / "base.xml"), [act])
    assert at(result.document, "§ 26, stk. 3").full_text() == at(read_doc(case / "expected.xml"), "§ 26, stk. 3").full_text()
    last = act.changes[0].items[-1].operations[0]  # nr. 36 (the excerpt's items are numbered in order)
    assert isinstance(last, RepealAndInsert)
    assert at(result.document, "§ 26, stk. 4").full_text() == last.payload[-1].full_text()
    assert not [p for p in result.problems if p.severity == "error"]


# A renaming over a list of units names also units where another item of the act strikes the phrase around
# the name: those words are that item's (amender.earlier_items.left_to_longer_quote)

WITHIN = "erhvervssikring-2016-within"


@pytest.mark.parametrize("unit", ["§ 35, stk. 1", "§ 42, stk. 2"])
def test_a_quote_only_inside_another_items_longer_quote_is_left_to_it(unit: str) -> None:
    """LOV 395/2016 § 1, nr. 20 renames »Arbejdsmarkedets Erhvervssygdomssikring« in § 35, stk. 1 and § 42,
    stk. 2 among many units; nr. 1 strikes »Arbejdsmarkedets Erhvervssygdomssikring,« in § 35, stk. 1 (before
    it), nr. 32 », Arbejdsmarkedets Erhvervssygdomssikring« twice in § 42, stk. 2 (after it). LBK 216/2017
    prints both units as nr. 1 and nr. 32 leave them; nr. 20 was refused there (TEXT_NOT_FOUND,
    OCCURRENCE_MISMATCH), and its § 35, stk. 7 withheld with it."""
    case = DATA / WITHIN
    result = consolidate(read_doc(case / "base.xml"), [read_order(case / "order.xml")])
    assert unit_words(result.document, unit) == unit_words(read_doc(case / "expected.xml"), unit)
    said = [p for p in result.problems if p.address == unit and p.code == "LEFT_TO_LONGER_QUOTE"]
    assert said and "Erhvervssygdomssikring" in said[0].message and said[0].severity == "warning"
    assert not [p for p in result.problems if p.severity == "error" and p.address in (unit, "§ 35, stk. 7")]


def test_a_longer_quote_that_keeps_the_words_leaves_the_change_to_this_item() -> None:
    """The other item rewrites the phrase around the word but keeps the word: striking it is still this item's,
    and where the count is not there it stays refused."""
    strike = Item(1, "…", (DeleteText(parse_address("§ 3, stk. 1"), "kommunen", count=2),))
    rewrite = Item(2, "…", (ReplaceText(parse_address("§ 3, stk. 1"), "om kommunen.", "om kommunen i øvrigt."),))
    result = consolidate(doc(), [order(strike, rewrite)])
    assert "LEFT_TO_LONGER_QUOTE" not in {p.code for p in result.problems}
    assert [p.code for p in result.problems if p.severity == "error"] == ["OCCURRENCE_MISMATCH"]


def test_a_quote_the_unit_never_held_stays_refused() -> None:
    """Both quotes are missing from the unit before the act: nothing shows the words were the other item's."""
    first = Item(1, "…", (DeleteText(parse_address("§ 3, stk. 1"), "om byen,"),))
    later = Item(2, "…", (DeleteText(parse_address("§ 3, stk. 1"), "byen"),))
    result = consolidate(doc(), [order(first, later)])
    assert "LEFT_TO_LONGER_QUOTE" not in {p.code for p in result.problems}
    assert [p.code for p in result.problems if p.severity == "error"] == ["TEXT_NOT_FOUND", "TEXT_NOT_FOUND"]


def test_words_another_item_strikes_only_once_leave_the_rest_to_this_item() -> None:
    """review19 #5: the other item strikes the longer words "første gang" only; the quote's occurrence in their
    second instance is not that item's, so this item is not read as leaving it (no LEFT_TO_LONGER_QUOTE)."""
    base = ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), "", (par(
        "3", stk("1", "Første stk. om kommunen, og tilsynet om kommunen.")),)))
    strike = Item(1, "…", (DeleteText(parse_address("§ 3, stk. 1"), "om kommunen", nth=1),))
    rename = Item(2, "…", (ReplaceText(parse_address("§ 3, stk. 1"), "kommunen", "regionen", count=2),))
    result = consolidate(base, [order(strike, rename)])
    assert "LEFT_TO_LONGER_QUOTE" not in {p.code for p in result.problems}
