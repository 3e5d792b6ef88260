"""Stage 2 (amender): the named strings of a document: titel, titelnote, indledning, the headings
before (or after) a § and the heading of a kapitel/afsnit — recast ("affattes") or repealed ("udgår").

Input: a Document and a Target of one of those kinds; output: Outcome, or None for other targets.
"""

from __future__ import annotations

from collections.abc import Sequence

from lovkons.amender.resolve import ResolveError, Target
from lovkons.amender.textops import Slot, Warning_, set_string
from lovkons.amender.tree import node_at, replace_at
from lovkons.amender.units import Outcome, owner_id, payload_text
from lovkons.model.document import Document, Kind, Node, Source

DOCUMENT_STRINGS = ("title", "preamble", "titlenote")


def heading_stack(doc: Document, target: Target, payload: Sequence[Node], new: str | None,
                  source: Source | None) -> Document:
    """"Overskriften før § N affattes således" where several headings stand before § N: the heading and the
    sub-headings printed over the § are one heading, and the new text gives them all.

    LBK practice: aktieavancebeskatningsloven prints "Datterselskabsaktier og koncernselskabsaktier" and under it
    "Selskaber m.v." before § 8; "Overskriften før § 8 affattes således: »Datterselskabsaktier,
    koncernselskabsaktier og skattefri porteføljeaktier Selskaber m.v.«" (LOV 1255/2012 § 1, nr. 2: two Rubrica
    in its new text, the second the sub-heading as it stands) gives both, and LBK 1298/2013 prints the new heading
    over "Selskaber m.v."; so LOV 433/2012 § 1, nr. 9, 11 and 15, LOV 1255/2012 § 1, nr. 4 and LOV 724/2010 § 3,
    nr. 10 (LBK 796/2011). New headings as nodes replace the headings one for one; a new text read as one
    string is taken only where it ends with the sub-headings exactly as they stand (the proof that it restates
    them): its words before them are the new heading. Else which heading the text replaces is not said:
    refused (AMBIGUOUS_TARGET)."""
    heads = [n for n in payload if n.kind is Kind.OVERSKRIFT]
    if new is None and heads and len(heads) == len(payload) == len(target.headings):
        for path, head in zip(target.headings, heads, strict=True):
            doc = set_string(doc, Slot("node", path), head.text, source)
        return doc
    text = " ".join(payload_text(new, payload).split())
    below = " ".join(" ".join(node_at(doc, path).text.split()) for path in target.headings[1:])
    if below and text.endswith(f" {below}") and len(text) > len(below) + 1:
        return set_string(doc, Slot("node", target.headings[0]), text[:-len(below) - 1], source)
    raise ResolveError("AMBIGUOUS_TARGET", f"{len(target.headings)} headings stand there and the new text does not "
                       "restate the ones under the first: which it replaces is not said")


def repeal_stack(doc: Document, target: Target) -> Document:
    """"Overskriften før § N ophæves" where a heading and its sub-heading stand before § N: both go (they are one
    heading, see heading_stack). LOV 724/2010 § 3, nr. 19 on aktieavancebeskatningslovens § 41 (LBK 89/2010:
    "Overdragelse mellem samlevende ægtefæller" and under it "Personer"): LBK 796/2011 prints neither. Three or
    more (a group heading over several §§ may stand on top) are not said: refused (AMBIGUOUS_TARGET). Removed
    from the last, so the paths of the ones before stay."""
    if len(target.headings) > 2:
        raise ResolveError("AMBIGUOUS_TARGET", f"{len(target.headings)} headings stand there: which of them the "
                           "repeal takes is not said")
    for path in reversed(target.headings):
        doc = replace_at(doc, path, [])
    return doc


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
        done = set_string(doc, Slot("node", target.headings[0]), payload_text(new, payload), source) \
            if len(target.headings) == 1 else heading_stack(doc, target, payload, new, source)
        return Outcome(done, warnings, {owner_id(doc, target.path)})
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
        return Outcome(repeal_stack(doc, target), warnings, {owner_id(doc, target.path)})
    if target.kind == "kapitel_heading":
        return Outcome(set_string(doc, Slot("node", target.path, "heading"), "", source), warnings,
                       {node_at(doc, target.path).id})
    return None
