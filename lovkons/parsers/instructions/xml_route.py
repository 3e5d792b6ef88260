"""Stage 1 (parsers): LexDania XML of an amending law/order → RawDoc.

AendringCentreretParagraf (opening + AendringsNummer items: AendringDefinition, AendringNyTekst,
Rykningsklausul) and IkraftCentreretParagraf / other §§ (commencement, repeals, transitional).
"""

from __future__ import annotations

import regex
from lxml import etree

from lovkons.model.document import LovkonsError, Meta
from lovkons.parsers.dates import parse_numeric_date
from lovkons.parsers.instructions.raw import RawDoc, RawItem, RawParagraf
from lovkons.parsers.xml_text import clean, element_text, linea_text

_TRAILING = ("IkraftCentreretParagraf", "CentreretParagraf", "Paragraf")


def _load(data: bytes, file: str | None) -> etree._Element:
    try:
        from lovkons.parsers.lexdania import load_xml

        return load_xml(data, file=file)
    except ImportError:
        pass
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise LovkonsError(f"not well-formed XML: {exc}", file=file) from exc


def _text(el: etree._Element) -> str:
    return element_text(el)  # Char runs concatenated as written: "CO" + subscript "2" → "CO2"


def _has_text(el: etree._Element) -> bool:
    """bool(_text(el)), decided at the first piece of text (element_text's pieces, read in its order)
    instead of building the text of a whole item with its new text."""
    if el.tag == "Linea":
        return bool(clean(linea_text(el)))
    if el.text and clean(el.text):
        return True
    for child in el:
        if isinstance(child.tag, str) and (
                _has_text(child) if len(child) or child.tag == "Linea" else bool(clean(child.text or ""))):
            return True
        if child.tail and clean(child.tail):
            return True
    return False


def _line(el: etree._Element) -> int | None:
    n = el.sourceline
    return n if isinstance(n, int) else None


# The element names the unit, whatever its label prints: in a new text (AendringNyTekst) a <Paragraf> is
# a § and a <Stk> a stk., so a label that lost its "§" or ends in a comma is printed as the unit's label
# (the text route would otherwise read "… Aarø. 36 d. Ministeren …" as one stykke of § 36 c).
_LABEL_SLIPS: tuple[tuple[str, regex.Pattern[str], str], ...] = (
    # "<Paragraf><Explicatus>36 d.</Explicatus>" (LOV 76/2016 § 1, nr. 1; LOV 1613/2013 § 1, nr. 28: "152 w.")
    ("Paragraf", regex.compile(r"(\d+(?:\s[a-zæøå])?\.)", regex.I | regex.VERBOSE), r"§ \1"),
    # "<Stk><Explicatus>Stk. 2,</Explicatus>" (LOV 1750/2016 § 1, nr. 1), "Stk. 2" without its full
    # stop (LOV 665/2016 § 5, nr. 1; LOV 132/2016 § 3, nr. 3; LOV 1732/2016 § 1, nr. 9)
    ("Stk", regex.compile(r"(Stk\.\s\d+(?:\s[a-z])?),?", regex.VERBOSE), r"\1."),
)


def _printed_label(unit: str, label: str) -> str:
    """The label of a payload unit as its element names it (see _LABEL_SLIPS)."""
    for tag, slip, printed in _LABEL_SLIPS:
        if unit == tag and slip.fullmatch(label):
            return slip.sub(printed, label)
    return label


def _labelled(label: str, line: str) -> str:
    """A unit's line "label text"; the label's full stop printed as the first run of its text goes
    back to the label: "§ 4 h" + "." + "Økonomi- …" (LOV 73/2010 § 1, nr. 1) is "§ 4 h. Økonomi- …"."""
    if label and not label.endswith(".") and line.startswith("."):
        label, line = label + ".", line[1:].lstrip()
    return f"{label} {line}".strip()


def _lines(el: etree._Element) -> list[str]:
    """A payload element as printed: one line per labelled unit/heading, "label text"."""
    if not any(isinstance(c.tag, str) for c in el) or el.tag == "Linea":
        return [_text(el)] if _text(el) else []
    out: list[str] = []
    label = ""
    for child in el:
        if not isinstance(child.tag, str):
            continue
        tag = child.tag
        if tag == "Explicatus":
            label = _printed_label(el.tag, _text(child))
            if el.tag in ("Kapitel", "Afsnit", "Bilag") or not label:
                out.append(label)
                label = ""
        elif tag == "Rubrica":
            out.append(_text(child))
        elif tag == "Exitus":
            sentences = [_text(li) for li in child if isinstance(li.tag, str)]
            line = " ".join(s for s in sentences if s) or _text(child)
            out.append(_labelled(label, line))
            label = ""
        elif tag == "Tr":
            out.append(" ".join(_text(td) for td in child))
        elif tag == "AendringsNummer" and el.tag == "Stk":  # a numbered change printed inside a stk.: an item of its
            continue                                          # own (_numbered)
        else:
            sub = _lines(child)
            if label and sub:
                sub[0] = _labelled(label, sub[0])
                label = ""
            out.extend(sub)
    if label:
        out.append(label)
    return [ln for ln in out if ln]


def _owner(el: etree._Element) -> etree._Element | None:
    """The numbered change an element belongs to (its nearest AendringsNummer)."""
    return next(el.iterancestors("AendringsNummer"), None)


def _numbered(host: etree._Element) -> list[etree._Element]:
    """The numbered changes of a change §, in order. The next changes printed inside one's new text are items of
    their own (a slip of the document: LOV 251/2012 § 1 prints nr. 2-10 inside the »Stk. 5. …« of nr. 1)."""
    out: list[etree._Element] = []
    for an in host.findall("AendringsNummer"):
        out.append(an)
        # (a numbered change quoted whole as new text, "§ 1, nr. 7, affattes således: »7. …«", stands right in
        # AendringNyTekst: it is that text, no item of this act)
        out.extend(a for a in an.iter("AendringsNummer") if a is not an and getattr(a.getparent(), "tag", None) == "Stk")
    return out


def _item(an: etree._Element) -> str:
    parts: list[str] = []
    for child in an:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "Aendring":
            for sub in child:
                if sub.tag == "AendringDefinition":
                    parts.append(_text(sub))
                elif sub.tag == "AendringAktion":
                    for ny in (n for n in sub.iter("AendringNyTekst") if _owner(n) is an):
                        lines = [ln for el in ny if isinstance(el.tag, str) for ln in (_lines(el) if len(el) else [_text(el)])]
                        body = "\n".join(lines)
                        if body.endswith("«") and body.count("«") > body.count("»"):
                            body = body[:-1]  # the closing mark printed in the new text (LOV 251/2012 § 1, nr. 1)
                        if body:
                            parts.append("»" + body + "«")
        elif child.tag == "Rykningsklausul":
            parts.append(_text(child))
    return "\n".join(p for p in parts if p)


def _meta(root: etree._Element) -> Meta:
    m = root.find("Meta")

    def get(tag: str) -> str:
        el = m.find(tag) if m is not None else None
        return (el.text or "").strip() if el is not None else ""

    dtype = get("DocumentType")
    kind = "LOV Æ" if dtype.startswith("LOV Æ") else "BEK Æ" if dtype.startswith("BEK Æ") else dtype.split("#")[0].split()[0] if dtype else "other"
    date = parse_numeric_date(get("DiesSigni"))
    return Meta(
        kind=kind,
        number=int(get("Number")) if get("Number").isdecimal() else None,
        year=int(get("Year")) if get("Year").isdecimal() else (date.year if date else None),
        date=date,
        title=" ".join(get("DocumentTitle").replace("\\n", " ").split()) or None,
        ministry=get("Ministry") or None,
    )


_LABEL_SLIP = regex.compile(r"([\dlI]+)( ?[a-z])?")  # "§ l" (LOV 471/2011) is § 1


def read_xml(data: bytes, *, file: str | None = None) -> RawDoc:
    root = _load(data, file)
    paras: list[RawParagraf] = []
    body = root.find("DokumentIndhold")
    if body is None:
        raise LovkonsError("no DokumentIndhold: not a LexDania document", file=file)
    for el in body.iter("AendringCentreretParagraf", *_TRAILING):
        if el.tag == "Paragraf" and any(a.tag in ("AendringNyTekst", "AendringCentreretParagraf") for a in el.iterancestors()):
            continue
        explicatus = el.find("Explicatus")
        label = _text(explicatus) if explicatus is not None else str(len(paras) + 1)
        label = label.replace("§", "").strip().rstrip(".")
        # OCR/typing slip in the amending law's own label: "§ l" (LOV 471/2011) is § 1
        slip = _LABEL_SLIP.fullmatch(label)
        if slip and ("l" in slip[1] or "I" in slip[1]):
            label = slip[1].replace("l", "1").replace("I", "1") + (slip[2] or "")
        rub = el.find("Rubrica")
        heading = _text(rub) if rub is not None else None
        # a main law amending another law in an ordinary § (LOV H): "§ 18. Stk. … foretages følgende
        # ændringer: 1. … 2. …" with the items inside the stk.
        host = el if el.tag == "AendringCentreretParagraf" else next(
            (s for s in el.findall("Stk") if s.find("AendringsNummer") is not None), None)
        if host is not None:
            ex = host.find("Exitus")
            opening = _text(ex) if ex is not None else ""
            # an AendringsNummer without any text is a slip of the document (LOV 1595/2010 § 1 opens with
            # one): no item, and the numbered items keep their own numbers
            numbered = [an for an in _numbered(host) if _has_text(an)]
            items = tuple(RawItem(i + 1, _item(an), _line(an)) for i, an in enumerate(numbered))
            if explicatus is None and paras and (joined := _continued(paras[-1], opening, numbered, items)):
                paras[-1] = joined
                continue
            if not items:  # no numbered change at all: an ordinary § ("Lov nr. 795 … ophæves.") or an empty one
                stk = (opening,) if opening else ()
                paras.append(RawParagraf(label, None, heading, (), stk, _line(el), marked_amending=True))
                continue
            paras.append(RawParagraf(label, opening, heading, items, (), _line(el)))
        else:
            exitus = el.find("Exitus")
            stks = [_text(s) for s in el.findall("Stk")] or ([_text(exitus)] if exitus is not None else [])
            paras.append(RawParagraf(label, None, heading, (), tuple(s for s in stks if s), _line(el)))
    return RawDoc(_meta(root), tuple(paras), _own_bilag(root), file=file)


def _continued(before: RawParagraf, opening: str, numbered: list[etree._Element],
               items: tuple[RawItem, ...]) -> RawParagraf | None:
    """A change § the markup split in two: a § element without its own number ("§ N") right after a change §, whose
    numbered changes go on from those before it. It is the rest of that §, not a § of its own (a slip of the
    conversion). LOV 405/2010 § 1: nr. 1 ends in the first element, its »Nr. 2-5 bliver herefter nr. 3-6.« and nr. 2-3
    stand in the next one (read as a § 2 whose opening was that sentence, nr. 2-3 lost and nr. 1 without its
    renumbering); LOV 1614/2013 § 3: the element holds only "§ 3", its opening and nr. 1 stand in the next one. The
    text before the numbered changes is the rest of the last item (its rykningsklausul), or the opening of a § that
    has none yet. None when the numbers do not go on, or when the § before holds text of its own ("Lov nr. 795 …
    ophæves."): then it is read as a § of its own, as before."""
    if (before.opening is None and not before.marked_amending) or before.stykker or not numbered:
        return None
    first = numbered[0].find("Explicatus")
    if first is None or _text(first).strip().rstrip(".") != str(len(before.items) + 1):
        return None
    more = tuple(RawItem(len(before.items) + i.number, i.text, i.line) for i in items)
    if not before.items:
        return RawParagraf(before.label, opening, before.heading, more, (), before.line)
    *done, last = before.items
    if opening:
        last = RawItem(last.number, f"{last.text}\n{opening}", last.line)
    return RawParagraf(before.label, before.opening, before.heading, (*done, last, *more), (), before.line)


_BILAG_LABEL = regex.compile(r"Bilag\s+(\S+(?:\s+[A-Za-z](?![\w.]))?)")


def _own_bilag(root: etree._Element) -> dict[str, str]:
    """The amending act's own bilag (<Bilag><Explicatus>Bilag 1</Explicatus><BilagIndhold>…), label → its text
    as printed, one line per heading, paragraph or table row ("»Bilag 4\nSatser for elafgiftslovens § 11 …«"):
    the new text of "Bilag 4 affattes som bilag 1 til denne lov". A bilag quoted inside an item is no own bilag;
    one printed as a picture only has no text to give (BILAG_NOT_FOUND, as before)."""
    out: dict[str, str] = {}
    for el in root.iter("Bilag"):
        if any(a.tag == "AendringNyTekst" for a in el.iterancestors()):
            continue
        explicatus, content = el.find("Explicatus"), el.find("BilagIndhold")
        m = _BILAG_LABEL.fullmatch(_text(explicatus).strip()) if explicatus is not None else None
        lines = _lines(content) if content is not None else []
        if m is None or not [ln for ln in lines if ln.strip(" »«") and not _BILAG_LABEL.fullmatch(ln.strip(" »«"))]:
            continue  # no text but its label: a map or a picture (LOV 657/2016), which is not in the document
        out.setdefault(regex.sub(r"\s+", " ", m[1]), "\n".join(lines))
    return out
