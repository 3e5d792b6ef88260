"""Stage 1 (LexDania text): turn LexDania text elements (Exitus/Linea/Char, Nota, Table, quoted
amendment payloads) into clean single-spaced strings, exactly as the plain-text renderings read.

Input: lxml elements; output: strings and note records. Used by `parsers.lexdania`.
Hot path: children are walked once, as a `kids(el)` list, with tag tests (no find/XPath per node);
an Exitus of text lines only is read by `plain_text` (its lines joined, the text cleaned once).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from lovkons.model.document import Problem
from lovkons.parsers.normalize import INVISIBLE_CHARS
from lovkons.parsers.xml_joins import chars_joined, is_marker_char, lines_joined

# The children of an element as a list, made in one C call (lxml's `getchildren`, equal to
# `list(el)`): `for child in el` first makes an iterator object, which costs more than the list for
# the few children of a LexDania element (about twice the time for a Stk of two). lxml's documentation
# calls `getchildren` deprecated in favour of `list(el)`, which is taken should a version drop it.
kids: Callable[[etree._Element], list[etree._Element]] = getattr(etree._Element, "getchildren", list)


def clean(text: str) -> str:
    """One kind of space, single spaces, no soft hyphens or zero-width characters, no leading/trailing
    space."""
    if _is_clean(text):
        return text
    if "\xa0" in text:  # a no-break space ("§\xa05") is the usual reason: try without them first
        spaced = text.replace("\xa0", " ")
        if _is_clean(spaced):  # then no other space or invisible character: split/join would agree
            return spaced
    return _spaced(text)


def _spaced(text: str) -> str:
    """`clean` of a text that is not clean: invisible characters out, single spaces."""
    for ch in _INVISIBLE:
        if ch in text:
            text = text.replace(ch, "")
    return " ".join(text.split())


# Invisible characters that carry no text, the same set `parsers.normalize` removes on the text
# route. None is printable, so the fast path of `clean` never has to look for them.
_INVISIBLE = tuple(INVISIBLE_CHARS)


def _is_clean(text: str) -> bool:
    """True when `clean` would return the text unchanged: every whitespace character other than
    the plain space, the soft hyphen and the BOM are non-printable, so one C-level scan decides.
    (`text.strip(" ") == text`, no space at either end, is the first test: `strip` returns the text
    itself when it has nothing to strip, and `==` of an object with itself is decided at once; the
    two one-character slices it replaces cost five times as much.)"""
    return text.strip(" ") == text and text.isprintable() and "  " not in text


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
    for child in kids(el):
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
    """Text pieces joined by one space. A note marker ("2)") is left out of the text; punctuation
    that followed it on a line of its own joins the piece before it (`glue_punctuation`)."""

    __slots__ = ("noted", "parts")

    def __init__(self, parts: list[str] | None = None) -> None:
        self.parts: list[str] = [] if parts is None else parts  # shared when given
        self.noted = False  # a note marker was just left out

    def add(self, text: str) -> None:
        self.add_clean(clean(text))

    def add_clean(self, text: str) -> None:
        """`add` for text that is clean already (a `line_text`, a label, a table row, the `text()`
        of other Pieces, or these joined by one space): the same, without cleaning it again."""
        if text:
            if self.noted:
                self.noted = False
                if glue_punctuation(self.parts, text):
                    return
            self.parts.append(text)

    def text(self) -> str:
        return lines_joined(self.parts)

    def __bool__(self) -> bool:
        return bool(self.parts)


_PUNCTUATION = frozenset(".,;:")


def glue_punctuation(parts: list[str], text: str) -> bool:
    """After a left-out note marker, a line starting with a lone punctuation mark ("." or ". Næste")
    belongs to the word before the marker ("§§ 43 a-43 e" + "." → "§§ 43 a-43 e."): glue it to
    `parts[-1]` and return True; else change nothing and return False."""
    if parts and text[:1] in _PUNCTUATION and text[1:2] in ("", " "):
        parts[-1] += text
        return True
    return False


def linea_text(linea: etree._Element) -> str:
    """A Linea is a run of Char elements concatenated as written (they carry their own spaces), but for
    the space a plain Char lost at a line break of the file (`_lost_space`)."""
    return chars_joined([ch for ch in kids(linea) if ch.tag == "Char"])


def line_text(linea: etree._Element) -> str:
    """`clean(linea_text(linea))`, a note marker typed as a superscript Char ("2)") left out."""
    if len(linea) == 1:  # the usual line, one Char (`_raw_line` inlined)
        ch = linea[0]
        text = ch.text
        if not text or text[-1] == ")" or ch.tag != "Char":
            text = _raw_line(linea)
    else:
        text = _raw_line(linea)
    if "\xa0" in text:  # as in `plain_text`
        text = text.replace("\xa0", " ")
    if text.strip(" ") == text and text.isprintable() and "  " not in text:
        return text
    return _spaced(text)


def _raw_line(linea: etree._Element) -> str:
    """The text of a Linea before cleaning: its Char runs as written, a superscript note marker
    ("2)") left out."""
    if len(linea) == 1:
        ch = linea[0]
        text = (ch.text or "") if ch.tag == "Char" else ""
        return "" if text[-1:] == ")" and is_marker_char(ch) else text
    chars = [ch for ch in kids(linea) if ch.tag == "Char"]
    text = chars_joined(chars)
    if ")" in text:
        text = chars_joined(chars, markers=True)
    return text


def plain_text(ex: etree._Element, tag: str | None = "Exitus") -> str | None:
    """The text of an Exitus whose children are all Linea (empty ones included): the `line_text`
    of every line, the non-empty ones joined by one space; else None (a note, list or table in it,
    or an element of another tag than `tag`; None: any tag, as a Rubrica, which holds lines too).

    The hot path: one call per stk, list item and amendment line. The lines are joined as written
    and the joined text cleaned once: the same text, as `clean` works token by token and the space
    between two lines always ends a token (`clean(a + " " + b)` is `clean(a)` and `clean(b)` joined by
    one space, or the one that is not empty); most texts are clean already, and one scan of the
    joined text says so."""
    if tag is not None and ex.tag != tag:
        return None
    if len(ex) == 1:  # one line (four in five; read by index, without a list of one)
        part = ex[0]
        if part.tag != "Linea":
            return None
        text = None
        if len(part) == 1:  # the usual line: one Char (a text ending in ")" may be a note marker)
            ch = part[0]
            text = ch.text
            if not text or text[-1] == ")" or ch.tag != "Char":
                text = None
        if text is None:
            text = _raw_line(part)
    else:
        raws = []  # (a loop, not a comprehension: on Python 3.11 that is a function call more)
        for part in kids(ex):
            if part.tag != "Linea":
                return None
            if len(part) == 1:
                ch = part[0]
                text = ch.text
                if text and text[-1] != ")" and ch.tag == "Char":
                    raws.append(text)
                    continue
            raws.append(_raw_line(part))
        text = lines_joined(raws)
    if "\xa0" in text:  # a no-break space: a space to `clean` (found without a scan of every character)
        text = text.replace("\xa0", " ")
    if text.strip(" ") == text and text.isprintable() and "  " not in text:
        return text
    return _spaced(text)


def first_line(ex: etree._Element) -> str:
    """The `line_text` of the first Linea of an Exitus, "" when it has none."""
    for child in kids(ex):
        if child.tag == "Linea":
            return line_text(child)
    return ""


def element_text(el: etree._Element) -> str:
    """The running text of any LexDania element, cleaned: the Char runs of a Linea are concatenated as
    written ("CO" + subscript "2" + "-kvoter" → "CO2-kvoter", "m" + superscript "2" → "m2"), lines
    and other parts are joined by one space. (A plain itertext join would read the indentation
    between Char elements as spaces: "CO 2 -kvoter".)"""
    if el.tag == "Linea":
        return clean(linea_text(el))
    # each piece cleaned on its own and the non-empty ones joined by one space: the same as cleaning
    # the pieces joined by spaces (`clean` works token by token, and a space always ends a token),
    # without cleaning every level's text again above it (the indentation between elements, kept
    # by the instruction reader, made the joined text unclean at every level)
    parts: list[str] = []
    text = el.text
    if text and not text.isspace() and (text := clean(text)):  # (whitespace cleans to "")
        parts.append(text)
    for child in kids(el):
        if isinstance(child.tag, str):
            text = element_text(child) if len(child) or child.tag == "Linea" else clean(child.text or "")
            if text:
                parts.append(text)
        text = child.tail
        if text and not text.isspace() and (text := clean(text)):
            parts.append(text)
    return lines_joined(parts)


def note(nota: etree._Element, ctx: Context) -> None:
    """Record an official note (label, text); its marker stays out of the running text."""
    marker_el = None
    body = Pieces()
    for child in kids(nota):
        tag = child.tag
        if tag == "Exitus":
            exitus_into(child, body, ctx)
        elif tag == "Explicatus" and marker_el is None:
            marker_el = child
    ctx.notes.append((label_of(marker_el).rstrip(")").strip(), body.text()))


def labelled(label: str, text: str) -> str:
    """A clean label and a clean text on one line, as `clean(f"{label} {text}")` gives them."""
    return (f"{label} {text}" if text else label) if label else text


def exitus_into(ex: etree._Element, out: Pieces, ctx: Context) -> None:
    """Append the running text of one Exitus (Linea, table rows; Nota recorded) to `out`. An Exitus
    of text lines only is one piece (`plain_text`): the same text as its lines piece by piece, as
    the pieces are joined by one space and punctuation after a note marker is glued either way."""
    text = plain_text(ex, None)
    if text is not None:
        if text:
            out.add_clean(text)
        return
    parts = out.parts
    for child in kids(ex):
        if child.tag == "Linea":
            text = line_text(child)
            if text:
                if out.noted:
                    out.noted = False
                    if glue_punctuation(parts, text):
                        continue
                parts.append(text)
        else:
            exitus_into_one(child, out, ctx)


def exitus_children_into(el: etree._Element, out: Pieces, ctx: Context) -> None:
    """Append the running text of every Exitus child of `el` (a table cell, an amendment
    definition, a Rykningsklausul) to `out`, in order."""
    for ex in kids(el):
        if ex.tag == "Exitus":
            exitus_into(ex, out, ctx)


def exitus_into_one(child: etree._Element, out: Pieces, ctx: Context) -> None:
    """Append the running text of one child of an Exitus to `out`."""
    tag = child.tag
    if tag == "Linea":
        out.add_clean(line_text(child))
    elif tag == "Nota":
        note(child, ctx)
        out.noted = True
    elif tag == "Table":
        out.noted = False
        out.parts.extend(table_rows(child, ctx))
    elif tag == "Index":
        out.noted = False
        for ind in kids(child):
            if ind.tag == "Indentatio":
                out.add_clean(label_of(first_child(ind, "Explicatus")))
                for sub in kids(ind):
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
    for tr in kids(table):
        if tr.tag != "Tr":
            continue
        cells = []
        for td in kids(tr):
            if td.tag == "Td":
                cell = Pieces()
                exitus_children_into(td, cell, ctx)
                cells.append(cell.text())
        if any(cells):
            rows.append(clean(" | ".join(cells)))
    return rows
