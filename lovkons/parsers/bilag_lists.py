"""Stage 1 (parsers): the numbered list of a bilag as nr. units (with their litra), for every route.

Convention: a bilag that is a list ("Bilag 1 / Love omfattet af § 2, stk. 1, … / 1) Lov om erhvervsakademi-
uddannelser … / 2) Lov om autorisation af sundhedspersoner …", LBK 782/2015) is cited unit by unit like the list of a
stk.: "Bilag 1, nr. 10, affattes således: »10) …«", "Bilag 1, nr. 11, ophæves. Nr. 12 og 13 bliver herefter nr. 11 og
12." (LOV 1746/2016 § 5, nr. 4 and 5). The readers print a bilag's body as lines (TEKST); the lines that make such a
list are read as NR nodes (and "a) …" lines under one as its LITRA), so that those citations resolve, insert and
renumber as in a stk.

Only a clean list is read so: after any opening lines that are not items, every line is the next number ("1)", "2)",
…) or the next letter of the number before it ("a)", "b)", …), and no line is a table row ("|"). A bilag whose
numbering starts again ("Liste A / 1) … / Liste B / 1) …", LBK 1402/2010) or that mixes other lines in keeps its lines:
a unit of a part of a bilag is not addressable in the model (its changes of words are made where the quoted text
stands, parsers/instructions/formulas_parts.bilag_part_text).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from lovkons.model.document import Kind, Node
from lovkons.parsers.draft import Draft
from lovkons.parsers.node_factory import new_node

_NR = regex.compile(r"(?P<l>[1-9]\d{0,2})\)\s+(?P<t>\S.*)", regex.S)
_LITRA = regex.compile(r"(?P<l>[a-zæøå])\)\s+(?P<t>\S.*)", regex.S)


@dataclass(slots=True)
class Unit:
    label: str
    text: str
    litra: list[tuple[str, str]] = field(default_factory=list)


def list_units(lines: Sequence[str]) -> tuple[int, list[Unit]] | None:
    """(the number of opening lines, the nr. units) when `lines` end in a clean numbered list of at least two
    units; else None."""
    if any("|" in ln for ln in lines):
        return None
    start = next((i for i, ln in enumerate(lines) if _item(ln)), None)
    if start is None:
        return None
    units: list[Unit] = []
    for ln in lines[start:]:
        text = ln.strip()
        nr = _NR.fullmatch(text)
        if nr and nr["l"] == str(len(units) + 1):
            units.append(Unit(nr["l"], nr["t"].strip()))
            continue
        litra = _LITRA.fullmatch(text)
        if litra and units and litra["l"] == _next_letter(units[-1].litra):
            units[-1].litra.append((litra["l"], litra["t"].strip()))
            continue
        return None
    return (start, units) if len(units) >= 2 else None


def _item(line: str) -> bool:
    text = line.strip()
    return bool(_NR.fullmatch(text) or _LITRA.fullmatch(text))


def _next_letter(litra: list[tuple[str, str]]) -> str:
    return chr(ord(litra[-1][0]) + 1) if litra else "a"


def listed_nodes(children: tuple[Node, ...], bilag_id: str) -> tuple[Node, ...]:
    """A bilag's TEKST children with its numbered list as NR nodes (ids "bilag1-nr3", "bilag1-nr3-litraa")."""
    if not children or any(c.kind is not Kind.TEKST or c.children for c in children):
        return children
    found = list_units([c.text for c in children])
    if found is None:
        return children
    start, units = found
    nodes = []
    for u in units:
        nid = f"{bilag_id}-nr{u.label}"
        kids = tuple(new_node(Kind.LITRA, label=lab, text=t, id=f"{nid}-litra{lab}") for lab, t in u.litra)
        nodes.append(new_node(Kind.NR, label=u.label, text=u.text, children=kids, id=nid))
    return (*children[:start], *nodes)


def list_drafts(root: Draft) -> None:
    """The same for the text route, on the drafts of each bilag (before they are frozen)."""
    for d in root.children:
        if d.kind is not Kind.BILAG or not d.children:
            continue
        if any(c.kind is not Kind.TEKST or c.children for c in d.children):
            continue
        found = list_units([c.text for c in d.children])
        if found is None:
            continue
        start, units = found
        kids: list[Draft] = list(d.children[:start])
        for u in units:
            nr = Draft(Kind.NR, u.label, parts=[u.text], line=d.children[start].line)
            nr.children = [Draft(Kind.LITRA, lab, parts=[t], line=nr.line) for lab, t in u.litra]
            kids.append(nr)
        d.children = kids
