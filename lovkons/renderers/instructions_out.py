"""Stage 3 (renderers): AmendingDocument → the contract JSON of `lovkons instructions`, and the
table (item, operation, target, the quoted texts, payload, in force) with the commencement lines.
Cells are rich Text, never markup, so "[…]" in legal text prints as written."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.table import Table
from rich.text import Text

from lovkons.model.edits import AmendingDocument, DeleteText, DocRef, InsertText, Operation, ReplaceText
from lovkons.renderers.console import render
from lovkons.renderers.json_out import date_json, meta_json, node_json, problems_json, stamped
from lovkons.renderers.terminal import node_label


def docref_json(ref: DocRef, text: str) -> dict[str, Any]:
    return {"kind": ref.kind, "number": ref.number, "date": date_json(ref.date), "title": ref.title, "text": text}


def operation_json(op: Operation) -> dict[str, Any]:
    """The contract's Operation; an insert_text's anchor (»A« in "indsættes efter »A«") is "anchor",
    never "old" (nothing is replaced). Added keys (README, Conventions): "exceptions" (the units "bortset fra"
    names), and for op "change_of_item" (a change of an earlier amending act's item, LOV 1560/2010 § 5) "change",
    the Operation made in the text that item brings."""
    anchor = getattr(op, "anchor", None)
    old = getattr(op, "old", None) or getattr(op, "words", None)  # a repealed heading named by its quoted words
    new = getattr(op, "new", None)
    if op.op in ("renumber", "relabel"):  # "relabel": "Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel 5 b«"
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
    if anchor is not None:
        out["anchor"] = anchor
    if getattr(op, "nth", None):  # "3. pkt. første gang": only that occurrence (then "count" is not used)
        out["nth"] = op.nth  # type: ignore[union-attr]
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
    exceptions = getattr(op, "exceptions", ())
    if exceptions:  # "Overalt i loven bortset fra § 10 ændres …": the units left as they are
        out["exceptions"] = [str(a) for a in exceptions]
    change = getattr(op, "change", None)
    if change is not None:  # change_of_item: the change made in the earlier act's item (its target)
        out["change"] = operation_json(change)
    return out


def instructions_json(doc: AmendingDocument) -> dict[str, Any]:
    return stamped("instructions", {
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
                        "effect": date_json(it.effect),  # "har virkning fra" a later day (model.edits.Item)
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
    })


def _quote(text: str | None) -> str:
    return f"»{text}«" if text is not None else ""


_ORDINAL = {1: "første", 2: "anden", 3: "tredje", 4: "fjerde"}


def change_text(op: Operation) -> str:
    """What the operation does to text, in the formula's own terms: "»A« → »B«" (replace_text),
    "after »A«: »B«" (insert_text), "»A« udgår" (delete_text), "→ stk. 4" (renumber)."""
    anchor, old, new = getattr(op, "anchor", None), getattr(op, "old", None), getattr(op, "new", None)
    change = getattr(op, "change", None)
    if change is not None:  # change_of_item: "repeal § 16, nr. 6" in the earlier act's item
        return f"{change.op} {change.target} {change_text(change)}".strip()
    exceptions = getattr(op, "exceptions", ())
    if isinstance(op, (ReplaceText, InsertText, DeleteText)) and exceptions:  # "Overalt i loven bortset fra § 10"
        return f"{change_text(replace(op, exceptions=()))} (bortset fra {', '.join(str(a) for a in exceptions)})"
    if isinstance(op, (ReplaceText, InsertText, DeleteText)) and op.nth:  # "3. pkt. første gang" (LOV 627/2016)
        return f"{change_text(replace(op, nth=None))} ({_ORDINAL.get(op.nth, f'{op.nth}.')} gang)"
    if op.op == "insert_text":
        return f"{getattr(op, 'position', None) or 'after'} {_quote(anchor)}: {_quote(new)}"
    if op.op == "delete_text":
        return f"{_quote(old)} udgår"
    if op.op in ("renumber", "relabel"):  # "relabel": "Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel 5 b«"
        return f"→ {getattr(op, 'new_label', '')}"
    if old is not None or new is not None:
        return f"{_quote(old)} → {_quote(new)}"
    return ""


def payload_summary(op: Operation) -> str:
    """The units the quoted new text brings, as cited: "§ 5 a, § 5 b", "Stk. 2", "10)"."""
    payload = getattr(op, "payload", None) or ()
    labels = [node_label(n) or n.kind.value for n in payload]
    return ", ".join(labels[:4]) + (f" (+{len(labels) - 4})" if len(labels) > 4 else "")


def instruction_rows(doc: AmendingDocument) -> list[tuple[str, str, str, str, str, str]]:
    """(item, operation, target, change, payload, in force) per operation; unread items too (UNPARSED)."""
    rows: list[tuple[str, str, str, str, str, str]] = []
    for block in doc.changes:
        for it in block.items:
            item = f"§ {block.paragraf}, nr. {it.number}"
            when = date_json(it.in_force) or "undetermined"
            if it.effect is not None:
                when += f" (effect {it.effect.isoformat()})"
            if not it.operations:
                rows.append((item, "UNPARSED", "", it.text, "", when))
            for op in it.operations:
                position = getattr(op, "position", None) if op.op != "insert_text" else None
                target = str(op.target) + (f" ({position})" if position else "")
                rows.append((item, op.op, target, change_text(op), payload_summary(op), when))
    return rows


def instructions_text(doc: AmendingDocument, *, color: bool = False, terminal: bool = False) -> str:
    """The change blocks (what each amends), one table row per operation, then the commencement."""
    parts: list[Text | Table] = []
    for block in doc.changes:
        t = block.target
        line = Text(f"§ {block.paragraf}", style="bold")
        line.append(f" → {t.kind or '?'} {t.number or ''}{'/' + str(t.year) if t.year else ''} {t.title or ''}".rstrip())
        parts.append(line)
    table = Table("item", "operation", "target", "change", "payload", "in force")
    for i in (0, 1, 5):
        table.columns[i].no_wrap = True
    for row in instruction_rows(doc):
        table.add_row(*(Text(x) for x in row), style="red" if row[1] == "UNPARSED" else None)
    parts.append(table)
    for c in doc.commencement:
        when = f"{c.date} at the earliest (Lovtidende date unknown)" if c.earliest else c.date or "undetermined"
        parts.append(Text(f"in force: {when} ({c.applies_to}): {c.text}"))
    return render(*parts, color=color, terminal=terminal)
