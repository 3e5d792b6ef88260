"""Stage 2 (amender): which change blocks cite the base — the base's own number and year and, for an LBK, those
of the document it restates (its introduction, as parsers.lbk_intro reads it), else its title.

Input: the base Document and a ChangeBlock; output: whether the block amends the base (`cites_base`).
"""

from __future__ import annotations

import datetime as dt

import regex

from lovkons.model.document import Document
from lovkons.model.edits import ChangeBlock, DocRef
from lovkons.parsers.citations import find_docrefs
from lovkons.parsers.lbk_intro import read_lbk_intro

_SPACES = regex.compile(r"\s+")
_ORDER_WORDS = regex.compile(r"^(bekendtgørelse af|bekendtgørelse om|lovbekendtgørelse af)\s+")
_LAW_WORDS = regex.compile(r"^(lov om|bekendtgørelse om)\s+")


def _norm_title(title: str | None) -> str:
    t = _SPACES.sub(" ", (title or "").casefold()).strip(" .,")
    t = _ORDER_WORDS.sub("", t)
    return _LAW_WORDS.sub("", t)


def base_refs(base: Document) -> list[tuple[int, int, dt.date | None]]:
    """(number, year, date) of the base and, for an LBK, of the document it restates ("Herved bekendtgøres …, jf.
    lovbekendtgørelse nr. 1255 af 16. november 2015, med de ændringer, der følger af …" / "… lov nr. 463 af …"):
    an act drafted before the LBK was issued cites the law by that one. Never an act the introduction lists as
    amending it ("…, som ændret ved § 91 i lov nr. 1715 af 27. december 2016", LBK 126/2017) or as not
    incorporated (LOV 742/2015 in LBK 938/2015): a block citing one of those amends that act, not the base."""
    out: list[tuple[int, int, dt.date | None]] = []
    m = base.meta
    if m.number is not None and m.year is not None:
        out.append((m.number, m.year, m.date))
    restated = read_lbk_intro(base.preamble).restates if m.kind.startswith("LBK") else None
    if restated is not None and restated.number is not None and restated.date is not None:
        out.append((restated.number, restated.date.year, restated.date))
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
