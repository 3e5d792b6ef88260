"""Stage 1 (LexDania lists): Index/Indentatio → NR/LITRA nodes (kind by the label: "3)" is a nr.,
"a)" a litra, whatever formaInd says), nested lists under their item, text after a list → TEKST;
`unit_node` reads the text and lists of a stk or list item (shared with `parsers.xml_paragraf`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from lxml import etree

from lovkons.model.document import Kind, Node
from lovkons.parsers.ids import slug
from lovkons.parsers.node_factory import new_node
from lovkons.parsers.xml_amendments import aendringsnummer_into
from lovkons.parsers.xml_definitions import definition_bodies
from lovkons.parsers.xml_joins import lines_joined
from lovkons.parsers.xml_meta import item_label
from lovkons.parsers.xml_text import (
    Context,
    Pieces,
    clean,
    first_child,
    first_line,
    glue_punctuation,
    kids,
    label_of,
    line_text,
    note,
    plain_text,
    table_rows,
)

NR, LITRA, TEKST = Kind.NR, Kind.LITRA, Kind.TEKST


def _slug(label: str) -> str:
    if label.isascii() and label.isalnum():
        return label
    return slug(label)  # "æ" → "ae" (litra æ is not litra "")


def unit_node(
    kind: Kind,
    label: str,
    nid: str,
    elements: list[etree._Element],
    ctx: Context,
    skip: Callable[[str], bool] | None = None,
) -> Node:
    """A stk or list item from its elements (Exitus, AendringsNummer): its own text (before any
    list or table), then NR/LITRA children and TEKST for rows and for text after a list. A note
    marker is left out and punctuation that followed it glued to the word before. With `skip`, a
    first text line of the first element for which it says True (a typed label) is dropped."""
    if len(elements) == 1:  # the common unit: one Exitus of text lines only, read in one pass
        text = plain_text(elements[0])
        if text is not None:
            if skip is not None and text:
                first = first_line(elements[0])  # (cleaned: the start of `text` when not empty)
                if first and skip(first):
                    text = text[len(first) + 1 :]
            return new_node(kind, label, None, text, (), False, nid)
    own: list[str] = []  # the unit's own text lines (before any list or table)
    after: list[str] = []  # text lines after a list or table, not yet flushed into a TEKST node
    children: list[Node] = []
    noted = False  # a note marker was just left out
    for child in elements:
        tag = child.tag
        if tag == "Exitus":
            text = plain_text(child) if skip is None else None
            if text is not None:  # text lines only: their text as one piece (joined by " " below)
                if text:
                    _put(after if children else own, text, noted)
                    noted = False
                continue
            for part in kids(child):
                ptag = part.tag
                if ptag == "Linea":
                    text = line_text(part)
                    if skip is not None:
                        check, skip = skip, None
                        if check(text):
                            continue
                    if text:
                        _put(after if children else own, text, noted)
                        noted = False
                elif ptag == "Nota":
                    note(part, ctx)
                    noted = True
                elif ptag == "Index" or ptag == "Table":
                    noted = False
                    if after:
                        children.append(new_node(TEKST, text=lines_joined(after)))
                        after.clear()
                    if ptag == "Index":
                        children.extend(index_nodes(part, nid, ctx))
                    else:
                        children.extend(new_node(TEKST, text=row) for row in table_rows(part, ctx))
        elif tag == "AendringsNummer":
            aendringsnummer_into(child, ctx, Pieces(after if children else own))
        skip = None  # only the first element's first line can be a typed label
    if after:
        children.append(new_node(TEKST, text=lines_joined(after)))
    text = lines_joined(own)
    return new_node(kind, label=label, text=text, children=tuple(definition_bodies(text, children)), id=nid)


def _put(target: list[str], text: str, noted: bool) -> None:
    """A text line into the unit's own or after-list text; after a left-out note marker, a lone punctuation
    mark is glued to the word before it (xml_text.glue_punctuation)."""
    if not (noted and glue_punctuation(target, text)):
        target.append(text)


def index_nodes(index: etree._Element, parent_id: str, ctx: Context) -> list[Node]:
    """Every Indentatio of one Index as an NR or LITRA node under `parent_id`. An Indentatio whose Explicatus
    is empty continues the item before it: "1) Små virksomheder:" then "[ ] Virksomheder, som … størrelser:
    a) … b) … c) …" (LBK 1253/2013 § 7, stk. 2: LOV 738/2015 § 1, nr. 13 changes "§ 7, stk. 2, nr. 1, litra a og
    b"; the id "…NumId_value_Could_Not_Be_Extracted_From_Explicatus" of the conversion), a definition's body
    ("4) Hovedstadsområdet:" then "[ ] Det område, der omfattes af …", LBK 798/2013 § 26): one unit."""
    groups: list[list[etree._Element]] = []
    inds = [ind for ind in kids(index) if ind.tag == "Indentatio"]
    for i, ind in enumerate(inds):
        # the last Indentatio continues the item before it only when that item ends in ":" (its text goes on):
        # otherwise it is the stk.'s text after the list (LBK 1082/2012 § 11, stk. 1; LBK 587/2013), left as read
        if groups and _continues(ind) and (i < len(inds) - 1 or _opens(groups[-1][-1])):
            groups[-1].append(ind)
        else:
            groups.append([ind])
    return [_item(g[0], parent_id, ctx) if len(g) == 1 else _items(g, parent_id, ctx) for g in groups]


def _opens(ind: etree._Element) -> bool:
    """Whether an item's last line ends in ":" ("1) Små virksomheder:"): what follows it is its own text."""
    lines = [line for ex in kids(ind) if ex.tag == "Exitus" for line in kids(ex) if line.tag == "Linea"]
    return bool(lines) and line_text(lines[-1]).rstrip().endswith(":")


def _continues(ind: etree._Element) -> bool:
    """An Explicatus of no text at all (not a missing one: a list of unlabelled items is no continuation)."""
    explicatus = ind[0] if len(ind) and ind[0].tag == "Explicatus" else first_child(ind, "Explicatus")
    if explicatus is None:
        return False
    if not len(explicatus):  # the usual Explicatus, its label as text ("1)"): no walk over its text nodes
        text = explicatus.text
        return not text or text.isspace()
    return not "".join(str(t) for t in explicatus.itertext()).strip()


def _items(group: list[etree._Element], parent_id: str, ctx: Context) -> Node:
    """One item read from its Indentatio and the ones that continue it: the label of the first, the text of all."""
    explicatus = first_child(group[0], "Explicatus")
    if explicatus is not None and len(explicatus):
        label, kind, suffix = _item_kind(label_of(explicatus))
    else:
        label, kind, suffix = _item_kind_of_text(None if explicatus is None else explicatus.text)
    exitus = [child for ind in group for child in kids(ind) if child.tag == "Exitus"]
    return unit_node(kind, label, parent_id + suffix, exitus, ctx)


def _item(ind: etree._Element, parent_id: str, ctx: Context) -> Node:
    parts = kids(ind)
    if len(parts) == 2:  # the usual item: "3)" and one Exitus of text lines (`unit_node` inlined)
        first, ex = parts
        if first.tag == "Explicatus" and not len(first):
            text = plain_text(ex)
            if text is not None:
                label, kind, suffix = _item_kind_of_text(first.text)
                return new_node(kind, label, None, text, (), False, parent_id + suffix)
    explicatus = None
    exitus: list[etree._Element] = []
    for child in parts:
        tag = child.tag
        if tag == "Exitus":
            exitus.append(child)
        elif tag == "Explicatus" and explicatus is None:
            explicatus = child
    if explicatus is not None and len(explicatus):
        label, kind, suffix = _item_kind(label_of(explicatus))
    else:  # (the usual label: an Explicatus of text only, "3)", read once per text)
        label, kind, suffix = _item_kind_of_text(None if explicatus is None else explicatus.text)
    return unit_node(kind, label, parent_id + suffix, exitus, ctx)


def _item_kind(explicatus: str) -> tuple[str, Kind, str]:
    """The item's label, kind and id suffix from its Explicatus: "3)" → ("3", NR, "-nr3"), "a)" →
    ("a", LITRA, "-litraa")."""
    label = item_label(explicatus)
    if label[:1].isalpha():
        return label, LITRA, f"-litra{_slug(label)}"
    return label, NR, f"-nr{_slug(label)}"


@lru_cache(maxsize=4096)
def _item_kind_of_text(text: str | None) -> tuple[str, Kind, str]:
    return _item_kind(clean(text or ""))
