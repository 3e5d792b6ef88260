"""Stage 2 (amender): the orders as they are to be applied, then applied. Before the base is touched, a
change of an earlier amending act's numbered change is made in that act (`items_of_acts`: "I § 1, nr. 9, ophæves
§ 16, nr. 6", LOV 1560/2010 § 5), and a block amending another act than the base is emptied (`other_acts`: LOV
577/2015 § 3 on LOV 633/2014). Every way in — `apply` with a manifest, `consolidate`/`timeline`/`rebuild` over a
corpus, the library's `apply` — goes through `consolidate_orders`, so they agree on what was applied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from lovkons.amender.consolidate import Consolidation, Withheld, base_refs, block_selected, consolidate
from lovkons.amender.item_part import ItemPart
from lovkons.amender.items_of_acts import changes_of_items
from lovkons.amender.other_acts import blocks_of_other_acts
from lovkons.amender.printed_ahead import dropped_items, printed_ahead
from lovkons.model.document import Document, Problem
from lovkons.model.edits import AmendingDocument, ChangeBlock


def prepared(orders: Sequence[AmendingDocument], base: Document, parts: Mapping[str, str],
             at: dt.date | None = None) -> tuple[list[AmendingDocument], list[Problem], set[str], Document]:
    """The orders with the changes of earlier acts' items made and the blocks amending other acts emptied, the
    problems of both (reported where the block is applied: it cites the base, or the manifest's part names it),
    the sources of the emptied blocks, and the base without the units it prints for numbered changes repealed
    before they took effect (`printed_ahead`)."""
    refs = base_refs(base)

    def selected(order: AmendingDocument, block: ChangeBlock) -> bool:
        return block_selected(block, base, refs, parts.get(order.meta.short))

    out, problems = changes_of_items(orders, selected, at)
    changed = out
    out, refused, emptied = blocks_of_other_acts(out, base, selected)
    base, ahead = printed_ahead(base, [(o, i) for o, i in dropped_items(changed, out)
                                       if any(i in b.items and selected(o, b) for b in o.changes)])
    return out, [*problems, *refused, *ahead], emptied, base


def consolidate_orders(base: Document, orders: Sequence[AmendingDocument], *, at: dt.date | None = None,
                       parts: Mapping[str, str] | None = None, withheld: frozenset[Withheld] = frozenset(),
                       in_base: frozenset[Withheld] = frozenset(), in_part: Mapping[Withheld, ItemPart] | None = None,
                       ) -> tuple[Consolidation, tuple[AmendingDocument, ...]]:
    """`consolidate` of the prepared orders → (the consolidation with the problems of preparing first, the orders
    as applied). `withheld`: items left pending, `in_base`: items skipped, `in_part`: items applied in part (see
    `consolidate`)."""
    parts = parts or {}
    ready, problems, emptied, base = prepared(orders, base, parts, at)
    result = consolidate(base, ready, at=at, parts=parts, withheld=withheld, in_base=in_base, in_part=in_part)
    if emptied:  # a block emptied as amending another act is not "applied because the part names it"
        result = replace(result, problems=tuple(p for p in result.problems if p.source not in emptied
                                                or p.code not in ("BASE_NOT_CITED", "PART_ITEM_MISSING")))
    if problems:
        result = replace(result, problems=(*problems, *result.problems))
    return result, tuple(ready)
