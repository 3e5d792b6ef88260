"""Stage 1 (LexDania text): turn LexDania text elements (Exitus/Linea/Char, Nota, Table, quoted
amendment payloads) into clean single-spaced strings, exactly as the plain-text renderings read.

Input: lxml elements; output: strings and note records. Used by `parsers.lexdania`.
Hot path: children are walked once with `for child in el` and tag tests (no find/XPath per node).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from parsers.model import Problem


def clean(text: str) -> str:
    """One kind of space, single spaces, no soft hyphens, no leading/trailing space."""
    if _is_clean(text):
        return text
    if "\u00ad" in text:
        text = text.replace("\u00ad", "")
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    return " ".join(text.split())


def _is_clean(text: str) -> bool:
    """True when `clean` would return the text unchanged: every whitespace character other than
    the plain space, the soft hyphen and the BOM are non-printable, so one C-level scan decides."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def label_of(explicatus: etree._Element | None) -> str:
    """The raw Explicatus text ("§ 5 a.", "Stk. 2.", "1)"), cleaned; "" when absent."""
    if explicatus is None:
        return ""
    if len(explicatus):
        return clean("".join(str(t) for t in explicatus.itertext()))
    return _clean_label(explicatus.text or "")


_clean_label = lru_cache(maxsize=8192)(clean)  # labels ("Stk. 2.", "3)") repeat across documents


def first_child(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child with this tag (what `el.find(tag)` returns, without the path machinery)."""
    for child in el:
        if child.tag == tag:
            return child
    return None


@dataclass
class Context:
    """Mutable per-document state: official notes in order of appearance, problems."""

    file: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class Pieces:
    """Text pieces joined by one space; a note marker ("2)") is glued to the piece before it."""

    __slots__ = ("parts",)

    def __init__(self, parts: list[str] | None = None) -> None:
        self.parts: list[str] = [] if parts is None else parts  # shared when given

    def add(self, text: str) -> None:
        text = clean(text)
        if text:
            self.parts.append(text)

    def glue(self, marker: str) -> None:
        if self.parts:
            self.parts[-1] += marker
        else:
            self.parts.append(marker)

    def text(self) -> str:
        return " ".join(self.parts)

    def __bool__(self) -> bool:
        return bool(self.parts)


def linea_text(linea: etree._Element) -> str:
    """A Linea is a run of Char elements concatenated as written (they carry their own spaces)."""
    return "".join([ch.text or "" for ch in linea if ch.tag == "Char"])


def line_text(linea: etree._Element) -> str:
    """`clean(linea_text(linea))` in one step (the hot path: one call per text line; most lines
    are one Char with clean text)."""
    if len(linea) == 1:
        ch = linea[0]
        text = (ch.text or "") if ch.tag == "Char" else ""
    else:
        text = "".join([ch.text or "" for ch in linea if ch.tag == "Char"])
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return clean(text)


def note(nota: etree._Element, ctx: Context) -> str:
    """Record an official note; return its marker ("2)") as printed in the running text."""
    marker_el = None
    body = Pieces()
    for child in nota:
        tag = child.tag
        if tag == "Exitus":
            exitus_into(child, body, ctx)
        elif tag == "Explicatus" and marker_el is None:
            marker_el = child
    marker = label_of(marker_el)
    ctx.notes.append((marker.rstrip(")").strip(), body.text()))
    return marker


def exitus_into(ex: etree._Element, out: Pieces, ctx: Context) -> None:
    """Append the running text of one Exitus (Linea, Nota markers, table rows) to `out`."""
    parts = out.parts
    for child in ex:
        if child.tag == "Linea":
            text = line_text(child)
            if text:
                parts.append(text)
        else:
            exitus_into_one(child, out, ctx)


def exitus_into_one(child: etree._Element, out: Pieces, ctx: Context) -> None:
    """Append the running text of one child of an Exitus to `out`."""
    tag = child.tag
    if tag == "Linea":
        out.add(line_text(child))
    elif tag == "Nota":
        out.glue(note(child, ctx))
    elif tag == "Table":
        out.parts.extend(table_rows(child, ctx))
    elif tag == "Index":
        for ind in child:
            if ind.tag == "Indentatio":
                out.add(label_of(first_child(ind, "Explicatus")))
                for sub in ind:
                    if sub.tag == "Exitus":
                        exitus_into(sub, out, ctx)


def exitus_text(ex: etree._Element, ctx: Context) -> str:
    out = Pieces()
    exitus_into(ex, out, ctx)
    return out.text()


def rubrica_text(rubrica: etree._Element, ctx: Context) -> str:
    """A Rubrica (heading) holds Linea/Nota like an Exitus."""
    return exitus_text(rubrica, ctx)


def table_rows(table: etree._Element, ctx: Context) -> list[str]:
    """A table as the .txt renderings show it: one line per non-empty row, cells joined by " | "."""
    rows: list[str] = []
    for tr in table:
        if tr.tag != "Tr":
            continue
        cells = []
        for td in tr:
            if td.tag == "Td":
                cell = Pieces()
                for ex in td:
                    if ex.tag == "Exitus":
                        exitus_into(ex, cell, ctx)
                cells.append(cell.text())
        if any(cells):
            rows.append(clean(" | ".join(cells)))
    return rows
