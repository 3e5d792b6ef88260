"""Stage 2 (amender): a kapitel or afsnit gets a new label, its heading and units kept.

"Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel 5 b«." (LOV 594/2011 § 85, nr. 5, after nr. 4 put a new
kapitel 5 a before it). Input: Document, Relabel, the order's snapshot Resolver (the kapitel is the one the
label named before the order, not a new one of the same label); output: an Outcome. Refused when the unit does
not exist before the order (TARGET_NOT_FOUND) or another live unit of its kind already has the new label (LABEL_CONFLICT).
"""

from __future__ import annotations

from lovkons.amender.resolve import ResolveError, Resolver
from lovkons.amender.tree import node_at, replace_at, same_label
from lovkons.amender.units import Outcome, with_prov
from lovkons.model.document import Document, Source
from lovkons.model.edits import Relabel


def relabel_op(doc: Document, op: Relabel, resolver: Resolver, source: Source | None) -> Outcome:
    target = resolver.resolve(doc, op.target)
    node = node_at(doc, target.path) if target.kind in ("node", "kapitel_heading") and target.path else None
    if node is None or node.kind.value != op.target.last[0].value or target.via != "snapshot":
        # a kapitel the order itself brought is not one whose label it changes: the label names the old one
        raise ResolveError("TARGET_NOT_FOUND", f"{op.target} is not a {op.target.last[0].value} of the document")
    if any(n.kind is node.kind and not n.repealed and same_label(n.label, op.new_label) for n in doc.walk()):
        raise ResolveError("LABEL_CONFLICT", f"{node.kind.value} {op.new_label} already exists")
    new = with_prov(node.with_(label=op.new_label), source)
    return Outcome(replace_at(doc, target.path, (new,)), [], {node.id})
