"""Stage 1 (parsers): the readers of the formulas that act on whole units (§, stk., nr., litra, pkt.,
headings, bilag): insert, recast ("affattes således"), repeal, repeal-and-insert. The patterns are in
formulas.RULES; each reader quotes a real sentence it reads.
"""

from __future__ import annotations

import regex

from lovkons.model.document import Address, Kind, Level, Node
from lovkons.model.edits import Insert, Operation, Repeal, RepealAndInsert, Replace, ReplaceBilag
from lovkons.parsers.bilag_lists import listed_nodes
from lovkons.parsers.instructions.context import (
    Ctx,
    expect,
    insert_op,
    is_textual,
    position,
    targets,
)
from lovkons.parsers.instructions.formulas_headings import (
    headings_named_with_units,
    kapitel_heading_instead,
    units_in_heading_place,
)
from lovkons.parsers.instructions.payload import bilag_nodes, parse_payload
from lovkons.parsers.instructions.targets import ORDINAL_ROMAN as _ORDINAL_ROMAN
from lovkons.parsers.instructions.targets import Target, expand_labels, parse_targets


def insert_unit_at(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 41 indsættes efter stk. 1, som et nyt stykke: »Stk. 2. …« / I § 15 indsættes efter nr. 3
    som nyt nummer: »4) …« / I § 45, stk. 1, indsættes efter 1. pkt. som nyt punktum: »…« / I § 3 indsættes
    efter stk. 2, der bliver stk. 4, som stk. 5: »Stk. 5. …« (the new label said; the place decides)"""
    pos = position(m["pos"])
    ops: list[Operation] = []
    for t in targets(m, ctx):
        anchors = parse_targets(m["anchor"], base=t.address)
        if m["as"] and parse_targets(m["as"], base=t.address)[0].address.last[0] is not anchors[0].address.last[0]:
            raise ValueError(f"'som {m['as']}' is no unit of the kind of {m['anchor']}")
        anchor = anchors[-1].address if pos == "after" else anchors[0].address
        ops.append(insert_op(anchor, pos, m["p"], ctx))
    return ops


def insert_as(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 2 indsættes som nr. 10: »10) …« / I § 28 indsættes som stk. 4 : »Stk. 4. …« /
    I § 24, stk. 3, indsættes som 2. pkt.: »…« (append at the end of the unit)."""
    ops: list[Operation] = []
    for t in targets(m, ctx):
        new = parse_targets(m["unit"], base=t.address)[0].address
        if m["nyt"]:
            ctx.warn("AMBIGUOUS_INSERT", f"'som nyt {m['unit']}' read as: insert so that the new unit becomes {new}")
            ops.append(insert_op(new, "before", m["p"], ctx))
        elif t.address.last[0] is Level.TITELNOTE and t.address.last[1] and new.last[0] is Level.PKT:
            # "I fodnote 2 til lovens titel indsættes som 4. pkt.": the punktum of that note (amender.title_notes)
            ops.append(Insert(Address((*t.address.steps, new.last)), (), "end", ctx.q(m["p"]), source=ctx.source))
        else:
            ops.append(insert_op(new.parent if new.steps[:-1] else t.address, "end", m["p"], ctx, unit=new))
    return ops


def insert_new_units(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 3 indsættes som nye stykker: »…« / I § 67 indsættes som nyt stykke: »…« (at the end)."""
    unit = m["unit"].lower()
    kind = Kind.STK if unit.startswith("styk") else Kind.NR if unit.startswith("num") else Kind.LITRA
    return [
        Insert(t.address, parse_payload(ctx.raw(m["p"]), kind), "end", source=ctx.source) for t in targets(m, ctx)
    ]


def insert_after_unit(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Efter § 134 indsættes i afsnit IV: »… § 134 a. …« / Efter § 65 indsættes før overskriften
    før § 66: »§ 65 a. …« / Efter kapitel 4 indsættes: »Kapitel 4 a …« / Før § 50 indsættes som ny
    overskrift: »…«"""
    pos = position(m["pos"])
    ts = targets(m, ctx)
    anchor = ts[-1].address if pos == "after" else ts[0].address
    container = parse_targets(m["cont"])[0].address if m["cont"] else None
    heading = heading_of = None
    if m["hpos"]:
        heading = "before_heading" if m["hpos"].lower() == "før" else "after_heading"
        heading_of = parse_targets(m["hof"])[0].address if m["hof"] else None
    if m["ovs"]:  # "som ny overskrift": a stand-alone heading
        node = Node(Kind.OVERSKRIFT, text=ctx.q(m["p"]))
        return [Insert(anchor, (node,), pos, ctx.q(m["p"]), source=ctx.source)]
    if m["as"]:  # "Efter § 13, stk. 7, indsættes som stk. 8: »Stk. 8. …«" (LOV 1715/2016): next to its sibling
        new = parse_targets(m["as"], base=anchor)[0].address
        if new.last[0] is not anchor.last[0] or len(new.steps) != len(anchor.steps):
            raise ValueError(f"'som {m['as']}' is no sibling of {anchor}")
        return [insert_op(anchor, pos, m["p"], ctx, unit=new)]
    kind = {"stykke": Kind.STK, "stykker": Kind.STK, "nummer": Kind.NR, "numre": Kind.NR}.get((m["unit"] or "").lower())
    payload = parse_payload(ctx.raw(m["p"]), kind)
    return [Insert(anchor, payload, pos, None, container, heading, heading_of, ctx.source)]


def insert_in_container(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I kapitel 10 efter overskriften »Administration m.v.« indsættes før § 53: »§ 52 b. …«"""
    pos = position(m["pos"])
    anchor = targets(m, ctx)[0].address
    container = parse_targets(m["cont"])[0].address
    payload = parse_payload(ctx.raw(m["p"]), None)
    heading = "after_heading" if m["aft"] else None  # "I kapitel 2 indsættes efter § 18: »§ 18 a. …«"
    return [Insert(anchor, payload, pos, None, container, heading, None, ctx.source)]


def insert_after_chapter_heading(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Efter overskriften til kapitel 13 indsættes før § 69: »Visitation« (a new heading before § 69,
    below the kapitel's own) / … før § 1: »§ 1 a. …« (new §§ first in the kapitel)."""
    anchor = targets(m, ctx)[0].address
    payload = parse_payload(ctx.raw(m["p"]), None)
    if all(n.kind in (Kind.TEKST, Kind.OVERSKRIFT) for n in payload):
        node = Node(Kind.OVERSKRIFT, text=ctx.q(m["p"]))
        return [Insert(anchor, (node,), "before", ctx.q(m["p"]), source=ctx.source)]
    container = parse_targets(m["cont"])[0].address
    return [Insert(anchor, payload, "before", None, container, "after_heading", None, ctx.source)]


def insert_as_clause(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(§ 357, stk. 4, 1. pkt., ophæves,) og som stk. 5 indsættes: »Stk. 5. …« — relative to the scope."""
    base = ctx.base or Address()
    new = parse_targets(m["unit"], base=base)
    return [insert_op(new[0].address.parent, "end", m["p"], ctx, unit=new[0].address)]


def insert_as_paragraf(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Som § 23 indsættes: »§ 23. For personer, der er omfattet af § 2, nr. 1, …« — a § put under a number
    the act has left free (a repealed §, VLK 3.4.5: numbers of repealed §§ may be used again): it takes the
    place of § 23; where there is no § 23 at all, or a live one, the amender refuses."""
    label = targets(m, ctx)[0].address
    payload = parse_payload(ctx.raw(m["p"]), None)
    pars = [n for n in payload if n.kind is Kind.PARAGRAF]
    if not pars or pars[0].label != label.last[1]:
        raise ValueError(f"the new text is no {label}")
    return [Insert(label, payload, "before", source=ctx.source)]


def recast(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """§ 42, stk. 1, affattes således: »For personer …« / § 188 affattes således. »§ 188. …« /
    Overskriften før § 10 affattes således: »…« / Lovens titel affattes således: »…«"""
    if m["dot"]:
        ctx.warn("TOLERATED_PUNCTUATION", "'affattes således.' read as 'affattes således:'")
    gone, ts = headings_named_with_units(targets(m, ctx), ctx)
    if all(is_textual(t.address) for t in ts) and len(ts) == 1:
        return [Replace(ts[0].address, (), _without_label(ts[0].address, ctx.q(m["p"])), ctx.source)]
    payload = parse_payload(ctx.raw(m["p"]), expect(ts[0].address))
    if gone:  # the named headings go, the §§ are recast with the new text's headings
        return [*gone, RepealAndInsert(ts[0].address, payload, tuple(t.address for t in ts), None, ctx.source,
                                       spans=_spans(ts))]
    if m["wh"]:  # "§ 65 med tilhørende overskrift affattes således: »Ankestyrelsens beføjelser … § 65. …«"
        headings, payload = _new_headings(payload, ctx)
        return [*headings, *_recast(ts, payload, ctx)]
    return _recast(ts, payload, ctx)


def _without_label(address: Address, text: str) -> str:
    """"Overskriften til kapitel 4 affattes således: »Kapitel 4 Information og …«", "Overskriften til 24.
    kapitel affattes således: »24. kapitel Seksualforbrydelser«": the new heading printed with the chapter's
    own label ("Kapitel 4", "24. kapitel", "Femte afsnit.") is the heading without it (the label stays)."""
    if address.last != (Level.OVERSKRIFT, "til") or len(address.steps) < 2:
        return text
    level, label = address.steps[-2]
    if level not in (Level.KAPITEL, Level.AFSNIT):
        return text
    word = "kapitel" if level is Level.KAPITEL else "afsnit"
    roman = {v: k for k, v in _ORDINAL_ROMAN.items()}.get(label, "")
    m = regex.match(rf"(?:{word}\s+{regex.escape(label)}|{regex.escape(label)}\.\s*{word}|{roman}\s+{word})\b\.?\s+",
                    text, regex.I) if label else None
    if m is None:
        return text
    return text[m.end():]


def _recast(ts: list[Target], payload: tuple[Node, ...], ctx: Ctx) -> list[Operation]:
    if len(ts) == 1:
        return [Replace(ts[0].address, payload, None, ctx.source)]
    labels = [t.address.last[1] for t in ts]
    if [n.label for n in payload] == labels:  # "§ 28, stk. 2 og 3, affattes således: »Stk. 2. … Stk. 3. …«"
        return [Replace(t.address, (n,), None, ctx.source) for t, n in zip(ts, payload, strict=True)]
    group = tuple(t.address for t in ts)
    return [RepealAndInsert(ts[0].address, payload, group, None, ctx.source, spans=_spans(ts))]


def _new_headings(payload: tuple[Node, ...], ctx: Ctx) -> tuple[list[Operation], tuple[Node, ...]]:
    """The headings of a payload recast "med tilhørende overskrift": each replaces the heading before the §
    that follows it ("Replace § 65 overskrift før"); the rest of the payload is returned."""
    ops: list[Operation] = []
    rest: list[Node] = []
    for i, node in enumerate(payload):
        nxt = payload[i + 1] if i + 1 < len(payload) else None
        if node.kind is Kind.OVERSKRIFT and nxt is not None and nxt.kind is Kind.PARAGRAF and nxt.label:
            address = Address(((Level.PARAGRAF, nxt.label),)).child(Level.OVERSKRIFT, "før")
            ops.append(Replace(address, (), node.text, ctx.source))
            continue
        rest.append(node)
    return ops, tuple(rest)


def _headings_of(m: regex.Match[str], ts: list[Target]) -> list[Address]:
    """"§ 26 a med tilhørende overskrift" → the heading before § 26 a; "§§ 10 og 11 med tilhørende
    overskrifter" → the heading before each."""
    if not m["wh"]:
        return []
    pars = [t.address for t in ts if len(t.address.steps) == 1 and t.address.last[0] is Level.PARAGRAF]
    if not pars:
        raise ValueError("'med tilhørende overskrift' on a unit that is no §")
    chosen = pars if m["wh"].lower().endswith("er") else pars[:1]
    return [a.child(Level.OVERSKRIFT, "før") for a in chosen]


def _spans(ts: list[Target]) -> tuple[tuple[Address, Address], ...]:
    """The ranges among the targets that the document fills in ("§§ 62-62 c": 62 a, 62 b)."""
    return tuple((t.address, t.through) for t in ts if t.through is not None)


# a § range ("§§ 7-9", "§§ 5 c-5 h") as opposed to a list ("§ 1 og § 5")
_RANGE = regex.compile(r"\d\s*[a-zæøå]?\s*[-–‑−]\s*\d")


def repeal(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """§ 47, stk. 4 og 5, ophæves. / §§ 7-9 ophæves. / Overskriften før § 134 ophæves."""
    ts = targets(m, ctx)
    if m["verb"].lower() == "udgår":
        ctx.warn("TOLERATED_UDGAAR", "structural 'udgår' read as 'ophæves'")
    group = tuple(t.address for t in ts) if len(ts) > 1 else ()
    if all(len(t.address.steps) == 1 and t.address.last[0] is Level.PARAGRAF for t in ts) and not _RANGE.search(m["t"]):
        group = ()  # "§ 1 og § 5 ophæves" is no run: the heading before § 5 stays (only "§§ 7-9" is one)
    headings = [Repeal(h, (), ctx.source) for h in _headings_of(m, ts)]  # "§§ 10 og 11 med tilhørende overskrifter"
    return [*headings, *(Repeal(t.address, group, ctx.source, _spans(ts)) for t in ts)]


def repeal_in_container(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I kapitel 4 a ophæves §§ 24-24 c og 24 e-24 j med tilhørende overskrifter og overskriften til § 24 d.
    (the verb before the §§; the kapitel only says where they stand) — and the heading of a § that stays
    ("overskriften til § 24 d" is the heading before it)."""
    ops = repeal(m, ctx)
    if m["hof"]:
        heading = parse_targets(m["hof"])[0].address.child(Level.OVERSKRIFT, "før")
        ops.append(Repeal(heading, (), ctx.source))
    return ops


def repeal_object(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 33 ophæves stk. 2. (the verb before the unit)"""
    scope = targets(m, ctx)[0].address
    ts = parse_targets(m["obj"], base=scope)
    ctx.base = ts[0].address
    group = tuple(t.address for t in ts) if len(ts) > 1 else ()
    return [Repeal(t.address, group, ctx.source) for t in ts]


_QUOTED_LEVEL = {Kind.STK: Level.STK, Kind.NR: Level.NR, Kind.LITRA: Level.LITRA}


def repeal_quoted_unit(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 289, stk. 1, ophæves »6) Kreditorernes krav anmeldt efter § 278 er afgjort.« — a unit quoted whole,
    its label with it: the label names the unit that goes (as "ophæves nr. 6" would)."""
    scope = targets(m, ctx)[0].address
    payload = parse_payload(ctx.raw(m["p"]), None)
    label = payload[0].label if len(payload) == 1 and payload[0].kind in _QUOTED_LEVEL else None
    if not label:
        raise ValueError("the quote is not one labelled stk., nr. or litra")
    level = _QUOTED_LEVEL[payload[0].kind]
    if level is Level.STK and scope.last[0] is not Level.PARAGRAF:
        raise ValueError("a stk. quoted in a unit that is no §")
    return [Repeal(scope.child(level, label), (), ctx.source)]


# new text that starts a unit: "§ 6. …", "Kapitel 6 Henstand …", "Afsnit II a Støtte …" (not "§ 1 og § 7 a gælder …")
_UNIT_START = regex.compile(r"\s*(?:§\s*\d+(?:\s*[a-zA-Z])?\.\s|(?:Kapitel|Afsnit)\s+[\dIVXLC]+(?:\s+[a-zA-Z])?\.?\s+\p{Lu})")


def repeal_and_insert(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """§ 155 ophæves, og i stedet indsættes: »§ 155. … § 155 a. …« / § 38, stk. 2 og 3, ophæves, og
    i stedet indsættes som stk. 2-5: »…«"""
    gone, ts = headings_named_with_units(targets(m, ctx), ctx)
    first = ts[0].address
    container = parse_targets(m["cont"])[0].address if m["cont"] else None
    group = tuple(t.address for t in ts)
    if is_textual(first):
        if _UNIT_START.match(ctx.q(m["p"])):
            if first.last == (Level.OVERSKRIFT, "efter") and len(ts) == 1:  # "Overskriften efter § 5 udgår, og i
                # stedet indsættes: »§ 6. …«" (LOV 584/2012): the heading goes, the §§ stand where it stood
                return units_in_heading_place(first, parse_payload(ctx.raw(m["p"]), None), ctx)
            if first.last == (Level.OVERSKRIFT, "til") and len(ts) == 1:  # "Overskriften til kapitel 1 ophæves, og i
                # stedet indsættes: »Kapitel 1 / … / Anvendelsesområde«" (LOV 631/2016): the new heading, and the one
                # that opens the kapitel
                return kapitel_heading_instead(first, ctx.raw(m["p"]), ctx)
            raise ValueError("units in place of a heading or sentence")  # the place of new units is not said
        return [RepealAndInsert(first, (), group, ctx.q(m["p"]), ctx.source, container)]
    payload = parse_payload(ctx.raw(m["p"]), expect(first))
    headings = [Repeal(h, (), ctx.source) for h in _headings_of(m, ts)]  # "§ 26 a med tilhørende overskrift ophæves, …"
    return [*gone, *headings, RepealAndInsert(first, payload, group, None, ctx.source, container, _spans(ts))]


def repeal_and_insert_elsewhere(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Kapitel 12 a ophæves, og i stedet indsættes efter § 85 b i kapitel 12: »§ 85 c. …« / § 6 ophæves, og i
    stedet indsættes efter kapitel 2 som nyt kapitel før afsnit II: »Kapitel 2 a Kommunikation § 6. …« — the
    units named go, and the new §§ (a new kapitel) are put where the instruction says, not in their place."""
    ts = targets(m, ctx)
    payload = parse_payload(ctx.raw(m["p"]), None)
    kind = Kind.KAPITEL if m["chapter"] else Kind.PARAGRAF
    if not payload or any(n.kind is not kind for n in payload if n.kind is not Kind.OVERSKRIFT):
        raise ValueError(f"only new {kind.value} are put at a {kind.value} named elsewhere")
    group = tuple(t.address for t in ts) if len(ts) > 1 else ()
    anchor = parse_targets(m["at"])[0].address
    container = parse_targets(m["cont"])[0].address if m["cont"] else None
    return [*(Repeal(t.address, group, ctx.source, _spans(ts)) for t in ts),
            Insert(anchor, payload, position(m["pos"]), None, container, source=ctx.source)]


def repeal_object_and_insert(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 7, stk. 2, ophæves 2. pkt., og i stedet indsættes: »For indkomståret 2013 …«"""
    scope = targets(m, ctx)[0].address
    ts = parse_targets(m["obj"], base=scope)
    first = ts[0].address
    group = tuple(t.address for t in ts)
    if is_textual(first):
        return [RepealAndInsert(first, (), group, ctx.q(m["p"]), ctx.source)]
    return [RepealAndInsert(first, parse_payload(ctx.raw(m["p"]), expect(first)), group, None, ctx.source)]


def bilag_recast(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Bilag 2 affattes som bilag 1 til denne bekendtgørelse. / Bilag 4 og 5 affattes som bilag 1 og 2
    til denne lov. / Bilag 4-7 affattes som bilag 1 til denne lov. (one own bilag printing the new bilag 4, 5,
    6 and 7 one after the other, each under its own "Bilag N" line: each is recast with its part)"""
    targets = expand_labels(_bilag_words(m["n"]), Level.BILAG)
    own = expand_labels(_bilag_words(m["k"]), Level.BILAG)
    if len(targets) > 1 and len(own) == 1:
        parts = _bilag_parts(ctx.bilag.get(own[0]), targets)
        return [ReplaceBilag(Address(((Level.BILAG, n),)), (part,), False, ctx.source) for n, part in zip(targets, parts, strict=True)]
    return [_bilag(n, k, ctx, insert=False) for n, k in _bilag_pairs(m["n"], m["k"])]


_BILAG_LINE = regex.compile(r"Bilag\s+(\d+(?:\s*[a-zA-Z](?![\w]))?)\.?")


def _bilag_parts(own: tuple[Node, ...] | None, labels: list[str]) -> list[Node]:
    """One own bilag cut at its "Bilag N" lines into the new bilag `labels`, in order; ValueError unless it
    holds exactly those (not found, or printed otherwise: not read)."""
    if not own or len(own) != 1 or own[0].kind is not Kind.BILAG:
        raise ValueError("the amending act's own bilag is not there to be divided")
    parts: list[tuple[str | None, list[Node]]] = [(own[0].label, [])]
    for line in own[0].children:
        hit = _BILAG_LINE.fullmatch(line.text.strip())
        if hit:
            parts.append((regex.sub(r"\s+", " ", hit[1]), []))
        else:
            parts[-1][1].append(line)
    if [label for label, _ in parts] != labels:
        raise ValueError(f"the own bilag prints bilag {[label for label, _ in parts]}, not {labels}")
    return [Node(Kind.BILAG, label=label, text="", children=listed_nodes(tuple(lines), f"bilag{label}"),
                 id=f"bilag{label}") for label, lines in parts]


def bilag_insert(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Som bilag 2 indsættes bilag 1 til denne bekendtgørelse. / Som bilag 1 a, 4 og 5 indsættes bilag 1,
    2 og 3 til denne lov. / Efter bilag 1 indsættes bilag 2 og 3, der affattes som henholdsvis bilag 1 og
    bilag 2 til denne lov."""
    return [_bilag(n, k, ctx, insert=True) for n, k in _bilag_pairs(m["n"], m["k"])]


def bilag_repeal_and_insert(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Bilag 1 ophæves, og i stedet indsættes bilag 1 og 2 til denne lov. / Lovens bilag 1 ophæves, og i
    stedet indsættes bilag 1-3, der affattes som bilag 1-3 til denne lov. — a bilag the act had is
    recast, one it did not have is inserted."""
    old = set(expand_labels(_bilag_words(m["old"]), Level.BILAG))
    pairs = _bilag_pairs(m["n"], m["k"] or m["n"])
    if not old <= {n for n, _ in pairs}:
        raise ValueError(f"bilag {', '.join(sorted(old))} repealed but not replaced")
    return [_bilag(n, k, ctx, insert=n not in old) for n, k in pairs]


def bilag_insert_quoted(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Som bilag 2 indsættes: »Bilag 2 Kommuner beliggende i yderområder …« / Efter bilag 3 indsættes som
    bilag 3 a: »Bilag 3 a. Satser for elafgiftslovens § 11, stk. 3 …«"""
    label = regex.sub(r"\s+", " ", m["n"]).strip()
    return [ReplaceBilag(Address(((Level.BILAG, label),)), bilag_nodes(ctx.raw(m["p"])), True, ctx.source)]


def _bilag_words(text: str) -> str:
    return regex.sub(r"\bbilag\s+", "", text, flags=regex.I)


def _bilag_pairs(ns: str, ks: str) -> list[tuple[str, str]]:
    """"1 a, 4 og 5" / "1, 2 og 3" → [(1 a, 1), (4, 2), (5, 3)]; a list of another length is no reading."""
    targets, own = expand_labels(_bilag_words(ns), Level.BILAG), expand_labels(_bilag_words(ks), Level.BILAG)
    if len(targets) != len(own):
        raise ValueError(f"{len(targets)} bilag named but {len(own)} of the amending act")
    return list(zip(targets, own, strict=True))


def _bilag(n: str, k: str, ctx: Ctx, *, insert: bool) -> ReplaceBilag:
    own = ctx.bilag.get(k)
    if own is None:
        ctx.warn("BILAG_NOT_FOUND", f"bilag {k} of the amending document was not found")
    return ReplaceBilag(Address(((Level.BILAG, n),)), own or (), insert, ctx.source)
