"""Stage 1 (LexDania paragraffer): Paragraf / IkraftCentreretParagraf / AendringCentreretParagraf
elements → PARAGRAF nodes with their STK, NR, LITRA and TEKST children (tombstones, drafting slips).

Input: lxml elements; output: Node lists. Used by `parsers.xml_divisions`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from lovkons.model.document import Kind, Node, Problem
from lovkons.parsers.ids import paragraf_id
from lovkons.parsers.node_factory import new_node
from lovkons.parsers.xml_amendments import aendringsnummer_into
from lovkons.parsers.xml_definitions import numbered_definitions
from lovkons.parsers.xml_lists import unit_node
from lovkons.parsers.xml_meta import paragraf_label, stk_label
from lovkons.parsers.xml_text import (
    Context,
    Pieces,
    clean,
    exitus_into,
    first_child,
    first_line,
    kids,
    label_of,
    line_text,
    plain_text,
    rubrica_text,
)

PARAGRAF, STK, TEKST, OVERSKRIFT = Kind.PARAGRAF, Kind.STK, Kind.TEKST, Kind.OVERSKRIFT  # (enum lookups
# are slow in the hot path)
_REPEALED = re.compile(r"\((?:[Oo]phævet)\.?\)\.?")
_STK_LINE = re.compile(r"Stk\. (\d+)\.")
_PAR_LINE = re.compile(r"§ (\d+(?: ?[a-zA-Z])?)\.")

# (§ label, stk label — "" for a continuation of the previous stk —, the stk's elements)
_Group = tuple[str, str | None, list[etree._Element]]




def _is_label_line(line: str) -> bool:
    """ "Stk. 4." or "§ 17 f." standing alone as a text line (typed instead of an Explicatus)."""
    return line[:1] in ("S", "§") and bool(_STK_LINE.fullmatch(line) or _PAR_LINE.fullmatch(line))


def paragraf_nodes(el: etree._Element, ctx: Context) -> list[Node]:
    """Paragraf → PARAGRAF(s). Tolerated drafting slips: "Stk. 4." or "§ 17 f." typed as a text
    line inside the previous stk starts a new stk/§; an unnumbered later Stk is text after a list."""
    simple = _simple_paragraf(el, ctx)
    if simple is not None:
        return simple
    explicatus = None
    stks: list[etree._Element] = []
    headings: list[Node] = []  # a Rubrica inside the § ("§ 18" + "Ikrafttræden m.v.") heads it
    for child in kids(el):
        tag = child.tag
        if tag == "Stk":
            stks.append(child)
        elif tag == "Explicatus" and explicatus is None:
            explicatus = child
        elif tag == "Rubrica":
            headings.append(new_node(OVERSKRIFT, text=rubrica_text(child, ctx)))
    label = _checked_label(label_of(explicatus), ctx) or _typed_first_label(stks, ctx)
    trailing, copy, italic = _trailing_heading(el, stks), False, True
    if trailing is None:
        (trailing, copy), italic = _heading_in_text(el, stks, ctx), False
    paragraffer = _build(_groups(label, stks, trailing), label, ctx)
    if trailing is not None:
        text = rubrica_text(trailing, ctx)
        ctx.problems.append(_trailing_problem(label, text, copy, italic, ctx.file))
        if not copy:
            paragraffer.append(new_node(OVERSKRIFT, text=text))
    return [*headings, *paragraffer] if headings else paragraffer


def _trailing_problem(label: str, text: str, copy: bool, italic: bool, file: str | None) -> Problem:
    if italic:
        what = f"italic line at the end of § {label} read as the heading of the next §"
        return Problem("XML_TRAILING_HEADING", what, "warning", address=f"§ {label}", file=file)
    done = "dropped: a copy of the next §'s heading" if copy else "read as the heading of the next §"
    what = f"last line of § {label} {text!r} {done}"
    return Problem("XML_HEADING_IN_TEXT", what, "warning", address=f"§ {label}", file=file)


_LABEL_START = frozenset("S§")


@lru_cache(maxsize=1024)
def _stk_number(explicatus_text: str | None) -> str | None:
    """`stk_label(label_of(explicatus))` of an Explicatus without children, by its text ("Stk. 2.")."""
    return stk_label(clean(explicatus_text or ""))


def _simple_paragraf(el: etree._Element, ctx: Context) -> list[Node] | None:
    """The common § (four in five in the corpus) in one pass: an Explicatus, then Stk elements of
    an optional Explicatus and one Exitus of text lines only. For such a § the general route
    (`_groups`, `_build`, `unit_node`) finds no slip to tolerate but a typed label line, makes one
    stk per Stk and no list, table, note or trailing heading: the same nodes are built here
    directly. None for any other shape, before anything is recorded in `ctx`."""
    explicatus = None
    labels: list[str | None] = []
    texts: list[str] = []
    typed = ""  # a "§ 78." typed as the first line of the first Stk
    for child in kids(el):
        tag = child.tag
        if tag == "Stk":
            parts = kids(child)
            n = len(parts)
            if n == 2:
                first, ex = parts
                if first.tag != "Explicatus":
                    return None
                lbl = stk_label(label_of(first)) if len(first) else _stk_number(first.text)
            elif n == 1:
                ex, lbl = parts[0], None
            else:
                return None
            if lbl is None and labels:
                return None  # (an unnumbered later Stk continues the one before it)
            text = plain_text(ex)
            if text is None:
                return None
            if text[:1] in _LABEL_START:  # "Stk. 4." typed as a text line (cleaned: the start of `text`)
                line = first_line(ex)
                if _is_label_line(line):
                    text = text[len(line) + 1 :]
                    if not labels and line[:1] == "§":
                        typed = line
            labels.append(lbl)
            texts.append(text[2:] if text.startswith(". ") else text)
        elif tag == "Explicatus" and explicatus is None:
            explicatus = child
        else:
            return None
    if not labels:
        return None
    label = _checked_label(label_of(explicatus), ctx)
    if not label and typed:
        label = _typed_label(typed, ctx)
    pid = paragraf_id(label)
    if len(texts) == 1:  # (one stk: half the §§)
        text = texts[0]
        if text[:1] == "(" and _REPEALED.fullmatch(text):
            return [new_node(PARAGRAF, label=label, repealed=True, id=pid)]
        number = labels[0] or "1"
        stk = new_node(STK, number, None, text, (), False, f"{pid}-stk{number}")
        return [new_node(PARAGRAF, label, None, "", (stk,), False, pid)]
    stks: list[Node] = []
    for i, (lbl, text) in enumerate(zip(labels, texts, strict=True), 1):
        number = lbl or str(i)
        stks.append(new_node(STK, number, None, text, (), False, f"{pid}-stk{number}"))
    return [new_node(PARAGRAF, label, None, "", tuple(stks), False, pid)]


def _trailing_heading(el: etree._Element, stks: list[etree._Element]) -> etree._Element | None:
    """A drafting slip: the heading of the next § typed as an italic-only last Exitus of this §'s
    last stk, after its list or table (LBK 1288/2016 § 20). Returns that Exitus, else None."""
    if not stks or len(stks[-1]) < 3:
        return None
    last, before = stks[-1][-1], stks[-1][-2]
    if last.tag != "Exitus" or before.tag != "Exitus" or len(last) != 1 or last[0].tag != "Linea":
        return None
    if not any(child.tag in ("Index", "Table") for child in kids(before)):
        return None
    chars = [ch for ch in kids(last[0]) if ch.tag == "Char"]
    if not chars or any(ch.get("formaChar") != "Italic" for ch in chars):
        return None
    nxt = el.getnext()
    return last if nxt is not None and nxt.tag == "Paragraf" else None


_NUMBERED_HEADING = re.compile(r"\d{1,2}\.")  # "5." before "Sødygtighedssyn" (LBK 73/2014 § 55)
# a heading is words ending in a letter ("… m.v. efter sundhedsloven", "… i et EU/EØS-land", "… de
# første 2 uger af sygeperioden …"): no formula signs, no amount at its end ("A = B × C", "Kr. 5.000")
_HEADING_WORDS = re.compile(r"[^\W\d_][^=×+*<>%§|]*[^\W\d_]|[^\W\d_]")
_SENTENCE_END = (".", ":", ";", ",", "»", "«", ")", "!", "?")


def _heading_in_text(
    el: etree._Element, stks: list[etree._Element], ctx: Context
) -> tuple[etree._Element | None, bool]:
    """A drafting slip (issue 15): the mellemrubrik of the next § typed as a text line of its own (an
    Exitus after the stk's text) at the end of this §'s last stk: one line, or "5." + one line,
    starting with a capital and without the punctuation that ends a sentence. Real examples: LBK
    1500/2015 § 16 ends in "Værditab på fast ejendom ved opstilling af vindmøller på testcenteret",
    the heading of §§ 17-21; LBK 1253/2013 § 138 in "Indsendelse for virksomheder under afvikling
    eller rekonstruktion"; LBK 278/2013 § 58 c in "Fælles bestemmelser om betaling for administration,
    forrentning og udpantning", which also heads § 59 as a Rubrica: a copy, dropped. Read as a
    heading only where the next § follows in the same group or the next group; returns (that Exitus,
    whether it copies the next heading) or (None, False)."""
    if not stks:
        return None, False
    parts = [kid for kid in kids(stks[-1]) if kid.tag != "Explicatus" and isinstance(kid.tag, str)]
    if len(parts) < 2 or parts[-1].tag != "Exitus" or not 1 <= len(parts[-1]) <= 2:
        return None, False
    last = parts[-1]
    linea = kids(last)
    if any(part.tag != "Linea" for part in linea):
        return None, False
    lines = [line_text(part) for part in linea]
    if len(lines) == 2 and not _NUMBERED_HEADING.fullmatch(lines[0]):
        return None, False
    text = lines[-1]
    if not text[:1].isupper() or text.endswith(_SENTENCE_END) or not _HEADING_WORDS.fullmatch(text):
        return None, False
    before = parts[-2]
    if before.tag == "Exitus" and len(before) and line_text(before[-1]).rstrip().endswith(":"):
        return None, False  # "… følgende formel:" announces what follows: no heading can stand there
    nxt, parent = el.getnext(), el.getparent()
    if nxt is None and parent is not None and parent.tag == "ParagrafGruppe":
        nxt = parent.getnext()
    if nxt is None or nxt.tag not in ("Paragraf", "ParagrafGruppe"):
        return None, False
    heading = first_child(nxt, "Rubrica")
    copy = heading is not None and rubrica_text(heading, ctx) == rubrica_text(last, ctx)
    return last, copy


def _typed_first_label(stks: list[etree._Element], ctx: Context) -> str:
    """A § without an Explicatus whose first text line is its label, typed in bold ("<Paragraf><Stk><Exitus>
    <Linea><Char formaChar="Bold">§ 78.</Char></Linea><Linea>Ingen må modtage …": serviceloven § 78 in LBK
    1096/2010, LBK 81/2011 and LBK 904/2011): that label (said as XML_LABEL); else "" as before."""
    first = first_child(stks[0], "Exitus") if stks else None
    line = first_line(first) if first is not None else ""
    return _typed_label(line, ctx) if _PAR_LINE.fullmatch(line) else ""


def _typed_label(line: str, ctx: Context) -> str:
    m = _PAR_LINE.fullmatch(line)
    label = paragraf_label(m[1]) if m else ""
    if label:
        ctx.problems.append(Problem("XML_LABEL", f"§ {label} has no Explicatus; its label is read from its first "
                                    "line", "warning", file=ctx.file))
    return label


# the label slips paragraf_label reads (said): a comma for the full stop ("§ 20 A,", LBK 1148/2016), a full stop
# between number and letter ("§ 5. E", LBK 680/2015)
_LABEL_SLIP = re.compile(r"\d+\s*[A-Za-zÆØÅæøå]?\s*,|\d+\.\s*[A-Za-zÆØÅæøå]")


def _checked_label(explicatus: str, ctx: Context) -> str:
    label = paragraf_label(explicatus)
    if label in ("l", "I"):  # "§ l": letter l typed for the digit 1
        ctx.problems.append(Problem("XML_LABEL", f"§ label {label!r} read as '1'", "warning", file=ctx.file))
        label = "1"
    elif _LABEL_SLIP.fullmatch(explicatus.replace("§", "").strip().rstrip(".").strip()):  # "§ 20 A,", "§ 5. E"
        ctx.problems.append(Problem("XML_LABEL", f"§ label {explicatus.strip()!r} read as {label!r}", "warning",
                                    file=ctx.file))
    return label


def _groups(label: str, stks: list[etree._Element], skip: etree._Element | None = None) -> list[_Group]:
    groups: list[_Group] = []
    for stk in stks:
        parts = [kid for kid in kids(stk) if kid is not skip] if skip is not None else kids(stk)
        lbl = None
        for kid in parts:
            if kid.tag == "Explicatus":
                lbl = stk_label(label_of(kid))
                break
        if lbl is None and groups:
            lbl = ""  # continuation of the previous stk
        current: list[etree._Element] = []
        # after a "§ 14 g." typed as a text line, the later Stk of the element belong to that § (LBK
        # 1081/2015, ligningsloven: § 14 G's stk. 2 and 3 stand in § 14 F's Paragraf element)
        groups.append((groups[-1][0] if groups else label, lbl, current))
        for child in parts:
            tag = child.tag
            if tag == "Exitus" and (current or groups[-1][1] == ""):
                line = first_line(child)
                if _is_label_line(line):
                    m_par = _PAR_LINE.fullmatch(line)
                    m_stk = _STK_LINE.fullmatch(line)
                    par = _same_case(paragraf_label(m_par[1]), groups[-1][0]) if m_par else groups[-1][0]
                    current = [child]
                    groups.append((par, m_stk[1] if m_stk else "1", current))
                    continue
            if tag != "Explicatus":
                current.append(child)
    return groups


def _same_case(label: str, before: str) -> str:
    """A § label typed as a text line takes the letter case of the § it follows ("§ 14 g." after
    "§ 14 F": the law letters its §§ in capitals, as the LBK prints "§ 14 G")."""
    if label[-1:].isalpha() and before[-1:].isalpha() and label[:-1].strip() == before[:-1].strip():
        return label[:-1] + (label[-1].upper() if before[-1].isupper() else label[-1].lower())
    return label


def _build(groups: list[_Group], label: str, ctx: Context) -> list[Node]:
    out: list[Node] = []  # finished PARAGRAF nodes
    par: str | None = None
    pid = ""
    stks: list[Node] = []
    continued: set[int] = set()  # stks that took in unlabelled Stk elements

    def finish() -> None:
        pid = paragraf_id(par)
        for i in continued:  # unlabelled Stk after a stk: maybe numbered definitions
            stks[i] = numbered_definitions(stks[i])
        continued.clear()
        only = stks[0] if len(stks) == 1 else None
        if only is not None and not only.children and _REPEALED.fullmatch(only.text):
            out.append(new_node(PARAGRAF, label=par, repealed=True, id=pid))
        else:
            out.append(new_node(PARAGRAF, label=par, children=tuple(stks), id=pid))

    for group_par, lbl, elements in groups:
        if par is None or group_par != par:
            if par is not None:
                finish()
            par, stks = group_par, []
            pid = paragraf_id(par)
        if lbl == "" and stks:
            extra = _stk(elements, "", pid, ctx, skip_label_line=False)
            if extra.text or extra.children:
                prev = stks[-1]
                tail = (new_node(TEKST, text=extra.text),) if extra.text else ()
                stks[-1] = prev.with_(children=(*prev.children, *tail, *extra.children))
                continued.add(len(stks) - 1)
            continue
        node = _stk(elements, lbl or str(len(stks) + 1), pid, ctx, skip_label_line=True)
        if node.text.startswith(". "):
            node = node.with_(text=node.text[2:])  # "§ 5" + text line "." (dot typed in the text)
        stks.append(node)
    if par is None:
        par = label
    finish()
    return out


def _stk(
    elements: list[etree._Element], label: str, pid: str, ctx: Context, *, skip_label_line: bool
) -> Node:
    """Stk: own text (intro before a list/table), NR/LITRA children, then TEKST for what follows.
    With `skip_label_line`, a first text line that is only "Stk. 4." / "§ 17 f." is dropped."""
    sid = f"{pid}-stk{label}"
    return unit_node(STK, label, sid, elements, ctx, _is_label_line if skip_label_line else None)


def amending_paragraf_nodes(el: etree._Element, ctx: Context) -> list[Node]:
    """AendringCentreretParagraf: "§ 1" + opening sentence + numbered changes, as one stk."""
    out: list[Node] = []
    explicatus = None
    text = Pieces()
    for child in kids(el):
        tag = child.tag
        if tag == "Rubrica":
            out.append(new_node(OVERSKRIFT, text=rubrica_text(child, ctx)))
        elif tag == "Exitus":
            exitus_into(child, text, ctx)
        elif tag == "AendringsNummer":
            aendringsnummer_into(child, ctx, text)
        elif tag == "Explicatus" and explicatus is None:
            explicatus = child
    if explicatus is None and not text:
        return out  # a ministry heading standing alone in an omnibus law
    label = _checked_label(label_of(explicatus), ctx)
    pid = paragraf_id(label)
    stk = new_node(STK, label="1", text=text.text(), id=f"{pid}-stk1")
    out.append(new_node(PARAGRAF, label=label, children=(stk,) if text else (), id=pid))
    return out


def stray_stk_text(el: etree._Element, ctx: Context) -> str:
    """The own text of a Stk standing outside any Paragraf (kept as text, no invented §)."""
    return _stk(kids(el), "1", "", ctx, skip_label_line=False).text
