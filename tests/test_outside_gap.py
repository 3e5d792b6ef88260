"""An older corpus LBK of a law ends on the day of the LBK that restated it next, also when the corpus lacks that one
and knows it only from the introduction of a later LBK (history.timeline.same_law_successor, _through_outside).

Real excerpt (tests/data/outside_gap, copied from the corpus): LBK 539/2013 (lov om specialpædagogisk støtte ved
videregående uddannelser); LOV 521/2014, whose § 2 amends it from 1 July 2014; LBK 748/2015, "Herved bekendtgøres …,
jf. lovbekendtgørelse nr. 584 af 1. juni 2014, …" — LBK 584/2014 is not in the corpus. The law was in LBK 584/2014's
text from 1 June 2014 until LBK 748/2015 of 16 May 2015: LBK 539/2013's versions then are no text of the law (the
acts of that time amend LBK 584/2014's text; bench/timeline_check counted 582 items of such acts in 37 laws). Before,
LBK 539/2013 stood in force until 16 May 2015 and `consolidate` answered its text for that time.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lovkons.cli.main import app
from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.pointintime import consolidate_at
from lovkons.history.timeline import Status, predecessors, timeline

DATA = Path(__file__).parent / "data" / "outside_gap"
A, OUTSIDE, B, ACT = "LBK 539/2013", "LBK 584/2014", "LBK 748/2015", "LOV 521/2014"
GAP, AFTER = dt.date(2014, 10, 1), dt.date(2015, 6, 1)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outside-gap")
    for f in DATA.iterdir():
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture(scope="module")
def corpus(root: Path) -> Corpus:
    return load_corpus(root, jobs=1)


def test_the_date_of_the_restated_lbk_is_kept_from_the_introduction(corpus: Corpus) -> None:
    f = corpus.facts[B]
    assert (f.consolidates, f.consolidates_date) == ((OUTSIDE,), "2014-06-01")
    assert OUTSIDE not in corpus.facts


def test_the_older_lbk_ends_on_the_day_of_the_lbk_the_corpus_lacks(corpus: Corpus) -> None:
    end = timeline(corpus, A).end
    assert end == Status("superseded", dt.date(2014, 6, 1), OUTSIDE, then=Status("superseded", dt.date(2015, 5, 16), B),
                         outside=True)
    assert predecessors(corpus, B) == [A]


def test_the_items_of_that_time_are_handed_on_not_lost(corpus: Corpus) -> None:
    """LOV 521/2014 § 2, nr. 1-14 take effect on 1 July 2014, in LBK 584/2014's time: handed on to it, so in the text
    LBK 748/2015 restates — applied to neither LBK 539/2013 nor, again, to LBK 748/2015."""
    a, b = timeline(corpus, A), timeline(corpus, B)
    handed = [c for c in a.carried if c.order == ACT]
    assert len(handed) == 14 and {(c.to, c.in_force) for c in handed} == {(OUTSIDE, dt.date(2014, 7, 1))}
    assert not any(c.order == ACT for c in (*a.changes, *a.lapsed, *b.changes, *b.incorporated, *b.pending))


def test_a_day_in_the_gap_has_no_text_in_the_corpus(corpus: Corpus) -> None:
    gap = consolidate_at(corpus, A, GAP)
    assert gap.document is None and (gap.status.state, gap.status.by) == ("superseded", OUTSIDE)
    last = consolidate_at(corpus, A, GAP, last=True)
    assert last.key == A and last.version_to == dt.date(2014, 6, 1) and ACT not in last.included
    later = consolidate_at(corpus, A, AFTER)
    assert later.key == B and later.document is not None
    assert later.restated == ((OUTSIDE, dt.date(2014, 6, 1)), (B, dt.date(2015, 5, 16))) and later.outside == (OUTSIDE,)


def cli(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "--corpus", str(root), "--no-cache"])
    return result.exit_code, result.stdout, result.stderr


def test_consolidate_and_timeline_say_which_lbk_holds_the_law(root: Path) -> None:
    """As for a document not in force on the day: exit 0, no text, the summary says why (here: whose text it is)."""
    code, out, err = cli(root, "consolidate", A, "--at", GAP.isoformat())
    assert (code, out) == (0, "")
    status = next(line for line in err.splitlines() if line.startswith("Status:"))
    assert status.split(":", 1)[1].strip() == (f"restated by {OUTSIDE} from 2014-06-01 (not in the corpus), then by {B}"
                                               " from 2015-05-16")
    assert (f"the law's text then is that of {OUTSIDE} (from 2014-06-01), which the corpus does not hold; {B} takes over"
            " from 2015-05-16" in err)
    code, out, _ = cli(root, "consolidate", A, "--at", GAP.isoformat(), "-f", "json")
    assert json.loads(out)["status"] == {"state": "superseded", "since": "2014-06-01", "by": OUTSIDE, "in_corpus": False,
                                         "then": {"state": "superseded", "since": "2015-05-16", "by": B}}
    code, out, _ = cli(root, "timeline", A, "-f", "json")
    assert json.loads(out)["restated"] == [{"by": OUTSIDE, "since": "2014-06-01", "in_corpus": False},
                                           {"by": B, "since": "2015-05-16"}]
    code, out, _ = cli(root, "timeline", A)
    assert f"Restated by {OUTSIDE} from 2014-06-01 (not in the corpus)" in out
    assert f"handed on to {OUTSIDE} (not in the corpus: in force in its time, in the text {B} restates)" in out


def test_a_diff_to_a_day_in_the_gap_says_why_there_is_no_text(root: Path) -> None:
    code, _, err = cli(root, "diff", A, "--from", "2014-01-01", "--to", GAP.isoformat())
    assert code == 2
    assert err.strip() == (f"lovkons: {A}: no text in the corpus on {GAP}: the law's text then is that of {OUTSIDE} (from"
                           f" 2014-06-01), which the corpus does not hold; {B} takes over from 2015-05-16")
