"""Stage 3 (renderers): where each unit of a Document stands in an Akoma Ntoso act — its eId by the
AKN naming convention (`chp_4__sec_26__subsec_2__para_1`), its citation key, and the split into body,
conclusions and attachments — plus the element builder `E` and the printed number of a unit.

Shared by the AKN writer (`renderers.akn`), its meta block (`renderers.akn_meta`) and the HTML page
(`renderers.law_html`), which therefore do not import each other for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex
from lxml import etree

from lovkons.model.document import Document, Kind, Node, display_label
from lovkons.parsers.akn import BOG, BOOK_UNITS, ELEMENTS, HCONTAINERS, NS, Q
from lovkons.renderers.text import paragraf_label


@dataclass(frozen=True, slots=True)
class Placed:
    """A node with its eId, its citation key ((level, label) steps as an instruction cites it:
    ("paragraf", "26"), ("stk", "2"), ("nr", "1")) and its placed children."""

    node: Node
    eid: str
    key: tuple[tuple[str, str], ...]
    children: tuple[Placed, ...] = ()
    book: bool = False  # a "Første bog." heading holding the units up to the next book

    def walk(self) -> Iterator[Placed]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Layout:
    """The document's units split as an AKN act holds them: the body, the signature(s) closing it
    (`<conclusions>`) and the trailing bilag (`<attachments>`). Order is kept: body + conclusions +
    attachments is the tree's order, so reading it back gives the same tree."""

    body: tuple[Placed, ...]
    conclusions: tuple[Placed, ...]
    attachments: tuple[Placed, ...]

    def walk(self) -> Iterator[Placed]:
        for part in (self.body, self.conclusions, self.attachments):
            for p in part:
                yield from p.walk()


def num_part(label: str) -> str:
    """The number in an eId: "5 a" → "5a", "IV" → "IV", "17-18" → "17-18"."""
    return regex.sub(r"[^\w-]", "", label)


_CITED = {Kind.PARAGRAF: "paragraf", Kind.STK: "stk", Kind.NR: "nr", Kind.LITRA: "litra",
          Kind.KAPITEL: "kapitel", Kind.AFSNIT: "afsnit", Kind.BILAG: "bilag"}  # fmt: skip


def _key(node: Node, parent: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """§§ are cited without their kapitel; stk./nr./litra within their §."""
    level = _CITED.get(node.kind)
    if level is None:
        return ()
    label = node.label or ("1" if node.kind is Kind.STK else "")
    if node.kind in (Kind.STK, Kind.NR, Kind.LITRA):
        return (*parent, (level, label)) if parent else ()
    return ((level, label),)


def place(nodes: tuple[Node, ...], prefix: str = "", parent: tuple[tuple[str, str], ...] = (),
          seen: set[str] | None = None) -> tuple[Placed, ...]:
    """eIds for `nodes` under `prefix`: "<prefix>__<sec>_<num>"; unnumbered units count per kind
    ("crossheading_2", "subsec_nn_1"); a repeated number gets "_dup2" so every eId is unique."""
    seen = set() if seen is None else seen
    ordinal: Counter[str] = Counter()
    out = []
    for node in nodes:
        if node.kind in ELEMENTS:
            stem = ELEMENTS[node.kind][1]
            ordinal[stem] += 1
            part = f"{stem}_{num_part(node.label)}" if node.label else f"{stem}_nn_{ordinal[stem]}"
        else:
            stem = HCONTAINERS[node.kind]
            ordinal[stem] += 1
            part = f"{stem}_{ordinal[stem]}"
        eid = f"{prefix}__{part}" if prefix else part
        base, n = eid, 1
        while eid in seen:
            n += 1
            eid = f"{base}_dup{n}"
        seen.add(eid)
        key = _key(node, parent)
        out.append(Placed(node, eid, key, place(node.children, eid, key if key else parent, seen)))
    return tuple(out)


def place_body(nodes: tuple[Node, ...], seen: set[str]) -> tuple[Placed, ...]:
    """Top-level units; a bog heading ("Første bog. Domsmagten m.m.") opens a book of the afsnit,
    kapitler and §§ after it, so "Afsnit I" of each book gets its own eId ("book_3__part_I")."""
    out: list[Placed] = []
    i = 0
    while i < len(nodes):
        node = nodes[i]
        if node.kind is Kind.OVERSKRIFT and node.heading is None and BOG.fullmatch(node.text):
            j = i + 1
            while j < len(nodes) and nodes[j].kind in BOOK_UNITS and not BOG.fullmatch(nodes[j].text):
                j += 1
            eid = f"book_{sum(1 for p in out if p.book) + 1}"
            seen.add(eid)
            out.append(Placed(node, eid, (), place(nodes[i + 1 : j], eid, (), seen), book=True))
            i = j
            continue
        j = i
        while j < len(nodes) and not (nodes[j].kind is Kind.OVERSKRIFT and BOG.fullmatch(nodes[j].text)):
            j += 1
        out += place(nodes[i:j], seen=seen)
        i = j
    return tuple(out)


def layout(doc: Document) -> Layout:
    """Trailing bilag go to attachments, the signature(s) just before them to conclusions."""
    kids = list(doc.children)
    cut = len(kids)
    while cut and kids[cut - 1].kind is Kind.BILAG:
        cut -= 1
    sign = cut
    while sign and kids[sign - 1].kind is Kind.UNDERSKRIFT:
        sign -= 1
    seen: set[str] = set()
    body = place_body(tuple(kids[:sign]), seen)
    conclusions = place(tuple(kids[sign:cut]), seen=seen)
    attachments = []
    for i, bilag in enumerate(kids[cut:], 1):
        key = _key(bilag, ())
        attachments.append(Placed(bilag, f"att_{i}", key, place(bilag.children, f"att_{i}", key, seen)))
    return Layout(body, conclusions, tuple(attachments))


_NSMAP: dict[str | None, str] = {None: NS}


def E(tag: str, *children: etree._Element, text: str | None = None, **attrs: str) -> etree._Element:
    """An AKN element; attribute names with a trailing underscore lose it (`class_` → `class`)."""
    el = etree.Element(Q + tag, {k.rstrip("_"): v for k, v in attrs.items()}, nsmap=_NSMAP)  # type: ignore[arg-type]
    if text is not None:
        el.text = text
    el.extend(children)
    return el


def printed_num(node: Node, first: bool) -> str | None:
    """The number as printed: "§ 26.", "§§ 17-18.", "Stk. 2." (none for an opening stk. 1), "3)"."""
    if node.kind is Kind.PARAGRAF:
        return paragraf_label(node.label)
    if node.kind is Kind.STK and first and node.label in (None, "1"):
        return None
    if node.kind is Kind.STK and node.label == "1":
        return "Stk. 1."
    if node.kind is Kind.BILAG and node.label is None:
        return None
    return display_label(node) or None
