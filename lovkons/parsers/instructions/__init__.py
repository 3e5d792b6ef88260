"""Stage 1 (parsers): amending documents (BEK Æ, LOV Æ) → AmendingDocument with exact operations.

Entry points: read_amending_file(path), read_amending_bytes(data, file=…). Routes: LexDania XML,
Retsinformation HTML/JSON, plain text; all meet in RawDoc and the same instruction grammar.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from lovkons.model.document import LovkonsError, Problem
from lovkons.model.edits import AmendingDocument
from lovkons.parsers.instructions.build import build
from lovkons.parsers.instructions.raw import RawDoc

__all__ = ["read_amending_bytes", "read_amending_file"]


def _raw(data: bytes, file: str | None) -> tuple[RawDoc, list[Problem]]:
    """The document read by its route (format detected from the content), with decoding warnings."""
    from lovkons.parsers.input_bytes import MAX_BYTES, check_digit_runs, from_unicode_bom

    if len(data) > MAX_BYTES:
        raise LovkonsError(f"too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})", file=file)
    data = from_unicode_bom(data, file)  # UTF-16/32 text with a byte-order mark is text
    head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml") or head.startswith(b"<Dokument"):
        from lovkons.parsers.instructions.xml_route import read_xml

        check_digit_runs(data, file)  # (the other routes end in read_text, which checks its text)

        return read_xml(data, file=file), []
    if head.startswith(b"{"):
        from lovkons.parsers.instructions.html_route import read_retsinfo_json

        return read_retsinfo_json(data, file=file), []
    if head.startswith(b"<"):
        from lovkons.parsers.instructions.html_route import read_html

        return read_html(data.decode("utf-8", errors="replace"), file=file), []
    from lovkons.parsers.instructions.text_route import read_text
    from lovkons.parsers.read import decode_text

    text, warnings = decode_text(data, file)  # UTF-8, else cp1252 with a warning (as `parse` reads it)
    return read_text(text, file=file), warnings


def read_amending_bytes(
    data: bytes, *, file: str | None = None, published: dt.date | None = None
) -> AmendingDocument:
    """Read an amending document in any supported format; LovkonsError when it is not one.
    `published` (the Lovtidende publication date, e.g. from a corpus sidecar) fills in a date the
    document does not carry, for "træder i kraft dagen efter bekendtgørelsen i Lovtidende"."""
    raw, warnings = _raw(data, file)
    if published is not None and raw.meta.published is None:
        raw = replace(raw, meta=replace(raw.meta, published=published))
    order = build(raw)
    return replace(order, problems=(*warnings, *order.problems)) if warnings else order


def read_amending_file(path: str | Path, *, published: dt.date | None = None) -> AmendingDocument:
    from lovkons.parsers.input_bytes import read_input  # regular files only, one size limit

    p = Path(path)
    return read_amending_bytes(read_input(p), file=str(p), published=published)
