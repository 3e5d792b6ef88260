"""Stage 1 (parsers): a change of a numbered change of an earlier amending act ("I § 1, nr. 9, ophæves § 16, nr.
6." in "I lov nr. 513 af 7. juni 2006 om ændring af opkrævningsloven … foretages følgende ændringer", LOV 1560/2010
§ 5). The verb stands before the unit of the item's text; the clause is said again in the usual order and read
through formulas.RULES, and each operation is wrapped in a ChangeOfItem naming the item.

A numbered change ("nr.") of a law's § is a list item and holds no § of its own: "§ 1, nr. 9, … § 16" can only be
the ninth change of § 1 of an amending act, which puts a § 16 into the act it changes.
"""

from __future__ import annotations

import regex

from lovkons.model.edits import ChangeOfItem, Operation
from lovkons.parsers.instructions.context import Ctx
from lovkons.parsers.instructions.targets import parse_targets


def _rx(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.I | regex.V1 | regex.X)


# The clause after "I § 1, nr. 9," (verb first) → the same clause in the usual order; every row is real.
INNER: tuple[tuple[str, regex.Pattern[str], str], ...] = (
    # "ophæves § 16, nr. 6" (LOV 1560/2010 § 5, nr. 1) → "§ 16, nr. 6 ophæves"
    ("repeal", _rx(r"(?P<verb> ophæves | udgår ) \s+ (?P<t> § [^Q]+? )"), "{t} {verb}"),
    # "indsættes efter § 16, nr. 18, der bliver nr. 17, som nyt nummer: »18) …«" (LOV 1560/2010 § 5, nr. 2)
    # → "Efter § 16, nr. 18, der bliver nr. 17, indsættes som nyt nummer: »18) …«"
    ("insert_next_to", _rx(r"""indsættes \s+ (?P<pos> efter | før ) \s+ (?P<t> § [^Q:]+? ) ,? \s+
                               (?P<how> som \s+ [^Q:]+ : \s* Q\d+ )"""), "{pos} {t}, indsættes {how}"),
    # "ændres i § 137 e, stk. 2 og 3, …, »A« til: »B«" (LOV 651/2013 § 2, nr. 1) → "I § 137 e, … ændres »A« til: »B«"
    ("words", _rx(r"(?P<verb> ændres | udgår ) \s+ i \s+ (?P<t> § [^Q]+? ) ,? \s+ (?P<rest> Q\d+ .* )"),
     "I {t} {verb} {rest}"),
    # "affattes § 137 m, stk. 3, således: »Stk. 3. …«" (LOV 651/2013 § 2, nr. 2) → "§ 137 m, stk. 3, affattes således:"
    ("recast", _rx(r"affattes \s+ (?P<t> § [^Q]+? ) ,? \s+ således :? \s* (?P<rest> Q\d+ )"),
     "{t} affattes således: {rest}"),
    # "indsættes i sølovens § 223 som stk. 6: »Stk. 6. …«" (LOV 724/2014 § 3, nr. 2; the law the item changes is
    # named) → "I § 223 indsættes som stk. 6: »Stk. 6. …«"
    ("insert_as", _rx(r"""indsættes \s+ i \s+ (?: \w+s \s+ )? (?P<t> § [^Q]+? ) \s+
                          (?P<how> som \s+ [^Q:]+ : \s* Q\d+ )"""), "I {t} indsættes {how}"),
)


def change_of_item(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 1, nr. 9, ophæves § 16, nr. 6. / I § 1, nr. 14, affattes § 137 m, stk. 3, således: »Stk. 3. …« — the
    operations of the clause in the usual order, each a ChangeOfItem of the item (§ 1, nr. 9)."""
    item = parse_targets(m["item"])[0].address
    for _, rx, form in INNER:
        inner = rx.fullmatch(m["inner"])
        if inner is None:
            continue
        words = {k: v for k, v in inner.groupdict().items() if v is not None}
        if "pos" in words:
            words["pos"] = words["pos"].capitalize()
        hit = ctx.reread(form.format(**words), ctx) if ctx.reread else None
        if hit is not None:
            ctx.item = item
            return [ChangeOfItem(item, op, ctx.source) for op in hit[1]]
    return []
