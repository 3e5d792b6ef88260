"""A quoted text that begins or ends with a mark the provision lacks there is read past that slip
(amender.slips): the fuzzy search may take the word before the quote for its leading mark (", 36" found as
"b 36"); the slip is the quote without the mark. Real quotes; LOV 744/2015 § 1, nr. 9, on LBK 1288/2014 § 43,
stk. 4 ("§§ 35 a, 35 b 36, 37, 37 a og 38-42": no comma after "35 b"; LBK 1141/2016 prints "35 b og 36-42")."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.amender.slips import slip_spans
from lovkons.review.evaluate import paragraf_map

CASES = Path(__file__).parent / "cases"

# (where, quoted text, provision text, the text read as the quote or None)
ROWS = [
    ("LOV 744/2015 § 1, nr. 9 (comma missing in the base)", ", 36, 37, 37 a og 38-42",
     "Der ydes ikke pristillæg og andre ydelser efter §§ 35 a, 35 b 36, 37, 37 a og 38-42, hvis der ydes støtte",
     "36, 37, 37 a og 38-42"),
    ("the comma there: no slip to read", ", 36, 37, 37 a og 38-42",
     "efter §§ 35 a, 35 b, 36, 37, 37 a og 38-42, hvis", None),  # exact text: the exact search finds it
    ("LOV 1715/2016 § 30, nr. 3 (closing comma missing in the base)", "jf. dog § 18 b, stk. 2-4,",
     "Stk. 1 gælder, jf. dog § 18 b, stk. 2-4 og § 19", "jf. dog § 18 b, stk. 2-4"),
    ("another number is never a slip", ", 36, 37, 37 a og 38-42", "efter §§ 35 a, 35 b 36, 37, 37 a og 38-43, hvis",
     None),
    # LOV 189/2017 § 1, nr. 6 "I § 42 a, stk. 10, nr. 3, der bliver stk. 11, nr. 3, udgår », eller stk. 8, 1. pkt.«" on
    # udlændingelovens § 42 a, stk. 10, nr. 3 (LBK 412/2016, no comma before "eller"): the fuzzy search takes the full
    # stop of "3. pkt." for the quote's comma; the slip is the missing comma
    ("LOV 189/2017 § 1, nr. 6 (comma missing in the base)", ", eller stk. 8, 1. pkt.",
     "tage ophold efter Udlændingestyrelsens nærmere bestemmelse, jf. stk. 7, 3. pkt. eller stk. 8, 1. pkt.,",
     "eller stk. 8, 1. pkt."),
    ("after a full stop ending a sentence (a capital follows) the mark is no slip",
     ", eller stk. 8, 1. pkt., og stk. 9, 2. pkt., i loven", "jf. stk. 7. Eller stk. 8, 1. pkt., og stk. 9, 2. pkt., i loven",
     None),
]  # fmt: skip


@pytest.mark.parametrize(("where", "quoted", "text", "read"), ROWS, ids=[r[0] for r in ROWS])
def test_a_missing_mark_at_the_ends_of_the_quote(where: str, quoted: str, text: str, read: str | None) -> None:
    found = slip_spans([(text, 0, len(text))], quoted, 1)
    got = [text[a:b] for spans in found for a, b in spans] if found else []
    assert got == ([read] if read else [])


def test_the_change_is_made_where_the_comma_is_missing() -> None:
    run = run_manifest(load_manifest(CASES / "L-LBK-2016-1141.yaml", follow_links=True))
    text = paragraf_map(run.result.document)["43"]
    assert text is not None and "efter §§ 35 a, 35 b og 36-42, hvis der ydes støtte" in text
    said = [p for p in run.result.problems if p.code == "TOLERATED_SPELLING" and p.address == "§ 43, stk. 4"]
    assert said and said[0].severity == "warning"
    assert not [p for p in run.result.problems if p.severity == "error" and (p.address or "").startswith("§ 43")]
