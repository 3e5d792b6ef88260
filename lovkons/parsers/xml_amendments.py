"""Stage 1 (LexDania amendments as text): AendringsNummer / AendringNyTekst / Ikraft payloads →
running-text lines exactly as the .txt renderings print them ("1. I § 3 ændres …: »§ 5 a. …«").

Input: lxml elements; output: pieces appended to a `Pieces`. Used by `parsers.xml_paragraf`.
"""

from __future__ import annotations

from lxml import etree

from lovkons.parsers.xml_text import (
    Context,
    Pieces,
    exitus_children_into,
    exitus_into_one,
    first_child,
    kids,
    label_of,
    labelled,
    line_text,
    note,
    plain_text,
    table_rows,
)

_LABEL_ON_OWN_LINE = ("Kapitel", "Afsnit", "Bog", "Bilag")


def payload_lines(el: etree._Element, ctx: Context, out: Pieces) -> None:
    """Render an AendringNyTekst (or any structural element inside it) as the .txt shows it:
    "§ 5 a. text", "Stk. 2. text", "1) text", "Kapitel 3", headings, one piece per line."""
    pending = ""  # an Explicatus that starts the next text line ("Stk. 2.")
    own_line = el.tag in _LABEL_ON_OWN_LINE
    for child in kids(el):
        tag = child.tag
        if tag == "Explicatus":
            lbl = label_of(child)
            if own_line:
                out.add_clean(lbl)
            else:
                pending = lbl
        elif tag == "Exitus" or tag == "Rubrica" or tag == "Linea":
            text = line_text(child) if tag == "Linea" else _exitus_line(child, ctx, out, pending)
            out.add_clean(labelled(pending, text))
            pending = ""
        elif tag == "Index":
            if pending:
                out.add_clean(pending)
                pending = ""
            for ind in kids(child):
                if ind.tag == "Indentatio":
                    payload_lines(ind, ctx, out)
        elif tag == "Nota":
            note(child, ctx)
            out.noted = True
        elif tag == "Table":
            for row in table_rows(child, ctx):
                out.add_clean(row)
        elif isinstance(tag, str):  # Paragraf, Stk, Kapitel, ParagrafGruppe, Titel, AendringsNummer, …
            if pending:
                out.add_clean(pending)
                pending = ""
            payload_lines(child, ctx, out)
    if pending:
        out.add_clean(pending)


def _exitus_line(ex: etree._Element, ctx: Context, out: Pieces, pending: str) -> str:
    """The text line of an Exitus; a table or list inside it is printed row by row / item by item
    on lines of their own (the text before it, with the pending label, goes out first)."""
    text = plain_text(ex)
    if text is not None:  # the common Exitus: text lines only
        return text
    line = Pieces()
    for child in kids(ex):
        tag = child.tag
        if tag == "Table" or tag == "Index":
            if line or pending:
                out.add_clean(labelled(pending, line.text()))
                line.parts.clear()
                pending = ""
            if tag == "Table":
                for row in table_rows(child, ctx):
                    out.add_clean(row)
            else:
                for ind in kids(child):
                    if ind.tag == "Indentatio":
                        payload_lines(ind, ctx, out)
        else:
            exitus_into_one(child, line, ctx)
    return line.text()


def aendringsnummer_into(num: etree._Element, ctx: Context, out: Pieces) -> None:
    """ "1. I § 3 ændres …: »new text«" followed by any Rykningsklausul, as one run of text."""
    label = label_of(first_child(num, "Explicatus"))
    first = True
    for child in kids(num):
        tag = child.tag
        if tag == "Aendring":
            for part in kids(child):
                if part.tag == "AendringDefinition":
                    line = Pieces()
                    exitus_children_into(part, line, ctx)
                    text = line.text()
                    out.add_clean(labelled(label, text) if first else text)
                    first = False
                elif part.tag == "AendringAktion":
                    _aktion_into(part, ctx, out)
        elif tag == "Rykningsklausul":
            exitus_children_into(child, out, ctx)
    if first and label:
        out.add_clean(label)


def _aktion_into(aktion: etree._Element, ctx: Context, out: Pieces) -> None:
    dot = aktion.get("punktumEfterSlutcitationstegn") == "True"
    for ny in kids(aktion):
        if ny.tag != "AendringNyTekst":
            continue
        body = Pieces()
        payload_lines(ny, ctx, body)
        if body:
            body.parts[0] = "»" + body.parts[0]
            body.parts[-1] += "«." if dot else "«"
            out.parts.extend(body.parts)
