"""Stage 2 (amender): apply one edit operation to a frozen document, purely.

Input: Document, Operation, ApplyContext (the order's snapshot resolver and the source); output: the new
Document and Problems. A refused operation returns the document unchanged plus one error Problem
(per operation; consolidate withholds the rest of a numbered item when one of its operations is refused).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from amender.insertion import insert
from amender.recast import repeal_and_insert, replace
from amender.repeal import repeal
from amender.resolve import ResolveError, Resolver, Target, resolve_current
from amender.textops import apply_text, sentence_spans
from amender.tree import node_at, top_index
from amender.units import Outcome, owner_id, stamp
from parsers.edits import (
    DeleteText,
    Insert,
    InsertText,
    Operation,
    Renumber,
    Repeal,
    RepealAndInsert,
    Replace,
    ReplaceBilag,
    ReplaceText,
)
from parsers.model import Address, Document, Kind, Level, Node, Problem, Source


@dataclass(slots=True)
class ApplyContext:
    """Per-order state: the snapshot resolver and the rykningsklausuler still to check."""

    resolver: Resolver
    source: Source | None = None
    renumbers: list[Renumber] = field(default_factory=list)
    done: set[tuple[str, str]] = field(default_factory=set)  # (source, address) already applied


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
        ctx.renumbers.append(op)  # checked after the item and again after the order
        return OpResult(doc, applied=True)
    try:
        outcome = _dispatch(doc, op, ctx, source)
    except ResolveError as err:
        return OpResult(doc, (_problem(err.code, err.message, source, op.target),))
    problems = tuple(_problem(code, msg, source, op.target, "warning") for code, msg in outcome.warnings)
    return OpResult(outcome.doc, problems, frozenset(outcome.touched), True)


def _resolve(doc: Document, ctx: ApplyContext, address: Address | None) -> Target | None:
    return ctx.resolver.resolve(doc, address) if address is not None else None


def _repeal_pkts(doc: Document, op: Repeal, ctx: ApplyContext, source: Source | None) -> Outcome:
    """"§ 39, stk. 1, 2. og 3. pkt., ophæves": the punktummer are counted before the item, so the
    whole group of one unit goes at once (the later operations of the group are then done)."""
    key = (str(source), str(op.target))
    if key in ctx.done:
        return Outcome(doc, [], set())
    target = ctx.resolver.resolve(doc, op.target)
    same = [a for a in op.group if a.steps[:-1] == op.target.steps[:-1] and a.last[0] is Level.PKT]
    pkts = sorted({int(a.last[1]) for a in same} | {target.pkt or 0}, reverse=True)
    for k in pkts:
        doc = repeal(doc, Target("pkt", target.path, pkt=k, via=target.via), [], source).doc
    ctx.done |= {(str(source), str(a)) for a in same}
    return Outcome(doc, [], {owner_id(doc, target.path)})


def _group(doc: Document, ctx: ApplyContext, group: tuple[Address, ...]) -> list[Target]:
    out = []
    for address in group:
        try:
            out.append(ctx.resolver.resolve(doc, address))
        except ResolveError:
            continue
    return out


def _range_gaps(doc: Document, group: tuple[Address, ...], members: list[Target]) -> list[Target]:
    """"§§ 5-8 ophæves" takes the lettered §§ inside the range too (§ 6 a; LOV 326/2012 § 9, nr. 11):
    the live §§ standing between the members, for a group of consecutive plain § numbers."""
    labels = [a.last[1] for a in group if len(a.steps) == 1 and a.last[0] is Level.PARAGRAF]
    if len(labels) < 2 or len(labels) != len(group) or not all(x.isdigit() for x in labels):
        return []
    if [int(x) for x in labels] != list(range(int(labels[0]), int(labels[0]) + len(labels))):
        return []
    paths = sorted(t.path for t in members if t.kind == "node")
    if len(paths) < 2:
        return []
    every = sorted(p for ps in top_index(doc).paragraf.values() for p in ps)
    return [Target("node", p) for p in every
            if paths[0] < p < paths[-1] and p not in paths and not node_at(doc, p).repealed]


def _gap_warnings(doc: Document, gaps: list[Target], group: tuple[Address, ...]) -> list[tuple[str, str]]:
    if not gaps:
        return []
    names = ", ".join(f"§ {node_at(doc, g.path).label}" for g in gaps)
    return [("RANGE_INCLUDES", f"{names} lie(s) inside {group[0]}-{group[-1].last[1]} and went with the range")]


def _dispatch(doc: Document, op: Operation, ctx: ApplyContext, source: Source | None) -> Outcome:
    if isinstance(op, ReplaceText | InsertText | DeleteText):
        return _text(doc, op, ctx, source)
    if isinstance(op, ReplaceBilag):
        return _bilag(doc, op, ctx, source)
    if isinstance(op, Replace):
        return replace(doc, ctx.resolver.resolve(doc, op.target), op.payload, op.new, source)
    if isinstance(op, Repeal):
        if op.target.steps and op.target.last[0] is Level.PKT:
            return _repeal_pkts(doc, op, ctx, source)
        target = ctx.resolver.resolve(doc, op.target)
        group = _group(doc, ctx, op.group)
        gaps = _range_gaps(doc, op.group, [target, *[g for g in group if g.kind == "node" and g.path > target.path][:1]])
        outcome = repeal(doc, target, group, source)
        for gap in reversed(gaps):  # tombstones keep the paths of the §§ before them
            more = repeal(outcome.doc, gap, [target], source)
            outcome = Outcome(more.doc, [*outcome.warnings, *more.warnings], outcome.touched | more.touched)
        outcome.warnings += _gap_warnings(doc, gaps, op.group)
        return outcome
    if isinstance(op, RepealAndInsert):
        target = ctx.resolver.resolve(doc, op.target)
        group = _group(doc, ctx, op.group)
        gaps = _range_gaps(doc, op.group, [target, *group])
        container = _resolve(doc, ctx, op.container)
        outcome = repeal_and_insert(doc, target, [*group, *gaps], op.payload, op.new, source, container=container)
        outcome.warnings += _gap_warnings(doc, gaps, op.group)
        return outcome
    if isinstance(op, Insert):
        return _insert(doc, op, ctx, source)
    raise ResolveError("UNSUPPORTED_OPERATION", f"cannot apply {type(op).__name__}")


def _text(doc: Document, op: ReplaceText | InsertText | DeleteText, ctx: ApplyContext,
          source: Source | None) -> Outcome:
    try:
        target = ctx.resolver.resolve(doc, op.target)
    except ResolveError as err:
        # the unit named before the order is gone: the unit carrying the label now is taken only
        # when the quoted text proves it (a warning names the reading)
        if err.code != "TARGET_NOT_FOUND" or not (op.anchor if isinstance(op, InsertText) else op.old):
            raise
        try:
            now = resolve_current(doc, op.target)
            new_doc, warnings = apply_text(doc, now, op, source)
        except ResolveError:
            raise err from None
        warnings = [*warnings, ("RESOLVED_BY_CURRENT_LABEL", f"{op.target}: the unit it named before the "
                                "order was removed by an earlier item; read with the current labels")]
        return Outcome(new_doc, warnings, _touched_by_text(doc, new_doc, now))
    try:
        new_doc, warnings = apply_text(doc, target, op, source, before=ctx.resolver.snapshot)
    except ResolveError as err:
        shifted = _shifted_pkt(doc, target, op, source)
        if shifted is not None:
            new_doc, warnings = apply_text(doc, shifted, op, source)
            warnings = [*warnings, ("PKT_RENUMBERED", f"{op.target}: the punktummer were renumbered by an earlier "
                                    f"item of this order; the quoted text is in {shifted.pkt}. pkt. now")]
            return Outcome(new_doc, warnings, _touched_by_text(doc, new_doc, shifted))
        # labels follow the pre-order numbering, but a drafter may have used the new label:
        # accept the unit that carries the label now only if the quoted text proves it
        if err.code != "TEXT_NOT_FOUND" or target.via != "snapshot":
            raise
        try:
            now = resolve_current(doc, op.target)
            if now.path == target.path:
                raise err from None
            new_doc, warnings = apply_text(doc, now, op, source)
        except ResolveError:
            raise err from None
        warnings = [*warnings, ("RESOLVED_BY_CURRENT_LABEL",
                                f"{op.target} read with the labels after the earlier items of this order")]
        target = now
    touched = _touched_by_text(doc, new_doc, target)
    return Outcome(new_doc, warnings, touched)


def _shifted_pkt(doc: Document, target: Target, op: ReplaceText | InsertText | DeleteText,
                 source: Source | None) -> Target | None:
    """"I § 351, stk. 6, 3. pkt., der bliver 2. pkt., …" after an earlier item of the same order merged
    punktummer: pkt. numbers count from before the order. When the unit was changed by this order and
    the quoted text fits exactly one other punktum, that punktum is meant."""
    if target.kind != "pkt" or source is None or not (op.anchor if isinstance(op, InsertText) else op.old):
        return None
    node = node_at(doc, target.path)
    if not any(s.document == source.document for s in node.changed_by):
        return None
    fits = []
    for k in range(1, len(sentence_spans(node.text)) + 1):
        if k == target.pkt:
            continue
        try:
            apply_text(doc, Target("pkt", target.path, pkt=k, via=target.via), op, source)
        except ResolveError:
            continue
        fits.append(k)
    return Target("pkt", target.path, pkt=fits[0], via=target.via) if len(fits) == 1 else None


def _touched_by_text(old: Document, new: Document, target: Target) -> set[str]:
    if target.kind in ("title", "preamble", "titlenote"):
        return {target.kind}
    if target.kind != "document":
        return {owner_id(old, target.path)}
    before = {n.id: n for n in old.walk()}  # "Overalt": §§, headings and kapitler it changed
    changed = {n.id for n in new.walk() if before.get(n.id) is not n}
    return changed | {k for k in ("title", "preamble", "titlenote") if getattr(old, k, None) != getattr(new, k, None)}


def _insert(doc: Document, op: Insert, ctx: ApplyContext, source: Source | None) -> Outcome:
    try:
        target = ctx.resolver.resolve(doc, op.target)
    except ResolveError:
        # "indsættes som nyt stk. 3" where the § has two stk.: the new unit goes at the end
        if op.position != "before" or len(op.target.steps) < 2 or op.target.last[0] is Level.PARAGRAF:
            raise
        target = ctx.resolver.resolve(doc, op.target.parent)
        _check_next_label(doc, target, op.target)
        op = Insert(op.target.parent, op.payload, "end", op.new, op.container, op.heading, op.heading_of, op.source)
    container = _resolve(doc, ctx, op.container)
    heading_of = _resolve(doc, ctx, op.heading_of)
    return insert(doc, target, op.position, op.payload, op.new, source, container=container,
                  heading=op.heading, heading_of=heading_of)


_LISTED = {Level.STK: Kind.STK, Level.NR: Kind.NR, Level.LITRA: Kind.LITRA}


def _check_next_label(doc: Document, holder: Target, missing: Address) -> None:
    """A unit inserted "before" a unit that does not exist goes to the end of the list only when it then
    carries exactly the label the instruction names ("som stk. 3" in a § with two stk.); else refused."""
    level, label = missing.last
    kind = _LISTED.get(level)
    if kind is None or holder.kind != "node":
        raise ResolveError("TARGET_NOT_FOUND", f"{missing} does not exist")
    node = node_at(doc, holder.path)
    if kind is not Kind.STK and node.kind is Kind.PARAGRAF:
        stks = [c for c in node.children if c.kind is Kind.STK]
        node = stks[0] if len(stks) == 1 else node
    count = sum(c.kind is kind for c in node.children)
    nxt = chr(ord("a") + count) if kind is Kind.LITRA else str(count + 1)
    if label.replace(" ", "") != nxt:
        raise ResolveError("TARGET_NOT_FOUND", f"{missing} does not exist, and a unit put at the end would "
                           f"be {kind.value} {nxt}")


def _bilag(doc: Document, op: ReplaceBilag, ctx: ApplyContext, source: Source | None) -> Outcome:
    if not op.payload:
        raise ResolveError("TARGET_NOT_FOUND", "the amending document's own bilag was not found")
    label = op.target.last[1]
    payload = tuple(n.with_(label=label) if n.kind is Kind.BILAG else n for n in op.payload)
    if not any(n.kind is Kind.BILAG for n in payload):
        payload = (Node(Kind.BILAG, label=label, children=payload),)
    if not op.insert:
        return replace(doc, ctx.resolver.resolve(doc, op.target), payload, None, source)
    index = top_index(doc)
    if any(node_at(doc, p).label == label for p in index.bilag):
        raise ResolveError("LABEL_CONFLICT", f"bilag {label} already exists")
    before = [p for p in index.bilag if _bilag_no(node_at(doc, p).label) < _bilag_no(label)]
    if before:
        anchor = Target("node", before[-1], via="current")
        return insert(doc, anchor, "after", payload, None, source)
    at = index.bilag[0][-1] if index.bilag else len(doc.children)
    stamped = stamp(payload, source, set(index.by_id))
    new_doc = doc.with_(children=(*doc.children[:at], *stamped, *doc.children[at:]))
    return Outcome(new_doc, [], {n.id for n in stamped})


def _bilag_no(label: str | None) -> int:
    digits = "".join(ch for ch in label or "" if ch.isdigit())
    return int(digits) if digits else 0


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
        problems.append(_problem("RENUMBER_MISMATCH", f"{op.target} should become {op.new_label}, "
                                 f"but is {label or 'not found'} after the order", op.source, op.target, "warning"))
    ctx.renumbers = left
    return problems
