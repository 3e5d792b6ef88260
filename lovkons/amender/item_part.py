"""Stage 2 (amender): a numbered change applied in part — its operations on the units an LBK names.

Drafting convention (Justitsministeriets vejledning om lovbekendtgørelser): a change an LBK has not
incorporated is named in its introduction, and where only a part of a numbered change is left out, the LBK
names the units of the law that part concerns (parsers.concerning). LBK 1141/2016: "De ændringer, der vedrører
§ 41, stk. 4-7, og § 66, stk. 2, og som følger af § 1, nr. 2-6, i lov nr. 1877 af 29. december 2015 …, er ikke
indarbejdet i denne lovbekendtgørelse"; LBK 1274/2013 names "§ 1, nr. … 24 delvis …, i lov nr. 641 af 12. juni
2013" among the changes it incorporates and says that the ones "der vedrører § 13, § 35, stk. 2, nr. 1, §§ 35 b,
37 a og 41, … og som følger af § 1, nr. 5, 21, 24 delvis, 27, …" are not: it prints the § 35 a that nr. 24
brings and not its § 35 b. So of such an item the operations on those units are held back (`held`: the LBK
compared with does not have them) and the others apply; and when the base LBK says so, only the operations
on its units apply (`only`: the base has the others in its text already; LBK 122/2015 on LBK 1330/2013 brings
§ 35 b of LOV 641/2013 § 1, nr. 24).

Where an operation acts: the unit it changes, or the units its payload brings ("Efter § 35 indsættes: »§ 35 a.
… § 35 b. …«" brings § 35 a and § 35 b; its anchor § 35 is only where). An operation whose place overlaps a
named unit either way ("§ 41 affattes" and "§ 41, stk. 4") is on it: the LBK says that change is left out. A
rykningsklausul ("Stk. 4 bliver herefter stk. 5") goes with the operation of the item on the same § that
moves it. An operation on the whole law ("Overalt i loven") or on another act's item has no place to compare,
nor one that holds a named unit and more (the new § 43 a of LOV 900/2013 § 1, nr. 1, of which LBK 1330/2013
leaves out stk. 7): it is refused, never applied on a guess. The LBK names units by its own numbers, the act by
those before its change: in a § whose numbering the act moves, labels below the § do not tell (LBK 418/2016 names
"§ 5, nr. 6" for LOV 633/2014 § 1, nr. 4: "I § 5, nr. 5, der bliver nr. 6, udgår …"), and such an operation is
held (or, against `only`, applied), as the whole item was before units were read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import replace as dc_replace

from lovkons.amender.tree import label_key
from lovkons.amender.units import par_order
from lovkons.model.document import UNIT_LEVELS, Address, Kind, Level, Node
from lovkons.model.edits import AmendingDocument, ChangeOfItem, Insert, Operation, Renumber, RepealAndInsert
from lovkons.parsers.concerning import Unit, units_text
from lovkons.parsers.not_incorporated import NotIncorporated
from lovkons.parsers.parts import parse_parts

Withheld = tuple[str, str, int]  # an item: its act ("LOV 641/2013"), § of the act, nr. (as amender.consolidate)

_LEVEL = UNIT_LEVELS
_TOP = (Kind.PARAGRAF, Kind.KAPITEL, Kind.AFSNIT, Kind.BILAG)  # addressed by their own label alone


@dataclass(frozen=True, slots=True)
class ItemPart:
    """The part of one numbered change that applies: not its operations on `held` (the LBK compared with says
    »`held_by`«), and, when `only` is set, only its operations on those units (the base says »`only_by`«)."""

    held: tuple[Unit, ...] = ()
    only: tuple[Unit, ...] | None = None
    held_by: str = ""
    only_by: str = ""

    def __str__(self) -> str:
        out = [f"held {units_text(self.held)}"] if self.held else []
        return "; ".join([*out, *([f"only {units_text(self.only)}"] if self.only is not None else [])])


def places(op: Operation) -> tuple[Address, ...] | None:
    """The units an operation changes or brings; None when it has no place to compare (`Overalt i loven`, an item
    of another act)."""
    if isinstance(op, ChangeOfItem) or any(level is Level.DOKUMENT for level, _ in op.target.steps):
        return None
    payload = getattr(op, "payload", ()) or ()
    if isinstance(op, Insert):  # where the new units stand: beside the anchor, or at the end of the container
        container = op.target.parent if op.position in ("after", "before") else op.target
        brought = [Address(((_LEVEL[n.kind], n.label),)) if n.kind in _TOP else container.child(_LEVEL[n.kind], n.label)
                   for n in payload if n.kind in _LEVEL and n.label]
        return tuple(brought) or ((container,) if container else (op.target,))
    out = [op.target, *(op.group if isinstance(op, RepealAndInsert) else ())]
    out += [Address(((Level.PARAGRAF, n.label),)) for n in payload if n.kind is Kind.PARAGRAF and n.label]
    return tuple(out)


def _same(a: tuple[Level, str], b: tuple[Level, str]) -> bool:
    return a[0] is b[0] and label_key(a[1]) == label_key(b[1])


def _between(label: str, unit: Unit) -> bool:
    """"§§ 71 a-73": § 71 a, § 72, § 72 a … § 73 (by the order of labels)."""
    assert unit.through is not None
    lo, hi = unit.address.steps[0][1], unit.through.steps[0][1]
    return par_order(lo) <= par_order(label) <= par_order(hi)


def overlaps(address: Address, unit: Unit) -> bool:
    """Whether a place lies in the unit, or holds it: "§ 41, stk. 4, 2. pkt." and "§ 41" both overlap "§ 41, stk. 4"."""
    a, u = address.steps, unit.address.steps
    if not a or not u:
        return False
    if unit.through is not None and a[0][0] is Level.PARAGRAF and u[0][0] is Level.PARAGRAF:
        return _between(a[0][1], unit)
    return all(_same(x, y) for x, y in zip(a, u, strict=False))


def _unsure(where: tuple[Address, ...], units: Sequence[Unit], moved: frozenset[str]) -> bool:
    """Whether the place lies in a § whose numbering the act moves ("I § 5, nr. 5, der bliver nr. 6, udgår …", LOV
    633/2014 § 1, nr. 4) and is compared with a unit of that § below it: the LBK names units by its own numbers
    (LBK 418/2016: "§ 5, nr. 1, 2, 6, 9 og 14"), the act by those before it, so labels there do not tell."""
    def key(address: Address) -> str | None:
        label = address.label_of(Level.PARAGRAF)
        return None if label is None else label_key(label)
    return any(key(p) in moved and any(key(u.address) == key(p) and len(u.address.steps) > 1 for u in units)
               for p in where)


def _fate(where: tuple[Address, ...] | None, part: ItemPart, moved: frozenset[str] = frozenset()) -> str:
    """"apply", "held" (left pending), "base" (in the base's text) or "refuse" (the place holds a named unit and
    more, or cannot be compared: no part of it is said exactly). Where the labels do not tell (`_unsure`), the
    operation is held when the LBK compared with names units there, and applies against the base's: as the whole
    item was before units were read."""
    if where is None:
        return "refuse"
    if part.held and _unsure(where, part.held, moved):
        return "held"
    if part.only is not None and not _unsure(where, part.only, moved):
        inside = all(any(_within(p, u) for u in part.only) for p in where)
        if not inside:
            return "base" if not any(overlaps(p, u) for p in where for u in part.only) else "refuse"
    if not part.held or not any(overlaps(p, u) for p in where for u in part.held):
        return "apply"
    return "held" if all(any(_within(p, u) for u in part.held) for p in where) else "refuse"


def _within(address: Address, unit: Unit) -> bool:
    """The place lies in the unit (the unit's steps begin it)."""
    return overlaps(address, unit) and (unit.through is not None or len(address.steps) >= len(unit.address.steps))


def _pieces(op: Operation) -> list[tuple[Operation, Node | None]]:
    """An insertion of several units ("Efter § 35 indsættes: »§ 35 a. … § 35 b. …«", LOV 641/2013 § 1, nr. 24) one
    piece per unit, with the heading before it (LOV 900/2013 § 1, nr. 1: "Pristillæg m.v. til biogas" before
    § 43 a), in order, each with its unit; any other operation one piece."""
    payload = getattr(op, "payload", ()) or ()
    units = [n for n in payload if n.kind in _LEVEL and n.label]
    if not isinstance(op, Insert) or len(units) < 2 or not all(n in units or n.kind is Kind.OVERSKRIFT for n in payload):
        return [(op, None)]
    out: list[tuple[Operation, Node | None]] = []
    before: list[Node] = []
    for n in payload:
        if n.kind is Kind.OVERSKRIFT:
            before.append(n)
            continue
        out.append((dc_replace(op, payload=(*before, n)), n))
        before = []
    if before:  # a heading after the last unit: not a run of units as read
        return [(op, None)]
    return out


def split(operations: Sequence[Operation], part: ItemPart,
          moved: frozenset[str] = frozenset()) -> tuple[list[Operation], list[Operation], list[Operation]]:
    """(the operations that apply, those held back, those refused) of one item; those the base has are dropped.
    `moved`: the §§ (by label_key) whose numbering the act moves (a rykningsklausul of any of its items there).
    An insertion of several units applies the units that apply, each run after the unit before it that stands in
    the text (LBK 122/2015 has § 35 a of LOV 641/2013 § 1, nr. 24 from its base, and prints § 35 b after it)."""
    fates: list[list[tuple[Operation, Node | None, str]]] = []
    for op in operations:
        fates.append([(piece, node, _fate(places(piece), part, moved)) for piece, node in _pieces(op)])
    if part.held and not any(f in ("held", "refuse") for pieces in fates for _, _, f in pieces):
        # named by the LBK, and not one operation on its units: the units are not where we read the item's places
        # (LOV 1631/2013 § 13, nr. 1 changes LOV 490/2013's "§ 1, nr. 19", LBK 895/2015 names "lovens § 18 og § 19"):
        # held whole, as named
        fates = [[(piece, node, "held" if f == "apply" else f) for piece, node, f in pieces] for pieces in fates]
    for i, op in enumerate(operations):  # a rykningsklausul goes with the operation on its § that moves it
        if isinstance(op, Renumber):
            mover = next((f for j, other in enumerate(operations) if j != i and not isinstance(other, Renumber)
                          and _same_paragraf(other, op) for _, _, f in fates[j]), None)
            if mover is not None:
                fates[i] = [(op, None, mover)]
    applies: list[Operation] = []
    held: list[Operation] = []
    refused: list[Operation] = []
    for op, pieces in zip(operations, fates, strict=True):
        kinds = {f for _, _, f in pieces}
        if len(kinds) == 1:
            {"apply": applies, "held": held, "refuse": refused, "base": []}[kinds.pop()].append(op)
            continue
        assert isinstance(op, Insert)
        if op.position == "before" and "apply" in kinds:  # where the units that apply stand is not said
            refused.append(op)
            continue
        anchor = op.target
        for piece, node, fate in pieces:
            assert node is not None
            if fate == "apply":
                applies.append(dc_replace(piece, target=anchor) if op.position == "after" else piece)
            else:
                {"held": held, "refuse": refused, "base": []}[fate].append(piece)
            if fate in ("apply", "base") and op.position == "after":
                top = node.kind in _TOP
                label = node.label or ""
                anchor = Address(((_LEVEL[node.kind], label),)) if top else op.target.parent.child(_LEVEL[node.kind], label)
    return applies, held, refused


def _same_paragraf(op: Operation, renumber: Renumber) -> bool:
    where = places(op) or ()
    mine = renumber.target.label_of(Level.PARAGRAF)
    return mine is not None and any(label_key(p.label_of(Level.PARAGRAF)) == label_key(mine) for p in where
                                    if p.label_of(Level.PARAGRAF) is not None)


def parts_said(orders: Sequence[AmendingDocument], said: Sequence[NotIncorporated], base_says: Sequence[NotIncorporated],
               parts: Mapping[str, str], as_printed: bool = False) -> dict[Withheld, ItemPart]:
    """The items of `orders` that apply in part: those whose operations on some units the LBK compared with says
    it has not incorporated (`said`, statements with units), and — of an act the manifest names whole — those whose
    operations on some units the base LBK says it has not incorporated (`base_says`): only those apply. An item
    the manifest's part names "delvis" (LBK 122/2015 names "§ 1, nr. 5, 24 delvis, … i lov nr. 641 af 12. juni
    2013") is read by the base's units only `as_printed` (the eval): that the part the base left out is the part
    now incorporated rests on the LBK compared with not naming it (LBK 1330/2013 names "§ 1, nr. 1 delvis … i lov
    nr. 900 af 4. juli 2013" and leaves out a part of what its base left out)."""
    out: dict[Withheld, ItemPart] = {}
    for order in orders:
        short = order.meta.short
        part = parts.get(short)
        try:
            delvis = {(label_key(p.paragraf), n) for p in parse_parts(part) for n in p.partly} if part else set()
        except ValueError:
            delvis = set()
        for block in order.changes:
            for item in block.items:
                n = item.number
                held = [w for w in said if w.names(order, block.paragraf, n) and w.units_of(n)]
                only = [w for w in base_says if w.names(order, block.paragraf, n) and w.units_of(n)] if (
                    part is None or (as_printed and (label_key(block.paragraf), n) in delvis)) else []
                if held or only:
                    out[(short, block.paragraf, n)] = ItemPart(
                        tuple(dict.fromkeys(u for w in held for u in w.units_of(n))),
                        tuple(dict.fromkeys(u for w in only for u in w.units_of(n))) if only else None,
                        held[0].sentence if held else "", only[0].sentence if only else "")
    return out


def moved_paragraphs(order: AmendingDocument) -> frozenset[str]:
    """The §§ (by label_key) in which an item of the act moves the numbering ("Stk. 3 bliver herefter stk. 4")."""
    return frozenset(label_key(label) for b in order.changes for i in b.items for op in i.operations
                     if isinstance(op, Renumber) and (label := op.target.label_of(Level.PARAGRAF)) is not None)
