"""Stage 1 (LexDania metadata and labels): safe XML loading, <Meta>/<TitelGruppe> → Meta, and the
Explicatus strings ("§ 5 a.", "Stk. 2.", "Første afsnit.", "7. kapitel") → bare labels.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from functools import lru_cache

from lxml import etree

from lovkons.model.document import LovkonsError, Meta, normalize_label
from lovkons.parsers.xml_text import clean, first_child, linea_text

MAX_XML_BYTES = 50 * 1024 * 1024

_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
    "collect_ids": False,  # no id() / getelementbyid lookups: the ids' hash table is not built
}

# Building an XMLParser costs about a fifth of parsing a typical file, so one parser per setting is
# made once and reused (per thread: an lxml parser must not parse in two threads at once).
_PARSERS = threading.local()


def _parser(keep_blank_text: bool) -> etree.XMLParser:
    """The reused parser for this setting (made on first use in this thread)."""
    found: etree.XMLParser | None = getattr(_PARSERS, "keep" if keep_blank_text else "drop", None)
    if found is None:
        found = etree.XMLParser(remove_blank_text=not keep_blank_text, **_PARSER_OPTIONS)  # type: ignore[arg-type]
        setattr(_PARSERS, "keep" if keep_blank_text else "drop", found)
    return found


# What may precede the root element: a BOM, whitespace, the XML declaration, PIs and comments.
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.S)


def _reject_dtd(data: bytes, pos: int, file: str | None) -> LovkonsError:
    line = data[:pos].count(b"\n") + 1 if pos >= 0 else None
    return LovkonsError("XML with a DTD/entity declaration is not accepted", file=file, line=line)


def load_xml(data: bytes, *, file: str | None = None, keep_blank_text: bool = True) -> etree._Element:
    """Parse XML bytes safely: no DTD (hence no entities, no external reads), no network, bounded
    size. A BOM is fine. Raises LovkonsError on anything else.

    With `keep_blank_text=False` the indentation between elements (whitespace-only text where an
    element follows) is left out of the tree, as libxml2's "remove blank text" does: the document
    reader never reads it (a Linea is its Char texts, other text is cleaned to single spaces) and
    the parse is about a quarter faster. A whitespace-only element (`<Char> </Char>`) keeps its text.

    A DOCTYPE can only stand in the prolog, so only the prolog is scanned before parsing (the
    parser neither loads DTDs nor resolves entities); the parsed tree is checked again."""
    if len(data) > MAX_XML_BYTES:
        raise LovkonsError(f"XML too large ({len(data)} bytes > {MAX_XML_BYTES})", file=file)
    last = _LAST.__dict__.pop("tree", None)  # kept until the next call at most
    if not keep_blank_text:  # the document reader: each file once
        last = None  # (freed before the next tree is built, so that its memory is reused)
        return _load(data, file, keep_blank_text)
    if last is not None and last[0] == data:
        root = last[1]
    else:
        last = None
        root = _load(data, file, keep_blank_text)
    _LAST.tree = (data, root)
    return root


# The last tree parsed with the blank text kept (per thread): a corpus scan reads an amending act
# twice in a row, once for its <Meta> (is it a lovbekendtgørelse?) and once for its instructions; the
# second read of the same bytes gets the same tree. The readers only read a tree, never change it.
_LAST = threading.local()


def _load(data: bytes, file: str | None, keep_blank_text: bool) -> etree._Element:
    prolog_end = _PROLOG.match(data).end()  # type: ignore[union-attr]  # matches the empty string
    if data.startswith(b"<!DOCTYPE", prolog_end):
        raise _reject_dtd(data, prolog_end, file)
    try:
        root = etree.fromstring(data, _parser(keep_blank_text))
    except etree.XMLSyntaxError as exc:
        lineno: int | None = exc.lineno if isinstance(exc.lineno, int) else None
        reason = exc.msg or str(exc)
        raise LovkonsError(f"malformed XML: line {lineno}: {reason}", file=file, line=lineno) from None
    if root is None:
        raise LovkonsError("empty XML document", file=file)
    info: etree.DocInfo = root.getroottree().docinfo
    if info.internalDTD is not None or info.externalDTD is not None:
        raise _reject_dtd(data, data.find(b"<!DOCTYPE"), file)
    return root


_KINDS = (("LOV Æ", "LOV Æ"), ("LOV", "LOV"), ("LBK", "LBK"), ("BEK Æ", "BEK Æ"), ("BEK", "BEK"))


def kind_of(document_type: str) -> str:
    """ "LOV H#LOKDOK01" → LOV, "LOV Æ#LOKDOK02" → "LOV Æ", "LBK H…" → LBK, "BEK Æ…" → "BEK Æ"."""
    s = clean(document_type)
    for prefix, kind in _KINDS:
        if s.startswith(prefix):
            return kind
    return "other"


def _int(text: str | None) -> int | None:
    s = clean(text or "")
    return int(s) if s.isdecimal() and len(s) <= 9 else None  # "²" is a digit int() refuses


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(clean(text or "")[:10])
    except ValueError:
        return None


def title_of(root: etree._Element) -> str | None:
    """Titel + " " + UnderTitel (which carries its own parentheses), without note markers."""
    group = first_child(root, "TitelGruppe")
    if group is None:
        return None
    parts = [
        linea_text(linea)
        for el in group.iterchildren("Titel", "UnderTitel")
        for linea in el.iterchildren("Linea")
    ]
    return clean(" ".join(parts)) or None


def read_meta(root: etree._Element, *, file: str | None) -> Meta:
    m = first_child(root, "Meta")
    if m is None:
        raise LovkonsError("not a LexDania document (no <Meta>)", file=file)
    texts = _child_texts(m, _META_TAGS)
    title = title_of(root) or clean(texts.get("DocumentTitle") or "") or None
    return Meta(
        kind=kind_of(texts.get("DocumentType") or ""),
        number=_int(texts.get("Number")),
        year=_int(texts.get("Year")),
        date=_date(texts.get("DiesSigni")),
        title=title,
        ministry=clean(texts.get("Ministry") or "") or None,
        source=file,
    )


# The <Meta> children read (of some thirty): the others are passed over inside lxml, no Python
# object made for them.
_META_TAGS = ("DocumentType", "Number", "Year", "DiesSigni", "DocumentTitle", "Ministry")


def _child_texts(el: etree._Element, tags: tuple[str, ...]) -> dict[str, str]:
    """The text of the first child of each of these tags ("" for none): `el.findtext(tag)` of
    every tag at once, in one walk over the children."""
    texts: dict[str, str] = {}
    for child in el.iterchildren(*tags):
        tag = child.tag
        if tag not in texts:
            texts[tag] = child.text or ""
    return texts


# ------------------------------------------------------------------------------------- labels

_ORDINALS = {
    "første": "I",
    "anden": "II",
    "andet": "II",
    "tredje": "III",
    "fjerde": "IV",
    "femte": "V",
    "sjette": "VI",
    "syvende": "VII",
    "ottende": "VIII",
    "niende": "IX",
    "tiende": "X",
    "ellevte": "XI",
    "tolvte": "XII",
}
_NUM = re.compile(r"(\d+\s*[A-Za-zÆØÅæøå]?)(?![A-Za-zæøå])")
_STK_NUMBER = re.compile(r"\d+(?:\s*-\s*\d+)?")
_ITEM = re.compile(r"\d+\s*[a-z]?")
# the level word of a Kapitel's Explicatus, however it is typed: "Kapitel", "Kap." ("Kap. X A", LBK 963/2010),
# "Kapital 3" (LBK 1113/2013), "Kapite1 15 a" (the digit 1 for l, LBK 1291/2015)
_KAPITEL_WORD = re.compile(r"(?i)\bkap(?:itel|ital|ite1\b|\.)")
_KAPITEL = re.compile(r"(\d+)\.?\s*([A-Za-z]?)")

# The label readers are pure functions of short strings that repeat across documents: cached.


# "§ 5. E" typed for "§ 5 E": a full stop between a §'s number and its letter (selskabsskatteloven § 5 E in LBK
# 149/2015 and LBK 680/2015, the corpus's only two; LBK 1164/2016 prints "§ 5 E."): a label, not § 5 and a text "E"
_NUM_STOP_LETTER = re.compile(r"(\d+)\.\s*([A-Za-zÆØÅæøå])")


@lru_cache(maxsize=4096)
def paragraf_label(explicatus: str) -> str:
    """ "§ 5 a." → "5 a"; "§§ 7-9" → "7-9"; "§ 5. E" → "5 E"; "§ 20 A," → "20 A" (a comma typed for the label's
    full stop: LBK 1148/2016 § 20 A, LBK 1178/2016 § 31 D — printed "§ 20 A,." before)."""
    s = explicatus.replace("§", "").strip().rstrip(".,").strip()
    m = _NUM.fullmatch(s)
    if m is None and (slip := _NUM_STOP_LETTER.fullmatch(s)):
        return normalize_label(f"{slip[1]} {slip[2]}")
    return normalize_label(s) if m else s


@lru_cache(maxsize=4096)
def stk_label(explicatus: str) -> str | None:
    m = _STK_NUMBER.search(explicatus)
    return m[0] if m else None


@lru_cache(maxsize=4096)
def item_label(explicatus: str) -> str:
    """ "1)" → "1", "a)" → "a", "3 a)" → "3 a"."""
    s = explicatus.strip().rstrip(")").rstrip(".").strip()
    return normalize_label(s) if _ITEM.fullmatch(s) else s


@lru_cache(maxsize=1024)
def kapitel_label(explicatus: str) -> str | None:
    """ "Kapitel 12 a" → "12 a"; "7. kapitel" → "7"."""
    s = _KAPITEL_WORD.sub("", explicatus).strip().rstrip(".").strip()
    m = _KAPITEL.fullmatch(s)
    if not m:
        return s or None
    return f"{m[1]} {m[2]}" if m[2] else m[1]


def division_label(explicatus: str, word: str) -> str | None:
    """ "Afsnit VII" → "VII"; "Afsnit I a" → "I a" (a lettered afsnit: LBK 39/2014's "Afsnit I a" after afsnit I,
    read so by the text route too); "Første afsnit." → "I"; "Anden bog." → "II"."""
    s = explicatus.strip().rstrip(".").strip()
    words = s.split()
    if not words:
        return None
    if words[0].lower() == word and len(words) == 3 and len(words[2]) == 1 and words[2].isalpha():
        return f"{words[1]} {words[2]}"
    if words[0].lower() == word and len(words) > 1:
        return words[1]
    return _ORDINALS.get(words[0].lower(), s)
