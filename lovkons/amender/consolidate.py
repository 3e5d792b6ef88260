"""Stage 2 (amender): base document + amending orders → consolidated document with a log.

Input: the base Document, AmendingDocuments in application order, optional date and parts; output:
Consolidation(document, applied, problems, pending). Only change blocks that cite the base apply.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import replace as dc_replace

from lovkons.amender.apply import ApplyContext, OpResult, apply_op, check_renumbers
from lovkons.amender.chain import Act, cited_text, stages
from lovkons.amender.citing import base_refs, cites_base
from lovkons.amender.grain import groups
from lovkons.amender.item_part import ItemPart, moved_paragraphs, places, split
from lovkons.amender.older_count import apply_counted
from lovkons.amender.places import each_place
from lovkons.amender.replay import Run, act_operations, settled, trail_for
from lovkons.amender.resolve import Resolver, expand_spans
from lovkons.amender.safety import safety_net
from lovkons.amender.slips import unclosed_quote_stop
from lovkons.amender.tree import is_placeholder
from lovkons.model.document import Document, Kind, Node, Problem, Source
from lovkons.model.edits import AmendingDocument, ChangeBlock, Item, Operation
from lovkons.parsers.parts import Part, parse_parts

Withheld = tuple[str, str, int]  # an item left pending: its act ("LOV 665/2016"), § of the act, nr.


@dataclass(frozen=True, slots=True)
class Applied:
    source: Source
    op: str
    target: str


@dataclass(frozen=True, slots=True)
class Pending:
    """An item not applied because it is not in force at the requested date."""

    source: Source
    item: Item
    in_force: dt.date | None


@dataclass(frozen=True, slots=True)
class Consolidation:
    document: Document
    applied: tuple[Applied, ...]
    problems: tuple[Problem, ...]
    pending: tuple[Pending, ...] = ()

    @property
    def refused(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


# -------------------------------------------------------------------------------------------- main


# "§ 38. (Ophævet)8)" as an LBK prints a repealed § with its note reference: a tombstone, not text


def _tombstone(node: Node) -> Node:  # module functions, not self-calling closures (GC cycles)
    if node.kind is Kind.PARAGRAF and not node.repealed and len(node.children) == 1:
        only = node.children[0]
        return node.with_(repealed=True, children=()) if only.kind is Kind.STK and is_placeholder(only) else node
    if node.kind in (Kind.KAPITEL, Kind.AFSNIT):
        kids = tuple(_tombstone(c) for c in node.children)
        return node if all(a is b for a, b in zip(kids, node.children, strict=True)) else node.with_(children=kids)
    return node


def mark_tombstones(doc: Document) -> Document:
    """§§ whose only text is "(Ophævet)" (readers may leave it as stk. text) become tombstones."""
    kids = tuple(_tombstone(c) for c in doc.children)
    return doc if all(a is b for a, b in zip(kids, doc.children, strict=True)) else doc.with_(children=kids)


def _unique_id(node: Node, parent: str, seen: set[str]) -> Node:
    ident = node.id or (f"{parent}-{node.kind.value}{node.label or ''}".strip("-").replace(" ", ""))
    base, n = ident, 1
    while ident in seen:
        ident, n = f"{base}~{n}", n + 1
    seen.add(ident)
    kids = tuple(_unique_id(c, ident, seen) for c in node.children)
    if ident == node.id and all(a is b for a, b in zip(kids, node.children, strict=True)):
        return node
    return node.with_(id=ident, children=kids)


def ensure_ids(doc: Document) -> Document:
    """Make every node id unique (parsers give ids from the original address; fill/fix the rest)."""
    seen: set[str] = set()
    kids = tuple(_unique_id(c, "", seen) for c in doc.children)
    return doc if all(a is b for a, b in zip(kids, doc.children, strict=True)) else doc.with_(children=kids)


def _same_paragraf(a: str, b: str) -> bool:
    return a.replace(" ", "") == b.replace(" ", "")


def block_selected(block: ChangeBlock, base: Document, refs: list[tuple[int, int, dt.date | None]],
                   part: str | None) -> bool:
    """Whether `consolidate` applies the block: the manifest's part names its § (a part that does not read names
    none), else its opening cites the base — the rule `_select` applies, with its problems."""
    if part:
        try:
            return any(_same_paragraf(block.paragraf, spec.paragraf) for spec in parse_parts(part))
        except ValueError:
            return False
    return cites_base(block, base, refs)


def _select(order: AmendingDocument, base: Document, refs: list[tuple[int, int, dt.date | None]],
            part: str | None, problems: list[Problem],
            in_part: Mapping[Withheld, ItemPart]) -> list[tuple[ChangeBlock, list[Item]]]:
    short = order.meta.short
    if part:
        try:
            specs = parse_parts(part)
        except ValueError as err:
            problems.append(Problem("BAD_PART", str(err), "error", short))
            return []
        out = []
        for spec in specs:  # "§§ 1 og 3 i lov nr. …": each § of the act its own part
            out += _select_part(order, base, refs, spec, problems, in_part)
        place = {id(b): i for i, b in enumerate(order.changes)}
        return sorted(out, key=lambda chosen: place[id(chosen[0])])  # in the act's own order
    out = [(b, list(b.items)) for b in order.changes if cites_base(b, base, refs)]
    if not out:
        problems.append(Problem("BASE_NOT_CITED", f"no change block of {short} cites {base.meta.short}",
                                "error", short))
    return out


def _select_part(order: AmendingDocument, base: Document, refs: list[tuple[int, int, dt.date | None]],
                 spec: Part, problems: list[Problem],
                 in_part: Mapping[Withheld, ItemPart]) -> list[tuple[ChangeBlock, list[Item]]]:
    """The blocks of `order` that one part names (a § of the act, maybe the numbers of its changes). An item
    named "delvis" is applied in the part `in_part` says (amender.item_part), else refused."""
    short = order.meta.short
    blocks = [b for b in order.changes if _same_paragraf(b.paragraf, spec.paragraf)]
    if not blocks:
        problems.append(Problem("BASE_NOT_CITED", f"{short} has no change block § {spec.paragraf}", "error", short))
    out = []
    for b in blocks:
        if not cites_base(b, base, refs):
            problems.append(Problem("BASE_NOT_CITED", f"§ {b.paragraf} of {short} does not cite "
                                    f"{base.meta.short}; applied because the part names it", "warning",
                                    f"{short} § {b.paragraf}"))
        items = [i for i in b.items if spec.items is None or i.number in spec.items]
        missing = sorted((spec.items or frozenset()) - {i.number for i in b.items})
        if missing:
            problems.append(Problem("PART_ITEM_MISSING", f"the part names nr. {', '.join(map(str, missing))}, "
                                    f"which § {b.paragraf} of {short} does not have", "warning",
                                    f"{short} § {b.paragraf}", None, order.meta.source))
        # "nr. 1 delvis": which part of the item is in force is set by an order we do not have,
        # so the item is not applied; the units it would change are named (refused, never silent)
        partly = {i.number for i in items if i.number in spec.partly and (short, b.paragraf, i.number) not in in_part}
        for item in [i for i in items if i.number in partly]:
            problems.append(Problem("PARTIAL_NOT_APPLIED", f"nr. {item.number} is incorporated only in "
                                    "part (\"delvis\"), and which part is not known; not applied "
                                    f"(it changes {', '.join(_item_units(item)) or 'an unknown unit'})",
                                    "error", f"{short} § {b.paragraf}, nr. {item.number}",
                                    next(iter(_item_units(item)), None)))
        out.append((b, [i for i in items if i.number not in partly]))
    return out


def _item_units(item: Item) -> list[str]:
    """The addresses an item acts on, and the §§ its payload brings ("§ 43 a", "§ 43 b", …)."""
    out: list[str] = []
    for op in item.operations:
        if not (op.op == "insert" and getattr(op, "position", None) in ("after", "before")):
            out.append(str(op.target))  # an anchor ("Efter § 43 indsættes") is not changed
        for node in getattr(op, "payload", ()) or ():
            out += [f"§ {n.label}" for n in node.walk() if n.kind is Kind.PARAGRAF and n.label]
    return list(dict.fromkeys(out))


def consolidate(base: Document, orders: Sequence[AmendingDocument], *, at: dt.date | None = None,
                parts: Mapping[str, str] | None = None, withheld: frozenset[Withheld] = frozenset(),
                in_base: frozenset[Withheld] = frozenset(),
                in_part: Mapping[Withheld, ItemPart] | None = None) -> Consolidation:
    """Apply the orders in turn. A numbered item is atomic per provision (`amender.grain`): when one of
    its operations on a § is refused, every operation of the item on that § is withheld and reported
    as refused (the failing ones with their reason, the others with ITEM_WITHHELD); its operations on
    other §§ apply. A provision is never half-changed. Problems carry the order's file and the item's line.
    The acts the last consolidation of the same base began with are not applied again: it goes on
    from the state it had reached before the first act that differs (`amender.replay`). The items
    `withheld` names (act, § of the act, nr.) are left pending like items not yet in force on `at`: the
    changes an official consolidation says it has not incorporated (`parsers.not_incorporated`); the items
    `in_base` names are skipped: the base (an LBK) has them in its text already; the items `in_part` names apply
    in part (`amender.item_part`): their operations on the units an LBK says are not incorporated are left
    pending, and those the base has already are skipped."""
    refs = base_refs(base)
    problems: list[Problem] = []
    in_part = in_part or {}
    acts: list[Act] = [
        (order, _select(order, base, refs, (parts or {}).get(order.meta.short), problems, in_part))
        for order in orders]
    key = (*sorted((parts or {}).items()), *sorted(("withheld", f"{a} § {p}, nr. {n}") for a, p, n in withheld),
           *sorted(("in base", f"{a} § {p}, nr. {n}") for a, p, n in in_base),
           *sorted(("in part", f"{a} § {p}, nr. {n}: {part}") for (a, p, n), part in in_part.items()))
    trail = trail_for(base, at, key, lambda: ensure_ids(mark_tombstones(base)))
    by_stage = stages(acts)  # per act's place, the items applied there (deferred text changes moved)
    run = trail.resume(acts, by_stage)
    for k in range(run.act, len(acts) + 1):  # stage len(acts): text changes deferred past every act
        steps = by_stage.get(k, [])
        if k == run.act and run.skip:  # act k goes on after the items the last run applied
            steps = steps[run.skip:]
        else:
            run.act = k
            trail.mark(run)
        for j, block, item in steps:
            if (acts[j][0].meta.short, block.paragraf, item.number) not in in_base:
                _step(run, acts, j, block, item, at, withheld, stage=k, part=in_part.get(
                    (acts[j][0].meta.short, block.paragraf, item.number)))
        if k < len(acts) and any(items for _, items in acts[k][1]):
            run.starts.setdefault(k, run.doc)  # an act whose items all wait (chain.stages) still has its text
    trail.finish(acts, by_stage, run)
    applied: list[Applied] = []
    final: list[Problem] = []
    for k, kept in sorted(run.ctxs.items()):
        ctx = settled(kept)
        source_file = acts[k][0].meta.source
        final.extend(p if p.file else dc_replace(p, file=source_file, line=run.lines.get(p.source or ""))
                     for p in check_renumbers(run.doc, ctx, final=True))  # file:line of the item it checks
        # a rykningsklausul is an assertion: listed as applied only when it held
        applied += [a for op, a in run.mine.get(k, []) if not any(op is u for u in ctx.unheld)]
    found = [*problems, *run.problems, *final, *safety_net(trail.start, run.doc, run.touched)]
    return Consolidation(run.doc, tuple(applied), tuple(found), tuple(run.pending))


def _step(run: Run, acts: list[Act], k: int, block: ChangeBlock, item: Item, at: dt.date | None,
          withheld: frozenset[Withheld] = frozenset(), stage: int | None = None, part: ItemPart | None = None) -> None:
    """One item of act k applied to the run (or listed as pending, or as not understood) at the place
    of act `stage` in the chain (a later one for a deferred text change, chain.stages); `part`: the part of
    the item that applies (its other operations pending, or in the base already)."""
    order = acts[k][0]
    short = order.meta.short
    if k not in run.ctxs:
        # the text act k cites its labels in; a deferred item whose act applied nothing before it still
        # counts in the text before that act (the run's document then, if the act came first)
        run.starts[k] = before = run.starts.get(k, run.doc)
        passed, published = order.meta.date, before.meta.date
        cited = cited_text(k, acts, run.starts, before)
        run.ctxs[k] = ApplyContext(Resolver(cited), act_ops=act_operations(acts[k]),
                                   older=passed is not None and published is not None and passed < published,
                                   act_start=None if cited is before else before)
    elif stage is not None and stage != k:  # a mark of an earlier place shares the act's context: copy it
        run.ctxs[k] = settled(run.ctxs[k])
        if k in run.mine:
            run.mine[k] = list(run.mine[k])
    ctx = run.ctxs[k]
    source = Source(short, block.paragraf, item.number, item.in_force, item.text)
    run.lines[str(source)] = item.line
    if (at is not None and (item.in_force is None or item.in_force > at)) or (
            (short, block.paragraf, item.number) in withheld):
        run.pending.append(Pending(source, item, item.in_force))
        return
    if not item.operations:
        run.problems.append(Problem("UNPARSED_INSTRUCTION", "the instruction was not understood: "
                                    f"{item.text}", "error", str(source), None, order.meta.source, item.line))
        return
    if part is not None:
        applies, held, refused = split(item.operations, part, moved_paragraphs(order))
        if held:
            run.pending.append(Pending(source, dc_replace(item, operations=tuple(held)), item.in_force))
        # the units the LBK names are quoted: the refusal is about the places the operation changes (review.evaluate)
        run.problems += [Problem("PARTIAL_NOT_APPLIED", f"{op.op} of {_places(op)} not applied: an LBK names a part "
                                 f"of the item (»{part}«) and this operation changes more than that part, or what it "
                                 "changes is not said", "error", str(source), _places(op), order.meta.source,
                                 item.line) for op in refused]
        if not applies:
            return
        item = dc_replace(item, operations=tuple(applies))
    ctx.source = source
    earlier = [(acts[j][0].meta.short, run.starts[j]) for j in sorted(run.starts, reverse=True) if j < k]
    run.doc, done, found = apply_counted(run.doc, item, ctx, source, _apply_item, earlier)
    run.problems.extend(p if p.file else dc_replace(p, file=order.meta.source, line=item.line) for p in found)
    ctx.earlier = (*ctx.earlier, *(op for op, _ in done))  # what the next items may find changed
    for op, result in done:
        run.touched |= result.touched
        run.mine.setdefault(k, []).append((op, Applied(op.source or source, op.op, str(op.target))))
    run.problems.extend(check_renumbers(run.doc, ctx, final=False))


def _places(op: Operation) -> str:
    return ", ".join(map(str, places(op) or ())) or str(op.target)


def _apply_item(doc: Document, item: Item, ctx: ApplyContext,
                source: Source) -> tuple[Document, list[tuple[Operation, OpResult]], list[Problem]]:
    """The operations of one item, atomic per provision (`amender.grain`): a group with a refused
    operation is withheld whole, the other groups apply. The item is re-applied from the state before
    it, in its own order, without the refused groups until none fails. Returns (document, applied (op,
    result) pairs, problems in the order of the operations)."""
    before, renumbers, done_keys = doc, list(ctx.renumbers), set(ctx.done)
    # "§§ 62-62 c": also the lettered §§ between the ends that the document holds (resolve.expand_spans)
    ops, tolerated = unclosed_quote_stop(item, item.operations)
    ops = expand_spans(doc, ops, ctx.resolver)
    ops = each_place(ops)  # "§ 3 a, stk. 4, 2. pkt., og § 3 b, stk. 3, 2. pkt., affattes": one per unit
    group = groups(ops)
    withheld: dict[int, tuple[Operation, OpResult]] = {}  # operation index → its result when refused
    while True:
        ctx.renumbers, ctx.done, ctx.item_start, ctx.item_ops = list(renumbers), set(done_keys), before, ops
        doc = before
        results: dict[int, tuple[Operation, OpResult]] = {}
        for i, op in enumerate(ops):
            if i not in withheld:
                result = apply_op(doc, op, ctx)
                doc = result.document
                results[i] = (op, result)
        failed = {group[i] for i, (_, r) in results.items() if not r.applied}
        if not failed:
            break
        withheld |= {i: pair for i, pair in results.items() if group[i] in failed}
    ctx.item_start, ctx.item_ops = None, ()
    problems: list[Problem] = list(tolerated)
    for i in range(len(ops)):
        if i in results:
            problems.extend(results[i][1].problems)
            continue
        op, r = withheld[i]
        if not r.applied:
            problems.extend(r.problems)
            continue
        problems.append(Problem("ITEM_WITHHELD", f"{op.op} {op.target} not applied: another operation of the "
                                "same item on the same provision was refused, and a provision is changed "
                                "whole or not at all", "error", str(op.source or source), str(op.target)))
    return doc, list(results.values()), problems
