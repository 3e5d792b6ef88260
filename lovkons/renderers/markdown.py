"""Stage 3 (renderers): Document → Markdown (CommonMark) for reading and publishing.

Headings for title (#), afsnit (##), kapitel (###) and mellemoverskrift (####); "**§ 3.**" bold
labels; numbered items as bullet lines that keep their own labels, escaped so nothing renumbers.
"""

from __future__ import annotations

import regex

from lovkons.model.document import Document, Kind, Node
from lovkons.renderers.text import paragraf_label, provenance

# Characters with inline meaning in Markdown; escaped wherever they occur in legal text.
_INLINE = regex.compile(r"([\\`*_\[\]<>|~])")
# Line starts a Markdown parser would read as a block marker: "1)"/"1." ordered list, "#" heading,
# "-", "+" bullets, ">" quote, "=" setext underline.
_BLOCK_START = regex.compile(r"^(\d+)([.)])(?=\s|$)|^([#+=-])")


_INLINE_CHARS = "\\`*_[]<>|~"  # the characters of _INLINE: a text without any is left as it is


def escape(text: str) -> str:
    """Escape `text` so that CommonMark shows it verbatim as one paragraph line."""
    out = text
    for ch in _INLINE_CHARS:  # a few substring scans: most legal text holds none of them
        if ch in text:
            out = _INLINE.sub(r"\\\1", text)
            break
    if out[:1] in "#+=-" or out[:1].isdecimal():  # else _BLOCK_START cannot match (\d is a decimal digit)
        return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", out)
    return out


# id(node) → (the node, kept alive; its blocks joined as render_markdown joins them, "" for none):
# see render_markdown's `memo`
BlockMemo = dict[int, tuple[Node, str]]

# The units whose text is kept in a memo: each § and each heading unit (with all they hold). An
# amendment replaces the path down to the § it changes, so the other §§ of a kapitel are the same
# nodes in the next version; smaller units (stk., nr.) are not worth a look-up of their own.
_MEMO_KINDS = frozenset({Kind.PARAGRAF, Kind.KAPITEL, Kind.AFSNIT, Kind.BILAG})


class _MarkdownWriter:
    def __init__(self, notes: bool, memo: BlockMemo | None = None) -> None:
        self.blocks: list[str] = []
        self.notes = notes
        self.memo = memo

    def unit(self, node: Node, top: bool = False) -> None:
        """`node` through the memo (a top-level unit or one of _MEMO_KINDS): its joined blocks when
        the same node was rendered before, else rendered and its blocks kept (as one, joined: the
        final join gives the same text)."""
        memo = self.memo
        if memo is None or not (top or node.kind in _MEMO_KINDS):
            self.node(node)
            return
        hit = memo.get(id(node))
        if hit is not None and hit[0] is node:
            if hit[1]:
                self.blocks.append(hit[1])
            return
        start = len(self.blocks)
        self.node(node)
        text = "\n\n".join(b for b in self.blocks[start:] if b.strip())
        del self.blocks[start:]
        if text:
            self.blocks.append(text)
        memo[id(node)] = (node, text)

    def note(self, node: Node, indent: str = "") -> None:
        if self.notes and node.changed_by:
            self.blocks.append(f"{indent}*{escape(provenance(node.changed_by))}*")

    def node(self, node: Node) -> None:
        match node.kind:
            case Kind.AFSNIT | Kind.KAPITEL | Kind.BILAG:
                self.container(node)
            case Kind.OVERSKRIFT:
                self.blocks.append(f"#### {escape(node.text or node.heading or '')}")
                self.note(node)
            case Kind.PARAGRAF:
                self.paragraf(node)
            case Kind.STK:
                label = f"**Stk. {node.label}.** " if node.label not in (None, "1") else ""
                self.blocks.append(label + escape(node.text or ("(Ophævet)" if node.repealed else "")))
                self.note(node)
                self.items(node.children, 0)
            case Kind.NR | Kind.LITRA:
                self.items((node,), 0)
            case _:
                self.blocks.append(escape(node.text))
                self.note(node)
                for child in node.children:
                    self.unit(child)

    def container(self, node: Node) -> None:
        level = {Kind.AFSNIT: "##", Kind.KAPITEL: "###", Kind.BILAG: "##"}[node.kind]
        word = {Kind.AFSNIT: "Afsnit", Kind.KAPITEL: "Kapitel", Kind.BILAG: "Bilag"}[node.kind]
        title = " ".join(x for x in (f"{word} {node.label}" if node.label else "", node.heading) if x)
        self.blocks.append(f"{level} {escape(title or word)}")
        self.note(node)
        if node.text:
            self.blocks.append(escape(node.text))
        for child in node.children:
            self.unit(child)

    def paragraf(self, node: Node) -> None:
        label = f"**{escape(paragraf_label(node.label))}**"
        if node.repealed and not node.children:
            self.blocks.append(f"{label} {escape(node.text or '(Ophævet)')}")
            self.note(node)
            return
        stykker = list(node.children)
        if stykker and stykker[0].kind is Kind.STK and stykker[0].label in (None, "1"):
            first = stykker.pop(0)
            self.blocks.append(f"{label} {escape(first.text)}".rstrip())
            self.note(node)
            self.note(first)
            self.items(first.children, 0)
        else:
            self.blocks.append(f"{label} {escape(node.text)}".rstrip())
            self.note(node)
        for child in stykker:
            self.node(child)

    def items(self, nodes: tuple[Node, ...], depth: int) -> None:
        """nr./litra as one bullet list block; labels stay literal ("1\\)") so nothing renumbers."""
        lines: list[str] = []
        self._item_lines(nodes, depth, lines)
        if lines:
            self.blocks.append("\n".join(lines))
        for child in nodes:  # text after a list (TEKST) is a paragraph of its own
            if child.kind not in (Kind.NR, Kind.LITRA):
                self.node(child)

    def _item_lines(self, nodes: tuple[Node, ...], depth: int, lines: list[str]) -> None:
        indent = "  " * depth
        for child in nodes:
            if child.kind not in (Kind.NR, Kind.LITRA):
                if depth > 0 and child.text:  # text after a sub-list continues the parent item
                    lines.append(f"{indent}{escape(child.text)}")
                continue
            text = escape(child.text or ("(Ophævet)" if child.repealed else ""))
            lines.append(f"{indent}- {escape(child.label or '')}\\) {text}".rstrip())
            if self.notes and child.changed_by:
                lines.append(f"{indent}  *{escape(provenance(child.changed_by))}*")
            self._item_lines(child.children, depth + 1, lines)


def render_markdown(doc: Document, *, notes: bool = False, memo: BlockMemo | None = None) -> str:
    """Render `doc` as Markdown; `notes=True` adds the provenance of changed units in italics. `memo`
    (one `notes` setting per memo): the text of each top-level unit, § and heading unit, kept for the
    next document that holds the same node (the versions of one document share most of theirs)."""
    w = _MarkdownWriter(notes, memo)
    w.blocks.append(f"# {escape(doc.meta.title or doc.meta.short)}")
    if doc.title_note:
        w.blocks.append(f"*{escape(doc.title_note)}*")
    if doc.preamble:
        w.blocks.append(escape(doc.preamble))
    for child in doc.children:
        w.unit(child, top=True)
    return "\n\n".join(b for b in w.blocks if b.strip()) + "\n"
