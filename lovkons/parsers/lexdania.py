"""Stage 1 (LexDania XML reader): Retsinformation LexDania 2.1 XML bytes → ParseResult (Document tree).

Document level only (title note, indledning, body, underskrift, bilag, notes); the body is read by
`parsers.xml_divisions` / `parsers.xml_paragraf`. Official notes (Nota) become NOTE nodes at the end
(their markers stay out of the text); LBK commencement notes (Ikraft) become NOTE nodes.
"""

from __future__ import annotations

import gc

from lxml import etree

from lovkons.model.document import Document, Kind, Node, ParseResult, Problem
from lovkons.parsers.ids import slug
from lovkons.parsers.node_factory import new_node
from lovkons.parsers.xml_amendments import payload_lines
from lovkons.parsers.xml_bilag import bilag_node
from lovkons.parsers.xml_divisions import heading_ids, say_unlabelled, structure_nodes
from lovkons.parsers.xml_meta import load_xml, read_meta
from lovkons.parsers.xml_text import (
    Context,
    Pieces,
    exitus_into,
    exitus_text,
    first_child,
    kids,
    label_of,
)

__all__ = ["load_xml", "parse_lexdania"]


def parse_lexdania(data: bytes, *, file: str | None = None) -> ParseResult:
    """Read a LexDania document (LOV, LOV Æ, LBK, BEK, BEK Æ) into the common tree.

    The cyclic garbage collector is paused while it reads: the reader allocates some hundred
    thousand short-lived lxml proxies, lists and tuples and a tree of nodes, none of them in a
    reference cycle, and the collector's passes over them (one per 700 allocations) find nothing."""
    if not gc.isenabled():
        return _parse(data, file)
    gc.disable()
    try:
        return _parse(data, file)
    finally:
        gc.enable()


def _parse(data: bytes, file: str | None) -> ParseResult:
    root = load_xml(data, file=file, keep_blank_text=False)
    meta = read_meta(root, file=file)
    ctx = Context(file=file)
    title_note = _title_note(root, ctx)
    body = None
    signatures: list[etree._Element] = []
    bilags: list[etree._Element] = []
    for part in kids(root):
        tag = part.tag
        if tag == "DokumentIndhold":
            body = body if body is not None else part
        elif tag == "UnderskriftGruppe":
            signatures.append(part)
        elif tag == "Bilag":
            bilags.append(part)
    preamble: list[str] = []
    children: list[Node] = []
    ikraft = 0  # Ikraft notes so far (the only NOTE nodes among the body's children)
    for el in kids(body) if body is not None else ():
        tag = el.tag
        if tag == "Indledning" or tag == "Hymne":
            preamble.extend(exitus_text(ex, ctx) for ex in kids(el) if ex.tag == "Exitus")
        elif tag == "Ikraft":
            ikraft += 1
            children.append(_ikraft(el, ctx, ikraft))
        else:
            children.extend(structure_nodes(el, ctx))
    children = _merge_split(children, ctx)
    say_unlabelled(children, ctx)
    children.extend(sign for sign in map(_underskrift, signatures) if sign is not None)
    children.extend(bilag_node(el, ctx) for el in bilags)
    children.extend(new_node(Kind.NOTE, label=lbl, text=txt, id=f"note{slug(lbl)}") for lbl, txt in ctx.notes)
    doc = Document(
        meta=meta,
        preamble="\n".join(p for p in preamble if p) or None,
        children=heading_ids(tuple(children)),
        title_note=title_note,
    )
    return ParseResult(document=doc, problems=tuple(ctx.problems))


def _title_note(root: etree._Element, ctx: Context) -> str | None:
    """A note on the title (LOV: "1) Loven indeholder bestemmelser, der gennemfører …")."""
    title_note = None
    group = first_child(root, "TitelGruppe")
    if group is None:
        return None
    for titel in kids(group):
        if titel.tag != "Titel":
            continue
        for nota in kids(titel):
            if nota.tag != "Nota":
                continue
            ex = [exitus_text(e, ctx) for e in kids(nota) if e.tag == "Exitus"]
            marker = label_of(first_child(nota, "Explicatus"))
            title_note = " ".join([marker, *ex]).strip()
            ctx.notes.append((marker.rstrip(")").strip(), " ".join(ex)))
    return title_note


def _ikraft(el: etree._Element, ctx: Context, number: int) -> Node:
    """LBK commencement note (the amending law's own ikraft §§): one NOTE, all its lines as text."""
    lines = Pieces()
    for child in kids(el):
        if child.tag == "Exitus":
            exitus_into(child, lines, ctx)
        elif isinstance(child.tag, str):
            payload_lines(child, ctx, lines)
    return new_node(Kind.NOTE, text=lines.text(), id=f"ikraft{number}")


def _underskrift(el: etree._Element) -> Node | None:
    parts = Pieces()
    for child in kids(el):
        if isinstance(child.tag, str):
            parts.add(" ".join(str(t) for t in child.itertext()))
    return new_node(Kind.UNDERSKRIFT, text=parts.text()) if parts else None


def _merge_split(nodes: list[Node], ctx: Context) -> list[Node]:
    """ "§ 3" standing alone followed by an unnumbered § (a § split in two elements) → one §."""
    out: list[Node] = []
    for node in nodes:
        prev = out[-1] if out else None
        if (
            node.kind is Kind.PARAGRAF
            and not node.label
            and prev is not None
            and prev.kind is Kind.PARAGRAF
            and prev.label
            and not prev.children
        ):
            ctx.problems.append(
                Problem(
                    "XML_SPLIT_PARAGRAF", f"§ {prev.label} split in two elements", "warning", file=ctx.file
                )
            )
            moved = tuple(k.with_(id=k.id.replace("p-", f"{prev.id}-", 1)) for k in node.children)
            out[-1] = prev.with_(children=moved)
            continue
        out.append(node)
    return out
