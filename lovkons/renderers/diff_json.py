"""Stage 3 (renderers): DocumentDiff → the `diff --format json` object (schema lovkons.diff/1): each
change once, with its sources once (source, in-force date, instruction text) and its word edits."""

from __future__ import annotations

from typing import Any

from lovkons.renderers.json_out import date_json, stamped
from lovkons.review.diff import Change, DocumentDiff


def change_json(c: Change) -> dict[str, Any]:
    in_force = [s.in_force for s in c.sources if s.in_force]
    return {
        "address": c.address,
        "kind": c.kind,
        "unit": c.unit,
        "old": c.old,
        "new": c.new,
        "old_address": c.old_address,
        "text_changed": c.text_changed or c.kind == "changed",
        "in_force": max(in_force).isoformat() if in_force else None,
        "sources": [{"source": str(s), "in_force": date_json(s.in_force), "text": s.text} for s in c.sources],
        "words": [{"op": op, "text": text} for op, text in c.words],
        # ressortændringer among the sources: editorial, apart from what an instruction changed
        "editorial": [str(s) for s in c.sources if s.document.startswith(_editorial())],
    }


def _editorial() -> str:
    """How an editorial change is cited (ressort.layer.EDITORIAL; imported when a diff is rendered)."""
    from lovkons.ressort.layer import EDITORIAL

    return EDITORIAL


def diff_json(diff: DocumentDiff) -> dict[str, Any]:
    return stamped("diff", {"from": diff.old_label, "to": diff.new_label,
                            "changes": [change_json(c) for c in diff.changes]})  # fmt: skip
