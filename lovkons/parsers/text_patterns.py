"""Stage 2 (parsers): the patterns and small helpers of the text route beyond the line classifier
(parsers.segment): a preamble's start, provenance notes, units embedded in a line, the end of a sentence,
heading text, the sort key of a label, roman numerals. Input: strings; output: matches and keys.
"""

from __future__ import annotations

import functools

import regex

from lovkons.parsers.segment import LABEL

# The start of a preamble (indledning): BEK "I medfør af", LOV hymne, LBK "Herved bekendtgøres".
PREAMBLE = regex.compile(
    r"(?:^|\s)(?P<p>I\s+medfør\s+af\b|VI\s+\p{Lu}+\s+DEN\s+\p{Lu}+|Vi\s+Margrethe|Folketinget\s+har\s+vedtaget|"
    r"Her[vm]ed\s+bekendtgøres\b|Efter\s+bemyndigelse\b)"
)
# A provenance line of `render_text(notes=True)`: "[BEK 1072/2008 § 1, nr. 4, i kraft 2009-07-01]",
# several sources joined by "; ". Not part of the legal text: the text parser skips it.
_SOURCE = r"(?:[A-ZÆØÅ]{2,5}(?:\ Æ)?\ \d+/\d{4}|[^\[\];]+?(?=\ §|,\ i\ kraft))"
_PROVENANCE_PART = rf"{_SOURCE}(?:\ §\ [^,\[\];]+(?:,\ nr\.\ \d+)?)?(?:,\ i\ kraft\ \d{{4}}-\d{{2}}-\d{{2}})?"
PROVENANCE = regex.compile(rf"^\[{_PROVENANCE_PART}(?:;\ {_PROVENANCE_PART})*\]$", regex.VERBOSE)
# An embedded "§ N." inside a line: a candidate start of a paragraf glued to a heading.
EMBEDDED_PARAGRAF = regex.compile(
    rf"(?<=\s|^)§\s*(?P<label>{LABEL})(?:\.(?=\s+\S)|(?=\s+(?:Stk\.|\p{{Lu}}))|\.?\s*$)"
)
# An embedded "Stk. N." after a sentence end (payloads flattened to one line).
EMBEDDED_STK = regex.compile(rf"(?<=[.:;«]\s+)Stk\.\s*(?P<label>{LABEL})\.(?=\s)")
# An embedded "Kapitel N" after a sentence end.
EMBEDDED_KAPITEL = regex.compile(rf"(?<=[.:;«]\s+)Kapitel\s+(?P<label>{LABEL})(?=\s+\p{{Lu}})")
# Words that end a citation rather than a heading: "…, jf. § 4." / "… i § 3." The patterns anchored
# at the end ("…$") search from the end (REVERSE): the same matches are found, but a forward search
# tries every position of the text, a reverse one fails at once where the end does not fit.
CITING_WORD = regex.compile(
    r"(?:\bjf\.|\bjfr\.|\bi|\bog|\beller|\bsamt|\befter|\btil|\baf|\bom|\bved|\bmed|\bfra|\blovens|"
    r"\bbekendtgørelsens|\bdenne|\bnævnte|\bstk\.|\bnr\.|,|§)\s*$",
    regex.IGNORECASE | regex.REVERSE,
)
# A heading does not end like a sentence or a list item.
SENTENCE_END = regex.compile(r"[.:;,!?]\s*$", regex.REVERSE)
_ITEM_NOTE = regex.compile(r"\d+\.\s+\(.*\)\.?$")  # "2. (Ophævet)": an amending item, not a heading
SHORT_ABBREV_END = regex.compile(r"\b(?:m\.v|m\.m|mv|m\.fl)\.\s*$")
# A modal verb makes a rule, i.e. a sentence: an overskrift is a noun phrase ("Børnehuse m.v.",
# "Ret og pligt til tilbud for personer, der modtager dagpenge … m.v."), while a stk. says what one
# "kan", "skal", "må" or "bør" ("Social- og integrationsministeren kan fastsætte nærmere regler om
# … opgaver m.v.", LOV 496/2013 § 1, nr. 7). None of the 820 headings ending in m.v./m.m./m.fl. of
# the 2010-2017 corpus holds one.
MODAL_VERB = regex.compile(r"\b(?:kan|skal|må|bør|kunne|skulle)\b", regex.IGNORECASE)


def is_heading_text(text: str, *, after_blank: bool = False) -> bool:
    """Can `text` be a (mellem)overskrift? No final full stop, not a citation tail, not too long."""
    t = text.strip()
    if not t or len(t) > 250 or "»" in t or "«" in t:
        return False
    if not (t[0].isupper() or t[0].isdigit()) or " jf. " in t:
        return False
    sentence = t[-1] in ".:;,!?" and not (
        t[-1] == "." and SHORT_ABBREV_END.search(t, max(0, len(t) - 12)) and not MODAL_VERB.search(t)
    )
    if sentence and (not after_blank or t[-1] in ",;:"):  # a sentence, unless alone after a blank
        return False
    return not CITING_WORD.search(t[-25:]) and not _ITEM_NOTE.match(t)


def split_heading_run(text: str) -> list[str]:
    """Stacked headings flattened on one line are separated by runs of two or more spaces."""
    parts = [p.strip() for p in regex.split(r"\s{2,}", text.strip())]
    return [p for p in parts if p]


def split_chapter_heading(text: str) -> tuple[str, str | None]:
    """ "Jobhjælp og … jobformidler Målgruppe" → (chapter heading, mellemoverskrift).

    PDF extraction puts "Kapitel 1 <title> <first heading> § 1." on one line; the first heading
    starts at the first capitalised word that follows a lower-case word or a number.
    """
    parts = split_heading_run(text)
    if len(parts) >= 2:
        return parts[0], " ".join(parts[1:])
    words = text.split()
    for i in range(1, len(words)):
        prev, word = words[i - 1], words[i]
        if word[:1].isupper() and word[1:2].islower() and (prev[-1:].islower() or prev[-1:].isdigit()):
            return " ".join(words[:i]), " ".join(words[i:])
    return text.strip(), None


_LABEL_KEY = regex.compile(r"\s*(\d+)\s*([a-zA-ZæøåÆØÅ]?)")


@functools.lru_cache(maxsize=8192)
def label_key(label: str) -> tuple[int, str]:
    """Sort key of a unit label: "5 a" → (5, "a"); unparsable labels sort first."""
    m = _LABEL_KEY.match(label)
    if not m:
        return (-1, label)
    return (int(m[1]), m[2].lower())


def roman(n: int) -> str:
    vals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out
