"""Stage 2 (amender): dates that decide what is in force: each numbered item's own commencement,
a main document's commencement, built-in end ("…, og ophæves den 1. juli 2013") and the documents
it repeals. Input: parsed values (AmendingDocument, Document); output: dates and DocRefs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from parsers.citations import find_docrefs
from parsers.dates import find_danish_dates
from parsers.edits import AmendingDocument, ChangeBlock, Commencement, DocRef, Item
from parsers.model import Document, Kind, Node

_PARA = regex.compile(r"§§?\s*(?P<p>\d+(?:\s*[a-zA-Z](?![a-zæøå]))?)")
_NRS = regex.compile(r"nr\.\s*(?P<list>[\d\s,–-]+(?:\s*(?:og|samt)\s*\d+)?)", regex.I)
_COMMENCES = regex.compile(r"træder\s+i\s+kraft", regex.I)
_ENDS = regex.compile(r"ophæves\s+(?:med\s+udgangen\s+af|den)\s+", regex.I)
_REPEALS = regex.compile(r"\bophæves\b|\bbortfalder\b", regex.I)


def _numbers(spec: str) -> set[int]:
    """"3 og 7" / "1-5, 7" / "2–7" → {…}."""
    out: set[int] = set()
    for part in regex.split(r",|\bog\b|\bsamt\b", spec):
        m = regex.fullmatch(r"\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*", part)
        if m:
            lo, hi = int(m[1]), int(m[2] or m[1])
            out.update(range(lo, hi + 1))
    return out


@dataclass(frozen=True, slots=True)
class Scope:
    """What a commencement rule covers: whole document, some §§, or some items of one §."""

    paragraffer: frozenset[str] | None  # None = the whole document
    items: frozenset[int] | None = None  # None = every item of those §§

    def covers(self, paragraf: str, item: int) -> bool:
        if self.paragraffer is None:
            return True
        if paragraf not in self.paragraffer:
            return False
        return self.items is None or item in self.items

    @property
    def rank(self) -> int:
        return 0 if self.paragraffer is None else (1 if self.items is None else 2)


def scope_of(applies_to: str) -> Scope:
    """"all" → whole; "§ 1, nr. 4" → items; "§ 7" / "§§ 5 og 6" → §§."""
    text = applies_to.replace("\u00a0", " ")
    paras = frozenset(regex.sub(r"\s+", " ", m["p"]) for m in _PARA.finditer(text))
    if not paras or applies_to.strip().lower() in ("all", "alle"):
        return Scope(None)
    nrs = _NRS.search(text)
    return Scope(paras, frozenset(_numbers(nrs["list"])) if nrs else None)


def item_in_force(order: AmendingDocument, block: ChangeBlock, item: Item) -> dt.date | None:
    """The day an item takes effect: its own date when the parser set one, else the most specific
    commencement rule covering it (`§ 1, nr. 4, træder i kraft …` beats the general rule).
    None = undetermined (e.g. the minister sets the date): such items are pending, never applied."""
    if item.in_force is not None:
        return item.in_force
    best: tuple[int, Commencement] | None = None
    for rule in order.commencement:
        scope = scope_of(rule.applies_to)
        if scope.covers(block.paragraf, item.number) and (best is None or scope.rank > best[0]):
            best = (scope.rank, rule)
    return best[1].date if best else None


def order_start(order: AmendingDocument) -> dt.date | None:
    """The general commencement date of an order (the rule that covers everything)."""
    general = [c for c in order.commencement if scope_of(c.applies_to).paragraffer is None]
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
