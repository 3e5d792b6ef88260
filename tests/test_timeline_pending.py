"""`lovkons timeline` lists as pending the items still without an in-force date at the end of the chain, once each.
An item pending in a restated document goes on to the LBK that replaces it: pending there too, or in its text. Real
data: LBK 122/2015 (lov om fremme af vedvarende energi) and LBK 1141/2016, which restates it; LOV 1877/2015 § 1, nr.
2-6 (the minister sets them in force) are handed on from LBK 122/2015 and pending in LBK 1141/2016. Before, the list
named each chain document's pending items and those it handed on without a date: the same item twice here, up to
four times in longer chains (LBK 1330/2013: LOV 900/2013 § 1, nr. 1), and items a later LBK prints (LOV 641/2013 §
1, nr. 28, pending in LBK 1330/2013 and in the text of LBK 122/2015)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.timeline import timeline
from lovkons.history.versions import history
from lovkons.renderers.timeline_out import timeline_json, timeline_text

LAWS = Path(__file__).resolve().parent.parent / "corpus" / "laws"


@pytest.fixture(scope="module")
def vedvarende(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("ve-pending")
    for name in ("LBK-2015-122", "LBK-2016-1141", "LOV-2015-1877", "LOV-2012-576", "LOV-2016-261"):
        shutil.copytree(LAWS / name, root / name)
    return load_corpus(root, jobs=1)


def test_pending_items_are_those_of_the_last_document_once_each(vedvarende: Corpus) -> None:
    last = timeline(vedvarende, "LBK 1141/2016")
    assert {c.label for c in timeline(vedvarende, "LBK 122/2015").carried} <= {c.label for c in last.pending}
    data = timeline_json(vedvarende, history(vedvarende, "LBK 122/2015"))
    labels = [p["item"] for p in data["pending"]]
    assert sorted(labels) == sorted({c.label for c in last.pending})
    assert len(labels) == len(set(labels))
    assert [x for x in labels if x.startswith("LOV 1877/2015")] == [f"LOV 1877/2015 § 1, nr. {n}" for n in range(2, 7)]
    text = timeline_text(vedvarende, history(vedvarende, "LBK 122/2015"))
    pending = text.split("Pending (no in-force date, never applied):")[1].split("In the text before in force")[0]
    assert pending.count("LOV 1877/2015 § 1, nr. 2-6") == 1
