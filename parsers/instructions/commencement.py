"""Stage 1 (parsers): the trailing §§ of an amending document → Commencement, Repeals, transitional notes.

"Bekendtgørelsen træder i kraft den 3. marts 2007.", "Dog træder § 1, nr. 4, i kraft den 1. juli
2009.", "… dagen efter bekendtgørelsen i Lovtidende", "X-ministeren fastsætter tidspunktet …".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from lovkons.model.document import Problem
from lovkons.model.edits import Commencement, DocRef, Repeals
from lovkons.parsers.citations import find_docrefs
from lovkons.parsers.dates import DANISH_DATE, parse_danish_date

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
    r"fastsætter\s+tidspunktet\s+for\s+(?:lovens\s+|bekendtgørelsens\s+)?ikrafttræd(?:en|elsen|else)(?:\s+af\s+(?P<what>.+?))?(?=\.?\s*$|\.\s+[A-ZÆØÅ]|,\s+(?:og|jf|men)\b|\s+og\s+kan\b)",
    regex.I,
)
REPEALS = regex.compile(r"\bophæves\b|\bbortfalder\b", regex.I)
# "Regler fastsat i medfør af … forbliver i kraft, indtil de ophæves eller afløses …": a transitional
# rule that keeps regulations alive, not a repeal of the act it cites
KEEPS_IN_FORCE = regex.compile(
    r"""\b(?:forbliver|vedbliver|bevarer)\b.{0,120}?\bi\s+kraft\b
      | \bindtil\s+de[nt]?\b[^.]{0,80}?\b(?:ophæves|afløses|bortfalder)\b  # "opretholdes, indtil de bortfalder
                                                                       #  efter deres indhold eller ophæves"
      | \bder\s+ophæves\s+(?:med|ved)\s+denne\b  # "§ 2, stk. 4, i lov om …, der ophæves med denne lovs § 3, nr. 1,
                                             #  finder fortsat anvendelse": a relative clause, not the verb""",
    regex.I | regex.X,
)
# A sentence about units of an act ("§ 15, stk. 5, og § 21 i lov om CO2-kvoter … finder fortsat anvendelse")
# never repeals the whole act; the units' own repeal is an amending provision (provisions.py).
_UNITS_OF_ACT = regex.compile(r"(?:Stk\.\s*\d+\.\s+)?§")
_SENTENCE_END = regex.compile(r"(?<=\.)\s+(?=[A-ZÆØÅ§])")


def repealed_acts(text: str) -> list[DocRef]:
    """The acts a stk. repeals whole ("Lov nr. 76 af 13. marts 1969 om veteranbaner ophæves.",
    "Følgende love ophæves: 1) …"): the citations of its sentences that repeal, once each; not those
    of a sentence about units of an act or of one that keeps something in force."""
    out: list[DocRef] = []
    for sentence in _SENTENCE_END.split(text):
        if REPEALS.search(sentence) and not KEEPS_IN_FORCE.search(sentence) and not _UNITS_OF_ACT.match(sentence):
            out += [ref for ref in find_docrefs(sentence) if ref not in out]
    return out


@dataclass
class TrailingResult:
    commencement: list[Commencement] = field(default_factory=list)
    repeals: list[Repeals] = field(default_factory=list)
    transitional: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _when(m: regex.Match[str], dates: _Dates, res: TrailingResult, text: str) -> tuple[dt.date | None, bool]:
    """(date, earliest): the day a rule names; for "dagen efter / ved bekendtgørelsen i Lovtidende"
    the publication date, or — when only the signing date is known — the earliest possible day,
    flagged and reported (never silently)."""
    if m["date"]:
        return parse_danish_date(m["date"]), False
    days = dt.timedelta(days=1 if m["after"] else 0)
    if dates.published is not None:
        return dates.published + days, False
    if dates.signed is not None:
        day = dates.signed + days
        when = "the day after" if m["after"] else "on the day of"
        res.problems.append(
            Problem("COMMENCEMENT_ESTIMATED",
                    f"in force {when} its publication in Lovtidende, whose date is not in the document; taken as "
                    f"the earliest possible day, {day.isoformat()} (signed {dates.signed.isoformat()}); give the "
                    "date in a sidecar (published: YYYY-MM-DD) to make it exact",
                    "warning", address=text[:80])
        )  # fmt: skip
        return day, True
    res.problems.append(
        Problem("COMMENCEMENT_UNDETERMINED", "in force from the Lovtidende publication, whose date is unknown",
                "warning", address=text[:80])
    )
    return None, False


@dataclass(frozen=True, slots=True)
class _Dates:
    published: dt.date | None
    signed: dt.date | None


def read_trailing(
    stykker: list[str], *, published: dt.date | None = None, signed: dt.date | None = None
) -> TrailingResult:
    """Each stk. text of the §§ after the change blocks, in order. `published`: the Lovtidende
    publication date; `signed`: the document's own date (a lower bound when `published` is unknown)."""
    res = TrailingResult()
    dates = _Dates(published, signed)
    for stk in stykker:
        text = regex.sub(r"\s+", " ", stk.replace("\u00a0", " ")).strip()
        if not text:
            continue
        used = False
        for m in ALL_IN_FORCE.finditer(text):
            expires = parse_danish_date(m["expires"]) if m["expires"] else None
            day, earliest = _when(m, dates, res, text)
            res.commencement.append(Commencement(day, "all", text, expires, earliest))
            used = True
        for m in PART_IN_FORCE.finditer(text):
            what = regex.sub(r"\s+", " ", m["what"] or m["what2"]).strip(" ,")
            if regex.match(_SELF, what, regex.I):
                continue
            day, earliest = _when(m, dates, res, text)
            res.commencement.append(Commencement(day, what, text, earliest=earliest))
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
            refs = repealed_acts(text)
            for ref in refs:
                res.repeals.append(Repeals(ref, text))
            used = bool(refs)
        if not used:
            res.transitional.append(text)
    all_dates = [c.date for c in res.commencement if c.applies_to == "all" and c.date]
    if all_dates:
        res.repeals = [Repeals(r.target, r.text, r.date or all_dates[0]) for r in res.repeals]
    return res
