"""Stage 1 (parsers): the trailing §§ of an amending document → Commencement, Repeals, transitional notes.

"Bekendtgørelsen træder i kraft den 3. marts 2007.", "Dog træder § 1, nr. 4, i kraft den 1. juli
2009.", "… dagen efter bekendtgørelsen i Lovtidende", "X-ministeren fastsætter tidspunktet …".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from parsers.citations import find_docrefs
from parsers.dates import DANISH_DATE, parse_danish_date
from parsers.edits import Commencement, Repeals
from parsers.model import Problem

_SELF = r"(?:Bekendtgørelsen|Loven|Anordningen|Regulativet|Cirkulæret)"
_WHEN = rf"""(?:(?:den\s+)?(?P<date>{DANISH_DATE.pattern})
              |(?P<after>dagen\s+efter)\s+(?:bekendtgørelsen|offentliggørelsen)\s+i\s+Lovtidende
              |(?P<at>ved)\s+(?:bekendtgørelsen|offentliggørelsen)\s+i\s+Lovtidende)"""

ALL_IN_FORCE = regex.compile(
    rf"{_SELF}\s+træder\s+i\s+kraft\s+{_WHEN}(?:,?\s+og\s+ophæves\s+den\s+(?P<expires>{DANISH_DATE.pattern}))?",
    regex.X | regex.I,
)
PART_IN_FORCE = regex.compile(
    rf"(?:Dog\s+træder\s+(?P<what>§.+?)\s+i\s+kraft|(?P<what2>§.+?),?\s+træder\s+(?:dog\s+)?i\s+kraft)\s+{_WHEN}",
    regex.X | regex.I,
)
MINISTER_DECIDES = regex.compile(
    r"fastsætter\s+tidspunktet\s+for\s+(?:lovens\s+|bekendtgørelsens\s+)?ikrafttræden(?:\s+af\s+(?P<what>.+?))?(?=\.?\s*$|\.\s+[A-ZÆØÅ]|,\s+(?:og|jf|men)\b|\s+og\s+kan\b)",
    regex.I,
)
REPEALS = regex.compile(r"\bophæves\b|\bbortfalder\b", regex.I)


@dataclass
class TrailingResult:
    commencement: list[Commencement] = field(default_factory=list)
    repeals: list[Repeals] = field(default_factory=list)
    transitional: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _when(m: regex.Match[str], published: dt.date | None, res: TrailingResult, text: str) -> dt.date | None:
    if m["date"]:
        return parse_danish_date(m["date"])
    if published is None:
        res.problems.append(
            Problem("COMMENCEMENT_UNDETERMINED", "in force from the Lovtidende publication, whose date is unknown",
                    "warning", address=text[:80])
        )
        return None
    return published + dt.timedelta(days=1) if m["after"] else published


def read_trailing(stykker: list[str], *, published: dt.date | None = None) -> TrailingResult:
    """Each stk. text of the §§ after the change blocks, in order."""
    res = TrailingResult()
    for stk in stykker:
        text = regex.sub(r"\s+", " ", stk.replace("\u00a0", " ")).strip()
        if not text:
            continue
        used = False
        for m in ALL_IN_FORCE.finditer(text):
            expires = parse_danish_date(m["expires"]) if m["expires"] else None
            res.commencement.append(Commencement(_when(m, published, res, text), "all", text, expires))
            used = True
        for m in PART_IN_FORCE.finditer(text):
            what = regex.sub(r"\s+", " ", m["what"] or m["what2"]).strip(" ,")
            if regex.match(_SELF, what, regex.I):
                continue
            res.commencement.append(Commencement(_when(m, published, res, text), what, text))
            used = True
        mm = MINISTER_DECIDES.search(text)
        if mm:
            what = regex.sub(r"\s+", " ", mm["what"]).strip(" ,") if mm["what"] else "all"
            res.commencement.append(Commencement(None, what, text))
            res.problems.append(
                Problem("COMMENCEMENT_UNDETERMINED", f"the minister decides when {what} comes into force",
                        "warning", address=what)
            )
            used = True
        if not used and REPEALS.search(text) and not regex.search(r"\btræder\b", text):
            refs = find_docrefs(text)
            for ref in refs:
                res.repeals.append(Repeals(ref, text))
            used = bool(refs)
        if not used:
            res.transitional.append(text)
    all_dates = [c.date for c in res.commencement if c.applies_to == "all" and c.date]
    if all_dates:
        res.repeals = [Repeals(r.target, r.text, r.date or all_dates[0]) for r in res.repeals]
    return res
