"""Stage 1 (parsers): citations of other documents in running text → DocRef values.

"bekendtgørelse nr. 1676 af 19. december 2006 om …", "lov nr. 463 af 17. juni 2008",
"lovbekendtgørelse nr. 196 af 12. marts 2009", and short names "BEK nr 1072 af 07/11/2008".
"""

from __future__ import annotations

import regex

from lovkons.model.edits import DocRef
from lovkons.parsers.dates import MONTHS, parse_danish_date, parse_numeric_date

_KIND_WORDS = {
    "lovbekendtgørelse": "LBK",
    "bekendtgørelse": "BEK",
    "lov": "LOV",
    "anordning": "ANO",
    "cirkulære": "CIR",
}

_DATE = r"\d{1,2}\.\s*(?:" + "|".join(MONTHS) + r")\s+\d{4}"


def _broken(word: str) -> str:
    """`word`, also as Lovtidende printed it broken over a line end, the hyphen kept in the text: "lovbekendt-gørelse
    nr. 1073" (LOV 1539/2014 § 6), "lov-bekendtgørelse nr. 807" and "lovbe-kendtgørelse nr. 1110" (LOV 395/2016 §§ 9,
    11). Read as "bekendtgørelse" after "lov-", the first was a BEK; read not at all, the others."""
    return "-?".join(word)


# One citation: kind word, "nr." number, "af" date, optional "om <title>" (title runs to a clause end).
CITATION = regex.compile(
    rf"""
    (?<![A-Za-zÆØÅæøå])
    (?P<kind>{_broken("lovbekendtgørelse")}|{_broken("bekendtgørelse")}|lov|anordning|cirkulære)
    (?:\s+\([^)]*\))?                       # "(tidligere …)" rarely in between
    \s+nr\.\s*(?P<number>\d+)
    \s+af\s+(?P<date>{_DATE})
    (?:\s+om\s+(?P<title>.+?)(?=,\s|\s+foretages\b|\s+ophæves\b|\s+jf\.|\s+som\s+ændret|[.;:]\s|[.;:]?$|\s+og\s+(?:lov|bekendtgørelse)\b))?
    """,
    regex.I | regex.X | regex.S,
)

_SHORT = regex.compile(
    r"(?P<kind>LBK|BEK|LOV|ANO|CIR)\s*(?:H|Æ)?\s*nr\.?\s*(?P<number>\d+)\s+af\s+(?P<date>[\d/.-]+)", regex.I
)


# an LBK cited loosely, read where the citation reader finds nothing: "lovbekendtgørelse 1172 af 16. december 1992"
# (no "nr.", LBK 1696/2015, 785/2016, 37/2017), "lovbekendtgørelse nr. 680 20. maj 2015" (no "af", LBK 1164/2016),
# "lovbekendtørelse nr. 198 af …" (LBK 725/2016), "lovbekendtgørelse af 1184 af 12. oktober 2010" ("af" for "nr.":
# LOV 172/2016 § 1, the opening of its change block of lov om DSB, LBK 1184/2010)
_LOOSE_LBK = regex.compile(
    r"lovbekendt\w*\s+(?:nr\.\s*|af\s+)?(?P<n>\d+)\s+(?:af\s+)?(?P<date>\d{1,2}\.\s*\p{L}+\s+\d{4})", regex.I)


def loose_lbk(text: str) -> DocRef | None:
    """The first LBK `text` cites loosely (see _LOOSE_LBK), or None."""
    m = _LOOSE_LBK.search(text)
    return DocRef("LBK", int(m["n"]), parse_danish_date(m["date"])) if m else None


def _clean(s: str) -> str:
    return regex.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def find_docrefs(text: str) -> list[DocRef]:
    """Every cited document in `text`, in order of appearance."""
    out: list[DocRef] = []
    for m in CITATION.finditer(text):
        title = _clean(m["title"]) if m["title"] else None
        kind_word = m["kind"].lower().replace("-", "")
        out.append(
            DocRef(
                kind=_KIND_WORDS[kind_word],
                number=int(m["number"]),
                date=parse_danish_date(m["date"]),
                title=(f"{kind_word} om {title}" if kind_word in ("lov", "bekendtgørelse") and title else title),
            )
        )
    return out


def find_docref_spans(text: str) -> list[tuple[DocRef, int, int]]:
    """Like find_docrefs, with the span of each citation in `text`."""
    refs = find_docrefs(text)
    spans = [(m.start(), m.end()) for m in CITATION.finditer(text)]
    return [(r, s, e) for r, (s, e) in zip(refs, spans, strict=True)]


def parse_short_name(text: str) -> DocRef | None:
    """Retsinformation's short name "BEK nr 1072 af 07/11/2008" → DocRef("BEK", 1072, 2008-11-07)."""
    m = _SHORT.search(text)
    if not m:
        return None
    return DocRef(kind=m["kind"].upper(), number=int(m["number"]), date=parse_numeric_date(m["date"]))
