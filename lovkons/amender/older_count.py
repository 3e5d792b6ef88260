"""Stage 2 (amender): an act that counts the stykker of a § as they stood before an earlier act of the case.

Drafting fact: a bill is drafted on the law as it then stands. When another act, passed shortly before, inserts a
stk. in the same § and moves the ones after it, the later act may still cite them in the old count, even where its
opening names the earlier act. LOV 428/2016 § 4 (passed 18 May 2016) names LOV 322/2016 (5 April; its § 3, nr. 2
inserts opkrævningslovens § 16 c, stk. 2, making stk. 2-5 stk. 3-6), yet inserts after »hvor debetsaldoen er« in
"§ 16 c, stk. 3, 3. pkt." and changes »100 kr.« in "stk. 4, 3. pkt." — words that stand in stk. 4 and 5 now. LBK
1224/2016 makes all three of its changes of those stykker there (nr. 5's new 6. and 7. pkt. end stk. 5).

Rule: an item whose operations are all on one §, with a change of words among them, refused in the current count
(its target or quoted text not found), is applied again counted in the text before an earlier act of the case
(the latest that moved the units it names, and only that one: the act passed shortly before, while the bill was
drafted — never a count two renumberings back); taken when it then applies without a refusal and at least one
address names another unit there, and when the act's earlier items on that § name the same units in both counts.
The quote is the proof,
so each change of words of the item addressed to a stk. must find its quote in exactly one stk. of the § — the one
the old count names (»hvor debetsaldoen er« stands in stk. 4 alone); a quote that stands in two stykker does not
tell the counts apart and the item stays refused.
From then on the act's later items on that § are counted so too (nr. 5 would else land, silently, in stk. 4).
Said as COUNTED_BEFORE_ACT. Input: the document before the item, the item, the act's context; output: as
`consolidate._apply_item`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace as dc_replace

from lovkons.amender.apply import ApplyContext, OpResult
from lovkons.amender.resolve import ResolveError, Resolver, Target, resolve_current
from lovkons.amender.textops import apply_text
from lovkons.amender.tree import node_at
from lovkons.model.document import Document, Kind, Level, Problem, Source
from lovkons.model.edits import DeleteText, InsertText, Item, Operation, ReplaceText

ItemRun = tuple[Document, list[tuple[Operation, OpResult]], list[Problem]]
ApplyItem = Callable[[Document, Item, ApplyContext, Source], ItemRun]

MISSES = frozenset({"TARGET_NOT_FOUND", "TEXT_NOT_FOUND"})  # what a wrong count shows as


def _one_paragraf(ops: Sequence[Operation]) -> str | None:
    """The label of the one § every operation is on ("16 c"), or None."""
    labels = {op.target.steps[0][1] if op.target.steps and op.target.steps[0][0] is Level.PARAGRAF else None
              for op in ops}
    return labels.pop() if len(labels) == 1 and None not in labels else None


def _where(doc: Document, resolver: Resolver, op: Operation) -> tuple[str, tuple[int, ...], int | None] | None:
    try:
        target = resolver.resolve(doc, op.target)
    except ResolveError:
        return None
    return target.kind, target.path, target.pkt


def _quotes_prove(doc: Document, resolver: Resolver, ops: Sequence[Operation]) -> bool:
    """Each change of words addressed to a stk. finds its quote in exactly one stk. of its §, the one `resolver`
    (the old count) names, and there is at least one such change."""
    proved = False
    for op in ops:
        if not isinstance(op, ReplaceText | InsertText | DeleteText) or len(op.target.steps) < 2 \
                or op.target.steps[1][0] is not Level.STK:
            continue
        try:
            paragraf = resolve_current(doc, dc_replace(op.target, steps=op.target.steps[:1])).path
            named = resolver.resolve(doc, op.target).path
        except ResolveError:
            return False
        holding = []
        for i, child in enumerate(node_at(doc, paragraf).children):
            if child.kind is not Kind.STK:
                continue
            try:
                apply_text(doc, Target("node", (*paragraf, i), via="current"), op, None)
            except ResolveError:
                continue
            holding.append((*paragraf, i))
        if len(holding) != 1 or named[:len(paragraf) + 1] != holding[0]:
            return False
        proved = True
    return proved


def _refused(found: Sequence[Problem]) -> bool:
    return any(p.severity == "error" for p in found)


def _counted_with(doc: Document, item: Item, ctx: ApplyContext, source: Source, apply_item: ApplyItem,
                  resolver: Resolver, act: str, paragraf: str) -> ItemRun:
    own = ctx.resolver
    ctx.resolver = resolver
    try:
        new, done, found = apply_item(doc, item, ctx, source)
    finally:
        ctx.resolver = own
    said = [Problem("COUNTED_BEFORE_ACT", f"§ {paragraf}'s stykker counted as before {act}, as the act's changes of "
                    "words on this § show (their quotes stand there)", "warning", str(op.source or source),
                    str(op.target)) for op, result in done if result.applied]
    return new, done, [*found, *said]


def apply_counted(doc: Document, item: Item, ctx: ApplyContext, source: Source, apply_item: ApplyItem,
                  earlier: Sequence[tuple[str, Document]]) -> ItemRun:
    """The item applied in the count the act uses for its § (module docstring). `earlier`: (act, the text before
    it) for the acts of the case before this one, the latest first."""
    paragraf = _one_paragraf(item.operations)
    held = ctx.counted.get(paragraf) if paragraf is not None else None
    if paragraf is not None and held is not None:
        return _counted_with(doc, item, ctx, source, apply_item, held[1], held[0], paragraf)
    start = (list(ctx.renumbers), set(ctx.done))
    new, done, found = apply_item(doc, item, ctx, source)
    if (paragraf is None or not any(p.code in MISSES and p.severity == "error" for p in found)
            or not any(isinstance(op, ReplaceText | InsertText | DeleteText) for op in item.operations)):
        return new, done, found
    first = (list(ctx.renumbers), set(ctx.done))
    mine = [op for op in ctx.earlier if op.target.steps and op.target.steps[0] == (Level.PARAGRAF, paragraf)]
    for act, text in earlier:
        resolver = Resolver(text)
        if not any(_where(doc, resolver, op) not in (None, _where(doc, ctx.resolver, op)) for op in item.operations):
            continue  # the earlier act did not move what the item names
        # only the count before the latest act that moved what the item names: a bill is one act behind, not two
        if any(_where(doc, resolver, op) != _where(doc, ctx.resolver, op) for op in mine):
            break  # an earlier item of the act on this § was counted as it stands now
        if not _quotes_prove(doc, resolver, item.operations):
            break  # the quotes do not single out the stk. the old count names
        ctx.renumbers, ctx.done = list(start[0]), set(start[1])
        trial = _counted_with(doc, item, ctx, source, apply_item, resolver, act, paragraf)
        if not _refused(trial[2]):
            ctx.counted[paragraf] = (act, resolver)
            return trial
        break
    ctx.renumbers, ctx.done = first
    return new, done, found
