"""Stage 2 (amender): changes of the numbered changes of an earlier amending act (ChangeOfItem), made before the
earlier act is applied.

"I lov nr. 495 af 21. maj 2013 om ændring af lov om social service … foretages følgende ændringer: … 2. I § 1, nr. 14,
affattes § 137 m, stk. 3, således: »Stk. 3. …«" (LOV 651/2013 § 2, nr. 2): item nr. 14 of § 1 of LOV 495/2013 puts a
new kapitel 24 a with § 137 m into serviceloven; the later act changes that new text before it takes effect. Where
both acts are among the amendments, the change is made in the earlier item's new units (its payload) and the later
item has done its work; where the earlier act is not at hand, the change cannot be made: refused (ITEM_OF_ACT_ABSENT).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

from lovkons.amender.consolidate import consolidate
from lovkons.model.document import Address, Document, Level, Meta, Problem
from lovkons.model.edits import AmendingDocument, ChangeBlock, ChangeOfItem, DocRef, Item


def act_key(kind: str | None, number: int | None, year: int | None) -> str | None:
    """"LOV 495/2013" for an act and for a citation of it ("LOV Æ" is a LOV); None without a number."""
    if number is None:
        return None
    return f"{(kind or '').split()[0] if kind else ''} {number}/{year}"


def ref_key(ref: DocRef) -> str | None:
    return act_key(ref.kind, ref.number, ref.year)


def numbered_change(address: Address) -> tuple[str, int] | None:
    """("1", 14) for "§ 1, nr. 14", the address of an amending act's numbered change; None for any other."""
    steps = address.steps
    if len(steps) != 2 or steps[0][0] is not Level.PARAGRAF or steps[1][0] is not Level.NR:
        return None
    try:
        return steps[0][1], int(steps[1][1])
    except ValueError:
        return None


def _item_of(change: ChangeOfItem) -> tuple[str, int] | None:
    return numbered_change(change.target)


def _changed_payload(item: Item, later: AmendingDocument, block: ChangeBlock, changes: tuple[Item, ...]
                     ) -> tuple[Item | None, tuple[Problem, ...]]:
    """The earlier item with the later order's changes (`changes`: its items with their inner operations) made in
    the new units of the one operation they fit, as one order (labels before it, rykning checked, every item whole:
    amender.consolidate), or None and the problems."""
    problems: tuple[Problem, ...] = ()
    for i, op in enumerate(item.operations):
        payload = getattr(op, "payload", ())
        if not payload:
            continue
        mini = replace(later, changes=(replace(block, items=changes),))
        result = consolidate(Document(Meta(), children=payload), [mini], parts={later.meta.short: f"§ {block.paragraf}"})
        problems = tuple(p for p in result.problems if p.code != "BASE_NOT_CITED")
        if any(p.severity == "error" for p in problems):
            continue
        ops = (*item.operations[:i], replace(op, payload=result.document.children), *item.operations[i + 1:])  # type: ignore[arg-type]
        return replace(item, operations=ops), problems
    if not problems:  # one refusal per change, at the unit it would change (the eval reads only the address)
        problems = tuple(
            Problem("ITEM_OF_ACT_UNCHANGED", f"{later.meta.short} § {block.paragraf}: the item it changes brings no new"
                    " units", "error", str(op.source) if op.source else None, str(op.target))
            for change in changes for op in change.operations)
    return None, problems


def changes_of_items(orders: Sequence[AmendingDocument], selected: Callable[[AmendingDocument, ChangeBlock], bool],
                     day: dt.date | None = None) -> tuple[list[AmendingDocument], list[Problem]]:
    """The orders with every ChangeOfItem made in the earlier act's item (earlier act among `orders`) and taken out
    of the later item (an item left without operations goes); with `day`, only by the items in force that day (the
    others stay in their act, pending, and the earlier item stands as written); one that cannot be made is reported (error) where
    `selected` says its block is applied."""
    by_key = {act_key(o.meta.kind, o.meta.number, o.meta.year): n for n, o in enumerate(orders)}
    by_key.pop(None, None)  # an order without a number is never the act a later one cites
    out = list(orders)
    problems: list[Problem] = []
    for n, order in enumerate(orders):
        if not any(isinstance(op, ChangeOfItem) for b in order.changes for i in b.items for op in i.operations):
            continue
        blocks = []
        for block in order.changes:
            earlier = by_key.get(ref_key(block.target))
            # the changes of each item of the earlier act, item by item of this block, with their inner operations
            per_item: dict[tuple[str, int] | None, list[Item]] = {}
            items = []
            for item in block.items:
                if day is not None and (item.in_force is None or item.in_force > day):
                    items.append(item)  # not yet in force: consolidate lists it as pending
                    continue
                inner = [op for op in item.operations if isinstance(op, ChangeOfItem)]
                for at in dict.fromkeys(_item_of(op) for op in inner):
                    per_item.setdefault(at, []).append(
                        replace(item, operations=tuple(op.change for op in inner if _item_of(op) == at)))
                rest = tuple(op for op in item.operations if not isinstance(op, ChangeOfItem))
                if rest or not inner:  # an item that only changed the earlier act's item is done (or reported)
                    items.append(replace(item, operations=rest))
            for at, changes in per_item.items():
                done, said = _make(out, earlier, at, order, block, tuple(changes))
                if done is not None and earlier is not None:
                    out[earlier] = done
                if done is not None or selected(order, block):
                    problems.extend(said)
            blocks.append(replace(block, items=tuple(items)))
        out[n] = replace(out[n], changes=tuple(blocks))
    return out, problems


def _make(orders: list[AmendingDocument], earlier: int | None, at: tuple[str, int] | None, later: AmendingDocument,
          block: ChangeBlock, changes: tuple[Item, ...]) -> tuple[AmendingDocument | None, tuple[Problem, ...]]:
    """The earlier order with the changes made in its item `at`, or None and why not (one error per change)."""
    def refused(why: str) -> tuple[None, tuple[Problem, ...]]:
        return None, tuple(Problem("ITEM_OF_ACT_ABSENT", f"{op.op} {op.target} in {why}: not applied", "error",
                                   str(op.source) if op.source else None, str(op.target))
                           for item in changes for op in item.operations)

    if earlier is None or at is None:
        named = ref_key(block.target) or block.target.title or "an earlier act"
        return refused(f"a numbered change of {named.strip()}, which is not among the amendments")
    order = orders[earlier]
    paragraf, number = at
    for b, old_block in enumerate(order.changes):
        if old_block.paragraf.replace(" ", "") != paragraf.replace(" ", ""):
            continue
        for i, item in enumerate(old_block.items):
            if item.number != number:
                continue
            new_item, problems = _changed_payload(item, later, block, changes)
            if new_item is None:
                return None, problems
            items = (*old_block.items[:i], new_item, *old_block.items[i + 1:])
            return replace(order, changes=(*order.changes[:b], replace(old_block, items=items),
                                           *order.changes[b + 1:])), problems
    return refused(f"§ {paragraf}, nr. {number} of {order.meta.short}, which it does not have")
