"""Stage 1 (LexDania bilag of an amending act): the act's own bilag, which its items cite ("Bilag 2
affattes som bilag 2 til denne lov", LOV 70/2013 § 2, nr. 10), as the quoted text the instruction
grammar reads — the same shape the text route gives: label → "»Bilag 2\\n<line>\\n…«".

The LexDania XML marks them as top-level `<Bilag id="Bil2"><Explicatus>Bilag 2</Explicatus>
<BilagIndhold>…` after the signature; `parsers.lexdania` reads each into a BILAG node whose heading
is the quoted first line ("»Bilag 2") and whose TEKST children are its lines and table rows.
"""

from __future__ import annotations

import re

from lxml import etree

from lovkons.model.document import Kind, Node, normalize_label
from lovkons.parsers.bilag_lists import listed_nodes
from lovkons.parsers.ids import slug
from lovkons.parsers.node_factory import new_node
from lovkons.parsers.xml_amendments import payload_lines
from lovkons.parsers.xml_text import Context, Pieces, first_child, label_of, rubrica_text

_BILAG_NUMBER = re.compile(r"\d+\s*[a-zA-Z]?$")
# An amending law's bilag that quotes a whole new bilag opens with "»Bilag 2" (a heading line).
_QUOTED_BILAG = re.compile(r"»Bilag \d+(?: ?[a-zA-Z])?")


def bilag_node(el: etree._Element, ctx: Context) -> Node:
    m = _BILAG_NUMBER.search(label_of(first_child(el, "Explicatus")))
    label = normalize_label(m[0]) if m else None
    rub = first_child(el, "Rubrica")
    heading = rubrica_text(rub, ctx) if rub is not None else None
    lines = Pieces()
    for content in el:
        if content.tag == "BilagIndhold":
            payload_lines(content, ctx, lines)
    if heading is None and lines.parts and _QUOTED_BILAG.fullmatch(lines.parts[0]):
        heading = lines.parts.pop(0)  # as when the quoted "»Bilag 1" stands in the Rubrica
    bid = f"bilag{slug(label)}" if label else "bilag"
    kids = listed_nodes(tuple(new_node(Kind.TEKST, text=t) for t in lines.parts), bid)  # "1) …" lines as nr.
    return new_node(Kind.BILAG, label=label, heading=heading, children=kids, id=bid)


def own_bilag_texts(root: etree._Element, *, file: str | None = None) -> dict[str, str]:
    """The document's own bilag by label ("2") → its text as the instruction grammar reads a quoted
    bilag: the heading line first ("»Bilag 2"), then one line per text line or table row."""
    ctx = Context(file=file)
    out: dict[str, str] = {}
    for el in root:
        if el.tag == "Bilag":
            node = bilag_node(el, ctx)
            if node.label:
                lines = [node.heading] if node.heading else []
                lines.extend(_line(child) for child in node.children if child.text)
                out[node.label] = "\n".join(lines)
    return out


def _line(node: Node) -> str:
    """A child of a bilag as the line it was printed as ("3) Lov om …", its litra after it)."""
    if node.kind is Kind.NR or node.kind is Kind.LITRA:
        return "\n".join([f"{node.label}) {node.text}", *(_line(c) for c in node.children)])
    return node.text
