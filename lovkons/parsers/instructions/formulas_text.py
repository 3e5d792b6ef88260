"""Stage 1 (parsers): the readers of the formulas that change words inside a unit ("ændres »A« til:
»B«", "udgår »A«", "indsættes efter »A«: »B«"), and their continuations in the same item ("og »C«
ændres til: »D«"). The patterns are in formulas.RULES; each reader quotes a real sentence it reads.
"""

from __future__ import annotations

import regex

from lovkons.model.document import Address, Level
from lovkons.model.edits import DeleteText, Insert, InsertText, Operation, ReplaceText
from lovkons.parsers.instructions.context import (
    Ctx,
    all_or,
    count,
    position,
    quote_numbers,
    refined,
    substitutions,
    targets,
)
from lovkons.parsers.instructions.targets import Target, parse_targets


def _everywhere(m: regex.Match[str], ctx: Ctx) -> Target:
    """"Overalt i loven" is the whole document; "Overalt i § 5" is that §; "bortset fra § 10" (group exc)
    names the units left alone. Remembered for the clauses that continue the item."""
    target = parse_targets(m["t"])[0].address if m["t"] else Address(((Level.DOKUMENT, ""),))
    exceptions = tuple(t.address for t in parse_targets(m["exc"])) if m["exc"] else ()
    ctx.last_targets = [Target(target, None, exceptions=exceptions)]
    return ctx.last_targets[0]


def overalt_replace(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Overalt i loven ændres »Miljøklagenævnet« til: »Miljø- og Fødevareklagenævnet«. / Overalt i loven bortset
    fra § 8, stk. 8, ændres »Arbejdsskadestyrelsen« til: »Arbejdsmarkedets Erhvervssikring«. (LOV 395/2016)"""
    t = _everywhere(m, ctx)
    return [ReplaceText(t.address, ctx.q(sub.old), ctx.q(sub.new), "all", ctx.source, t.exceptions)
            for sub in substitutions(m["rest"])]


def overalt_delete(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Overalt i loven udgår », jf. dog stk. 2«."""
    t = _everywhere(m, ctx)
    return [DeleteText(t.address, ctx.q(n), "all", ctx.source, t.exceptions) for n in quote_numbers(m["rest"])]


def overalt_insert(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Overalt i loven bortset fra § 6, stk. 4 og 11, § 8, stk. 3, 6 og 7, og §§ 8 a, 10 a og 12 indsættes efter
    »Undervisningsministeren«: »eller uddannelses- og forskningsministeren«. (LOV 1378/2014 § 1, nr. 1)"""
    t = _everywhere(m, ctx)
    return [InsertText(t.address, ctx.q(a), ctx.q(m["b"]), position(m["pos"]), "all", ctx.source, t.exceptions)
            for a in quote_numbers(m["anchors"])]


def replace_text(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 156, stk. 3, ændres »§ 155« til: »§ 154«. / To steder i § 17, stk. 1, ændres »A« til: »B«. /
    I § 25, stk. 10, ændres »og 4-6« til: », 3 og 4«, tre steder »stk. 12« til: »stk. 10« og tre steder
    »stk. 9« til: »stk. 7«. / I § 81, stk. 3, ændres »§ 27, stk. 1, nr. 3« to steder til: »…«."""
    subs = substitutions(m["rest"], m["vcnt"], bool(m["valt"]))
    ts = refined(m, ctx)
    return [
        ReplaceText(t.address, ctx.q(sub.old), ctx.q(sub.new), count(m, t, ts, ctx, sub), ctx.source, nth=t.nth)
        for t in ts
        for sub in subs
    ]


def delete_text(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 8, stk. 1, udgår »75 pct.«. / To steder i § 72, stk. 7, udgår »A«."""
    quotes = quote_numbers(m["rest"])
    ts = refined(m, ctx)
    return [DeleteText(t.address, ctx.q(n), count(m, t, ts, ctx), ctx.source, nth=t.nth) for t in ts for n in quotes]


def insert_text(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 2, nr. 7, indsættes efter »lov om social pension«: »eller lov om … førtidspension m.v.«
    / I § 27, stk. 3, der bliver stk. 4, indsættes i 1. pkt. efter »§ 19«: »og 19 A«. / I § 48 a
    indsættes efter »§ 48, stk. 2,« og »§ 49, stk. 2,«: »1. pkt.,« (the new text after each)."""
    ts = refined(m, ctx)
    pos = position(m["pos"])
    return [InsertText(t.address, ctx.q(a), ctx.q(m["b"]), pos, count(m, t, ts, ctx), ctx.source, nth=t.nth)
            for t in ts for a in quote_numbers(m["anchors"])]


def footnote_insert(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Som fodnote til lovens titel indsættes: »1) Loven indeholder bestemmelser, der gennemfører …«"""
    return [Insert(Address(((Level.TITELNOTE, ""),)), (), "end", ctx.q(m["p"]), source=ctx.source)]


# ------------------------------------------------------------- continuations (same targets as before)


def substitution_more(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(I § 15, nr. 3, ændres »A« til: »B«,) og »landet og« ændres til: »landet,«. — same targets."""
    return [
        ReplaceText(t.address, ctx.q(m["a"]), ctx.q(m["b"]), count(m, t) if m["cnt"] else all_or(t), ctx.source,
                    t.exceptions)
        for t in ctx.last_targets
    ]


def delete_more(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(I § 82 ændres »A« til: »B«,) og », beskæftigelsesankenævnene og de sociale nævn« udgår."""
    quotes = quote_numbers(m["rest"])
    return [DeleteText(t.address, ctx.q(n), all_or(t), ctx.source, t.exceptions) for t in ctx.last_targets
            for n in quotes]


def delete_next_to_more(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(I § 137 m, stk. 3, 1. pkt., udgår »A«,) og efter »tilsyn med« udgår »anbringelsesstedet eller«.
    — the text B next to A goes: read as »A B« changed to »A« (same targets)."""
    a, b = ctx.q(m["a"]), ctx.q(m["b"])
    space = "" if b[:1] in tuple(",.;:)") else " "
    old = f"{a}{space}{b}" if m["pos"].lower() == "efter" else f"{b} {a}"
    return [ReplaceText(t.address, old, a, all_or(t), ctx.source, t.exceptions) for t in ctx.last_targets]


def insert_text_more(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(I § 3 indsættes efter »A«: »B«,) efter »fjernkøling« indsættes: », jf. dog stk. 2« — same targets."""
    pos = position(m["pos"])
    return [InsertText(t.address, ctx.q(m["a"]), ctx.q(m["b"]), pos, t.count or 1, ctx.source, t.exceptions)
            for t in ctx.last_targets]


def insert_text_counted_more(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(I § 175 b, stk. 3, der bliver stk. 4, ændres »stk. 4« til: »stk. 5«,) og to steder indsættes efter
    »koncernen«: »eller gruppen«. — same targets, the count said before the verb."""
    pos, ts = position(m["pos"]), ctx.last_targets
    return [InsertText(t.address, ctx.q(m["a"]), ctx.q(m["b"]), pos, count(m, t, ts, ctx), ctx.source) for t in ts]


def sub_substitution_more(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(I § 124, stk. 6, der bliver stk. 5, ændres i 1. pkt. »A« til: »B«) og i 2. pkt. »C« til: »D«. — the
    verb of the clause before, in another punktum of the same targets."""
    ts = [s for t in ctx.last_targets for s in parse_targets(m["sub"], base=t.address)]
    return [ReplaceText(t.address, ctx.q(sub.old), ctx.q(sub.new), t.count or 1, ctx.source)
            for t in ts for sub in substitutions(m["rest"])]


def substitutions_more(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """(I § 7, stk. 5, ændres »75 pct.« til: »65 pct.«,) og to steder ændres »65 pct.« til: »55 pct.«
    — a substitution list over the same targets, with its own counts."""
    subs = substitutions(m["rest"])
    ts = ctx.last_targets
    return [ReplaceText(t.address, ctx.q(sub.old), ctx.q(sub.new),
                        count(m, t, ts, ctx, sub) if sub.count is not None else all_or(t), ctx.source, t.exceptions)
            for t in ts for sub in subs]


def replace_text_instead(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 75, stk. 3, 1. pkt., udgår », der har«, og i stedet indsættes: »af en lejlighed, …« — the
    text goes and the new text stands in its place: a substitution."""
    ts = targets(m, ctx)
    return [ReplaceText(t.address, ctx.q(m["a"]), ctx.q(m["b"]), count(m, t, ts, ctx), ctx.source) for t in ts]


def heading_named_replace(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """Overskriften før §§ 36 og 36 a, »Definitioner af tobaksvarer m.v.«, ændres til: »Administrative regler
    for afgiftsfritagne varer m.v.« — a heading named by its place and quoted whole: the words are changed in
    that heading (the heading of a group of §§ stands before the first of them)."""
    first = targets(m, ctx)[0]
    if first.address.last[0] is not Level.OVERSKRIFT:
        raise ValueError(f"{m['t']!r} names no heading")
    return [ReplaceText(first.address, ctx.q(m["a"]), ctx.q(m["b"]), source=ctx.source)]
