"""Stage 1 (LexDania text): turn LexDania text elements (Exitus/Linea/Char, Nota, Table, quoted
amendment payloads) into clean single-spaced strings, exactly as the plain-text renderings read.

Input: lxml elements; output: strings and note records. Used by `parsers.lexdania`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from parsers.model import Problem


def clean(text: str) -> str:
    """One kind of space, single spaces, no soft hyphens, no leading/trailing space."""
    if "\u00ad" in text:
        text = text.replace("\u00ad", "")
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    return " ".join(text.split())


def label_of(explicatus: etree._Element | None) -> str:
    """The raw Explicatus text ("§ 5 a.", "Stk. 2.", "1)"), cleaned; "" when absent."""
    if explicatus is None:
        return ""
    return clean("".join(str(t) for t in explicatus.itertext()))


@dataclass
class Context:
    """Mutable per-document state: official notes in order of appearance, problems."""

    file: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class Pieces:
    """Text pieces joined by one space; a note marker ("2)") is glued to the piece before it."""

    __slots__ = ("parts",)

    def __init__(self) -> None:
        self.parts: list[str] = []

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
    return "".join([ch.text or "" for ch in linea.iterchildren("Char")])


def note(nota: etree._Element, ctx: Context) -> str:
    """Record an official note; return its marker ("2)") as printed in the running text."""
    marker = label_of(nota.find("Explicatus"))
    body = Pieces()
    for ex in nota.iterchildren("Exitus"):
        exitus_into(ex, body, ctx)
    ctx.notes.append((marker.rstrip(")").strip(), body.text()))
    return marker


def exitus_into(ex: etree._Element, out: Pieces, ctx: Context) -> None:
    """Append the running text of one Exitus (Linea, Nota markers, table rows) to `out`."""
    for child in ex.iterchildren():
        tag = child.tag
        if tag == "Linea":
            out.add(linea_text(child))
        elif tag == "Nota":
            out.glue(note(child, ctx))
        elif tag == "Table":
            for row in table_rows(child, ctx):
                out.add(row)
        elif tag == "Index":
            for ind in child.iterchildren("Indentatio"):
                out.add(label_of(ind.find("Explicatus")))
                for sub in ind.iterchildren("Exitus"):
                    exitus_into(sub, out, ctx)


def exitus_text(ex: etree._Element, ctx: Context) -> str:
    out = Pieces()
    exitus_into(ex, out, ctx)
    return out.text()


def table_rows(table: etree._Element, ctx: Context) -> list[str]:
    """A table as the .txt renderings show it: one line per non-empty row, cells joined by " | "."""
    rows: list[str] = []
    for tr in table.iterchildren("Tr"):
        cells = []
        for td in tr.iterchildren("Td"):
            cell = Pieces()
            for ex in td.iterchildren("Exitus"):
                exitus_into(ex, cell, ctx)
            cells.append(cell.text())
        if any(cells):
            rows.append(clean(" | ".join(cells)))
    return rows


# ------------------------------------------------------------------ amendments as running text

_HEADING_LINES = ("Explicatus", "Rubrica")


def payload_lines(el: etree._Element, ctx: Context, out: Pieces) -> None:
    """Render an AendringNyTekst (or any structural element inside it) as the .txt shows it:
    "§ 5 a. text", "Stk. 2. text", "1) text", "Kapitel 3", headings, one piece per line."""
    pending = ""  # an Explicatus that starts the next text line ("Stk. 2.")
    for child in el.iterchildren():
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == "Explicatus":
            lbl = label_of(child)
            if el.tag in ("Kapitel", "Afsnit", "Bog", "Bilag"):
                out.add(lbl)
            else:
                pending = lbl
        elif tag in ("Exitus", "Rubrica", "Linea"):
            line = Pieces()
            if tag == "Linea":
                line.add(linea_text(child))
            else:
                exitus_into(child, line, ctx)
            out.add(f"{pending} {line.text()}" if pending else line.text())
            pending = ""
        elif tag == "Index":
            if pending:
                out.add(pending)
                pending = ""
            for ind in child.iterchildren("Indentatio"):
                payload_lines(ind, ctx, out)
        elif tag == "Nota":
            out.glue(note(child, ctx))
        elif tag == "Table":
            for row in table_rows(child, ctx):
                out.add(row)
        else:  # Paragraf, Stk, Kapitel, ParagrafGruppe, Titel, AendringsNummer, …
            if pending:
                out.add(pending)
                pending = ""
            payload_lines(child, ctx, out)
    if pending:
        out.add(pending)


def aendringsnummer_into(num: etree._Element, ctx: Context, out: Pieces) -> None:
    """ "1. I § 3 ændres …: »new text«" followed by any Rykningsklausul, as one run of text."""
    label = label_of(num.find("Explicatus"))
    first = True
    for child in num.iterchildren():
        tag = child.tag
        if tag == "Aendring":
            for part in child.iterchildren():
                if part.tag == "AendringDefinition":
                    line = Pieces()
                    for ex in part.iterchildren("Exitus"):
                        exitus_into(ex, line, ctx)
                    text = line.text()
                    out.add(f"{label} {text}" if first and label else text)
                    first = False
                elif part.tag == "AendringAktion":
                    _aktion_into(part, ctx, out)
        elif tag == "Rykningsklausul":
            for ex in child.iterchildren("Exitus"):
                exitus_into(ex, out, ctx)
    if first and label:
        out.add(label)


def _aktion_into(aktion: etree._Element, ctx: Context, out: Pieces) -> None:
    dot = aktion.get("punktumEfterSlutcitationstegn") == "True"
    for ny in aktion.iterchildren("AendringNyTekst"):
        body = Pieces()
        payload_lines(ny, ctx, body)
        if body:
            body.parts[0] = "»" + body.parts[0]
            body.parts[-1] += "«." if dot else "«"
            out.parts.extend(body.parts)
