"""Stage 2 (amender): units the base prints for a numbered change that never took effect, taken out.

Drafting convention (ændring af en ændringslov): a numbered change repealed by a later act before it took effect
("§ 1, nr. 5, … ophæves", LOV 251/2011 § 4, nr. 1, on LOV 493/2010) never became law. A lovbekendtgørelse issued
between the act and its commencement may print it all the same, as adopted: LBK 654/2010 (lov om sikkerhed til
søs) prints § 3, stk. 2, inserted by LOV 493/2010 § 1, nr. 5 ("I § 3 indsættes som stk. 2: »Stk. 2. …«"). The
next consolidation takes it out: LBK 72/2014 prints only the stk. 2 of LOV 251/2011 § 2, nr. 2. So where an
insertion at the end of a list ("som stk. N") of a repealed numbered change stands in the base word for word, as
the last unit of its list, and the base is not older than the act, that unit is taken out before the orders are
applied (ITEM_OF_ACT_PRINTED_AHEAD). Anything less exact is left as it is (the orders then meet the unit; an
insertion with its number is refused, TARGET_OCCUPIED).
"""

from __future__ import annotations

from collections.abc import Sequence

from lovkons.amender.resolve import ResolveError, resolve_current
from lovkons.amender.tree import children_at
from lovkons.amender.units import same_unit_key, splice
from lovkons.model.document import Document, Problem
from lovkons.model.edits import AmendingDocument, Insert, Item


def dropped_items(before: Sequence[AmendingDocument], after: Sequence[AmendingDocument]
                  ) -> list[tuple[AmendingDocument, Item]]:
    """The numbered changes present in `before` and gone from `after` (the same orders, in the same order)."""
    out = []
    for old, new in zip(before, after, strict=True):
        kept = {(b.paragraf, i.number) for b in new.changes for i in b.items}
        out += [(old, i) for b in old.changes for i in b.items if (b.paragraf, i.number) not in kept]
    return out


def printed_ahead(base: Document, dropped: Sequence[tuple[AmendingDocument, Item]]
                  ) -> tuple[Document, list[Problem]]:
    """The base with the units of dropped insertions it prints word for word taken out, and a warning for each."""
    problems: list[Problem] = []
    for order, item in dropped:
        if order.meta.date is None or base.meta.date is None or base.meta.date < order.meta.date:
            continue
        for op in item.operations:
            if not isinstance(op, Insert) or op.position != "end" or not op.payload:
                continue
            try:
                target = resolve_current(base, op.target)
            except ResolveError:
                continue
            if target.kind != "node":
                continue
            kids = children_at(base, target.path)
            n = len(op.payload)
            tail = kids[len(kids) - n:] if 0 < n <= len(kids) else ()
            if len(tail) != n or [same_unit_key(k) for k in tail] != [same_unit_key(p) for p in op.payload]:
                continue
            base = splice(base, target.path, len(kids) - n, len(kids), [])
            labels = ", ".join(f"{p.kind.value}. {p.label}" for p in op.payload)
            source = str(op.source) if op.source else f"{order.meta.short}, nr. {item.number}"
            problems.append(Problem(
                "ITEM_OF_ACT_PRINTED_AHEAD", f"{op.target}: the base prints {labels} as inserted by {source}, which "
                "was repealed before it took effect; taken out",
                "warning", source, str(op.target), order.meta.source))
    return base, problems
