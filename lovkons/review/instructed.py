"""Stage 2 (amender, eval): which §§ the instructions of a case address, applied, refused or pending.

Input: base Document, Consolidation, the amending orders; output: InstructedScope (§ keys). Used by the
eval to tell a wrong § no instruction addressed ("uninstructed") from one an instruction addressed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from lovkons.amender.citing import base_refs, cites_base
from lovkons.amender.consolidate import Consolidation
from lovkons.amender.tree import label_key
from lovkons.model.document import Address, AddressError, Document, Kind, Level, Node, Source, parse_address
from lovkons.model.edits import AmendingDocument, Insert, Item, Operation, Renumber
from lovkons.ressort.layer import EDITORIAL

_NUM = r"\d+(?:\s*[a-zA-Z](?![a-zæøå]))?"
_PAR = regex.compile(rf"§\s*({_NUM})")
# the further members of a list after "§§": "new §§ 35 a, 35 b do not fit between § 35 a and § 36" (PAYLOAD_MISMATCH of
# LOV 641/2013 § 1, nr. 24), "§§ 14 og 15", "§§ 62-62 c" (its ends)
_LIST = regex.compile(rf"§§\s*{_NUM}(?P<more>(?:\s*(?:,|og|-|–)\s*{_NUM}(?!\s*(?:\.|stk|nr|pkt)))*)")
_MEMBER = regex.compile(_NUM)


def cited_keys(text: str) -> set[str]:
    """Keys of every § a text cites ("… § 29, stk. 2, og § 30 a …" → {"29", "30a"}; "§§ 35 a, 35 b" → {"35a", "35b"})."""
    more = [m for found in _LIST.finditer(text) for m in _MEMBER.findall(found["more"])]
    return {label_key(m) for m in [*_PAR.findall(text), *more]}
# steps whose unit is not part of a §'s comparison text (headings, title, bilag, "overalt")
_OUTSIDE = {Level.OVERSKRIFT, Level.TITEL, Level.TITELNOTE, Level.INDLEDNING, Level.BILAG, Level.DOKUMENT}


@dataclass(frozen=True, slots=True)
class InstructedScope:
    """The §§ (keys) some instruction addressed; `unknown` = an error whose scope could not be read
    (an unread order, an instruction naming no §), so any § may have been addressed."""

    keys: frozenset[str]
    unknown: bool = False

    def addresses(self, label: str) -> bool:
        return self.unknown or label_key(label) in self.keys


def _chapter_keys(doc: Document, address: Address) -> set[str]:
    """The §§ inside the kapitel/afsnit an address names ("kapitel 3" repealed or replaced)."""
    names = [(lvl, label_key(lab)) for lvl, lab in address.steps]
    out: set[str] = set()

    def visit(nodes: tuple[Node, ...], depth: int) -> None:
        for node in nodes:
            if node.kind in (Kind.KAPITEL, Kind.AFSNIT):
                lvl, lab = names[depth] if depth < len(names) else (None, "")
                if depth >= len(names):
                    visit(node.children, depth)
                elif node.kind.value == getattr(lvl, "value", None) and label_key(node.label) == lab:
                    visit(node.children, depth + 1)
            elif node.kind is Kind.PARAGRAF and depth >= len(names) and node.label:
                out.add(label_key(node.label))

    visit(doc.children, 0)
    return out


def address_keys(address: Address | None, docs: Sequence[Document], *, anchor: bool = False) -> set[str]:
    """§ keys an address reaches: "§ 5, stk. 2" → {"5"}; "kapitel 3" → its §§; a heading, the title, a
    bilag or "overalt" → none. `anchor`: the address is only where new units go ("Efter § 5 indsættes"),
    so a bare § or kapitel is not addressed, while a stk. inside § 5 is (§ 5 gets the new unit)."""
    if not address or any(level in _OUTSIDE for level, _ in address.steps):
        return set()
    par = address.label_of(Level.PARAGRAF)
    if par is not None:
        deeper = address.steps[-1][0] is not Level.PARAGRAF
        return {label_key(par)} if deeper or not anchor else set()
    if anchor:
        return set()
    return set().union(*(_chapter_keys(doc, address) for doc in docs))


def op_keys(op: Operation, docs: Sequence[Document]) -> set[str]:
    """§ keys one operation addresses: its target (an insertion's anchor only when the new unit goes
    inside that §), its group, the §§ its payload brings, a § renumbering's new number."""
    anchor = isinstance(op, Insert) and op.position in ("after", "before")
    if isinstance(op, Insert) and op.position == "end" and op.target.steps[-1][0] is not Level.PARAGRAF:
        anchor = True  # "i kapitel 3 indsættes som § 12 a": the kapitel is a container, not changed
    out = address_keys(op.target, docs, anchor=anchor)
    for address in getattr(op, "group", ()) or ():
        out |= address_keys(address, docs)
    for node in getattr(op, "payload", ()) or ():
        out |= {label_key(n.label) for n in node.walk() if n.kind is Kind.PARAGRAF and n.label}
    if isinstance(op, Renumber) and op.target.steps and op.target.steps[-1][0] is Level.PARAGRAF:
        out.add(label_key(op.new_label))
    return out


def _text_keys(text: str | None, docs: Sequence[Document]) -> set[str]:
    """§ keys of an address written as text ("§ 29, stk. 2"), or the §§ it cites when it does not parse."""
    if not text:
        return set()
    try:
        return address_keys(parse_address(text), docs)
    except AddressError:
        return cited_keys(text)


def _outside_provisions(text: str | None) -> bool:
    """Whether an address names a unit outside the §§ (a bilag, as `parse_address` reads it): an error there
    has a scope that was read, no § of the law ("bilag 1, nr. 1 does not exist", LOV 403/2014 § 4, nr. 34 on
    the FAIF law, case LBK 1074/2016). "Overalt" (DOKUMENT) may reach any §, and an address that does not
    parse is not read: both stay unknown."""
    if not text:
        return False
    try:
        levels = {level for level, _ in parse_address(text).steps}
    except AddressError:
        return False
    return bool(levels & _OUTSIDE) and Level.DOKUMENT not in levels


def _provisions(nodes: tuple[Node, ...]) -> Iterable[Node]:
    """The §§ of the provisions (inside kapitler/afsnit, not in a bilag)."""
    for node in nodes:
        if node.kind is Kind.PARAGRAF:
            yield node
        elif node.kind in (Kind.KAPITEL, Kind.AFSNIT):
            yield from _provisions(node.children)


def items_by_source(orders: Iterable[AmendingDocument]) -> dict[str, list[Item]]:
    """Items by their source string ("LOV 341/2011 § 7, nr. 1") and by order ("LOV 341/2011": all)."""
    out: dict[str, list[Item]] = {}
    for order in orders:
        short = order.meta.short
        for block in order.changes:
            for item in block.items:
                out.setdefault(f"{short} § {block.paragraf}, nr. {item.number}", []).append(item)
                out.setdefault(f"{short} § {block.paragraf}", []).append(item)
                out.setdefault(short, []).append(item)
    return out


def instructed_scope(base: Document, result: Consolidation,
                     orders: Sequence[AmendingDocument] = ()) -> InstructedScope:
    """The §§ addressed by any operation that was applied, refused (an error or warning names it) or
    pending, plus every § whose nodes carry provenance (`changed_by`, e.g. where an "Overalt i loven"
    replacement applied). Without the orders, applied targets are used as given (an insertion's anchor
    then counts as addressed: the safe side)."""
    docs = (base, result.document)
    items = items_by_source(orders)
    keys: set[str] = set()
    unknown = False

    def item_keys(source: str | None) -> set[str] | None:
        found = items.get(source or "")
        if found is None:
            return None
        return set().union(*(op_keys(op, docs) for item in found for op in item.operations))

    for applied in result.applied:
        found = item_keys(str(applied.source))
        keys |= found if found is not None else _text_keys(applied.target, docs)
        if applied.op not in ("insert", "repeal_and_insert"):
            keys |= _text_keys(applied.target, docs)
    for problem in result.problems:
        here = _text_keys(problem.address, docs)
        if problem.severity == "error" or ", nr. " in (problem.source or ""):  # a warning: its item only
            here |= item_keys(problem.source) or set()
        if problem.severity == "error":
            here |= cited_keys(problem.message)
            unknown |= not here and not _outside_provisions(problem.address)
        keys |= here
    for pending in result.pending:
        keys |= set().union(*(op_keys(op, docs) for op in pending.item.operations))
    keys |= {label_key(node.label) for node in _provisions(result.document.children)
             if node.label and any(by_instruction(n.changed_by) for n in node.walk())}
    return InstructedScope(frozenset(keys), unknown)


def refused_order_keys(base: Document, result: Consolidation, orders: Sequence[AmendingDocument]) -> set[str]:
    """§ keys of the orders refused as a whole: an error whose source is the order itself (no item, no
    address: BAD_PART, BASE_NOT_CITED "LOV 565/2012 has no change block § 132 c"), so that none of its
    items applied. Every § its change blocks for the base address is wrong because of that error, not
    silently: it counts as refused. The blocks that cite the base, or the order's one block when none does (the
    error may be that none does). Real example: LBK 1055/2012 (færdselsloven) names "§ 132 c" of LOV 565/2012 as
    the part incorporated (its preamble: "§ 1, nr. 1-8, 10, 11 og nr. 13 vedrørende § 132 b og § 132 c");
    LOV 565/2012 § 1 rewrites §§ 63, 124 a, 124 c, 124 d, … which stay as the base has them."""
    refused = {p.source for p in result.problems if p.severity == "error" and p.address is None and p.source}
    docs = (base, result.document)
    out: set[str] = set()
    for order in orders:
        if order.meta.short not in refused:
            continue
        refs = base_refs(base)
        # none citing the base: the error may be that none does, but only a lone block is surely the base's
        blocks = [b for b in order.changes if cites_base(b, base, refs)] or (
            list(order.changes) if len(order.changes) == 1 else [])
        out |= {key for b in blocks for item in b.items for op in item.operations for key in op_keys(op, docs)}
    return out


def by_instruction(sources: tuple[Source, ...]) -> bool:
    """Provenance of an instruction: not of an editorial change (a ressortændring, lovkons.ressort)."""
    return any(not s.document.startswith(EDITORIAL) for s in sources)
