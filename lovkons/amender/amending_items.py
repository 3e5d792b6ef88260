"""Stage 2 (amender): a numbered change of an amending § of the base law repealed in that §'s text.

Drafting convention (ophævelse af en ændringsbestemmelse): a law's own "ændringer i anden lovgivning" are §§ whose
one stk. reads "I lov om … foretages følgende ændringer: 1. … 2. …". The numbered changes are no nr. units of the
law (they are items of an amending provision, printed as running text), yet a later act repeals one of them as "§
69, nr. 1, ophæves" (LOV 223/2011 § 51, nr. 5 on spillelovens § 69, LOV 848/2010) and the official consolidation
prints the item's number with "(Ophævet)" in its place, the other items keeping theirs (LBK 119/2016 § 69: "…
foretages følgende ændringer: 1. (Ophævet) 2. § 15 affattes således: …").

Where the cited § has no nr. units and its one text is such an amending provision, the changes are counted in the
text: a number "N. " outside quotation marks, after the opening's colon or the end of the change before it, before
a capital, § or "(", in the sequence 1, 2, 3, …. The item is found only when the count is whole and the marks
balance; otherwise the address is not found, as before (refused, never guessed).
"""

from __future__ import annotations

import regex

from lovkons.amender.resolve import ResolveError, Resolver
from lovkons.amender.tree import TreePath, node_at, replace_at
from lovkons.amender.units import Outcome, owner_id, with_prov
from lovkons.model.document import Address, Document, Kind, Level, Node, Source
from lovkons.model.edits import Repeal

REPEALED = "(Ophævet)"

# the opening of an amending provision, ending in the colon before change nr. 1
OPENING = regex.compile(
    r"""
    foretages \s+ følgende \s+ ændring(?:er)? \s* :   # "…, foretages følgende ændringer: 1. I § 10 indsættes …"
    """,
    regex.VERBOSE,
)

# a change's number: after the colon or the change before (its full stop, closing mark or bracket),
# before the capital, § or "(" the change starts with ("2. § 15 affattes således", "1. (Ophævet)")
NUMBER = regex.compile(
    r"""
    (?<= [:.«)] \s+ )      # "ændringer: 1." / "…fordel.« 2." / "1. (Ophævet) 2."
    (?P<n> \d{1,3} ) \. \s+
    (?= [\p{Lu}§(] )       # "2. § 15 …", "1. I § 10 …", not "2. pkt."
    """,
    regex.VERBOSE,
)


# a number after the last change counted that could begin another change: "19. 73, stk. 3, 2. pkt., ophæves."
# (LOV 446/2012 § 1, its § missing), "3. I § 5 …" after a "2" without its full stop; not "den 1. januar",
# "2. pkt." (a small letter follows) or "1.000 kr." (no space)
_LATER_NUMBER = regex.compile(r"(?<= [:.«)] \s+ ) (?P<n> \d{1,3} ) \. \s+ (?! \p{Ll} )", regex.VERBOSE)


def change_spans(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of each numbered change of an amending provision, in order (nr. 1 first); None when `text`
    is no such provision or its count is not whole (marks unbalanced, no change nr. 1)."""
    opening = OPENING.search(text)
    if opening is None:
        return None
    depth, depths = 0, [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        depths[i] = depth
        if ch == "»":
            depth += 1
        elif ch == "«":
            depth -= 1
            if depth < 0:
                return None
    if depth != 0 or depths[opening.start()] != 0:
        return None
    starts: list[int] = []
    for m in NUMBER.finditer(text, opening.end()):
        if depths[m.start()] == 0 and int(m["n"]) == len(starts) + 1:
            starts.append(m.start())
    if not starts:
        return None
    for m in _LATER_NUMBER.finditer(text, starts[-1]):
        if depths[m.start()] == 0 and int(m["n"]) > len(starts):
            return None  # a change not counted (review11: LOV 446/2012 § 1 "19. 73, stk. 3, …" has no §): not whole
    ends = [len(text[:s].rstrip()) for s in starts[1:]] + [len(text.rstrip())]
    return list(zip(starts, ends, strict=True))


def _text_unit(doc: Document, path: TreePath) -> TreePath | None:
    """The one unit holding the text of the § at `path`: the § itself, or its only stk.; None when it has more
    or any nr./litra (then the nr. is a real unit, resolved as such)."""
    node = node_at(doc, path)
    if any(n.kind in (Kind.NR, Kind.LITRA) for n in node.walk()):
        return None
    if not node.children:
        return path
    if len(node.children) == 1 and node.children[0].kind is Kind.STK:
        return (*path, 0)
    return None


def repeal_numbered_change(doc: Document, op: Repeal, resolver: Resolver, source: Source | None) -> Outcome | None:
    """"§ 69, nr. 1, ophæves" on a § of the base that is an amending provision: the change's text gives way to
    "(Ophævet)" after its number. None when the address is no "§ N, nr. K" or the § is no such provision."""
    steps = op.target.steps
    if len(steps) != 2 or steps[0][0] is not Level.PARAGRAF or steps[1][0] is not Level.NR:
        return None
    if not steps[1][1].isdigit():
        return None
    try:
        target = resolver.resolve(doc, Address(steps[:1]))
    except ResolveError:
        return None
    if target.kind != "node":
        return None
    unit = _text_unit(doc, target.path)
    if unit is None:
        return None
    node: Node = node_at(doc, unit)
    spans = change_spans(node.text)
    k = int(steps[1][1])
    if spans is None or not 1 <= k <= len(spans):
        return None
    start, end = spans[k - 1]
    head = f"{k}. "
    if node.text[start:end] == head + REPEALED:
        return Outcome(doc, [("ALREADY_REPEALED", f"{op.target} was already repealed")], set())
    text = node.text[:start] + head + REPEALED + node.text[end:]
    warning = ("NUMBERED_CHANGE_IN_TEXT", f"{op.target} is change nr. {k} of the amending provision § "
               f"{steps[0][1]} (its text, not a nr. unit): printed as »{k}. {REPEALED}«")
    return Outcome(replace_at(doc, unit, [with_prov(node.with_(text=text), source)]), [warning],
                   {owner_id(doc, unit)})
