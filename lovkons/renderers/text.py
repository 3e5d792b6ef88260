"""Stage 3 (renderers): Document → plain text in the Danish print layout, one unit per line.

The output is re-parseable: `parse_text(render_text(doc))` gives the same tree (ids aside), so it
mirrors the layout of the `.txt` documents the text parser reads (metadata header included).
"""

from __future__ import annotations

import regex

from lovkons.model.document import Document, Kind, Meta, Node, Source, display_label

# The `# Key: value` header understood by the text parser (same keys as shared/data/**/*.txt).
_DOCTYPE = {"BEK": "BEK H", "BEK Æ": "BEK Æ", "LOV": "LOV H", "LOV Æ": "LOV Æ", "LBK": "LBK H"}


def header_lines(meta: Meta) -> list[str]:
    """`# DocumentType: …` lines for the metadata the body text cannot carry (number, year, date)."""
    out: list[str] = []
    if meta.kind in _DOCTYPE:
        out.append(f"# DocumentType: {_DOCTYPE[meta.kind]}")
    if meta.title:
        out.append(f"# DocumentTitle: {meta.title}")
    if meta.date:
        out.append(f"# DiesSigni: {meta.date.isoformat()}")
    if meta.number is not None:
        out.append(f"# Number: {meta.number}")
    if meta.year is not None:
        out.append(f"# Year: {meta.year}")
    if meta.ministry:
        out.append(f"# Ministry: {meta.ministry}")
    return out


def provenance(sources: tuple[Source, ...]) -> str:
    """ "[BEK 1072/2008 § 1, nr. 4, i kraft 2009-07-01]" (several sources joined by "; ")."""
    parts = []
    for s in sources:
        part = str(s)
        if s.in_force:
            part += f", i kraft {s.in_force.isoformat()}"
        parts.append(part)
    return "[" + "; ".join(parts) + "]"


def paragraf_label(label: str | None) -> str:
    """ "§ 5 a." — a range label of a grouped tombstone ("17-18") prints as "§§ 17-18."."""
    if label is None:
        return "§"
    return f"§§ {label}." if "-" in label else f"§ {label}."


class _TextWriter:
    """Collects lines; blank lines separate blocks (never two in a row, none at the start)."""

    def __init__(self, notes: bool) -> None:
        self.lines: list[str] = []
        self.notes = notes
        self.after_heading = False  # the last unit written was a mellemoverskrift
        self.in_notes = False  # inside the "Noter" block of numbered official notes

    def add(self, line: str, *, heading: bool = False) -> None:
        self.lines.append(line)
        self.after_heading = heading

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def note(self, node: Node) -> None:
        if self.notes and node.changed_by:
            self.lines.append(provenance(node.changed_by))

    def node(self, node: Node) -> None:
        if node.kind is not Kind.NOTE or node.label is None:
            self.in_notes = False
        match node.kind:
            case Kind.AFSNIT | Kind.KAPITEL | Kind.BILAG:
                self.container(node)
            case Kind.OVERSKRIFT:
                if not self.after_heading:  # stacked headings stay together
                    self.blank()
                for line in _heading_lines(node.text or node.heading or ""):
                    self.add(line, heading=True)
                if self.notes and node.changed_by:
                    self.lines.append(provenance(node.changed_by))
            case Kind.PARAGRAF:
                self.paragraf(node)
            case Kind.NOTE if node.label is not None:
                if not self.in_notes:  # numbered notes follow one "Noter" line, as printed
                    self.blank()
                    self.add("Noter")
                    self.in_notes = True
                self.unit(node, f"{node.label})")
            case Kind.UNDERSKRIFT:
                self.blank()
                self.lines.extend(underskrift_lines(node.text))
                self.note(node)
                self.blank()
            case Kind.NOTE:
                self.blank()
                self.unit(node, "")
                self.blank()
            case _:
                self.unit(node, _item_label(node))

    def container(self, node: Node) -> None:
        """Afsnit/kapitel/bilag: label line, heading line, own text, children; blank line before."""
        self.blank()
        word = {Kind.AFSNIT: "Afsnit", Kind.KAPITEL: "Kapitel", Kind.BILAG: "Bilag"}[node.kind]
        if node.label is not None:
            self.add(f"{word} {node.label}")
        elif node.kind is Kind.BILAG:  # an unnumbered bilag is still headed "Bilag"
            self.add(word)
        if node.heading:
            self.add(node.heading)
        self.note(node)
        if node.text:
            self.add(node.text)
        if node.kind is not Kind.BILAG or not node.heading:
            self.blank()  # a bilag's body follows its heading; without one, a blank line says so
        for child in node.children:
            self.node(child)

    def paragraf(self, node: Node) -> None:
        label = paragraf_label(node.label)
        if node.repealed and not node.children:
            self.add(f"{label} {node.text or '(Ophævet)'}")
            self.note(node)
            return
        stykker = list(node.children)
        first = stykker[0] if stykker and stykker[0].kind is Kind.STK else None
        if first is not None and first.label in (None, "1"):
            self.add(_join(label, first.text))
            self.note(node)
            self.note(first)
            self.children(first)
            stykker = stykker[1:]
        else:
            self.add(_join(label, node.text))
            self.note(node)
        for child in stykker:
            self.node(child)

    def unit(self, node: Node, label: str) -> None:
        """A stk./nr./litra/tekst line: "Stk. 2. …", "3) …", "a) …", then its children."""
        if node.repealed and not node.text:
            self.add(_join(label, "(Ophævet)"))
        else:
            self.add(_join(label, node.text))
        self.note(node)
        self.children(node)

    def children(self, node: Node) -> None:
        for child in node.children:
            self.node(child)


def _item_label(node: Node) -> str:
    """A stk./nr./litra label as printed ("Stk. 2.", "3)", "a)"); other kinds print none. A stk. 1
    reaching here does not open its paragraf, so unlike `display_label` it keeps its "Stk. 1."."""
    if node.kind is Kind.STK and node.label == "1":
        return "Stk. 1."
    return display_label(node) if node.kind in _ITEM_KINDS else ""


_ITEM_KINDS = frozenset((Kind.STK, Kind.NR, Kind.LITRA))


# "Første bog. Domsmagten m.m.": the level above afsnit prints its ordinal and title on two lines.
_BOG = regex.compile(r"^(\p{L}+ bog\.) (.+)$")


# The signature block as printed: "Ministeriet, den 2. marts 2009" / "Name" / "/ Name".
_SIGNED = regex.compile(r"^(.*?, den \d{1,2}\. \p{L}+ \d{4}\.?) (.+)$")


def underskrift_lines(text: str) -> list[str]:
    """Split a signature (stored on one line) back into its printed lines."""
    m = _SIGNED.match(text)
    head, rest = (m[1], m[2]) if m else ("", text)
    lines = [head] if head else []
    lines.extend(part if i == 0 else f"/ {part}" for i, part in enumerate(rest.split(" / ")))
    return lines


def _heading_lines(text: str) -> list[str]:
    m = _BOG.match(text)
    return [m[1], m[2]] if m else [text]


def _join(label: str, text: str) -> str:
    return f"{label} {text}" if label and text else (label or text)


def render_text(doc: Document, *, notes: bool = False, header: bool = True) -> str:
    """Render `doc` as Danish plain text; `notes=True` adds "[… i kraft …]" provenance lines.

    Provenance lines stand on their own line right after the unit they describe and are enclosed
    in square brackets; they are for human readers: the text parser skips them
    (`parsers.text_patterns.PROVENANCE`), so the round trip holds with notes too.
    `header=False` leaves out the `# Key: value` metadata lines.
    """
    w = _TextWriter(notes)
    if header:
        w.lines.extend(header_lines(doc.meta))
        w.blank()
    if doc.meta.title:
        w.add(doc.meta.title)
        if doc.title_note:
            w.add(doc.title_note)
        w.blank()
    if doc.preamble:
        w.add(doc.preamble)
        w.blank()
    for child in doc.children:
        w.node(child)
    while w.lines and w.lines[-1] == "":
        w.lines.pop()
    return "\n".join(w.lines) + "\n"
