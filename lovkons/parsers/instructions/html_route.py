"""Stage 1 (parsers): Retsinformation HTML (and its API JSON) of a BEK Æ → RawDoc.

The HTML (AendringMedNummer/AendringNr/Stk2 paragraphs, old-style upper-case tags) is flattened to
one line per paragraph and read by the text route; the JSON adds the publication date.
"""

from __future__ import annotations

import html as htmllib

import regex

from lovkons.parsers.instructions.raw import RawDoc
from lovkons.parsers.instructions.text_route import read_text
from lovkons.parsers.json_record import read_record

# Possessive quantifiers (*+): a tag is read to its ">" once, never backtracked over. Tags are only
# looked for up to the last ">" (after it no "<" can start a tag), so unclosed tags cost nothing.
_BLOCK = regex.compile(r"<\s*+(?:/?\s*+(?:p|div|tr|li|h\d|table)\b[^>]*+|br\s*+/?)\s*+>", regex.I)
_TAG = regex.compile(r"<[^>]++>")
_SCRIPT_OPEN = regex.compile(r"<\s*+(script|style)\b", regex.I)
_SCRIPT_CLOSE = {name: regex.compile(rf"</\s*+{name}\s*+>", regex.I) for name in ("script", "style")}


def _drop_scripts(html: str) -> str:
    """Each <script>/<style> element with its content → " " (the first closing tag ends it). An
    element left open is kept as text, and no later opening of the same name is tried again."""
    parts: list[str] = []
    done = pos = 0
    unclosed: set[str] = set()
    while (m := _SCRIPT_OPEN.search(html, pos)) is not None:
        name = m[1].lower()
        close = None if name in unclosed else _SCRIPT_CLOSE[name].search(html, m.end())
        if close is None:
            unclosed.add(name)
            pos = m.end()
            continue
        parts += [html[done : m.start()], " "]
        done = pos = close.end()
    return "".join([*parts, html[done:]]) if parts else html


def _before_last_gt(pattern: regex.Pattern[str], repl: str, s: str) -> str:
    cut = s.rfind(">") + 1
    return pattern.sub(repl, s[:cut]) + s[cut:] if cut else s


def html_to_text(html: str) -> str:
    """One line per HTML paragraph; tags dropped, entities resolved. Linear in the length of the
    HTML, however its tags are broken."""
    s = _drop_scripts(html)
    s = s.replace("\r", " ").replace("\n", " ")
    s = _before_last_gt(_BLOCK, "\n", s)
    s = _before_last_gt(_TAG, "", s)
    s = htmllib.unescape(s)
    lines = [regex.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in s.split("\n")]
    lines = [ln for ln in lines if ln and ln != "Den fulde tekst"]
    return "\n".join(lines)


def read_html(html: str, *, file: str | None = None, headers: dict[str, str] | None = None) -> RawDoc:
    text = html_to_text(html)
    head = "".join(f"# {k}: {v}\n" for k, v in (headers or {}).items())
    return read_text(head + text, file=file)


def read_retsinfo_json(data: bytes, *, file: str | None = None) -> RawDoc:
    record = read_record(data, file=file)  # depth and field types checked (parsers.json_record)
    headers = {"DocumentTitle": record.title, "DokumentKortNavn": record.short_name}
    for name, value in record.metadata:
        if name in ("Offentliggørelsesdato", "Dokumenttype", "Dato for underskrift"):
            headers["DocumentType" if name == "Dokumenttype" else name] = value
    return read_html(record.html, file=file, headers=headers)
