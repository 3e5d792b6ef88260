"""Stage 1 (parsers): the readers of repeals of headings named next to a § or by their words ("Efter § 22 udgår
overskriften", "I kapitel 5 ophæves overskriften »…«, og § 8 ophæves"). The patterns are in formulas.RULES; each
reader quotes a real sentence it reads.
"""

from __future__ import annotations

import regex

from lovkons.model.document import Level
from lovkons.model.edits import Operation, Repeal
from lovkons.parsers.instructions.context import Ctx, targets
from lovkons.parsers.instructions.targets import parse_targets


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
