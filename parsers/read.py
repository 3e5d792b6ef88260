"""Stage 1 (parsers): read a file or bytes, detect its format by content, dispatch to a reader.

Input: path or bytes. Output: ParseResult (text route here; XML/JSON/HTML routes in their modules).
`read_input` is the one way every stage reads an input file: regular files only, one size limit.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import regex

from lovkons.model.document import LovkonsError, ParseResult, Problem

# One limit for every input kind (document, amending order, sidecar, manifest, JSON record). The
# largest real document we know is 2,765,522 bytes (LexDania XML, love/2015/2015-1704.xml in the
# 2010-2017 corpus; retsplejeloven LBK 1257/2016 is 2,627,775): 16 MiB leaves six times that.
MAX_BYTES = 16 * 1024 * 1024

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))  # fmt: skip


def read_input(path: str | Path, *, limit: int = MAX_BYTES, what: str = "") -> bytes:
    """The bytes of the input file `path`: LovkonsError (naming the file) when it is missing,
    unreadable, not a regular file (a FIFO would block, a device never ends) or larger than `limit`.
    Opened without blocking and checked on the open file, so nothing is read from a non-file."""
    where = str(path)
    cannot = f"cannot read {what}".rstrip()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise LovkonsError(f"{cannot}: {exc.strerror or type(exc).__name__}", file=where) from None
    try:
        with os.fdopen(fd, "rb", closefd=True) as fh:
            mode = os.fstat(fh.fileno())
            if not stat.S_ISREG(mode.st_mode):
                kind = next((name for test, name in _KINDS if test(mode.st_mode)), "not a regular file")
                raise LovkonsError(f"{kind}, not a regular file: not read", file=where)
            if mode.st_size > limit:
                raise LovkonsError(f"too large ({mode.st_size:,} bytes; the limit is {limit:,})", file=where)
            # a buffer of the file's size, not of the limit (16 MiB allocated per file costs more
            # than reading it); the file may have grown since fstat: then read on, to the limit
            data = fh.read(mode.st_size + 1)
            if len(data) > mode.st_size:
                data += fh.read(limit + 1 - len(data))
    except OSError as exc:
        raise LovkonsError(f"{cannot}: {exc.strerror or type(exc).__name__}", file=where) from None
    if len(data) > limit:
        raise LovkonsError(f"too large (more than {limit:,} bytes)", file=where)
    return data


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)  # fmt: skip  # UTF-32 first: its little-endian BOM starts like UTF-16's


def from_unicode_bom(data: bytes, file: str | None = None) -> bytes:
    """UTF-16/UTF-32 input with a byte-order mark (Windows "Unicode" text) as UTF-8 bytes; other
    input unchanged. XML keeps its own bytes (its declaration names the encoding for the parser)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise LovkonsError(f"unreadable {codec.upper()} text (byte {exc.start})", file=file) from None
            if text.lstrip().startswith("<?xml"):
                return data
            return text.encode("utf-8")
    return data


# No real document holds a number of more than a few dozen digits; Python refuses to turn more than
# 4,300 digits into an int (and the work grows with the square of the length), so a run this long
# is not a legal document.
MAX_DIGITS = 1000
_DIGIT_RUN = regex.compile(rf"(?<!\d)\d{{{MAX_DIGITS + 1}}}")  # any script's digits; tried where a run starts
# One byte translation marks both: "0"-"9" → "0", bytes of non-ASCII characters → "1", the rest → " "
_DIGITS_AND_NON_ASCII = bytes(48 if 48 <= b <= 57 else 49 if b >= 128 else 32 for b in range(256))


def check_digit_runs(data: bytes | str, file: str | None) -> None:
    """LovkonsError (with the line) for a run of more than MAX_DIGITS decimal digits. Checked on
    the file's bytes, and again on the text a reader builds from HTML or JSON (escapes, entities).
    Fast (one byte translation and two substring searches); only a long run of non-ASCII text
    (where other scripts' digits could be) is searched with a regular expression."""
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    marked = raw.translate(_DIGITS_AND_NON_ASCII)
    at = marked.find(b"0" * (MAX_DIGITS + 1))
    if at < 0 and b"1" * (2 * MAX_DIGITS + 2) in marked:
        text = raw.decode("utf-8", "ignore")
        m = _DIGIT_RUN.search(text)
        at = len(text[: m.start()].encode("utf-8")) if m else -1
    if at >= 0:
        line = raw.count(b"\n", 0, at) + 1
        raise LovkonsError(f"a number of more than {MAX_DIGITS:,} digits: not a legal document", file=file, line=line)


def detect_format(data: bytes) -> str:
    """ "xml" | "json" | "html" | "text", decided from the first bytes, not the file name."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(tuple(bom for bom, _ in _BOMS)):  # kept as UTF-16/32 only when it is XML
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
