"""Stage 3 (renderers): the files of one consolidated version in a rebuild — `<from-date>.md` (a
comment line naming the version, then the Markdown text) and `<from-date>.json` (the contract's
version shape), as deterministic bytes. Handed to `lovkons.history.rebuild` as its renderer.
"""

from __future__ import annotations

import json

from lovkons.history.outputs import VersionOut, applied_json, status_json
from lovkons.renderers.json_out import document_json, problems_json
from lovkons.renderers.markdown import render_markdown


def _header(v: VersionOut) -> str:
    span = f"{v.start.isoformat() if v.start else 'undated'} – {v.end.isoformat() if v.end else ''}".rstrip(" –")
    orders = ", ".join(v.included) or "none"
    return f"<!-- {v.key} as in force {span}; orders included: {orders} -->\n\n"


def render_version(v: VersionOut) -> dict[str, bytes]:
    """One version → {".md": Markdown bytes, ".json": contract JSON bytes} (deterministic)."""
    md = _header(v) + render_markdown(v.document)
    obj = {
        "document": document_json(v.document),
        "version": {"from": v.start.isoformat() if v.start else None, "to": v.end.isoformat() if v.end else None},
        "orders": list(v.included),
        "status": status_json(v.status),
        "applied": [applied_json(a) for a in v.applied],
        "problems": problems_json(list(v.problems)),
        "editorial": [c.to_json() for c in v.editorial],  # ressortændringer (lovkons.ressort), not instructed
    }
    # compact separators keep json's C encoder (indent would make it the slow pure-Python one)
    data = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"
    return {".md": md.encode(), ".json": data.encode()}
