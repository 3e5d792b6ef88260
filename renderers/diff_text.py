"""Stage 3 (renderers): DocumentDiff → unified-style plain text (and the Danish wording shared by
the other diff renderers: kind names, dates, source lines)."""

from __future__ import annotations

import datetime as dt

from lovkons.model.document import Source
from lovkons.review.diff import Change, DocumentDiff

KIND_DA = {
    "changed": "ændret",
    "inserted": "indsat",
    "repealed": "ophævet",
    "renumbered": "nyt nummer",
}
_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)


def danish_date(d: dt.date) -> str:
    """date(2009, 7, 1) → "1. juli 2009"."""
    return f"{d.day}. {_MONTHS[d.month - 1]} {d.year}"


def source_line(source: Source) -> str:
    """"BEK 1072/2008 § 1, nr. 4 (i kraft 1. juli 2009)"."""
    when = f" (i kraft {danish_date(source.in_force)})" if source.in_force else ""
    return f"{source}{when}"


def brief(text: str, limit: int = 160) -> str:
    """An instruction shortened for one-screen forms (text, terminal): "§ 28 … affattes således: »…"."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def heading(change: Change) -> str:
    """"§ 29, stk. 2 — ændret" / "§ 4 a, stk. 3 (hidtil stk. 2) — nyt nummer, ændret"."""
    kind = KIND_DA.get(change.kind, change.kind)
    if change.kind == "renumbered" and change.text_changed:
        kind += ", ændret"
    was = ""
    if change.old_address and change.old_address != change.address:
        was = f" (hidtil {change.old_address.removeprefix(_common_prefix(change))})"
    return f"{change.address}{was} — {kind}"


def _common_prefix(change: Change) -> str:
    """"§ 4 a, " when old and new address differ only after it (so "hidtil stk. 2" reads well)."""
    old, new = (change.old_address or "").split(", "), change.address.split(", ")
    same = 0
    while same < min(len(old), len(new)) - 1 and old[same] == new[same]:
        same += 1
    return "".join(part + ", " for part in old[:same])


def summary(diff: DocumentDiff) -> str:
    n = len(diff.changes)
    if n == 0:
        return "Ingen ændringer."
    return "1 ændring." if n == 1 else f"{n} ændringer."


def word_line(change: Change) -> str:
    """git-style word diff: "om [-året-]{+måneden+}"."""
    parts = []
    for op, text in change.words:
        parts.append(text if op == "equal" else f"[-{text}-]" if op == "delete" else f"{{+{text}+}}")
    return "".join(parts)


def render_diff_text(diff: DocumentDiff) -> str:
    """Unified-style text: `-` old lines, `+` new lines, a word diff and the sources per change."""
    lines = [f"--- {diff.old_label}", f"+++ {diff.new_label}", summary(diff)]
    for change in diff.changes:
        lines += ["", f"@@ {heading(change)}"]
        if change.kind == "renumbered" and not change.text_changed:
            lines += [f"  {x}" for x in (change.new or "").splitlines()]
        else:
            lines += [f"- {x}" for x in (change.old or "").splitlines()]
            lines += [f"+ {x}" for x in (change.new or "").splitlines()]
        if change.words:
            lines.append(f"~ {word_line(change)}")
        for source in change.sources:
            lines.append(f"  Kilde: {source_line(source)}")
            if source.text:
                lines.append(f"         {brief(source.text)}")
    return "\n".join(lines) + "\n"
