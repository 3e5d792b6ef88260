"""Stage 3 (renderers): PointInTime (`lovkons consolidate`) → the JSON object, and the summary of what
the text is (status, version, orders included, pending, refused) as "Label: value" lines.

The facts come from history.pointintime/fates (an item is applied, refused or pending there, once);
this module only words them.
"""

from __future__ import annotations

from typing import Any

from lovkons.history.pointintime import PointInTime
from lovkons.renderers.history_words import applied_json, change_json, item_lines, status_json, status_text
from lovkons.renderers.json_out import date_json, document_json, problems_json, stamped

ENDED = ("repealed", "expired", "superseded")


def pointintime_json(r: PointInTime, title: str | None = None) -> dict[str, Any]:
    """The `consolidate --format json` object (schema lovkons.consolidate/1)."""
    return stamped("consolidate", {
        "document": document_json(r.document) if r.document else None,
        "key": r.key,
        "title": title,
        "requested": r.requested,
        "restated": [{"by": k, "since": date_json(d)} | ({"in_corpus": False} if k in r.outside else {})
                     for k, d in r.restated],
        "at": r.at.isoformat(),
        "status": status_json(r.status),
        "version_from": date_json(r.version_from),
        "version_to": date_json(r.version_to),
        "orders": list(r.included),
        "items": [change_json(c, "applied") for c in r.items],
        "applied": [applied_json(a) for a in r.applied],
        "pending": [change_json(c, "pending") for c in r.pending],
        "incorporated_ahead": [change_json(c) for c in r.ahead],
        "upcoming": [change_json(c, "upcoming") for c in r.upcoming],
        "handed_on": [change_json(c) for c in r.handed_on],
        "refused_items": [change_json(c, "refused") for c in r.refused_items],
        "refused": problems_json(list(r.refused)),
        "problems": problems_json(list(r.problems)),
        "editorial": [c.to_json() for c in r.editorial],  # ressortændringer, with their legal basis
    })  # fmt: skip


def summary_fields(r: PointInTime, title: str | None) -> list[tuple[str, list[str]]]:
    """(label, lines) of the summary, in display order; empty sections left out."""
    fields: list[tuple[str, list[str]]] = [("Document", [r.requested + (f" — {title}" if title else "")])]
    if r.restated:
        fields.append(("Restated by", [f"{k} from {d.isoformat() if d else '(date not stated)'}"
                                       + (" (not in the corpus)" if k in r.outside else "") for k, d in r.restated]))
    fields.append(("Date asked", [r.at.isoformat()]))
    fields.append(("Status", [status_text(r.status)]))
    if r.document is None and r.status.outside:  # restated by an LBK the corpus lacks (timeline.Status)
        fields.append(("Text", [f"not in the corpus: {r.status.held_outside()} (use --last for the last version of "
                                f"{r.key} before it)"]))
    elif r.document is None:
        hint = " (use --last for its last version)" if r.status.state in ENDED else ""
        fields.append(("Text", ["none in force on that day" + hint]))
    else:
        since = r.version_from.isoformat() if r.version_from else "its commencement (date not stated)"
        until = f", until {r.version_to.isoformat()}" if r.version_to else ""
        last = " (the last version before the end)" if r.status.state in ENDED else ""
        shown = f" (the text of {r.key})" if r.key != r.requested else ""
        fields.append(("Version shown", [f"in force since {since}{until}{last}{shown}"]))
        fields.append(("Orders included", item_lines(r.items) or ["none (the text as issued)"]))
    if r.upcoming:
        fields.append(("Later changes", item_lines(r.upcoming, dates=True)))
    if r.handed_on:
        fields.append(("After replacement", item_lines(r.handed_on, dates=True)))
    if r.ahead:
        fields.append(("In the text, not in force", item_lines(r.ahead, dates=True)))
    if r.pending:
        fields.append(("Pending (no date)", item_lines(r.pending)))
    if r.document is not None:
        refused = [f"{p.source or '?'}: {p.code} {p.message}" for p in r.refused]
        fields.append(("Refused (not applied)", refused or ["none"]))
    return fields


def summary_text(r: PointInTime, title: str | None = None, *, bold: bool = False) -> str:
    """The summary as "Label: value" lines (continuation lines indented), never cut; `bold`: the
    labels in ANSI bold (a colour terminal)."""
    fields = summary_fields(r, title)
    width = max(len(label) for label, _ in fields) + 2
    out = []
    for label, lines in fields:
        head = f"{label + ':':<{width}}"
        out.append((f"\x1b[1m{head}\x1b[0m" if bold else head) + lines[0])
        out += [f"{'':<{width}}{x}" for x in lines[1:]]
    return "\n".join(out) + "\n"
