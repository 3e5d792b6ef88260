"""Stage 2 (amender): dates that decide what is in force: an order's general commencement and
built-in end ("…, og ophæves den 1. juli 2013"), a main document's commencement and the documents it
repeals. Each numbered item's own date is set by the instruction reader (`Item.in_force`).
Input: parsed values (AmendingDocument, Document); output: dates and Repeals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from lovkons.model.document import Document, Kind, Node
from lovkons.model.edits import AmendingDocument, Repeals
from lovkons.parsers.citations import find_docrefs
from lovkons.parsers.dates import find_danish_dates
from lovkons.parsers.instructions.commencement import repealed_acts
from lovkons.parsers.sentences import split_sentences

_COMMENCES = regex.compile(r"træder\s+i\s+kraft", regex.I)
_ENDS = regex.compile(r"ophæves\s+(?:med\s+udgangen\s+af|den)\s+", regex.I)
# The day a repeal of another act names: "Lov om skifte af fællesbo m.v., jf. lovbekendtgørelse nr. 725 af 23.
# oktober 1986, ophæves den 1. marts 2012." (LOV 594/2011 § 86, stk. 2); without one, the law's commencement
_REPEAL_DAY = regex.compile(r"(?:ophæves|bortfalder)\s+(?:den|med\s+virkning\s+fra(?:\s+den)?)\s+", regex.I)
# The document itself as the subject of its own end: "Loven ophæves den 31. juli 2021." (LOV 614/2016 § 21,
# stk. 2); "Loven træder i kraft den …, og ophæves den …". Any other subject is another act or units of one.
_SELF = regex.compile(r"(?:Loven|Denne\s+lov|Bekendtgørelsen|Denne\s+bekendtgørelse|Anordningen)\b", regex.I)
# A repeal whose day the minister sets: "Energi-, forsynings- og klimaministeren fastsætter tidspunktet for
# ophævelse af lov om radio- og teleterminaludstyr …, jf. lovbekendtgørelse nr. 823 af 3. juli 2007." (LOV 260/2016
# § 49, stk. 2): the act is repealed on a day not known from the text
_REPEAL_SET_BY_MINISTER = regex.compile(r"\bfastsætter\s+tidspunktet\s+for\s+ophævelse(?:n)?\s+af\b", regex.I)
# A proviso after the repeal ("…, idet dog …") keeps units of the repealed act, not the act: "Ved lovens
# ikrafttræden ophæves økologiloven, jf. lovbekendtgørelse nr. 761 af 29. juni 2006, idet dog § 15 forbliver i
# kraft." (LOV 463/2008 § 26, stk. 2) repeals LBK 761/2006; the main clause is read alone
_PROVISO = regex.compile(r",\s+idet\s+dog\b", regex.I)
# A change block ("I lov om …, jf. lovbekendtgørelse nr. …, som ændret ved …, foretages følgende ændringer:")
# amends the act it opens with: its items' "ophæves" repeal units of that act, not the act
_CHANGE_BLOCK = regex.compile(r"\bforetages\s+følgende\s+ændring", regex.I)


def order_start(order: AmendingDocument) -> dt.date | None:
    """The general commencement date of an order (the rule that covers everything)."""
    general = [c for c in order.commencement if c.applies_to == "all"]
    dates = [c.date for c in general or order.commencement if c.date is not None]
    return min(dates) if dates else None


def order_end(order: AmendingDocument) -> dt.date | None:
    """The built-in end of an order ("…, og ophæves den …"): first day no longer in force."""
    ends = [c.expires for c in order.commencement if c.expires is not None]
    return min(ends) if ends else None


@dataclass(frozen=True, slots=True)
class BaseDates:
    """Commencement facts of a main document read from its own text: `repeals` the acts it repeals
    whole, each with the day its sentence names (None: the document's commencement)."""

    in_force: dt.date | None
    expires: dt.date | None
    repeals: tuple[Repeals, ...]
    undated: tuple[Repeals, ...] = ()  # repeals on a day the minister sets (never the commencement)


def _texts(node: Node) -> list[str]:
    out = [node.text] if node.text else []
    for child in node.children:
        out.extend(_texts(child))
    return out


def _opens_change_block(para: Node) -> bool:
    first = next((c for c in para.children if c.kind is Kind.STK), None)
    return first is not None and bool(_CHANGE_BLOCK.search(" ".join(_texts(first))))


def _date_after(sentence: str, m: regex.Match[str] | None) -> dt.date | None:
    dates = [d for d, s, _ in find_danish_dates(sentence) if m is not None and s >= m.end()]
    return dates[0] if dates else None


def base_dates(doc: Document, *, max_paragraffer: int = 4) -> BaseDates:
    """Scan the last §§ of a main document for "træder i kraft den …", its own end ("Loven ophæves den
    …") and the acts it repeals ("Lov nr. … ophæves.", "Samtidig ophæves lov nr. …"), sentence by
    sentence (commencement stands at the end by drafting convention). A change block among them
    amends the act it opens with and is not read: LOV 155/2013 § 30 ("I lov om arbejdsmiljø, jf.
    lovbekendtgørelse nr. 1072 af 7. september 2010, … foretages følgende ændringer: … ophæves.") neither
    repeals LBK 1072/2010 nor the acts of its "som ændret ved" list. Only a sentence whose subject is the
    document itself ends it: "§§ 2-7, 11 og 12 i lov nr. 1594 af 22. december 2010 … ophæves den 1. oktober
    2012." (LOV 324/2012 § 33, stk. 3) repeals units of another act on the day LOV 324/2012 commences; "Lov
    om skifte af fællesbo …, jf. lovbekendtgørelse nr. 725 af 23. oktober 1986, ophæves den 1. marts 2012."
    (LOV 594/2011 § 86, stk. 2) repeals that act on that day."""
    # the last §§ but the change blocks of other acts, which may follow the commencement: LOV 1095/2012 (lov om
    # CO2-kvoter) repeals LBK 1222/2010 in § 39, before §§ 40-42 amend three other laws and § 43 (Færøerne)
    paras = [p for p in doc.paragraffer() if not p.repealed and not _opens_change_block(p)][-max_paragraffer:]
    in_force: dt.date | None = None
    expires: dt.date | None = None
    repeals: list[Repeals] = []
    undated: list[Repeals] = []
    for para in paras:
        for stk in (c for c in para.children if c.kind is Kind.STK):
            text = " ".join(_texts(stk))
            if _CHANGE_BLOCK.search(text):
                continue
            start = _COMMENCES.search(text)
            if start and in_force is None:
                dates = [d for d, s, _ in find_danish_dates(text) if s > start.start()]
                in_force = dates[0] if dates else None
            for sentence in split_sentences(text):
                if _SELF.match(sentence):
                    # "Loven træder i kraft den 1. januar 1992, og samtidig ophæves fællesmærkeloven, jf.
                    # lovbekendtgørelse nr. 250 af 6. april 1988" (the law restated by LBK 103/2012): the clause after
                    # ", og" that names an act repeals that act; the law's own end is read from the rest (review15)
                    head, _, rest = sentence.partition(", og ")
                    if not (rest and find_docrefs(rest)):
                        head, rest = sentence, ""
                    expires = _date_after(head, _ENDS.search(head)) or expires
                    if not rest:
                        continue
                    sentence = rest
                if set_by := _REPEAL_SET_BY_MINISTER.search(sentence):
                    undated += [Repeals(r, sentence) for r in find_docrefs(sentence[set_by.end():]) if r.number]
                    continue
                day = _date_after(sentence, _REPEAL_DAY.search(sentence))
                main = _PROVISO.split(sentence, maxsplit=1)[0]
                repeals += [Repeals(r, sentence, day) for r in repealed_acts(main) if r.number is not None]
    return BaseDates(in_force, expires, tuple(repeals), tuple(undated))
