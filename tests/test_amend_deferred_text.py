"""A text change that takes effect after a later act applies to the text as it reads on its own day
(amender.chain.stages, forskudt ikrafttræden). Real acts: LOV 1539/2010 § 1, nr. 4-10 take effect on 2 July
2012; its nr. 8 changes »pr. dag« in § 52, stk. 2, which LOV 154/2012 § 1, nr. 8 (in force 5 March 2012)
rewrites; LBK 653/2012 prints the rewrite with »pr. dag, jf. dog § 53 a«. Excerpts: LBK 1152/2011 §§ 13, 24,
25, 32, 50-53; LOV 1539/2010 whole; LOV 154/2012 § 1, nr. 8 (tests/data/amend/deferred-text-2012)."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender import replay
from lovkons.amender.chain import stages
from lovkons.amender.citing import base_refs, cites_base
from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import load_manifest, read_doc, read_order, run_manifest
from lovkons.review.evaluate import paragraf_map

DATA = Path(__file__).parent / "data" / "amend" / "deferred-text-2012"


def test_the_deferred_change_is_made_in_the_later_acts_rewrite() -> None:
    run = run_manifest(load_manifest(DATA / "manifest.yaml", follow_links=True))
    ours = paragraf_map(run.result.document)["52"]
    # LOV 154/2012's new stk. 2 (»Medmindre andet er oplyst …«) with LOV 1539/2010's »jf. dog § 53 a« in it
    assert ours is not None and "lige store andele pr. dag, jf. dog § 53 a. Medmindre andet er oplyst" in ours
    assert not [p for p in run.result.problems if p.severity == "error"]


def test_only_text_changes_with_a_later_day_move_past_the_later_act() -> None:
    base = read_doc(DATA / "base.xml")
    earlier, later = read_order(DATA / "earlier.xml"), read_order(DATA / "later.xml")
    acts = [(earlier, [(b, list(b.items)) for b in earlier.changes if cites_base(b, base, base_refs(base))]),
            (later, [(b, list(b.items)) for b in later.changes if b.paragraf == "1"])]
    placed = {k: [(j, item.number) for j, _, item in steps] for k, steps in stages(acts).items()}
    # nr. 1-3 (3 January 2011) and the insertions nr. 4 and 10 (2 July 2012) stay with their act; the text
    # changes nr. 5-9 (2 July 2012) come after LOV 154/2012 (5 March 2012), after the last act of the chain
    assert placed[0] == [(0, 1), (0, 2), (0, 3), (0, 4), (0, 10)]
    assert placed[1] == [(1, 1)]
    assert placed[2] == [(0, n) for n in range(5, 10)]


def test_a_run_that_goes_on_from_an_earlier_run_gives_what_a_run_from_the_base_gives() -> None:
    base = read_doc(DATA / "base.xml")
    earlier, later = read_order(DATA / "earlier.xml"), read_order(DATA / "later.xml")
    parts = {later.meta.short: "§ 1"}
    replay.forget()
    alone = consolidate(base, [earlier], parts=parts)  # nr. 8 stays with its act: no act after it
    resumed = consolidate(base, [earlier, later], parts=parts)  # …and moves when one comes: the run starts over
    replay.forget()
    fresh = consolidate(base, [earlier, later], parts=parts)
    assert resumed.document == fresh.document
    assert resumed.problems == fresh.problems
    assert alone.document != fresh.document


def _two_acts_mixed() -> list:
    import datetime as dt

    from lovkons.model.document import Kind, Node
    from lovkons.model.edits import Item, Replace, ReplaceText
    from tests.amender_trees import A, order

    act_a = order(Item(1, "I § 5 ændres »ministeren« til: »styrelsen«.",
                       (ReplaceText(A("§ 5, stk. 1"), "ministeren", "styrelsen"),), in_force=dt.date(2021, 7, 1)),
                  number=1)
    act_b = order(Item(1, "I § 4 ændres »425 kr.« til: »500 kr.«.",
                       (ReplaceText(A("§ 4, stk. 1"), "425 kr.", "500 kr."),), in_force=dt.date(2021, 1, 1)),
                  Item(2, "§ 5, stk. 1, affattes således: »Klage sker til ministeren for området.«",
                       (Replace(A("§ 5, stk. 1"), (Node(Kind.STK, "1", text="Klage sker til ministeren for området."),)),),
                       in_force=dt.date(2022, 1, 1)), number=2)
    return [act_a, act_b]


def test_a_change_moves_only_past_an_act_wholly_in_force_before_it() -> None:
    """The later act's other item, in force after the change, rewrites the unit: the change is made before it
    (review10; the move takes the later act's last day, not its first)."""
    from tests.amender_trees import at, doc

    replay.forget()
    result = consolidate(doc(), _two_acts_mixed())
    assert at(result.document, "§ 5, stk. 1").text == "Klage sker til ministeren for området."


def test_a_change_keeps_its_acts_order_on_the_same_paragraf() -> None:
    """nr. 1 changes »ministeren« throughout § 5, nr. 2 (same day) inserts a stk. that keeps the word: moving
    nr. 1 past a later act would change nr. 2's new text (review10); it stays in its act's place."""
    import datetime as dt

    from lovkons.model.document import Kind, Node
    from lovkons.model.edits import Insert, Item, ReplaceText
    from tests.amender_trees import A, at, doc, order

    day = dt.date(2021, 7, 1)
    act_a = order(Item(1, "Overalt i § 5 ændres »ministeren« til: »styrelsen«.",
                       (ReplaceText(A("§ 5"), "ministeren", "styrelsen", "all"),), in_force=day),
                  Item(2, "I § 5 indsættes som stk. 2: »Klage over styrelsen kan indbringes for ministeren.«",
                       (Insert(A("§ 5, stk. 1"),
                               (Node(Kind.STK, "2", text="Klage over styrelsen kan indbringes for ministeren."),)),),
                       in_force=day), number=1)
    act_b = order(Item(1, "I § 4 ændres »425 kr.« til: »500 kr.«.",
                       (ReplaceText(A("§ 4, stk. 1"), "425 kr.", "500 kr."),), in_force=dt.date(2021, 1, 1)),
                  number=2)
    texts = []
    for acts in ([act_a], [act_a, act_b]):
        replay.forget()
        texts.append(at(consolidate(doc(), acts).document, "§ 5, stk. 2").text)
    assert texts == ["Klage over styrelsen kan indbringes for ministeren."] * 2
