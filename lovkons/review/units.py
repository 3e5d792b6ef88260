"""Stage 2 (review, eval): where inside a wrong § the difference lies, unit by unit (stk., nr., litra).

Input: our §, the LBK's § and the base's § (Document nodes), the operations of the case; output: the
differing units, each with whether an instruction addressed it. Units are aligned by their labels in
both trees; where the labels of a unit's children differ (another stk. numbering, a unit missing on one
side) the unit is "not aligned" and nothing is said about where inside it the difference lies. A unit
counts as addressed when an applied, refused or pending operation (or a problem) names it, a unit
containing it or a unit inside it; when our text of it is not the base's (we changed it); or when one of
its nodes carries an instruction's provenance. A structural operation (insertion before/after a unit,
repeal, renumbering) addresses the unit around it, whose numbering it shifts.

Real example: LBK 1121/2012 (tests/data/units/) prints "Samtidig" where the amending act and the base
wrote "Samtidigt" in a stk. no instruction addressed: the § differs only "outside" the instructions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lovkons.amender.consolidate import Consolidation
from lovkons.amender.tree import label_key
from lovkons.model.document import (
    Address,
    AddressError,
    Document,
    Kind,
    Level,
    Node,
    display_label,
    parse_address,
)
from lovkons.model.edits import (
    AmendingDocument,
    DeleteText,
    Insert,
    InsertText,
    Operation,
    Replace,
    ReplaceText,
)
from lovkons.review.instructed import address_keys, by_instruction, items_by_source, op_keys
from lovkons.review.renames import name_only
from lovkons.review.untouched import CaseTexts, lbk_edit

Unit = tuple[tuple[str, str], ...]  # (("stk", "2"), ("nr", "3")); () = the § as a whole
_LEVELS = {Level.STK: "stk", Level.NR: "nr", Level.LITRA: "litra"}
_KINDS = {Kind.STK: "stk", Kind.NR: "nr", Kind.LITRA: "litra"}
# operations that change the text of the unit they name, not the numbering around it
_IN_PLACE = (ReplaceText, InsertText, DeleteText, Replace)


def unit_label(unit: Unit) -> str:
    """(("stk", "4"), ("nr", "3")) → "stk. 4, nr. 3"; () → "§" (the § itself: its own text)."""
    return ", ".join(f"litra {lab}" if kind == "litra" else f"{kind}. {lab}" for kind, lab in unit) or "§"


def address_unit(address: Address, *, structural: bool = False) -> Unit:
    """The unit an address names inside its §: "§ 5, stk. 2, 3. pkt." → stk. 2; a nr. without a stk.
    ("§ 5, nr. 3": which stk.?) → the whole §. `structural` (an insertion next to it, a repeal, a
    renumbering: the numbering from it on shifts) → the unit and every later sibling: ("stk", "≥2")."""
    unit: list[tuple[str, str]] = []
    in_pkt = False
    for level, lab in address.steps:
        if level is Level.PKT:
            in_pkt = True
            break
        if level in _LEVELS:
            unit.append((_LEVELS[level], label_key(lab)))
    if unit and unit[0][0] != "stk":
        return ()
    if structural and not in_pkt and unit:
        unit[-1] = (unit[-1][0], _FROM + unit[-1][1])
    return tuple(unit)


_FROM = "≥"


def _order(label: str) -> tuple[int, str]:
    """"10" → (10, ""), "2a" → (2, "a"): the order of labels among siblings."""
    digits = label.rstrip("abcdefghijklmnopqrstuvwxyzæøå")
    return (int(digits), label[len(digits):]) if digits.isdigit() else (10**9, label)


def _covers(step: tuple[str, str], other: tuple[str, str]) -> bool:
    """An addressed step covers a unit's step: the same, or ("stk", "≥2") and any later stk."""
    if step[0] != other[0]:
        return False
    if step[1].startswith(_FROM):
        return _order(other[1]) >= _order(step[1].removeprefix(_FROM))
    return step[1] == other[1]


@dataclass(frozen=True, slots=True)
class UnitScope:
    """Per § key the units some operation addressed; `unknown` = any unit may have been addressed."""

    units: Mapping[str, frozenset[Unit]]
    unknown: bool = False

    def addresses(self, key: str, unit: Unit) -> bool:
        """A unit is addressed when an addressed unit contains it or lies inside it."""
        return self.unknown or any(all(_covers(x, y) for x, y in zip(a, unit, strict=False))
                                   for a in self.units.get(key, ()))

    def shifted(self, key: str, unit: Unit) -> bool:
        """A structural operation (an insertion, repeal or renumbering: ("stk", "≥11")) may have shifted
        the numbering at or above the unit: the base's unit of the same label need not be where ours came
        from (LOV 1569/2015 § 8, nr. 3 inserts § 13, stk. 11 of LBK 761/2016: our stk. 16 is the base's 15)."""
        return self.unknown or any(
            len(a) <= len(unit) and a[-1][1].startswith(_FROM) and all(_covers(x, y) for x, y in zip(a, unit, strict=False))
            for a in self.units.get(key, ()) if a)


def _address_units(addresses: Iterable[Address | None], keys: set[str], *, structural: bool) -> dict[str, set[Unit]]:
    """Units of `keys` the addresses name; a key no address names inside its § (a kapitel, a payload's
    new §) is addressed as a whole."""
    exact: dict[str, set[Unit]] = {}
    for address in addresses:
        par = address.label_of(Level.PARAGRAF) if address else None
        if address and par is not None:
            exact.setdefault(label_key(par), set()).add(address_unit(address, structural=structural))
    return {key: exact.get(key) or {()} for key in keys}


def op_units(op: Operation, docs: Sequence[Document]) -> dict[str, set[Unit]]:
    """§ key → units one operation addresses (see op_keys for the §§)."""
    structural = not isinstance(op, _IN_PLACE) and not (isinstance(op, Insert) and op.position == "end")
    found = _address_units(op_addresses(op), op_keys(op, docs), structural=structural)
    par = op.target.label_of(Level.PARAGRAF)
    if isinstance(op, Insert) and op.position == "end" and par is not None and label_key(par) in found:
        found[label_key(par)] = _new_units(op, found[label_key(par)])
    return found


def op_addresses(op: Operation) -> list[Address]:
    """The addresses an operation names: its target, its group ("§ 3 a, stk. 4, og § 3 b, stk. 3") and the
    ends of its spans ("§§ 62-62 c")."""
    return [op.target, *(getattr(op, "group", ()) or ()), *(a for span in getattr(op, "spans", ()) or () for a in span)]


def payload_units(op: Insert) -> list[Unit]:
    """The labelled stk./nr./litra of an insertion's payload, as units inside its target ("I § 43 indsættes
    som stk. 4:" → § 43, stk. 4)."""
    inside = address_unit(op.target)
    return [(*inside, (_KINDS[n.kind], label_key(n.label))) for n in op.payload if n.kind in _KINDS and n.label]


def _new_units(op: Insert, units: set[Unit]) -> set[Unit]:
    """"I § 43 indsættes som stk. 4:" (LOV 607/2013 § 18, nr. 1) addresses the new stk. 4, not the
    whole § 43: the labelled units of the payload inside the target; else the target as a whole."""
    new = set(payload_units(op))
    if op.new is None and op.payload and len(new) == len(op.payload) and all(u[0][0] == "stk" for u in new) \
            and op.target.steps[-1][0] in (Level.PARAGRAF, Level.STK, Level.NR):
        return new
    return units


def _text_units(text: str | None, docs: Sequence[Document], *, structural: bool = True) -> dict[str, set[Unit]]:
    if not text:
        return {}
    try:
        address = parse_address(text)
    except AddressError:
        return {}  # the §§ it cites are addressed as wholes by the caller's scope (not "outside")
    return _address_units([address], address_keys(address, docs), structural=structural)


def unit_scope(base: Document, result: Consolidation, orders: Sequence[AmendingDocument] = (), *,
               unknown: bool = False) -> UnitScope:
    """The units addressed by the operations instructed_scope counts (applied, refused, pending)."""
    docs = (base, result.document)
    items = items_by_source(orders)
    units: dict[str, set[Unit]] = {}

    def add(found: Mapping[str, set[Unit]]) -> None:
        for key, value in found.items():
            units.setdefault(key, set()).update(value)

    def add_item(source: str | None) -> bool:
        for item in items.get(source or "", ()):
            for op in item.operations:
                add(op_units(op, docs))
        return (source or "") in items

    for applied in result.applied:
        structural = applied.op not in ("replace", "replace_text", "insert_text", "delete_text")
        if not add_item(str(applied.source)) or applied.op not in ("insert", "repeal_and_insert"):
            add(_text_units(applied.target, docs, structural=structural))
    for problem in result.problems:
        add(_text_units(problem.address, docs))
        if problem.severity == "error" or ", nr. " in (problem.source or ""):
            add_item(problem.source)
    for pending in result.pending:
        for op in pending.item.operations:
            add(op_units(op, docs))
    return UnitScope({k: frozenset(v) for k, v in units.items()}, unknown)


@dataclass(frozen=True, slots=True)
class UnitDiff:
    unit: Unit
    aligned: bool  # the unit's children carry the same labels on both sides
    addressed: bool
    # addressed, but ours and the LBK differ only where ours is the base's, no guard holding: the LBK's own
    # edit of words no instruction touched (review.untouched)
    lbk_edit: bool = False

    @property
    def label(self) -> str:
        return unit_label(self.unit)


def _parts(node: Node) -> list[Node]:
    return [c for c in node.children if c.kind is not Kind.NOTE]


def _norm(text: str) -> str:
    return " ".join(text.split())


def unit_text(node: Node) -> str:
    """A unit's comparison text (labels of its sub-units included, notes left out)."""
    return _norm(" ".join(x for x in (node.text, *(f"{display_label(c)} {unit_text(c)}" for c in _parts(node))) if x))


def _child_key(node: Node) -> tuple[str, str, bool]:
    return node.kind.value, label_key(node.label) if node.label else "", node.repealed


def differing_units(ours: Node, theirs: Node) -> list[tuple[Unit, bool]]:
    """The deepest units whose text differs, each with whether its sub-units align by label."""
    out: list[tuple[Unit, bool]] = []

    def visit(a: Node, b: Node, unit: Unit) -> None:
        pa, pb = _parts(a), _parts(b)
        if [_child_key(c) for c in pa] != [_child_key(c) for c in pb]:
            out.append((unit, False))
            return
        here = _norm(a.text) != _norm(b.text)
        for x, y in zip(pa, pb, strict=True):
            if unit_text(x) == unit_text(y):
                continue
            if x.kind in _KINDS and x.label:
                visit(x, y, (*unit, (_KINDS[x.kind], label_key(x.label))))
            else:
                here = True  # free text (after a list) belongs to the unit around it
        if here:
            out.append((unit, True))

    visit(ours, theirs, ())
    return out


def path_to(node: Node | None, unit: Unit) -> list[Node] | None:
    """The nodes from the § down to the unit (None when a label is missing)."""
    path: list[Node] = []
    for kind, lab in unit:
        found = [c for c in _parts(node) if _KINDS.get(c.kind) == kind and c.label and label_key(c.label) == lab] \
            if node else []
        if len(found) != 1:
            return None
        node = found[0]
        path.append(node)
    return path


def where(key: str, ours: Node, theirs: Node, base: Node | None, scope: UnitScope, *,
          renamed: bool = False, case: CaseTexts | None = None) -> tuple[UnitDiff, ...]:
    """The differing units of § `key` (ours vs. the LBK's), each with whether it was addressed;
    `renamed`: the ressort layer renamed in the § (a unit that differs from the base only by such a
    name was not changed by an instruction, as in review.evaluate.score); `case`: what the operations
    of the case write and quote, to tell an addressed unit's difference the LBK's own (review.untouched)."""
    out = []
    for unit, aligned in differing_units(ours, theirs):
        mine, before = path_to(ours, unit), path_to(base, unit) if base is not None else None
        if mine is None or before is None or base is None:
            out.append(UnitDiff(unit, aligned, True))
            continue
        now, then = unit_text(mine[-1] if mine else ours), unit_text(before[-1] if before else base)
        changed = now != then and not (renamed and name_only(now, then))
        changed = changed or any(by_instruction(n.changed_by) for n in [*mine[:-1], *(mine[-1].walk() if mine else ())])
        addressed = changed or scope.addresses(key, unit)
        lbk = path_to(theirs, unit)
        edit = bool(addressed and case and aligned and lbk is not None and not scope.shifted(key, unit)
                    and lbk_edit(then, now, unit_text(lbk[-1] if lbk else theirs), key, case))
        out.append(UnitDiff(unit, aligned, addressed, edit))
    return tuple(out)


def outside(units: Sequence[UnitDiff]) -> bool:
    """The § differs only in units no instruction addressed, all of them aligned."""
    return bool(units) and all(u.aligned and not u.addressed for u in units)


def untouched_words(units: Sequence[UnitDiff]) -> bool:
    """Not `outside`, but every differing unit is aligned and either unaddressed or differs only where
    our text is the base's (UnitDiff.lbk_edit): the LBK's own edit of words no instruction touched."""
    return (bool(units) and not outside(units)
            and all(u.aligned and (not u.addressed or u.lbk_edit) for u in units))


def paragraf_nodes(doc: Document) -> dict[str, Node | None]:
    """§ key → its node (None when the label occurs twice), §§ in bilag left out (as paragraf_map)."""
    seen: dict[str, list[Node]] = {}

    def visit(nodes: tuple[Node, ...]) -> None:
        for node in nodes:
            if node.kind is Kind.PARAGRAF:
                seen.setdefault(label_key(node.label), []).append(node)
            elif node.kind in (Kind.KAPITEL, Kind.AFSNIT):
                visit(node.children)

    visit(doc.children)
    return {key: nodes[0] if len(nodes) == 1 else None for key, nodes in seen.items()}
