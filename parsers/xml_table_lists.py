"""Stage 1 (LexDania lists typeset as tables): a nr./litra list that the XML of Lovtidende holds as a
borderless two-column table — the label "1)" in the first cell, the item's text in the second —
read as NR/LITRA nodes, as the law prints and cites them ("§ 353, stk. 1, nr. 13"); a one-cell row
between items (a connective such as "samt eventuelt") stays text after the items before it.

Real example: retsplejeloven (LBK 1257/2016) § 353, stk. 1: "Retten indkalder parterne til et
forberedende møde, …:" + rows "1) | parternes stilling til sagens faktiske og retlige omstændigheder,"
… "4) | tidspunktet for hovedforhandlingen", "samt eventuelt", "5) | formalitetsindsigelser," …
"""

from __future__ import annotations

import regex
from lxml import etree

from lovkons.model.document import Kind, Node
from lovkons.parsers.node_factory import new_node
from lovkons.parsers.xml_text import Context, Pieces, clean, exitus_children_into

NR, LITRA, TEKST = Kind.NR, Kind.LITRA, Kind.TEKST

# ordered named table: the label cell of a list row
LABEL_CELLS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("nr", regex.compile(r"(?P<label> \d+ (?:\ ?[a-z])? ) \)", regex.VERBOSE)),  # "13)", "4 a)"
    ("litra", regex.compile(r"(?P<label> [a-zæøå] ) \)", regex.VERBOSE)),  # "b)"
)


# a list label inside an item's text ("Instrumenter: a) Værdipapirer, b) …"): not read from a table
_NESTED = regex.compile(r"(?<!\S)(?:\d+|[a-zæøå])\)\s")


def _cells(table: etree._Element, ctx: Context) -> list[list[str]]:
    rows: list[list[str]] = []
    for tr in table:
        if tr.tag != "Tr":
            continue
        cells = []
        for td in tr:
            if td.tag == "Td":
                cell = Pieces()
                exitus_children_into(td, cell, ctx)
                cells.append(cell.text())
        rows.append(cells)
    return rows


def _label(cell: str) -> tuple[str, str] | None:
    for kind, pattern in LABEL_CELLS:
        m = pattern.fullmatch(cell)
        if m is not None:
            return kind, m["label"]
    return None


def _in_order(kind: str, labels: list[str]) -> bool:
    """1, 2, 3 … (a lettered "4 a" after 4) or a, b, c …"""
    if kind == "litra":
        return labels == [chr(ord("a") + i) for i in range(len(labels))]
    last = 0
    for label in labels:
        n = int("".join(ch for ch in label if ch.isdigit()))
        if not (n == last + 1 or (n == last and not label.isdigit())):
            return False
        last = n
    return True


def _as_list(rows: list[list[str]], parent_id: str) -> list[Node] | None:
    """Rows "1) | text" (maybe after an empty indent cell), "| more text" (the item goes on: a
    definition's text under its term) and one-cell rows "samt eventuelt" → nodes; None when a row
    is anything else (two text cells, a list inside the text) or the labels do not run in order."""
    kind = ""
    at = -1  # the label column, from the first row
    labels: list[str] = []
    parts: list[tuple[str, str, list[str]]] = []  # (kind, label, text parts); kind "" = connective text
    for row in rows:
        if not any(row):
            continue
        if len(row) == 1:
            if not parts:
                return None
            parts.append(("", "", [row[0]]))  # "samt eventuelt" between items
            continue
        if at < 0:
            at = next((i for i, cell in enumerate(row) if cell), 0)
        if any(row[:at]) or len(row) <= at + 1:
            return None
        rest = [cell for cell in row[at + 1 :] if cell]
        if len(rest) > 1 or (rest and _NESTED.search(rest[0])):
            return None  # a table of figures ("HFC-23 (R-23) | 600 kr. pr. kg"), a list inside an item
        text = rest[0] if rest else ""
        if not row[at]:
            if not parts or not parts[-1][0] or not text:
                return None
            parts[-1][2].append(text)  # the item goes on in the next row
            continue
        found = _label(row[at])
        if found is None or (kind and found[0] != kind) or not text:
            return None
        kind, label = found
        labels.append(label)
        parts.append((kind, label, [text]))
    if len(labels) < 2 or not _in_order(kind, labels):
        return None
    return [_node(k, label, clean(" ".join(texts)), parent_id) for k, label, texts in parts]


def _node(kind: str, label: str, text: str, parent_id: str) -> Node:
    slug = label.replace(" ", "")
    if kind == "nr":
        return new_node(NR, label=label, text=text, id=f"{parent_id}-nr{slug}")
    if kind == "litra":
        return new_node(LITRA, label=label, text=text, id=f"{parent_id}-litra{slug}")
    return new_node(TEKST, text=text)


def table_nodes(table: etree._Element, parent_id: str, ctx: Context) -> list[Node]:
    """The table as NR/LITRA nodes when it is a list typeset as a table, else one TEKST per non-empty
    row, cells joined by " | " (as the .txt renderings show a table)."""
    rows = _cells(table, ctx)
    items = _as_list(rows, parent_id)
    if items is not None:
        return items
    return [new_node(TEKST, text=clean(" | ".join(cells))) for cells in rows if any(cells)]
