"""Stage 1 (parsers): split the text of a stk., nr. or litra into punktummer (pkt.).

Input: node text (single-spaced). Output: the list of sentences; "2. pkt." is element [1].
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

import regex

# Abbreviations that never end a sentence (they are always followed by what they abbreviate).
_STRONG = frozenset(
    [
        "jf",
        "jfr",
        "jvf",
        "f.eks",
        "bl.a",
        "ca",
        "evt",
        "pr",
        "nr",
        "stk",
        "dvs",
        "iht",
        "i.h.t",
        "vedr",
        "inkl",
        "ekskl",
        "hhv",
        "ang",
        "cpr",
        "tlf",
        "lit",
        "kap",
        "art",
        "afsn",
        "gl",
        "st",
        "skt",
        "ndf",
        "fx",
        "m.h.t",
        "p.t",
        "t.o.m",
        "f.o.m",
        "o.a",
        "e.l",
        "s",
        "u.s",
        "vejl",
        "bek",
        "lovbek",
        "jan",
        "feb",
        "febr",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "dec",
    ]
)
# Abbreviations that often end a sentence: a full stop after them ends the pkt. when the next word
# starts with a capital letter ("… m.v. Den …"), not before a number ("kr. 100", "senest kl. 12.00 på
# fraflytningsdagen": kl. = klokken, 23 times before a time in the corpus, LOV 1742/2015 § 3, nr. 43).
_WEAK = frozenset(
    ["m.v", "mv", "m.m", "m.fl", "kr", "pct", "osv", "el.lign", "mio", "mia", "o.l", "etc", "pkt", "mm", "ff", "p.a",
     "kl"]
)

# A candidate sentence end: . ? ! then space(s) then what can start a sentence; or a full stop after a word or a
# number glued to the capitalised word of the next sentence, the space left out by a slip of the source: "… der er
# nævnt i stk. 2.Anmodning om at brevstemme …" (LBK 105/2011 § 60, stk. 4: LOV 1252/2012 § 5, nr. 12 inserts "efter
# 2. pkt." counting "Anmodning …" as the 2. pkt.; LBK 127/2013 prints "stk. 2. Anmodning"), "ministeren.Indberetningen",
# "klasse.Hvis": 16 such ends in the corpus (never after a capital initial: "A.P.Møller"; never before a lower case
# letter: "Energinet.dk").
_END = regex.compile(r"""(?<=[.?!])(?P<gap>\ +)(?=[\p{Lu}\d§»"“„(])|(?<=[\p{Ll}\d)]\.)(?P<glued>)(?=\p{Lu}\p{Ll}{2})""")
# A guillemet: » opens a quotation, « closes it.
_GUILLEMET = regex.compile(r"[»«]")
# The word (token) just before a full stop: letters, digits and inner full stops ("f.eks", "m.v").
_WORD_BEFORE = regex.compile(r"(?P<w>[\p{L}\d][\p{L}\d.]*?)\.$")
# Next token is an ordinal ("2. pkt.", "1. januar"): a number followed by a full stop and a space.
_ORDINAL_NEXT = regex.compile(r"\d+\.\s")
# A number and a space before a single capital: the letter of a lettered § ("§§ 4 A og 4 B."), no initial.
_LETTERED = regex.compile(r"\d\ $")
# A class, category or part named by a capital letter ends the sentence with it: "… omfattet af
# regnskabsklasse D. Erhvervs- og Selskabsstyrelsen kan …" (LBK 323/2011 § 138, stk. 1), "jf. stk. 1,
# litra B. Foreligger …", "bilag A.", "kategori B.", "afsnit I.", "alternativ A.", "fondsmæglerselskab
# I." (the law's classes I-III). After such a word a single capital is no initial ("H.C. Andersen").
_DESIGNATION = regex.compile(
    r"""(?<!\p{L})(?:\p{L}*klasser?|\p{L}*kategori|litra|bilag|afsnit|alternativ|punkt
    |fondsmæglerselskab(?:er)?)\ $""",
    regex.IGNORECASE | regex.VERBOSE,
)
# A punktum that opens by citing another of the same stk. (or several: "1. og 2. pkt. finder ikke anvendelse",
# "1.-3. pkt. gælder alene", "2., 3. og 5. pkt. …": 85 such openings in the corpus, LOV 1000/2015 § 1, nr. 9) and
# goes on with its verb ("1. pkt. finder dog alene anvendelse", "4. pkt. omfatter ikke"); a citation goes on with a
# comma or "og"/"eller" ("jf. 1. og 2. pkt. og stk. 3-6").
_PKT_SENTENCE = regex.compile(
    r"\d+\.(?:-\d+\.|(?:,\ \d+\.)*\ (?:og|eller)\ \d+\.)?\ pkt\.\ (?!og\b|eller\b|samt\b)\p{Ll}")


def _is_end(text: str, dot: int, nxt: int) -> bool:
    """Is the character at `dot` (., ? or !) a sentence end, given the next sentence starts at `nxt`?"""
    if text[dot] in "?!":
        return True
    m = _WORD_BEFORE.search(text, max(0, dot - 30), dot + 1)
    word = m["w"] if m else ""
    low = word.lower()
    following = text[nxt]
    if m and text[m.start() - 1 : m.start()] == "/":
        # a company form ("TV 2/DANMARK A/S. Forpligtelsen …", LBK 988/2011 § 6): not "s." or an initial
        return following.isupper() or following in "§»"
    if low in _STRONG:
        return False
    if _PKT_SENTENCE.match(text, nxt):
        return True  # "… indkomst. 1. pkt. finder dog …", "… 15 pct. 4. pkt. omfatter …": a new punktum
    if low in _WEAK:
        return (following.isalpha() and following.isupper()) or following in "§»"
    if len(word) == 1 and word.isupper() and not _letter_named(text, m.start() if m else 0):
        return False  # an initial: "J. Hansen"
    if "." in word and word.replace(".", "").isalpha() and len(word) <= 6:
        return following.isupper() and following.isalpha() and len(word) > 4  # other short abbrevs
    if following.isdigit():
        # "… 2013. 2 personer" is rare; "jf. stk. 2. 1. pkt." is a citation
        return _ORDINAL_NEXT.match(text, nxt) is None and not word.isdigit()
    return True


def _letter_named(text: str, before: int) -> bool:
    """Is the capital letter at `before` the letter of a lettered § ("§§ 4 A og 4 B. Bestemmelsen …")
    or of a class, category or part ("regnskabsklasse D. Erhvervs- …"), not an initial?"""
    return bool(_LETTERED.search(text, 0, before) or _DESIGNATION.search(text, max(0, before - 40), before))


def split_sentences(text: str) -> list[str]:
    """Split `text` into punktummer.

    A sentence ends at ". ? !" followed by a space and an upper-case letter, a digit, "§", a quote
    or "(". Not an end: after an abbreviation that never ends a sentence (jf., stk., nr., f.eks.,
    bl.a., ca., evt., pr., month abbreviations), after an initial ("J. Hansen"; a company form such
    as "A/S." and the letter of a class or part, "regnskabsklasse D.", "litra B.", "bilag A.", are no
    initials and end a sentence), before an ordinal
    ("stk. 2. 2. pkt."), or inside »…« (quoted text of an amending order). A punktum may open by
    citing another ("… indkomst. 1. pkt. finder dog …"): that ends the one before, except after jf.
    Weak abbreviations (m.v., kr., pct., pkt., …) end a sentence only before a capital letter.
    Empty text gives [].
    """
    text = " ".join(text.split())
    if not text:
        return []
    out: list[str] = []
    start = 0
    quoted = _quoted(text) if "»" in text else None  # without »…« no end is inside a quote
    for m in _END.finditer(text):
        dot = m.start() - 1
        if quoted is not None and quoted(dot):
            continue
        if _is_end(text, dot, m.end()):
            out.append(text[start : m.start()])
            start = m.end()
    out.append(text[start:])
    return [s for s in out if s]


def _quoted(text: str) -> Callable[[int], bool]:
    """A test: is position `i` inside »…«, the guillemet nesting depth after `text[i]` above 0?

    The depth (one up at », one down at « but never below 0) changes only at a guillemet, so it is
    kept per guillemet and looked up by bisection for the few candidate ends, not per character.
    """
    marks: list[int] = []  # positions of » and «
    after: list[int] = []  # the depth after each of them
    depth = 0
    for m in _GUILLEMET.finditer(text):
        depth = depth + 1 if m[0] == "»" else max(0, depth - 1)
        marks.append(m.start())
        after.append(depth)

    def quoted(i: int) -> bool:
        k = bisect_right(marks, i)
        return k > 0 and after[k - 1] > 0

    return quoted


def join_sentences(sentences: list[str]) -> str:
    """The inverse of split_sentences: sentences joined by one space."""
    return " ".join(s.strip() for s in sentences if s.strip())
