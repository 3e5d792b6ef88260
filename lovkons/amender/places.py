"""Stage 2 (amender): one instruction, several places — each place gets the operation.

Input: the operations of one item; output: the same operations with a recast of punktummer that names
places in more than one unit split into one operation per unit.

Convention (places listed with "og", one new text): "§ 3 a, stk. 4, 2. pkt., og § 3 b, stk. 3, 2. pkt.,
affattes således: »Forrentningen sker …«" (LOV 1361/2010 § 10, nr. 1; LBK 124/2011 prints the new
sentence in both places). The reader keeps the places as one operation with both in its group, and the
new text replaces the named punktummer of each unit — within one unit the named run ("2. og 3. pkt.")
gives way to the new text once; in every other unit named, the same again. Each unit's share is its
own operation, so the atomic grain (`amender.grain`) decides what stands together: places in different
§§ are independent (a failing one is refused by its name, the others applied), places in one § stand
or fall together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace as dc_replace

from lovkons.model.document import Address, Level
from lovkons.model.edits import Operation, RepealAndInsert


def _unit(address: Address) -> tuple[tuple[Level, str], ...]:
    return tuple(address.steps[:-1])


def each_place(ops: Sequence[Operation]) -> tuple[Operation, ...]:
    """Split every recast of punktummer whose group lies in several units into one per unit, in the
    order the instruction names them. Other operations (and a group that mixes punktummer with whole
    units) are left as read: `amender.recast` refuses a place it would leave unapplied."""
    out: list[Operation] = []
    for op in ops:
        if not isinstance(op, RepealAndInsert) or len(op.group) < 2 or not all(
                a.steps and a.last[0] is Level.PKT for a in op.group):
            out.append(op)
            continue
        units: dict[tuple[tuple[Level, str], ...], list[Address]] = {}
        for address in op.group:
            units.setdefault(_unit(address), []).append(address)
        if len(units) == 1:
            out.append(op)
            continue
        out += [dc_replace(op, target=places[0], group=tuple(places)) for places in units.values()]
    return tuple(out)
