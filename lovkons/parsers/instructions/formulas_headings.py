"""Stage 1 (parsers): the readers of repeals of headings named next to a § or by their words ("Efter § 22 udgår
overskriften", "I kapitel 5 ophæves overskriften »…«, og § 8 ophæves") and of a kapitel's new label
("Kapitelbetegnelsen »…« ændres til: »…«"). The patterns are in formulas.RULES; each reader quotes a real sentence.
"""

from __future__ import annotations

import regex

from lovkons.model.document import Address, Kind, Level, Node
from lovkons.model.edits import Insert, Operation, Relabel, Repeal, RepealAndInsert, Replace
from lovkons.parsers.instructions.context import Ctx, targets
from lovkons.parsers.instructions.targets import Target, parse_targets

# a kapitel or afsnit by its label, as "Kapitelbetegnelsen" quotes it: "Kapitel 5 a" (groups w, l)
_LABEL = regex.compile(r"^(?P<w> Kapitel | Afsnit ) \s+ (?P<l> \w+ (?: \s+ [a-z] )? ) \.? $", regex.I | regex.X)


def headings_named_with_units(ts: list[Target], ctx: Ctx) -> tuple[list[Operation], list[Target]]:
    """Headings named in one list with the units they stand before, for a recast or a repeal and insert: the headings
    go, the units give way to the new text (which brings its own headings); returns (their repeals, the units).
    "Overskriften før § 29, §§ 29 og 30, overskriften før § 31 og § 31 ophæves, og i stedet indsættes: »Enighed
    § 29. …«" (LOV 647/2013); "Overskriften før § 25 a og § 25 a affattes således: »Leverancer af ydelser inden
    for EU § 25 a. …«" (LOV 277/2012 § 2, nr. 7; LBK 106/2013 prints the new heading before the new § 25 a)."""
    headings = [t for t in ts if t.address.last[0] is Level.OVERSKRIFT]
    if not headings or len(headings) == len(ts):
        return [], ts
    return [Repeal(t.address, (), ctx.source) for t in headings], [t for t in ts if t not in headings]


def heading_after_repeal(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Efter § 22 udgår overskriften. (the heading after § 22 goes)"""
    t = targets(m, ctx)[0].address.child(Level.OVERSKRIFT, "efter")
    ctx.warn("TOLERATED_UDGAAR", "structural 'udgår' read as 'ophæves'")
    return [Repeal(t, (), ctx.source)]


def repeal_quoted_heading(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I kapitel 5 ophæves overskriften »Udpegning af drikkevandsforekomster«, og § 8 ophæves. (LOV 1631/2013) — a
    heading named by its words, repealed in one change with the § it stands before: the § with its heading."""
    t = parse_targets(m["t"])[0].address
    words = ctx.q(m["h"])
    ctx.warn("HEADING_QUOTED", f"the heading »{words}« is read as the heading before {t} (repealed with it, its words "
             "checked)")
    return [Repeal(t.child(Level.OVERSKRIFT, "før"), (), ctx.source, words=words), Repeal(t, (), ctx.source)]


def relabel_chapter(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel 5 b«. (LOV 594/2011 § 85, nr. 5) — the kapitel's label
    changes, its heading and §§ stay. Both quotes must name the same kind of unit, else the clause is not this one."""
    old, new = _LABEL.match(ctx.q(m["a"]).strip()), _LABEL.match(ctx.q(m["b"]).strip())
    if not old or not new or old["w"].lower() != new["w"].lower():
        return []
    level = Level.KAPITEL if old["w"].lower() == "kapitel" else Level.AFSNIT
    return [Relabel(Address(((level, " ".join(old["l"].split())),)), " ".join(new["l"].split()), ctx.source)]


def heading_between_replace(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Overskriften efter § 61 før overskriften til § 62 affattes således: »Adgange« (LOV 1520/2014 § 141, nr. 51) —
    of the headings between § 61 and § 62 the first, the one right after § 61 (§ 62's own heading stays): the heading
    "mellem" (between), which the amender finds only where at least two headings stand after § 61."""
    after, before = parse_targets(m["t"])[0].address, parse_targets(m["n"])[0].address
    if after.parent != before.parent:
        return []
    return [Replace(after.child(Level.OVERSKRIFT, "mellem"), (), ctx.q(m["p"]), ctx.source)]


def units_in_heading_place(heading: Address, payload: tuple[Node, ...], ctx: Ctx) -> list[Operation]:
    """Overskriften efter § 5 udgår, og i stedet indsættes: »§ 6. Økonomi- og indenrigsministeren nedsætter …«
    (LOV 584/2012 § 1, nr. 3): the heading right after § 5 goes and the new §§ stand in its place, right after § 5
    (one operation: refused whole by the amender when the new §§ do not fit there)."""
    if not payload or any(n.kind is not Kind.PARAGRAF for n in payload):
        raise ValueError("only new §§ are read in the place of a heading after a §")
    return [RepealAndInsert(heading, _with_trailing_heading(payload), (), None, ctx.source)]


# the heading the quote ends with, for the units after the new §§, flattened onto the last sentence: "… sammenligning
# af budget og regnskab. Udviklingsbidrag fra kommunerne«" (LOV 584/2012 § 1, nr. 3; a Rubrica after the § in the XML):
# words after a full stop, with a capital and without a full stop of their own
_TRAILING_HEADING = regex.compile(r"(?<= [.] ) \s+ (?P<h> \p{Lu} [^.:;!?»«()§]{2,80}? ) \s* $", regex.X)


def _with_trailing_heading(payload: tuple[Node, ...]) -> tuple[Node, ...]:
    """The new §§, and the heading that follows them when the quote ends with one (kept as a heading, not as words of
    the last stk.)."""
    path = [payload[-1]]
    while path[-1].children:
        path.append(path[-1].children[-1])
    m = _TRAILING_HEADING.search(path[-1].text)
    if not m:
        return payload
    node = path[-1].with_(text=path[-1].text[: m.start()])
    for holder in reversed(path[:-1]):
        node = holder.with_(children=(*holder.children[:-1], node))
    return (*payload[:-1], node, Node(Kind.OVERSKRIFT, text=m["h"].strip()))


# a line of a quoted kapitel that is a heading, not a unit: no § sign, no "Stk.", no closing full stop
_HEADING_LINE = regex.compile(r"^(?!§|Stk\.|\d+\)|[a-zæøå]\))[^\n]{2,120}(?<![.:;])$")


def kapitel_heading_instead(heading: Address, raw: str, ctx: Ctx) -> list[Operation]:
    """Overskriften til kapitel 1 ophæves, og i stedet indsættes: »Kapitel 1 / Lovens anvendelsesområde og
    definitioner / Anvendelsesområde« (LOV 631/2016 § 1, nr. 2) — the kapitel's heading is recast, and a heading line
    after it is the mellemoverskrift that now opens the kapitel, before its first § (LBK 1167/2016 prints it before
    § 1). The quote must name the same kapitel and hold no more than its heading and one such line: new §§ in the
    quote ("»Kapitel 6 / Henstand ved ophør af skattepligt / § 17. …«", LOV 202/2015 § 4, nr. 1) have no place said
    (the old kapitel's §§ stay or go?) and are refused (clauses._REFUSED)."""
    holder = heading.parent
    lines = [" ".join(ln.split()) for ln in raw.strip().removeprefix("»").removesuffix("«").split("\n") if ln.strip()]
    label = _LABEL.match(lines[0]) if lines else None
    if (label is None or len(holder.steps) != 1 or holder.last[0] is not Level.KAPITEL
            or label["w"].lower() != "kapitel" or " ".join(label["l"].split()).lower() != holder.last[1].lower()
            or not 2 <= len(lines) <= 3 or not all(_HEADING_LINE.match(ln) for ln in lines[1:])):
        raise ValueError("not a kapitel heading with the heading that opens it")
    ops: list[Operation] = [Replace(heading, (), lines[1], ctx.source)]
    if len(lines) == 3:
        ops.append(Insert(heading, (Node(Kind.OVERSKRIFT, text=lines[2]),), "after", lines[2], source=ctx.source))
    return ops
