"""Stage 1 (parsers): read a file or bytes, detect its format by content, dispatch to a reader.

Input: path or bytes. Output: ParseResult (text route here; XML/JSON/HTML routes in their modules).
The bytes themselves (size limit, regular files only, BOMs, digit runs) come from `parsers.input_bytes`.
"""

from __future__ import annotations

from pathlib import Path

from lovkons.model.document import LovkonsError, ParseResult, Problem
from lovkons.parsers.input_bytes import BOMS, MAX_BYTES, check_digit_runs, from_unicode_bom, read_input


def detect_format(data: bytes) -> str:
    """ "xml" | "json" | "html" | "text", decided from the first bytes, not the file name."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(tuple(bom for bom, _ in BOMS)):  # kept as UTF-16/32 only when it is XML
        return "xml"
    if head.startswith(b"<?xml") or head.startswith(b"<dokument"):
        return "xml"
    if head.startswith(b"{") and b'"documenthtml"' in data.lower():
        return "json"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<div", b"<p", b"<meta")):
        return "html"
    return "text"


def _utf16(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" for UTF-16 text (a byte order mark, or a NUL in every other byte of
    mostly-ASCII text, as Windows tools write it), else None."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:4096]
    if len(head) >= 4 and head.count(b"\x00") * 2 >= len(head) * 0.8:
        odd, even = head[1::2].count(0), head[0::2].count(0)
        if odd > even * 4:
            return "utf-16-le"
        if even > odd * 4:
            return "utf-16-be"
    return None


def decode_text(data: bytes, file: str | None) -> tuple[str, list[Problem]]:
    """Text of a plain-text file: UTF-8 (a byte order mark is said), UTF-16 (said), else cp1252 (said,
    as a guess); LovkonsError for an empty, binary or unreadable file."""
    said: list[Problem] = []
    utf16 = _utf16(data)
    if utf16 is not None:
        try:
            text = data.decode(utf16).lstrip("\ufeff")
        except UnicodeDecodeError:
            raise LovkonsError("unreadable: not valid UTF-16 text", file=file) from None
        if not text.strip():
            raise LovkonsError("empty file", file=file)
        name = "UTF-16" + ({"utf-16-le": "LE", "utf-16-be": "BE"}.get(utf16, "") and f" {utf16[-2:].upper()}")
        how = "with a byte order mark" if utf16 == "utf-16" else "without a byte order mark"
        return text, [Problem("ENCODING_NOTED", f"read as {name} ({how})", "warning", file=file)]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        said.append(Problem("ENCODING_NOTED", "read as UTF-8 (with a byte order mark)", "warning", file=file))
    if not data.strip():
        raise LovkonsError("empty file", file=file)
    if b"\x00" in data[:8192]:
        raise LovkonsError("binary file, not text", file=file)
    try:
        return data.decode("utf-8"), said
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > max(10, len(text) // 100):
            raise LovkonsError("unreadable: neither UTF-8 nor cp1252 text", file=file) from None
        warn = Problem("ENCODING_GUESSED", "not UTF-8; read as cp1252", "warning", file=file)
        return text, [warn]


def read_bytes(data: bytes, *, file: str | None = None, lenient: bool = False) -> ParseResult:
    """Parse a document given as bytes; LovkonsError for unreadable or non-legal input."""
    if len(data) > MAX_BYTES:
        raise LovkonsError(f"too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})", file=file)
    data = from_unicode_bom(data, file)
    fmt = detect_format(data)
    try:
        if fmt == "xml":  # (the other routes end in parse_text, which checks the text it reads)
            from lovkons.parsers.lexdania import parse_lexdania

            check_digit_runs(data, file)

            return parse_lexdania(data, file=file)
        if fmt == "json":
            from lovkons.parsers.retsinfo_html import parse_retsinfo_json

            return parse_retsinfo_json(data, file=file)
        if fmt == "html":
            from lovkons.parsers.retsinfo_html import parse_html

            return parse_html(decode_text(data, file)[0], file=file)
    except ImportError as e:  # the XML/HTML readers live in their own modules
        raise LovkonsError(f"no reader for {fmt} input ({e.name})", file=file) from None
    text, problems = decode_text(data, file)
    from lovkons.parsers.text import parse_text

    result = parse_text(text, file=file, lenient=lenient)
    if problems:
        result = ParseResult(result.document, (*problems, *result.problems))
    return result


def read_document(path: str | Path, *, lenient: bool = False) -> ParseResult:
    """Read and parse the document at `path` (format detected from its content)."""
    return read_bytes(read_input(path), file=str(path), lenient=lenient)
