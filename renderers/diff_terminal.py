"""Stage 3 (renderers): DocumentDiff → rich renderables for a colour terminal.

Deleted words red and struck through, inserted words green and underlined, sources dimmed. The
CLI uses this only when the console has colour (a terminal without NO_COLOR); else plain text.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from lovkons.renderers.diff_text import brief, heading, source_line, summary
from lovkons.review.diff import Change, DocumentDiff

_STYLE = {"delete": "red strike", "insert": "green underline", "equal": ""}


def _body(change: Change) -> Text:
    if change.words:
        body = Text()
        for op, text in change.words:
            body.append(text, style=_STYLE[op])
        return body
    if change.kind == "inserted":
        return Text(change.new or "", style=_STYLE["insert"])
    if change.kind == "repealed":
        return Text(change.old or "", style=_STYLE["delete"])
    return Text(change.new or "")


def render_diff_terminal(diff: DocumentDiff) -> Group:
    """One block per change: the address and kind in bold, the marked text, the sources."""
    parts: list[Text] = [
        Text(f"{diff.old_label} → {diff.new_label}", style="bold"),
        Text(summary(diff)),
    ]
    for change in diff.changes:
        parts.append(Text(""))
        parts.append(Text(heading(change), style="bold cyan"))
        parts.append(_body(change))
        for source in change.sources:
            line = Text(f"Kilde: {source_line(source)}", style="dim")
            if source.text:
                line.append(f"\n       {brief(source.text)}", style="dim italic")
            parts.append(line)
    return Group(*parts)
