"""Stage 2 (amender): units the base prints for a numbered change that never took effect, taken out; a § the base
prints in part (its later stykker left out as not yet in force), found for the item whose whole text it is.

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

import regex

from lovkons.amender.resolve import ResolveError, resolve_current
from lovkons.amender.tree import TreePath, children_at, label_key, node_at, top_index
from lovkons.amender.units import same_unit_key, splice
from lovkons.model.document import Document, Kind, Node, Problem
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


# what an LBK prints for a unit of an inserted § it leaves out because it takes effect later: "Stk. 2. (Udeladt, da
# bestemmelsen først træder i kraft den 1. januar 2012)." (LBK 668/2011 § 12), "Stk. 2. (Ikke trådt i kraft)"
# (LBK 287/2011 § 21 b)
_NOT_YET = regex.compile(r"\((?:Udeladt, da bestemmelsen først træder i kraft[^()]*|Ikke trådt i kraft)\)\.?")


def _not_yet(node: Node) -> bool:
    return not node.children and _NOT_YET.fullmatch(node.text.strip()) is not None


def printed_in_part(doc: Document, point: TreePath, items: list[Node]) -> tuple[TreePath, list[str]] | None:
    """The place of a § that a new § of the same number is the whole text of: the base printed the item's § with
    the stykker that took effect later left out ("Stk. 2. (Udeladt, da bestemmelsen først træder i kraft den 1.
    januar 2012).") and every other stk. word for word. LBK practice: LBK 668/2011 prints dagtilbudslovens § 12,
    inserted by LOV 275/2011 § 1, nr. 8 ("Efter § 11 indsættes før overskriften »Forældrebestyrelse«: »§ 12. …«"),
    without stk. 2 and 3, in force on 1 January 2012 (its introduction: "hvorved § 12, stk. 2 og 3, affattes, er
    ikke indarbejdet"); LBK 1240/2013, incorporating the item, prints the whole § 12. So the item's § takes the place
    of the one printed in part. Returns that §'s path and the labels of the stykker left out; None unless the § is
    all the item inserts (no heading with it), stands at the place (only
    headings and repealed §§ between), and differs from the payload only in such stykker."""
    if len(items) != 1 or items[0].kind is not Kind.PARAGRAF:
        return None
    new = items[0]
    paths = [q for q in top_index(doc).paragraf.get(label_key(new.label), []) if not node_at(doc, q).repealed]
    if len(paths) != 1 or paths[0][:-1] != point[:-1]:
        return None
    at, to = paths[0][-1], point[-1]
    between = children_at(doc, point[:-1])[min(at + 1, to): max(at, to)]
    if any(n.kind is not Kind.OVERSKRIFT and not n.repealed for n in between):
        return None  # a live unit stands between the place and the §
    old = node_at(doc, paths[0])
    if old.text.strip() != new.text.strip() or len(old.children) != len(new.children):
        return None
    left_out = []
    for was, will in zip(old.children, new.children, strict=True):
        if was.label != will.label:
            return None
        if _not_yet(was) and not _not_yet(will):
            left_out.append(f"stk. {was.label}")
        elif same_unit_key(was) != same_unit_key(will):
            return None
    return (paths[0], left_out) if left_out else None
