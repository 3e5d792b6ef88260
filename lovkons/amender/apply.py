"""Stage 2 (amender): apply one edit operation to a frozen document, purely.

Input: Document, Operation, ApplyContext (the order's snapshot resolver and the source); output: the new
Document and Problems. A refused operation returns the document unchanged plus one error Problem
(per operation; consolidate withholds the rest of a numbered item when one of its operations is refused).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lovkons.amender.recast import replace
from lovkons.amender.relabel import relabel_op
from lovkons.amender.resolve import ResolveError, Resolver
from lovkons.amender.structure_ops import insert_op, repeal_and_insert_op, repeal_op, replace_bilag_op
from lovkons.amender.text_readings import text_op
from lovkons.amender.title_notes import numbered_note
from lovkons.amender.tree import node_at
from lovkons.amender.units import Outcome
from lovkons.model.document import Address, Document, Problem, Source
from lovkons.model.edits import (
    ChangeOfItem,
    DeleteText,
    Insert,
    InsertText,
    Operation,
    Relabel,
    Renumber,
    Repeal,
    RepealAndInsert,
    Replace,
    ReplaceBilag,
    ReplaceText,
)


@dataclass(slots=True)
class ApplyContext:
    """Per-order state: the snapshot resolver and the rykningsklausuler still to check."""

    resolver: Resolver
    source: Source | None = None
    renumbers: list[Renumber] = field(default_factory=list)
    done: set[tuple[str, str]] = field(default_factory=set)  # (source, address) already applied
    item_start: Document | None = None  # the document before the current item (consolidate sets it)
    unheld: list[Renumber] = field(default_factory=list)  # clauses that did not hold after the order
    item_ops: tuple[Operation, ...] = ()  # the operations of the current item (consolidate sets them)
    act_ops: tuple[Operation, ...] = ()  # the operations of every item of the act (consolidate sets them)
    earlier: tuple[Operation, ...] = ()  # the operations earlier items of the act applied (consolidate adds them)
    older: bool = False  # the act was passed before its base was published (amender.older_act)
    # the document before the act's first item, when the act cites its units in an earlier text (chain.cited_text)
    act_start: Document | None = None
    # § label → (act, resolver): the act counts that §'s stykker as before an earlier act (amender.older_count)
    counted: dict[str, tuple[str, Resolver]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OpResult:
    document: Document
    problems: tuple[Problem, ...] = ()
    touched: frozenset[str] = frozenset()
    applied: bool = False


def context_for(doc: Document, source: Source | None = None) -> ApplyContext:
    """A context whose snapshot is `doc` (the state before the order)."""
    return ApplyContext(Resolver(doc), source)


def apply(doc: Document, op: Operation, ctx: ApplyContext) -> tuple[Document, tuple[Problem, ...]]:
    """Apply `op` to `doc`; refused → (doc unchanged, (error Problem,))."""
    result = apply_op(doc, op, ctx)
    return result.document, result.problems


def _problem(code: str, message: str, source: Source | None, address: Address | str | None,
             severity: str = "error") -> Problem:
    return Problem(code, message, severity, str(source) if source else None, str(address) if address else None)


def apply_op(doc: Document, op: Operation, ctx: ApplyContext) -> OpResult:
    source = op.source or ctx.source
    if isinstance(op, Renumber):
        # "Stk. 9 bliver herefter stk. 10." names stk. 9 as it stood before the item: a unit that did
        # not exist then cannot move, so the clause cannot hold and the provision is withheld
        try:
            ctx.resolver.resolve(ctx.item_start or doc, op.target)
        except ResolveError as err:
            return OpResult(doc, (_problem("RENUMBER_IMPOSSIBLE", f"{op.target} should become {op.new_label}, "
                                           f"but there is no such unit before the item ({err.message})", source,
                                           op.target),))
        ctx.renumbers.append(op)  # checked after the item and again after the order
        return OpResult(doc, applied=True)
    ctx.resolver.readings.clear()
    try:
        outcome = _dispatch(doc, op, ctx, source)
    except ResolveError as err:  # a change of an earlier act's item names the unit of the law it would change
        where = op.change.target if isinstance(op, ChangeOfItem) else op.target
        return OpResult(doc, (_problem(err.code, err.message, source, where),))
    said = [*outcome.warnings, *(r for r in dict.fromkeys(ctx.resolver.readings) if r not in outcome.warnings)]
    problems = tuple(_problem(code, msg, source, op.target, "warning") for code, msg in said)
    return OpResult(outcome.doc, problems, frozenset(outcome.touched), True)


def _dispatch(doc: Document, op: Operation, ctx: ApplyContext, source: Source | None) -> Outcome:
    """The per-kind step: text operations in `amender.text_readings`, the rest in `amender.structure_ops`."""
    if (note := numbered_note(doc, op, source)) is not None:  # "Fodnote 2 til lovens titel affattes således"
        return note
    if isinstance(op, ReplaceText | InsertText | DeleteText):
        return text_op(doc, op, ctx.resolver, source, ctx.item_ops, ctx.act_ops, ctx.earlier, older=ctx.older)
    if isinstance(op, ReplaceBilag):
        return replace_bilag_op(doc, op, ctx.resolver, source)
    if isinstance(op, Replace):
        return replace(doc, ctx.resolver.resolve(doc, op.target), op.payload, op.new, source)
    if isinstance(op, Repeal):
        return repeal_op(doc, op, ctx.resolver, ctx.done, source)
    if isinstance(op, RepealAndInsert):
        return repeal_and_insert_op(doc, op, ctx.resolver, source)
    if isinstance(op, Insert):
        return insert_op(doc, op, ctx.resolver, source)
    if isinstance(op, Relabel):
        return relabel_op(doc, op, ctx.resolver, source)
    if isinstance(op, ChangeOfItem):  # made in the earlier act's item (amender.items_of_acts) where that act is at
        # hand; reaching a document means it is not: the change of a change cannot be made on the text it changes
        raise ResolveError("ITEM_OF_ACT_ABSENT", f"{op.change.op} {op.change.target} in {op.target} of an earlier "
                           "amending act, which is not among the amendments: not applied")
    raise ResolveError("UNSUPPORTED_OPERATION", f"cannot apply {type(op).__name__}")


def _moved_as_cited(ctx: ApplyContext, op: Renumber, label: str) -> str | None:
    """The clause holds in the count of the text the act cites (chain.cited_text), not in the current one: the
    unit moved by as many places as the clause says. LOV 1400/2012 § 1, nr. 2, "§ 182, stk. 5, ophæves. Stk.
    6-10 bliver herefter stk. 5-9.", counts in LBK 810/2012; LOV 1380/2012 (in force the same day, not named)
    had put a new stk. 5 before them, so they end as stk. 6-10, as LBK 1093/2013 § 182 prints them."""
    if ctx.act_start is None:
        return None
    try:
        start = ctx.resolver.resolve(ctx.act_start, op.target)
    except ResolveError:
        return None
    before = node_at(ctx.act_start, start.path).label if start.kind == "node" else None
    cited = op.target.steps[-1][1]
    numbers = [(x or "").strip() for x in (before, cited, op.new_label, label)]
    if not all(x.isdigit() for x in numbers) or numbers[0] == numbers[1]:
        return None
    was, said_from, said_to, now = map(int, numbers)
    if said_to - said_from != now - was:
        return None
    return (f"{op.target} becomes {op.new_label} in the count of the text the act cites; an act it does not count "
            f"had moved the unit to {was}, and the item moved it to {now}, as the clause says")


def check_renumbers(doc: Document, ctx: ApplyContext, *, final: bool) -> list[Problem]:
    """Rykningsklausuler / "der bliver" are assertions: compare them with the labels the amender
    computed. Mismatches are kept for the end of the order (etapevis rykning gives final labels)."""
    left: list[Renumber] = []
    problems: list[Problem] = []
    for op in ctx.renumbers:
        try:
            target = ctx.resolver.resolve(doc, op.target)
            label = node_at(doc, target.path).label if target.kind == "node" else None
        except ResolveError:
            label = None
        if label is not None and label.replace(" ", "") == op.new_label.replace(" ", ""):
            continue
        if not final:
            left.append(op)
            continue
        if label is not None and (moved := _moved_as_cited(ctx, op, label)) is not None:
            problems.append(_problem("RENUMBER_IN_CITED_COUNT", moved, op.source, op.target, "warning"))
            continue
        # An error, not a warning: the act says what the unit becomes, and where our labels disagree
        # the provision is not what the act makes it. In the development cases every such provision
        # (LBK 656/2011 § 11 a; LBK 653/2012 § 13; LBK 1074/2016 § 20 until the payload »2) … 3) …« of
        # LOV 268/2014 § 4, nr. 10, was read as two numbers) differed from the LBK.
        ctx.unheld.append(op)
        problems.append(_problem("RENUMBER_MISMATCH", f"{op.target} should become {op.new_label}, "
                                 f"but is {label or 'not found'} after the order", op.source, op.target))
    ctx.renumbers = left
    return problems
