"""No silent drops: items of an order that take effect after the consolidation they name was replaced
by a newer LBK go on to that LBK (applied there, or reported as already in its text); items dated
after a repeal are reported. Real data: økologiloven, LOV 1715/2016 § 59 (from 1 February 2017)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.fates import fate_problems
from lovkons.history.pointintime import consolidate_at
from lovkons.history.timeline import timeline
from tests.excerpts import made_up_lbk

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
LAWS = CORPUS / "laws"
LBK_1657 = LAWS / "LBK-2015-1657" / "LBK-2015-1657.xml"
# LBK 1657/2015's own introduction; the made-up LBK 9999/2016 restates LBK 1657/2015 without LOV 1715/2016
INTRO = "jf. lovbekendtgørelse nr. 416 af 3. maj 2011, med de ændringer, der følger af § 11 i lov nr. 1459 af 17. december 2013."
ITEM = "LOV 1715/2016 § 59, nr. 1"


def _labels(doc: object) -> list[str]:
    return [p.label for p in doc.paragraffer()]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """LBK 1657/2015, LOV 1715/2016 (its § 59 amends LBK 1657/2015) and LBK 21/2017, which restates
    LBK 1657/2015 "med den ændring, der følger af § 59 i lov nr. 1715 af 27. december 2016"."""
    root = tmp_path_factory.mktemp("oeko")
    for name in ("LBK-2015-1657", "LOV-2016-1715", "LBK-2017-21"):
        shutil.copytree(LAWS / name, root / name)
    return load_corpus(root, jobs=2)


@pytest.fixture(scope="module")
def hypothetical(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """As `real`, but the LBK replacing LBK 1657/2015 (30 December 2016) does not name LOV 1715/2016."""
    root = tmp_path_factory.mktemp("oeko-hyp")
    for name in ("LBK-2015-1657", "LOV-2016-1715"):
        shutil.copytree(LAWS / name, root / name)
    made_up_lbk(root, LBK_1657, INTRO, "jf. lovbekendtgørelse nr. 1657 af 14. december 2015.", number=9999, year=2016,
                date="2016-12-30")
    return load_corpus(root, jobs=2)


def test_item_not_incorporated_is_carried_forward_and_applied(hypothetical: Corpus) -> None:
    old = timeline(hypothetical, "LBK 1657/2015")
    assert [(c.label, c.to, c.incorporated) for c in old.carried] == [(ITEM, "LBK 9999/2016", False)]
    assert old.changes == () and old.lapsed == ()
    new = timeline(hypothetical, "LBK 9999/2016")
    assert new.dates == (dt.date(2016, 12, 30), dt.date(2017, 2, 1))
    assert [(c.label, c.via) for c in new.changes] == [(ITEM, "LBK 1657/2015")]
    before = consolidate_at(hypothetical, "LBK 1657/2015", dt.date(2017, 1, 31))
    assert before.key == "LBK 9999/2016" and "18 a" not in _labels(before.document)
    after = consolidate_at(hypothetical, "LBK 1657/2015", dt.date(2017, 2, 1))
    assert (after.key, after.included, after.refused) == ("LBK 9999/2016", ("LOV 1715/2016",), ())
    assert after.version_from == dt.date(2017, 2, 1)
    assert "18 a" in _labels(after.document)
    assert [c.label for c in after.items if c.via == "LBK 1657/2015"] == [ITEM]


def test_item_incorporated_by_the_new_lbk_is_reported_not_applied_twice(real: Corpus) -> None:
    old = timeline(real, "LBK 1657/2015")
    assert [(c.label, c.to, c.incorporated) for c in old.carried] == [(ITEM, "LBK 21/2017", True)]
    new = timeline(real, "LBK 21/2017")
    assert new.changes == () and new.dates == (dt.date(2017, 1, 4),)
    assert [(c.label, c.in_force, c.via) for c in new.ahead] == [(ITEM, dt.date(2017, 2, 1), "LBK 1657/2015")]
    assert [p.code for p in fate_problems(new)] == ["INCORPORATED_AHEAD"]
    early = consolidate_at(real, "LBK 1657/2015", dt.date(2017, 1, 10))
    assert early.key == "LBK 21/2017" and [c.label for c in early.ahead] == [ITEM]
    assert "INCORPORATED_AHEAD" in {p.code for p in early.problems}
    late = consolidate_at(real, "LBK 21/2017", dt.date(2017, 2, 1))
    assert late.ahead == () and "INCORPORATED_AHEAD" not in {p.code for p in late.problems}
    assert late.document is not None and "18 a" in _labels(late.document)  # the LBK's own text


def test_items_after_a_repeal_are_reported(tmp_path: Path) -> None:
    # As if BEK 1292/2007 had been repealed on 1 August 2016: BEK 581/2016 (1 July 2016) still applies,
    # BEK 1492/2016 (1 January 2017) never does, and says so.
    for name in ("BEK-2007-1292", "BEK-2016-581", "BEK-2016-1492"):
        shutil.copytree(CORPUS / "bek" / name, tmp_path / name)
    (tmp_path / "BEK-2007-1292" / "BEK-2007-1292.json.yaml").write_text(
        "repealed:\n  by: BEK 9999/2016\n  date: 2016-08-01\n", encoding="utf-8"
    )
    tl = timeline(load_corpus(tmp_path), "BEK 1292/2007")
    assert {c.order for c in tl.changes} == {"BEK 581/2016"}
    assert {(c.order, c.why, c.lapsed) for c in tl.lapsed} == {("BEK 1492/2016", "repealed", dt.date(2016, 8, 1))}
    assert tl.carried == ()
    assert [(p.code, p.source) for p in fate_problems(tl)] == [("ITEM_AFTER_END", "BEK 1492/2016 § 1")]
