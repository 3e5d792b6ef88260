"""Stage 1 (parsers): the changes an official consolidation (LBK) says it has not incorporated.

An LBK incorporates the changes its introduction lists ("med de ændringer, der følger af § 7 i lov nr.
665 af 8. juni 2016"), and that includes the changes that take effect after its own date: in the 195
development cases, holding back the 414 selected items whose fixed date of commencement is later than
the LBK's made 1 § identical and 418 wrong, and holding back the 293 whose commencement the minister sets
made 1 identical and about 300 wrong. What an LBK leaves out it says in its introduction, change by change:

    "De ændringer, der følger af § 7, nr. 7, 9, 11 og 13, i lov nr. 665 af 8. juni 2016 om ændring af
    integrationsloven …, er ikke indarbejdet i denne lovbekendtgørelse, da ændringerne træder i kraft
    den 1. juli 2018" (LBK 748/2016)
    "De ændringer, der følger af § 1, nr. 11, i lov nr. 516 af 12. juni 2009 og § 3 i lov nr. 616 af 12.
    juni 2013, er ikke indarbejdet …, da ændringerne ikke er trådt i kraft" (LBK 1253/2013)
    "De ændringer, der vedrører § 41, stk. 4, …, og som følger af § 1, nr. 3 og 6, i lov nr. 1877 af 29.
    december 2015 …, er ikke indarbejdet …" (LBK 1288/2016)
    "Den ændring, der følger af § 1, nr. 15, i lov nr. 493 af 12. maj 2010, er ikke indarbejdet …, da
    ændringen efterfølgende er ophævet" (LBK 72/2014)
    "De ændringer, der følger af § 7, nr. 1, 4 og 5 i lov nr. 433 af 16. maj 2012, har virkning fra den 1.
    januar 2013. Disse ændringer er derfor ikke indarbejdet …" (LBK 1121/2012)
    "De ændringer, der følger af lov nr. 468 af 18. maj 2011, er ikke indarbejdet …" (LBK 904/2011)

Drafting convention (Justitsministeriets vejledning om lovbekendtgørelser): a change not incorporated is
named in the introduction with the act and its numbered changes. Those items are the ones the eval leaves
pending (reported as pending, never applied) when it compares with that LBK. Where the LBK names the units
of the law the withheld changes concern, only the operations of those items on those units are withheld
(`units`, `partly_units`, parsers.concerning): "De ændringer, der vedrører § 41, stk. 4-7, og § 66, stk. 2, og som
følger af § 1, nr. 2-6, i lov nr. 1877 …" (LBK 1141/2016), "§ 1, nr. 9, 12 samt nr. 13 vedrørende § 132 a i lov
nr. 565 …" (LBK 1055/2012: nr. 9 and 12 whole, of nr. 13 what it does to § 132 a), "§ 2, nr. 5 (for så vidt
angår § 7 a, stk. 4)" (LBK 1229/2016). A change named only in part with no unit ("§ 1, nr. 1 delvis") is in
`partly` with no units: which part is left out is not said, so the eval applies none of it and says so
(PARTIAL_NOT_APPLIED, amender.manifest), and when the LBK is a base it is not taken as in its text.

The same sentences in the base, when it is an LBK, say what its text already holds: the other numbered
changes of the § it names (`incorporated_by_base`); an act the manifest names whole is applied without them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from lovkons.model.document import Document, Kind
from lovkons.model.edits import AmendingDocument
from lovkons.parsers.concerning import Unit, read_units
from lovkons.parsers.dates import DANISH_DATE
from lovkons.parsers.lbk_intro import LEFT_OUT, SENTENCE_END
from lovkons.parsers.parts import parse_parts

# where the changes are named: after "følger af" up to the verb of the sentence; "som ændret ved …"
# names the acts that amended the act, which are not withheld
_SUBJECT = regex.compile(
    r"""\bfølger\s+(?:af\s+)?(?P<subject>.+?)  # "Den ændring, der følger § 1, nr. 20, i lov nr. 1391 …" (no "af": LBK 358/2014)
        (?:,?\s+som\s+ændret\s+ved\b | ,?\s+og\s+som\s+vedrører\b
         | ,?\s+(?:er|har|træder)\s+(?:ikke|efterfølgende|virkning|derfor|i\s+kraft)\b)""",
    regex.I | regex.X | regex.S,
)
# one act the subject names: "lov nr. 665 af 8. juni 2016" (its title may follow)
_ACT = regex.compile(rf"\blov\s+nr\.\s*(?P<number>\d+)\s+af\s+{DANISH_DATE.pattern}", regex.I | regex.X)
# a note on a § of the LBK: "Årsregnskabslovens § 74 er ophævet ved § 1, nr. 11, i lov nr. 516 af 12. juni 2009.
# Denne ændring er ikke indarbejdet i lovbekendtgørelsen, da ændringen ikke er trådt i kraft." (LBK 1253/2013,
# note 3); the changes are those after the last "ændret/ophævet/affattet/indsat ved" before the words that
# withhold ("… jf. § 4, stk. 2, i lov nr. 1573 …" between them is no change: LBK 119/2016, note 3)
_NOTE_SUBJECT = regex.compile(
    rf"""\b(?:ændret|ophævet|affattet|nyaffattet|indsat|indføjet)\b[^.»«]{{0,60}}?\bved\s+  # "indsat en ny § 35 c ved"
         (?P<subject>§[^»«]{{0,200}}?\blov\s+nr\.\s*\d+\s+af\s+{DANISH_DATE.pattern})""",
    regex.X,
)
# a withholding sentence that names no changes but points back to those just named
_POINTS_BACK = regex.compile(r"\s*(?:Disse\s+ændringer|Denne\s+ændring|Ændringerne|Ændringen)\b(?![^.]*\bfølger\s+af\b)",
                             regex.I)
# a numbered change named in part, with the units of the law that part concerns: "nr. 5 (for så vidt angår § 7 a,
# stk. 4)" (LBK 1229/2016), "§ 1, nr. 9, for så vidt angår opkrævningslovens § 16, stk. 1, nr. 6, 7 og 14-18, og
# stk. 2, i lov nr. 513 …" (LBK 1127/2013), "nr. 13 vedrørende § 132 a" (LBK 1055/2012; to the end of the part)
_IN_PART = regex.compile(r"""\(\s*for\s+så\s+vidt\s+angår\s+(?P<units>[^)]*)\)
    | ,?\s*for\s+så\s+vidt\s+angår\s+(?P<units>[^()]+?)[\s,]*(?:\bi\s*)?$
    | \bvedrørende\s+(?P<units>.+?)[\s,]*(?:\bi\s*)?$""", regex.I | regex.X)
# the units a statement's changes concern, named for all of them: "De ændringer, der vedrører § 41, stk. 4-7, og
# § 66, stk. 2, og som følger af …" (LBK 1141/2016); "De ændringer af §§ 54 og 71, der følger af …" (LBK 959/2011);
# "… i lov nr. 490 af 21. maj 2013 (…), som vedrører lovens § 18 og § 19, er ikke indarbejdet" (LBK 895/2015)
_CONCERNS = (
    regex.compile(r"\b(?:der|som)\s+vedrører,?\s+(?P<units>.+?),?\s+og\s+som\s+følger\b", regex.I),
    regex.compile(r"\bændring(?:en|er)?\s+af\s+(?P<units>§.+?),?\s+der\s+følger\b", regex.I),
    regex.compile(r"\b(?:og\s+)?som\s+vedrører\s+(?P<units>.+?),?\s+(?:er|har|træder)\s+(?:ikke|efterfølgende|derfor)\b",
                  regex.I),
)
_NO_PART_TAIL = regex.compile(r"[\s,]*(?:\bi|og)?\s*$", regex.I)


@dataclass(frozen=True, slots=True)
class NotIncorporated:
    """Changes of one act an LBK says it has not incorporated: the act's number and year, the § of the
    act (None = the whole act) and its numbered changes (None = the whole §), the sentence, the numbered
    changes it names only in part ("nr. 1 delvis", "nr. 13 vedrørende § 132 a"), and the units of the law the
    withheld changes concern when it names them (`units_of`): then only the items' operations on those units
    are withheld. Of an item named in part with no unit, which part is left out is not said."""

    number: int
    year: int
    paragraf: str | None
    items: frozenset[int] | None
    sentence: str
    partly: frozenset[int] = frozenset()
    units: tuple[Unit, ...] = ()  # "der vedrører § 41, stk. 4-7, …, og som følger af …": of all its items
    partly_units: tuple[Unit, ...] = ()  # "nr. 13 vedrørende § 132 a": of the items in `partly`

    def covers(self, order: AmendingDocument, paragraf: str, item: int) -> bool:
        """Whether it names the item whole (not in part)."""
        return self.names(order, paragraf, item) and (self.items is None or item in self.items)

    def names(self, order: AmendingDocument, paragraf: str, item: int) -> bool:
        """Whether it names the item, whole or in part."""
        meta = order.meta
        if (meta.number, meta.year) != (self.number, self.year):
            return False
        if self.paragraf is not None and self.paragraf.replace(" ", "") != paragraf.replace(" ", ""):
            return False
        return self.items is None or item in self.items or item in self.partly

    def units_of(self, item: int) -> tuple[Unit, ...]:
        """The units of the law whose changes by the item it names are withheld; () = the item whole, or (an item
        in `partly`) the part not said."""
        return self.units or (self.partly_units if item in self.partly else ())


def concerning(sentence: str) -> tuple[Unit, ...]:
    """The units of the law a statement says all its changes concern (`_CONCERNS`), () when it names none or
    names them in words that are no list of units (then its items are withheld whole, as named)."""
    for rx in _CONCERNS:
        m = rx.search(sentence)
        if m:
            return read_units(m["units"]) or ()
    return ()


def _in_part(text: str) -> tuple[str, tuple[Unit, ...] | None]:
    """The part with its qualifiers of a change named in part made "delvis" (parsers.parts reads that), and the
    units they name: None when there are none or they differ or do not read (the part is then not said)."""
    named: set[tuple[Unit, ...] | None] = set()

    def partly(m: regex.Match[str]) -> str:
        named.add(read_units(m["units"]))
        return " delvis"

    text = _IN_PART.sub(partly, text)
    return text, (next(iter(named)) if len(named) == 1 else None)


def named_changes(subject: str, sentence: str, units: tuple[Unit, ...] = ()) -> Iterable[NotIncorporated]:
    """The acts of a subject and the part named before each ("§ 1, nr. 4-10, i lov nr. 1539 af …"); `units`:
    the units of the law the statement says its changes concern (`concerning`)."""
    start = 0
    for m in _ACT.finditer(subject):
        before = subject[start:m.start()]
        start = m.end()
        year = int(m["year"])
        paragraf = before.find("§")
        if paragraf < 0:  # "følger af lov nr. 468 af 18. maj 2011": the whole act
            yield NotIncorporated(int(m["number"]), year, None, None, sentence)
            continue
        text, in_part = _in_part(_NO_PART_TAIL.sub("", before[paragraf:]).replace(" samt ", " og "))
        try:
            parts = parse_parts(_NO_PART_TAIL.sub("", text))
        except ValueError:
            continue  # a part we do not read is not withheld
        for part in parts:
            items = None if part.items is None else part.items - part.partly
            yield NotIncorporated(int(m["number"]), year, part.paragraf, items, sentence, frozenset(part.partly),
                                  units, in_part or () if part.partly else ())


def in_notes(notes: Iterable[str]) -> tuple[NotIncorporated, ...]:
    """Every change the notes of an LBK say are not incorporated in it (see `_NOTE_SUBJECT`)."""
    out: list[NotIncorporated] = []
    for note in notes:
        pos = 0
        for end in LEFT_OUT.finditer(note):
            subjects = list(_NOTE_SUBJECT.finditer(note, pos, end.start()))
            if subjects:
                out += named_changes(subjects[-1]["subject"], " ".join(note[subjects[-1].start():end.end()].split()))
            pos = end.end()
    return tuple(out)


def not_incorporated(preamble: str | None) -> tuple[NotIncorporated, ...]:
    """Every change the introduction of an LBK says is not incorporated in it."""
    out: list[NotIncorporated] = []
    for paragraph in (preamble or "").split("\n"):
        if not LEFT_OUT.search(paragraph):
            continue
        # "De ændringer, der følger af … er ikke indarbejdet …. De ændringer, der følger af … er efterfølgende
        # ophævet …. Disse ændringer er derfor ikke indarbejdet …": each statement up to its "ikke indarbejdet"
        pos = 0
        for end in LEFT_OUT.finditer(paragraph):
            statement = paragraph[pos:end.end()]
            pos = end.end()
            subjects = list(_SUBJECT.finditer(statement))
            if not subjects:
                continue
            # the last "følger af" before the words that withhold, in the sentence it begins; after a withholding
            # sentence that only points back ("Disse ændringer er derfor ikke indarbejdet"), every sentence since
            # the last withholding one that names changes with a later day: "De ændringer, der følger af § 2, nr.
            # 1-3, …, i lov nr. 1564 …, træder i kraft den 1. juli 2011, …. De ændringer, der følger af § 2, nr. 4,
            # … træder i kraft efter skatteministerens nærmere bestemmelse, …. Disse ændringer er derfor ikke
            # indarbejdet i lovteksten nedenfor" (LBK 312/2011; LBK 310/2011, 313/2011, 321/2011)
            starts = [0, *(m.end() for m in SENTENCE_END.finditer(statement))]  # not "14. juni"
            last = max(i for i in starts if i <= len(statement) - len(end[0]))
            named = subjects if _POINTS_BACK.match(statement[last:]) else subjects[-1:]
            begins = [max(i for i in starts if i <= subject.start()) for subject in named]
            for subject, begin in zip(named, begins, strict=True):
                stop = len(statement) if subject is named[-1] else min(
                    (i for i in starts if i > subject.end()), default=len(statement))
                sentence = " ".join(statement[begin:stop].split())
                out += named_changes(subject["subject"], sentence, concerning(sentence))
    return tuple(out)


def said_not_incorporated(lbk: Document) -> tuple[NotIncorporated, ...]:
    """The changes an official consolidation says, in its introduction or its notes, it has not incorporated."""
    notes = [n.text for n in lbk.walk() if n.kind is Kind.NOTE and n.text]
    return not_incorporated(lbk.preamble) + in_notes(notes)


def incorporated_by_base(statements: Sequence[NotIncorporated], order: AmendingDocument, paragraf: str,
                         item: int) -> NotIncorporated | None:
    """The statement of the base LBK that shows the item is in its text already, or None.

    Drafting convention: an LBK that names some numbered changes of an act's § as not incorporated has
    incorporated that §'s other changes. LBK 1152/2011 says "De ændringer, der følger af § 1, nr. 4-10, i lov nr.
    1539 af 21. december 2010 …, er ikke indarbejdet i lovbekendtgørelsens tekst": its § 13 already reads as LOV
    1539/2010 § 1, nr. 1-3 make it, and LBK 653/2012, which names "lov nr. 1539 af 21. december 2010" whole in
    its introduction, applies only nr. 4-10 on it."""
    mine = [w for w in statements if (w.number, w.year) == (order.meta.number, order.meta.year)
            and w.paragraf is not None and w.paragraf.replace(" ", "") == paragraf.replace(" ", "")]
    if not mine or any(w.covers(order, paragraf, item) or item in w.partly for w in mine):
        return None
    return mine[0]
