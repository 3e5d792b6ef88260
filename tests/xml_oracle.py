"""Independent oracle for the LexDania reader tests: every § read straight from the XML with lxml
(itertext, whitespace squashed, note markers left out), without the reader's own helpers; and the
same shape taken from a parsed tree, for comparison. Used by tests/test_lexdania.py.
"""

from __future__ import annotations

import re

from lxml import etree

from lovkons.model.document import Kind, Node

_PAR_TAGS = ("Paragraf", "IkraftCentreretParagraf", "AendringCentreretParagraf")
_ZERO_WIDTH = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_NOTE_MARK = re.compile(r"\s*\d{1,3}\)\s*")  # a superscript "2)" typed as a Char, without a Nota
_TYPED_STK = re.compile(r"Stk\. (\d+)\.")
_TYPED_PAR = re.compile(r"§ (\d+ ?[a-z]?)\.")
_ITEM_KINDS = (Kind.NR, Kind.LITRA)

# (label, own text, sub-items) of an nr./litra; (label, own text, items) of a stk.
_Item = tuple[str, str, tuple["_Item", ...]]
Stk = tuple[str, str, tuple[_Item, ...]]
Paragraf = tuple[str, tuple[Stk, ...]]


def _itertext(el: etree._Element) -> str:
    return "".join(str(t) for t in el.itertext())


def _squash(text: str) -> str:
    return " ".join(_ZERO_WIDTH.sub("", text).split())


def _dense(text: str) -> str:
    """Text without whitespace, quote marks, full stops and cell bars: for amendment runs, whose
    payload lines the reader joins and quotes (closing with "«." where the XML says
    punktumEfterSlutcitationstegn), table rows printed with " | " between cells."""
    return re.sub(r"[\s»«.|]", "", _ZERO_WIDTH.sub("", text))


def _is_mark(char: etree._Element) -> bool:
    return char.get("formaChar") == "Superscript" and bool(_NOTE_MARK.fullmatch(char.text or ""))


def _linea(linea: etree._Element) -> str:
    """The Char texts as written; two plain Chars (no formaChar) written on two lines of the file are two
    words ("den andel</Char>⏎<Char>af", LBK 415/2011 § 12), read here off the whitespace between them."""
    out: list[str] = []
    for c in linea:
        if c.tag == "Char" and not _is_mark(c):
            out.append(_itertext(c))
            after = c.getnext()
            if (c.get("formaChar") is None and after is not None and after.tag == "Char"
                    and after.get("formaChar") is None and "\n" in (c.tail or "")):
                out.append(" ")
    return _squash("".join(out))


def _explicatus(el: etree._Element) -> str | None:
    expl = el.find("Explicatus")
    return None if expl is None else _squash(_itertext(expl))


# Danish typesetting sets no space before a closing mark: a line starting with one after a line ending in a
# full stop goes on the same word ("og lign." + ", der er nødvendige", LBK 1009/2012 § 16, stk. 2)
_CLOSING = ",;:)]«”"


def _own_text(exitus: list[etree._Element], skip: str = "") -> tuple[str, list[etree._Element]]:
    """The Linea texts before the first Index/Table (a Nota left out; "." after its marker glued to
    the word before; a line starting with a closing mark glued to a line ending in a full stop; a first
    line equal to `skip` left out), and the Index elements."""
    parts: list[str] = []
    lists: list[etree._Element] = []
    noted = stopped = False
    for ex in exitus:
        for child in ex:
            if child.tag in ("Index", "Table"):
                stopped = True
                lists += [child] if child.tag == "Index" else []
            elif child.tag == "Nota":
                noted = True
            elif child.tag == "Linea" and not stopped and (text := _linea(child)):
                if skip and text == skip and not parts:
                    continue
                if (noted and parts and text[0] in ".,;:" and text[1:2] in ("", " ")) or (
                        parts and parts[-1].endswith(".") and text[0] in _CLOSING):
                    parts[-1] += text
                else:
                    parts.append(text)
                noted = False
    return " ".join(parts), lists


def _xml_item(ind: etree._Element) -> _Item:
    label = (_explicatus(ind) or "").rstrip(")").rstrip(".").strip()
    text, lists = _own_text([c for c in ind if c.tag == "Exitus"])
    return label, text, tuple(_xml_item(i) for index in lists for i in index if i.tag == "Indentatio")


def _all_chars(el: etree._Element) -> str:
    """Every Char and label text under `el` (headings in payloads included), leaving out notes."""
    out: list[str] = []
    for child in el:
        if child.tag == "Nota" or not isinstance(child.tag, str):
            continue
        if child.tag == "Explicatus":  # "1." of a numbered change, "Stk. 2." in a payload
            out.append(_itertext(child))
        elif child.tag == "Char":
            out += [] if _is_mark(child) else [_itertext(child)]
        else:
            out.append(_all_chars(child))
    return "".join(out)


def _xml_stk(
    elements: list[etree._Element], label: str, skip: str = ""
) -> tuple[str, str, tuple[_Item, ...]]:
    if any(e.tag == "AendringsNummer" for e in elements):  # numbered changes inside a stk
        return label, "dense:" + _dense("".join(_all_chars(e) for e in elements)), ()
    text, lists = _own_text([e for e in elements if e.tag == "Exitus"], skip)
    if text.startswith(". "):  # "Stk. 2" + a text line starting with the dot (LBK 670/2010)
        text = text[2:]
    return label, text, tuple(_xml_item(i) for index in lists for i in index if i.tag == "Indentatio")


def xml_paragraffer(
    root: etree._Element, *, letter_l: bool = False
) -> tuple[list[Paragraf], list[tuple[str, str]], list[str]]:
    """(§ label, stk.s) of every §, in document order, outside amendment payloads and LBK
    commencement notes; with the drafting slips met: (§, typed label line) of each label typed as
    a text line, and the label of each § split in two elements. With `letter_l`, "§ l" is § 1."""
    out: list[tuple[str, list[tuple[str, str, tuple[_Item, ...]]]]] = []
    slips: list[tuple[str, str]] = []
    split: list[str] = []
    for par in root.iter(*_PAR_TAGS):
        if any(a.tag in ("AendringNyTekst", "Ikraft") for a in par.iterancestors()):
            continue
        expl = _explicatus(par)
        if par.tag == "AendringCentreretParagraf":
            body = [c for c in par if c.tag in ("Exitus", "AendringsNummer")]
            if expl is None and not _dense("".join(_all_chars(e) for e in body)):
                continue  # a ministry heading standing alone in an omnibus law
        label = _squash((expl or "").replace("§", "").strip().rstrip("."))
        if label == "l" and letter_l:
            label = "1"
        if par.tag == "AendringCentreretParagraf":
            out.append((label, [_xml_stk(body, "1")] if body else []))
            continue
        if expl is None and out and out[-1][0] and not out[-1][1]:  # the body of a split §
            split.append(out[-1][0])
            label = out.pop()[0]
        stks: list[tuple[str, str, tuple[_Item, ...]]] = []
        out.append((label, stks))
        for n, stk in enumerate(c for c in par if c.tag == "Stk"):
            stk_expl = _explicatus(stk)
            kids = [c for c in stk if c.tag != "Explicatus"]
            if stk_expl is None and n > 0:  # an unnumbered later Stk: text after the list before
                if stks:
                    stks[-1] = _definition(stks[-1], stk)
                continue
            lbl = _squash((stk_expl or "Stk. 1.").replace("Stk.", "").strip().rstrip("."))
            current: list[etree._Element] = []
            skip = ""
            for kid in kids:
                first = kid.find("Linea")
                typed = _linea(first) if kid.tag == "Exitus" and first is not None and current else ""
                if (m := _TYPED_STK.fullmatch(typed) or _TYPED_PAR.fullmatch(typed)) is None:
                    current.append(kid)
                    continue
                slips.append((out[-1][0], typed))
                stks.append(_xml_stk(current, lbl, skip))
                if typed.startswith("§"):
                    stks = []
                    out.append((m[1], stks))
                lbl, current, skip = (m[1] if typed.startswith("Stk") else "1"), [kid], typed
            stks.append(_xml_stk(current, lbl, skip))
    return [(label, tuple(stks)) for label, stks in out], slips, split


_DEFINITION_LABEL = re.compile(r"\d+(?: ?[a-z])?\.")


def _definition(stk: Stk, later: etree._Element) -> Stk:
    """An unnumbered later Stk as part of a definition list "1." + "Akseltryk:" / "det tryk, …"
    (færdselsloven § 2) under a stk whose text ends with ":": a Stk whose first line is only a
    full-stop number opens nr. N, any other Stk continues the last nr.; else the stk unchanged."""
    label, text, items = stk
    lines = [t for ex in later if ex.tag == "Exitus" for li in ex if li.tag == "Linea" and (t := _linea(li))]
    if not lines or not text.endswith(":"):
        return stk
    if _DEFINITION_LABEL.fullmatch(lines[0]):
        return label, text, (*items, (lines[0].rstrip("."), " ".join(lines[1:]), ()))
    if items and not items[-1][2]:
        last = items[-1]
        return label, text, (*items[:-1], (last[0], f"{last[1]} {' '.join(lines)}", ()))
    return stk


def _tree_item(node: Node) -> _Item:
    return node.label or "", node.text, tuple(_tree_item(c) for c in node.children if c.kind in _ITEM_KINDS)


def tree_stk(stk: Node, dense: bool) -> tuple[str, str, tuple[_Item, ...]]:
    if dense:
        return stk.label or "", "dense:" + _dense(stk.text), ()
    return stk.label or "", stk.text, tuple(_tree_item(c) for c in stk.children if c.kind in _ITEM_KINDS)
