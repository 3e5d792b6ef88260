"""An act counting a §'s stykker as before an earlier act of the case (amender.older_count): LOV 428/2016 § 4, nr.
3-5 cite opkrævningslovens "§ 16 c, stk. 3" and "stk. 4" as they stood before LOV 322/2016 § 3, nr. 2 inserted a new
stk. 2 (though its opening names LOV 322/2016); LBK 1224/2016 makes the changes in stk. 4 and 5. Documents: LBK
1180/2015 (the base), LOV 322/2016, LOV 428/2016 (tests/data/amend/older-count-2016). And a constructed pair: the old
count is not taken when the quote stands in more than one stk. of the §."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.model.document import Document, Kind
from lovkons.model.edits import Insert, Item, ReplaceText
from tests.amender_trees import A, at, doc, order, stk

DATA = Path(__file__).parent / "data" / "amend" / "older-count-2016"

# LBK 1224/2016 § 16 c (cut): the three changes of LOV 428/2016 § 4, nr. 3-5
STK4 = "Rykkerbrev udsendes dog til ophørte virksomheder, også hvor debetsaldoen er større end 200 kr. og mindre end 5.000 kr."
STK5 = "Udbetaling af en kreditsaldo kan ikke ske, før der kan udbetales mindst 200 kr."
NEW = "En kreditsaldo på 200 kr. eller derunder tilhørende en ophørt virksomhed bortfalder 3 år efter registreringen"

# (manifest, stk. holding each change: 3. pkt. of nr. 3, 3. pkt. of nr. 4, nr. 5's new pkt., COUNTED_BEFORE_ACT said)
ROWS = [
    ("manifest.yaml", "4", "5", "5", 3),  # with LOV 322/2016: counted as before it (LBK 1224/2016)
    ("only428.yaml", "3", "4", "4", 0),  # without it the act's count is the base's: nothing to say
]  # fmt: skip


def _stk(doc: Document, label: str) -> str:
    paragraf = next(n for n in doc.walk() if n.kind is Kind.PARAGRAF and n.label == "16 c")
    return next(c.text for c in paragraf.children if c.kind is Kind.STK and (c.label or "1") == label)


@pytest.mark.parametrize(("manifest", "nr3", "nr4", "nr5", "said"), ROWS, ids=[r[0] for r in ROWS])
def test_the_changes_land_where_their_quotes_stand(manifest: str, nr3: str, nr4: str, nr5: str, said: int) -> None:
    run = run_manifest(load_manifest(DATA / manifest, follow_links=True))
    doc = run.result.document
    assert not [p for p in run.result.problems if p.severity == "error"]
    assert STK4.replace("Rykkerbrev", "") in _stk(doc, nr3)
    assert STK5 in _stk(doc, nr4)
    assert NEW in _stk(doc, nr5) and _stk(doc, nr5).endswith("kan ikke afbrydes eller suspenderes.")
    counted = [p for p in run.result.problems if p.code == "COUNTED_BEFORE_ACT"]
    assert len(counted) == said
    assert all(p.severity == "warning" and p.source and p.source.startswith("LOV 428/2016") for p in counted)


# A constructed pair on the small tree (tests/amender_trees.py): BEK Æ 8/2020 inserts a new stk. 2 in § 3 (»Nyt
# punkt.«), making stk. 2-3 stk. 3-4; BEK Æ 9/2020 then changes words in "§ 3, stk. 2", which does not hold them now.
# (quote, new, the stk. that holds the change after, COUNTED_BEFORE_ACT said): the old count is taken only when the
# quote stands in the one stk. that count names.
CONSTRUCTED = [
    ("Andet", "Næste", "3", 1),  # only stk. 3 (stk. 2 before BEK Æ 8/2020) holds it: counted as before
    ("stk.", "stykke.", None, 0),  # stk. 1, 3 and 4 hold it: the quote does not single out stk. 2 of the old count
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "changed", "said"), CONSTRUCTED, ids=[r[0] for r in CONSTRUCTED])
def test_the_old_count_only_where_the_quote_singles_out_its_stk(old: str, new: str, changed: str | None,
                                                               said: int) -> None:
    first = order(Item(1, "", (Insert(A("§ 3, stk. 1"), (stk(None, "Nyt punkt."),)),)), number=8)
    second = order(Item(1, "", (ReplaceText(A("§ 3, stk. 2"), old, new),)), number=9)
    result = consolidate(doc(), [first, second])
    texts = [s.text for s in at(result.document, "§ 3").children]
    assert texts[1] == "Nyt punkt."
    counted = [p for p in result.problems if p.code == "COUNTED_BEFORE_ACT"]
    assert len(counted) == said
    if changed is None:
        assert texts == ["Første stk. om kommunen.", "Nyt punkt.", "Andet stk.", "Tredje stk."]
        assert [p.code for p in result.problems if p.severity == "error"] == ["TEXT_NOT_FOUND"]
    else:
        assert at(result.document, f"§ 3, stk. {changed}").text == f"{new} stk."


def test_never_a_count_two_renumberings_back() -> None:
    # BEK Æ 7/2020 and 8/2020 each insert a new stk. 2 in § 3; BEK Æ 9/2020's »Andet« in "§ 3, stk. 2" stands there
    # only in the count before 7/2020, two acts back: not the act passed shortly before, so it stays refused
    first = order(Item(1, "", (Insert(A("§ 3, stk. 1"), (stk(None, "Nyt punkt."),)),)), number=7)
    second = order(Item(1, "", (Insert(A("§ 3, stk. 1"), (stk(None, "Mere nyt."),)),)), number=8)
    third = order(Item(1, "", (ReplaceText(A("§ 3, stk. 2"), "Andet", "Næste"),)), number=9)
    result = consolidate(doc(), [first, second, third])
    assert [s.text for s in at(result.document, "§ 3").children] == [
        "Første stk. om kommunen.", "Mere nyt.", "Nyt punkt.", "Andet stk.", "Tredje stk."]
    assert not [p for p in result.problems if p.code == "COUNTED_BEFORE_ACT"]
    assert [p.code for p in result.problems if p.severity == "error"] == ["TEXT_NOT_FOUND"]
