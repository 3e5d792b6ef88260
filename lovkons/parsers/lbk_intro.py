"""Stage 1 (parsers): an LBK's introduction → the document it restates and the acts whose changes it incorporates.

"Herved bekendtgøres <loven>, jf. lovbekendtgørelse nr. X af …, med de ændringer, der følger af …": the one
reading of it, for the corpus scan (history.facts: `consolidates`, `incorporates`) and for which change blocks
cite the base (amender.citing: a block citing the restated LBK cites the LBK that restates it).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lovkons.model.edits import DocRef
from lovkons.parsers.citations import find_docref_spans, find_docrefs, loose_lbk
from lovkons.parsers.dates import parse_danish_date

# An LBK's introduction names the document it restates, then the acts whose changes it incorporates:
# "Herved bekendtgøres <loven>, jf. lovbekendtgørelse nr. X af …, med de ændringer, der følger af …". The
# wording of the turn varies: "som følger af" (LBK 796/2011, 115/2012, 1298/2013), "med de ændringer som
# følger af" (LBK 1275/2010), "med de ændringer og tilføjelser, der følger af" (LBK 143/2011), "lov nr. 1606
# af 26. december 2013 om vandplanlægning, som ændret ved …" (LBK 126/2017).
_TURN = regex.compile(
    r"med\s+de(?:n)?\s+ændring(?:er)?(?:\s+og\s+tilføjelser)?,?\s+(?:(?:der|som)\s+)?følger\s+af"  # "…, følger af" (LBK 1696/2015)
    r"|,\s*som\s+ændret\s+(?:senest\s+)?ved",
    regex.I,
)

# A sentence of the introduction's notes that says an act's changes are left out: "De ændringer, som følger af § 1 i
# lov nr. 624 af 14. juni 2011, er ikke indarbejdet i denne lovbekendtgørelse, …" (LBK 796/2011; 129 LBKs of the
# corpus have such a note): that act is not incorporated (its changes apply to the LBK's text later). The one
# pattern of it: parsers.not_incorporated reads the same sentences number by number.
LEFT_OUT = regex.compile(r"\bikke\s+(?:er\s+)?(?:blevet\s+)?(?:indarbejdet|medtaget)\b", regex.I)
# where a sentence of the introduction begins: after a full stop (or colon) before a capital — not "14. juni"
SENTENCE_END = regex.compile(r"(?<=[.:])\s+(?=\p{Lu})")

# an incorporated act cited loosely in the tail: "§ 4 i lov 789 af 28. juni 2013" (no "nr.", LBK 760/2016; LBK
# 121/2017), "§ 23 i lov nr. 639 12. juni 2013" (no "af", LBK 613/2015; LBK 1073/2012, 587/2013), "lov nr. 378 af
# 28. april af 2012" (an "af" too many, LBK 521/2013), "§ 27 i lov nr. 1715 af 27 . december 2016" (a space before the
# day's full stop, LBK 124/2017) — read where the citation reader finds nothing
_LOOSE_ACT = regex.compile(
    r"\blov\s+(?:nr\.\s*)?(?P<n>\d+)\s+(?:af\s+)?(?P<day>\d{1,2})\s?\.\s*(?P<month>\p{L}+)\s+(?:af\s+)?(?P<year>\d{4})\b",
    regex.I)


# a note on the text the LBK prints ahead of its commencement ("Den bekendtgjorte lovtekst gælder først fuldt ud fra den
# 1. januar 2011, jf. § 3, stk. 1, i lov nr. 729 af 25. juni 2010", LBK 1064/2010): 91 in the corpus
_PRINTED_AHEAD = regex.compile(r"\s*Den\s+bekendtgjorte\s+lovtekst\b", regex.I)


@dataclass(frozen=True, slots=True)
class LbkIntro:
    """What an LBK's introduction says: the document it restates (None when it names none) and the acts whose
    changes it incorporates, in order, without those its notes say are not incorporated."""

    restates: DocRef | None
    incorporates: tuple[DocRef, ...]


def _kept(tail: str) -> str:
    """The tail of an introduction without the sentences that say an act's changes are left out."""
    return " ".join(x for x in SENTENCE_END.split(tail) if not LEFT_OUT.search(x))


def _dated(refs: list[DocRef]) -> list[DocRef]:
    return [r for r in refs if r.kind and r.number is not None and r.date is not None]


def read_lbk_intro(preamble: str | None) -> LbkIntro:
    """"Herved bekendtgøres …, jf. lovbekendtgørelse nr. X, med de ændringer, der følger af …" → LbkIntro."""
    if not preamble or "bekendtgøres" not in preamble:
        return LbkIntro(None, ())
    # the restated document is named in the sentence that says "bekendtgøres", before the turn to the
    # changes: not in the paragraphs after it, which name changes left out (LBK 1529/2015: "… jf. § 5, stk.
    # 3, i lov nr. 179 af 24. februar 2015" restates LBK 1351/2015, not that amending act)
    # the acts incorporated are those of that sentence and of the notes on text printed ahead of its day: "Den
    # bekendtgjorte lovtekst vedrørende § 3, stk. 2, nr. 3, … træder i kraft den 1. juli 2013, jf. § 4, stk. 1, i lov
    # nr. 485 af 17. maj 2013" (LBK 539/2013 prints LOV 485/2013's changes; its first sentence does not name the act;
    # LBK 14/2017 names LOV 1715/2016 there as "lov nr. 1712"). The other paragraphs are notes on changes left out
    # ("De ændringer, der følger af § 2, nr. 1-3, … i lov nr. 1564 …, træder i kraft den 1. juli 2011, …. Disse
    # ændringer er derfor ikke indarbejdet", LBK 312/2011; 46 LBKs of the corpus) or history ("… er indarbejdet i
    # lovbekendtgørelse nr. 1096", LBK 81/2011): they name no act whose changes the text holds
    lines = preamble.split("\n")
    at = next(i for i, line in enumerate(lines) if "bekendtgøres" in line)
    parts = _TURN.split(lines[at], maxsplit=1)
    ahead = [line for line in lines[at + 1:] if _PRINTED_AHEAD.match(line)]
    head, tail = parts[0], ("\n".join([parts[1], *ahead]) if len(parts) > 1 else "")
    named = _dated(find_docrefs(head))
    if not named and (loose := loose_lbk(head)):  # the restated LBK cited loosely (parsers.citations)
        named = _dated([loose])
    return LbkIntro(named[-1] if named else None, tuple(_dated(_acts(_kept(tail)))))


def _acts(tail: str) -> list[DocRef]:
    """The acts cited in the tail, in order: by the citation reader, and loosely where it finds nothing."""
    found = find_docref_spans(tail)
    for m in _LOOSE_ACT.finditer(tail):
        if not any(s < m.end() and m.start() < e for _, s, e in found):
            date = parse_danish_date(f"{m['day']}. {m['month']} {m['year']}")
            found.append((DocRef("LOV", int(m["n"]), date), m.start(), m.end()))
    return [r for r, _, _ in sorted(found, key=lambda f: f[1])]
