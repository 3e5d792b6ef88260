"""Stage 1 (parsers): what every formula reader shares: the clause context (quotes lifted out as Q0,
Q1 …, the scope carried over from the previous clause, the amending document's own bilag) and the
small helpers that turn a match into targets, counts and payloads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from typing import Literal

import regex

from lovkons.model.document import Address, Kind, Level, Node, Problem, Source
from lovkons.model.edits import Count, Insert, Operation
from lovkons.parsers.instructions.payload import clean_inline, parse_payload
from lovkons.parsers.instructions.targets import COUNTS, Target, parse_targets
from lovkons.parsers.tokens import TokenTable, first_token


@dataclass
class Ctx:
    """What a rule needs besides its match: the quotes, the carried-over scope, the source."""

    quotes: tuple[str, ...]
    source: Source
    base: Address | None = None  # scope of the previous clause of the same item
    last_targets: list[Target] = field(default_factory=list)
    bilag: dict[str, tuple[Node, ...]] = field(default_factory=dict)  # the amending doc's own bilag
    problems: list[Problem] = field(default_factory=list)
    # "I § 1, nr. 9, ophæves § 16, nr. 6.": the item of an earlier amending act the clauses change
    # (formulas_items); its rykningsklausul ("Nr. 7-18 bliver herefter nr. 6-17.") is about that item's text
    item: Address | None = None
    # the formula table (formulas.apply_rules, set by clauses.parse_instruction) for the readers that read a narrowed
    # or reordered clause through it again (formulas_parts, formulas_items): no import circle
    reread: Callable[[str, Ctx], tuple[str, list[Operation]] | None] | None = None

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
    """The targets, narrowed by "i 1. pkt." written after the verb, or named there again with their counts."""
    ts = targets(m, ctx)
    if m["sub"]:
        return counted_again(m, ts) or [s for t in ts for s in parse_targets(m["sub"], base=t.address)]
    return ts


def counted_again(m: regex.Match[str], ts: Sequence[Target]) -> list[Target] | None:
    """The clause's own units named again after the verb, each with how often it holds the text: "I § 46,
    stk. 12 og 13, der bliver stk. 13 og 14, ændres to steder i stk. 12 og et sted i stk. 13 »stk. 11« til:
    »stk. 12«" (LOV 578/2015 § 3, nr. 11; LBK 760/2016 § 46, stk. 13 and 14 print »stk. 12« two places and
    one). The count words stand with the units they count, as before the targets ("To steder i § 39, stk. 1,
    og et sted i § 39, stk. 2, ændres …"); the first is the one read after the verb ("ændres to steder"). Taken
    only when the units named after the verb are the clause's units, each once and each with a count."""
    groups = m.groupdict()
    if not groups.get("vcnt") or groups.get("valt") or len(ts) < 2:
        return None
    try:
        again = parse_targets(f"{groups['vcnt']} steder i {groups['sub']}", base=ts[0].address)
    except ValueError:
        return None
    by_unit = {t.address: t for t in ts}
    if (len(again) != len(by_unit) or {a.address for a in again} != set(by_unit)
            or any(a.count is None for a in again)):
        return None
    return [dc_replace(by_unit[a.address], count=a.count) for a in again]


def count(m: regex.Match[str], t: Target, ts: Sequence[Target] = (), ctx: Ctx | None = None,
          sub: Substitution | None = None) -> Count:
    """Occurrences in target `t` (one of the clause's targets `ts`): the count of its substitution group
    ("tre steder »A« til: »B«"), else the one after the verb ("ændres to steder"), else the one before
    the targets, which belongs to the first ("Fem steder i § 10 og i § 16, stk. 1, …": five in § 10,
    one in § 16), else the target's own ("og to steder i § 35, stk. 5"). "udgår to steder »A«" over
    two punktummer is one in each; "i alt tre steder" over several units is every occurrence in each
    (said in a warning: the total is not checked)."""
    groups = m.groupdict()
    n_targets = max(len(ts), 1)
    if t.count is not None and groups.get("vcnt") and groups.get("sub") and all(x.count is not None for x in ts):
        return t.count  # each unit named again after the verb with its own count (counted_again)
    if sub is not None and sub.count is not None:
        n, total = sub.count, sub.total
    elif sub is None and groups.get("vcnt"):
        n, total = _number(groups["vcnt"]), bool(groups.get("valt"))
    elif groups.get("cnt") and (not ts or t is ts[0]):
        return _number(groups["cnt"])
    else:
        return t.count or 1
    if total and n_targets > 1:
        if ctx is not None:
            ctx.warn("COUNT_OVER_TARGETS", f"'i alt {n} steder' over {n_targets} units: every occurrence in each "
                     "is changed (the total is not checked)")
        return "all"
    return 1 if n_targets > 1 and n == n_targets else n


def _number(word: str) -> int:
    return int(word) if word.isdigit() else COUNTS[word.lower()]


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


# The words of a substitution list after the verb (quotes already Q0, Q1 …), in the order tried.
_SUBST_TOKENS: TokenTable = (
    ("quote", regex.compile(r"Q(?P<n>\d+)")),  # a quoted text
    ("til", regex.compile(r"(?:ændres\s+)?til:?(?=\s|$)", regex.I)),  # "til:" / "ændres til:"
    ("one", regex.compile(r"et\s+sted\b", regex.I)),  # "og et sted ændres »A« til: »B«" (LOV 903/2013)
    ("count", regex.compile(rf"(?P<alt>i\s+alt\s+)?(?P<c>{'|'.join(COUNTS)}|\d+)\s+(?:steder|gange)\b", regex.I)),  # "to steder"
    ("sep", regex.compile(r"[\s,]+|og\b|ændres\b", regex.I)),  # between quotes
)


_NEXT_QUOTE = regex.compile(r"[\s,]*(?:og\s+)?(?:ændres\s+)?Q\d", regex.I)
_AFTER_QUOTE = regex.compile(r"Q\d+\s*$")  # a count after the new text: "til: »B« tre gange"


@dataclass(frozen=True, slots=True)
class Substitution:
    old: str  # quote numbers
    new: str
    count: int | None = None  # "tre steder »stk. 9« til: »stk. 7«"; None: as the clause says
    total: bool = False  # "i alt tre steder": over all the targets together


def substitutions(text: str, first_count: str | None = None, first_total: bool = False) -> list[Substitution]:
    """The pairs of a substitution list: "Q0 til: Q1" / "Q0 og Q1 til: Q2 og Q3" (pairwise) / "Q0 til
    Q1, og Q2 til: Q3" / "Q0, Q1 og Q2 til: Q3" (several spellings, one new text: "Overalt i loven
    ændres »jobplan«, »Jobplan« og »Jobplanen« til: »…«") / "Q0 to steder til: Q1" / "Q0 til: Q1, tre
    steder Q2 til: Q3 og tre steder Q4 til: Q5" (a count before or after the old text belongs to its
    group). `first_count`: a count written before the list ("ændres to steder »A« til: »B«").
    ValueError when the text is not such a list."""
    groups: list[tuple[tuple[str | None, bool], list[str], list[str]]] = []
    count: tuple[str | None, bool] = (first_count, first_total)
    olds: list[str] = []
    buffer: list[str] = []
    in_news = False
    pos = 0
    s = text.strip()
    while pos < len(s):
        token = first_token(_SUBST_TOKENS, s, pos)
        if token is None:
            raise ValueError(f"not a substitution: {text!r}")
        name, m = token
        pos = m.end()
        if name == "quote":
            (buffer if in_news else olds).append(m["n"])
        elif name in ("count", "one"):
            after_quote = _AFTER_QUOTE.search(s[: m.start()]) is not None  # "til: »B« tre gange"
            if in_news and not after_quote and _NEXT_QUOTE.match(s, pos):  # "…, tre steder »C« til: »D«": a new group
                groups.append((count, olds, _news(olds, buffer, final=True, text=text)))
                olds, buffer, in_news = [], [], False
            # else it counts the group before it: "til: »B« to steder"
            count = ("1", False) if name == "one" else (m["c"], bool(m["alt"]))
        elif name == "til":
            if not olds:
                raise ValueError(f"nothing to change before 'til' in {text!r}")
            if in_news:
                news = _news(olds, buffer, final=False, text=text)
                groups.append((count, olds, news))
                olds, count = buffer[len(news):], (None, False)
                buffer = []
            in_news = True
    if not in_news:
        raise ValueError(f"not a substitution: {text!r}")
    groups.append((count, olds, _news(olds, buffer, final=True, text=text)))
    out: list[Substitution] = []
    for (word, total), group_olds, news in groups:
        n = None if word is None else int(word) if word.isdigit() else COUNTS[word.lower()]
        targets = news if len(news) == len(group_olds) else news * len(group_olds)
        out += [Substitution(a, b, n, total) for a, b in zip(group_olds, targets, strict=True)]
    return out


def _news(olds: list[str], buffer: list[str], *, final: bool, text: str) -> list[str]:
    """The new texts of a group out of the quotes after its "til": as many as the old texts (the rest
    begins the next group), or one for all of them."""
    if final and len(buffer) in (len(olds), 1) and buffer:
        return buffer
    if not final and len(buffer) > len(olds):
        return buffer[: len(olds)]
    if not final and len(olds) > 1 and len(buffer) >= 2:
        return buffer[:1]
    raise ValueError(f"{len(olds)} old texts but {len(buffer)} new texts in {text!r}")


def pairs(text: str) -> list[tuple[str, str]]:
    """"Q0 til: Q1" / "Q0 og Q1 til: Q2 og Q3" / "Q0 til Q1, og Q2 til: Q3" → [(0, 1), (2, 3)]."""
    return [(sub.old, sub.new) for sub in substitutions(text)]


_QUOTE_NUMBER = regex.compile(r"Q(\d+)")


def quote_numbers(text: str) -> list[str]:
    """The quote numbers in a template part: "Q3, Q4 og Q5" → ["3", "4", "5"]."""
    return _QUOTE_NUMBER.findall(text)
