"""Check the register of ministries (ressort/register.yaml) against the corpus of laws 2010-2017.

1. Signatures: every document's ministry (LexDania place of signature or journal number) must be in
   office on the day it was signed, by the register. A journal number may be older than the signature
   (the case was opened earlier), so a ministry that ended within JOURNAL_LAG days before counts too.
2. Footnotes: every royal resolution an LBK cites ("Ved kongelig resolution af 28. juni 2015 …") must be
   a change of the register (or older than it).

Prints the exceptions, one per line, and the totals. Run: .venv/bin/python bench/ressort_check.py
(the corpus is unpacked by bench/scorecard.py into bench/.corpus/).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import regex
from lxml import etree

from lovkons.parsers.dates import parse_danish_date
from lovkons.ressort.register import default_register
from lovkons.ressort.signature import _meta_fields, _office_at_start

ROOT = Path(__file__).resolve().parent.parent
LOVE = ROOT / "bench" / ".corpus" / "love"
JOURNAL_LAG = 180  # days
_RESOLUTION = regex.compile(r"(?:kongelig|kgl\.)\s+resolution\s+af\s+(\d{1,2}\.\s*\p{L}+\s+\d{4})")


def main() -> int:
    if not LOVE.is_dir():
        print("the corpus is not unpacked: run bench/scorecard.py once", file=sys.stderr)
        return 2
    reg = default_register()
    checked = Counter[str]()
    known = {c.date for c in reg.changes}
    first = min(known)
    for path in sorted(LOVE.glob("*/*.xml")):
        signed, place, journal = _meta_fields(str(path))
        day = dt.date.fromisoformat(signed) if signed else None
        office = _office_at_start(reg, place, "ministry") or _office_at_start(reg, journal, "ministry")
        if day and office:
            checked["signatures"] += 1
            ends = [b for a, b in reg.periods[office] if b is not None and b <= day]
            lagging = bool(ends) and (day - max(ends)).days <= JOURNAL_LAG and not _office_at_start(reg, place)
            checked["journal numbers older than the signature"] += lagging
            if not reg.in_office(office, day) and not lagging:
                checked["signatures not in office"] += 1
                print(f"{path.relative_to(LOVE)}: signed {day} by {office}, not in office then by the register")
        text = " ".join(t for t in etree.parse(str(path)).xpath("//Char/text()"))
        for m in _RESOLUTION.finditer(text):
            when = parse_danish_date(m[1])
            if when is None or when < first:
                continue
            checked["resolutions cited"] += 1
            if when not in known:
                checked["resolutions not in the register"] += 1
                print(f"{path.relative_to(LOVE)}: cites the royal resolution of {when}, which the register lacks")
    print(", ".join(f"{k}: {v}" for k, v in checked.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
