"""Stage 1 (parsers): Akoma Ntoso 3.0 (as `renderers.akn` writes it) → our Document tree.

The vocabulary both directions share lives here (the renderer imports it): which AKN element a
Danish unit becomes, the eId prefix of the AKN naming convention, and how a printed `<num>` gives
back the label ("§ 5 a." → "5 a"). Reading is the round trip's other half: AKN → tree → AKN keeps
every provision's text. Provenance (meta) is not read back: the tree carries the text only.
"""

from __future__ import annotations

import datetime as dt

import regex
from lxml import etree

from lovkons.model.document import Document, Kind, LovkonsError, Meta, Node, ParseResult

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
Q = f"{{{NS}}}"

# The Danish levels as AKN hierarchy elements, with the eId prefix of the AKN naming convention
# ("chp_3__sec_26__subsec_2__para_1" = kapitel 3, § 26, stk. 2, nr. 1).
ELEMENTS: dict[Kind, tuple[str, str]] = {
    Kind.AFSNIT: ("part", "part"),
    Kind.KAPITEL: ("chapter", "chp"),
    Kind.PARAGRAF: ("section", "sec"),
    Kind.STK: ("subsection", "subsec"),
    Kind.NR: ("paragraph", "para"),
    Kind.LITRA: ("point", "point"),
}
# Units without an AKN element of their own: `<hcontainer name="…">` (eId prefix = the name).
HCONTAINERS: dict[Kind, str] = {
    Kind.OVERSKRIFT: "crossheading",  # a mellemoverskrift standing before a §
    Kind.TEKST: "tekst",  # free text: a bilag's body, text after a list
    Kind.BILAG: "bilag",
    Kind.UNDERSKRIFT: "underskrift",
    Kind.NOTE: "note",
    Kind.DOKUMENT: "dokument",
}
# The document kinds as `<act name="…">` (the URI uses the first word: "bek", "lov", "lbk").
ACT_NAMES: dict[str, str] = {"BEK": "bek", "BEK Æ": "bek-aendring", "LOV": "lov", "LOV Æ": "lov-aendring",
                             "LBK": "lbk", "other": "other"}  # fmt: skip

# A printed number → the label, per kind: "§ 5 a." → "5 a", "§§ 17-18." → "17-18", "Stk. 2." → "2",
# "3)" → "3", "Kapitel 12 a" → "12 a", "Afsnit IV" → "IV", "Bilag 1" → "1".
_NUM: dict[Kind, regex.Pattern[str]] = {
    Kind.PARAGRAF: regex.compile(r"§§?\s*(?P<l>.+?)\.?"),
    Kind.STK: regex.compile(r"Stk\.\s*(?P<l>.+?)\.?"),
    Kind.NR: regex.compile(r"(?P<l>.+?)\)"),
    Kind.LITRA: regex.compile(r"(?P<l>.+?)\)"),
    Kind.NOTE: regex.compile(r"(?P<l>.+?)\)"),
    Kind.KAPITEL: regex.compile(r"Kapitel\s*(?P<l>.*)"),
    Kind.AFSNIT: regex.compile(r"Afsnit\s*(?P<l>.*)"),
    Kind.BILAG: regex.compile(r"Bilag\s*(?P<l>.*)"),
}
# The level above afsnit, printed as a heading line: "Første bog. Domsmagten m.m." (retsplejeloven).
# Written as `<book><num>Første bog.</num><heading>Domsmagten m.m.</heading>` around its afsnit.
BOG = regex.compile(r"(?P<num>\p{L}+ bog\.)(?: (?P<title>\S.*))?")
# Units a book holds; anything else (notes, signature, bilag) closes it.
BOOK_UNITS = frozenset((Kind.AFSNIT, Kind.KAPITEL, Kind.PARAGRAF, Kind.OVERSKRIFT))
PLACEHOLDER = "placeholder"  # class of a `<p>` that stands for no text ("(Ophævet)" of a tombstone)
UNKNOWN_DATE = "unknown"  # FRBRdate name when the document states no date (the schema wants one)


def label_from_num(kind: Kind, num: str) -> str | None:
    rule = _NUM.get(kind)
    m = rule.fullmatch(num.strip()) if rule else None
    label = (m["l"] if m else num).strip()
    return label or None


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _text(el: etree._Element | None) -> str:
    return "" if el is None else "".join(str(t) for t in el.itertext())


def _paras(el: etree._Element | None) -> str:
    """The `<p>` lines of a content/intro/preamble block, joined by newlines ("" for a placeholder)."""
    if el is None:
        return ""
    return "\n".join(_text(p) for p in el if _local(p) == "p" and p.get("class") != PLACEHOLDER)


_BY_ELEMENT = {element: kind for kind, (element, _) in ELEMENTS.items()}
_BY_NAME = {name: kind for kind, name in HCONTAINERS.items()}


def _kind(el: etree._Element) -> Kind | None:
    name = _local(el)
    if name in ("hcontainer", "container"):
        return _BY_NAME.get(el.get("name", ""))
    return _BY_ELEMENT.get(name)


def _eid_label(el: etree._Element) -> str | None:
    """An unprinted label from the eId: the first stk. ("…__subsec_1") has no `<num>`."""
    last = (el.get("eId") or "").rsplit("__", 1)[-1]
    m = regex.fullmatch(r"[a-z]+_(\d+)", last)
    return m[1] if m else None


def read_nodes(holder: etree._Element) -> list[Node]:
    """The units in `holder`, in order; a `<book>` gives back its heading line and then its units."""
    out: list[Node] = []
    for el in holder:
        if _local(el) == "book":
            title = el.find(f"{Q}heading")
            head = _text(el.find(f"{Q}num")) + (f" {_text(title)}" if title is not None else "")
            out.append(Node(Kind.OVERSKRIFT, text=head))
            out += read_nodes(el)
            continue
        node = read_node(el)
        if node is not None:
            out.append(node)
    return out


def read_node(el: etree._Element) -> Node | None:
    """One AKN hierarchy element (or hcontainer/container) → Node; None for anything else."""
    kind = _kind(el)
    if kind is None:
        return None
    num = el.find(f"{Q}num")
    head = el.find(f"{Q}heading")
    if num is not None:
        label = label_from_num(kind, _text(num))
    else:
        label = _eid_label(el) if kind is Kind.STK else None
    heading = _text(head) if head is not None else None
    content = el.find(f"{Q}content")
    text = _paras(content) if content is not None else _paras(el.find(f"{Q}intro"))
    if _local(el) == "container":  # a signature in <conclusions>: its <p> lines directly
        text = _paras(el)
    if kind is Kind.OVERSKRIFT and not text and heading is not None:
        text, heading = heading, None  # a mellemoverskrift's own words are its text
    children = tuple(n for n in (read_node(c) for c in el) if n is not None)
    return Node(kind, label, heading, text, children, repealed=el.get("status") == "removed")


def _attachment(att: etree._Element) -> Node | None:
    """`<attachment><doc name="bilag">`: number and title from its preface, units from mainBody."""
    doc = att.find(f"{Q}doc")
    if doc is None:
        return None
    num = doc.find(f".//{Q}preface//{Q}docNumber")
    title = doc.find(f".//{Q}preface//{Q}docTitle")
    body = doc.find(f"{Q}mainBody")
    kids = tuple(n for n in (read_node(c) for c in (body if body is not None else ())) if n is not None)
    label = label_from_num(Kind.BILAG, _text(num)) if num is not None else None
    text = _paras(body)
    return Node(Kind.BILAG, label, _text(title) if title is not None else None, text, kids)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _meta(act: etree._Element, file: str | None) -> Meta:
    kinds = {name: kind for kind, name in ACT_NAMES.items()}
    work = act.find(f"{Q}meta/{Q}identification/{Q}FRBRWork")
    if work is None:
        raise LovkonsError("Akoma Ntoso without FRBRWork identification", file=file)
    uri_el = work.find(f"{Q}FRBRuri")
    uri = uri_el.get("value", "") if uri_el is not None else ""
    parts = uri.strip("/").split("/")  # akn / dk / act / bek / 2007 / 1292
    year = int(parts[4]) if len(parts) > 4 and parts[4].isdigit() else None
    number_el = work.find(f"{Q}FRBRnumber")
    number_value = number_el.get("value", "") if number_el is not None else ""
    date_el = work.find(f"{Q}FRBRdate")
    date = None if date_el is None or date_el.get("name") == UNKNOWN_DATE else _date(date_el.get("date"))
    title = act.find(f"{Q}preface//{Q}docTitle")
    ministry = act.find(f"{Q}meta/{Q}references/{Q}TLCOrganization[@eId='ministry']")
    published = act.find(f"{Q}meta/{Q}publication")
    return Meta(
        kind=kinds.get(act.get("name", ""), "other"),
        number=int(number_value) if number_value.isdigit() else None,
        year=year,
        date=date,
        title=_text(title) if title is not None else None,
        published=_date(published.get("date")) if published is not None else None,
        ministry=ministry.get("showAs") if ministry is not None else None,
        source=file,
    )


def parse_akn(data: bytes, *, file: str | None = None) -> ParseResult:
    """AKN 3.0 bytes (an `<act>`) → ParseResult; LovkonsError when it is not such a document."""
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise LovkonsError(f"not well-formed XML: {exc}", file=file) from None
    act = root.find(f"{Q}act")
    if _local(root) != "akomaNtoso" or act is None:
        raise LovkonsError("not an Akoma Ntoso 3.0 act (no akomaNtoso/act element)", file=file)
    meta = _meta(act, file)
    preface = act.find(f"{Q}preface")
    note = preface.find(f"{Q}p[@class='titlenote']") if preface is not None else None
    preamble = act.find(f"{Q}preamble")
    children: list[Node] = []
    for part in ("body", "conclusions"):
        holder = act.find(f"{Q}{part}")
        if holder is not None:
            children += read_nodes(holder)
    attachments = act.find(f"{Q}attachments")
    for att in attachments if attachments is not None else ():
        node = _attachment(att)
        if node is not None:
            children.append(node)
    doc = Document(meta, _paras(preamble) or None, tuple(children), _text(note) or None if note is not None else None)
    return ParseResult(doc)
