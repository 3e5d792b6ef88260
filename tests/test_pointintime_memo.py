"""Point in time consolidates each set of items in force once per corpus (history.pointintime._literal):
two days of one version, and a day that is also the last day (for the items' fates), share one
consolidation; a day with other items in force gets its own. BEK 1292/2007 and its amending orders."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

import lovkons.amender.consolidate as amender
import lovkons.amender.orders as orders
from lovkons.history.corpus import load_corpus
from lovkons.history.pointintime import consolidate_at

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CHAIN = ("BEK-2007-1292", "BEK-2008-1072", "BEK-2009-162", "BEK-2010-993", "BEK-2016-581", "BEK-2016-1492")


def test_one_consolidation_per_set_of_items_in_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in CHAIN:
        shutil.copytree(CORPUS / "bek" / name, tmp_path / "bek" / name)
    corpus = load_corpus(tmp_path)
    calls: list[int] = []
    real = amender.consolidate

    def counted(*args: Any, **kwargs: Any) -> amender.Consolidation:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(orders, "consolidate", counted)  # the point in time consolidates through amender.orders
    first = consolidate_at(corpus, "BEK 1292/2007", dt.date(2018, 1, 1))  # after the last change: also the last day
    assert len(calls) == 1
    again = consolidate_at(corpus, "BEK 1292/2007", dt.date(2018, 6, 1))  # the same version
    assert len(calls) == 1 and again.document == first.document and again.at != first.at
    earlier = consolidate_at(corpus, "BEK 1292/2007", dt.date(2009, 1, 1))  # other items in force
    assert len(calls) == 2 and earlier.document != first.document
    assert earlier.included == ("BEK 1072/2008",)


def test_fates_do_not_depend_on_the_ressort_layer(tmp_path: Path) -> None:
    """The fates of the items (history.pointintime.fates) are decided on the literal text: renaming
    ministries neither applies nor refuses an item, so the text with the names in office on the
    last day gives the same decision (its problems are warnings only)."""
    from lovkons.history.fates import decide
    from lovkons.history.pointintime import fates, last_day, version_at
    from lovkons.history.timeline import timeline

    for name in CHAIN:
        shutil.copytree(CORPUS / "bek" / name, tmp_path / "bek" / name)
    corpus = load_corpus(tmp_path)
    tl = timeline(corpus, "BEK 1292/2007")
    day = last_day(tl)
    assert day is not None
    _, applied, problems = version_at(corpus, tl, day)  # with the ressort layer
    _, literal_applied, literal_problems = version_at(corpus, tl, day, literal=True)
    assert literal_applied == applied
    assert {p for p in problems if p.severity == "error"} == {p for p in literal_problems if p.severity == "error"}
    renamed = decide(tl.in_force_at(day), applied, problems, day)
    assert fates(corpus, tl) == renamed and renamed.applied
