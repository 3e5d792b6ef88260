"""Stage 3 (renderers): model values → the contract's JSON shapes (plain dicts, json-ready)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lovkons.model.document import Document, Meta, Node, Problem, Source


def date_json(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def meta_json(meta: Meta) -> dict[str, Any]:
    return {
        "kind": meta.kind,
        "number": meta.number,
        "year": meta.year,
        "date": date_json(meta.date),
        "title": meta.title,
    }


def source_json(source: Source) -> dict[str, Any]:
    return {"source": str(source), "in_force": date_json(source.in_force), "text": source.text}


def node_json(node: Node, *, provenance: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": node.kind.value,
        "label": node.label,
        "heading": node.heading,
        "text": node.text,
        "children": [node_json(c, provenance=provenance) for c in node.children],
    }
    if node.repealed:
        out["repealed"] = True
    if node.id:
        out["id"] = node.id
    if provenance and node.changed_by:
        out["changed_by"] = [source_json(s) for s in node.changed_by]
    return out


def document_json(doc: Document, *, provenance: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "document",
        "meta": meta_json(doc.meta),
        "preamble": doc.preamble,
        "children": [node_json(c, provenance=provenance) for c in doc.children],
    }
    if doc.title_note:
        out["title_note"] = doc.title_note
    return out


def problems_json(problems: tuple[Problem, ...] | list[Problem]) -> list[dict[str, object]]:
    return [p.to_json() for p in problems]
