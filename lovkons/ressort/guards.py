"""Stage 2 (ressort): where an old name must stay as written. Input: a text, the span of a name in
it and the date of the change; output: the name of the first rule that keeps it, or None.

An official consolidation renames a ministry or authority only where the text means the office as it
is now. The rules below (first match wins) each name a drafting convention and a real sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import regex

from lovkons.parsers.dates import find_danish_dates

_V = regex.VERBOSE | regex.IGNORECASE


@dataclass(frozen=True, slots=True)
class Guard:
    name: str
    example: str  # a real sentence where the rule keeps the name (tests/test_ressort_guards.py)
    test: Callable[[str, int, int, dt.date], bool]


def _inside_quotes(text: str, start: int, end: int, day: dt.date) -> bool:
    """»…« quotes a wording, a title or a name of something else: never edited."""
    before = text[:start]
    return before.count("»") > before.count("«")


# "den tidligere Konkurrencestyrelse", "det daværende Undervisningsministerium", "den nedlagte …"
_PAST_BEFORE = regex.compile(r"""\b(?:tidligere|daværende|hidtidige|forhenværende|fhv\.|nedlagte|
                                 nu\ nedlagte)\s+$""", _V)


def _said_to_be_former(text: str, start: int, end: int, day: dt.date) -> bool:
    return bool(_PAST_BEFORE.search(text[max(0, start - 40):start]))


# "Styrelsen for Statens Uddannelsesstøtte er nedlagt", "…, nu miljø- og fødevareministeren",
# "Konkurrencestyrelsen (nu Konkurrence- og Forbrugerstyrelsen)", "… blev overført fra justitsministeren"
_PAST_AFTER = regex.compile(r"""^(?:\s*(?:er|blev)\s+(?:nedlagt|sammenlagt|omdannet|ændret)
                               |\s*,?\s*\(?\s*nu\s)""", _V)
_TRANSFER_FROM = regex.compile(r"""\b(?:overført|overføres|overgået|overgik|flyttet)\s+fra\s+(?:\S+\s+){0,1}$""", _V)


def _spoken_of_as_past(text: str, start: int, end: int, day: dt.date) -> bool:
    return bool(_PAST_AFTER.search(text[end:end + 60]) or _TRANSFER_FROM.search(text[max(0, start - 60):start]))


# "sager, der ikke er færdigbehandlet af Naturklagenævnet inden den 1. januar 2007, overføres til
# Miljøklagenævnet": the body named is the one that acted before a day before the change; the date
# follows the name within a few words ("før", "inden", "indtil" den …), in the same clause
_BEFORE_DATE = regex.compile(r"""^(?:\s+[\p{L}-]+){0,3}?\s+(?:før|inden|indtil|forud\s+for)\s+den\s+$""", _V)
# where the clause holding the name ends: a comma, semicolon or colon, or a full stop before a capital
_CLAUSE_END = regex.compile(r"[,;:]|\.\s+(?=\p{Lu})")


def _before_the_change(text: str, start: int, end: int, day: dt.date) -> bool:
    if text[end - 1:end] == "s":  # "klima- og energiministerens godkendelse inden den …": the date is the act's
        return False
    clause = _CLAUSE_END.split(text[end:], maxsplit=1)[0]
    return any(when < day and _BEFORE_DATE.search(clause[:a]) for when, a, _ in find_danish_dates(clause))


# "reglerne i miljøministerens bekendtgørelse nr. 456 af 25. april 2013" (LBK 101/2017 § 22), "miljøministerens
# forbud af 14. marts 1986" (LBK 123/2017 § 30): an act cited by its issuer and its date, issued before the
# change, is cited as it was issued (the issuer is the past office); so is a decision dated "den …": "som efter
# undervisningsministerens beslutning den 1. januar 2007 inddrages" (LBK 750/2016 § 63, kept after kgl. res. af
# 28. juni 2015). In the LBKs of 2010-2017 every genitive name + one noun + "af"/"den" + an earlier date is
# printed as issued (LBK 1621/2015 § 30, LBK 123/2017 § 30, LBK 750/2016 § 63), none renamed
_DATED_ACT = regex.compile(r"""^\s+[\p{L}-]+\s+(?:nr\.\s*\d+\s+)?(?:af|den)\s+$""", _V)


def _dated_act(text: str, start: int, end: int, day: dt.date) -> bool:
    if text[end - 1:end] != "s":
        return False
    after = text[end:end + 80]
    return any(when < day and _DATED_ACT.search(after[:a]) for when, a, _ in find_danish_dates(after))


# "Fødevareministeriets Klagecenter", "Undervisningsministeriets Pris": a genitive that begins the
# proper name of another body (a capital letter follows) is part of that name
_NEXT_CAPITAL = regex.compile(r"^\s+\p{Lu}\p{Ll}")


def _part_of_a_name(text: str, start: int, end: int, day: dt.date) -> bool:
    return text[end - 1:end] == "s" and bool(_NEXT_CAPITAL.search(text[end:end + 3]))


# "jf. lov om Kort- og Matrikelstyrelsen", "ved lov om ændring af forskellige love på
# Undervisningsministeriets område": the title of an act is cited as it reads, whatever became of the
# body it names (the words between "lov om" and the name are a title's, not a sentence's: no verb)
_MINISTER_TITLE = regex.compile(r"(?i)ministerens?$|ministerens?\s+for\b")  # a minister, not a body
_ACT_TITLE = regex.compile(r"""\b(?:lov|lovbekendtgørelse|bekendtgørelse|anordning)\s+(?:nr\.\s+\d+\s+)?om\s+
                               (?:(?!(?:kan|skal|må|er|har|bliver|fastsætter|bestemmer|træffer|efter)\s)[\p{L}\-]+\s+){0,10}$""", _V)


def _title_of_an_act(text: str, start: int, end: int, day: dt.date) -> bool:
    if _MINISTER_TITLE.search(text[start:end]):
        return False  # titles of acts name ministries and authorities, not ministers
    return bool(_ACT_TITLE.search(text[max(0, start - 80):start]))


# "Anmeldelser …, der er modtaget i Erhvervs- og Selskabsstyrelsen inden denne lovs ikrafttræden, behandles
# efter de hidtil gældende regler": an authority named where the text speaks of the law's commencement
# or of the rules in force until then is the body that acted at that time (a past office). The official
# consolidations keep it (LBK 610/2015 § 373, LBK 23/2013 § 27, stk. 5, LBK 75/2017 § 76, stk. 5), while
# the minister who holds a power in the same provisions is renamed (LBK 418/2016 §§ 93-103): only
# authorities, never a minister or a ministry.
_COMMENCEMENT = regex.compile(r"""\b(?:ved|inden|før)\s+(?:denne\s+)?lov(?:en)?s\s+ikrafttræd
                                 |\bhidtil\s+gældende\s+regler
                                 |\btidspunktet\s+for\s+(?:denne\s+)?lov(?:en)?s\s+ikrafttræd""", _V)
_MINISTER = regex.compile(r"minist", regex.IGNORECASE)


def _authority_at_commencement(text: str, start: int, end: int, day: dt.date) -> bool:
    return not _MINISTER.search(text[start:end]) and bool(_COMMENCEMENT.search(text))


# "efter indenrigs- socialministerens nærmere bestemmelse" (LBK 132/2010 § 55, stk. 3, kept so by LBK
# 504/2013): a first conjunct cut off by a hyphen ("indenrigs- og …" with "og" missing) makes the name
# part of a title the text misprints; which office it means is not for a rename to guess
_CUT_BEFORE = regex.compile(r"\p{L}-\s*$")


def _cut_compound(text: str, start: int, end: int, day: dt.date) -> bool:
    return bool(_CUT_BEFORE.search(text[max(0, start - 20):start]))


GUARDS: tuple[Guard, ...] = (
    Guard("quoted", "ændres »Erhvervs- og Selskabsstyrelsen« til: »Erhvervsstyrelsens it-system«", _inside_quotes),
    Guard("former", "personer fra det tidligere Jugoslavien", _said_to_be_former),
    Guard("past", "overført fra justitsministeren til ministeren for fødevarer, landbrug og fiskeri, nu miljø- og "
          "fødevareministeren", _spoken_of_as_past),
    Guard("before-date", "der ikke er færdigbehandlet af Naturklagenævnet inden den 1. januar 2007, overføres til "
          "Miljøklagenævnet", _before_the_change),
    Guard("dated-act", "godtgørelse på 200 kr./ha græsarealer, der er omfattet af miljøministerens forbud af 14. marts "
          "1986", _dated_act),
    Guard("name-part", "kan indbringes for Erhvervsministeriets Erhvervsankenævn", _part_of_a_name),
    Guard("act-title", "lov om ændring af forskellige love på Undervisningsministeriets område", _title_of_an_act),
    Guard("commencement", "Anmeldelser i henhold til aktieselskabsloven eller anpartsselskabsloven, der er modtaget i "
          "Erhvervs- og Selskabsstyrelsen inden denne lovs ikrafttræden, behandles efter de hidtil gældende regler.",
          _authority_at_commencement),
    Guard("cut-compound", "efter indenrigs- socialministerens nærmere bestemmelse herom", _cut_compound),
)


def kept_by(text: str, start: int, end: int, day: dt.date) -> str | None:
    """The name of the first guard that keeps text[start:end] as written (the change took effect on
    `day`), or None."""
    return next((g.name for g in GUARDS if g.test(text, start, end, day)), None)
