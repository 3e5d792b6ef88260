"""Stage 3 (renderers): a Publication → Akoma Ntoso 3.0 `<act>` (OASIS LegalDocML) as UTF-8 bytes.

The body follows the Danish hierarchy (afsnit/kapitel/§/stk./nr./litra → part/chapter/section/
subsection/paragraph/point, `num` and `heading` as printed) with eIds by the AKN naming convention
(`chp_4__sec_26__subsec_2__para_1`); the history goes into the meta block (`renderers.akn_meta`).
`validate_akn` checks bytes against the official AKN 3.0 schema vendored in `renderers/schemas/`.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from lxml import etree

from lovkons.model.document import Kind
from lovkons.parsers.akn import BOG, ELEMENTS, HCONTAINERS, PLACEHOLDER
from lovkons.renderers.akn_layout import E, Placed, layout, printed_num
from lovkons.renderers.akn_meta import act_name, identification, meta_block
from lovkons.renderers.publication import Publication

SCHEMA = "akomantoso30.xsd"


# ------------------------------------------------------------------------------------------- body


def paras(text: str, *, tombstone: bool = False) -> list[etree._Element]:
    """One `<p>` per line; a tombstone without text shows "(Ophævet)" as a placeholder."""
    if not text:
        return [E("p", text="(Ophævet)", class_=PLACEHOLDER)] if tombstone else [E("p")]
    return [E("p", text=line) for line in text.split("\n")]


def unit(p: Placed, first: bool = False) -> etree._Element:
    """One unit as an AKN hierarchy element (or hcontainer) with num, heading and its text."""
    node = p.node
    if p.book:
        m = BOG.fullmatch(node.text)
        assert m is not None
        head = [E("heading", text=m["title"])] if m["title"] else []
        return E("book", E("num", text=m["num"]), *head, *(unit(c) for c in p.children), eId=p.eid)
    if node.kind in ELEMENTS:
        el = E(ELEMENTS[node.kind][0], eId=p.eid)
    else:
        el = E("hcontainer", eId=p.eid, name=HCONTAINERS[node.kind])
    if node.repealed:
        el.set("status", "removed")
    num = printed_num(node, first)
    if num:
        el.append(E("num", text=num))
    heading = node.heading
    text = node.text
    if node.kind is Kind.OVERSKRIFT and heading is None:
        heading, text = text, ""
    if heading is not None:
        el.append(E("heading", text=heading))
    kids = [unit(c, i == 0 and node.kind is Kind.PARAGRAF) for i, c in enumerate(p.children)]
    if kids:
        if text:
            el.append(E("intro", *paras(text)))
        el.extend(kids)
    elif text or node.repealed or node.kind is not Kind.OVERSKRIFT:
        el.append(E("content", *paras(text, tombstone=node.repealed)))
    return el


def signature(p: Placed) -> etree._Element:
    return E("container", *paras(p.node.text), eId=p.eid, name=HCONTAINERS[p.node.kind])


def attachment(p: Placed, pub: Publication, number: int) -> etree._Element:
    """A trailing bilag as `<attachment><doc name="bilag">` with its own FRBR identification."""
    node = p.node
    preface = []
    num = printed_num(node, False)
    if num:
        preface.append(E("p", E("docNumber", text=num)))
    if node.heading is not None:
        preface.append(E("p", E("docTitle", text=node.heading)))
    body = (paras(node.text) if node.text or not p.children else []) + [unit(c) for c in p.children]
    meta = E("meta", identification(pub, f"bilag_{number}"))
    parts = [meta, E("preface", *preface)] if preface else [meta]
    return E("attachment", E("doc", *parts, E("mainBody", *body), name="bilag"), eId=p.eid)


def render_akn(pub: Publication) -> bytes:
    """The complete AKN 3.0 document (deterministic bytes: no timestamps, stable order)."""
    doc = pub.document
    lay = layout(doc)
    act = E("act", meta_block(pub, lay), name=act_name(doc.meta.kind), contains=_contains(pub))
    preface = []
    if doc.meta.title:
        preface.append(E("longTitle", E("p", E("docTitle", text=doc.meta.title)), eId="longTitle"))
    if doc.title_note:
        preface.append(E("p", text=doc.title_note, class_="titlenote"))
    if preface:
        act.append(E("preface", *preface))
    if doc.preamble:
        act.append(E("preamble", *paras(doc.preamble), eId="preamble"))
    # an empty body still holds one unit: the schema wants at least one
    act.append(E("body", *([unit(p) for p in lay.body] or [E("hcontainer", eId="hcontainer_1", name="tom")])))
    if lay.conclusions:
        act.append(E("conclusions", *(signature(p) for p in lay.conclusions)))
    if lay.attachments:
        act.append(E("attachments", *(attachment(p, pub, i) for i, p in enumerate(lay.attachments, 1))))
    root = E("akomaNtoso", act)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _contains(pub: Publication) -> str:
    """"originalVersion" for the text as issued, "singleVersion" for a consolidated version."""
    return "singleVersion" if pub.applied or pub.changes else "originalVersion"


# ------------------------------------------------------------------------------------- validation


def schema_path() -> Path:
    return Path(str(files("lovkons.renderers") / "schemas" / SCHEMA))


@cache
def schema() -> etree.XMLSchema:
    """The official AKN 3.0 schema (OASIS, 2018), read once per process."""
    return etree.XMLSchema(etree.parse(str(schema_path())))


def validate_akn(data: bytes) -> list[str]:
    """Schema errors as "line N: message" (empty when valid)."""
    root = etree.fromstring(data, etree.XMLParser(huge_tree=True))
    checker = schema()
    if checker.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in checker.error_log]  # type: ignore[attr-defined]
