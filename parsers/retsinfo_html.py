"""Stage 1 (Retsinformation HTML/JSON reader): official HTML (old 2007–2010 and new 2013– styles)
or an API record (*.retsinfo-api.json) → ParseResult.

The HTML is flattened to the lines a reader sees (one per paragraph element, table of contents
skipped) and parsed by the shared text grammar, so the HTML and .txt routes cannot drift apart.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from dataclasses import replace
from typing import Any

from lxml import etree, html

from lovkons.model.document import LovkonsError, Meta, ParseResult
from lovkons.parsers.text import parse_text
from lovkons.parsers.xml_text import clean

MAX_HTML_CHARS = 50 * 1024 * 1024
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
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = clean("".join(current))
        if line:
            lines.append(line)
        current.clear()

    def walk(el: etree._Element) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "head"):
            return
        classes = {c.lower() for c in (el.get("class") or "").split()}
        if classes & _SKIP_CLASSES:
            return
        block = tag in _BLOCKS
        if block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(root)
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


def _metadata_list(raw: Any) -> list[dict[str, Any]]:
    """The API `metadata` field: a list, or a string repr of one (parsed as a literal, never run)."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            try:
                raw = ast.literal_eval(raw)
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                return []
    return [x for x in raw if isinstance(x, dict)] if isinstance(raw, list) else []


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
    try:
        record = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise LovkonsError(f"not a JSON record: {exc}", file=file) from None
    if not isinstance(record, dict) or not isinstance(record.get("documentHtml"), str):
        raise LovkonsError("JSON record without a documentHtml field", file=file)
    short = str(record.get("shortName") or "")
    title = clean(str(record.get("title") or "")) or None
    m = _SHORT.search(short)
    published = None
    for item in _metadata_list(record.get("metadata")):
        if str(item.get("displayName", "")).startswith("Offentliggørelsesdato"):
            published = _dmy(str(item.get("displayValue", "")))
    meta = Meta(
        kind=_kind(title, m["kind"] if m else "other"),
        number=int(m["num"]) if m else None,
        year=int(m["y"]) if m else None,
        date=dt.date(int(m["y"]), int(m["m"]), int(m["d"])) if m else None,
        title=title,
        published=published,
        source=file,
    )
    return parse_html(record["documentHtml"], file=file, meta=meta)
