"""Stage 1 (LexDania XML reader): Retsinformation LexDania 2.1 XML bytes → ParseResult (Document tree).

Direct tag dispatch over lxml children (no XPath per node). Official notes (Nota) stay as markers
in the text and become NOTE nodes at the end; LBK commencement notes (Ikraft) become NOTE nodes.
"""

from __future__ import annotations

import re

from lxml import etree

from parsers.model import Document, Kind, Node, ParseResult, Problem, normalize_label
from parsers.xml_lists import index_nodes
from parsers.xml_meta import (
    division_label,
    kapitel_label,
    load_xml,
    paragraf_label,
    read_meta,
    stk_label,
)
from parsers.xml_text import (
    Context,
    Pieces,
    aendringsnummer_into,
    clean,
    exitus_into,
    exitus_text,
    label_of,
    linea_text,
    note,
    payload_lines,
    table_rows,
)

__all__ = ["load_xml", "parse_lexdania"]

_REPEALED = re.compile(r"\((?:[Oo]phævet)\.?\)\.?")


def _slug(label: str | None) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", label or "")


def parse_lexdania(data: bytes, *, file: str | None = None) -> ParseResult:
    """Read a LexDania document (LOV, LOV Æ, LBK, BEK, BEK Æ) into the common tree."""
    root = load_xml(data, file=file)
    meta = read_meta(root, file=file)
    ctx = Context(file=file)
    title_note = None
    group = root.find("TitelGruppe")
    if group is not None:
        for titel in group.iterchildren("Titel"):
            for nota in titel.iterchildren("Nota"):
                ex = [exitus_text(e, ctx) for e in nota.iterchildren("Exitus")]
                marker = label_of(nota.find("Explicatus"))
                title_note = " ".join([marker, *ex]).strip()
                ctx.notes.append((marker.rstrip(")").strip(), " ".join(ex)))
    preamble: list[str] = []
    children: list[Node] = []
    body = root.find("DokumentIndhold")
    if body is not None:
        for el in body.iterchildren():
            tag = el.tag
            if tag in ("Indledning", "Hymne"):
                preamble.extend(exitus_text(ex, ctx) for ex in el.iterchildren("Exitus"))
            elif tag == "Ikraft":
                children.append(_ikraft(el, ctx))
            else:
                children.extend(_structure(el, ctx))
    children = _merge_split(children, ctx)
    for el in root.iterchildren("UnderskriftGruppe"):
        sign = _underskrift(el)
        if sign is not None:
            children.append(sign)
    for el in root.iterchildren("Bilag"):
        children.append(_bilag(el, ctx))
    children.extend(Node(Kind.NOTE, label=lbl, text=txt, id=f"note{_slug(lbl)}") for lbl, txt in ctx.notes)
    doc = Document(
        meta=meta,
        preamble="\n".join(p for p in preamble if p) or None,
        children=_heading_ids(tuple(children)),
        title_note=title_note,
    )
    return ParseResult(document=doc, problems=tuple(ctx.problems))


# ----------------------------------------------------------------------------------- structure


def _structure(el: etree._Element, ctx: Context) -> list[Node]:
    """One structural element → nodes (containers without a label are flattened)."""
    tag = el.tag
    if tag == "Paragraf" or tag == "IkraftCentreretParagraf":
        return _paragraf(el, ctx)
    if tag == "AendringCentreretParagraf":
        return _amending_paragraf(el, ctx)
    if tag == "ParagrafGruppe":
        out: list[Node] = []
        for child in el.iterchildren():
            if child.tag == "Rubrica":
                out.append(_overskrift(child, ctx))
            elif isinstance(child.tag, str):
                out.extend(_structure(child, ctx))
        return out
    if tag in ("Bog", "Afsnit", "Kapitel"):
        return _division(el, ctx)
    if tag == "Stk":  # a stray Stk directly in a group: keep its text, no invented §
        return [Node(Kind.TEKST, text=_stk(list(el), "1", "", ctx).text)]
    return []


def _division(el: etree._Element, ctx: Context) -> list[Node]:
    raw = label_of(el.find("Explicatus"))
    heading_el = el.find("Rubrica")
    heading = _rubrica_text(heading_el, ctx) if heading_el is not None else None
    inner: list[Node] = []
    for child in el.iterchildren():
        if child.tag not in ("Explicatus", "Rubrica") and isinstance(child.tag, str):
            inner.extend(_structure(child, ctx))
    if el.tag == "Bog":  # no Bog level in the model: its heading becomes a heading line
        if raw or heading:
            text = " ".join(x for x in (raw, heading) if x)
            return [Node(Kind.OVERSKRIFT, text=text), *inner]
        return inner
    if not raw and not heading:
        return inner
    if el.tag == "Kapitel":
        label = kapitel_label(raw) if raw else None
        return [
            Node(
                Kind.KAPITEL,
                label=label,
                heading=heading,
                children=_heading_ids(tuple(inner)),
                id=f"kap{_slug(label)}" if label else "",
            )
        ]
    label = division_label(raw, "afsnit") if raw else None
    return [
        Node(
            Kind.AFSNIT,
            label=label,
            heading=heading,
            children=_heading_ids(tuple(inner)),
            id=f"afsnit{_slug(label)}" if label else "",
        )
    ]


def _rubrica_text(el: etree._Element, ctx: Context) -> str:
    out = Pieces()
    exitus_into(el, out, ctx)  # a Rubrica holds Linea/Nota like an Exitus
    return out.text()


def _overskrift(el: etree._Element, ctx: Context) -> Node:
    return Node(Kind.OVERSKRIFT, text=_rubrica_text(el, ctx))


_STK_LINE = re.compile(r"Stk\. (\d+)\.")
_PAR_LINE = re.compile(r"§ (\d+(?: ?[a-zA-Z])?)\.")


def _first_line(ex: etree._Element) -> str:
    first = ex.find("Linea")
    return clean(linea_text(first)) if first is not None else ""


def _paragraf(el: etree._Element, ctx: Context) -> list[Node]:
    """Paragraf → PARAGRAF(s). Tolerated drafting slips: "Stk. 4." or "§ 17 f." typed as a text
    line inside the previous stk starts a new stk/§; an unnumbered later Stk is text after a list."""
    raw = label_of(el.find("Explicatus"))
    label = paragraf_label(raw)
    if label in ("l", "I"):  # "§ l": letter l typed for the digit 1
        ctx.problems.append(Problem("xml-label", f"§ label {label!r} read as '1'", "warning", file=ctx.file))
        label = "1"
    groups: list[tuple[str, str | None, list[etree._Element]]] = []  # (§, stk label, elements)
    for stk in el.iterchildren("Stk"):
        lbl = stk_label(label_of(stk.find("Explicatus")))
        if lbl is None and groups:
            lbl = ""  # continuation of the previous stk
        current: list[etree._Element] = []
        groups.append((label, lbl, current))
        for child in stk.iterchildren():
            if child.tag == "Exitus" and (current or groups[-1][1] == ""):
                line = _first_line(child)
                m_stk, m_par = _STK_LINE.fullmatch(line), _PAR_LINE.fullmatch(line)
                if m_stk or m_par:
                    par = paragraf_label(m_par[1]) if m_par else groups[-1][0]
                    current = [child]
                    groups.append((par, m_stk[1] if m_stk else "1", current))
                    continue
            if child.tag != "Explicatus":
                current.append(child)
    out: list[Node] = []
    stks: list[Node] = []
    for par, lbl, elements in groups:
        if (out and par != out[-1].label) or not out:
            if out:
                out[-1] = out[-1].with_(children=tuple(stks))
            out.append(Node(Kind.PARAGRAF, label=par, id=f"p{_slug(par)}"))
            stks = []
        pid = out[-1].id
        if lbl == "" and stks:
            extra = _stk(elements, "", pid, ctx, skip_first_line=False)
            if extra.text or extra.children:
                prev = stks[-1]
                tail = (Node(Kind.TEKST, text=extra.text),) if extra.text else ()
                stks[-1] = prev.with_(children=(*prev.children, *tail, *extra.children))
            continue
        number = lbl or str(len(stks) + 1)
        skip = (
            bool(elements)
            and elements[0].tag == "Exitus"
            and bool(
                _STK_LINE.fullmatch(_first_line(elements[0])) or _PAR_LINE.fullmatch(_first_line(elements[0]))
            )
        )
        node = _stk(elements, number, pid, ctx, skip_first_line=skip)
        if node.text.startswith(". "):
            node = node.with_(text=node.text[2:])  # "§ 5" + text line "." (dot typed in the text)
        stks.append(node)
    if out:
        out[-1] = out[-1].with_(children=tuple(stks))
    else:
        out.append(Node(Kind.PARAGRAF, label=label, id=f"p{_slug(label)}"))
    for i, node in enumerate(out):
        kids = node.children
        if len(kids) == 1 and not kids[0].children and _REPEALED.fullmatch(kids[0].text):
            out[i] = node.with_(repealed=True, children=())
    return out


def _stk(
    elements: list[etree._Element], label: str, pid: str, ctx: Context, *, skip_first_line: bool = False
) -> Node:
    """Stk: own text (intro before a list/table), NR/LITRA children, then TEKST for what follows."""
    sid = f"{pid}-stk{label}"
    own = Pieces()
    children: list[Node] = []
    after = Pieces()

    def flush() -> None:
        if after:
            children.append(Node(Kind.TEKST, text=after.text()))
            after.parts.clear()

    for child in elements:
        tag = child.tag
        if tag == "Exitus":
            for part in child.iterchildren():
                ptag = part.tag
                target = after if children else own
                if ptag == "Linea":
                    if skip_first_line:
                        skip_first_line = False
                        continue
                    target.add(linea_text(part))
                elif ptag == "Nota":
                    target.glue(note(part, ctx))
                elif ptag == "Index":
                    flush()
                    children.extend(index_nodes(part, sid, ctx))
                elif ptag == "Table":
                    flush()
                    children.extend(Node(Kind.TEKST, text=row) for row in table_rows(part, ctx))
        elif tag == "AendringsNummer":
            aendringsnummer_into(child, ctx, after if children else own)
    flush()
    return Node(Kind.STK, label=label, text=own.text(), children=tuple(children), id=sid)


def _amending_paragraf(el: etree._Element, ctx: Context) -> list[Node]:
    """AendringCentreretParagraf: "§ 1" + opening sentence + numbered changes, as one stk."""
    out: list[Node] = []
    label = paragraf_label(label_of(el.find("Explicatus")))
    pid = f"p{_slug(label)}"
    text = Pieces()
    for child in el.iterchildren():
        tag = child.tag
        if tag == "Rubrica":
            out.append(_overskrift(child, ctx))
        elif tag == "Exitus":
            exitus_into(child, text, ctx)
        elif tag == "AendringsNummer":
            aendringsnummer_into(child, ctx, text)
    if el.find("Explicatus") is None and not text:
        return out  # a ministry heading standing alone in an omnibus law
    stk = Node(Kind.STK, label="1", text=text.text(), id=f"{pid}-stk1")
    out.append(Node(Kind.PARAGRAF, label=label, children=(stk,) if text else (), id=pid))
    return out


def _ikraft(el: etree._Element, ctx: Context) -> Node:
    """LBK commencement note (the amending law's own ikraft §§): one NOTE, all its lines as text."""
    lines = Pieces()
    for child in el.iterchildren():
        if child.tag == "Exitus":
            exitus_into(child, lines, ctx)
        elif isinstance(child.tag, str):
            payload_lines(child, ctx, lines)
    return Node(Kind.NOTE, text=lines.text(), id=f"ikraft{len(ctx.notes)}-{id(el) % 10007}")


def _underskrift(el: etree._Element) -> Node | None:
    parts = Pieces()
    for child in el.iterchildren():
        if isinstance(child.tag, str):
            parts.add(" ".join(str(t) for t in child.itertext()))
    return Node(Kind.UNDERSKRIFT, text=parts.text()) if parts else None


def _bilag(el: etree._Element, ctx: Context) -> Node:
    raw = label_of(el.find("Explicatus"))
    m = re.search(r"\d+\s*[a-zA-Z]?$", raw)
    label = normalize_label(m[0]) if m else None
    rub = el.find("Rubrica")
    heading = _rubrica_text(rub, ctx) if rub is not None else None
    lines = Pieces()
    for content in el.iterchildren("BilagIndhold"):
        payload_lines(content, ctx, lines)
    kids = tuple(Node(Kind.TEKST, text=t) for t in lines.parts)
    return Node(
        Kind.BILAG,
        label=label,
        heading=heading,
        children=kids,
        id=f"bilag{_slug(label)}" if label else "bilag",
    )


def _merge_split(nodes: list[Node], ctx: Context) -> list[Node]:
    """ "§ 3" standing alone followed by an unnumbered § (a § split in two elements) → one §."""
    out: list[Node] = []
    for node in nodes:
        prev = out[-1] if out else None
        if (
            node.kind is Kind.PARAGRAF
            and not node.label
            and prev is not None
            and prev.kind is Kind.PARAGRAF
            and prev.label
            and not prev.children
        ):
            ctx.problems.append(
                Problem(
                    "xml-split-paragraf", f"§ {prev.label} split in two elements", "warning", file=ctx.file
                )
            )
            kids = tuple(k.with_(id=k.id.replace("p-", f"{prev.id}-", 1)) for k in node.children)
            out[-1] = prev.with_(children=kids)
            continue
        out.append(node)
    return out


def _heading_ids(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
    """OVERSKRIFT before § 5 → "h-p5" (stacked: "h-p5-2"); others "h-<position>"."""
    out = list(nodes)
    run: list[int] = []
    for i, node in enumerate(out):
        if node.kind is Kind.OVERSKRIFT and not node.id:
            run.append(i)
            continue
        if run:
            base = f"h-{node.id}" if node.kind is Kind.PARAGRAF and node.id else f"h-{i}"
            for k, j in enumerate(run):
                out[j] = out[j].with_(id=base if k == 0 else f"{base}-{k + 1}")
            run = []
    for k, j in enumerate(run):
        out[j] = out[j].with_(id=f"h-end-{k + 1}")
    return tuple(out)
