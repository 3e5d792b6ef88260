"""Stage 2 (amender): one corpus file → its `Facts`, the small JSON-able record the corpus graph is
built from (identity, commencement, what it amends, repeals or consolidates). Facts are cached by
content hash, so a corpus is only parsed again where a file changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import regex

from lovkons.history.cache import code_contents
from lovkons.history.identifiers import BadIdentifier, check_doc_id, key_of
from lovkons.history.lbk_keys import lbk_intro_keys
from lovkons.history.set_days import SetDay, set_days
from lovkons.history.sidecar import read_sidecar
from lovkons.history.withheld import Withheld, withheld_items
from lovkons.model.document import Document, Kind, LovkonsError, Meta, Problem
from lovkons.model.edits import AmendingDocument, DocRef

_AMENDING_TITLE = regex.compile(r"^\s*(?:lov|bekendtgørelse)\s+om\s+ændring\s+af\b", regex.I)


# The sub-packages whose code shapes a consolidation and its files (not the CLI: its help texts
# and options never change what a rebuild writes).
CODE_PACKAGES = ("model", "parsers", "amender", "history", "review", "renderers", "ressort")


@cache
def code_version() -> str:
    """Hash of the package's own code that shapes the output (the sub-packages above, by module
    name and bytes), taken once per process: the code running is the code that was loaded."""
    h = hashlib.sha256()
    files = code_contents()
    for name in CODE_PACKAGES:
        for parts, data in files:
            if parts[0] == name and len(parts) > 1:
                h.update("/".join(parts).encode() + b"\0" + data)
    return h.hexdigest()


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def ref_key(ref: DocRef) -> str | None:
    return key_of(ref.kind, ref.number, ref.year)


@dataclass(frozen=True)
class Block:
    """A change block of an order: whom it cites, the orders it says the target was amended by, and
    the in-force date of each numbered item (None = undetermined)."""

    paragraf: str
    targets: tuple[str, ...]  # keys of every document cited in the opening, the target first
    amended_by: tuple[str, ...]
    items: tuple[tuple[int, str | None], ...]
    opening: str = ""
    effects: tuple[tuple[int, str], ...] = ()  # (item, the later day it "har virkning fra": model.edits.Item.effect)


@dataclass(frozen=True)
class Facts:
    rel: str  # path relative to the corpus root, POSIX style
    sha: str  # sha256 of the file and its sidecar
    key: str  # "BEK 1292/2007", or the sidecar id for unnumbered documents
    doc_id: str  # folder-safe: "BEK-2007-1292", "seed-001"
    kind: str
    number: int | None
    year: int | None
    date: str | None
    title: str | None
    role: str  # "base" | "amending"
    in_force: str | None = None
    expires: str | None = None
    repeals: tuple[tuple[str, str | None], ...] = ()  # (key, date) of documents this one repeals
    repealed: tuple[str | None, str | None] | None = None  # sidecar: (by, date)
    consolidates: tuple[str, ...] = ()  # LBK: the law / earlier LBK it restates
    consolidates_date: str | None = None  # LBK: the date of the document it restates, as its introduction cites it
    incorporates: tuple[str, ...] = ()  # LBK: the amending acts it names
    withheld: tuple[Withheld, ...] = ()  # LBK: the numbered changes it says it has not incorporated (history.withheld)
    set_in_force: tuple[SetDay, ...] = ()  # LBK: the days its notes say the minister put acts in force (minister_days)
    blocks: tuple[Block, ...] = ()
    problems: tuple[dict[str, Any], ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_json(data: dict[str, Any]) -> Facts:
        def tup(x: Any) -> Any:
            return tuple(tup(v) for v in x) if isinstance(x, list) else x

        blocks = tuple(Block(**{k: tup(v) for k, v in b.items()}) for b in data["blocks"])
        fields = {k: tup(v) for k, v in data.items() if k not in ("blocks", "problems")}
        return Facts(**fields, blocks=blocks, problems=tuple(data["problems"]))


def _date(v: Any) -> str | None:
    if v is None:
        return None
    return v.isoformat() if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)).isoformat()


def is_amending(meta: Meta) -> bool:
    return meta.kind.endswith("Æ") or bool(_AMENDING_TITLE.match(meta.title or ""))


def _meta(doc: Document, side: dict[str, Any]) -> Meta:
    return _meta_of(doc.meta, side)


def _meta_of(m: Meta, side: dict[str, Any]) -> Meta:
    """Metadata with the sidecar's values where it gives them."""
    return Meta(
        kind=str(side.get("kind") or m.kind),
        number=side.get("number", m.number),
        year=side.get("year", m.year),
        date=dt.date.fromisoformat(_date(side["date"]) or "") if side.get("date") else m.date,
        title=side.get("title") or m.title,
    )


def _order_blocks(order: AmendingDocument) -> tuple[Block, ...]:
    from lovkons.parsers.citations import find_docrefs  # a scan's (see _scan)

    out = []
    for block in order.changes:
        amended = tuple(dict.fromkeys(k for r in block.amended_by if (k := ref_key(r))))
        # the target, then the other documents the opening cites, never one of its "som ændret ved" list: LOV
        # 157/2012 "I straffeloven, jf. lovbekendtgørelse nr. 1062 af …, som ændret ved § 22 i lov nr. 112 af 3.
        # februar 2012, foretages …" amends straffeloven, not LOV 112/2012 (were LBK 1062/2011 not in the corpus)
        target = ref_key(block.target)
        refs = [block.target, *find_docrefs(block.opening)]
        keys = list(dict.fromkeys(k for r in refs if (k := ref_key(r)) and (k == target or k not in amended)))
        items = tuple((it.number, iso(it.in_force)) for it in block.items)
        effects = tuple((it.number, it.effect.isoformat()) for it in block.items if it.effect is not None)
        out.append(Block(block.paragraf, tuple(keys), amended, items, block.opening, effects))
    return tuple(out)


Scanned = tuple[Facts, Document | None, AmendingDocument | None]


_UNSTABLE_ID = regex.compile(r"(ikraft\d+)-\d+")


def _stable_note_ids(doc: Document) -> Document:
    """Workaround: parsers.lexdania derives LBK ikraft-note ids from id(element), which differs
    between processes; rebuild output must not. Keep the stable part ("ikraft0")."""
    if not any(n.kind is Kind.NOTE and _UNSTABLE_ID.fullmatch(n.id) for n in doc.children):
        return doc
    kids = tuple(
        n.with_(id=m[1]) if n.kind is Kind.NOTE and (m := _UNSTABLE_ID.fullmatch(n.id)) else n for n in doc.children
    )
    return doc.with_(children=kids)


def load_readers() -> None:
    """Import the readers a scan uses (imported late, see read_base): a process about to fork workers
    that will parse the corpus imports them once, instead of each worker importing them (and compiling
    their patterns) again."""
    import lovkons.history.dating
    import lovkons.parsers.citations
    import lovkons.parsers.input_bytes
    import lovkons.parsers.instructions
    import lovkons.parsers.read
    import lovkons.parsers.xml_meta  # noqa: F401


def read_base(path: Path) -> tuple[Document, tuple[Problem, ...]]:
    """Read a document and apply its sidecar's metadata."""
    from lovkons.parsers.read import read_document  # H1; imported late so the graph code loads without it

    parsed = read_document(path)
    side = read_sidecar(path)
    doc = _stable_note_ids(parsed.document)
    if side:
        m = _meta(doc, side)
        doc = doc.with_(meta=replace(doc.meta, kind=m.kind, number=m.number, year=m.year, date=m.date, title=m.title))
    return doc, parsed.problems


def scan_file(root: Path, rel: str, sha: str) -> Scanned:
    """Parse one corpus file (with its sidecar) into (Facts, Document, AmendingDocument | None); a
    file that cannot be read becomes Facts with role "unreadable" and the reason as its problem."""
    try:
        return _scan(root, rel, sha)
    except Exception as exc:  # bad input is UNREADABLE_FILE, anything else a bug (INTERNAL_ERROR)
        if isinstance(exc, LovkonsError):
            code = "BAD_IDENTIFIER" if isinstance(exc, BadIdentifier) else "UNREADABLE_FILE"
            message, line = exc.reason, exc.line
            if exc.file and not exc.file.endswith(rel):  # the sidecar, or a file it names
                message = f"{Path(exc.file).name}: {message}"
        else:
            text = str(exc).strip().splitlines()
            code, line = "INTERNAL_ERROR", None
            message = f"reading failed: {type(exc).__name__}" + (f": {text[0]}" if text else "")
        problem = {"code": code, "severity": "error", "message": message, "source": None, "address": None,
                   "file": rel, "line": line}  # fmt: skip
        facts = Facts(rel=rel, sha=sha, key=rel, doc_id=rel, kind="other", number=None, year=None, date=None,
                      title=None, role="unreadable", problems=(problem,))  # fmt: skip
        return facts, None, None


def _identity(meta: Meta, side: dict[str, Any], rel: str) -> tuple[str, str]:
    """(key, doc_id): "BEK 1292/2007" / "BEK-2007-1292", or the sidecar id for unnumbered documents."""
    key = side.get("id") or key_of(meta.kind, meta.number, meta.year) or Path(rel).stem
    numbered = key_of(meta.kind, meta.number, meta.year)
    doc_id = side.get("id") or (f"{meta.kind.split()[0]}-{meta.year}-{meta.number}" if numbered else key)
    where = rel + ".yaml" if side.get("id") or side.get("kind") or side.get("number") or side.get("year") else rel
    return str(key), check_doc_id(str(doc_id), where)


def _try_amending(path: Path, published: dt.date | None) -> AmendingDocument | None:
    """The change blocks of a document, if it has any. Cheap sniff first: every change block opens
    with "… foretages følgende ændring(er)". `published`: the sidecar's Lovtidende date."""
    from lovkons.parsers.input_bytes import read_input

    data = read_input(path)
    if b"foretages" not in data or _restates(data):
        return None
    from lovkons.parsers.instructions import read_amending_file

    try:
        return read_amending_file(path, published=published)
    except LovkonsError:
        return None


def _restates(data: bytes) -> bool:
    """A LexDania lovbekendtgørelse (DocumentType "LBK …"): it restates a law and never amends one, so
    the instruction reader refuses it (parsers.instructions.build: "not an amending document") after
    reading every instruction its notes quote; it is not read at all. Decided as that reader decides:
    the XML route, the <Meta>'s DocumentType up to "#", its first word. Anything else (another format,
    XML that does not load): False, and the reader decides."""
    from lovkons.parsers.xml_meta import load_xml

    head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not (head.startswith(b"<?xml") or head.startswith(b"<Dokument")):
        return False
    sniffed = _document_type(data)
    if sniffed is not None and b"LBK" not in sniffed:
        return False  # not an LBK whatever its words are (an LBK is confirmed by the parse below)
    by_head = _head_is_lbk(data) if sniffed is not None else None
    if by_head is not None:
        return by_head
    try:
        meta = load_xml(data).find("Meta")
    except LovkonsError:
        return False
    kind = meta.find("DocumentType") if meta is not None else None
    words = ((kind.text or "").strip().split("#")[0].split() or [""]) if kind is not None else [""]
    return words[0] == "LBK"


_DOCUMENT_TYPE = regex.compile(rb"<DocumentType>([^<&]*)</DocumentType>")


def _document_type(data: bytes) -> bytes | None:
    """The text of the one <DocumentType> before the first </Meta>, read from the bytes without
    parsing the file (an amending act is parsed by the instruction reader anyway); None when that is
    not plain (none or several, a comment, an entity, markup inside): the file is then parsed."""
    end = data.find(b"</Meta>")
    if end < 0 or b"<!--" in data[:end] or data.count(b"<DocumentType", 0, end) != 1:
        return None
    m = _DOCUMENT_TYPE.search(data, 0, end)
    return m[1] if m else None


def _head_is_lbk(data: bytes) -> bool | None:
    """What the parse in `_restates` finds, from the XML before the first </Meta> only (an LBK is a large
    file; its <Meta> stands at the top): that head parsed by a pull parser as safe as the reader's (no
    DTD, no entities, no network), the root's <Meta> child read when it ends. None (parse the whole
    file) when the head holds a "<!" (a DOCTYPE, a comment, CDATA), the file is over the reader's size
    limit, the head does not parse, or that </Meta> is not the end of the root's <Meta>. A file whose
    rest does not parse is refused by the document reader either way (as when this says False)."""
    from lxml import etree

    from lovkons.parsers.xml_meta import MAX_XML_BYTES

    end = data.find(b"</Meta>")
    if end < 0 or len(data) > MAX_XML_BYTES or b"<!" in data[:end]:
        return None
    parser = etree.XMLPullParser(events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False,
                                 remove_comments=True, remove_pis=True)  # fmt: skip
    depth = 0
    try:
        parser.feed(data[:end + len(b"</Meta>")])
        for event, el in parser.read_events():
            if event == "start":
                depth += 1
                continue
            if depth == 2 and isinstance(el, etree._Element) and el.tag == "Meta":
                kind = el.find("DocumentType")
                words = ((kind.text or "").strip().split("#")[0].split() or [""]) if kind is not None else [""]
                return words[0] == "LBK"
            depth -= 1
    except etree.XMLSyntaxError:
        return None
    return None


def read_order(path: Path) -> AmendingDocument:
    """The change blocks of a corpus document, read as the scan reads them (the sidecar's Lovtidende
    date as the publication date)."""
    from lovkons.parsers.instructions import read_amending_file

    published = _date(read_sidecar(path).get("published"))
    return read_amending_file(path, published=dt.date.fromisoformat(published) if published else None)


def _own_end(expires: dt.date | None, restated_on: dt.date | None) -> dt.date | None:
    """The end a main document's text gives it. An LBK restates the law's text as of its own date
    (`restated_on`), its final provisions too: an end before that date is history the text repeats,
    never the end of the LBK (which the law outlived to be restated)."""
    return None if expires is not None and restated_on is not None and expires < restated_on else expires


def _scan(root: Path, rel: str, sha: str) -> Scanned:
    # dating and the citation reader only serve a scan: a command with a warm index neither imports
    # them nor compiles their patterns (~10 ms); load_readers imports them before a rebuild forks
    from lovkons.history.dating import base_dates, order_end, order_start

    path = root / rel
    side = read_sidecar(path)
    published = _date(side.get("published"))
    order = _try_amending(path, dt.date.fromisoformat(published) if published else None)
    meta = _meta_of(order.meta, side) if order is not None else None
    repealed = side.get("repealed")
    sidecar_end = (repealed.get("by"), _date(repealed.get("date"))) if isinstance(repealed, dict) else None
    if order is not None and meta is not None and is_amending(meta):
        key, doc_id = _identity(meta, side, rel)
        repeals = tuple((k, iso(r.date) or iso(order_start(order))) for r in order.repeals if (k := ref_key(r.target)))
        facts = Facts(
            rel=rel, sha=sha, key=key, doc_id=doc_id, kind=meta.kind, number=meta.number, year=meta.year,
            date=iso(meta.date), title=meta.title, role="amending",
            in_force=_date(side.get("in_force")) or iso(order_start(order)),
            expires=_date(side.get("expires")) or iso(order_end(order)), repeals=repeals,
            repealed=sidecar_end, blocks=_order_blocks(order),
            problems=tuple(dict(p.to_json(), file=rel) for p in order.problems),  # corpus-relative paths
        )  # fmt: skip
        return facts, None, order
    doc, parse_problems = read_base(path)
    meta = doc.meta
    key, doc_id = _identity(meta, side, rel)
    problems = [dict(p.to_json(), file=rel) for p in parse_problems]
    if is_amending(meta):  # an amending order whose change blocks could not be read
        problems.append({"code": "UNPARSED_ORDER", "severity": "error", "source": key, "address": None,
                         "file": rel, "line": None, "message": "no change block could be read"})  # fmt: skip
        facts = Facts(rel=rel, sha=sha, key=key, doc_id=doc_id, kind=meta.kind, number=meta.number,
                      year=meta.year, date=iso(meta.date), title=meta.title, role="amending",
                      repealed=sidecar_end, problems=tuple(problems))  # fmt: skip
        return facts, None, None
    dates = base_dates(doc)
    lbk = meta.kind.startswith("LBK")
    # an LBK restates the law's text (its commencement clause too) as of the LBK's own date
    start = _date(side.get("in_force")) or (iso(meta.date) if lbk else iso(dates.in_force))
    consolidates, incorporates, consolidates_date = lbk_intro_keys(doc.preamble) if lbk else ((), (), None)
    also = order if order is not None and order.changes and not lbk else None  # a new law amending others
    if also is not None:
        problems += [dict(p.to_json(), file=rel) for p in also.problems]
    facts = Facts(
        rel=rel, sha=sha, key=key, doc_id=doc_id, kind=meta.kind, number=meta.number, year=meta.year,
        date=iso(meta.date), title=meta.title, role="base", in_force=start,
        expires=_date(side.get("expires")) or iso(_own_end(dates.expires, meta.date if lbk else None)),
        # an LBK restates the law's own repeal clause; it repeals nothing itself
        repeals=() if lbk else (*((k, iso(r.date) or start) for r in dates.repeals if (k := ref_key(r.target))),
                                *((k, None) for r in dates.undated if (k := ref_key(r.target)))),
        repealed=sidecar_end, consolidates=consolidates, consolidates_date=consolidates_date, incorporates=incorporates,
        withheld=withheld_items(doc) if lbk else (), set_in_force=set_days(doc, path) if lbk else (),
        blocks=_order_blocks(also) if also is not None else (), problems=tuple(problems),
    )  # fmt: skip
    return facts, doc, also
