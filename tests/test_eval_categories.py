"""The eval's categories stay honest (issue 15): a wrong § is "refused" when an error refused the
order that would have changed it, and "editorial" (omitted / renumbered) when the LBK left out a § of
the base act that amends another law. Rows are real texts; a lawyer can add one per line."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import consolidate
from lovkons.model.document import Meta, Problem, parse_address
from lovkons.model.edits import AmendingDocument, ChangeBlock, DocRef, Item, ReplaceText
from lovkons.review.evaluate import _AMENDS_OTHER_LAW, _editorial_reason, problem_labels, score
from tests.test_eval_instructed import BASE, TILSYN, assert_partition, law, order, par, wrong

# (the § as the base act has it, whether it amends another law) — real §§ of the corpus
AMENDING_PROVISIONS = [
    ("§ 198. I lov om visse erhvervsdrivende virksomheder, jf. lovbekendtgørelse nr. 559 af 19. maj 2010, "
     "som ændret ved § 1 i lov nr. 616 af 14. juni 2011, foretages følgende ændring: 1. I § 1, stk. 2, 1. pkt., "
     "ændres »eller lov om erhvervsdrivende fonde« til: »…«", True),  # LOV 598/2013, left out by LBK 1074/2016
    ("§ 51. I lov nr. 848 af 1. juli 2010 om spil foretages følgende ændring: 1. …", True),  # LOV, LBK 336/2016
    ("§ 22. I lov om folkeskolen, jf. lovbekendtgørelse nr. 1534 af 8. december 2016, foretages følgende "
     "ændringer: 1. …", True),  # LBK 144/2017 prints "§ 22. (Udelades)"
    ("§ 200. Loven gælder ikke for Færøerne og Grønland, men kan ved kongelig anordning sættes helt eller "
     "delvis i kraft for Færøerne og Grønland.", False),
    ("§ 12. I lov om arbejdsløshedsforsikring nævnte ydelser medregnes ikke.", False),
]


@pytest.mark.parametrize(("text", "amends"), AMENDING_PROVISIONS)
def test_a_paragraf_amending_another_law_is_recognised(text: str, amends: bool) -> None:
    assert bool(_AMENDS_OTHER_LAW.match(text)) is amends


def test_the_lbk_leaving_out_an_amending_provision_is_editorial() -> None:
    # LBK 1074/2016: §§ 197-201 of LOV 598/2013 (amendments of other laws) are left out, § 202 is printed as § 200
    amends = "§ 200. I lov om værdipapirhandel m.v., jf. lovbekendtgørelse nr. 219 af 20. februar 2013, " \
             "foretages følgende ændring: 1. I § 83 …"
    territory = "§ 202. Loven gælder ikke for Færøerne og Grønland."
    ours: dict[str, str | None] = {"199": "§ 199. I lov om en garantifond for indskydere og investorer, jf. "
                                   "lovbekendtgørelse nr. 133 af 22. februar 2011, foretages følgende ændringer: 1. …",
                                   "200": amends, "202": territory}
    lbk: dict[str, str | None] = {"199": None, "200": "§ 200. Loven gælder ikke for Færøerne og Grønland.", "202": None}
    assert _editorial_reason("199", ours["199"], None, ours, lbk) == "omitted"
    assert _editorial_reason("200", ours["200"], lbk["200"], ours, lbk) == "renumbered"
    assert _editorial_reason("202", ours["202"], None, ours, lbk) == "renumbered"
    # an ordinary § the LBK lacks is not explained by it
    plain: dict[str, str | None] = {"5": "§ 5. Gebyret er 425 kr."}
    assert _editorial_reason("5", plain["5"], None, plain, {"5": None}) == ""


def test_a_paragraf_of_an_order_refused_as_a_whole_is_refused_not_silent() -> None:
    # the part named in the manifest does not exist (LBK 1055/2012 names "§ 132 c" of LOV 565/2012): the
    # order is refused (BASE_NOT_CITED, an error naming the order), and the §§ it would change are refused
    expected = law(par("1", "Kommunen fører kontrol."), par("2", "Klage indgives inden fire uger."),
                   par("3", "Gebyret er 425 kr."))  # fmt: skip
    klage = Item(1, "I § 2 ændres »4 uger« til: »fire uger«.", (ReplaceText(parse_address("§ 2"), "4 uger", "fire uger"),))
    other = AmendingDocument(Meta("LOV Æ", 565, 2012), (ChangeBlock(
        "1", DocRef("BEK", 1, None, "bekendtgørelse om tilsyn"), "I bekendtgørelse nr. 1 …", items=(klage,)),))
    orders = [order(TILSYN), other]
    result = consolidate(BASE, orders, parts={"LOV 565/2012": "§ 132 c"})
    assert [(p.code, p.source, p.address) for p in result.problems if p.severity == "error"] == [
        ("BASE_NOT_CITED", "LOV 565/2012", None)]
    s = score("tiny", BASE, result, expected, orders=orders)
    assert {k: (w.category, w.instructed) for k, w in wrong(s).items()} == {"2": ("refused", True)}
    assert_partition(s)
    # the same § changed wrongly by an order that did apply stays unexplained
    applied = consolidate(BASE, orders)
    assert {k: w.category for k, w in wrong(score("tiny", BASE, applied, law(
        par("1", "Kommunen fører kontrol."), par("2", "Klage indgives inden 8 uger."),
        par("3", "Gebyret er 425 kr.")), orders=orders)).items()} == {"2": "unexplained"}


def test_an_order_of_several_blocks_none_citing_the_base_does_not_flag_the_base() -> None:
    # a multi-law act whose blocks all cite other laws: its "§ 2" is another law's § 2, so a § 2 of the base
    # that comes out wrong stays unexplained; with one block the block may be the base's (test above)
    klage = Item(1, "I § 2 ændres »4 uger« til: »fire uger«.", (ReplaceText(parse_address("§ 2"), "4 uger", "fire uger"),))
    blocks = tuple(ChangeBlock(str(n), DocRef("LOV", n, None, f"lov nr. {n}"), f"I lov nr. {n} …", items=(klage,))
                   for n in (7, 8))
    other = AmendingDocument(Meta("LOV Æ", 565, 2012), blocks)
    orders = [order(TILSYN), other]
    result = consolidate(BASE, orders, parts={"LOV 565/2012": "§ 132 c"})
    assert "BASE_NOT_CITED" in {p.code for p in result.problems if p.severity == "error"}
    expected = law(par("1", "Kommunen fører kontrol."), par("2", "Klage indgives inden fire uger."),
                   par("3", "Gebyret er 425 kr."))  # fmt: skip
    s = score("tiny", BASE, result, expected, orders=orders)
    assert {k: w.category for k, w in wrong(s).items()} == {"2": "unexplained"}
    assert_partition(s)


def test_a_change_of_an_earlier_acts_item_flags_only_its_address() -> None:
    # ITEM_OF_ACT_ABSENT cites the earlier act's item ("§ 1, nr. 14 of LOV 495/2013") in its message: not base § 1
    absent = Problem("ITEM_OF_ACT_ABSENT", "in § 1, nr. 14 of LOV 495/2013, which it does not have", "error",
                     address="§ 137 e")
    assert problem_labels((absent,)) == {"137e"}
    other = Problem("TEXT_NOT_FOUND", "in § 1, stk. 2: »x« not found", "error", address="§ 4")
    assert problem_labels((other,)) == {"4", "1"}


def test_a_quote_in_a_message_flags_no_paragraf() -> None:
    """A quote is the act's words, not a place of the base: LOV 628/2010 § 1, nr. 29's TEXT_NOT_FOUND on servicelovens
    § 140 ("»§ 52, stk. 3, nr. 8« not found") refused § 140, not § 52 — which differs from LBK 81/2011 for a reason
    of its own and was counted as refused."""
    quoted = Problem("TEXT_NOT_FOUND", "»§ 52, stk. 3, nr. 8« not found", "error", address="§ 140, stk. 6")
    assert problem_labels((quoted,)) == {"140"}


def test_every_member_of_a_paragraf_list_in_a_message_is_flagged() -> None:
    """An insert that does not fit names every new § it brings: LOV 641/2013 § 1, nr. 24 inserts §§ 35 a and 35 b in
    VE-loven, whose LBK 1330/2013 already prints § 35 a ("nr. 24 delvis"); the refusal is about § 35 b too, which was
    counted as wrong without an error (bench/timeline_check, LBK 1330/2013 → LBK 122/2015)."""
    misfit = Problem("PAYLOAD_MISMATCH", "new §§ 35 a, 35 b do not fit between § 35 a and § 36", "error",
                     address="§ 35")
    assert problem_labels((misfit,)) == {"35", "35a", "35b", "36"}
    lists = Problem("TARGET_NOT_FOUND", "§§ 14 og 15 do not exist; §§ 62-62 c, stk. 2", "error")
    assert problem_labels((lists,)) == {"14", "15", "62", "62c"}
