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

_BLOCK = regex.compile(r"<\s*(?:/?\s*(?:p|div|tr|li|h\d|table)\b[^>]*|br\s*/?)\s*>", regex.I)
_TAG = regex.compile(r"<[^>]+>")


def html_to_text(html: str) -> str:
    """One line per HTML paragraph; tags dropped, entities resolved."""
    s = regex.sub(r"<\s*(script|style)\b.*?</\s*\1\s*>", " ", html, flags=regex.I | regex.S)
    s = s.replace("\r", " ").replace("\n", " ")
    s = _BLOCK.sub("\n", s)
    s = _TAG.sub("", s)
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
