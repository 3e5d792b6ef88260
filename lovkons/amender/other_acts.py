"""Stage 2 (amender): change blocks that amend another act than the base, made in that act or refused.

"§ 3. I lov nr. 633 af 16. juni 2014 om ændring af lov om elforsyning, lov om naturgasforsyning og lov om
Energinet.dk (…) foretages følgende ændringer: 1. § 1, nr. 2-6, 17, 19, 26, 44 og 50, ophæves. 2. I § 5, stk. 4,
ændres »nr. 2-7« til: »nr. 7«, … 3. § 7 ophæves. …" (LOV 577/2015 § 3): the block changes an amending act, not the
law it amends (elforsyningsloven, LBK 1329/2013). Its "§ 7" is § 7 of LOV 633/2014 (a transitional provision), never
§ 7 of the base. Drafting convention (ændring af en ændringslov): the numbers of the block are those of the act its
opening cites, so
- "§ 1, nr. 2-6, … ophæves" repeals numbered changes of that act: where the act is among the amendments, they never
  take effect (the items go from the earlier act). A legislature repeals only changes not yet in force (the
  repeal of a spent amending provision would undo nothing), so the dates are not compared (they are often read
  from the act's own first commencement, which later acts postpone: LOV 577/2015 § 3, nr. 2 itself);
- a change of one of its numbered changes ("I § 1, nr. 9, ophæves …") is made by `amender.items_of_acts`;
- every other change (its commencement, transitional provisions) is not a change of the base: refused with
  AMENDS_OTHER_ACT naming the act, where the block would be applied (the part of the manifest names it).
A block whose opening cites the base (even by an earlier consolidation or by its title) is never touched here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

import regex

from lovkons.amender.citing import base_refs, cites_base
from lovkons.amender.items_of_acts import act_key, numbered_change, ref_key
from lovkons.model.document import Document, Problem
from lovkons.model.edits import AmendingDocument, ChangeBlock, Repeal

# The title of an amending act as an opening cites it: "lov nr. 633 af 16. juni 2014 om ændring af lov om
# elforsyning, …" (DocRef.title "lov om ændring af lov om elforsyning, …"); "bekendtgørelse om ændring af …".
_AMENDING_TITLE = regex.compile(r"""^\s*(?:lov|bekendtgørelse|anordning)?\s*om\s+ændring\s+af\b""",
                                regex.VERBOSE | regex.IGNORECASE)


def amends_other_act(block: ChangeBlock, base: Document, refs: list[tuple[int, int, dt.date | None]],
                     keys: dict[str | None, int], own: int) -> bool:
    """The block's opening cites an act other than the base: another act of the manifest, or an amending act."""
    if cites_base(block, base, refs):
        return False
    ref = block.target
    if ref.number is not None and ref.date is not None and keys.get(ref_key(ref), own) != own:
        return True
    return bool(ref.title and _AMENDING_TITLE.match(ref.title))


def _items_repealed(op: object) -> list[tuple[str, int]] | None:
    """(§, nr.) of every numbered change a repeal names ("§ 1, nr. 2-6, … ophæves"), or None."""
    if not isinstance(op, Repeal):
        return None
    out = []
    for address in (op.target, *op.group):
        at = numbered_change(address)
        if at is None:
            return None
        out.append((at[0].replace(" ", ""), at[1]))
    return out


def _drop_items(order: AmendingDocument, gone: set[tuple[str, int]]) -> AmendingDocument:
    blocks = tuple(replace(b, items=tuple(i for i in b.items if (b.paragraf.replace(" ", ""), i.number) not in gone))
                   for b in order.changes)
    return replace(order, changes=blocks)


def blocks_of_other_acts(orders: Sequence[AmendingDocument], base: Document,
                         selected: Callable[[AmendingDocument, ChangeBlock], bool]
                         ) -> tuple[list[AmendingDocument], list[Problem], set[str]]:
    """The orders with every block that amends another act emptied (its repeals of the earlier act's numbered
    changes made there), the refusals (where the block is selected) and the sources ("LOV 577/2015 § 3") of the
    blocks emptied."""
    refs = base_refs(base)
    keys = {act_key(o.meta.kind, o.meta.number, o.meta.year): n for n, o in enumerate(orders)}
    keys.pop(None, None)
    out = list(orders)
    problems: list[Problem] = []
    emptied: set[str] = set()
    for n, order in enumerate(orders):
        blocks = list(out[n].changes)
        for b, block in enumerate(blocks):
            if not amends_other_act(block, base, refs, keys, n):
                continue
            earlier = keys.get(ref_key(block.target))
            named = f"{block.target.kind or 'act'} {block.target.number}/{block.target.year}"
            where = f"{order.meta.short} § {block.paragraf}"
            for item in block.items:
                gone: dict[tuple[str, int], None] = {}
                for op in item.operations:
                    at = _items_repealed(op)
                    if at and earlier is not None and earlier != n:
                        gone.update(dict.fromkeys(at))
                        continue
                    if selected(order, block):
                        problems.append(Problem(
                            "AMENDS_OTHER_ACT", f"{op.op} {op.target} changes {named} (cited by the opening of "
                            f"{where}), not {base.meta.short}: not applied to it", "error",
                            f"{where}, nr. {item.number}", None, order.meta.source))
                if gone and earlier is not None:
                    out[earlier] = _drop_items(out[earlier], set(gone))
                    problems.append(Problem(
                        "ITEM_OF_ACT_REPEALED", f"{', '.join(f'§ {p}, nr. {i}' for p, i in gone)} of {named} repealed "
                        f"by {where}, nr. {item.number}, before taking effect: not applied", "warning",
                        f"{where}, nr. {item.number}", None, order.meta.source))
            blocks[b] = replace(block, items=())
            emptied.add(where)
        out[n] = replace(out[n], changes=tuple(blocks))
    return out, problems, emptied

