"""Stage 1 (parsers): amending provisions outside a "foretages følgende ændringer" block — a sentence
of an ordinary § (often the commencement §) that repeals units of another act:

"§§ 2-7, 11 og 12 i lov nr. 1594 af 22. december 2010 om etablering af den selvejende institution
Udbetaling Danmark ophæves den 1. oktober 2012." (LOV 324/2012 § 33) → a change block on LOV 1594/2010
with one item "§§ 2-7, 11 og 12 ophæves", in force on 1 October 2012.

The convention (VLK 3.6, repeal of provisions of other acts in the act's final provisions): the units
and the act they belong to ("<units> i <act>") are the subject, "ophæves" the verb, optionally with
the day ("den …", "med virkning fra …") or "ved lovens ikrafttræden". A relative clause ("…, der
ophæves med denne lovs § 3, …, finder fortsat anvendelse") and the act's own items ("Denne lovs
§ 1, nr. 3-7, … ophæves") are not such provisions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from lovkons.model.edits import DocRef
from lovkons.parsers.dates import DANISH_DATE, parse_danish_date
from lovkons.parsers.instructions.opening import parse_opening

# The ending of such a sentence: ", ophæves", maybe with its day, at the end ("ophæves den 1. oktober 2012.",
# "ophæves med virkning fra …", "ophæves ved lovens ikrafttræden.").
_END = regex.compile(
    rf"""
    ,? \s+ ophæves
    (?: \s+ (?: den | med \s+ virkning \s+ fra (?: \s+ den )? ) \s+ (?P<date> {DANISH_DATE.pattern} )
      | \s+ ved \s+ (?: lovens | bekendtgørelsens ) \s+ ikrafttræden )?
    \s* \.? $
    """,
    regex.X | regex.I,
)
# "… i lov nr. 1594 …", "… i lov om …": where the units end and their act begins
_ACT_AT = regex.compile(r"\s i \s+ (?= (?: lov | lovbekendtgørelse | bekendtgørelse | anordning ) \b )", regex.X | regex.I)
# between two "<units> i <act>" of one subject: "… og § 21 i lov nr. 418 …", "…, § 3 i …"
_NEXT_UNITS = regex.compile(r"(?: ,? \s+ og \s+ | , \s+ ) (?= § )", regex.X)
# a sentence ends at a full stop followed by a capital or §, not at "nr." or "stk." before a number
_SENTENCE_END = regex.compile(r"(?<=\.)\s+(?=[A-ZÆØÅ§])")
# "Nr. 4 og 5 bliver herefter nr. 3 og 4." after a repeal of units of the same act
_RYKNING = regex.compile(r"(?:Stk|Nr|Litra)\.?\s.*\bbliver\s+herefter\b", regex.I)


@dataclass(frozen=True, slots=True)
class Provision:
    target: DocRef  # the act amended
    instruction: str  # the sentence as an instruction on that act: "§§ 2-7, 11 og 12 ophæves."
    text: str  # the sentence as printed
    date: dt.date | None  # the day named in the sentence (None: the act's commencement)


_STK_LABEL = regex.compile(r"Stk\.\s*\d+\.\s+")  # "Stk. 2. "
_PARAGRAF_START = regex.compile(r"§§?\s*\d")  # "§ 5", "§§ 5-7"


def split_provisions(stk: str) -> tuple[list[Provision], str]:
    """The amending provisions of one stk. text, and what is left of the text without them.
    A rykningsklausul right after a provision ("Nr. 4 og 5 bliver herefter nr. 3 og 4.") joins it."""
    label = _STK_LABEL.match(stk.strip())
    body = stk.strip()[label.end():] if label else stk.strip()
    found: list[Provision] = []
    rest: list[str] = []
    after_provision = False
    for sentence in _SENTENCE_END.split(body):
        if after_provision and _RYKNING.match(sentence):
            last = found.pop()
            found.append(Provision(last.target, f"{last.instruction} {sentence}", f"{last.text} {sentence}", last.date))
            continue
        provisions = _read(sentence)
        found.extend(provisions)
        after_provision = bool(provisions)
        if not provisions:
            rest.append(sentence)
    if not found:
        return [], stk
    return found, f"{label[0] if label else ''}{' '.join(rest)}" if rest else ""


def _read(sentence: str) -> list[Provision]:
    """The provisions of one sentence "<units> i <act> [og <units> i <act>], ophæves [den …]." (linear: the
    ending is found once, the subject is cut at its act mentions; no pattern scans it twice)."""
    if not _PARAGRAF_START.match(sentence):
        return []
    end = _END.search(sentence)
    if end is None:
        return []
    subject = sentence[: end.start()]
    date = parse_danish_date(end["date"]) if end["date"] else None
    pieces: list[str] = []
    piece, last = "", 0
    for cut in [*_NEXT_UNITS.finditer(subject), None]:
        chunk = subject[last: cut.start() if cut else len(subject)]
        piece += chunk
        if _ACT_AT.search(chunk):  # this chunk names the act of the units gathered so far
            pieces.append(piece)
            piece = ""
        elif cut is not None:
            piece += cut[0]
        last = cut.end() if cut else len(subject)
    if piece or not pieces:
        return []  # units without an act
    out: list[Provision] = []
    for text in pieces:
        act = _ACT_AT.search(text)
        assert act is not None
        target, _ = parse_opening(text[act.end():])
        if target.number is None and target.title is None:
            return []
        units = text[: act.start()].strip().rstrip(",").strip()
        if not _PARAGRAF_START.match(units):
            return []
        out.append(Provision(target, f"{units} ophæves.", sentence, date))
    return out
