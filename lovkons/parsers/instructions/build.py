"""Stage 1 (parsers): RawDoc (any route) → AmendingDocument: change blocks with parsed items,
commencement per item, repeals of other documents, transitional notes and problems."""

from __future__ import annotations

import dataclasses
import datetime as dt

import regex

from lovkons.model.address import Address
from lovkons.model.document import Kind, Level, LovkonsError, Node, Problem, Source
from lovkons.model.edits import AmendingDocument, ChangeBlock, Commencement, Item
from lovkons.parsers.bilag_lists import listed_nodes
from lovkons.parsers.instructions.clauses import parse_instruction
from lovkons.parsers.instructions.commencement import CITES_AMENDED_LAW, read_trailing
from lovkons.parsers.instructions.commencement_items import inexact_items, misread_leads, named_items, settle
from lovkons.parsers.instructions.neighbours import supply_empty_stk
from lovkons.parsers.instructions.opening import parse_opening, search_opening
from lovkons.parsers.instructions.payload import clean_block, one_line
from lovkons.parsers.instructions.provisions import Provision, split_provisions
from lovkons.parsers.instructions.raw import RawDoc, RawParagraf
from lovkons.parsers.instructions.targets import Target, TargetError, parse_targets


def own_bilag(raw: dict[str, str]) -> dict[str, tuple[Node, ...]]:
    """The amending document's bilag K ("»Bilag 2 …«") → the new BILAG node for the target."""
    out: dict[str, tuple[Node, ...]] = {}
    for label, text in raw.items():
        body = clean_block(text.strip().removeprefix("»").removesuffix("«").strip())
        lines = body.split("\n")
        m = regex.fullmatch(r"Bilag\s+(\S+(?:\s+[A-Za-z])?)", lines[0].strip()) if lines else None
        new_label = m[1] if m else None
        rest = lines[1:] if m else lines
        bid = f"bilag{new_label or ''}"
        children = listed_nodes(tuple(Node(Kind.TEKST, text=ln) for ln in rest if ln), bid)  # "1) …" lines as nr.
        out[label] = (Node(Kind.BILAG, label=new_label, text="", children=children, id=bid),)
    return out


# an item that starts with a bare § number ("50, stk. 5, affattes således:")
_MISSING_SIGN = regex.compile(r"(\s*(?:I\s+)?)(\d+(?: [a-z])?)(?=, stk\. \d)")


def build(raw: RawDoc) -> AmendingDocument:
    meta = raw.meta
    if meta.source is None and raw.file:  # problems of the amender name the order's file
        meta = dataclasses.replace(meta, source=raw.file)
    # the amending provisions of ordinary §§ ("§§ 2-7 i lov nr. … ophæves") and the rest of their text
    provisions: dict[str, list[Provision]] = {}
    stykker: list[str] = []
    for para in raw.paragraffer:
        if para.opening is not None:
            continue
        for stk in para.stykker:
            found, rest = split_provisions(stk)
            provisions.setdefault(para.label, []).extend(found)
            if rest:
                stykker.append(rest)
    trailing = read_trailing(stykker, published=meta.published, signed=meta.date)
    # a main law (LOV) may amend other laws in its last §§; only an LBK never amends. A § the XML marks as
    # amending that repeals a whole act ("Reklameafgiftsloven, lov nr. 1228 af 18. december 2012, ophæves.",
    # LOV 1891/2015) makes a repealing act an order too.
    repeals_act = any(p.marked_amending for p in raw.paragraffer) and bool(trailing.repeals)
    if meta.kind == "LBK" or not (any(p.opening for p in raw.paragraffer) or any(provisions.values()) or repeals_act):
        raise LovkonsError("not an amending document (no '… foretages følgende ændringer:')", file=raw.file)
    short = meta.short if meta.number is not None else (meta.title or "(amending document)")
    bilag = own_bilag(raw.bilag)
    problems: list[Problem] = list(raw.problems)
    problems.extend(_located(p, raw.file) for p in trailing.problems)
    blocks: list[ChangeBlock] = []
    texts: dict[tuple[str, int], str] = {}  # the items' instruction text as read
    for para in raw.paragraffer:
        if para.opening is None:
            for provision in provisions.get(para.label, []):
                block, probs = _provision_block(para, provision, short, trailing.commencement)
                blocks.append(block)
                problems.extend(Problem(p.code, p.message, p.severity, p.source, p.address, raw.file, para.line)
                                for p in probs)
            continue
        om = search_opening(para.opening)
        target, amended_by = parse_opening(om["cited"] if om else para.opening)
        items: list[Item] = []
        for it in para.items:
            in_force = item_in_force(trailing.commencement, para.label, it.number)
            source = Source(short, para.label, it.number, in_force, one_line(it.text))
            text = it.text
            slip = _MISSING_SIGN.match(text)
            if slip:  # "15. 50, stk. 5, affattes således:" (LOV 576/2012): the § sign was left out
                text = f"{slip[1]}§ {text[slip.end(1):]}"
                problems.append(Problem("TOLERATED_SLIP", "the § sign is missing before the first target; read as "
                                        f"»§ {slip[2]}«", "warning", str(source), None, raw.file, it.line))
            supplied = supply_empty_stk(text, items)
            if supplied:  # "I § 9 a, stk. , indsættes som nr. 4:" (LOV 1563/2016 § 1, nr. 5): see neighbours.py
                text = supplied[0]
                problems.append(Problem("TOLERATED_CITATION", supplied[1], "warning", str(source), None, raw.file,
                                        it.line))
            ops, probs = parse_instruction(text, source, bilag=bilag)
            rules = [c for c in trailing.commencement
                     if c.applies_to != "all" and _covers(c.applies_to, para.label, it.number) == 2]
            if len(rules) > 1:  # several rules name the item (LOV 118/2012 § 8, nr. 1): see settle
                chosen, note = settle(rules, Item(it.number, source.text, ops), Address(
                    ((Level.PARAGRAF, para.label), (Level.NR, str(it.number)))))
                if note is not None:
                    problems.append(_located(note, raw.file))  # like COMMENCEMENT_INEXACT: the rule's, by address
                if chosen.date != in_force:
                    in_force = chosen.date
                    source = dataclasses.replace(source, in_force=in_force)
                    ops, probs = parse_instruction(text, source, bilag=bilag)
            problems.extend(Problem(p.code, p.message, p.severity, p.source, p.address, raw.file, it.line) for p in probs)
            items.append(Item(it.number, source.text, ops, in_force, it.line))
            texts[(para.label, it.number)] = text
        blocks.append(ChangeBlock(para.label, target, para.opening, amended_by, tuple(items), para.heading))
    skip, said = misread_leads(trailing.commencement, blocks)
    if skip:  # LOV 431/2010 § 5, stk. 2: "§ 2, nr. 9, … som affattet ved denne lovs § 1, nr. 1, …" (see misread_leads)
        blocks = [_redated(b, trailing.commencement, frozenset(skip), texts, bilag) for b in blocks]
    problems.extend(_located(p, raw.file) for p in said + inexact_items(trailing.commencement, blocks))
    if trailing.effects:  # "§ … har virkning fra den 1. januar 2013" (commencement._EFFECT_END)
        blocks = _effective(blocks, trailing.effects)
    return AmendingDocument(
        meta, tuple(blocks), tuple(trailing.commencement), tuple(trailing.repeals), tuple(trailing.transitional),
        tuple(problems),
    )


def _provision_block(para: RawParagraf, provision: Provision, short: str,
                     commencement: list[Commencement]) -> tuple[ChangeBlock, tuple[Problem, ...]]:
    """A change block of one item for an amending provision of an ordinary § (see provisions.py): in
    force on the day it names, else when the act's commencement puts that § in force."""
    in_force = provision.date or item_in_force(commencement, para.label, 1)
    source = Source(short, para.label, 1, in_force, provision.text)
    ops, probs = parse_instruction(provision.instruction, source)
    item = Item(1, provision.text, ops, in_force, para.line)
    return ChangeBlock(para.label, provision.target, provision.text, (), (item,), para.heading), probs


def _redated(block: ChangeBlock, commencement: list[Commencement], skip: frozenset[tuple[str, str, int]],
             texts: dict[tuple[str, int], str], bilag: dict[str, tuple[Node, ...]]) -> ChangeBlock:
    """The block with the items a rule was misread to name dated again, without that reading; only those: an item
    several rules name keeps the day `settle` chose for it (review15)."""
    misread = {(paragraf, number) for _, paragraf, number in skip}
    items = []
    for it in block.items:
        if (block.paragraf, it.number) not in misread:
            items.append(it)
            continue
        day = item_in_force(commencement, block.paragraf, it.number, skip)
        if day != it.in_force and (block.paragraf, it.number) in texts:
            first = next((op.source for op in it.operations if getattr(op, "source", None)), None)
            source = dataclasses.replace(first, in_force=day) if first else None
            ops = parse_instruction(texts[(block.paragraf, it.number)], source, bilag=bilag)[0] if source else \
                it.operations
            it = dataclasses.replace(it, operations=ops, in_force=day)
        items.append(it)
    return dataclasses.replace(block, items=tuple(items))


def _effective(blocks: list[ChangeBlock], effects: list[Commencement]) -> list[ChangeBlock]:
    """The blocks with each item that a rule says "har virkning fra" a day later than its day in force given that
    day as its `effect`, the most specific rule deciding as for the day in force (item_in_force: one naming the item
    over one naming its § over the whole act's; of equals the later). Its day in force stays: later acts amend the text as it then reads (LOV 114/2017 § 3, nr. 1, in force 2
    February 2017, amends ejendomsskattelovens § 27, stk. 5, which LOV 61/2017 § 2, nr. 2 inserted: in force 19
    January 2017, "§ 2 har virkning fra den 1. januar 2019")."""
    out = []
    for block in blocks:
        items = []
        for it in block.items:
            day = item_in_force(effects, block.paragraf, it.number)
            later = day is not None and it.in_force is not None and day > it.in_force
            items.append(dataclasses.replace(it, effect=day) if later else it)
        out.append(dataclasses.replace(block, items=tuple(items)))
    return out


def _located(p: Problem, file: str | None) -> Problem:
    return Problem(p.code, p.message, p.severity, p.source, p.address, file, p.line)


def item_in_force(commencement: list[Commencement], paragraf: str, number: int,
                  skip: frozenset[tuple[str, str, int]] = frozenset()) -> dt.date | None:
    """The date for item `number` of change block § `paragraf`: the most specific rule covering it
    wins (one naming the item, "§ 1, nr. 4", over one naming its §, over the first dated general
    rule); among equally specific rules the later one ("Dog træder …"). None = undetermined."""
    general = next((c.date for c in commencement if c.applies_to == "all" and c.date), None)
    best: tuple[int, dt.date | None] = (0, general)
    for c in commencement:
        if (c.applies_to, paragraf, number) in skip:  # the rule names the amended law's unit (misread_leads)
            continue
        rank = _covers(c.applies_to, paragraf, number) if c.applies_to != "all" else None
        if rank is not None and rank >= best[0]:
            best = (rank, c.date)
    return best[1]


def _covers(applies_to: str, paragraf: str, number: int) -> int | None:
    """2 when a target of `applies_to` names this item, 1 when it names its § only, else None."""
    targets = _cited_items(applies_to)
    rank: int | None = None
    for t in targets:
        if t.address.label_of(Level.PARAGRAF) != paragraf:
            continue
        nr = t.address.label_of(Level.NR)
        if nr == str(number):
            return 2
        if nr is None:
            rank = 1
    return rank


# What the items a commencement rule names are about: ", om udstedelse af digitale beviser …" (LOV 1746/2016 § 23,
# stk. 3, after "§ 8, nr. 7 og 10, § 10, nr. 2, og § 13, nr. 2 og 7").
_ABOUT = regex.compile(r",?\s+om\s+(?=\p{L})")


def _cited_items(applies_to: str) -> list[Target]:
    """The items a commencement rule names: its whole list of citations, else the list before what they
    are about; for a rule citing the amended law's own units ("udlændingelovens § 9 f, stk. 4, som affattet
    ved denne lovs § 1, nr. 6", LOV 572/2010) or this act's by "lovens § 1, nr. 5" (LOV 273/2012) the act's
    items among them (commencement_items.py)."""
    about = _ABOUT.search(applies_to)
    cuts = [len(applies_to)] + ([about.start()] if about and not CITES_AMENDED_LAW.search(applies_to) else [])
    for cut in cuts:
        try:
            return parse_targets(applies_to[:cut])
        except TargetError:
            continue
    return list(named_items(applies_to).items)
