"""An LBK's introduction: the document it restates and the acts whose changes it incorporates
("Herved bekendtgøres <loven>, jf. lovbekendtgørelse nr. X af …, med de ændringer, der følger af …"), as the
corpus scan (history.facts) reads them into the `consolidates` and `incorporates` of its facts.
"""

from __future__ import annotations

import regex

from lovkons.history.identifiers import key_of

# An LBK's introduction names the document it restates, then the acts whose changes it incorporates:
# "Herved bekendtgøres <loven>, jf. lovbekendtgørelse nr. X af …, med de ændringer, der følger af …". The
# wording of the turn varies: "som følger af" (LBK 796/2011, 115/2012, 1298/2013), "med de ændringer som
# følger af" (LBK 1275/2010), "med de ændringer og tilføjelser, der følger af" (LBK 143/2011), "lov nr. 1606
# af 26. december 2013 om vandplanlægning, som ændret ved …" (LBK 126/2017).
_LBK_SPLIT = regex.compile(
    r"med\s+de(?:n)?\s+ændring(?:er)?(?:\s+og\s+tilføjelser)?,?\s+(?:(?:der|som)\s+)?følger\s+af"  # "…, følger af" (LBK 1696/2015)
    r"|,\s*som\s+ændret\s+(?:senest\s+)?ved",
    regex.I,
)


# A sentence of the introduction's notes that says an act's changes are left out: "De ændringer, som følger af § 1 i
# lov nr. 624 af 14. juni 2011, er ikke indarbejdet i denne lovbekendtgørelse, …" (LBK 796/2011; 129 LBKs of the
# corpus have such a note): that act is not incorporated (its changes apply to the LBK's text later)
_LEFT_OUT = regex.compile(r"\bikke\s+(?:er\s+)?(?:blevet\s+)?(?:indarbejdet|medtaget)", regex.I)
_SENTENCE_END = regex.compile(r"(?<=[.:])\s+(?=\p{Lu})")


# the restated LBK cited loosely in the head: "lovbekendtgørelse 1172 af 16. december 1992" (no "nr.", LBK
# 1696/2015, 785/2016, 37/2017), "lovbekendtgørelse nr. 680 20. maj 2015" (no "af", LBK 1164/2016), "lovbekendtørelse
# nr. 198 af …" (LBK 725/2016) — read when the citation reader finds nothing
_LOOSE_LBK = regex.compile(r"lovbekendt\w*\s+(?:nr\.\s*)?(?P<n>\d+)\s+(?:af\s+)?\d{1,2}\.\s*\p{L}+\s+(?P<y>\d{4})", regex.I)


def _kept(tail: str) -> str:
    """The tail of an introduction without the sentences that say an act's changes are left out."""
    return " ".join(x for x in _SENTENCE_END.split(tail) if not _LEFT_OUT.search(x))


def lbk_refs(preamble: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """"Herved bekendtgøres …, jf. lovbekendtgørelse nr. X, med de ændringer, der følger af …"."""
    from lovkons.parsers.citations import find_docrefs  # a scan's (see _scan)

    if not preamble or "bekendtgøres" not in preamble:
        return (), ()
    # the restated document is named in the sentence that says "bekendtgøres", before the turn to the
    # changes: not in the paragraphs after it, which name changes left out (LBK 1529/2015: "… jf. § 5, stk.
    # 3, i lov nr. 179 af 24. februar 2015" restates LBK 1351/2015, not that amending act)
    lines = preamble.split("\n")
    at = next(i for i, line in enumerate(lines) if "bekendtgøres" in line)
    parts = _LBK_SPLIT.split(lines[at], maxsplit=1)
    head, tail = parts[0], ("\n".join([parts[1], *lines[at + 1 :]]) if len(parts) > 1 else "")
    first = [k for r in find_docrefs(head) if (k := key_of(r.kind, r.number, r.year))]
    if not first and (loose := _LOOSE_LBK.search(head)):
        first = [k for k in (key_of("LBK", int(loose["n"]), int(loose["y"])),) if k]
    later = [k for r in find_docrefs(_kept(tail)) if (k := key_of(r.kind, r.number, r.year))]
    return tuple(first[-1:]), tuple(dict.fromkeys(later))
