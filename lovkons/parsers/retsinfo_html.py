"""Stage 1 (Retsinformation HTML/JSON reader): official HTML (old 2007–2010 and new 2013– styles)
or an API record (*.retsinfo-api.json) → ParseResult.

The HTML is flattened to the lines a reader sees (one per paragraph element, table of contents
skipped) and parsed by the shared text grammar, so the HTML and .txt routes cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from lxml import etree, html

from lovkons.model.document import LovkonsError, Meta, ParseResult
from lovkons.parsers.input_bytes import MAX_BYTES
from lovkons.parsers.json_record import read_record
from lovkons.parsers.text import parse_text
from lovkons.parsers.xml_text import clean

MAX_HTML_CHARS = MAX_BYTES  # one limit for every input kind (parsers.input_bytes)
_SKIP_CLASSES = {"bjelke", "indholdsfortegnelse"}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "br"}
_SHORT = re.compile(
    r"(?P<kind>[A-ZÆØÅ]+)\s+nr\.?\s*(?P<num>\d+)\s+af\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
)
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def html_lines(markup: str, *, file: str | None = None) -> list[str]:
    """The visible lines of a Retsinformation document body (no table of contents)."""
    if len(markup) > MAX_HTML_CHARS:
        raise LovkonsError(f"HTML too large ({len(markup)} characters)", file=file)
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8")
    try:
        root = html.fromstring(markup.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise LovkonsError(f"unreadable HTML: {exc}", file=file) from None
    if root is None:
        raise LovkonsError("unreadable HTML: no document", file=file)
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = clean("".join(current))
        if line:
            lines.append(line)
        current.clear()

    # Depth-first without recursion (the input decides the depth): an element is entered, its text
    # read, its children walked, each child's tail read after the child, then the element closed.
    todo: list[tuple[str, Any]] = [("enter", root)]
    while todo:
        what, item = todo.pop()
        if what == "text":
            current.append(item)
            continue
        if what == "close":
            flush()
            continue
        el = item
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "head"):
            continue
        classes = {c.lower() for c in (el.get("class") or "").split()}
        if classes & _SKIP_CLASSES:
            continue
        block = tag in _BLOCKS
        if block:
            flush()
            todo.append(("close", None))
        if el.text:
            current.append(el.text)
        for child in reversed(el):
            if child.tail:
                todo.append(("text", child.tail))
            todo.append(("enter", child))

    flush()
    return lines


def parse_html(markup: str, *, file: str | None = None, meta: Meta | None = None) -> ParseResult:
    """Parse Retsinformation HTML; `meta` (from the API record) overrides what the text implies."""
    lines = html_lines(markup, file=file)
    result = parse_text("\n".join(lines), file=file)
    doc = result.document
    found = doc.meta
    title = found.title or (lines[0] if lines else None)
    merged = meta or Meta()
    merged = replace(
        merged,
        kind=merged.kind if merged.kind != "other" else _kind(title, found.kind),
        title=merged.title or title,
        number=merged.number if merged.number is not None else found.number,
        year=merged.year if merged.year is not None else found.year,
        date=merged.date or found.date,
        source=file,
    )
    return ParseResult(doc.with_(meta=merged), result.problems)


def _kind(title: str | None, fallback: str) -> str:
    if title and title.startswith("Bekendtgørelse om ændring af"):
        return "BEK Æ"
    if title and title.startswith("Bekendtgørelse"):
        return "BEK"
    return fallback


def _dmy(text: str) -> dt.date | None:
    m = _DMY.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None


def parse_retsinfo_json(data: bytes, *, file: str | None = None) -> ParseResult:
    """A Retsinformation API record: documentHtml + shortName/title/metadata → ParseResult."""
    record = read_record(data, file=file)
    title = clean(record.title) or None
    m = _SHORT.search(record.short_name)
    published = None
    for name, value in record.metadata:
        if name.startswith("Offentliggørelsesdato"):
            published = _dmy(value)
    try:
        date = dt.date(int(m["y"]), int(m["m"]), int(m["d"])) if m else None
    except ValueError:  # "BEK nr 5 af 31/2/2009": no such day
        date = None
    meta = Meta(
        kind=_kind(title, m["kind"] if m else "other"),
        number=int(m["num"]) if m else None,
        year=int(m["y"]) if m else None,
        date=date,
        title=title,
        published=published,
        source=file,
    )
    return parse_html(record.html, file=file, meta=meta)
