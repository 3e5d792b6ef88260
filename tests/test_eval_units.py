"""Where inside a wrong § the difference lies (review.units): in units (stk., nr., litra) no
instruction addressed and we left as the base had them ("outside": the § is "uninstructed" at unit
grain), in an addressed unit ("unexplained"), or where the units do not align ("unexplained").

The excerpt is real: LBK 439/2011 (lov om udstykning og anden registrering i matriklen) § 10, amended by
LOV 160/2012 § 1, nr. 8 (tests/cases/L-LBK-2012-400.yaml). The LBK 400/2012 adds a comma in stk. 4
("§ 4, stk. 2, retten"), which no instruction addressed; the other rows vary that LBK to show what is
not counted. A lawyer can extend the table with another § and its LBK."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.model.document import Document, Kind, Level, Meta, Node, parse_address
from lovkons.model.edits import AmendingDocument, ChangeBlock, DocRef, Insert, Item, ReplaceText
from lovkons.renderers.eval_out import score_json
from lovkons.review.evaluate import score
from lovkons.review.units import UnitDiff, UnitScope, address_unit, op_units, outside, where

STK1 = ("En praktiserende landinspektør eller en landinspektørassistent med beskikkelse, der ved udøvelse af "
        "sin virksomhed tilsidesætter de pligter, som stillingen medfører, kan af Landinspektørnævnet tildeles "
        "{} eller pålægges bøde på indtil 55.000 kr.")
STK2 = ("Såfremt den pågældende har gjort sig skyldig i grov eller oftere gentagen forsømmelse i udøvelsen af "
        "sin virksomhed og de udviste forhold giver grund til at antage, at landinspektøren ikke fremtidig vil "
        "udøve virksomheden på forsvarlig måde, kan Landinspektørnævnet frakende landinspektøren beskikkelsen "
        "på tid fra 1-5 år eller indtil videre.")
STK3 = ("Stk. 1 finder tilsvarende anvendelse for landinspektørselskaber samt for personer og selskaber, der "
        "udfører matrikulære arbejder i henhold til § 4, stk. 2.")
STK4 = ("I tilfælde som nævnt i stk. 2 kan Landinspektørnævnet frakende personer eller selskaber, der udfører "
        "matrikulære arbejder i henhold til § 4, stk. 2{} retten til at udføre sådanne arbejder i Danmark.")
NR8 = Item(8, "I § 10, stk. 1, ændres »advarsel eller irettesættelse« til: »irettesættelse«.",
           (ReplaceText(parse_address("§ 10, stk. 1"), "advarsel eller irettesættelse", "irettesættelse"),))


def law(*stk: str) -> Document:
    par = Node(Kind.PARAGRAF, "10", children=tuple(Node(Kind.STK, str(i), text=t) for i, t in enumerate(stk, 1)))
    return ensure_ids(Document(Meta("LBK", 439, 2011, title="Lov om udstykning"), None, (par,)))


BASE = law(STK1.format("advarsel eller irettesættelse"), STK2, STK3, STK4.format(""))
ORDERS = [AmendingDocument(Meta("LOV", 160, 2012), (
    ChangeBlock("1", DocRef("LBK", 439, None, "lov om udstykning"), "I lov om udstykning …", items=(NR8,)),))]

# (what the LBK did, the LBK's § 10 stk. by stk., the differing units with "addressed", counted as outside)
ROWS = [
    ("a comma in stk. 4, which no instruction addressed (the real LBK 400/2012)",
     (STK1.format("irettesættelse"), STK2, STK3, STK4.format(",")), [("stk. 4", True, False)], True),
    ("a word more in stk. 1, which nr. 8 addressed",
     (STK1.format("en irettesættelse"), STK2, STK3, STK4.format("")), [("stk. 1", True, True)], False),
    ("both: the addressed stk. 1 and the unaddressed stk. 4",
     (STK1.format("en irettesættelse"), STK2, STK3, STK4.format(",")), [("stk. 1", True, True), ("stk. 4", True, False)],
     False),
    ("stk. 3 left out, so stk. 4 is printed as stk. 3: the stk. do not align",
     (STK1.format("irettesættelse"), STK2, STK4.format(",")), [("§", False, True)], False),
]


@pytest.mark.parametrize(("what", "lbk", "units", "outside"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_where_an_unexplained_paragraf_differs(what: str, lbk: tuple[str, ...],
                                               units: list[tuple[str, bool, bool]], outside: bool) -> None:
    s = score("L-LBK-2012-400", BASE, consolidate(BASE, ORDERS), law(*lbk), orders=ORDERS)
    (wrong,) = s.wrong
    assert wrong.category == ("uninstructed" if outside else "unexplained")
    assert wrong.instructed  # nr. 8 addressed the § (stk. 1) in every row
    assert (s.uninstructed, s.uninstructed_units, s.unexplained) == (int(outside), int(outside), int(not outside))
    assert [(u.label, u.aligned, u.addressed) for u in wrong.units] == units
    assert wrong.outside is outside
    assert s.unexplained_outside == int(outside)
    detail = score_json(s)
    assert detail["wrong_unexplained_outside"] == int(outside)
    assert detail["wrong_uninstructed_units"] == int(outside)
    listed: list[dict[str, object]] = detail["wrong"]  # type: ignore[assignment]
    # none of these differs only where ours is the base's (review.untouched): "en" goes next to nr. 8's words
    assert listed[0]["units"] == [{"unit": u, "addressed": a, "aligned": al, "lbk_edit": False} for u, al, a in units]
    assert listed[0]["untouched_words"] is False and s.uninstructed_words == 0


# (address, structural, a unit, addressed?): a structural operation (insertion, repeal, renumbering)
# shifts the numbering from its unit on; a pkt. is part of its unit; "§ 5, nr. 3" names no stk.
ADDRESSES = [
    ("§ 47, stk. 6", True, (("stk", "4"),), False),  # LOV 744/2015 § 1, nr. 18: a stk. after stk. 6
    ("§ 47, stk. 6", True, (("stk", "10"),), True),
    ("§ 47, stk. 6", False, (("stk", "7"),), False),
    ("§ 47, stk. 8, 4. pkt.", True, (("stk", "8"), ("nr", "2")), True),  # LOV 744/2015 § 1, nr. 21
    ("§ 47, stk. 8, 4. pkt.", True, (("stk", "9"),), False),
    ("§ 37, stk. 2", False, (("stk", "2"), ("nr", "1")), True),  # a unit inside the addressed one
    ("§ 37, stk. 2, nr. 1", False, (("stk", "2"),), True),  # the unit around it (its lead-in): the safe side
    ("§ 5, nr. 3", False, (("stk", "2"),), True),
]


@pytest.mark.parametrize(("address", "structural", "unit", "addressed"), ADDRESSES)
def test_which_units_an_address_covers(address: str, structural: bool, unit: tuple[tuple[str, str], ...],
                                       addressed: bool) -> None:
    parsed = parse_address(address)
    key = (parsed.label_of(Level.PARAGRAF) or "").replace(" ", "")
    scope = UnitScope({key: frozenset({address_unit(parsed, structural=structural)})})
    assert scope.addresses(key, unit) is addressed
    assert UnitScope({}, unknown=True).addresses(key, unit)  # an unread instruction may have named any unit


STK4_ = (("stk", "4"),)
# (the differing units as (unit, aligned, addressed), outside?): every unit aligned and unaddressed
OUTSIDE = [
    ([(STK4_, True, False)], True),
    ([(STK4_, False, False)], False),  # the nr. inside stk. 4 do not align: where the difference lies is unknown
    ([(STK4_, True, False), ((("stk", "1"),), True, True)], False),
    ([], False),  # the texts differ, but no unit does (a difference in the labels alone)
]


@pytest.mark.parametrize(("units", "expected"), OUTSIDE)
def test_outside_needs_every_differing_unit_aligned_and_unaddressed(
        units: list[tuple[tuple[tuple[str, str], ...], bool, bool]], expected: bool) -> None:
    assert outside([UnitDiff(*u) for u in units]) is expected


NEW_STK4 = ("Der ydes ikke pristillæg og andre ydelser efter §§ 35 a, 35 b, 36, 37, 37 a og 38-42, hvis der ydes "
            "støtte efter § 3, stk. 3, i lov om tilskud til fremme af vedvarende energi i virksomheders "
            "produktionsprocesser.")


def test_an_insertion_at_the_end_addresses_the_new_unit_not_the_whole_paragraf() -> None:
    # LOV 607/2013 § 18, nr. 1: "I § 43 indsættes som stk. 4: »Stk. 4. Der ydes ikke pristillæg …«"
    # (LBK 1274/2013 prints "35 b 36": the LBK's slip inside the act's own words, an addressed unit)
    docs = [law(STK1.format("irettesættelse"))]
    insert = Insert(parse_address("§ 43"), (Node(Kind.STK, "4", text=NEW_STK4),), position="end")
    assert op_units(insert, docs) == {"43": {(("stk", "4"),)}}
    # a nr. put at the end of a § without stk. ("I § 43 indsættes som nr. 4"): which stk.? the whole §
    bare = Insert(parse_address("§ 43"), (Node(Kind.NR, "4", text="x"),), position="end")
    assert op_units(bare, docs) == {"43": {()}}
    after = Insert(parse_address("§ 43, stk. 3"), (Node(Kind.STK, "4", text=NEW_STK4),), position="after")
    assert op_units(after, docs) == {"43": {(("stk", "≥3"),)}}  # stk. 4 on are renumbered


def test_a_unit_we_changed_is_addressed_though_no_instruction_names_it() -> None:
    # never "uninstructed" at unit grain where our text of the differing unit is not the base's: ours
    # changed stk. 4 (whatever the cause), the LBK did not, and no operation names stk. 4
    ours, lbk = law(STK1.format("irettesættelse"), STK2, STK3, STK4.format(", også")), law(
        STK1.format("irettesættelse"), STK2, STK3, STK4.format(","))
    (diff,) = where("10", ours.children[0], lbk.children[0], BASE.children[0], UnitScope({}))
    assert (diff.label, diff.aligned, diff.addressed) == ("stk. 4", True, True)
    assert not outside([diff])
