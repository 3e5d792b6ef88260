"""Stage 1 (parsers): the items of the amending act a commencement rule names when it names them through the
amended law's own units (drafting convention: "[units] i lov om X som affattet ved denne lovs § A, nr. B").

"Tidspunktet for ikrafttræden af udlændingelovens § 9 f, stk. 4, som affattet ved denne lovs § 1, nr. 6,
fastsættes af ministeren …" (LOV 572/2010 § 4, stk. 2) names the act's § 1, nr. 6; "Færdselslovens § 119 a, …
og § 133 a som affattet eller ændret ved denne lovs § 1, nr. 9-15, 18-21 og 24-29, træder i kraft den 1. oktober
2010." (LOV 716/2010 § 3, stk. 2) its § 1, nr. 9-15, 18-21 and 24-29. A rule may mix those with the act's items
named directly ("§ 1, nr. 7, § 16 a, stk. 7 og 8, i lov om en aktiv beskæftigelsesindsats som affattet ved denne
lovs § 1, nr. 12, …", LOV 1486/2014 § 10, stk. 5; "lovens § 1, nr. 9 og 12, og færdselslovens § 132 a …",
LOV 565/2012) and with units cited by a possessive law name or "i lov om …" that are the amended law's.

The rule is read as a row of § citations (members); each is the act's item or a unit of the amended law:
- after "denne lovs" / "lovens" the act's items, as long as each is "§ N" or "§ N, nr. …" and is not itself
  followed by "i lov …" / "som …" (then it is the amended law's again);
- after a possessive law name ("udlændingelovens § 9 f") the amended law's, up to the citation's end;
- else a run of members up to a citation's end ("… i lov om …", "… som affattet ved denne lovs", ", jf. denne
  lovs"): the leading "§ N, nr. …" members are the act's when other units follow them in the run, the rest the
  amended law's; a run that reaches the end of the rule uncited is the act's (the old reading). A leading member
  that an item named after the citation's "denne lovs" writes is the amended law's after all (misread_leads, with
  the operations); one that none writes stays the act's, said.
The amended law's units are those of the act's items that follow them only after "som affattet (ændret, indsat,
foretaget) ved [denne lovs | lovens]" or ", jf. denne lovs" (not after ", og lovens …", LOV 1884/2015), or of an item
named "for så vidt angår" them ("§ 1, nr. 3, for så vidt angår ophævelsen af skattekontrollovens § 8 X, stk. 1-3, 5
og 6"). When rules date only some of what an item writes, the item is dated whole and that is said
(inexact_items); when several name it with different days, the rule naming the larger share decides (settle).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from lovkons.model.address import Address
from lovkons.model.document import Kind, Level, Problem
from lovkons.model.edits import (
    ChangeBlock,
    Commencement,
    DeleteText,
    Insert,
    InsertText,
    Item,
    Operation,
    Repeal,
    RepealAndInsert,
    Replace,
    ReplaceText,
)
from lovkons.parsers.instructions.targets import Target, TargetError, parse_targets

_NUM = r"\d+(?:\s?(?!i\s+\w\w)[a-zA-ZÆØÅæøå]\b)?"  # not "§ 96 i lov om …"
_NUMS = rf"{_NUM}(?:\s*[-–]\s*{_NUM})?(?:(?:,\s*|\s+og\s+){_NUM}(?!\.\s*(?:pkt|og|-))(?:\s*[-–]\s*{_NUM})?)*"
_MEMBER = regex.compile(
    rf"""(?P<core>§§\s*{_NUMS}|§\s*{_NUM}(?:\s*[-–]\s*(?:§\s*)?{_NUM})?)
         (?P<tail>(?:,\s*(?:stk\.|nr\.|litra)\s*{_NUMS}(?!\.\s*(?:pkt|og|-))|,?\s*\d+\.(?:\s*(?:og|-)\s*\d+\.)*\s*pkt\.)*)""",
    regex.X,
)
_NR_TAIL = regex.compile(rf",\s*nr\.\s*{_NUMS}")
_ACT = regex.compile(r"(?:\bdenne\s+lovs|(?<![\w-])[Ll]ovens|\bved)\s+$")
# the units an item of the act wrote, named after it, the list of items going on after them: "de ved § 1, nr. 33,
# affattede bestemmelser i § 14 a og § 14 b, stk. 1-3, § 1, nr. 34-54, …" (LOV 1640/2013 § 7, stk. 2), "den ved § 8,
# nr. 1, foreslåede affattelse af skattekontrollovens § 3 A, stk. 1-7, § 8, nr. 2-6 og 8, …" (LOV 118/2012)
_WRITTEN_BEFORE = regex.compile(r"\b(?:affattede\s+bestemmelser\s+i|affattelse\s+af(?:\s+\w+lovens)?)\s+$")
# "udlændingelovens § 9 f"; "overskriften før § 33 b"
_LAW = regex.compile(rf"\w+lovens\s+$|\b(?:før|efter)\s+$|{_WRITTEN_BEFORE.pattern}")
# what ends a citation of the amended law, in the text after its last § (", bilag 2-8 og bilag 5 i lov om …")
_CLOSES = regex.compile(r"(?<!\w)(?:i\s+(?:lov\b|\w+loven\b)|som\s|jf\.)")
# the units a list of the act's items wrote stand before it: "… § 133 a som affattet eller ændret ved denne lovs § 1,
# nr. 9-15" (LOV 716/2010), ", jf. denne lovs § 1, nr. 20" (LOV 431/2010); not "… § 8 X, stk. 1-3, 5 og 6, og lovens
# § 1, nr. 5-10 og 12" (LOV 1884/2015 § 5, stk. 2: nr. 5-10 and 12 are other items, not the writers of § 8 X)
_WRITTEN_BY = regex.compile(r"(?:\bsom\s+(?:affattet|ændret|indsat|foretaget)\b[^§]*?\bved(?:\s+(?:denne\s+lovs|lovens))?"
                            r"|\bjf\.\s+(?:denne\s+lovs|lovens))\s+$")  # "som indsat ved § 1, nr. 12" (LOV 1347/2013)
# an item named only for some of what it writes: "§ 1, nr. 3, for så vidt angår ophævelsen af skattekontrollovens § 8 X,
# stk. 1-3, 5 og 6" (LOV 1884/2015: nr. 3 repeals all § 8 X): the units named are the item's, said as inexact
_PART = regex.compile(r",?\s*for\s+så\s+vidt\s+angår\b")
_SEPARATOR = regex.compile(r"^(?:,\s*|\s+)?(?:(?:og|samt)\s+)?$")
_OTHER_UNIT = regex.compile(r"\b(?:bilag|kapitel|afsnit|overskrift)", regex.I)


@dataclass(frozen=True, slots=True)
class _Member:
    text: str
    form: str  # "nr" (§ N, nr. …), "bare" (§ N, §§ N og M) or "unit" (with stk./pkt./litra)
    before: str  # the text since the member before
    after: str  # the text up to the member after


@dataclass(frozen=True, slots=True)
class Naming:
    """What one rule names: the act's items, and per citation of the amended law its units with the items
    that wrote them ("§ 9 f, stk. 4" → "§ 1, nr. 6") where the rule says which."""

    items: tuple[Target, ...]
    written_by: tuple[tuple[tuple[Target, ...], tuple[Target, ...]], ...]
    # the leading "§ N, nr. …" of a citation read as the act's items, with the items named after its "denne lovs"
    # (see misread_leads)
    leads: tuple[tuple[tuple[Target, ...], tuple[Target, ...]], ...] = ()


def _members(text: str) -> list[_Member]:
    found = list(_MEMBER.finditer(text))
    out: list[_Member] = []
    for i, m in enumerate(found):
        start = found[i - 1].end() if i else 0
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        tail = m["tail"]
        form = "bare" if not tail else "nr" if _NR_TAIL.fullmatch(tail) and m["core"][1] != "§" else "unit"
        out.append(_Member(m[0], form, text[start:m.start()], text[m.end():end]))
    return out


def _targets(members: list[_Member]) -> tuple[Target, ...]:
    out: list[Target] = []
    for m in members:
        try:
            out += parse_targets(m.text)
        except TargetError:
            continue
    return tuple(out)


def _act_run(members: list[_Member], i: int) -> int:
    """The end of the list of the act's items that starts at member i (after "denne lovs")."""
    j = i + 1
    while (j < len(members) and members[j].form != "unit" and _SEPARATOR.match(members[j].before)
           and not _CLOSES.search(members[j].after) and not _LAW.search(members[j].before)):
        j += 1
    return j


@functools.lru_cache(maxsize=4096)
def named_items(text: str) -> Naming:
    """The act's items a commencement rule citing the amended law's units names (see the module)."""
    members = _members(text)
    items: list[_Member] = []
    written: list[tuple[tuple[Target, ...], tuple[Target, ...]]] = []
    law: list[_Member] = []  # the amended law's units of the citation being read
    last: list[_Member] = []  # the last list of the act's items read
    part: list[_Member] = []  # an item the rule names only in part ("§ 1, nr. 3, for så vidt angår …")
    lead_run: list[_Member] = []  # the leading "§ N, nr. …" of the citation being read
    leads: list[tuple[tuple[Target, ...], tuple[Target, ...]]] = []
    i = 0
    while i < len(members):
        m = members[i]
        if m.form == "nr" and _PART.match(m.after):
            part = [m]
        if _ACT.search(m.before):
            j = _act_run(members, i)
            if law and _WRITTEN_BY.search(m.before):
                written.append((_targets(law), _targets(members[i:j])))
                leads += [(_targets(lead_run), _targets(members[i:j]))] if lead_run else []
            elif law and part:  # "§ 1, nr. 3, for så vidt angår ophævelsen af skattekontrollovens § 8 X, …"
                written.append((_targets(law), _targets(part)))
            law, part, lead_run = ([], [], []) if law else (law, part, lead_run)
            items += members[i:j]
            last = members[i:j]
            i = j
            continue
        after_items = bool(_WRITTEN_BEFORE.search(m.before))
        j = i  # a run up to the citation's end, a member after "denne lovs", or the end of the rule
        while j < len(members) and not _CLOSES.search(members[j].after) and not (
                j + 1 < len(members) and (_ACT.search(members[j + 1].before) or _LAW.search(members[j + 1].before)
                                          or (after_items and members[j + 1].form == "nr"))):
            j += 1
        if after_items:  # the units the items just before wrote ("de ved § 1, nr. 33, affattede bestemmelser i …")
            written.append((_targets(members[i:j + 1]), _targets(last)))
            i = j + 1
            continue
        if j == len(members) or not _CLOSES.search(members[j].after):  # not cited as the amended law's: the
            # act's own items ("§ 1, § 2, den ved § 8, nr. 1, …", LOV 118/2012), unless a law's name opened the run
            (law if _LAW.search(m.before) else items).extend(members[i:j + 1])
            i = j + 1
            continue
        run = members[i:j + 1]  # a citation of the amended law, the act's "§ N, nr. …" ahead of its units
        lead = 0
        if not _LAW.search(m.before):
            while (lead < len(run) and run[lead].form == "nr" and not _OTHER_UNIT.search(run[lead].before)
                   and (lead == 0 or _SEPARATOR.match(run[lead].before))):
                lead += 1
            lead = 0 if lead == len(run) else lead  # "§ 2, nr. 2 og 3, i lov om …": the law's own numbers
        items += run[:lead]
        lead_run = run[:lead] if lead else lead_run
        law += run[lead:]
        i = j + 1
    if law and part:
        written.append((_targets(law), _targets(part)))
    return Naming(_targets(items), tuple(written), tuple(leads))


def _under(unit: Address, address: Address) -> bool:
    return address.steps[:len(unit.steps)] == unit.steps


def _order(label: str | None) -> tuple[int, str]:
    m = regex.match(r"(\d+)\s*(\p{L}*)", label or "")
    return (int(m[1]), m[2].lower()) if m else (-1, "")


def _in_range(units: tuple[Target, ...], address: Address) -> bool:
    """Whether `address` lies in a cited range of §§ ("§§ 60-60 e", LOV 716/2010; "§§ 9-10 a", LOV 544/2010)."""
    p = _order(address.label_of(Level.PARAGRAF))
    return any(u.through is not None and len(u.address.steps) == 1 and len(u.through.steps) == 1
               and _order(u.address.label_of(Level.PARAGRAF)) <= p <= _order(u.through.label_of(Level.PARAGRAF))
               for u in units)


_LEVELS = {Kind.PARAGRAF: Level.PARAGRAF, Kind.STK: Level.STK, Kind.NR: Level.NR, Kind.LITRA: Level.LITRA}


def _written(op: Operation) -> tuple[list[Address], list[Address]]:
    """(the units an operation writes whole, the units whose text it changes)."""
    if isinstance(op, ReplaceText | InsertText | DeleteText):
        return [], [op.target]
    if isinstance(op, Replace | Repeal):
        return [op.target, *getattr(op, "group", ())], []
    if isinstance(op, Insert | RepealAndInsert):
        old = [op.target, *op.group] if isinstance(op, RepealAndInsert) else []
        parent = op.target if isinstance(op, Insert) and op.position == "end" else op.target.parent
        new = [Address(((Level.PARAGRAF, n.label),)) if n.kind is Kind.PARAGRAF else parent.child(_LEVELS[n.kind], n.label)
               for n in op.payload if n.kind in _LEVELS and n.label]
        return old + new, []
    return [], []


def _outside(item: Item, units: tuple[Target, ...]) -> list[Address]:
    """What the item writes beyond the units a rule names it for, when it writes one of them at all (else
    the rule names the item for something we cannot place: nothing is said)."""
    cited = [u.address for u in units]
    related = False
    outside: list[Address] = []
    for op in item.operations:
        _, text = _written(op)
        for whole, leaves in _parts(op):
            beyond = [a for a in leaves if not (any(_under(u, a) for u in cited) or _in_range(units, a))]
            related |= len(beyond) < len(leaves) or any(_under(a, u) for a in leaves for u in cited)
            outside += [whole] if beyond == leaves else beyond  # "§ 35 a" for all its stk.
        for a in text:
            near = any(_under(u, a) or _under(a, u) for u in cited) or _in_range(units, a)
            related |= near
            outside += [] if near else [a]
    return list(dict.fromkeys(outside)) if related else []  # each once, in order


def _listed(units: list[Address], most: int = 6) -> str:
    shown = ", ".join(map(str, units[:most]))
    return shown if len(units) <= most else f"{shown} and {len(units) - most} more units"


def inexact_items(commencement: Sequence[Commencement], blocks: Sequence[ChangeBlock]) -> list[Problem]:
    """A rule that dates units of the amended law written by an item which writes more than those units dates
    the whole item so, the rest of what it writes too: said, never silently. "udlændingelovens § 9 f, stk. 4, som
    affattet ved denne lovs § 1, nr. 6" (LOV 572/2010: nr. 6 recasts all of § 9 f); "§ 75, stk. 1, nr. 6, og § 77,
    stk. 2 og 3, i lov om aktiv socialpolitik som affattet ved denne lovs § 3, nr. 20" (LOV 1380/2012: nr. 20
    repeals § 74 i and inserts §§ 75-77)."""
    items = {(b.paragraf, it.number): it for b in blocks for it in b.items}
    out: list[Problem] = []
    for c in commencement:
        if c.applies_to == "all":  # also "de ved § 1, nr. 33, affattede bestemmelser i …" (LOV 1640/2013)
            continue
        for units, writers in named_items(c.applies_to).written_by:
            for w in writers:
                nr = w.address.label_of(Level.NR)
                item = items.get((w.address.label_of(Level.PARAGRAF) or "", int(nr))) if nr and nr.isdigit() else None
                beyond = _outside(item, units) if item else []
                if item is not None and beyond:
                    when = item.in_force.isoformat() if item.in_force else "when the minister decides"
                    named = ", ".join(str(u.address) for u in units)
                    ruled = "" if item.in_force == c.date else " (not this rule's day: see COMMENCEMENT_CONFLICT)"
                    out.append(Problem("COMMENCEMENT_INEXACT",
                                       f"the rule dates {named} of the amended law as written by {w.address}, which "
                                       f"writes {_listed(beyond)} too: the whole item is taken as in "
                                       f"force {when}{ruled}", "warning", address=str(w.address)))
    return out


def _parts(op: Operation) -> list[tuple[Address, list[Address]]]:
    """The units an operation writes whole, each with its parts: a § or stk. written with its stk. (nr.) counted
    by those, "§ 3 A affattes således" with 8 stk. writes § 3 A, stk. 1-8 (LOV 118/2012 § 8, nr. 1)."""
    whole, _ = _written(op)
    payload = getattr(op, "payload", ())
    out: list[tuple[Address, list[Address]]] = []
    for a in whole:
        node = next((n for n in payload if n.label and a.steps and n.label == a.steps[-1][1]
                     and _LEVELS.get(n.kind) is a.steps[-1][0]), None)
        parts = [c.label for c in node.children if c.kind in _LEVELS and c.label] if node is not None else []
        level = Level.STK if node is not None and node.kind is Kind.PARAGRAF else Level.NR
        out.append((a, [a.child(level, label) for label in parts] or [a]))
    return out


def _leaves(op: Operation) -> list[Address]:
    return [leaf for _, leaves in _parts(op) for leaf in leaves]


def _share(rule: Commencement, item: Item, address: Address, leaves: list[Address]) -> int:
    """How many of the units the item writes the rule names: all when it names the item itself."""
    for units, writers in named_items(rule.applies_to).written_by:
        if any(w.address == address for w in writers):
            return sum(1 for leaf in leaves if any(_under(u.address, leaf) for u in units) or _in_range(units, leaf))
    return len(leaves)


def settle(rules: Sequence[Commencement], item: Item, address: Address) -> tuple[Commencement, Problem | None]:
    """The rule that dates an item several rules name at the item's rank with different days (or a day and the
    minister's): by convention the rule naming the larger share of the units the item writes, of equal shares the
    later ("Dog træder …"); said. LOV 118/2012 § 8, nr. 1 recasts skattekontrollovens § 3 A (stk. 1-8): "den ved
    § 8, nr. 1, foreslåede affattelse af skattekontrollovens § 3 A, stk. 1-7" in force 15 February 2012, stk. 8
    when the minister decides: the item is in force 15 February 2012 (before: pending, the later rule, unsaid)."""
    last = rules[-1]
    if len({r.date for r in rules}) < 2:
        return last, None
    leaves = [leaf for op in item.operations for leaf in _leaves(op)]
    shares = [_share(r, item, address, leaves) for r in rules]
    best = max(range(len(rules)), key=lambda k: (shares[k], k))
    chosen = rules[best]

    def when(r: Commencement) -> str:
        return r.date.isoformat() if r.date else "when the minister decides"

    others = "; ".join(f"{when(r)} for {shares[k]}" for k, r in enumerate(rules) if k != best)
    return chosen, Problem("COMMENCEMENT_CONFLICT",
                           f"{len(rules)} rules name {address} with different days: taken as in force {when(chosen)}, "
                           f"the rule naming {shares[best]} of the {len(leaves)} units it writes (the others: "
                           f"{others})", "warning", address=str(address))


def misread_leads(commencement: Sequence[Commencement],
                  blocks: Sequence[ChangeBlock]) -> tuple[set[tuple[str, str, int]], list[Problem]]:
    """A citation's leading "§ N, nr. …" (read as the act's items, module docstring) that an item named after its
    "denne lovs" writes is the amended law's: "§ 2, nr. 9, § 75 b, § 75 c og § 78, stk. 2, i lov om en aktiv
    beskæftigelsesindsats som affattet ved denne lovs § 1, nr. 1, 9 og 10" (LOV 431/2010 § 5, stk. 2: the act's § 1,
    nr. 1 is "§ 2, nr. 9, affattes således"), not "§ 1, nr. 27, og § 13 a, … i lov om aktiv socialpolitik som
    affattet ved …" (LOV 894/2013: no item named there writes § 1, nr. 27). Returns (rule text, §, nr.) of the act's
    items the rule does not name so, and the readings of the others, said."""
    items = {(b.paragraf, it.number): it for b in blocks for it in b.items}
    skip: set[tuple[str, str, int]] = set()
    out: list[Problem] = []
    for c in commencement:
        if c.applies_to == "all":
            continue
        for lead, writers in named_items(c.applies_to).leads:
            wrote: list[Address] = []
            for w in writers:
                nr = w.address.label_of(Level.NR)
                item = items.get((w.address.label_of(Level.PARAGRAF) or "", int(nr))) if nr and nr.isdigit() else None
                for op in item.operations if item else ():
                    wrote += _leaves(op) + _written(op)[1]
            kept: list[Address] = []
            for t in lead:
                nr = t.address.label_of(Level.NR)
                if not nr or not nr.isdigit():
                    continue
                if any(_under(t.address, a) or _under(a, t.address) for a in wrote):
                    skip.add((c.applies_to, t.address.label_of(Level.PARAGRAF) or "", int(nr)))
                else:
                    kept.append(t.address)
            if kept:
                out.append(Problem("COMMENCEMENT_INEXACT",
                                   f"the rule's leading {_listed(kept)} (before units of the amended law cited with "
                                   f"the items that wrote them, {_listed([w.address for w in writers])}) read as this "
                                   "act's items: none of those writes such a unit of the amended law", "warning",
                                   address=str(kept[0])))
    return skip, out
