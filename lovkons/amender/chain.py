"""Stage 2 (amender): the chain of amending acts in time: the order their items take effect, and the
text each act cites its units in.

Input: the acts of a consolidation with the items selected from each (Act); output: the items in the
order they apply, and per act the document its labels count in. consolidate applies them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import regex

from lovkons.model.document import Document, Level
from lovkons.model.edits import AmendingDocument, ChangeBlock, Item

Act = tuple[AmendingDocument, list[tuple[ChangeBlock, list[Item]]]]  # an act and its selected items


def in_force_order(acts: Sequence[Act]) -> list[tuple[int, ChangeBlock, Item]]:
    """The items of the acts (act index, block, item): act by act as the chain lists them, and inside
    one act in the order its items take effect (by in-force date, then as listed).

    Drafting convention (drafting-grammar 4.4, step 5): changes are replayed in the order they took
    effect, not the order they are printed in: LOV 496/2013 § 1, nr. 13 and 26 (1 July 2013, "jf. dog")
    change the text before its other items (1 October 2013) do. An item without a date of its own takes
    its act's earliest date (the main commencement is the earliest one in practice). Across acts the
    chain order is kept: an act cites units by the labels its drafters saw, and the data holds both an
    act that cites the units as an act passed later (but in force earlier) renumbered them (LOV
    494/2013 after LOV 493/2013, LBK 1052/2013) and one that cites them as they stood before (LOV
    347/2013 before LOV 646/2013, LBK 771/2013); a date order across acts gets one of the two wrong;
    `cited_text` reads each act's labels in the text its drafters saw instead."""
    flat: list[tuple[dt.date, int, int, ChangeBlock, Item]] = []
    for k, (_, selected) in enumerate(acts):
        items = [(block, item) for block, its in selected for item in its]
        dates = [item.in_force for _, item in items if item.in_force is not None]
        first = min(dates) if dates else dt.date.min
        flat += [(item.in_force or first, k, n, block, item) for n, (block, item) in enumerate(items)]
    flat.sort(key=lambda row: (row[1], row[0], row[2]))
    return [(k, block, item) for _, k, _, block, item in flat]



Step = tuple[int, ChangeBlock, Item]  # an item to apply: its act (index in the chain), block, item
_TEXT_OPS = frozenset({"replace_text", "insert_text", "delete_text"})


def _done(act: Act) -> dt.date | None:
    """The day the act's last item takes effect (None: an item has no date, or none is selected): a
    deferred change moves past an act only when every item of that act is in force before it (review10:
    an act whose other item, in force later, rewrites the unit must come after the change)."""
    dates = [item.in_force for _, items in act[1] for item in items]
    if not dates or any(d is None for d in dates):
        return None
    return max(d for d in dates if d is not None)


def _paragrafs(item: Item) -> frozenset[str | None]:
    """The §§ an item's operations name (None: one names no §, "Overalt i loven": every §)."""
    return frozenset(op.target.label_of(Level.PARAGRAF) for op in item.operations)


def _overlap(a: frozenset[str | None], b: frozenset[str | None]) -> bool:
    return bool(a & b) or (None in a and bool(b)) or (None in b and bool(a))


def stages(acts: Sequence[Act]) -> dict[int, list[Step]]:
    """The items applied at each act's place in the chain: `in_force_order`, except that a text change
    with a later commencement than the acts after it is applied after those acts (a deferred text change,
    stage > its act); in a stage the deferred items come first, by date.

    Drafting convention (forskudt ikrafttræden): a change that takes effect later than a later act
    changes the text as it reads on its own day, the later act's rewrite included. LOV 1539/2010 § 1,
    nr. 8 (in force 2 July 2012) changes »pr. dag« in § 52, stk. 2, which LOV 154/2012 § 1, nr. 8 (in
    force 5 March 2012) had rewritten: LBK 653/2012 prints the rewrite with »pr. dag, jf. dog § 53 a«.
    Only items of text changes alone move (ændres/indsættes/udgår »…«): they change no label, so the
    labels every act cites stay those `cited_text` reads them in. An act whose items have no date stops
    the move (its day is unknown); an act with no item selected is passed over. Where an item goes
    depends only on the acts up to the one that stops it, so a run that goes on from an earlier run's
    mark (`amender.replay`) places it where a run from the base does."""
    empty = [not any(items for _, items in act[1]) for act in acts]
    done = [_done(act) for act in acts]
    order = in_force_order(acts)
    places: list[int] = []  # the act after which each item of `order` is applied
    for k, _, item in order:
        day, p = item.in_force, k
        if day is not None and item.operations and all(op.op in _TEXT_OPS for op in item.operations):
            while p + 1 < len(acts) and (empty[p + 1] or ((d := done[p + 1]) is not None and d < day)):
                p += 1
        places.append(p if day is not None and not all(empty[k + 1:p + 1]) else k)
    # an act's own order holds: a change stays in place when a later item of its act on the same § is
    # applied elsewhere (review10: nr. 1 "Overalt i § 5 ændres »ministeren«", nr. 2 a new stk. in § 5
    # that keeps "ministeren": nr. 2 must not come first); from the last item back, so that a kept item
    # keeps the ones before it
    pars = [_paragrafs(item) for _, _, item in order]
    for n in range(len(order) - 1, -1, -1):
        k = order[n][0]
        if places[n] != k and any(order[m][0] == k and places[m] != places[n] and _overlap(pars[n], pars[m])
                                  for m in range(n + 1, len(order))):
            places[n] = k
    own: dict[int, list[Step]] = {}
    moved: dict[int, list[tuple[dt.date, int, Step]]] = {}
    for n, ((k, block, item), p) in enumerate(zip(order, places, strict=True)):
        if p == k:
            own.setdefault(k, []).append((k, block, item))
        else:  # before the act that stopped it, or after the last act (stage len(acts))
            assert item.in_force is not None
            moved.setdefault(p + 1, []).append((item.in_force, n, (k, block, item)))
    out: dict[int, list[Step]] = {}
    for k in sorted(set(own) | set(moved)):
        out[k] = [step for _, _, step in sorted(moved.get(k, []), key=lambda row: row[:2])] + own.get(k, [])
    return out


# an opening that names a bill passed but not yet law: "og som ændres ved det af Folketinget den 17.
# december 2010 vedtagne forslag til lov om ændring af lov om social service" (LOV 1614/2010 on LOV 1613/2010)
_PENDING_NAMED = regex.compile(r"som ændres ved|vedtagne forslag")


def cited_text(k: int, acts: Sequence[Act],
                starts: Mapping[int, Document], doc: Document) -> Document:
    """The text act k cites its units in: the document before it, unless an earlier act of the chain
    was not yet in force when act k was passed and act k does not name it ("som ændret ved …").

    Drafting convention: an amending act is written on the law as it stands when it is passed, plus
    the amending acts its opening names as "som ændret ved"; a parallel act passed days before, not
    yet in force and not named, is not part of what its labels count. LOV 1287/2012 (19 December 2012)
    "§ 163, stk. 3, affattes således" means the stk. 3 on Fondsrådet, which LOV 1231/2012 (18 December,
    in force 1 January 2013, not named) had just made stk. 4 (LBK 1253/2013 § 163, stk. 4); LOV 494/2013
    "I § 12, stk. 3, ændres »Pensionsstyrelsens«" means the stk. 3 that LOV 493/2013 (in force later)
    makes stk. 2 (LBK 1052/2013). LOV 646/2013 names LOV 347/2013 "som ændret ved", and LOV 1614/2010
    names LOV 1613/2010 as "det af Folketinget den 17. december 2010 vedtagne forslag": both count with
    those changes (LBK 771/2013 § 15, LBK 81/2011 § 182). The labels are read in that earlier text and followed to the units they name now."""
    act = acts[k][0]
    passed = act.meta.date
    if passed is None:
        return doc
    if any(_PENDING_NAMED.search(block.opening) for block, _ in acts[k][1]):
        return doc  # "og som ændres ved det af Folketinget den 17. december 2010 vedtagne forslag …"
    named = {(r.number, r.date.year) for block, _ in acts[k][1] for r in block.amended_by if r.number and r.date}
    for j in sorted(starts):
        if j >= k:
            break
        other, selected = acts[j]
        dates = [item.in_force for _, items in selected for item in items if item.in_force is not None]
        if not dates or min(dates) <= passed or other.meta.number is None or other.meta.year is None:
            continue
        if (other.meta.number, other.meta.year) not in named:
            return starts[j]
    return doc
