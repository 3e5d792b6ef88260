"""Stage 1 (LexDania lists): Index/Indentatio → NR/LITRA nodes (kind by the label: "3)" is a nr.,
"a)" a litra, whatever formaInd says), nested lists under their item, text after a list → TEKST.
"""

from __future__ import annotations

from lxml import etree

from parsers.model import Kind, Node
from parsers.xml_meta import item_label
from parsers.xml_text import Context, Pieces, label_of, linea_text, note, table_rows


def _slug(label: str) -> str:
    return "".join(ch for ch in label if ch.isascii() and ch.isalnum())


def index_nodes(index: etree._Element, parent_id: str, ctx: Context) -> list[Node]:
    """Every Indentatio of one Index as an NR or LITRA node under `parent_id`."""
    return [_item(ind, parent_id, ctx) for ind in index.iterchildren("Indentatio")]


def _item(ind: etree._Element, parent_id: str, ctx: Context) -> Node:
    label = item_label(label_of(ind.find("Explicatus")))
    kind = Kind.LITRA if label[:1].isalpha() else Kind.NR
    nid = f"{parent_id}-{'litra' if kind is Kind.LITRA else 'nr'}{_slug(label)}"
    own = Pieces()
    after = Pieces()
    children: list[Node] = []
    for ex in ind.iterchildren("Exitus"):
        for part in ex.iterchildren():
            tag = part.tag
            target = after if children else own
            if tag == "Linea":
                target.add(linea_text(part))
            elif tag == "Nota":
                target.glue(note(part, ctx))
            elif tag == "Index":
                if after:
                    children.append(Node(Kind.TEKST, text=after.text()))
                    after.parts.clear()
                children.extend(index_nodes(part, nid, ctx))
            elif tag == "Table":
                children.extend(Node(Kind.TEKST, text=row) for row in table_rows(part, ctx))
    if after:
        children.append(Node(Kind.TEKST, text=after.text()))
    return Node(kind, label=label, text=own.text(), children=tuple(children), id=nid)
