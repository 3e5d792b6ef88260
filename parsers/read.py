"""Stage 1 (parsers): read a file or bytes, detect its format by content, dispatch to a reader.

Input: path or bytes. Output: ParseResult (text route here; XML/JSON/HTML routes in their modules).
"""

from __future__ import annotations

from pathlib import Path

from lovkons.model.document import LovkonsError, ParseResult, Problem

MAX_BYTES = 50 * 1024 * 1024


def detect_format(data: bytes) -> str:
    """ "xml" | "json" | "html" | "text", decided from the first bytes, not the file name."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<dokument"):
        return "xml"
    if head.startswith(b"{") and b'"documenthtml"' in data[:MAX_BYTES].lower():
        return "json"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<div", b"<p", b"<meta")):
        return "html"
    return "text"


def decode_text(data: bytes, file: str | None) -> tuple[str, list[Problem]]:
    """Text of a plain-text file: UTF-8, else cp1252 with a warning; LovkonsError for an empty,
    binary or unreadable file."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.strip():
        raise LovkonsError("empty file", file=file)
    if b"\x00" in data[:8192]:
        raise LovkonsError("binary file, not text", file=file)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > max(10, len(text) // 100):
            raise LovkonsError("unreadable: neither UTF-8 nor cp1252 text", file=file) from None
        warn = Problem("ENCODING_GUESSED", "not UTF-8; read as cp1252", "warning", file=file)
        return text, [warn]


def read_bytes(data: bytes, *, file: str | None = None, lenient: bool = False) -> ParseResult:
    """Parse a document given as bytes; LovkonsError for unreadable or non-legal input."""
    if len(data) > MAX_BYTES:
        raise LovkonsError(f"file too large ({len(data)} bytes, limit {MAX_BYTES})", file=file)
    fmt = detect_format(data)
    try:
        if fmt == "xml":
            from lovkons.parsers.lexdania import parse_lexdania

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
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise LovkonsError(f"file too large ({size} bytes, limit {MAX_BYTES})", file=str(path))
        data = p.read_bytes()
    except OSError as e:
        raise LovkonsError(f"cannot read file: {e.strerror or e}", file=str(path)) from None
    return read_bytes(data, file=str(path), lenient=lenient)
