"""A change of a numbered change of an earlier amending act (ChangeOfItem), made in that act's item before it is
applied (amender.items_of_acts). Real acts: LOV 651/2013 § 2 changes § 1, nr. 14, of LOV 495/2013 (the new kapitel
24 a of serviceloven) before it took effect."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.amender.items_of_acts import changes_of_items
from lovkons.amender.manifest import read_order
from lovkons.model.document import Meta, Node, Source
from lovkons.model.edits import AmendingDocument, ChangeBlock, ChangeOfItem, DocRef, Item, Repeal
from lovkons.parsers.instructions.clauses import parse_instruction

DATA = Path(__file__).parent / "data" / "amend" / "item-of-act-2013"


def _units(item: Item) -> dict[str, Node]:
    payload = next(op for op in item.operations if getattr(op, "payload", ()))
    out: dict[str, Node] = {}
    for top in payload.payload:  # type: ignore[union-attr]
        for p in top.walk():
            if p.kind.value == "paragraf":
                for stk in p.children:
                    out[f"§ {p.label}, stk. {stk.label}"] = stk
    return out


def _item(order: AmendingDocument, paragraf: str, number: int) -> Item:
    return next(i for b in order.changes if b.paragraf == paragraf for i in b.items if i.number == number)


def test_the_later_act_changes_the_new_units_of_the_earlier_item() -> None:
    earlier, later = read_order(DATA / "earlier.xml"), read_order(DATA / "later.xml")
    assert all(isinstance(op, ChangeOfItem) for i in later.changes[0].items for op in i.operations)
    (new_earlier, new_later), problems = changes_of_items([earlier, later], lambda o, b: True)
    assert problems == []
    before, after = _units(_item(earlier, "1", 14)), _units(_item(new_earlier, "1", 14))
    for unit in ("§ 137 e, stk. 2", "§ 137 e, stk. 3", "§ 137 f, stk. 4"):  # nr. 1: »§ 66, nr. 5 og 6,« changed
        assert "§ 66, nr. 5 og 6," in before[unit].text
        assert "§ 66, nr. 5 og 6," not in after[unit].text and "§ 66, stk. 1, nr. 5 og 6," in after[unit].text
    # nr. 2: § 137 m, stk. 3, recast ("… og boformen", where it read "… eller boformen")
    assert after["§ 137 m, stk. 3"].text.startswith("Lederen af anbringelsesstedet, jf. § 66, stk. 1, nr. 5 og 6, og boformen")
    assert before["§ 137 m, stk. 3"].text.startswith("Lederen af anbringelsesstedet, jf. § 66, nr. 5 og 6, eller boformen")
    assert new_later.changes[0].items == ()  # their work is done in the earlier act


def test_without_the_earlier_act_the_change_is_refused_where_its_block_applies() -> None:
    later = read_order(DATA / "later.xml")
    _, problems = changes_of_items([later], lambda o, b: True)
    assert {p.code for p in problems} == {"ITEM_OF_ACT_ABSENT"} and len(problems) == 7  # 6 units in nr. 1, 1 in nr. 2
    assert changes_of_items([later], lambda o, b: False)[1] == []  # a block no one applies says nothing


def test_a_repeal_and_a_new_number_with_their_rykningsklausuler_use_the_labels_before_the_later_act() -> None:
    # LOV 1560/2010 § 5, nr. 1-3, as written, on § 16 that LOV 513/2006 § 1, nr. 9, puts into opkrævningsloven
    # (that act is older than the corpus: a list of 21 numbers stands in for its § 16)
    numbers = " ".join(f"{n}) lov nr. {n}," for n in range(1, 22))
    text = f"Efter § 15 indsættes: »§ 16. Told- og skatteforvaltningen opkræver efter denne lov: {numbers}«"
    earlier = AmendingDocument(Meta(kind="LOV", number=513, year=2006), (ChangeBlock("1", DocRef("LBK", 1, None), "", items=(
        Item(9, text, parse_instruction(text, Source("LOV 513/2006", "1", 9))[0]),)),))
    items = []
    for n, sentence in enumerate(("I § 1, nr. 9, ophæves § 16, nr. 6. Nr. 7-18 bliver herefter nr. 6-17.",
                                  "I § 1, nr. 9, indsættes efter § 16, nr. 18, der bliver nr. 17, som nyt nummer: »18) lov "
                                  "om registrering af køretøjer,«",
                                  "I § 1, nr. 9, ophæves § 16, nr. 19. Nr. 20 og 21 bliver herefter nr. 19 og 20."), 1):
        items.append(Item(n, sentence, parse_instruction(sentence, Source("LOV 1560/2010", "5", n))[0]))
    later = AmendingDocument(Meta(kind="LOV", number=1560, year=2010), (ChangeBlock(
        "5", DocRef("LOV", 513, dt.date(2006, 6, 7)), "", items=tuple(items)),))
    (new_earlier, _), problems = changes_of_items([earlier, later], lambda o, b: True)
    assert problems == []
    payload = _item(new_earlier, "1", 9).operations[0].payload  # type: ignore[union-attr]
    numbered = [(n.label, n.text) for n in payload[0].walk() if n.kind.value == "nr"]
    assert [label for label, _ in numbered] == [str(n) for n in range(1, 21)]
    assert [t for _, t in numbered] == [f"lov nr. {n}," for n in (1, 2, 3, 4, 5, *range(7, 19))] + [
        "lov om registrering af køretøjer,", "lov nr. 20,", "lov nr. 21,"]


def test_a_manifest_whose_part_names_the_later_block_without_the_earlier_act_refuses_each_change(tmp_path: Path) -> None:
    from lovkons.amender.manifest import load_manifest, run_manifest

    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"base: {DATA / 'earlier.xml'}\namendments:\n  - path: {DATA / 'later.xml'}\n    part: \"§ 2\"\n",
                        encoding="utf-8")
    run = run_manifest(load_manifest(manifest, follow_links=True))
    errors = [p.code for p in run.result.problems if p.severity == "error"]
    assert errors == ["ITEM_OF_ACT_ABSENT"] * 7  # never "not understood", never applied to the base
    assert run.result.applied == ()


@pytest.mark.parametrize("sentence", [
    "I § 1, nr. 9, ophæves § 16, nr. 6. Nr. 7-18 bliver herefter nr. 6-17.",  # LOV 1560/2010 § 5, nr. 1
    "I § 1, nr. 14, affattes § 137 m, stk. 3, således: »Stk. 3. Lederen af anbringelsesstedet …«",  # LOV 651/2013 § 2, nr. 2
])
def test_a_change_of_an_earlier_acts_item_that_reaches_a_document_is_refused_as_absent(sentence: str) -> None:
    from lovkons.amender.apply import apply_op, context_for
    from lovkons.model.document import Document

    ops, _ = parse_instruction(sentence, Source("LOV 1560/2010", "5", 1))
    change = next(op for op in ops if isinstance(op, ChangeOfItem))
    doc = Document(Meta(kind="LBK", number=1, year=2010))
    result = apply_op(doc, change, context_for(doc))
    assert [p.code for p in result.problems] == ["ITEM_OF_ACT_ABSENT"]  # never UNSUPPORTED_OPERATION
    assert result.problems[0].address == str(change.change.target)  # the unit of the law, not "§ 1, nr. 9"
    assert result.document is doc and not result.applied


def test_every_way_in_makes_the_change_in_the_earlier_act_first() -> None:
    # the library's apply (and so consolidate/timeline/rebuild over a corpus: history.pointintime) goes through
    # amender.orders.consolidate_orders as `apply MANIFEST` does: kapitel 24 a comes with nr. 1's new words.
    # The base is a stand-in for serviceloven around § 137 d (the anchor of LOV 495/2013 § 1, nr. 14)
    from lovkons.api import apply
    from lovkons.review.evaluate import paragraf_map

    base = DATA / "base-excerpt.txt"
    result = apply(base, [DATA / "earlier.xml", DATA / "later.xml"])
    text = {k: v or "" for k, v in paragraf_map(result.document).items()}
    assert "§ 66, stk. 1, nr. 5 og 6," in text["137e"] and "§ 66, nr. 5 og 6," not in text["137e"]
    alone = apply(base, [DATA / "earlier.xml"])  # without the later act the earlier item stands as written
    assert "§ 66, nr. 5 og 6," in {k: v or "" for k, v in paragraf_map(alone.document).items()}["137e"]


def test_a_change_of_an_item_without_new_units_is_refused_at_each_unit_it_names() -> None:
    # the earlier item only changes words (no new units to change): each change of it is refused where it points
    from lovkons.model.document import parse_address
    from lovkons.model.edits import ReplaceText

    words = Item(1, "I § 2 ændres »4 uger« til: »fire uger«.", (ReplaceText(parse_address("§ 2"), "4 uger", "fire uger"),))
    earlier = AmendingDocument(Meta("LOV", 495, 2013), (ChangeBlock(
        "1", DocRef("LOV", 1, None, "lov om social service"), "I lov om social service …", items=(words,)),))
    source = Source("LOV 651/2013", "2", 1)
    change = Item(1, "I § 1, nr. 1, ophæves § 16, nr. 6, og § 17 ophæves.", tuple(
        ChangeOfItem(parse_address("§ 1, nr. 1"), Repeal(parse_address(t), (), source), source)
        for t in ("§ 16, nr. 6", "§ 17")))
    later = AmendingDocument(Meta("LOV", 651, 2013), (ChangeBlock(
        "2", DocRef("LOV", 495, dt.date(2013, 5, 21), "lov nr. 495"), "I lov nr. 495 af 21. maj 2013 …",
        items=(change,)),))
    _, problems = changes_of_items([earlier, later], lambda o, b: True)
    assert [(p.code, p.address) for p in problems] == [
        ("ITEM_OF_ACT_UNCHANGED", "§ 16, nr. 6"), ("ITEM_OF_ACT_UNCHANGED", "§ 17")]


def test_on_a_day_before_the_later_act_the_earlier_item_stands_as_written() -> None:
    # LOV 651/2013 is in force from 1 January 2014: on 1 August 2013 kapitel 24 a reads as LOV 495/2013 wrote it,
    # and nothing is said of the later act's changes yet; from 2014 they are made
    from lovkons.api import apply
    from lovkons.review.evaluate import paragraf_map

    acts = [DATA / "earlier.xml", DATA / "later.xml"]
    before = apply(DATA / "base-excerpt.txt", acts, at=dt.date(2013, 8, 1))
    assert "§ 66, nr. 5 og 6," in (paragraf_map(before.document)["137e"] or "")
    assert not [p for p in before.problems if p.code.startswith("ITEM_OF_ACT")]
    after = apply(DATA / "base-excerpt.txt", acts, at=dt.date(2014, 2, 1))
    assert "§ 66, stk. 1, nr. 5 og 6," in (paragraf_map(after.document)["137e"] or "")
