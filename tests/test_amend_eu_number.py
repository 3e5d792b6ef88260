"""An EU act cited with and without "nr." before its number is the same citation (amender.occurrences,
TOLERATED_EU_NUMBER): LOV 433/2012 § 1, nr. 24 and 26 change »Rådets direktiv 85/611/EØF« where
aktieavancebeskatningslovens § 27, stk. 1 and 4 print "Rådets direktiv nr. 85/611/EØF" (LBK 1298/2013 makes both
changes). Excerpts: LBK 796/2011 § 27 (bilag left out); LOV 433/2012 § 1, nr. 24 and 26
(tests/data/amend/eu-number-2012)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.amender.occurrences import _pattern
from lovkons.review.evaluate import paragraf_map

DATA = Path(__file__).parent / "data" / "amend" / "eu-number-2012"

# (quoted text, provision text, read as the same citation?)
ROWS = [
    ("Rådets direktiv 85/611/EØF", "i henhold til Rådets direktiv nr. 85/611/EØF, jf. bilag 1", True),  # LOV 433/2012
    ("Rådets direktiv nr. 85/611/EØF", "i henhold til Rådets direktiv 85/611/EØF, jf. bilag 1", True),  # the other way
    ("Rådets direktiv 85/611/EØF", "i henhold til Rådets direktiv nr. 85/612/EØF", False),  # another act
    ("Rådets direktiv 85/611/EØF", "i henhold til Rådets direktiv om 85/611/EØF", False),  # only "nr." may differ
]


@pytest.mark.parametrize(("quoted", "text", "same"), ROWS, ids=[f"{r[0]} / {r[1]}" for r in ROWS])
def test_the_number_of_an_eu_act_with_or_without_nr(quoted: str, text: str, same: bool) -> None:
    assert bool(_pattern(quoted, "eu").search(text)) is same


def test_the_real_provision() -> None:
    result = run_manifest(load_manifest(DATA / "manifest.yaml", follow_links=True)).result
    text = paragraf_map(result.document)["27"]
    assert text is not None and "85/611/EØF" not in text
    assert text.count("Europa-Parlamentets og Rådets direktiv 2009/65/EF") == 2
    assert [(p.code, p.address) for p in result.problems] == [
        ("TOLERATED_EU_NUMBER", "§ 27, stk. 1"), ("TOLERATED_EU_NUMBER", "§ 27, stk. 4")]
