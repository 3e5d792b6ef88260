"""Stage 1 (LexDania divisions): Bog/Afsnit/Kapitel/ParagrafGruppe elements → AFSNIT, KAPITEL and
OVERSKRIFT nodes around the PARAGRAF nodes (containers without a label are flattened).

Input: lxml elements; output: Node lists with heading ids. Used by `parsers.lexdania`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from lovkons.model.document import Kind, Node, Problem
from lovkons.parsers.ids import slug
from lovkons.parsers.node_factory import new_node, with_id
from lovkons.parsers.xml_meta import division_label, kapitel_label
from lovkons.parsers.xml_paragraf import amending_paragraf_nodes, paragraf_nodes, stray_stk_text
from lovkons.parsers.xml_text import Context, kids, label_of, rubrica_text

_DIVISIONS = ("Bog", "Afsnit", "Kapitel")

# the kapitel label slips kapitel_label reads (said, as the § label slips are: XML_LABEL): the word misspelt
# ("Kapital 3", LBK 1113/2013; "Kapite1 15 a", LBK 1291/2015), cut short ("Kap. X A", LBK 963/2010) or run into
# the number ("Kapitel12", LOV 1606/2013; "Kapitel1", LBK 1090/2015). Printed right: "Kapitel 3", "1. kapitel".
_KAPITEL_SLIP = re.compile(r"(?i)kap(?!itel\s)")


# an afsnit whose label stands as its first heading line and its heading as the second: "Afsnit VI" /
# "Beskæftigelsesankenævn" (LBK 731/2010, all 7 afsnit), "Afsnit III" / "Den skattepligtige indkomst" (LBK 1376/2010);
# read as if the label were its Explicatus ("Afsnit VI ophæves.", LOV 493/2013 § 9, nr. 1, was refused)
_AFSNIT_LINE = re.compile(r"(?i)afsnit\s+[IVXLC]+\.?")


def structure_nodes(el: etree._Element, ctx: Context) -> list[Node]:
    """One structural element → nodes."""
    tag = el.tag
    if tag == "Paragraf" or tag == "IkraftCentreretParagraf":
        return paragraf_nodes(el, ctx)
    if tag == "AendringCentreretParagraf":
        return amending_paragraf_nodes(el, ctx)
    if tag == "ParagrafGruppe":
        out: list[Node] = []
        for child in kids(el):
            if child.tag == "Rubrica":
                out.append(new_node(Kind.OVERSKRIFT, text=rubrica_text(child, ctx)))
            elif isinstance(child.tag, str):
                out.extend(structure_nodes(child, ctx))
        return out
    if tag in _DIVISIONS:
        return _division(el, ctx)
    if tag == "Stk":  # a stray Stk directly in a group: keep its text, no invented §
        return [new_node(Kind.TEKST, text=stray_stk_text(el, ctx))]
    return []


def _division(el: etree._Element, ctx: Context) -> list[Node]:
    explicatus = None
    rubricas: list[etree._Element] = []
    body: list[etree._Element] = []
    for child in kids(el):
        tag = child.tag
        if tag == "Explicatus":
            explicatus = explicatus if explicatus is not None else child
        elif tag == "Rubrica":
            rubricas.append(child)
        elif isinstance(tag, str):
            body.append(child)
    raw = label_of(explicatus)
    # each heading line read once: reading one keeps its notes (a second read would keep them twice)
    heading = rubrica_text(rubricas[0], ctx) if rubricas else None
    if not raw and el.tag == "Afsnit" and len(rubricas) > 1 and heading is not None and _AFSNIT_LINE.fullmatch(heading):
        raw, heading = heading, rubrica_text(rubricas[1], ctx)  # the label printed as the first heading line
    inner: list[Node] = []
    for child in body:
        inner.extend(structure_nodes(child, ctx))
    if el.tag == "Bog":  # no Bog level in the model: its heading becomes a heading line
        if raw or heading:
            text = " ".join(x for x in (raw, heading) if x)
            return [new_node(Kind.OVERSKRIFT, text=text), *inner]
        return inner
    if not raw and not heading:
        return inner
    if el.tag == "Kapitel":
        label = kapitel_label(raw) if raw else None
        if raw and _KAPITEL_SLIP.match(raw):
            ctx.problems.append(Problem("XML_LABEL", f"kapitel label {raw!r} read as {label!r}", "warning",
                                        file=ctx.file))
        kind, nid = Kind.KAPITEL, f"kap{slug(label)}" if label else ""
    else:
        label = division_label(raw, "afsnit") if raw else None
        kind, nid = Kind.AFSNIT, f"afsnit{slug(label)}" if label else ""
    return [new_node(kind, label=label, heading=heading, children=heading_ids(tuple(inner)), id=nid)]


_OVERSKRIFT, _PARAGRAF = Kind.OVERSKRIFT, Kind.PARAGRAF  # (an enum member looked up once)


def heading_ids(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
    """OVERSKRIFT before § 5 → "h-p5" (stacked: "h-p5-2"); others "h-<position>"."""
    out = list(nodes)
    run: list[int] = []
    for i, node in enumerate(out):
        if node.kind is _OVERSKRIFT and not node.id:
            run.append(i)
            continue
        if run:
            base = f"h-{node.id}" if node.kind is _PARAGRAF and node.id else f"h-{i}"
            for k, j in enumerate(run):
                out[j] = with_id(out[j], base if k == 0 else f"{base}-{k + 1}")
            run = []
    for k, j in enumerate(run):
        out[j] = with_id(out[j], f"h-end-{k + 1}")
    return tuple(out)


def say_unlabelled(nodes: Sequence[Node], ctx: Context) -> None:
    """Every § read without a label, said with its place (XML_NO_LABEL): no Explicatus, an empty one, a lone "§ "
    (mostly a "(Ophævet)" standing for the §§ of a repealed kapitel: LBK 1054/2010 kapitel 5; "§ 62-62 c." typed
    as a line, LBK 769/2015). No number is guessed. Run on the body after a § split in two elements is joined."""
    last = ""

    def walk(children: Sequence[Node], where: str) -> None:
        nonlocal last
        for node in children:
            if node.kind is _PARAGRAF and node.label:
                last = node.label
            elif node.kind is _PARAGRAF:
                place = ", ".join(x for x in (where, f"after § {last}" if last else "before the first §") if x)
                words = "(Ophævet)" if node.repealed else " ".join(n.text for n in node.walk() if n.text)
                ctx.problems.append(Problem("XML_NO_LABEL", f"a § without a label ({place}), read unlabelled: "
                                            f"{words[:70]!r}", "warning", file=ctx.file))
            elif node.kind is Kind.KAPITEL or node.kind is Kind.AFSNIT:
                inner = f"{node.kind.name.lower()} {node.label}" if node.label else node.kind.name.lower()
                walk(node.children, f"{where}, {inner}" if where else inner)

    walk(nodes, "")
