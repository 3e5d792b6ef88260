"""Stage 3 (renderers): DocumentDiff → a self-contained HTML "sammenstilling" (synopsis).

Two columns per changed provision, "Gældende formulering" | "Ny formulering", with <del>/<ins>
marks and the sources under each row; inline CSS with print rules, no external resources.
"""

from __future__ import annotations

from html import escape

from lovkons.renderers.diff_text import heading, source_line, summary
from lovkons.review.diff import Change, DocumentDiff

_CSS = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; margin: 2rem auto; max-width: 75rem;
       padding: 0 1rem; color: #111; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
p.meta { color: #444; margin-top: 0; }
table.sammenstilling { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.sammenstilling th, table.sammenstilling td { border: 1px solid #999; padding: .4rem .6rem;
       vertical-align: top; text-align: left; }
thead th { background: #e8e8e8; width: 50%; }
tr.address th { background: #f4f4f4; font-weight: bold; }
td.sources { font-size: .9em; color: #333; background: #fbfbfb; }
td.sources p { margin: .15rem 0; }
td .none { color: #777; font-style: italic; }
ins { background: #d7f5d7; text-decoration: underline; }
del { background: #f9d3d3; text-decoration: line-through; }
.instruction { color: #555; }
@page { size: A4; margin: 1.5cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  thead { display: table-header-group; }
  tbody { break-inside: avoid; page-break-inside: avoid; }
  ins { background: none; text-decoration: underline; font-weight: bold; }
  del { background: none; text-decoration: line-through; }
  a { color: inherit; text-decoration: none; }
}
"""


def _lines(text: str) -> str:
    return "<br>".join(escape(x) for x in text.splitlines())


def _columns(change: Change) -> tuple[str, str]:
    """The old and the new column: word marks for a changed text, whole blocks otherwise."""
    none = '<span class="none">{}</span>'
    if change.words:
        old = "".join(
            escape(t) if op == "equal" else f"<del>{_lines(t)}</del>" for op, t in change.words if op != "insert"
        )
        new = "".join(
            escape(t) if op == "equal" else f"<ins>{_lines(t)}</ins>" for op, t in change.words if op != "delete"
        )
        return old, new
    if change.kind == "inserted":
        return none.format("(ikke i gældende formulering)"), f"<ins>{_lines(change.new or '')}</ins>"
    if change.kind == "repealed":
        return f"<del>{_lines(change.old or '')}</del>", none.format("(ophævet)")
    return _lines(change.old or ""), _lines(change.new or "")


def _row(number: int, change: Change) -> str:
    old, new = _columns(change)
    sources = "".join(
        f'<p><span class="source">Kilde: {escape(source_line(s))}</span>'
        + (f'<br><span class="instruction">{escape(s.text)}</span>' if s.text else "")
        + "</p>"
        for s in change.sources
    ) or '<p class="none">Kilde ikke oplyst</p>'
    return (
        f'<tbody class="change {change.kind}" id="c{number}">\n'
        f'<tr class="address"><th colspan="2">{escape(heading(change))}</th></tr>\n'
        f'<tr class="text"><td class="old">{old}</td><td class="new">{new}</td></tr>\n'
        f'<tr class="sources"><td class="sources" colspan="2">{sources}</td></tr>\n'
        "</tbody>"
    )


def render_diff_html(diff: DocumentDiff) -> str:
    """A complete HTML page (UTF-8) that renders and prints without any external resource."""
    title = f"Sammenstilling: {diff.old_label} → {diff.new_label}"
    rows = "\n".join(_row(i, c) for i, c in enumerate(diff.changes, 1))
    table = (
        '<table class="sammenstilling">\n<thead><tr><th scope="col">Gældende formulering</th>'
        f'<th scope="col">Ny formulering</th></tr></thead>\n{rows}\n</table>'
        if diff.changes
        else ""
    )
    return (
        '<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>Sammenstilling</h1>\n"
        f'<p class="meta">Gældende: {escape(diff.old_label)} · Ny: {escape(diff.new_label)} · '
        f"{escape(summary(diff))}</p>\n{table}\n</body>\n</html>\n"
    )
