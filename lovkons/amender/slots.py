"""Stage 2 (amender): the strings a text operation may search and change, and the punktum spans in them.

Input: a Document and a resolved Target; output: Slots (node text/heading, title, preamble, title note,
limited to a punktum) that are read with get_string and written with set_string, recording provenance.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import replace as dataclass_replace

import regex

from lovkons.amender.resolve import ResolveError, Target
from lovkons.amender.tree import TreePath, node_at, replace_at
from lovkons.model.document import Document, Kind, Node, Source
from lovkons.parsers.sentences import split_sentences

_NO_PROVISION = (Kind.BILAG, Kind.NOTE, Kind.UNDERSKRIFT)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each punktum of `text` (as split_sentences counts them)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, pos)
        if start < 0:
            start = pos
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    return spans


@dataclass(frozen=True, slots=True)
class Slot:
    """A string the operation may search: node text/heading, title, preamble or title note, limited
    to [lo, hi) (a punktum)."""

    where: str  # "node" | "title" | "preamble" | "titlenote"
    path: TreePath = ()
    attr: str = "text"
    lo: int = 0
    hi: int | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    """What the other operations of the same item leave to a text operation: sub-units they name with the
    same quoted text (`skip`: "to steder i § 9 g, stk. 2, og i § 9 g, stk. 2, nr. 1", LOV 478/2012 § 2,
    nr. 8: stk. 2 means its text outside nr. 1) and the longer quoted texts that hold this one (`shadows`).
    `only` replaces the target's slots (a reading of where the text stands)."""

    skip: tuple[TreePath, ...] = ()
    shadows: tuple[str, ...] = ()
    only: tuple[Slot, ...] | None = None

    def narrow(self, slots: list[Slot]) -> list[Slot]:
        if self.only is not None:
            return list(self.only)
        return [s for s in slots if not any(s.path[: len(p)] == p for p in self.skip)]


_SPACES = regex.compile(r"\s+")


def clean_quote(text: str) -> str:
    """Quoted instruction text as node text is stored: NBSP → space, no soft hyphen, single spaces."""
    return _SPACES.sub(" ", text.replace("\u00ad", "").replace("\u00a0", " ")).strip()


def walk_paths(node: Node, path: TreePath) -> Iterator[tuple[TreePath, Node]]:
    yield path, node
    for i, child in enumerate(node.children):
        yield from walk_paths(child, (*path, i))


def slots_for(doc: Document, target: Target) -> list[Slot]:
    match target.kind:
        case "title" | "preamble" | "titlenote":
            return [Slot(target.kind)]
        case "kapitel_heading":
            return [Slot("node", target.path, "heading")]
        case "heading":
            return [Slot("node", p) for p in target.headings]
        case "pkt":
            node = node_at(doc, target.path)
            spans = sentence_spans(node.text)
            assert target.pkt is not None
            if not 1 <= target.pkt <= len(spans):
                raise ResolveError("TARGET_NOT_FOUND", f"{target.pkt}. pkt. does not exist ({len(spans)} pkt.)")
            lo, hi = spans[target.pkt - 1]
            return [Slot("node", target.path, "text", lo, hi)]
        case "document":
            out: list[Slot] = []
            for i, top in enumerate(doc.children):
                if top.kind in _NO_PROVISION:
                    continue
                for path, node in walk_paths(top, (i,)):
                    if node.heading and node.kind in (Kind.KAPITEL, Kind.AFSNIT):
                        out.append(Slot("node", path, "heading"))
                    if node.text:
                        out.append(Slot("node", path))
            return out
    node = node_at(doc, target.path)
    out = []
    for path, sub in walk_paths(node, target.path):
        if sub.kind is Kind.BILAG and sub.heading:
            out.append(Slot("node", path, "heading"))
        if sub.text and sub.kind is not Kind.NOTE:
            out.append(Slot("node", path))
    return out


def get_string(doc: Document, slot: Slot) -> str:
    if slot.where == "title":
        return doc.meta.title or ""
    if slot.where == "preamble":
        return doc.preamble or ""
    if slot.where == "titlenote":
        return doc.title_note or ""
    value = getattr(node_at(doc, slot.path), slot.attr)
    return value or ""


def set_string(doc: Document, slot: Slot, value: str, source: Source | None) -> Document:
    if slot.where == "title":
        return doc.with_(meta=dataclass_replace(doc.meta, title=value))
    if slot.where == "preamble":
        return doc.with_(preamble=value)
    if slot.where == "titlenote":
        return doc.with_(title_note=value)
    node = node_at(doc, slot.path)
    prov = (*node.changed_by, source) if source else node.changed_by
    return replace_at(doc, slot.path, [node.with_(**{slot.attr: value}, changed_by=prov)])
