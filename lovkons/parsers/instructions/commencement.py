"""Stage 1 (parsers): the trailing §§ of an amending document → Commencement, Repeals, transitional notes.

"Bekendtgørelsen træder i kraft den 3. marts 2007.", "Dog træder § 1, nr. 4, i kraft den 1. juli
2009.", "… dagen efter bekendtgørelsen i Lovtidende", "X-ministeren fastsætter tidspunktet …".
"""

from __future__ import annotations

import bisect
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
# "Dog træder § 1, nr. 4, i kraft den 1. juli 2009." / "§ 2 og § 5 træder i kraft den …". Read as the old
# single pattern "Dog træder (§…?) i kraft WHEN | (§…?),? træder (dog)? i kraft WHEN" read it (the shortest
# "§ …" before the first ending that follows), but in one pass: the endings are found once, and each
# start looks up the first ending after it, so a long text with many "§" and no ending costs a linear
# scan, not one scan per "§" (issue 16: 62 KB took 15 s).
_PART_START = regex.compile(r"Dog\s+træder\s+(?=§)|§", regex.I)
_PART_END_DOG = regex.compile(rf"\s+i\s+kraft\s+{_WHEN}", regex.X | regex.I)  # after "Dog træder §…"
# "§ 14, stk. 3, … som affattet ved denne lovs § 1, nr. 1, …, træder dog først i kraft den 1. januar 2011." (LOV
# 629/2010 § 5, stk. 1, after "Loven træder i kraft den 1. juli 2010."): "først" (not before) names the later day of a
# part; 51 such sentences in the corpus
_PART_END = regex.compile(rf",?\s+træder\s+(?:dog\s+)?(?:først\s+)?i\s+kraft\s+{_WHEN}", regex.X | regex.I)  # after "§…"
# What the minister sets in force ends at the sentence end or at a clause ", og kan …", ", jf. …", ", men …"; a
# list's last member joined by ", og §" belongs to it: "Undervisningsministeren fastsætter tidspunktet for
# ikrafttræden af § 8, nr. 7 og 10, § 10, nr. 2, og § 13, nr. 2 og 7, om udstedelse af digitale beviser …"
# (LOV 1746/2016 § 23, stk. 3: § 13, nr. 7 recasts folkeskolelovens § 14 and is not in force with the rest).
# "§ 5, stk. 2, … i lov om vejledning … som affattet ved denne lovs § 1, nr. 3" (LOV 641/2010): a rule citing the
# amended law's own units, whose list mixes those with the act's items (commencement_items.py reads them)
CITES_AMENDED_LAW = regex.compile(r"\bsom\s+(?:affattet|ændret|indsat)\b|\bdenne\s+lovs\b|\bi\s+(?:lov\b|\w+loven\b)"
                                  r"|^\w+lovens\b", regex.I)
# The wordings of the corpus: "fastsætter tidspunktet for ikrafttræden af …" (most), "fastsætter
# ikrafttrædelsestidspunktet for § 89 …" (LOV 431/2010 § 4, stk. 3; LOV 268/2014), "bemyndiges til at fastsætte
# ikrafttrædelsestidspunktet for lovens § 1, nr. 5, …" (LOV 273/2012, 1613/2013; "… lovens ikrafttrædelsestidspunkt",
# LOV 619/2011), "fastsætter efter indstilling fra
# Stormrådet tidspunktet for …" (LOV 544/2010), "… efter aftale med beskæftigelsesministeren …" (LOV 702/2010),
# "fastsætter ikrafttrædelsen af § 1, nr. 1-7" (LOV 1354/2012), "fastsætter ikrafttræden af § 2" (LOV 334/2015),
# "fastsætter tidspunktet for lovens eller dele af lovens ikrafttræden" (LOV 1233/2012). A list citing the
# amended law's units runs on through ", jf. denne lovs § 1, nr. 20" (LOV 431/2010) and ", og for ikrafttræden af
# § 15 b, stk. 1 og 2, …" (LOV 653/2010).
MINISTER_DECIDES = regex.compile(
    r"fastsætte(?:r|s)?\s+(?:efter\s+(?:indstilling|aftale)\s+(?:fra|med)\s+[^.]{1,100}?\s+)?"
    r"(?:tidspunktet\s+for\s+(?:lovens\s+(?:eller\s+dele\s+af\s+lovens\s+)?|bekendtgørelsens\s+)?"
    r"ikrafttræd(?:en|elsen|else)|(?:lovens\s+)?ikrafttrædelsestidspunkt(?:et)?\b|ikrafttræd(?:en|elsen)(?=\s+af\b))"
    r"(?:\s+(?:af|for)\s+(?P<what>.+?))?"
    r"(?=\.?\s*$|\.\s+(?-i:[A-ZÆØÅ])|,\s+(?:og(?!\s+(?:§|denne\s+lovs\s+§|for\s))|jf(?!\.\s+denne\s+lovs\b)|men)\b"
    r"|\s+og\s+kan\b)",
    regex.I,
)
# The same in the passive: "Tidspunktet for ikrafttrædelsen af lovens § 1, nr. 1 og 2, fastsættes af social- og
# integrationsministeren." (LOV 495/2013 § 3, stk. 2; LOV 722/2014 § 11 repeals that § 1, nr. 1 before it took effect),
# "Tidspunktet for ikrafttræden af udlændingelovens § 9 f, stk. 4, som affattet ved denne lovs § 1, nr. 6, fastsættes
# af ministeren …" (LOV 572/2010), "… af § 1, nr. 9, fastsættes af miljøministeren, dog senest den 1. april 2015"
# (LOV 358/2013): 5 acts of the corpus, none read before
MINISTER_DECIDES_PASSIVE = regex.compile(
    r"\btidspunktet\s+for\s+(?:lovens\s+)?ikrafttræd(?:en|elsen|else)\s+af\s+(?:lovens\s+)?(?P<what>§.+?|\w+lovens\s+§.+?)"
    r",?\s+fastsættes\s+af\b",
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


def parts_in_force(text: str) -> list[tuple[str, regex.Match[str]]]:
    """(the part, the match of its ending with the date groups) for every "Dog træder § … i kraft den …"
    and "§ … træder i kraft den …" in `text`, left to right and not overlapping, in linear time."""
    ends = {rx: list(rx.finditer(text, overlapped=True)) for rx in (_PART_END_DOG, _PART_END)}
    starts = {rx: [m.start() for m in ms] for rx, ms in ends.items()}
    out: list[tuple[str, regex.Match[str]]] = []
    pos = 0
    for start in _PART_START.finditer(text):
        if start.start() < pos:
            continue
        rx = _PART_END_DOG if start[0] != "§" else _PART_END
        what_at = start.end() if rx is _PART_END_DOG else start.start()
        k = bisect.bisect_left(starts[rx], what_at + 2)  # "§.+?": the § and at least one character
        if k == len(starts[rx]):
            continue
        end = ends[rx][k]
        out.append((text[what_at:end.start()], end))
        pos = end.end()
    return out


# "§ 1, nr. 1-3, …, § 10, … har virkning fra den 1. januar 2013." (LOV 433/2012 § 15, stk. 2, after "Loven træder i
# kraft den 1. juli 2012."), "§ 1, nr. 1, 2 og 4-7, har virkning fra og med indkomståret 2014." (LOV 1381/2011): the
# day the changed rules take effect, later than the day the act is in force. The official consolidations print them
# from that day: "De ændringer, der følger af … § 10 i lov nr. 433 af 16. maj 2012, har virkning fra den 1. januar
# 2013. Disse ændringer er derfor ikke indarbejdet i denne lovbekendtgørelse" (LBK 1082/2012 of 14 November 2012)
_EFFECT_DAY = rf"""(?:fra\s+og\s+med|fra)\s+(?:(?:den\s+)?(?P<effect>{DANISH_DATE.pattern})
                   |indkomsts?året\s+(?P<year>\d{{4}}))(?=\s*[.,;]|\s+og\b|\s*$)"""
_EFFECT_END = regex.compile(
    rf""",?\s+(?:træder\s+(?:dog\s+)?i\s+kraft\s+(?:{_WHEN}\s+)?og\s+)?har\s+(?:dog\s+)?(?:først\s+)?virkning\s+
        {_EFFECT_DAY}""",
    regex.X | regex.I,
)
# the whole act: "Loven har virkning fra og med indkomstsåret 2013, jf. dog stk. 3 og 4." (LOV 922/2012 § 10, stk. 2,
# in force 19 September 2012, its slip "indkomstsåret" as printed; LBK 1121/2012 of 14 November 2012: "De ændringer, der
# følger af § 5 i lov nr. 922 …, har virkning fra indkomståret 2013"), "Loven træder i kraft dagen efter bekendtgørelsen
# i Lovtidende og har virkning fra og med indkomståret 2011." (LOV 1562/2010); a rule naming a part goes before it
ALL_EFFECT = regex.compile(
    rf"""{_SELF}\s+(?:træder\s+i\s+kraft\s+{_WHEN}\s+og\s+)?har\s+(?:dog\s+)?virkning\s+{_EFFECT_DAY}""",
    regex.X | regex.I,
)


def _first_day(m: regex.Match[str]) -> dt.date | None:
    """The day an effect rule names: a date, or the first day of an income year ("indkomståret 2014")."""
    return parse_danish_date(m["effect"]) if m["effect"] else dt.date(int(m["year"]), 1, 1)


# where one sentence ends and another begins (not "jf. § 5", "Stk. 2. § 1", "nr. 1")
_SENTENCE_GAP = regex.compile(r"(?<=\p{L}{2}\.)\s+(?=\p{Lu})")
# a choice the act gives, not a rule: "Den skattepligtige kan vælge, at stk. 8, 2. pkt., og § 13, nr. 2-5, har virkning
# fra og med den 11. juni 2014 …" (LOV 652/2016 § 14, stk. 6)
_CHOICE = regex.compile(r"\bkan\s+vælge,?\s+at\b", regex.I)


def parts_with_effect(text: str) -> list[tuple[str, dt.date]]:
    """(the part, the day) for every "§ … har virkning fra …" in `text`, left to right and not overlapping; not
    where the act lets someone choose it."""
    ends = list(_EFFECT_END.finditer(text, overlapped=True))
    starts = [m.start() for m in ends]
    out: list[tuple[str, dt.date]] = []
    pos = 0
    for start in regex.finditer(r"§", text):
        if start.start() < pos:
            continue
        k = bisect.bisect_left(starts, start.start() + 2)
        if k == len(starts):
            break
        end = ends[k]
        # a part is one sentence's: "§ 7, stk. 1, nr. 3, … som affattet ved denne lovs § 4, nr. 1, har virkning for
        # indberetninger vedrørende januar 2011 eller senere. Skattekontrollovens § 9 A, … som affattet ved denne lovs
        # § 4, nr. 2-4, har virkning fra den 1. januar 2012." (LOV 1560/2010 § 7, stk. 6): nr. 1 has no day
        if _SENTENCE_GAP.search(text, start.start(), end.start()):
            continue
        day = _first_day(end)
        if day is not None and not _CHOICE.search(text[max(0, start.start() - 150):start.start()]):
            out.append((text[start.start():end.start()], day))
        pos = end.end()
    return out


@dataclass
class TrailingResult:
    commencement: list[Commencement] = field(default_factory=list)
    # "§ … har virkning fra …" (the parts and the days they take effect; see _EFFECT_END)
    effects: list[Commencement] = field(default_factory=list)
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


_SPACES = regex.compile(r"\s+")


def read_trailing(
    stykker: list[str], *, published: dt.date | None = None, signed: dt.date | None = None
) -> TrailingResult:
    """Each stk. text of the §§ after the change blocks, in order. `published`: the Lovtidende
    publication date; `signed`: the document's own date (a lower bound when `published` is unknown)."""
    res = TrailingResult()
    dates = _Dates(published, signed)
    for stk in stykker:
        text = _SPACES.sub(" ", stk.replace("\u00a0", " ")).strip()
        if not text:
            continue
        used = False
        for m in ALL_IN_FORCE.finditer(text):
            expires = parse_danish_date(m["expires"]) if m["expires"] else None
            day, earliest = _when(m, dates, res, text)
            res.commencement.append(Commencement(day, "all", text, expires, earliest))
            used = True
        for what, m in parts_in_force(text):
            what = _SPACES.sub(" ", what).strip(" ,")
            if regex.match(_SELF, what, regex.I):
                continue
            day, earliest = _when(m, dates, res, text)
            res.commencement.append(Commencement(day, what, text, earliest=earliest))
            used = True
        for m in ALL_EFFECT.finditer(text):
            if (day := _first_day(m)) is not None:
                res.effects.append(Commencement(day, "all", text))
        for what, day in parts_with_effect(text):
            res.effects.append(Commencement(day, _SPACES.sub(" ", what).strip(" ,"), text))
        mm = MINISTER_DECIDES.search(text)
        passive = None if mm else MINISTER_DECIDES_PASSIVE.search(text)
        found = mm or passive
        if found is not None:
            what = _SPACES.sub(" ", found["what"] or "all").strip(" ,")
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
