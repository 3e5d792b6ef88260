"""Stage 2 (history): the numbered changes an LBK says it has not incorporated, number by number, for the
timeline: an item handed on to that LBK (history.timeline) is in its text unless the LBK says it is not.

Read by parsers.not_incorporated, as the eval reads them (the one reading): "De ændringer, der vedrører § 41,
stk. 4-7, og § 66, stk. 2, og som følger af § 1, nr. 2-6, i lov nr. 1877 af 29. december 2015 …, er ikke
indarbejdet i denne lovbekendtgørelse" (LBK 1141/2016, whose head names "§ 1, nr. 1, i lov nr. 1877 af 29.
december 2015"): nr. 2-6 of LOV 1877/2015 § 1 are handed on as not yet incorporated, nr. 1 is in the text.
Drafting convention (Justitsministeriets vejledning om lovbekendtgørelser, as parsers.not_incorporated cites it):
an LBK that names some numbered changes of an act's § as not incorporated has incorporated the § 's others.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from lovkons.history.identifiers import key_of

if TYPE_CHECKING:
    from lovkons.model.document import Document

# (the act's corpus key, its § or None for the whole act, its numbered changes or None for the whole §, the
# numbered changes it names only in part: "§ 1, nr. 1 delvis og nr. 2-7, i lov nr. 900 af 4. juli 2013", LBK 1330/2013)
Withheld = tuple[str, str | None, tuple[int, ...] | None, tuple[int, ...]]


class _Lbk(Protocol):  # history.facts.Facts (not imported: facts imports this module)
    @property
    def withheld(self) -> tuple[Withheld, ...]: ...
    @property
    def incorporates(self) -> tuple[str, ...]: ...


class _Item(Protocol):  # history.timeline.Change
    @property
    def order(self) -> str: ...
    @property
    def paragraf(self) -> str: ...
    @property
    def item(self) -> int: ...


def withheld_items(lbk: Document) -> tuple[Withheld, ...]:
    """What an LBK's introduction and notes say it has not incorporated (parsers.not_incorporated)."""
    from lovkons.parsers.not_incorporated import said_not_incorporated  # a scan's (see history.facts._scan)

    out: list[Withheld] = []
    for w in said_not_incorporated(lbk):
        key = key_of("LOV", w.number, w.year)
        if key is not None:
            out.append((key, w.paragraf, None if w.items is None else tuple(sorted(w.items)), tuple(sorted(w.partly))))
    return tuple(dict.fromkeys(out))


def _same(a: str, b: str) -> bool:
    return a.replace(" ", "") == b.replace(" ", "")


def in_text_of(lbk: _Lbk, change: _Item) -> bool:
    """Whether the text of `lbk`, to which `change` is handed on, holds it: not when the LBK says the item (its
    §, its act) is not incorporated, nor when it says so of a part of the item ("nr. 1 delvis", or the units the
    part concerns: "De ændringer, der vedrører § 41, stk. 4-7, …, og som følger af § 1, nr. 2-6", LBK 1141/2016):
    a handed-on item is one Change, in the text or not, while such an item is in it only in part — the eval
    splits it by its operations (amender.item_part), the timeline does not, so it is not taken as in the text,
    as parsers.not_incorporated's `incorporated_by_base` reads it; yes when it says so of other items of the
    same § of the act, or names the act among those it incorporates."""
    named = [w for w in lbk.withheld if w[0] == change.order and (w[1] is None or _same(w[1], change.paragraf))]
    if any(paragraf is None or items is None or change.item in items or change.item in partly
           for _, paragraf, items, partly in named):
        return False
    return bool(named) or change.order in lbk.incorporates
