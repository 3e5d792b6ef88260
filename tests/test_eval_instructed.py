"""The eval's "uninstructed" rule on tiny hand-built cases: a wrong § no applied or refused operation
addressed is "uninstructed", an addressed one "unexplained"; the categories partition the wrong §§."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.model.document import Address, Document, Kind, Level, Meta, Node, Source, parse_address
from lovkons.model.edits import AmendingDocument, ChangeBlock, DocRef, Insert, Item, ReplaceText
from lovkons.parsers.instructions.clauses import parse_instruction
from lovkons.review.evaluate import CaseScore, Wrong, score
from lovkons.review.instructed import address_keys

CATEGORIES = ("refused", "editorial", "typo-fix", "uninstructed", "unexplained")


def par(label: str, text: str) -> Node:
    return Node(Kind.PARAGRAF, label, children=(Node(Kind.STK, "1", text=text),))


def law(*pars: Node, chapter: bool = False) -> Document:
    children = (Node(Kind.KAPITEL, "1", heading="Tilsyn", children=pars),) if chapter else pars
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), None, children))


BASE = law(par("1", "Kommunen fører tilsyn."), par("2", "Klage indgives inden 4 uger."), par("3", "Gebyret er 425 kr."))


def order(*items: Item) -> AmendingDocument:
    block = ChangeBlock("1", DocRef("BEK", 1, None, "bekendtgørelse om tilsyn"), "I bekendtgørelse nr. 1 …",
                        items=items)  # fmt: skip
    return AmendingDocument(Meta("BEK Æ", 9, 2020), (block,))


TILSYN = Item(1, "I § 1 ændres »tilsyn« til: »kontrol«.", (ReplaceText(parse_address("§ 1"), "tilsyn", "kontrol"),))


def run(expected: Document, *items: Item, with_orders: bool = True) -> CaseScore:
    orders = [order(*items)]
    result = consolidate(BASE, orders)
    return score("tiny", BASE, result, expected, orders=orders if with_orders else ())


def wrong(s: CaseScore) -> dict[str, Wrong]:
    return {w.label: w for w in s.wrong}


def assert_partition(s: CaseScore) -> None:
    counts = [s.refused, s.editorial, s.typo_fixed, s.uninstructed, s.unexplained]
    assert sum(counts) == len(s.wrong)
    assert s.silent == sum(counts[1:])
    assert all(w.category in CATEGORIES for w in s.wrong)


def test_a_paragraf_no_instruction_addresses_is_uninstructed() -> None:
    expected = law(par("1", "Kommunen fører kontrol."), par("2", "Klage indgives inden fire uger."),
                   par("3", "Gebyret er 425 kr."))  # fmt: skip
    s = run(expected, TILSYN)
    assert s.touched == 2 and s.touched_ok == 1
    assert {k: (w.category, w.why, w.instructed) for k, w in wrong(s).items()} == {
        "2": ("uninstructed", "uninstructed", False)}
    assert (s.uninstructed, s.unexplained, s.touched_instructed) == (1, 0, 1)
    assert_partition(s)


def test_an_instructed_paragraf_that_differs_is_unexplained() -> None:
    expected = law(par("1", "Kommunen fører skærpet kontrol."), par("2", "Klage indgives inden fire uger."),
                   par("3", "Gebyret er 425 kr."))  # fmt: skip
    s = run(expected, TILSYN)
    assert {k: w.category for k, w in wrong(s).items()} == {"1": "unexplained", "2": "uninstructed"}
    assert (s.touched_ok, s.touched_instructed, s.unexplained, s.uninstructed) == (0, 1, 1, 1)
    assert_partition(s)


def test_an_instruction_that_is_refused_makes_its_paragraf_refused_not_uninstructed() -> None:
    missing = Item(2, "I § 2 ændres »8 uger« til: »fire uger«.", (ReplaceText(parse_address("§ 2"), "8 uger", "fire uger"),))
    expected = law(par("1", "Kommunen fører kontrol."), par("2", "Klage indgives inden fire uger."),
                   par("3", "Gebyret er 425 kr."))  # fmt: skip
    s = run(expected, TILSYN, missing)
    assert {k: (w.category, w.instructed) for k, w in wrong(s).items()} == {"2": ("refused", True)}
    assert s.touched_instructed == 2
    assert_partition(s)


def test_an_insertion_addresses_the_new_paragraf_not_its_anchor() -> None:
    new = Item(2, "Efter § 3 indsættes: »§ 3 a. Gebyret betales forud.«",
               (Insert(parse_address("§ 3"), (par("3 a", "Gebyret betales forud."),)),))  # fmt: skip
    expected = law(par("1", "Kommunen fører kontrol."), par("2", "Klage indgives inden 4 uger."),
                   par("3", "Gebyret er 500 kr."), par("3 a", "Gebyret betales forud ved ansøgningen."))  # fmt: skip
    s = run(expected, TILSYN, new)
    assert {k: w.category for k, w in wrong(s).items()} == {"3": "uninstructed", "3a": "unexplained"}
    # without the orders an applied insertion's anchor counts as addressed (the safe side)
    blind = run(expected, TILSYN, new, with_orders=False)
    assert {k: w.category for k, w in wrong(blind).items()} == {"3": "unexplained", "3a": "unexplained"}



def test_a_refused_insertion_still_addresses_the_new_paragraf() -> None:
    new = Item(2, "Efter § 3 c indsættes: »§ 3 a. …«", (
        Insert(parse_address("§ 3 c"), (par("3 a", "Gebyret betales forud."),)),))  # fmt: skip
    expected = law(par("1", "Kommunen fører kontrol."), par("2", "Klage indgives inden 4 uger."),
                   par("3", "Gebyret er 425 kr."), par("3 a", "Gebyret betales forud."))  # fmt: skip
    s = run(expected, TILSYN, new)
    # the insertion is refused (its anchor § 3 c does not exist); the error names § 3 c, and § 3 a
    # (absent here) is addressed by its payload
    assert {k: (w.category, w.instructed) for k, w in wrong(s).items()} == {"3a": ("unexplained", True)}
    assert_partition(s)


def test_an_unread_instruction_naming_no_paragraf_leaves_nothing_uninstructed() -> None:
    unread = Item(2, "Bestemmelsen om klage affattes på ny.", ())  # UNPARSED_INSTRUCTION, scope unknown
    expected = law(par("1", "Kommunen fører kontrol."), par("2", "Klage indgives inden fire uger."),
                   par("3", "Gebyret er 425 kr."))  # fmt: skip
    s = run(expected, TILSYN, unread)
    assert {k: w.category for k, w in wrong(s).items()} == {"2": "unexplained"}


def test_a_refused_instruction_on_a_bilag_leaves_the_paragrafs_uninstructed() -> None:
    """LOV 403/2014 § 4, nr. 34 on the FAIF law (case LBK 1074/2016): its target "bilag 1, nr. 1" is not
    found, an error whose scope was read all the same: a bilag, no §. The §§ no instruction addressed stay
    "uninstructed" (LBK 1074/2016 §§ 32, 34 and 43 differ from the base with no instruction of the case)."""
    sentence = ("I bilag 1, nr. 1, ændres »som en forvalter mindst skal være ansvarlig for« til: "
                "»som en forvalter mindst skal varetage«.")
    ops, _ = parse_instruction(sentence, Source("LOV 403/2014", "4", 34))
    bilag = Item(34, sentence, ops)
    expected = law(par("1", "Kommunen fører kontrol."), par("2", "Klage indgives inden fire uger."),
                   par("3", "Gebyret er 425 kr."))  # fmt: skip
    s = run(expected, TILSYN, bilag)
    assert s.refused == 0  # the error names no § of the law
    assert {k: (w.category, w.instructed) for k, w in wrong(s).items()} == {"2": ("uninstructed", False)}
    assert_partition(s)


def test_overalt_addresses_every_paragraf_where_it_applied() -> None:
    overalt = Item(1, "Overalt i bekendtgørelsen ændres »Kommunen« til: »Regionen«.",
                   (ReplaceText(Address(((Level.DOKUMENT, ""),)), "Kommunen", "Regionen", count="all"),))  # fmt: skip
    base2 = law(par("1", "Kommunen fører tilsyn."), par("2", "Kommunen kan kræve gebyr."), par("3", "Gebyret er 425 kr."))
    # the LBK's "selv" stands next to the word the overalt replacement wrote: not the LBK's own edit of
    # words no instruction touched (review.untouched), so § 1 stays "unexplained"
    expected = law(par("1", "Regionen selv fører tilsyn."), par("2", "Regionen kan kræve gebyr."),
                   par("3", "Gebyret er 500 kr."))  # fmt: skip
    orders = [order(overalt)]
    s = score("tiny", base2, consolidate(base2, orders), expected, orders=orders)
    assert s.touched_ok == 1
    assert {k: w.category for k, w in wrong(s).items()} == {"1": "unexplained", "3": "uninstructed"}
    assert_partition(s)


def test_address_keys() -> None:
    docs = [law(par("1", "a."), par("2", "b."), chapter=True)]
    a = parse_address
    assert address_keys(a("§ 5, stk. 2, nr. 1"), docs) == {"5"}
    assert address_keys(a("§ 5 a"), docs) == {"5a"}
    assert address_keys(a("§ 5"), docs, anchor=True) == set()  # "Efter § 5 indsættes …"
    assert address_keys(a("§ 5, stk. 2"), docs, anchor=True) == {"5"}  # a new stk. goes into § 5
    assert address_keys(Address(((Level.KAPITEL, "1"),)), docs) == {"1", "2"}
    assert address_keys(Address(((Level.KAPITEL, "1"),)), docs, anchor=True) == set()
    assert address_keys(Address(((Level.DOKUMENT, ""),)), docs) == set()
    assert address_keys(Address(((Level.PARAGRAF, "6"), (Level.OVERSKRIFT, "før"))), docs) == set()


# Shapes seen among the unexplained §§ of the development cases: the LBK adds or drops a full stop or a
# comma without an instruction ("kurset" → "kurset."); "%" → "pct." and changed figures are more than that.
PUNCTUATION = [
    ("Deltagerne skal have gennemført kurset", "Deltagerne skal have gennemført kurset.", True),
    ("jf. § 3, stk. 2 og 3", "jf. § 3, stk. 2, og 3", True),
    ("Gebyret er 425 kr.", "Gebyret er 450 kr.", False),
    ("med 5 pct.", "med 5 %", False),
]


@pytest.mark.parametrize(("ours", "lbk", "only"), PUNCTUATION)
def test_punctuation_only_is_counted_apart_inside_unexplained(ours: str, lbk: str, only: bool) -> None:
    wrong = Wrong("3", True, False, False, lbk, ours)
    assert wrong.category == "unexplained"
    assert wrong.punctuation_only is only
    assert CaseScore("x", wrong=(wrong,)).unexplained_punctuation == int(only)
