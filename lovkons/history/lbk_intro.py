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
    r"med\s+de(?:n)?\s+ændring(?:er)?(?:\s+og\s+tilføjelser)?,?\s+(?:der|som)\s+følger\s+af|,\s*som\s+ændret\s+(?:senest\s+)?ved",
    regex.I,
)


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
    later = [k for r in find_docrefs(tail) if (k := key_of(r.kind, r.number, r.year))]
    return tuple(first[-1:]), tuple(dict.fromkeys(later))
