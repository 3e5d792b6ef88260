"""Stage 1 (parsers): the route-neutral shape every reader (text, XML, HTML) produces before the
instruction grammar runs: the amending document's §§, their numbered items and its own bilag."""

from __future__ import annotations

from dataclasses import dataclass, field

from lovkons.model.document import Meta, Problem


@dataclass(frozen=True, slots=True)
class RawItem:
    number: int
    text: str  # instruction sentence + »payload« + rykningsklausul, as printed
    line: int | None = None


@dataclass(frozen=True, slots=True)
class RawParagraf:
    label: str  # the amending document's own §: "1"
    opening: str | None = None  # "I bekendtgørelse nr. … foretages følgende ændringer:" (None = trailing §)
    heading: str | None = None  # ministry heading (omnibus laws) or "Ikrafttræden"
    items: tuple[RawItem, ...] = ()
    stykker: tuple[str, ...] = ()  # trailing §§: the text of each stk.
    line: int | None = None
    marked_amending: bool = False  # marked as an amending § (LexDania) but without numbered changes


@dataclass(frozen=True, slots=True)
class RawDoc:
    meta: Meta
    paragraffer: tuple[RawParagraf, ...] = ()
    bilag: dict[str, str] = field(default_factory=dict)  # own bilag label → quoted text "»Bilag 2 …«"
    problems: tuple[Problem, ...] = ()
    file: str | None = None
