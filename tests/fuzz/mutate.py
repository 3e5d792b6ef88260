"""Mutations of real documents for the fuzzing suite: an ordered, named table of small operators,
each a function (data, rng) → data. A mutation program is a list of (operator name, seed) pairs,
so an input is fully described by its seed document and its program (printed, saved, replayable).
"""

from __future__ import annotations

import codecs
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

Op = Callable[[bytes, random.Random], bytes]

# Characters that stress readers: controls, separators, bidi marks, guillemets, §, combining marks,
# astral symbols, the replacement character, a lone BOM, Danish letters.
ODD_CHARS = (
    "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\u00a0\u00ad\u200b\u200e\u202e\u2028\u2029\ufeff\ufffd"
    "»«§¶\u0301\U0001f600æøåÆØÅ<>&\"'{}[]\\|/\t\r\n"
)
LEGAL_SNIPPETS = (
    "§ 1.", "§ 29 og § 29, stk. 3, ophæves.", "Stk. 9 bliver herefter stk. 10.", "I § 3, stk. 2, ændres »A« til »B«.",
    "Efter § 42 indsættes: »§ 42 a. Tekst.«", "§ 5 affattes således: »§ 5. Ny tekst.«", "Kapitel 3", "1) ", "a) ",
    "Loven træder i kraft den 1. juli 2013.", "I lov nr. 1 af 1. januar 2010 foretages følgende ændring:",
    "»", "«", "(Ophævet)", "Bilag 1", "jf. § 4.", "nr. 1-4 og nr. 6,", "2011-01-01 10:00:00",
)


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def bitflip(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    buf = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        i = rng.randrange(len(buf))
        buf[i] ^= 1 << rng.randrange(8)
    return bytes(buf)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def delete_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, max(1, len(lines) // 10))):
        if len(lines) > 1:
            del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    j = min(len(lines), i + rng.randint(1, 5))
    return b"\n".join(lines[:j] + lines[i:j] * rng.randint(1, 3) + lines[j:])


def repeat_line(data: bytes, rng: random.Random) -> bytes:
    """One line repeated hundreds or thousands of times (work must stay linear)."""
    lines = _lines(data)
    i = rng.randrange(len(lines))
    return b"\n".join(lines[: i + 1] + [lines[i]] * rng.choice((100, 500, 2000)) + lines[i + 1 :])


def swap_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    if len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def insert_chars(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    for _ in range(rng.randint(1, 20)):
        i = rng.randrange(len(text) + 1)
        text = text[:i] + "".join(rng.choice(ODD_CHARS) for _ in range(rng.randint(1, 4))) + text[i:]
    return text.encode("utf-8", "surrogatepass")


def random_unicode(data: bytes, rng: random.Random) -> bytes:
    """A run of random code points (any plane, no surrogates) inserted somewhere."""
    run = "".join(chr(rng.choice((rng.randrange(0x20, 0x800), rng.randrange(0x800, 0xD800),
                                  rng.randrange(0xE000, 0x110000)))) for _ in range(rng.randint(1, 200)))  # fmt: skip
    i = rng.randrange(len(data) + 1)
    return data[:i] + run.encode("utf-8") + data[i:]


def legal_snippet(data: bytes, rng: random.Random) -> bytes:
    """A real drafting formula (or a fragment of one) dropped at a line start or mid-line."""
    lines = _lines(data)
    i = rng.randrange(len(lines))
    snippet = rng.choice(LEGAL_SNIPPETS).encode()
    if rng.random() < 0.5:
        lines.insert(i, snippet)
    else:
        cut = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:cut] + b" " + snippet + b" " + lines[i][cut:]
    return b"\n".join(lines)


_NUMBER = re.compile(rb"(?:(?<=\xc2\xa7 )|(?<=stk\. )|(?<=Stk\. )|(?<=nr\. ))\d+")


def renumber(data: bytes, rng: random.Random) -> bytes:
    """Nonsense targets: the numbers after "§", "stk.", "nr." replaced at random."""
    def one(m: re.Match[bytes]) -> bytes:
        if rng.random() < 0.3:
            return str(rng.choice((0, 1, 2, 9, 99, 10**6, rng.randrange(1, 500)))).encode()
        return m.group(0)

    return _NUMBER.sub(one, data)


def long_word(data: bytes, rng: random.Random) -> bytes:
    """One very long word (work must stay linear in its length)."""
    word = rng.choice(("x", "ab", "§", "»", "1.", "Stk", "æ", "7", "²")) * rng.choice((2_000, 20_000, 100_000))
    i = rng.randrange(len(data) + 1)
    return data[:i] + word.encode() + data[i:]


def many_paragraphs(data: bytes, rng: random.Random) -> bytes:
    """A quoted payload holding many §§ (each must cost the same, however many there are)."""
    n = rng.choice((50, 500, 3000))
    payload = " ".join(f"§ {k}. Ministeren fastsætter regler." for k in range(1, n + 1))
    lines = _lines(data)
    i = rng.randrange(len(lines))
    lines.insert(i, f"1. Efter § 1 indsættes: »{payload}«".encode())
    return b"\n".join(lines)


def flatten(data: bytes, rng: random.Random) -> bytes:
    """All lines joined into one (a PDF extraction without line breaks)."""
    return data.replace(b"\n", b" ")


def blank_runs(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    return b"\n".join(lines[:i] + [b" " * rng.randint(0, 3000)] * rng.randint(1, 300) + lines[i:])


def quotes(data: bytes, rng: random.Random) -> bytes:
    """Guillemets added or removed (unbalanced payloads)."""
    text = data.decode("utf-8", "replace")
    if rng.random() < 0.5 and ("»" in text or "«" in text):
        marks = [i for i, c in enumerate(text) if c in "»«"]
        i = rng.choice(marks)
        return (text[:i] + text[i + 1 :]).encode()
    i = rng.randrange(len(text) + 1)
    return (text[:i] + rng.choice("»«") * rng.randint(1, 50) + text[i:]).encode()


def reencode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    choice = rng.randrange(5)
    if choice == 0:
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if choice == 1:
        return text.encode("cp1252", "replace")
    if choice == 2:
        return codecs.BOM_UTF8 + data
    if choice == 3:
        return data.replace(b"\n", b"\r\n")
    return codecs.BOM_UTF16_BE + text.encode("utf-16-be")


_TAG = re.compile(rb"<(/?)([A-Za-z][\w.:-]*)")


def xml_tags(data: bytes, rng: random.Random) -> bytes:
    """XML: a tag renamed, dropped, doubled or unbalanced; or an element nested very deep."""
    tags = list(_TAG.finditer(data))
    if not tags:
        return data
    m = rng.choice(tags)
    choice = rng.randrange(5)
    if choice == 0:
        return data[: m.start(2)] + rng.choice((b"Stk", b"Paragraf", b"Liste", b"Linea", b"Exitus", b"x")) + data[m.end(2) :]
    if choice == 1:
        end = data.find(b">", m.start())
        return data[: m.start()] + data[end + 1 :] if end > 0 else data
    if choice == 2:
        end = data.find(b">", m.start())
        return data[: end + 1] + data[m.start() : end + 1] + data[end + 1 :] if end > 0 else data
    if choice == 3:
        depth = rng.choice((50, 300, 3000))
        return data[: m.start()] + b"<Liste>" * depth + b"</Liste>" * depth + data[m.start() :]
    return data[: m.start()] + b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>" + data[m.start() :]


def json_types(data: bytes, rng: random.Random) -> bytes:
    """Retsinformation JSON: a field given the wrong type, or nested very deep."""
    try:
        record = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return data
    if not isinstance(record, dict):
        return data
    field = rng.choice(("metadata", "title", "shortName", "documentHtml", "metadata-entry", "deep"))
    wrong = rng.choice((None, True, 7, 1.5, ["x"], {"a": 1}, "", "[1, 2", "x" * 1000))
    if field == "deep":
        depth = rng.choice((100, 3000))
        return b'{"documentHtml": ' + b"[" * depth + b"]" * depth + b"}"
    if field == "metadata-entry" and isinstance(record.get("metadata"), list) and record["metadata"]:
        entry = rng.randrange(len(record["metadata"]))
        record["metadata"][entry] = rng.choice((wrong, {"displayName": wrong, "displayValue": wrong}))
    else:
        record[field if field != "metadata-entry" else "metadata"] = wrong
    return json.dumps(record, ensure_ascii=rng.random() < 0.5).encode()


@dataclass(frozen=True)
class Operator:
    name: str
    fn: Op
    formats: tuple[str, ...] = ()  # () = any; else only for these formats (xml, json, text, html)


OPERATORS: tuple[Operator, ...] = (
    Operator("bitflip", bitflip),
    Operator("truncate", truncate),
    Operator("delete_lines", delete_lines),
    Operator("duplicate_lines", duplicate_lines),
    Operator("repeat_line", repeat_line),
    Operator("swap_lines", swap_lines),
    Operator("insert_chars", insert_chars),
    Operator("random_unicode", random_unicode),
    Operator("legal_snippet", legal_snippet),
    Operator("renumber", renumber),
    Operator("long_word", long_word),
    Operator("many_paragraphs", many_paragraphs, ("text",)),
    Operator("flatten", flatten, ("text", "html")),
    Operator("blank_runs", blank_runs, ("text",)),
    Operator("quotes", quotes),
    Operator("reencode", reencode),
    Operator("xml_tags", xml_tags, ("xml", "html")),
    Operator("json_types", json_types, ("json",)),
)
BY_NAME = {op.name: op for op in OPERATORS}


def fmt_of(name: str) -> str:
    suffix = name.rsplit(".", 1)[-1].lower()
    return {"xml": "xml", "json": "json", "html": "html", "htm": "html"}.get(suffix, "text")


def program(rng: random.Random, fmt: str, steps: int | None = None) -> list[tuple[str, int]]:
    """A random mutation program for a document of format `fmt`: [(operator, seed), …]."""
    usable = [op.name for op in OPERATORS if not op.formats or fmt in op.formats]
    n = steps if steps is not None else rng.choice((1, 1, 1, 2, 3))
    return [(rng.choice(usable), rng.randrange(2**32)) for _ in range(n)]


def apply_program(data: bytes, steps: list[tuple[str, int]]) -> bytes:
    for name, seed in steps:
        data = BY_NAME[name].fn(data, random.Random(seed))
    return data
