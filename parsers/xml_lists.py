"""Stage 1 (LexDania lists): Index/Indentatio → NR/LITRA nodes (kind by the label: "3)" is a nr.,
"a)" a litra, whatever formaInd says), nested lists under their item, text after a list → TEKST.
"""

from __future__ import annotations

from lxml import etree

from parsers.model import Kind, Node
from parsers.xml_meta import item_label
from parsers.xml_text import Context, glue_punctuation, label_of, line_text, note, table_rows

NR, LITRA, TEKST = Kind.NR, Kind.LITRA, Kind.TEKST


def _slug(label: str) -> str:
    if label.isascii() and label.isalnum():
        return label
    return "".join(ch for ch in label if ch.isascii() and ch.isalnum())


def index_nodes(index: etree._Element, parent_id: str, ctx: Context) -> list[Node]:
    """Every Indentatio of one Index as an NR or LITRA node under `parent_id`."""
    return [_item(ind, parent_id, ctx) for ind in index if ind.tag == "Indentatio"]


def _item(ind: etree._Element, parent_id: str, ctx: Context) -> Node:
    explicatus = None
    exitus: list[etree._Element] = []
    for child in ind:
        tag = child.tag
        if tag == "Exitus":
            exitus.append(child)
        elif tag == "Explicatus" and explicatus is None:
            explicatus = child
    label = item_label(label_of(explicatus))
    if label[:1].isalpha():
        kind, nid = LITRA, f"{parent_id}-litra{_slug(label)}"
    else:
        kind, nid = NR, f"{parent_id}-nr{_slug(label)}"
    own: list[str] = []  # the item's own text (before a nested list)
    after: list[str] = []  # text after a nested list, not yet flushed into a TEKST node
    children: list[Node] = []
    noted = False  # a note marker was just left out
    for ex in exitus:
        for part in ex:
            tag = part.tag
            if tag == "Linea":
                text = line_text(part)
                if text:
                    target = after if children else own
                    if noted:
                        noted = False
                        if glue_punctuation(target, text):
                            continue
                    target.append(text)
            elif tag == "Nota":
                note(part, ctx)
                noted = True
            elif tag == "Index":
                noted = False
                if after:
                    children.append(Node(TEKST, text=" ".join(after)))
                    after.clear()
                children.extend(index_nodes(part, nid, ctx))
            elif tag == "Table":
                children.extend(Node(TEKST, text=row) for row in table_rows(part, ctx))
    if after:
        children.append(Node(TEKST, text=" ".join(after)))
    return Node(kind, label=label, text=" ".join(own), children=tuple(children), id=nid)
