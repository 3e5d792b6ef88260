"""Stage 1 (parsers): amending documents (BEK Æ, LOV Æ) → AmendingDocument with exact operations.

Entry points: read_amending_file(path), read_amending_bytes(data, file=…). Routes: LexDania XML,
Retsinformation HTML/JSON, plain text; all meet in RawDoc and the same instruction grammar.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from parsers.edits import AmendingDocument
from parsers.instructions.build import build
from parsers.model import LovkonsError

__all__ = ["read_amending_bytes", "read_amending_file"]


def read_amending_bytes(data: bytes, *, file: str | None = None) -> AmendingDocument:
    """Read an amending document in any supported format; LovkonsError when it is not one."""
    head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml") or head.startswith(b"<Dokument"):
        from parsers.instructions.xml_route import read_xml

        return build(read_xml(data, file=file))
    if head.startswith(b"{"):
        from parsers.instructions.html_route import read_retsinfo_json

        return build(read_retsinfo_json(data, file=file))
    if head.startswith(b"<"):
        from parsers.instructions.html_route import read_html

        return build(read_html(data.decode("utf-8", errors="replace"), file=file))
    from parsers.instructions.text_route import read_text
    from parsers.read import decode_text

    text, warnings = decode_text(data, file)  # UTF-8, else cp1252 with a warning (as `parse` reads it)
    order = build(read_text(text, file=file))
    return replace(order, problems=(*warnings, *order.problems)) if warnings else order


def read_amending_file(path: str | Path) -> AmendingDocument:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise LovkonsError(f"cannot read: {exc.strerror}", file=str(p)) from exc
    return read_amending_bytes(data, file=str(p))
