"""Stage 3 (renderers): a Publication → one self-contained HTML page of the law as a reader wants it:
title, ELI link, version and in-force dates, a table of contents, the text with § anchors equal to
the AKN eIds, and per § its provenance notes (which instruction, which act, in force when), then the
pending, later and refused items. One Jinja2 template (autoescaped) and the shared stylesheet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial

import jinja2

from lovkons.model.document import Kind, Node, display_label
from lovkons.renderers.akn_layout import Layout, Placed, layout, printed_num
from lovkons.renderers.akn_meta import MOD_TYPES, destinations, eli, work_uri
from lovkons.renderers.publication import Publication
from lovkons.renderers.text import paragraf_label

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")  # fmt: skip
RETSINFORMATION = "https://www.retsinformation.dk/"


def danish_date(day: dt.date | None) -> str:
    """"1. juli 2009" (as Danish law prints dates)."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}" if day else ""


@dataclass
class Line:
    """One printed line of a §: "§ 26. …", "Stk. 2. …", "1) …", with the unit's eId as its anchor."""

    eid: str
    num: str
    text: str
    depth: int
    changed: bool = False


@dataclass
class Note:
    unit: str  # the unit as cited ("§ 26, stk. 2, nr. 1")
    what: str  # "Tekst indsat ved" / "Redaktionel ændring" / "Ikke gennemført"
    act: str  # "BEK 1072/2008 § 1, nr. 1"
    in_force: str  # "1. juli 2009"
    instruction: str
    kind: str = "provenance"  # provenance | editorial | refused


@dataclass
class Block:
    """A unit of the page: a book/afsnit/kapitel (heading + blocks), a mellemoverskrift, a § (lines
    + notes), or free text (note, signature, bilag)."""

    kind: str
    eid: str
    num: str = ""
    heading: str = ""
    text: str = ""
    lines: list[Line] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)


_CONTAINERS = {Kind.AFSNIT: "afsnit", Kind.KAPITEL: "kapitel", Kind.BILAG: "bilag"}


def _lines(p: Placed, depth: int, changed: set[str], out: list[Line], num: str | None = None) -> None:
    """The lines of a stk./nr./litra and its children, as the text renderer prints them."""
    node = p.node
    label = num if num is not None else _item_label(node)
    text = "(Ophævet)" if node.repealed and not node.text else node.text
    out.append(Line(p.eid, label, text, depth, p.eid in changed))
    for c in p.children:
        _lines(c, depth + 1, changed, out)


def _item_label(node: Node) -> str:
    if node.kind is Kind.STK and node.label == "1":
        return "Stk. 1."
    return display_label(node) if node.kind in (Kind.STK, Kind.NR, Kind.LITRA) else ""


def _paragraf(p: Placed, changed: set[str]) -> list[Line]:
    """"§ 26." opens the first stk.'s line (the unwritten stk. 1), as printed."""
    node = p.node
    label = paragraf_label(node.label)
    if node.repealed and not node.children:
        return [Line(p.eid, label, node.text or "(Ophævet)", 0, p.eid in changed)]
    out: list[Line] = []
    kids = list(p.children)
    if kids and kids[0].node.kind is Kind.STK and kids[0].node.label in (None, "1"):
        first = kids.pop(0)
        out.append(Line(first.eid, label, first.node.text, 0, first.eid in changed or p.eid in changed))
        for c in first.children:
            _lines(c, 1, changed, out)
    else:
        out.append(Line(p.eid, label, node.text, 0, p.eid in changed))
    for c in kids:
        _lines(c, 0, changed, out)
    return out


def _block(p: Placed, changed: set[str]) -> Block:
    node = p.node
    if p.book:
        return Block("bog", p.eid, heading=node.text, children=[_block(c, changed) for c in p.children])
    if node.kind is Kind.PARAGRAF:
        return Block("paragraf", p.eid, lines=_paragraf(p, changed))
    if node.kind in _CONTAINERS:
        num = printed_num(node, False) or ("Bilag" if node.kind is Kind.BILAG else "")
        return Block(_CONTAINERS[node.kind], p.eid, num, node.heading or "", node.text,
                     children=[_block(c, changed) for c in p.children])  # fmt: skip
    if node.kind is Kind.OVERSKRIFT:
        return Block("overskrift", p.eid, heading=node.text or node.heading or "")
    num = f"{node.label})" if node.kind is Kind.NOTE and node.label else ""
    return Block(node.kind.value, p.eid, num, node.heading or "", node.text,
                 children=[_block(c, changed) for c in p.children])  # fmt: skip


def _owner(eid: str, paragraffer: list[str]) -> str | None:
    """The § holding `eid` (itself, or the § whose eId prefixes it)."""
    return next((s for s in paragraffer if eid == s or eid.startswith(s + "__")), None)


def _notes(pub: Publication, lay: Layout) -> tuple[dict[str, list[Note]], list[Note], set[str]]:
    """Notes per § eId, notes outside any § (title, preamble, kapitel headings), changed eIds."""
    paragraffer = [p.eid for p in lay.walk() if p.node.kind is Kind.PARAGRAF and not p.book]
    per: dict[str, list[Note]] = {}
    other: list[Note] = []
    changed: set[str] = set()
    keys = {p.eid: p.key for p in lay.walk()}
    for mod in pub.applied:
        word = MOD_TYPES.get(mod.op, ("", "Ændret"))[1]
        owners: dict[str, list[str]] = {}
        for eid in destinations(mod, lay):
            changed.add(eid)
            owner = _owner(eid, paragraffer)
            if owner:  # the unit now there ("§ 148 c" for "Efter § 148 b indsættes"), else as cited
                owners.setdefault(owner, []).append(_cite(keys.get(eid, ())) or mod.target)
        make = partial(Note, what=f"{word} ved", act=str(mod.source), in_force=danish_date(mod.source.in_force),
                       instruction=mod.source.text)  # fmt: skip
        for owner, units in owners.items():
            _add(per.setdefault(owner, []), make(unit="; ".join(dict.fromkeys(units))))
        if not owners:
            other.append(make(unit=mod.target))
    by_label = {p.node.label: p.eid for p in lay.walk() if p.node.kind is Kind.PARAGRAF and not p.book}
    for ed in pub.editorial:
        note = Note(ed.target or "hele dokumentet", "Redaktionel ændring", ed.basis, danish_date(ed.date), ed.text,
                    "editorial")  # fmt: skip
        owner = by_label.get(_paragraf_of(ed.target))
        (per.setdefault(owner, []) if owner else other).append(note)
    for prob in pub.refused:
        owner = by_label.get(_paragraf_of(prob.address))
        if owner:
            per.setdefault(owner, []).append(Note(prob.address or "", "Ikke gennemført", prob.source or "", "",
                                                  f"{prob.code}: {prob.message}", "refused"))  # fmt: skip
    return per, other, changed


_WORDS = {"paragraf": "§ {}", "stk": "stk. {}", "nr": "nr. {}", "litra": "litra {}", "kapitel": "kapitel {}",
          "afsnit": "afsnit {}", "bilag": "bilag {}"}  # fmt: skip


def _cite(key: tuple[tuple[str, str], ...]) -> str:
    """A citation key as Danish: (("paragraf", "28"), ("stk", "4")) → "§ 28, stk. 4"."""
    return ", ".join(_WORDS[level].format(label) for level, label in key)


def _add(notes: list[Note], note: Note) -> None:
    """One note per item and wording: "§ 28, stk. 2 og 3, affattes" changes two units, one note."""
    for n in notes:
        if (n.what, n.act, n.instruction) == (note.what, note.act, note.instruction):
            if note.unit not in n.unit.split("; "):
                n.unit += f"; {note.unit}"
            return
    notes.append(note)


def _paragraf_of(address: str | None) -> str | None:
    from lovkons.model.address import AddressError, Level, parse_address

    try:
        return parse_address(address).label_of(Level.PARAGRAF) if address else None
    except AddressError:
        return None


def _attach(blocks: list[Block], per: dict[str, list[Note]]) -> None:
    for b in blocks:
        b.notes = per.get(b.eid, []) if b.kind == "paragraf" else []
        _attach(b.children, per)


def _toc(blocks: list[Block]) -> list[dict[str, object]]:
    """Books, afsnit, kapitler and bilag with their headings; §§ only where there are no kapitler."""
    out: list[dict[str, object]] = []
    for b in blocks:
        if b.kind in ("bog", "afsnit", "kapitel", "bilag"):
            out.append({"eid": b.eid, "num": b.num, "heading": b.heading, "kind": b.kind,
                        "children": _toc(b.children) if b.kind in ("bog", "afsnit") else []})  # fmt: skip
    if not out:
        out = [{"eid": b.eid, "num": b.lines[0].num, "heading": "", "kind": "paragraf", "children": []}
               for b in blocks if b.kind == "paragraf" and b.lines]  # fmt: skip
    return out


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("lovkons.renderers", "templates"),
    autoescape=True,  # legal text is text, never markup: every value is escaped
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render_law_html(pub: Publication) -> str:
    """The complete page (UTF-8 text, deterministic: no timestamps, no external resources)."""
    doc = pub.document
    lay = layout(doc)
    per, other, changed = _notes(pub, lay)
    blocks = [_block(p, changed) for p in (*lay.body, *lay.conclusions, *lay.attachments)]
    _attach(blocks, per)
    ident = eli(doc.meta)
    last_day = pub.version_to - dt.timedelta(days=1) if pub.version_to else None
    day = pub.expression_date
    return _ENV.get_template("law.html.j2").render(
        title=doc.meta.title or doc.meta.short,
        short=doc.meta.short,
        date=danish_date(doc.meta.date),
        title_note=doc.title_note,
        preamble=doc.preamble,
        eli=ident,
        eli_url=RETSINFORMATION + ident if ident else None,
        akn=f"{work_uri(doc.meta)}/dan@{day.isoformat() if day else ''}",
        version_from=danish_date(pub.version_from),
        version_to=danish_date(last_day),
        asked=danish_date(pub.asked),
        status=pub.status,
        orders=list(dict.fromkeys(m.source.document for m in pub.applied)),
        toc=_toc(blocks),
        blocks=blocks,
        other=other,
        pending=pub.pending,
        upcoming=pub.upcoming,
        refused=pub.refused,
        danish_date=danish_date,
    )
