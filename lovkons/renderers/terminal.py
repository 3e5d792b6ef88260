"""Stage 3 (renderers): Document → a rich outline tree (kapitel → § → stk → nr → litra).

Each line shows the unit's label and a short preview of its text; repealed units are dim. Text
goes in as rich `Text` objects, never as markup, so brackets in legal text print literally.
"""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from lovkons.model.document import Document, Kind, Node

PREVIEW = 60  # characters of text shown after a label

_STYLE = {
    Kind.AFSNIT: "bold magenta",
    Kind.KAPITEL: "bold cyan",
    Kind.OVERSKRIFT: "italic",
    Kind.PARAGRAF: "bold",
    Kind.BILAG: "bold cyan",
    Kind.UNDERSKRIFT: "dim italic",
    Kind.NOTE: "dim",
}


def preview(text: str, width: int = PREVIEW) -> str:
    """The first `width` characters of `text`, cut at a word boundary and marked with "…"."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut + "…"


def node_label(node: Node) -> str:
    """The label as an outline shows it: "Kapitel 3", "§ 5 a", "Stk. 2", "3)", "a)"."""
    lbl = node.label
    match node.kind:
        case Kind.AFSNIT:
            return f"Afsnit {lbl}" if lbl else "Afsnit"
        case Kind.KAPITEL:
            return f"Kapitel {lbl}" if lbl else "Kapitel"
        case Kind.BILAG:
            return f"Bilag {lbl}" if lbl else "Bilag"
        case Kind.PARAGRAF:
            return f"§ {lbl}" if lbl else "§"
        case Kind.STK:
            return f"Stk. {lbl}" if lbl else "Stk."
        case Kind.NR | Kind.LITRA:
            return f"{lbl})" if lbl else ""
        case Kind.OVERSKRIFT:
            return ""
        case _:
            return node.kind.value


def node_line(node: Node) -> Text:
    """One outline line: styled label, then heading or a text preview."""
    line = Text()
    label = node_label(node)
    if label:
        line.append(label, style=_STYLE.get(node.kind, "bold"))
    body = node.heading or node.text
    if node.kind is Kind.PARAGRAF and not body and len(node.children) == 1:
        body = node.children[0].text  # a lone stk. is shown on the § line (see _add)
    if node.repealed and not body:
        body = "(Ophævet)"
    if body:
        if label:
            line.append("  ")
        line.append(preview(body), style=_STYLE.get(node.kind, "") if not label else "")
    if node.repealed:
        line.stylize("dim")
    return line


def _add(tree: Tree, node: Node) -> None:
    branch = tree.add(node_line(node))
    children = node.children
    # A § with only one stk.: the stk. is already previewed on the § line; show its items directly.
    if node.kind is Kind.PARAGRAF and len(children) == 1 and children[0].kind is Kind.STK:
        children = children[0].children
    for child in children:
        _add(branch, child)


def render_tree(doc: Document) -> Tree:
    """An outline of `doc` for the terminal (print it with a rich Console)."""
    title = Text(doc.meta.short, style="bold")
    if doc.meta.title and doc.meta.title != doc.meta.short:
        title.append("  " + preview(doc.meta.title, 80))
    tree = Tree(title)
    for child in doc.children:
        _add(tree, child)
    return tree
