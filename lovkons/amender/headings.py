"""Stage 2 (amender): the named strings of a document: titel, titelnote, indledning, the headings
before (or after) a § and the heading of a kapitel/afsnit — recast ("affattes") or repealed ("udgår").

Input: a Document and a Target of one of those kinds; output: Outcome, or None for other targets.
"""

from __future__ import annotations

from collections.abc import Sequence

from lovkons.amender.resolve import Target
from lovkons.amender.textops import Slot, Warning_, set_string
from lovkons.amender.tree import TreePath, node_at, replace_at
from lovkons.amender.units import Outcome, owner_id, payload_text
from lovkons.model.document import Document, Kind, Node, Source

DOCUMENT_STRINGS = ("title", "preamble", "titlenote")


def nearest_heading(target: Target, done: str, warnings: list[Warning_]) -> TreePath:
    """The heading a "heading" target means: the one nearest the § (a warning when several stand there)."""
    if len(target.headings) > 1:
        warnings.append(("AMBIGUOUS_TARGET", f"several headings stand before the §; the nearest was {done}"))
    return target.headings[0] if target.after else target.headings[-1]


def kapitel_heading_text(holder: Node, payload: Sequence[Node], new: str | None) -> str:
    """The new heading of a kapitel/afsnit, without a repeated "Kapitel 3" line."""
    heads = [n for n in payload if n.kind in (Kind.KAPITEL, Kind.AFSNIT)]
    text = heads[0].heading if heads and heads[0].heading else payload_text(new, payload)
    prefix = f"{holder.kind.value} {holder.label}".casefold()
    if text and text.casefold().startswith(prefix):
        text = text[len(prefix) :].strip()
    return text or ""


def replace_string(doc: Document, target: Target, payload: Sequence[Node], new: str | None,
                   source: Source | None) -> Outcome | None:
    warnings: list[Warning_] = []
    if target.kind in DOCUMENT_STRINGS:
        text = payload_text(new, payload)
        return Outcome(set_string(doc, Slot(target.kind), text, source), warnings, {target.kind})
    if target.kind == "heading":
        nearest = nearest_heading(target, "changed", warnings)
        return Outcome(set_string(doc, Slot("node", nearest), payload_text(new, payload), source), warnings,
                       {owner_id(doc, target.path)})
    if target.kind == "kapitel_heading":
        holder = node_at(doc, target.path)
        text = kapitel_heading_text(holder, payload, new)
        return Outcome(set_string(doc, Slot("node", target.path, "heading"), text, source), warnings, {holder.id})
    return None


def repeal_string(doc: Document, target: Target, source: Source | None) -> Outcome | None:
    warnings: list[Warning_] = []
    if target.kind in DOCUMENT_STRINGS:
        return Outcome(set_string(doc, Slot(target.kind), "", source), warnings, {target.kind})
    if target.kind == "heading":
        nearest = nearest_heading(target, "repealed", warnings)
        return Outcome(replace_at(doc, nearest, []), warnings, {owner_id(doc, target.path)})
    if target.kind == "kapitel_heading":
        return Outcome(set_string(doc, Slot("node", target.path, "heading"), "", source), warnings,
                       {node_at(doc, target.path).id})
    return None
