"""Stage 1 (parsers): the day the minister put an amending act, or numbered changes of it, in force, as an
LBK's notes say it. An act that leaves its commencement to the minister ("Ministeren fastsætter tidspunktet for
lovens ikrafttræden") is put in force by a bekendtgørelse the corpus lacks; the official LBKs print its day:

    "§ 6, nr. 1, i lov nr. 625 af 14. juni 2011 er sat i kraft den 1. november 2011, jf. bekendtgørelse nr. 998 af
    25. oktober 2011." (LBK 418/2016, note 9)
    "Bestemmelserne i § 6, nr. 1 og 3, i lov nr. 744 af 1. juni 2015 er sat i kraft den 28. november 2015, jf. § 2 og
    § 4 i bekendtgørelse nr. 1301 af 20. november 2015." (LBK 418/2016, note 16)
    "Lov nr. 901 af 4. juli 2013 er sat i kraft den 1. august 2013, jf. bekendtgørelse nr. 970 af 23. juli 2013."
    (LBK 1275/2013)

Read: the act (LOV number/year) the sentence names itself, the parts of it (parsers.parts; none named: the whole
act) and the day in force the sentence names — never the bekendtgørelse's own date ("Loven er sat i kraft ved
bekendtgørelse nr. 614 af 13. juni 2012", LBK 959/2012, names no day and is not read). A sentence whose subject
is not a plain list of parts of one act ("Loven med undtagelse af § 13, nr. 1 og 2", "Resten af loven", units of
the law: "Udlændingelovens § 9 a, stk. 2, nr. 1", "… for Grønland …") is not read: a note names the act it
concerns or says nothing here. Input: note texts; output: SetInForce records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import regex
from lxml import etree

from lovkons.parsers.dates import parse_danish_date
from lovkons.parsers.parts import Part, parse_parts
from lovkons.parsers.sentences import split_sentences

_DATE = r"\d{1,2}\.\s*\p{L}+\s+\d{4}"
# after the bekendtgørelse's own date: its title, if printed ("… nr. 57 af 23. januar 2015 om ikrafttræden af lov om
# ændring af lov om Natur- og Miljøklagenævnet …", LBK 121/2017), then the end of the sentence
_TAIL = r"(?:\s+om\s+(?:delvis\s+)?ikraft\p{L}*\s.*)?[\s.]*$"

# The sentence forms that date an act or parts of it, each with a real example. The subject is everything before
# the verb; the day follows "den"; the bekendtgørelse follows the day directly (", jf. [§ 1 i] bekendtgørelse nr."
# or "ved bekendtgørelse nr."), so no proviso between them ("med virkning for …", "mens § 58, stk. 3, træder i
# kraft …") is passed over.
_DAY_BY = rf"""\s+i\s+kraft\s+den\s+(?P<day>{_DATE})\s*(?:,\s*jf\.\s+(?:§§?\s.{{0,40}}?\s+i\s+)?|\s+ved\s+)
    bekendtgørelse\s+(?:nr\.\s*)?\d+\s+af\s+{_DATE}{_TAIL}"""  # "… i kraft den D, jf. [§ 1 i] bekendtgørelse nr. N af D"
_FORMS: tuple[tuple[str, regex.Pattern[str], str], ...] = (
    ("sat", regex.compile(rf"^(?P<subject>.+?)\s+(?:er|blev)\s+sat{_DAY_BY}", regex.VERBOSE),
     "§ 6, nr. 1, i lov nr. 625 af 14. juni 2011 er sat i kraft den 1. november 2011, jf. bekendtgørelse nr. 998 af "
     "25. oktober 2011."),  # LBK 418/2016
    ("trådte", regex.compile(rf"^(?P<subject>.+?)\s+(?:trådte|er\s+trådt){_DAY_BY}", regex.VERBOSE),
     "Bestemmelsen i § 16, i lov nr. 86 af 28. november 2014 trådte i kraft den 28. januar 2015, jf. bekendtgørelse "
     "nr. 57 af 23. januar 2015."),  # LBK 1579/2015
)

# The subject: parts of one act, then the act ("§ 78, nr. 1, 2, 4-7, 9-29 og 31-46, i lov nr. 1392 af 27. december
# 2008", LBK 279/2012), maybe after "Bestemmelsen i" / "Bestemmelserne i" (LBK 418/2016); or the act alone ("Lov nr.
# 1384 af 20. december 2004", LBK 1097/2011)
_SUBJECT = regex.compile(rf"""^(?:Bestemmelse(?:n|rne)\s+i\s+)?(?P<parts>§.+?),?\s+i\s+lov\s+nr\.\s*(?P<number>\d+)
    \s+af\s+(?P<date>{_DATE})$|^Lov\s+nr\.\s*(?P<number>\d+)\s+af\s+(?P<date>{_DATE})$""", regex.VERBOSE)


@dataclass(frozen=True, slots=True)
class SetInForce:
    """Parts of act LOV `number`/`year` (None: the whole act) in force from `day`, as `sentence` says."""

    number: int
    year: int
    parts: tuple[Part, ...] | None
    day: dt.date
    sentence: str


def read_sentence(sentence: str) -> SetInForce | None:
    """One note sentence → SetInForce, or None when it is not one of the forms above."""
    s = " ".join(sentence.replace("\u00a0", " ").split())
    for _, form, _ in _FORMS:
        m = form.match(s)
        if m is None:
            continue
        subject = _SUBJECT.match(m["subject"])
        day = parse_danish_date(m["day"])
        signed = parse_danish_date(subject["date"]) if subject else None
        if subject is None or day is None or signed is None:
            return None
        parts: tuple[Part, ...] | None = None
        if subject["parts"]:
            try:
                parts = parse_parts(subject["parts"])
            except ValueError:
                return None
            # "§ 1, nr. 24 delvis, 25, 29, 30 og 36-38, i lov nr. 641 af 12. juni 2013 er sat i kraft den 13. november
            # 2013, …" (LBK 1274/2013): a change put in force in part is not dated (which part is not said); the others are
            parts = tuple(Part(p.paragraf, None if p.items is None else p.items - p.partly) for p in parts
                          if p.items is None or p.items - p.partly)
            if not parts:
                return None
        return SetInForce(int(subject["number"]), signed.year, parts, day, s)
    return None


# In the section where an LBK prints an amending act's commencement provisions ("Lov nr. 718 af 25. juni 2010 …
# indeholder følgende ikrafttrædelsesbestemmelse: …", an Ikraft element) a note that names no act speaks of that act:
# "Loven trådte i kraft den 1. april 2011, jf. bekendtgørelse nr. 208 af 15. marts 2011." (LBK 11/2014, under LOV
# 718/2010); "Lovens § 1, nr. 1-3, 5-16 og 18-19, blev sat i kraft den 1. januar 2015, jf. § 3, stk. 1, i
# bekendtgørelse nr. 1338 af 11. december 2014." Only "Loven" or "Lovens" and the parts, nothing else, is the subject.
_THE_ACT = regex.compile(r"^(?:Loven(?=\s+(?:er|blev|trådte)\s)|Lovens\s+(?P<parts>§[^,]*(?:,\s*(?:nr\.|\d)[^,]*)*,?))\s+")
_ACT_HEAD = regex.compile(rf"^\s*Lov\s+nr\.\s*(?P<number>\d+)\s+af\s+(?P<date>{_DATE})")


def read_in_act(sentence: str, head: str) -> SetInForce | None:
    """A note sentence of the Ikraft section whose text begins `head` ("Lov nr. 718 af 25. juni 2010 …"), naming no act
    itself ("Loven …", "Lovens § 1, nr. 2 …"): read as if it named that act."""
    s = " ".join(sentence.replace("\u00a0", " ").split())
    act, subject = _ACT_HEAD.match(head), _THE_ACT.match(s)
    if act is None or subject is None:
        return None
    named = f"Lov nr. {act['number']} af {act['date']}" if subject["parts"] is None else \
        f"{subject['parts'].strip(' ,')}, i lov nr. {act['number']} af {act['date']}"
    return read_sentence(f"{named} {s[subject.end():]}")


def set_in_force(notes: Iterable[str]) -> tuple[SetInForce, ...]:
    """Every sentence of these notes that says when the minister put an act, or parts of it, in force."""
    out: list[SetInForce] = []
    for note in notes:
        if "kraft" not in note:
            continue
        out += [r for s in split_sentences(note) if (r := read_sentence(s)) is not None]
    return tuple(out)


def _text_outside_notes(el: etree._Element) -> str:
    parts = [el.text or ""]
    for child in el:
        if child.tag != "Nota":
            parts.append(_text_outside_notes(child))
        parts.append(child.tail or "")
    return " ".join(parts)


def ikraft_notes(data: bytes) -> tuple[tuple[str, str], ...]:
    """(the Ikraft section's own text, the text of a note in it) for every note standing in a LexDania LBK's Ikraft
    section (where it prints an amending act's commencement provisions); () for anything else."""
    from lovkons.model.document import LovkonsError
    from lovkons.parsers.xml_meta import load_xml

    if b"<Ikraft" not in data or b"<Nota" not in data:
        return ()
    try:
        root = load_xml(data, keep_blank_text=False)
    except LovkonsError:
        return ()
    out: list[tuple[str, str]] = []
    for section in root.iter("Ikraft"):
        head = " ".join(_text_outside_notes(section).split())
        for nota in section.iter("Nota"):
            body = " ".join(" ".join("".join(str(t) for t in e.itertext()) for e in nota if e.tag == "Exitus").split())
            if body:
                out.append((head, body))
    return tuple(out)


def set_in_force_in_acts(sections: Iterable[tuple[str, str]]) -> tuple[SetInForce, ...]:
    """Every note sentence of these Ikraft sections (`ikraft_notes`) that says, naming no act, when the minister put
    the section's act, or parts of it, in force (`read_in_act`)."""
    out: list[SetInForce] = []
    for head, note in sections:
        if "kraft" in note:
            out += [r for s in split_sentences(note) if (r := read_in_act(s, head)) is not None]
    return tuple(out)
