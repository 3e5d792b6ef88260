"""Stage 2 (amender): which change blocks cite the base — the base's own number and year and, for an LBK, those
of the laws it consolidates (its preamble before "med de ændringer"), else its title.

Input: the base Document and a ChangeBlock; output: whether the block amends the base (`cites_base`).
"""

from __future__ import annotations

import datetime as dt

import regex

from lovkons.model.document import Document
from lovkons.model.edits import ChangeBlock, DocRef
from lovkons.parsers.citations import find_docrefs

_SPACES = regex.compile(r"\s+")
_ORDER_WORDS = regex.compile(r"^(bekendtgørelse af|bekendtgørelse om|lovbekendtgørelse af)\s+")
_LAW_WORDS = regex.compile(r"^(lov om|bekendtgørelse om)\s+")
_WITH_CHANGES = regex.compile(r"med de ændringer|med den ændring")  # an LBK preamble: "…, med de ændringer, der følger af …"


def _norm_title(title: str | None) -> str:
    t = _SPACES.sub(" ", (title or "").casefold()).strip(" .,")
    t = _ORDER_WORDS.sub("", t)
    return _LAW_WORDS.sub("", t)


def base_refs(base: Document) -> list[tuple[int, int, dt.date | None]]:
    """(number, year, date) of the base and, for an LBK, of the laws it consolidates (preamble text
    before "med de ændringer": "…, jf. lovbekendtgørelse nr. 1255 af 16. november 2015" / "lov nr. 463")."""
    out: list[tuple[int, int, dt.date | None]] = []
    m = base.meta
    if m.number is not None and m.year is not None:
        out.append((m.number, m.year, m.date))
    pre = base.preamble or ""
    if m.kind.startswith("LBK") and pre:
        head = _WITH_CHANGES.split(pre, maxsplit=1)[0]
        out += [(r.number, r.date.year, r.date) for r in find_docrefs(head) if r.number and r.date]
    return out


# "I lov om finansiel virksomhed, jf. lovbekendtgørelse nr. 948 af 2. juli 2013, som ændret bl.a. ved … § 197 i lov nr.
# 598 af 12. juni 2013, …, foretages følgende ændringer" (LOV 268/2014 § 1): the citation of the law ends there
_AMENDED_BY = regex.compile(r"""\bsom\s+ændret\b | \bforetages\b""", regex.VERBOSE)


def cites_base(block: ChangeBlock, base: Document, refs: list[tuple[int, int, dt.date | None]]) -> bool:
    cited: list[DocRef] = [block.target]
    # the acts after "som ændret ved" / "som ændret bl.a. ved" / "som ændret senest ved" amended the law: not it
    head = _AMENDED_BY.split(block.opening, maxsplit=1)[0]
    cited += find_docrefs(head)
    for ref in cited:
        if ref.number is not None and ref.date is not None and any(
            ref.number == n and ref.date.year == y for n, y, _ in refs
        ):
            return True
    title = _norm_title(base.meta.title)
    return bool(title) and any(_norm_title(r.title) == title for r in cited if r.title)
