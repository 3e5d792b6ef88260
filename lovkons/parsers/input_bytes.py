"""Stage 1 (parsers): the bytes of an input file, before any reader sees them — one size limit for
every input kind, regular files only, UTF-16/32 with a byte-order mark as UTF-8, and no number of
more digits than a legal document holds. Used by the document readers (`parsers.read`, the text,
HTML and JSON readers), the instruction reader, manifests and sidecars."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from pathlib import Path

import regex

from lovkons.model.document import LovkonsError

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
        mode = os.fstat(fd)
        if stat.S_ISDIR(mode.st_mode):  # as opening it as a file says
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(mode.st_mode):
            kind = next((name for test, name in _KINDS if test(mode.st_mode)), "not a regular file")
            raise LovkonsError(f"{kind}, not a regular file: not read", file=where)
        if mode.st_size > limit:
            raise LovkonsError(f"too large ({mode.st_size:,} bytes; the limit is {limit:,})", file=where)
        # straight from the descriptor (a buffered file object costs more than the read of a
        # small file); a buffer of the file's size, not of the limit (16 MiB allocated per file
        # costs more than reading it); the file may have grown since fstat, or a read may return
        # less: read on until the end, at most to the limit
        chunks = [os.read(fd, mode.st_size + 1)]
        size = len(chunks[0])
        while chunks[-1] and size <= limit:
            chunks.append(os.read(fd, max(limit + 1 - size, 1) if size > mode.st_size else mode.st_size + 1 - size))
            size += len(chunks[-1])
        data = chunks[0] if len(chunks) == 2 and not chunks[1] else b"".join(chunks)
    except OSError as exc:
        raise LovkonsError(f"{cannot}: {exc.strerror or type(exc).__name__}", file=where) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise LovkonsError(f"too large (more than {limit:,} bytes)", file=where)
    return data


BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)  # fmt: skip  # UTF-32 first: its little-endian BOM starts like UTF-16's


def from_unicode_bom(data: bytes, file: str | None = None) -> bytes:
    """UTF-16/UTF-32 input with a byte-order mark (Windows "Unicode" text) as UTF-8 bytes; other
    input unchanged. XML keeps its own bytes (its declaration names the encoding for the parser)."""
    for bom, codec in BOMS:
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
    Fast: only the neighbourhood of every 1000th byte that is a digit or part of a non-ASCII character
    is looked at (a run long enough to matter covers one of them); only where one is, the whole
    input is searched as `_find_digit_run` does (one byte translation, two substring searches, and
    for a long run of non-ASCII text, where other scripts' digits could be, a regular expression)."""
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    if not _may_hold_run(raw):
        return
    at = _find_digit_run(raw)
    if at >= 0:
        line = raw.count(b"\n", 0, at) + 1
        raise LovkonsError(f"a number of more than {MAX_DIGITS:,} digits: not a legal document", file=file, line=line)


_STRIDE = MAX_DIGITS  # every run of MAX_DIGITS + 1 bytes or more covers one byte at a multiple of this
_WINDOW = 2 * MAX_DIGITS + 2  # the longest run searched for (non-ASCII: two bytes a character at least)
_ASCII_DIGIT_RUN = b"0" * (MAX_DIGITS + 1)
_NON_ASCII_RUN = b"1" * (2 * MAX_DIGITS + 2)


def _may_hold_run(raw: bytes) -> bool:
    """False when `raw` holds neither MAX_DIGITS + 1 ASCII digits in a row nor 2 * MAX_DIGITS + 2
    bytes of non-ASCII characters in a row (what `_find_digit_run` searches for); True when it may.
    Such a run covers a sampled byte (every _STRIDE-th) that is a digit, or two neighbouring sampled
    bytes that are non-ASCII: only around those is the input translated and searched."""
    samples = raw[::_STRIDE].translate(_DIGITS_AND_NON_ASCII)
    at = samples.find(b"0")
    while at >= 0:
        if _half_way_digit(raw, at * _STRIDE) and _ASCII_DIGIT_RUN in _marked_around(raw, at):
            return True
        at = samples.find(b"0", at + 1)
    at = samples.find(b"11")
    while at >= 0:
        if _NON_ASCII_RUN in _marked_around(raw, at):
            return True
        at = samples.find(b"11", at + 1)
    return False


def _half_way_digit(raw: bytes, p: int) -> bool:
    """Whether the byte _HALF before or after `p` is an ASCII digit, as it is for a run of more than
    MAX_DIGITS ASCII digits through `p` (it reaches _HALF bytes to one side or the other): most
    digits sampled (years, § numbers) fail this, and their window is not searched."""
    return (p >= _HALF and 48 <= raw[p - _HALF] <= 57) or (p + _HALF < len(raw) and 48 <= raw[p + _HALF] <= 57)


_HALF = MAX_DIGITS // 2


def _marked_around(raw: bytes, sample: int) -> bytes:
    """The bytes within _WINDOW of the sample's byte, translated as `_find_digit_run` translates."""
    p = sample * _STRIDE
    return raw[max(0, p - _WINDOW) : p + _WINDOW + 1].translate(_DIGITS_AND_NON_ASCII)


def _find_digit_run(raw: bytes) -> int:
    """The byte offset of a run of more than MAX_DIGITS digits, or -1."""
    marked = raw.translate(_DIGITS_AND_NON_ASCII)
    at = marked.find(_ASCII_DIGIT_RUN)
    if at < 0 and _NON_ASCII_RUN in marked:
        text = raw.decode("utf-8", "ignore")
        m = _DIGIT_RUN.search(text)
        at = len(text[: m.start()].encode("utf-8")) if m else -1
    return at
