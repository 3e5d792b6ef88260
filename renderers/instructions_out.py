"""Stage 3 (renderers): AmendingDocument → the contract JSON of `lovkons instructions`, and plain
row tuples for a table (item, operation, target, old → new, payload summary, in force)."""

from __future__ import annotations

from typing import Any

from lovkons.model.edits import AmendingDocument, DocRef, Operation
from lovkons.renderers.json_out import date_json, meta_json, node_json, problems_json


def docref_json(ref: DocRef, text: str) -> dict[str, Any]:
    return {"kind": ref.kind, "number": ref.number, "date": date_json(ref.date), "title": ref.title, "text": text}


def operation_json(op: Operation) -> dict[str, Any]:
    old = getattr(op, "old", None) or getattr(op, "anchor", None)
    new = getattr(op, "new", None)
    if op.op == "renumber":
        new = getattr(op, "new_label", None)
    payload = getattr(op, "payload", None)
    out: dict[str, Any] = {
        "op": op.op,
        "target": str(op.target),
        "position": getattr(op, "position", None),
        "old": old,
        "new": new,
        "count": getattr(op, "count", None),
        "payload": [node_json(n, provenance=False) for n in payload] if payload else None,
    }
    container = getattr(op, "container", None)
    if container:
        out["container"] = str(container)
    if getattr(op, "heading", None):
        out["heading"] = op.heading  # type: ignore[union-attr]
        heading_of = getattr(op, "heading_of", None)
        out["heading_of"] = str(heading_of) if heading_of else None
    group = getattr(op, "group", ())
    if group:
        out["group"] = [str(a) for a in group]
    spans = getattr(op, "spans", ())
    if spans:  # "§§ 62-62 c": ranges whose lettered members the amender takes from the document
        out["spans"] = [[str(a), str(b)] for a, b in spans]
    if getattr(op, "insert", False):
        out["insert"] = True
    return out


def instructions_json(doc: AmendingDocument) -> dict[str, Any]:
    return {
        "document": {"meta": meta_json(doc.meta)},
        "changes": [
            {
                "paragraf": block.paragraf,
                "heading": block.heading,
                "target": docref_json(block.target, block.opening),
                "amended_by": [docref_json(r, "") for r in block.amended_by],
                "items": [
                    {
                        "number": it.number,
                        "text": it.text,
                        "in_force": date_json(it.in_force),
                        "line": it.line,
                        "operations": [operation_json(op) for op in it.operations],
                    }
                    for it in block.items
                ],
            }
            for block in doc.changes
        ],
        "commencement": [
            {
                "date": date_json(c.date),
                "applies_to": c.applies_to,
                "text": c.text,
                "expires": date_json(c.expires),
                "earliest": c.earliest,
            }
            for c in doc.commencement
        ],
        "repeals": [{"target": docref_json(r.target, r.text), "date": date_json(r.date)} for r in doc.repeals],
        "transitional": list(doc.transitional),
        "problems": problems_json(doc.problems),
    }


def _short(text: str | None, width: int = 40) -> str:
    if not text:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"


def payload_summary(op: Operation) -> str:
    payload = getattr(op, "payload", None) or ()
    if not payload:
        return ""
    labels = [f"{n.kind.value} {n.label}" if n.label else n.kind.value for n in payload]
    return ", ".join(labels[:4]) + (f" (+{len(labels) - 4})" if len(labels) > 4 else "")


def instruction_rows(doc: AmendingDocument) -> list[tuple[str, str, str, str, str, str]]:
    """(item, operation, target, old → new, payload, in force) per operation; unparsed items too."""
    rows: list[tuple[str, str, str, str, str, str]] = []
    for block in doc.changes:
        for it in block.items:
            item = f"§ {block.paragraf}, nr. {it.number}"
            when = date_json(it.in_force) or "undetermined"
            if not it.operations:
                rows.append((item, "UNPARSED", "", _short(it.text, 60), "", when))
            for op in it.operations:
                old = getattr(op, "old", None) or getattr(op, "anchor", None)
                new = getattr(op, "new", None) or getattr(op, "new_label", None)
                change = f"{_short(old)} → {_short(new)}" if old or new else ""
                position = getattr(op, "position", None)
                target = str(op.target) + (f" ({position})" if position else "")
                rows.append((item, op.op, target, change, payload_summary(op), when))
    return rows
