"""Stage 1 (parsers): one instruction clause (quotes lifted out as Q0, Q1 …) → edit operations.

The ordered table RULES is the grammar: the first rule whose pattern matches the whole clause wins.
Each rule function quotes a real sentence of the formula it reads in its docstring.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import regex

from lovkons.model.document import Address, Kind, Level, Node, Problem, Source
from lovkons.model.edits import (
    DeleteText,
    Insert,
    InsertText,
    Operation,
    Repeal,
    RepealAndInsert,
    Replace,
    ReplaceBilag,
    ReplaceText,
)
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


Rule = Callable[[regex.Match[str], Ctx], list[Operation]]

_Q = r"Q(?P<{}>\d+)"
_DOC = r"(?:bekendtgørelsen|loven|anordningen|regulativet)"
_COUNT = r"(?P<cnt>" + "|".join(COUNTS) + r"|\d+)\s+steder"


def _targets(m: regex.Match[str], ctx: Ctx, group: str = "t") -> list[Target]:
    ts = parse_targets(m[group], base=ctx.base)
    ctx.last_targets = ts
    return ts


def _count(m: regex.Match[str], t: Target, targets: int = 1) -> int:
    """Occurrences per target; "udgår to steder »A«" over two punktummer is one in each."""
    word = m.groupdict().get("cnt")
    if word:
        n = int(word) if word.isdigit() else COUNTS[word.lower()]
        return 1 if targets > 1 and n == targets else n
    return t.count or 1


def _expect(addr: Address) -> Kind | None:
    level = addr.last[0]
    return {Level.STK: Kind.STK, Level.NR: Kind.NR, Level.LITRA: Kind.LITRA}.get(level)


def _is_textual(addr: Address) -> bool:
    """Units whose new content is a string, not nodes: pkt., titel, titelnote, indledning, heading."""
    return addr.last[0] in (Level.PKT, Level.TITEL, Level.TITELNOTE, Level.INDLEDNING, Level.OVERSKRIFT)


def _pairs(text: str) -> list[tuple[str, str]]:
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


# ---------------------------------------------------------------------------------- text rules


def overalt_replace(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Overalt i loven ændres »Miljøklagenævnet« til: »Miljø- og Fødevareklagenævnet«."""
    target = parse_targets(m["t"])[0].address if m["t"] else Address(((Level.DOKUMENT, ""),))
    ctx.last_targets = [Target(target, None)]
    return [ReplaceText(target, ctx.q(a), ctx.q(b), "all", ctx.source) for a, b in _pairs(m["rest"])]


def overalt_delete(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Overalt i loven udgår », jf. dog stk. 2«."""
    target = parse_targets(m["t"])[0].address if m["t"] else Address(((Level.DOKUMENT, ""),))
    return [DeleteText(target, ctx.q(n), "all", ctx.source) for n in regex.findall(r"Q(\d+)", m["rest"])]


def replace_text(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 156, stk. 3, ændres »§ 155« til: »§ 154«. / To steder i § 17, stk. 1, ændres »A« til: »B«."""
    pairs = _pairs(m["rest"])
    targets = _refined(m, ctx)
    return [
        ReplaceText(t.address, ctx.q(a), ctx.q(b), _count(m, t, len(targets)), ctx.source)
        for t in targets
        for a, b in pairs
    ]


def _refined(m: regex.Match[str], ctx: Ctx) -> list[Target]:
    """The targets, narrowed by "i 1. pkt." written after the verb."""
    targets = _targets(m, ctx)
    if m["sub"]:
        return [s for t in targets for s in parse_targets(m["sub"], base=t.address)]
    return targets


def delete_text(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 8, stk. 1, udgår »75 pct.«. / To steder i § 72, stk. 7, udgår »A«."""
    quotes = regex.findall(r"Q(\d+)", m["rest"])
    targets = _refined(m, ctx)
    return [DeleteText(t.address, ctx.q(n), _count(m, t, len(targets)), ctx.source) for t in targets for n in quotes]


def insert_text(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 2, nr. 7, indsættes efter »lov om social pension«: »eller lov om … førtidspension m.v.«
    / I § 27, stk. 3, der bliver stk. 4, indsættes i 1. pkt. efter »§ 19«: »og 19 A«."""
    targets = _refined(m, ctx)
    pos = "after" if m["pos"].lower() == "efter" else "before"
    return [InsertText(t.address, ctx.q(m["a"]), ctx.q(m["b"]), pos, _count(m, t), ctx.source) for t in targets]  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- structural rules


def insert_unit_at(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 41 indsættes efter stk. 1, som et nyt stykke: »Stk. 2. …« / I § 15 indsættes efter nr. 3
    som nyt nummer: »4) …« / I § 45, stk. 1, indsættes efter 1. pkt. som nyt punktum: »…«"""
    pos = "after" if m["pos"].lower() == "efter" else "before"
    ops: list[Operation] = []
    for t in _targets(m, ctx):
        anchors = parse_targets(m["anchor"], base=t.address)
        anchor = anchors[-1].address if pos == "after" else anchors[0].address
        ops.append(_insert(anchor, pos, m["p"], ctx))
    return ops


def insert_as(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 2 indsættes som nr. 10: »10) …« / I § 28 indsættes som stk. 4 : »Stk. 4. …« /
    I § 24, stk. 3, indsættes som 2. pkt.: »…« (append at the end of the unit)."""
    ops: list[Operation] = []
    for t in _targets(m, ctx):
        new = parse_targets(m["unit"], base=t.address)[0].address
        if m["nyt"]:
            ctx.warn("AMBIGUOUS_INSERT", f"'som nyt {m['unit']}' read as: insert so that the new unit becomes {new}")
            ops.append(_insert(new, "before", m["p"], ctx))
        else:
            ops.append(_insert(new.parent if new.steps[:-1] else t.address, "end", m["p"], ctx, unit=new))
    return ops


def insert_new_units(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 3 indsættes som nye stykker: »…« / I § 67 indsættes som nyt stykke: »…« (at the end)."""
    unit = m["unit"].lower()
    kind = Kind.STK if unit.startswith("styk") else Kind.NR if unit.startswith("num") else Kind.LITRA
    return [
        Insert(t.address, parse_payload(ctx.raw(m["p"]), kind), "end", source=ctx.source) for t in _targets(m, ctx)
    ]


def _insert(anchor: Address, pos: str, p: str | None, ctx: Ctx, unit: Address | None = None) -> Insert:
    shape = unit or anchor
    if shape.last[0] is Level.PKT:
        return Insert(anchor, (), pos, ctx.q(p), source=ctx.source)  # type: ignore[arg-type]
    return Insert(anchor, parse_payload(ctx.raw(p), _expect(shape)), pos, source=ctx.source)  # type: ignore[arg-type]


def insert_after_unit(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Efter § 134 indsættes i afsnit IV: »… § 134 a. …« / Efter § 65 indsættes før overskriften
    før § 66: »§ 65 a. …« / Efter kapitel 4 indsættes: »Kapitel 4 a …« / Før § 50 indsættes som ny
    overskrift: »…«"""
    pos = "after" if m["pos"].lower() == "efter" else "before"
    targets = _targets(m, ctx)
    anchor = targets[-1].address if pos == "after" else targets[0].address
    container = parse_targets(m["cont"])[0].address if m["cont"] else None
    heading = heading_of = None
    if m["hpos"]:
        heading = "before_heading" if m["hpos"].lower() == "før" else "after_heading"
        heading_of = parse_targets(m["hof"])[0].address if m["hof"] else None
    if m["ovs"]:  # "som ny overskrift": a stand-alone heading
        node = Node(Kind.OVERSKRIFT, text=ctx.q(m["p"]))
        return [Insert(anchor, (node,), pos, ctx.q(m["p"]), source=ctx.source)]  # type: ignore[arg-type]
    expect = {"stykke": Kind.STK, "stykker": Kind.STK, "nummer": Kind.NR, "numre": Kind.NR}.get((m["unit"] or "").lower())
    payload = parse_payload(ctx.raw(m["p"]), expect)
    return [Insert(anchor, payload, pos, None, container, heading, heading_of, ctx.source)]  # type: ignore[arg-type]


def recast(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """§ 42, stk. 1, affattes således: »For personer …« / § 188 affattes således. »§ 188. …« /
    Overskriften før § 10 affattes således: »…« / Lovens titel affattes således: »…«"""
    if m["dot"]:
        ctx.warn("TOLERATED_PUNCTUATION", "'affattes således.' read as 'affattes således:'")
    targets = _targets(m, ctx)
    if all(_is_textual(t.address) for t in targets) and len(targets) == 1:
        return [Replace(targets[0].address, (), ctx.q(m["p"]), ctx.source)]
    payload = parse_payload(ctx.raw(m["p"]), _expect(targets[0].address))
    if len(targets) == 1:
        return [Replace(targets[0].address, payload, None, ctx.source)]
    labels = [t.address.last[1] for t in targets]
    if [n.label for n in payload] == labels:  # "§ 28, stk. 2 og 3, affattes således: »Stk. 2. … Stk. 3. …«"
        return [Replace(t.address, (n,), None, ctx.source) for t, n in zip(targets, payload, strict=True)]
    group = tuple(t.address for t in targets)
    return [RepealAndInsert(targets[0].address, payload, group, None, ctx.source)]


def repeal(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """§ 47, stk. 4 og 5, ophæves. / §§ 7-9 ophæves. / Overskriften før § 134 ophæves."""
    targets = _targets(m, ctx)
    if m["verb"].lower() == "udgår":
        ctx.warn("TOLERATED_UDGAAR", "structural 'udgår' read as 'ophæves'")
    group = tuple(t.address for t in targets) if len(targets) > 1 else ()
    if all(len(t.address.steps) == 1 and t.address.last[0] is Level.PARAGRAF for t in targets) and not regex.search(
            r"\d\s*[a-zæøå]?\s*[-–‑−]\s*\d", m["t"]):
        group = ()  # "§ 1 og § 5 ophæves" is no run: the heading before § 5 stays (only "§§ 7-9" is one)
    return [Repeal(t.address, group, ctx.source) for t in targets]


def repeal_object(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 33 ophæves stk. 2. (the verb before the unit)"""
    scope = _targets(m, ctx)[0].address
    targets = parse_targets(m["obj"], base=scope)
    ctx.base = targets[0].address
    group = tuple(t.address for t in targets) if len(targets) > 1 else ()
    return [Repeal(t.address, group, ctx.source) for t in targets]


def heading_after_repeal(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Efter § 22 udgår overskriften. (the heading after § 22 goes)"""
    t = _targets(m, ctx)[0].address.child(Level.OVERSKRIFT, "efter")
    ctx.warn("TOLERATED_UDGAAR", "structural 'udgår' read as 'ophæves'")
    return [Repeal(t, (), ctx.source)]


def repeal_and_insert(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """§ 155 ophæves, og i stedet indsættes: »§ 155. … § 155 a. …« / § 38, stk. 2 og 3, ophæves, og
    i stedet indsættes som stk. 2-5: »…«"""
    targets = _targets(m, ctx)
    first = targets[0].address
    container = parse_targets(m["cont"])[0].address if m["cont"] else None
    group = tuple(t.address for t in targets)
    if _is_textual(first):
        return [RepealAndInsert(first, (), group, ctx.q(m["p"]), ctx.source, container)]
    payload = parse_payload(ctx.raw(m["p"]), _expect(first))
    return [RepealAndInsert(first, payload, group, None, ctx.source, container)]


def insert_as_clause(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(§ 357, stk. 4, 1. pkt., ophæves,) og som stk. 5 indsættes: »Stk. 5. …« — relative to the scope."""
    base = ctx.base or Address()
    new = parse_targets(m["unit"], base=base)
    return [_insert(new[0].address.parent, "end", m["p"], ctx, unit=new[0].address)]


def bilag_recast(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Bilag 2 affattes som bilag 1 til denne bekendtgørelse."""
    return [_bilag(m, ctx, insert=False)]


def bilag_insert(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Som bilag 2 indsættes bilag 1 til denne bekendtgørelse."""
    return [_bilag(m, ctx, insert=True)]


def _bilag(m: regex.Match[str], ctx: Ctx, *, insert: bool) -> ReplaceBilag:
    own = ctx.bilag.get(m["k"].strip())
    if own is None:
        ctx.warn("BILAG_NOT_FOUND", f"bilag {m['k']} of the amending document was not found")
    return ReplaceBilag(Address(((Level.BILAG, m["n"].strip()),)), own or (), insert, ctx.source)


def footnote_insert(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Som fodnote til lovens titel indsættes: »1) Loven indeholder bestemmelser, der gennemfører …«"""
    return [Insert(Address(((Level.TITELNOTE, ""),)), (), "end", ctx.q(m["p"]), source=ctx.source)]


def substitution_more(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(I § 15, nr. 3, ændres »A« til: »B«,) og »landet og« ændres til: »landet,«. — same targets."""
    return [
        ReplaceText(t.address, ctx.q(m["a"]), ctx.q(m["b"]), _count(m, t) if m["cnt"] else _all_or(t), ctx.source)
        for t in ctx.last_targets
    ]


def _all_or(t: Target) -> int | Literal["all"]:
    return "all" if t.address.steps and t.address.last[0] is Level.DOKUMENT else (t.count or 1)


def delete_more(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(I § 82 ændres »A« til: »B«,) og », beskæftigelsesankenævnene og de sociale nævn« udgår."""
    quotes = regex.findall(r"Q(\d+)", m["rest"])
    return [DeleteText(t.address, ctx.q(n), _all_or(t), ctx.source) for t in ctx.last_targets for n in quotes]


def delete_next_to_more(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(I § 137 m, stk. 3, 1. pkt., udgår »A«,) og efter »tilsyn med« udgår »anbringelsesstedet eller«.
    — the text B next to A goes: read as »A B« changed to »A« (same targets)."""
    a, b = ctx.q(m["a"]), ctx.q(m["b"])
    space = "" if b[:1] in tuple(",.;:)") else " "
    old = f"{a}{space}{b}" if m["pos"].lower() == "efter" else f"{b} {a}"
    return [ReplaceText(t.address, old, a, _all_or(t), ctx.source) for t in ctx.last_targets]


def insert_in_container(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I kapitel 10 efter overskriften »Administration m.v.« indsættes før § 53: »§ 52 b. …«"""
    pos = "after" if m["pos"].lower() == "efter" else "before"
    anchor = _targets(m, ctx)[0].address
    container = parse_targets(m["cont"])[0].address
    payload = parse_payload(ctx.raw(m["p"]), None)
    return [Insert(anchor, payload, pos, None, container, "after_heading", None, ctx.source)]  # type: ignore[arg-type]


def repeal_object_and_insert(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 7, stk. 2, ophæves 2. pkt., og i stedet indsættes: »For indkomståret 2013 …«"""
    scope = _targets(m, ctx)[0].address
    targets = parse_targets(m["obj"], base=scope)
    first = targets[0].address
    group = tuple(t.address for t in targets)
    if _is_textual(first):
        return [RepealAndInsert(first, (), group, ctx.q(m["p"]), ctx.source)]
    return [RepealAndInsert(first, parse_payload(ctx.raw(m["p"]), _expect(first)), group, None, ctx.source)]


def insert_text_more(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(I § 3 indsættes efter »A«: »B«,) efter »fjernkøling« indsættes: », jf. dog stk. 2« — same targets."""
    pos = "after" if m["pos"].lower() == "efter" else "before"
    return [InsertText(t.address, ctx.q(m["a"]), ctx.q(m["b"]), pos, t.count or 1, ctx.source) for t in ctx.last_targets]  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------ the table

_T = r"(?P<t>.+?)"
_I = rf"(?:(?:{_COUNT}\s+i|I|i)\s+)?"
_UNIT_WORDS = r"(?P<unit>stykke|stykker|nummer|numre|litra|litraer|punktum|punktummer)"
_ANCHOR = r"(?P<anchor>(?:stk\.|nr\.|litra)\s*\w+(?:\s+\w(?![\w.]))?|\d+\.\s*pkt\.)(?:,?\s+(?:der|som)\s+bliver\s+[^,:]+?)?(?=[\s,:])"


def _rx(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.I | regex.V1)


RULES: tuple[tuple[str, regex.Pattern[str], Rule], ...] = (
    ("overalt_replace", _rx(rf"Overalt\s+i\s+(?:{_DOC}|(?P<t>§.+?))(?:\s+og\s+bilag\s+\S+)?,?\s+ændres\s+(?P<rest>Q.+)"), overalt_replace),
    ("overalt_delete", _rx(rf"Overalt\s+i\s+(?:{_DOC}|(?P<t>§.+?)),?\s+udgår\s+(?P<rest>Q\d+(?:(?:,|\s+og)\s+Q\d+)*)"), overalt_delete),
    ("bilag_recast", _rx(r"Bilag\s+(?P<n>\S+)\s+affattes\s+som\s+bilag\s+(?P<k>\S+)\s+til\s+denne\s+(?:bekendtgørelse|lov|anordning)"), bilag_recast),
    ("bilag_insert", _rx(r"Som\s+bilag\s+(?P<n>\S+)\s+indsættes\s+bilag\s+(?P<k>\S+)\s+til\s+denne\s+(?:bekendtgørelse|lov|anordning)"), bilag_insert),
    ("footnote_insert", _rx(r"Som\s+fodnote\s+til\s+\w+\s+titel\s+indsættes:?\s+" + _Q.format("p")), footnote_insert),
    ("replace_text", _rx(rf"{_I}{_T},?\s+ændres\s+(?:{_COUNT}\s+)?(?:i\s+(?P<sub>[^Q]+?)\s+)?(?P<rest>Q\d+.*)"), replace_text),
    ("delete_text", _rx(rf"{_I}{_T},?\s+udgår\s+(?:{_COUNT}\s+)?(?:i\s+(?P<sub>[^Q]+?)\s+)?(?P<rest>Q\d+(?:(?:,|\s+og)\s+Q\d+)*)"), delete_text),
    ("insert_text", _rx(rf"{_I}{_T},?\s+indsættes\s+(?:{_COUNT}\s+)?(?:i\s+(?P<sub>[^Q]+?)\s+)?(?P<pos>efter|før)\s+{_Q.format('a')}:?\s+{_Q.format('b')}"), insert_text),
    ("insert_unit_at", _rx(rf"{_I}{_T},?\s+indsættes\s+(?P<pos>efter|før)\s+{_ANCHOR},?\s*(?:som\s+(?:et\s+)?(?:nyt|nye|ny)\s+{_UNIT_WORDS}(?:\s+\S+)?)?\s*:?\s*{_Q.format('p')}"), insert_unit_at),
    ("insert_as", _rx(rf"{_I}{_T},?\s+indsættes\s+som\s+(?P<nyt>nyt\s+|ny\s+)?(?P<unit>(?:stk\.|nr\.|litra)\s*[\w\s,\-–]+?|\d+\.\s*(?:(?:og|-|–)\s*\d+\.\s*)?pkt\.)\s*:?\s*{_Q.format('p')}"), insert_as),
    ("insert_new_units", _rx(rf"{_I}{_T},?\s+indsættes\s+som\s+(?:et\s+)?(?:nyt|nye|ny)\s+{_UNIT_WORDS}\s*:?\s*{_Q.format('p')}"), insert_new_units),
    ("repeal_object", _rx(rf"I\s+{_T},?\s+ophæves\s+(?P<obj>(?:stk\.|nr\.|litra|\d+\.\s*pkt).*)"), repeal_object),
    ("insert_after_unit", _rx(rf"(?P<pos>Efter|Før)\s+{_T},?\s+indsættes(?:\s+som\s+(?P<ovs>ny\s+overskrift)|\s+som\s+(?:et\s+)?(?:nyt|nye|ny)\s+{_UNIT_WORDS})?(?:\s+i\s+(?P<cont>(?:kapitel|afsnit)\s+\w+(?:\s+\w(?![\w.]))?))?(?:\s+før\s+(?:kapitel|afsnit)\s+\w+(?:\s+\w(?![\w.]))?)?(?:\s+(?P<hpos>før|efter)\s+overskriften\s+(?:Q\d+|(?:før|til)\s+(?P<hof>§\s*\d+(?:\s*\w(?![\w.]))?)))?\s*:?\s*{_Q.format('p')}"), insert_after_unit),
    ("heading_after_repeal", _rx(rf"Efter\s+{_T}\s+udgår\s+overskriften(?:\s+Q\d+)?"), heading_after_repeal),
    ("repeal_and_insert", _rx(rf"(?:I\s+)?{_T},?\s+ophæves␟og\s+i\s+stedet\s+indsættes(?:\s+som\s+[^:Q]+?|\s+i\s+(?P<cont>(?:kapitel|afsnit)\s+\w+(?:\s+\w(?![\w.]))?))?\s*:?\s*{_Q.format('p')}"), repeal_and_insert),
    ("insert_as_clause", _rx(rf"(?:og\s+)?som\s+(?P<unit>(?:stk\.|nr\.|litra)\s*[\w\s\-–]+?|\d+\.\s*pkt\.)\s+indsættes\s*:?\s*{_Q.format('p')}"), insert_as_clause),
    ("recast", _rx(rf"{_T},?\s+affattes\s+således\s*(?:(?P<dot>\.)|:)?\s*{_Q.format('p')}"), recast),
    ("repeal", _rx(rf"{_T},?\s+(?P<verb>ophæves|udgår)"), repeal),
    ("insert_in_container", _rx(rf"I\s+(?P<cont>(?:kapitel|afsnit)\s+\w+(?:\s+\w(?![\w.]))?)\s+efter\s+overskriften\s+Q\d+\s+indsættes\s+(?P<pos>før|efter)\s+{_T}\s*:?\s*{_Q.format('p')}"), insert_in_container),
    ("repeal_object_and_insert", _rx(rf"I\s+{_T},?\s+ophæves\s+(?P<obj>(?:stk\.|nr\.|litra|\d+\.).*?),?␟og\s+i\s+stedet\s+indsættes\s*:?\s*{_Q.format('p')}"), repeal_object_and_insert),
    ("delete_more", _rx(r"(?P<rest>Q\d+(?:(?:,|\s+og)\s+Q\d+)*)\s+udgår"), delete_more),
    ("delete_next_to_more", _rx(rf"(?P<pos>efter|før)\s+{_Q.format('a')}\s+udgår\s+{_Q.format('b')}"), delete_next_to_more),
    ("insert_text_more2", _rx(rf"(?P<pos>efter|før)\s+{_Q.format('a')}:?\s+indsættes:?\s+{_Q.format('b')}"), insert_text_more),
    ("substitution_more", _rx(rf"{_Q.format('a')}\s+(?:ændres\s+)?(?:{_COUNT}\s+)?til:?\s+{_Q.format('b')}"), substitution_more),
    ("insert_text_more", _rx(rf"(?P<pos>efter|før)\s+{_Q.format('a')}\s+indsættes:?\s+{_Q.format('b')}"), insert_text_more),
)


def apply_rules(clause: str, ctx: Ctx) -> tuple[str, list[Operation]] | None:
    """Try the rules in order; the first that matches the whole clause and yields operations wins."""
    for name, rx, rule in RULES:
        m = rx.fullmatch(clause)
        if not m:
            continue
        try:
            ops = rule(m, ctx)
        except ValueError:  # TargetError / substitution shape: try the next rule
            continue
        if ops:
            return name, ops
    return None
