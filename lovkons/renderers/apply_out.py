"""Stage 3 (renderers): the result of `lovkons apply` (amender.manifest.Run) → the contract's JSON
object, and the summary (base, orders applied, refused) as "Label: value" lines for stderr."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lovkons.amender.consolidate import Consolidation
from lovkons.amender.manifest import Run
from lovkons.renderers.history_words import applied_json
from lovkons.renderers.json_out import document_json, problems_json, stamped
from lovkons.ressort.layer import EditorialChange


def apply_json(result: Consolidation, editorial: tuple[EditorialChange, ...] = ()) -> dict[str, Any]:
    """{schema, document, applied, problems, pending} (contract.md, plus the schema key)."""
    return stamped("apply", {
        "document": document_json(result.document),
        "applied": [applied_json(a) for a in result.applied],
        "problems": problems_json(result.problems),
        "pending": [str(p.source) for p in result.pending],
        "editorial": [c.to_json() for c in editorial],  # ressortændringer (with --at), with their legal basis
    })  # fmt: skip


def summary_fields(run: Run, at: dt.date | None) -> list[tuple[str, str]]:
    """(label, value) lines of the summary."""
    base = run.base.meta
    title = f" — {base.title}" if base.title else ""
    result = run.result
    orders = []
    for order in run.orders:
        short = order.meta.short
        n = sum(1 for a in result.applied if a.source.document == short)
        orders.append(f"{short} ({n} change{'s' if n != 1 else ''} applied)")
    fields = [("Base", f"{base.short}{title}"), ("Orders applied", ", ".join(orders) or "none")]
    if at is not None or run.manifest.at is not None:
        fields.append(("In force on", (at or run.manifest.at or dt.date.min).isoformat()))
    if result.pending:
        fields.append(("Not yet in force", f"{len(result.pending)} item(s), left out"))
    refused = result.refused
    fields.append(("Refused", f"{len(refused)} (listed below)" if refused else "none"))
    return fields


def summary_text(run: Run, at: dt.date | None, *, bold: bool = False) -> str:
    fields = summary_fields(run, at)
    width = max(len(label) for label, _ in fields) + 2
    out = []
    for label, value in fields:
        head = f"{label + ':':<{width}}"
        out.append((f"\x1b[1m{head}\x1b[0m" if bold else head) + value)
    return "\n".join(out) + "\n"
