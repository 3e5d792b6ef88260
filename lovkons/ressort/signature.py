"""Stage 2 (ressort): which ministry and authority signed a document.

Input: the document's source file (LexDania metadata), its signature line and the register; output:
[(the signing day, a name in the register)]. The place of signature of a lovbekendtgørelse is its ministry
("Beskæftigelsesministeriet"); a law is "Givet på Christiansborg Slot", and its journal number names
the ministry that prepared it ("Klima-, Energi- og Bygningsmin., Energistyrelsen, j.nr. 220"). The
field `Ministry` of the metadata is not used: it tells the ministry at the time of the download.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from functools import lru_cache
from pathlib import Path

import regex

from lovkons.ressort.forms import NAME, name_forms
from lovkons.ressort.register import AUTHORITY, MINISTRY, Register

_ABBREVIATED = regex.compile(r"(?<=\p{L})min\.(?=[\s,]|$)")  # "Beskæftigelsesmin." → "…ministeriet"


_FIELDS = ("DiesSigni", "PlaceOfSignature", "JournalNumber")
_HEAD = 65536  # bytes read for the fields: <Meta> stands at the top of a LexDania file
_PLAIN = {name: regex.compile(rb"<" + name.encode() + rb">([^<]*)</" + name.encode() + rb">") for name in _FIELDS}
_NOT_PLAIN = regex.compile(rb"<!--|<!\[CDATA\[|<!DOCTYPE|&|xmlns|encoding=[\"'](?!utf-8[\"'])", regex.IGNORECASE)


@lru_cache(maxsize=4096)
def _meta_fields(path: str) -> tuple[str, str, str]:
    """(DiesSigni, PlaceOfSignature, JournalNumber) of a LexDania file; empty strings when absent or
    not LexDania. Reads only up to the end of <Meta>: as plain text when the fields are plain elements
    there (`_plain`), else with the XML parser."""
    plain = _plain(path)
    if plain is not None:
        return plain
    from lxml import etree  # only here: most files' fields are plain (lxml's import is ~10 ms)

    out = {"DiesSigni": "", "PlaceOfSignature": "", "JournalNumber": ""}
    try:
        for _, el in etree.iterparse(path, events=("end",), recover=True, huge_tree=True):
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag in out and not out[tag]:
                out[tag] = " ".join((el.text or "").replace("\\n", " ").split())
            if tag == "Meta":
                break
    except (OSError, etree.Error):
        pass
    return out["DiesSigni"], out["PlaceOfSignature"], out["JournalNumber"]


def _plain(path: str) -> tuple[str, str, str] | None:
    """The fields as the parser reads them (the first non-empty text of each, spaces made single),
    taken from the bytes before the first </Meta>: None when anything there could make the parser
    read them otherwise (a comment, CDATA, an entity, a namespace, an encoding other than UTF-8, a
    field with attributes, markup inside or no end tag)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(_HEAD)
    except OSError:
        return None
    end = data.find(b"</Meta>")
    if end < 0 or _NOT_PLAIN.search(data, 0, end):
        return None
    head = data[:end]
    out: list[str] = []
    for name in _FIELDS:
        found = _PLAIN[name].findall(head)
        if len(found) != head.count(b"<" + name.encode()):
            return None
        try:
            texts = [" ".join(t.decode("utf-8").replace("\\n", " ").split()) for t in found]
        except UnicodeDecodeError:
            return None
        out.append(next((t for t in texts if t), ""))
    return out[0], out[1], out[2]


def _office_at_start(register: Register, text: str, kind: str | None = None) -> str | None:
    """The registered office whose name begins `text` ("Erhvervs- og Vækstministeriet, …")."""
    m = name_forms(register).pattern.match(_ABBREVIATED.sub("ministeriet", text))
    if not m:
        return None
    for form in name_forms(register).lookup(m[0]):
        if form.role == NAME and not form.genitive and kind in (None, register.offices[form.office].kind):
            return form.office
    return None


def signed_by(register: Register, source: str | None, day: dt.date | None, signature: str = "") -> list[tuple[dt.date, str]]:
    """[(day, office)] that signed the document: the ministry (LexDania place of signature or journal
    number of the file `source`) and the authority (place of signature, or the signature line of the
    text: "Erhvervs- og Byggestyrelsen, den 24. oktober 2007 …")."""
    out: list[tuple[dt.date, str]] = []
    place = journal = ""
    if source and source.lower().endswith(".xml") and Path(source).is_file():
        signed, place, journal = _meta_fields(source)
        with contextlib.suppress(ValueError):
            day = dt.date.fromisoformat(signed) if signed else day
    if day is None:
        return out
    ministry = _office_at_start(register, place, MINISTRY) or _office_at_start(register, journal, MINISTRY)
    authority = _office_at_start(register, place, AUTHORITY) or _office_at_start(register, signature, AUTHORITY)
    ministry = ministry or _office_at_start(register, signature, MINISTRY)
    return [(day, office) for office in (ministry, authority) if office]
