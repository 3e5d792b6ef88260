"""Stage 1 (parsers): what every formula reader shares: the clause context (quotes lifted out as Q0,
Q1 …, the scope carried over from the previous clause, the amending document's own bilag) and the
small helpers that turn a match into targets, counts and payloads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import regex

from lovkons.model.document import Address, Kind, Level, Node, Problem, Source
from lovkons.model.edits import Insert, Operation
from lovkons.parsers.instructions.payload import clean_inline, parse_payload
from lovkons.parsers.instructions.targets import COUNTS, Target, parse_targets


@dataclass
class Ctx:
    """What a rule needs besides its match: the quotes, the carried-over scope, the source."""

    quotes: tuple[str, ...]
    source: Source
    base: Address | None = None  # scope of the previous clause of the same item
    last_targets: list[Target] = field(default_factory=list)
    bilag: dict[str, tuple[Node, ...]] = field(default_factory=dict)  # the amending doc's own bilag
    problems: list[Problem] = field(default_factory=list)

    def q(self, n: str | None) -> str:
        return clean_inline(self.quotes[int(n)]) if n is not None else ""

    def raw(self, n: str | None) -> str:
        return self.quotes[int(n)] if n is not None else ""

    def warn(self, code: str, message: str) -> None:
        self.problems.append(Problem(code, message, "warning", source=str(self.source)))


# A formula reader: the match of its pattern (the whole clause) and the context → operations.
# Raising ValueError (TargetError, a substitution of the wrong shape) hands the clause to the next rule.
Rule = Callable[[regex.Match[str], Ctx], list[Operation]]


def targets(m: regex.Match[str], ctx: Ctx, group: str = "t") -> list[Target]:
    """The targets named in `group`, continuing the scope; remembered for the clauses that follow."""
    ts = parse_targets(m[group], base=ctx.base)
    ctx.last_targets = ts
    return ts


def refined(m: regex.Match[str], ctx: Ctx) -> list[Target]:
    """The targets, narrowed by "i 1. pkt." written after the verb."""
    ts = targets(m, ctx)
    if m["sub"]:
        return [s for t in ts for s in parse_targets(m["sub"], base=t.address)]
    return ts


def count(m: regex.Match[str], t: Target, n_targets: int = 1) -> int:
    """Occurrences per target; "udgår to steder »A«" over two punktummer is one in each."""
    word = m.groupdict().get("cnt")
    if word:
        n = int(word) if word.isdigit() else COUNTS[word.lower()]
        return 1 if n_targets > 1 and n == n_targets else n
    return t.count or 1


def all_or(t: Target) -> int | Literal["all"]:
    """A continuation clause over "overalt i loven" changes every occurrence, else the target's count."""
    return "all" if t.address.steps and t.address.last[0] is Level.DOKUMENT else (t.count or 1)


def position(word: str) -> Literal["after", "before"]:
    """"efter" / "før" → the position of an insertion."""
    return "after" if word.lower() == "efter" else "before"


def expect(addr: Address) -> Kind | None:
    """The kind of node a payload for `addr` should hold (a stk., nr. or litra), if any."""
    level = addr.last[0]
    return {Level.STK: Kind.STK, Level.NR: Kind.NR, Level.LITRA: Kind.LITRA}.get(level)


def is_textual(addr: Address) -> bool:
    """Units whose new content is a string, not nodes: pkt., titel, titelnote, indledning, heading."""
    return addr.last[0] in (Level.PKT, Level.TITEL, Level.TITELNOTE, Level.INDLEDNING, Level.OVERSKRIFT)


def insert_op(anchor: Address, pos: str, p: str | None, ctx: Ctx, unit: Address | None = None) -> Insert:
    """An insertion at `anchor` of quote `p`: a sentence (pkt.) as text, any other unit as nodes."""
    shape = unit or anchor
    if shape.last[0] is Level.PKT:
        return Insert(anchor, (), pos, ctx.q(p), source=ctx.source)  # type: ignore[arg-type]
    return Insert(anchor, parse_payload(ctx.raw(p), expect(shape)), pos, source=ctx.source)  # type: ignore[arg-type]


def pairs(text: str) -> list[tuple[str, str]]:
    """"Q0 til: Q1" / "Q0 og Q1 til: Q2 og Q3" / "Q0 til Q1, og Q2 til: Q3" → [(0, 1), (2, 3)]."""
    segments = regex.split(r"\s+(?:ændres\s+)?til:?\s+", text.strip())
    if len(segments) < 2:
        raise ValueError(f"not a substitution: {text!r}")
    lists = [regex.findall(r"Q(\d+)", seg) for seg in segments]
    for seg in segments:
        if regex.sub(r"Q\d+|,|\bog\b|\bændres\b|\s", "", seg):
            raise ValueError(f"not a substitution: {text!r}")
    out: list[tuple[str, str]] = []
    olds = lists[0]
    for i, seg_quotes in enumerate(lists[1:], start=1):
        k = len(olds) if i < len(lists) - 1 else len(seg_quotes)
        news, rest = seg_quotes[:k], seg_quotes[k:]
        if len(news) != len(olds) or not olds:
            raise ValueError(f"{len(olds)} old texts but {len(news)} new texts in {text!r}")
        out.extend(zip(olds, news, strict=True))
        olds = rest
    return out


def quote_numbers(text: str) -> list[str]:
    """The quote numbers in a template part: "Q3, Q4 og Q5" → ["3", "4", "5"]."""
    return regex.findall(r"Q(\d+)", text)
