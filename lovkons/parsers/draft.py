"""Stage 2 (parsers): mutable draft nodes used while building, frozen into model Nodes at the end.

Input: drafts filled by parsers.build. Output: frozen Node trees with stable ids and clean text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex

from lovkons.model.address import id_label
from lovkons.model.document import Kind, Node
from lovkons.parsers.node_factory import new_node
from lovkons.parsers.normalize import squash

_ID_PREFIX = {
    Kind.PARAGRAF: "p", Kind.STK: "stk", Kind.NR: "nr", Kind.LITRA: "litra", Kind.KAPITEL: "kap",
    Kind.AFSNIT: "afsnit", Kind.BILAG: "bilag", Kind.NOTE: "note", Kind.UNDERSKRIFT: "underskrift",
    Kind.TEKST: "tekst", Kind.OVERSKRIFT: "h",
}  # fmt: skip


@dataclass(slots=True)
class Draft:
    kind: Kind
    label: str | None = None
    heading: str | None = None
    parts: list[str] = field(default_factory=list)
    children: list[Draft] = field(default_factory=list)
    repealed: bool = False
    line: int | None = None
    id_hint: str | None = None

    @property
    def text(self) -> str:
        if len(self.parts) == 1:  # the usual case: one clean line (normalized: only " " and "\n")
            p = self.parts[0]
            if "  " not in p and "\n" not in p and p[:1] != " " and p[-1:] != " ":
                return p
        return squash(" ".join(self.parts))

    def add(self, child: Draft) -> Draft:
        self.children.append(child)
        return child


# Inline lists in flattened text: "som er 1) under 30 år …, 2) mellem …, eller 3) fyldt 50 år."
_INLINE_NR = regex.compile(r"(?<=\s)(?P<l>\d{1,2})\)\s+(?=\S)")
_INLINE_LITRA = regex.compile(r"(?<=\s)(?P<l>[a-z])\)\s+(?=\S)")


def _successor(label: str, kind: Kind) -> str:
    if kind is Kind.LITRA:
        return chr(ord(label[-1]) + 1) if label else "a"
    m = regex.match(r"\d+", label)
    return str(int(m[0]) + 1) if m else "1"


def _split_run(text: str, pattern: regex.Pattern[str], first: str, kind: Kind) -> list[tuple[str, str]]:
    """Find the consecutive labels first, successor, … in `text`; return [(label, text)] items."""
    cuts: list[tuple[int, int, str]] = []
    want = first
    for m in pattern.finditer(text):
        if m["l"] == want:
            cuts.append((m.start(), m.end(), want))
            want = _successor(want, kind)
    items = []
    for i, (_s, e, lab) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        items.append((lab, text[e:end].strip()))
    return items


def expand_inline(d: Draft) -> None:
    """Split inline numbered (nr.) and lettered (litra) lists out of flattened text, recursively."""
    for child in d.children:
        expand_inline(child)
    if d.kind in (Kind.STK, Kind.NR) and not d.children:
        kind, pattern, first = (
            (Kind.NR, _INLINE_NR, "1") if d.kind is Kind.STK else (Kind.LITRA, _INLINE_LITRA, "a")
        )
        text = d.text
        items = _split_run(text, pattern, first, kind) if ")" in text and "»" not in text else []
        if len(items) >= 2:
            start = pattern.search(text)
            cut = text.find(f" {first}) ") if start else -1
            d.parts = [text[:cut]] if cut >= 0 else [text]
            for lab, body in items:
                d.children.append(Draft(kind, lab, parts=[body], line=d.line))
            for c in d.children:
                expand_inline(c)
    # a list item that swallowed its successors: "a) … eller b) …"
    out: list[Draft] = []
    for child in d.children:
        out.append(child)
        if child.kind in (Kind.NR, Kind.LITRA) and child.label and not child.children and ")" in child.text:
            pattern = _INLINE_NR if child.kind is Kind.NR else _INLINE_LITRA
            items = _split_run(child.text, pattern, _successor(child.label, child.kind), child.kind)
            if items:
                text = child.text
                cut = text.find(f" {items[0][0]}) ")
                if cut >= 0:
                    child.parts = [text[:cut]]
                    out.extend(Draft(child.kind, lab, parts=[body], line=child.line) for lab, body in items)
    d.children = out


# Ids of these kinds do not include the parent's id; ids below a § do ("p3-stk2-nr1").
_TOP_LEVEL = frozenset((Kind.PARAGRAF, Kind.KAPITEL, Kind.AFSNIT, Kind.BILAG, Kind.NOTE, Kind.UNDERSKRIFT))
_UNIT_LEVEL = frozenset((Kind.PARAGRAF, Kind.STK, Kind.NR, Kind.LITRA))
_PREFIX = {kind: _ID_PREFIX.get(kind) or kind.value for kind in Kind}  # "p", "stk", …, else the kind's name
# The kinds compared per node, read once: `Kind.X` is an attribute look-up on the enum class each
# time (some 80 ns on CPython 3.11), a module constant is not.
_OVERSKRIFT, _PARAGRAF, _TEKST = Kind.OVERSKRIFT, Kind.PARAGRAF, Kind.TEKST


@functools.lru_cache(maxsize=4096)
def _clean_label(label: str) -> str:
    """The label as ids have it (model.address.id_label: ASCII, "æ" → "ae"), as the XML route makes them."""
    return id_label(label)


def next_paragraf_labels(children: list[Draft]) -> list[str | None]:
    """For each child, the label of the next PARAGRAF sibling after it (what an OVERSKRIFT heads)."""
    out: list[str | None] = []
    nxt: str | None = None
    for child in reversed(children):
        out.append(nxt)
        if child.kind is _PARAGRAF:
            nxt = child.label
    return out[::-1]


def freeze(d: Draft, parent_id: str, used: set[str], next_par: str | None = None) -> Node:
    """Freeze a draft into a Node; ids follow Address.id style ("p3-stk2-nr1", "h-p5", "kap12a")."""
    kind = d.kind
    if d.id_hint:
        base = d.id_hint
    elif kind is _OVERSKRIFT:
        base = f"h-p{_clean_label(next_par)}" if next_par else "h"
    else:
        label = d.label
        own = _PREFIX[kind] + _clean_label(label) if label else _PREFIX[kind]
        base = f"{parent_id}-{own}" if parent_id and kind not in _TOP_LEVEL else own
    node_id = base
    if node_id in used:
        n = 2
        while node_id in used:
            node_id = f"{base}-{n}"
            n += 1
    used.add(node_id)
    kids: tuple[Node, ...] = ()
    children = d.children
    if children:
        tekst_n = 0
        own_parent = node_id if kind in _UNIT_LEVEL else ""
        labels: list[str | None] | None = None  # the paragraf each OVERSKRIFT heads: the next PARAGRAF sibling
        out: list[Node] = []
        for i, child in enumerate(children):
            child_kind = child.kind
            nxt = None
            if child_kind is _OVERSKRIFT:
                if labels is None:
                    labels = next_paragraf_labels(children)
                nxt = labels[i]
            elif child_kind is _TEKST and not child.id_hint:
                tekst_n += 1
                child.id_hint = f"{node_id}-tekst{tekst_n}" if node_id else f"tekst{tekst_n}"
            out.append(freeze(child, own_parent, used, nxt))
        kids = tuple(out)
    heading = squash(d.heading) if d.heading else None
    parts = d.parts
    if not parts:
        text = ""
    elif len(parts) == 1 and (p := parts[0]) and "  " not in p and "\n" not in p and p[0] != " " and p[-1] != " ":
        text = p  # the usual case: one clean line (Draft.text without the call)
    else:
        text = d.text
    return new_node(kind, d.label, heading or None, text, kids, d.repealed, node_id)
