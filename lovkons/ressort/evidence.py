"""Stage 2 (ressort): the evidence in the documents of who was responsible for a law when.

Input: Register, the base document and the amending acts; output: dated Evidence. Sources, strongest
first: the ministry that signed the base and each amending act of this law alone (LexDania metadata,
see ressort.signature); an omnibus act counts only weakly (it is signed by the ministry that led it);
the base's footnotes on royal resolutions ("Ved kongelig resolution af 14. december 2011 blev
ressortansvaret for … overført fra justitsministeren til ministeren for fødevarer, landbrug og
fiskeri"); without any of these, the minister the base names most often.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import regex

from lovkons.model.document import Document, Kind, LovkonsError
from lovkons.model.edits import AmendingDocument
from lovkons.parsers.dates import parse_danish_date
from lovkons.ressort.forms import MINISTER, name_forms
from lovkons.ressort.register import MINISTRY, Register
from lovkons.ressort.responsible import STRONG, WEAK, Evidence
from lovkons.ressort.signature import signed_by

# "Ved kongelig resolution af 14. december 2011 blev ressortansvaret for sager vedrørende dyreværn …
# overført fra justitsministeren til ministeren for fødevarer, landbrug og fiskeri."
_FOOTNOTE = regex.compile(r"""(?:kongelig|kgl\.)\s+resolution\s+af\s+(?P<date>\d{1,2}\.\s*\p{L}+\s+\d{4})
                              .{0,400}?\boverført\b.{0,40}?\btil\s+(?P<to>[^.;]+)""", regex.VERBOSE | regex.DOTALL)


def _footnotes(register: Register, base: Document) -> list[Evidence]:
    out = []
    for node in base.walk():
        if node.kind is not Kind.NOTE:
            continue
        for m in _FOOTNOTE.finditer(node.text):
            day = parse_danish_date(m["date"])
            found = name_forms(register).pattern.search(m["to"])
            forms = name_forms(register).lookup(found[0]) if found else []
            if day and forms:
                out.append(Evidence(day, forms[0].office, f"{base.meta.short}, fodnote", WEAK))
    return out


_MINIST = "minist"
MIN_NAMED = 3  # a minister the base names fewer times is not the one the law gives its powers to


_NAMED: dict[tuple[int, int], tuple[Register, Document, Evidence | None]] = {}


Names = Callable[[str], Iterable[tuple[int, int, str]]]  # the names in a text: (start, end, as written)


def named_most(register: Register, base: Document, names: Names | None = None) -> Evidence | None:
    """Memoised per (register, base) object: a point-in-time consolidation renames several versions of
    one law, each with the same base (see `_named_most`). `names`: where the caller keeps the names
    found in each text (ressort.layer.Memo.names_in); the same names as a search of the text finds."""
    key = (id(register), id(base))
    hit = _NAMED.get(key)
    if hit is not None and hit[0] is register and hit[1] is base:
        return hit[2]
    if len(_NAMED) >= 64:
        _NAMED.clear()
    found = _named_most(register, base, names or (lambda text: _search(register, text)))
    _NAMED[key] = (register, base, found)
    return found


def _search(register: Register, text: str) -> Iterator[tuple[int, int, str]]:
    if _MINIST in text.casefold():  # every minister's title holds "minist" ("Ministeren for …", "…ministeren")
        yield from name_forms(register).spans(text)


def _named_most(register: Register, base: Document, names: Names) -> Evidence | None:
    """The minister the base names most often (≥ MIN_NAMED times), on the base's day: by the law's
    text the minister it gives its powers to ("Undervisningsministeren fastsætter regler …"), who may
    differ from the ministry that signs (the SVU-lov, administered by Uddannelses- og
    Forskningsministeriet, gives its powers to the minister for education)."""
    if base.meta.date is None:
        return None
    counts: Counter[str] = Counter()
    for node in base.walk():
        if node.kind in (Kind.NOTE, Kind.UNDERSKRIFT) or not node.text:
            continue
        for _, _, written in names(node.text):
            for form in name_forms(register).lookup(written)[:1]:
                if form.role == MINISTER:
                    counts[form.office] += 1
    if not counts:
        return None
    office, n = counts.most_common(1)[0]
    if n < MIN_NAMED:
        return None
    return Evidence(base.meta.date, office, f"{base.meta.short}, den hyppigst nævnte minister", WEAK)


def _signature_line(doc: Document) -> str:
    return next((n.text for n in doc.walk() if n.kind is Kind.UNDERSKRIFT and n.text), "")


@lru_cache(maxsize=1024)
def _signature_of_file(path: str) -> str:
    """The signature line of an amending document that is not LexDania (its reader keeps no signature)."""
    from lovkons.parsers.read import read_document

    try:
        return _signature_line(read_document(Path(path)).document)
    except (LovkonsError, OSError, ValueError):
        return ""


def _order_signature(order: AmendingDocument) -> str:
    source = order.meta.source
    if not source or source.lower().endswith(".xml") or not Path(source).is_file():
        return ""
    return _signature_of_file(source)


def evidence_of(register: Register, base: Document, orders: Sequence[AmendingDocument] = (),
                names: Names | None = None) -> list[Evidence]:
    """Every piece of dated evidence about the law's ministry and authority in the base and its
    amending acts (give the acts whole: an act with change blocks for several laws counts weakly)."""
    out: list[Evidence] = []
    for day, office in signed_by(register, base.meta.source, base.meta.date, _signature_line(base)):
        out.append(Evidence(day, office, f"{base.meta.short}, underskrift"))
    out += _footnotes(register, base)
    for order in orders:
        strength = STRONG if len({b.paragraf for b in order.changes}) <= 1 else WEAK
        for day, office in signed_by(register, order.meta.source, order.meta.date, _order_signature(order)):
            out.append(Evidence(day, office, f"{order.meta.short}, underskrift", strength))
    if not any(e.strength == STRONG and register.offices[e.office].kind == MINISTRY for e in out):
        most = named_most(register, base, names)
        if most:
            out.append(most)
    return out
