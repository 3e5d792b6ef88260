"""Stage 2 (review, eval): the operations of a case and the raw text of each amending act, for the
"act-mended" check (review.mended).

Input: the amending orders (their operations, and the path each was read from: meta.source); output:
ActCase — per operation its act, the §§ and units it changes in place, the texts it writes and quotes —
and each act's source read raw (lxml itertext of the XML, or the text file), independently of our parse.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from lovkons.amender.citing import base_refs, cites_base
from lovkons.amender.consolidate import Consolidation
from lovkons.amender.tree import label_key
from lovkons.model.document import Document, Kind, Level
from lovkons.model.edits import (
    AmendingDocument,
    ChangeBlock,
    ChangeOfItem,
    DeleteText,
    Insert,
    InsertText,
    Operation,
    Renumber,
    Repeal,
    ReplaceText,
)
from lovkons.parsers.normalize import INVISIBLE_CHARS
from lovkons.parsers.xml_joins import joins_without_space
from lovkons.review.units import Unit, address_unit, op_addresses, payload_units
from lovkons.review.untouched import norm

_TOKEN = regex.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class CaseOp:
    """One operation of the case with what the check needs: its act (index into the case's sources),
    the §§ and units it addresses in place, the texts it writes (exact) and quotes (casefolded tokens)."""

    act: int
    source: str
    keys: frozenset[str | None]  # § keys; None = the whole act ("overalt")
    units: tuple[tuple[str, Unit], ...]  # (§ key, unit) addressed in place
    written: tuple[tuple[str, bool], ...]  # (text, a quotation »…« in the act: a new text, not a payload's unit)
    quoted: tuple[tuple[str, ...], ...]
    words: tuple[tuple[str, ...], ...]  # written, casefolded tokens (one for each of `written`)
    text_only: bool = False  # a text operation (»A« til: »B«, efter »A« indsættes, »A« udgår): changes only its words
    old: str = ""  # a replacement's old text (»A« of »A« til: »B«), as our reading has it
    anchor: str = ""  # an insertion's anchor (»A« of efter »A« indsættes: »B«)
    before: bool = False  # the anchor follows the new text ("før »A«")
    pkts: bool = False  # names punktummer only ("§ 52, stk. 6, 5. og 6. pkt., ophæves, og i stedet indsættes:")

    def here(self, key: str) -> bool:
        return key in self.keys or None in self.keys


@dataclass(frozen=True, slots=True)
class ActCase:
    ops: tuple[CaseOp, ...]
    sources: tuple[Callable[[], str | None], ...]  # the raw text of each act, read when first asked
    quotes: tuple[Callable[[], str | None], ...] = ()  # its quotations (act_quotations), read when first asked
    foreign: tuple[CaseOp, ...] = ()  # the operations of the change blocks that amend another law than the base
    printed: Callable[[str], str | None] = lambda _key: None  # the LBK's text of a § (by key), for the guards

    def text(self, act: int) -> str | None:
        return self.sources[act]()

    def quoted(self, act: int) -> str | None:
        """The act's quotations and new texts, one a line (act_quotations); without a reader of them, the
        »…« of its raw text."""
        if act < len(self.quotes):
            return self.quotes[act]()
        text = self.text(act)
        return None if text is None else "\n".join(quotations(text))


def tokens_at(text: str) -> list[regex.Match[str]]:
    return list(_TOKEN.finditer(text))


def _folded(text: str) -> tuple[str, ...]:
    return tuple(m[0].casefold() for m in _TOKEN.finditer(norm(text)))


def _in_place(op: Operation) -> list[tuple[str, Unit]]:
    """(§ key, unit) the operation changes in place: a text operation's or replacement's target, a repeal's
    units, a payload's new §§ (whole). A renumbering writes no words; an insertion beside a unit (after,
    before) changes none (its payload's words are guarded as written)."""
    if isinstance(op, Renumber):
        return []
    out: list[tuple[str, Unit]] = []
    if isinstance(op, Insert) and op.position == "end":
        # "I § 43 indsættes som stk. 4:" (LOV 607/2013 § 18, nr. 1): the new units, not the stk. before them
        par = op.target.label_of(Level.PARAGRAF)
        new = payload_units(op)
        if par is not None:
            out += [(label_key(par), unit) for unit in new] if new and len(new) == len(op.payload) \
                else [(label_key(par), address_unit(op.target))]
    elif not (isinstance(op, Insert) and op.position in ("after", "before")):
        for address in op_addresses(op):
            par = address.label_of(Level.PARAGRAF)
            if par is not None:
                out.append((label_key(par), address_unit(address)))
    for node in getattr(op, "payload", ()) or ():
        out += [(label_key(n.label), ()) for n in node.walk() if n.kind is Kind.PARAGRAF and n.label]
    return out


def _keys(op: Operation) -> frozenset[str | None]:
    keys: set[str | None] = {None} if any(lv is Level.DOKUMENT for lv, _ in op.target.steps) else set()
    for address in op_addresses(op):
        if (par := address.label_of(Level.PARAGRAF)) is not None:
            keys.add(label_key(par))
    for node in getattr(op, "payload", ()) or ():
        keys |= {label_key(n.label) for n in node.walk() if n.kind is Kind.PARAGRAF and n.label}
    return frozenset(keys)


def case_op(op: Operation, act: int, item: str) -> CaseOp:
    nodes = [n for node in getattr(op, "payload", ()) or () for n in node.walk()]
    new = getattr(op, "new", None) or ""
    written = [new, *(n.text or "" for n in nodes), *(n.heading or "" for n in nodes)]
    quoted = [op.old if isinstance(op, ReplaceText | DeleteText) else "",
              op.anchor if isinstance(op, InsertText) else "", (op.words or "") if isinstance(op, Repeal) else ""]
    return CaseOp(act, str(op.source) if op.source else item, _keys(op), tuple(_in_place(op)),
                  tuple((norm(w), k == 0) for k, w in enumerate(written) if _folded(w)),
                  tuple(f for q in quoted if (f := _folded(q))),
                  tuple(f for w in written if (f := _folded(w))), isinstance(op, ReplaceText | InsertText | DeleteText),
                  norm(op.old) if isinstance(op, ReplaceText) else "",
                  norm(op.anchor) if isinstance(op, InsertText) else "", isinstance(op, InsertText) and op.position == "before",
                  _pkts_only(op))


def _pkts_only(op: Operation) -> bool:
    """Every address of the operation names a punktum, and it writes no units (a text or none): it changes
    those punktummer's words only (LOV 627/2016 § 1, nr. 24 on § 52, stk. 6, 5. and 6. pkt. leaves its 4. pkt.)."""
    return not isinstance(op, ReplaceText | InsertText | DeleteText | Renumber) and not getattr(op, "payload", ()) \
        and all(address.steps and address.steps[-1][0] is Level.PKT for address in op_addresses(op))


_WHITESPACE = regex.compile(r"\s+")


# the inline element of LexDania: a run of characters inside a line (<Linea>), "formaChar" for its form
_INLINE = frozenset({"Char"})


def xml_text(root: Any, skip: frozenset[str] = frozenset()) -> str:
    """An XML tree's text as its file has it: every text and tail, except the whitespace that only lays the
    file out (a run holding a line break between elements); a <Char> holding only whitespace is a space,
    and the end of an element other than a <Char> (a line, a stk., a §) separates like a space. LOV 481/2012 § 4, nr. 1 prints »75.000 m³« as
    "<Char>… 75.000 m</Char>⏎<Char formaChar="Superscript">3</Char>": "75.000 m3", not "m 3". An element whose
    tag is in `skip` is a space (its text left out)."""
    out: list[str] = []

    def keep(text: str | None) -> None:
        if text and not (text.isspace() and "\n" in text):
            out.append(text)

    def walk(el: Any) -> None:
        if el.tag in skip:
            out.append(" ")
            return
        if el.tag in _INLINE and el.text and el.text.isspace():
            out.append(" ")  # a <Char> of its own holding a space: "herunder</Char><Char>⏎</Char><Char>en" (LOV 1715/2016 § 48, nr. 2)
        else:
            keep(el.text)
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            keep(child.tail)
            if _two_words(child):
                out.append(" ")
        if el.tag not in _INLINE and not _lines_cut(el):
            out.append(" ")

    walk(root)
    return "".join(out)


_BLANK = " \t\n\r\xa0" + INVISIBLE_CHARS


def _lines_cut(el: Any) -> bool:
    """A <Linea> and the next one are one run where the document reader joins them without a space
    (parsers.xml_joins `joins_without_space`: "m.m.</Linea><Linea>, jf." is "m.m., jf.", "»hundekampe.</Linea>
    <Linea>« til:" is "»hundekampe.« til:", LOV 717/2010 § 1, nr. 17; "folkeskolens 9.</Linea><Linea>-klasseprøver"
    is "9.-klasseprøver", LBK 1534/2015 § 14)."""
    after = el.getnext()
    if el.tag != "Linea" or after is None or after.tag != "Linea":
        return False
    return joins_without_space("".join(el.itertext()).rstrip(_BLANK), "".join(after.itertext()).lstrip(_BLANK))


def _two_words(char: Any) -> bool:
    """Two plain <Char>s on two lines of the file, no space at the split, are two words, as the document
    reader reads them (parsers.xml_text `_lost_space`: "den andel</Char>⏎<Char>af", LBK 415/2011 § 12)."""
    after = char.getnext()
    return (char.tag in _INLINE and after is not None and after.tag in _INLINE and "\n" in (char.tail or "")
            and char.get("formaChar") is None and after.get("formaChar") is None
            and bool(char.text) and not char.text[-1].isspace() and bool(after.text) and not after.text[0].isspace())


# LexDania's element of an item's new text (a payload: "affattes således:", "indsættes:"), printed without »/«
_NEW_TEXT = "AendringNyTekst"


def quotations(text: str) -> list[str]:
    """The outermost quotations »…« of a text, with their marks (a quotation inside one is a part of it; a
    quotation never closed runs to the end): "ændres »A« til: »B«" → ["»A«", "»B«"]."""
    out: list[str] = []
    depth, start = 0, 0
    for m in _MARK.finditer(text):
        if m[0] == "»":
            depth, start = depth + 1, m.start() if depth == 0 else start
        elif depth:
            depth -= 1
            if depth == 0:
                out.append(text[start:m.end()])
    if depth:
        out.append(text[start:])
    return out


_MARK = regex.compile(r"[»«]")


def _raw(text: str) -> str:
    return _WHITESPACE.sub(" ", norm(text)).strip()


@functools.lru_cache(maxsize=64)
def _read(path: str) -> tuple[str, str] | None:
    """The act's raw text and its quotations (act_source, act_quotations), or None."""
    from lxml import etree

    file = Path(path)
    try:
        if file.suffix.lower() == ".xml":
            root = etree.parse(str(file), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
            # the act's own words: LexDania's body (not <Meta>: its title, ministry and the short names of
            # the later LBKs under AendresAf are no words of the act)
            body = next(iter(root.iterfind("DokumentIndhold")), root)
            text = _raw(xml_text(body))
            # an item's new text stands in <AendringNyTekst> without »/« (LOV 627/2016 § 1, nr. 27: "§ 53,
            # stk. 8, 2. pkt., affattes således:" and the sentence in an element of its own): all of it quoted
            new = [f"»{t}«" for el in body.iter(_NEW_TEXT) if (t := _raw(xml_text(el)))
                   and not any(a.tag == _NEW_TEXT for a in el.iterancestors())]
            return text, "\n".join([*new, *quotations(_raw(xml_text(body, frozenset({_NEW_TEXT}))))])
        if file.suffix.lower() == ".txt":
            text = _raw(file.read_text(encoding="utf-8"))
            return text, "\n".join(quotations(text))
        return None  # an HTML or JSON record: no raw reading here, nothing is act-mended
    except (OSError, UnicodeDecodeError, etree.XMLSyntaxError):
        return None


def act_source(path: str) -> str | None:
    """The act's source read raw, independently of our readers: an XML file's text (xml_text) or a text
    file, in the eval's comparison form (untouched.norm: soft hyphens and zero-width characters out, no
    space before , . ;) with whitespace collapsed; nothing else normalised. None when it cannot be read."""
    read = _read(path)
    return read[0] if read else None


def act_quotations(path: str) -> str | None:
    """What the act quotes, one quotation a line, each with its »/«: the outermost »…« of its raw text
    (old texts, anchors, new texts) and each new text LexDania prints as an element of its own
    (<AendringNyTekst>, the only words an act can make a consolidation print besides its »…«). None when
    the source cannot be read."""
    read = _read(path)
    return read[1] if read else None


def act_case(orders: Sequence[AmendingDocument], read: Callable[[str], str | None] = act_source, *,
             quote: Callable[[str], str | None] = act_quotations,
             blocks: Callable[[AmendingDocument, ChangeBlock], bool] = lambda _order, _block: True,
             printed: Callable[[str], str | None] = lambda _key: None) -> ActCase:
    """Every operation of the orders (applied, refused or pending alike) in the change blocks `blocks`
    keeps (those of the base: an omnibus act's block amending another law addresses none of the base's
    units; the others' operations kept apart, `foreign`), a lazy reader of each act's raw source (its
    meta.source path: all of the act, every block), and `printed`: the LBK's text of a § by key."""
    ops: list[CaseOp] = []
    foreign: list[CaseOp] = []
    for i, order in enumerate(orders):
        for block in order.changes:
            into = ops if blocks(order, block) else foreign
            for item in block.items:
                name = f"{order.meta.short} § {block.paragraf}, nr. {item.number}"
                for op in item.operations:
                    into.append(case_op(op, i, name))
                    if isinstance(op, ChangeOfItem):
                        into.append(case_op(op.change, i, name))
    sources = tuple(functools.partial(read, o.meta.source) if o.meta.source else (lambda: None) for o in orders)
    quotes = tuple(functools.partial(quote, o.meta.source) if o.meta.source else (lambda: None) for o in orders)
    return ActCase(tuple(ops), sources, quotes, tuple(foreign), printed)


def base_blocks(base: Document, result: Consolidation) -> Callable[[AmendingDocument, ChangeBlock], bool]:
    """The change blocks of the base: those citing it, or one an applied, refused or pending item came from
    (the others amend another law: LOV 1715/2016 § 52 rewrites a § 9 a of another act than LBK 9/2017's)."""
    refs = base_refs(base)
    used = {str(a.source) for a in result.applied} | {p.source or "" for p in result.problems} | \
        {str(p.source) for p in result.pending}
    here = {s.rsplit(", nr. ", 1)[0] for s in used} | used

    def keep(order: AmendingDocument, block: ChangeBlock) -> bool:
        return f"{order.meta.short} § {block.paragraf}" in here or order.meta.short in here or \
            cites_base(block, base, refs)
    return keep
