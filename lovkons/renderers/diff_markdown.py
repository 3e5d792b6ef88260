"""Stage 3 (renderers): DocumentDiff → Markdown (CommonMark + inline <ins>/<del>) for reviewers.

One section per changed provision: the old and the new wording as quotes, the word-level changes
marked inline, and the sources with their in-force dates and instruction text.
"""

from __future__ import annotations

import html

from lovkons.renderers.diff_text import heading, source_line, summary
from lovkons.renderers.markdown import escape
from lovkons.review.diff import Change, DocumentDiff


def _quote(label: str, text: str | None) -> list[str]:
    if text is None:
        return []
    lines: list[str] = []
    for x in text.splitlines() or [""]:  # one quoted paragraph per stykke / line
        lines += [">", f"> {escape(x)}"] if lines else [f"> {escape(x)}"]
    return [f"**{label}:**", "", *lines, ""]


def _marked(change: Change) -> str:
    """The new wording with deletions and insertions marked inline."""
    out = []
    for op, text in change.words:
        if op == "equal":
            out.append(escape(text))
        else:
            tag = "del" if op == "delete" else "ins"
            out.append(f"<{tag}>{html.escape(text, quote=False)}</{tag}>")
    return "".join(out)


def _section(change: Change) -> list[str]:
    lines = [f"## {escape(heading(change))}", ""]
    if change.kind == "renumbered" and not change.text_changed:
        lines += _quote("Formulering", change.new)
    else:
        lines += _quote("Gældende formulering", change.old)
        lines += _quote("Ny formulering", change.new)
    if change.words:
        lines += ["**Ændringer i teksten:**", "", _marked(change), ""]
    for source in change.sources:
        text = f" — {escape(source.text)}" if source.text else ""
        lines.append(f"- Kilde: {escape(source_line(source))}{text}")
    if change.sources:
        lines.append("")
    return lines


def render_diff_markdown(diff: DocumentDiff) -> str:
    """The whole diff as one Markdown document."""
    lines = [
        f"# Ændringer fra {escape(diff.old_label)} til {escape(diff.new_label)}",
        "",
        summary(diff),
        "",
    ]
    for change in diff.changes:
        lines += _section(change)
    return "\n".join(lines).rstrip("\n") + "\n"
