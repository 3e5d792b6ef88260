"""Stage 2 (amender): dates that decide what is in force: an order's general commencement and
built-in end ("…, og ophæves den 1. juli 2013"), a main document's commencement and the documents it
repeals. Each numbered item's own date is set by the instruction reader (`Item.in_force`).
Input: parsed values (AmendingDocument, Document); output: dates and DocRefs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from lovkons.model.document import Document, Kind, Node
from lovkons.model.edits import AmendingDocument, DocRef
from lovkons.parsers.citations import find_docrefs
from lovkons.parsers.dates import find_danish_dates

_COMMENCES = regex.compile(r"træder\s+i\s+kraft", regex.I)
_ENDS = regex.compile(r"ophæves\s+(?:med\s+udgangen\s+af|den)\s+", regex.I)
_REPEALS = regex.compile(r"\bophæves\b|\bbortfalder\b", regex.I)


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
    """Commencement facts of a main document read from its own text."""

    in_force: dt.date | None
    expires: dt.date | None
    repeals: tuple[DocRef, ...]


def _texts(node: Node) -> list[str]:
    out = [node.text] if node.text else []
    for child in node.children:
        out.extend(_texts(child))
    return out


def base_dates(doc: Document, *, max_paragraffer: int = 4) -> BaseDates:
    """Scan the last §§ of a main document for "træder i kraft den …", "ophæves den …" and
    "Bekendtgørelse nr. … ophæves." (commencement stands at the end by drafting convention)."""
    paras = [p for p in doc.paragraffer() if not p.repealed][-max_paragraffer:]
    in_force: dt.date | None = None
    expires: dt.date | None = None
    repeals: list[DocRef] = []
    for para in paras:
        for stk in (c for c in para.children if c.kind is Kind.STK):
            text = " ".join(_texts(stk))
            start = _COMMENCES.search(text)
            if start and in_force is None:
                dates = [d for d, s, _ in find_danish_dates(text) if s > start.start()]
                in_force = dates[0] if dates else None
            end = _ENDS.search(text)
            if end:
                dates = [d for d, s, _ in find_danish_dates(text) if s >= end.end()]
                expires = dates[0] if dates else expires
            if _REPEALS.search(text) and not end:
                repeals.extend(r for r in find_docrefs(text) if r.number is not None)
    return BaseDates(in_force, expires, tuple(repeals))
