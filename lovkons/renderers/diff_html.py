"""Stage 3 (renderers): DocumentDiff → a self-contained HTML "sammenstilling" (synopsis) as a Danish
reviewer expects one: the document's title, the two dates (Danish), the ELI link, who made it
(lovkons and its version), a table of contents for long diffs, then one row per § — "Gældende
formulering" | "Ny formulering" with <del>/<ins> marks — and under it the instructions behind the
row, each instruction's text printed once in the whole page. Inline CSS with print rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

import regex

from lovkons.model.document import Source
from lovkons.renderers.diff_text import KIND_DA, danish_date, heading, source_line, summary
from lovkons.review.diff import Change, DocumentDiff

TOC_FROM = 8  # rows from which a table of contents is printed

_CSS = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; margin: 2rem auto; max-width: 75rem;
       padding: 0 1rem; color: #111; line-height: 1.45; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
p.meta, p.stamp { color: #444; margin: .2rem 0; }
nav.toc { margin: 1rem 0; padding: .5rem 1rem; border: 1px solid #ccc; background: #fafafa; }
nav.toc ol { columns: 16rem; margin: .25rem 0; }
table.sammenstilling { border-collapse: collapse; width: 100%; table-layout: fixed; margin-top: 1rem; }
table.sammenstilling th, table.sammenstilling td { border: 1px solid #999; padding: .4rem .6rem;
       vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: #e8e8e8; width: 50%; }
tr.address th { background: #f4f4f4; font-weight: bold; }
td .part { margin: 0 0 .5rem 0; }
td .part b { display: block; font-size: .85em; color: #333; }
td.sources { font-size: .9em; color: #333; background: #fbfbfb; }
td.sources p { margin: .15rem 0; }
td .none { color: #777; font-style: italic; }
ins { background: #d7f5d7; text-decoration: underline; }
del { background: #f9d3d3; text-decoration: line-through; }
.instruction { color: #555; }
@media (max-width: 40rem) {
  body { margin: 1rem auto; font-size: 15px; }
  table.sammenstilling, table.sammenstilling tbody, table.sammenstilling tr,
  table.sammenstilling td, table.sammenstilling th { display: block; width: auto; }
  thead { display: none; }
  td.old::before { content: "Gældende formulering"; font-weight: bold; display: block; }
  td.new::before { content: "Ny formulering"; font-weight: bold; display: block; }
}
@page { size: A4; margin: 1.5cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  nav.toc { display: none; }
  thead { display: table-header-group; }
  tbody { break-inside: avoid; page-break-inside: avoid; }
  ins { background: none; text-decoration: underline; font-weight: bold; }
  del { background: none; text-decoration: line-through; }
  a { color: inherit; text-decoration: none; }
}
"""

_ISO = regex.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True, slots=True)
class DiffInfo:
    """What the page says about the document beyond the diff itself (all optional)."""

    title: str | None = None  # "Bekendtgørelse om byggeskadeforsikring"
    old_date: dt.date | None = None  # the day the old version was in force
    new_date: dt.date | None = None
    eli: str | None = None  # "https://www.retsinformation.dk/eli/lta/2007/1292"
    generator: str | None = None  # "lovkons 0.1.0"
    made: dt.date | None = None  # the day the page was made


def eli_url(kind: str | None, number: int | None, year: int | None) -> str | None:
    """The Retsinformation ELI of a numbered document (LOV, LBK, BEK: "lta"), else None."""
    if number is None or year is None or not kind:
        return None
    return f"https://www.retsinformation.dk/eli/lta/{year}/{number}"


def danish_dates(text: str) -> str:
    """ISO dates in a label ("pr. 2009-08-01") as Danish dates ("pr. 1. august 2009")."""
    return _ISO.sub(lambda m: danish_date(dt.date(int(m[1]), int(m[2]), int(m[3]))), text)


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


def unit_of(change: Change) -> str:
    """The row a change belongs to: its § ("§ 29" for "§ 29, stk. 2"), else its own address."""
    return change.address.split(", ")[0] if change.address.startswith("§") else change.address


def rows(diff: DocumentDiff) -> list[tuple[str, list[Change]]]:
    """Changes grouped into one row per § (or per heading, title, bilag), in document order."""
    out: list[tuple[str, list[Change]]] = []
    for change in diff.changes:
        unit = unit_of(change)
        if out and out[-1][0] == unit:
            out[-1][1].append(change)
        else:
            out.append((unit, [change]))
    return out


def _anchor(number: int) -> str:
    return f"r{number}"


def _sources(changes: list[Change], shown: dict[str, str], here: str) -> str:
    seen: list[Source] = []
    for c in changes:
        seen += [s for s in c.sources if s not in seen]
    parts = []
    for s in seen:
        key = str(s)
        text = ""
        if s.text and key not in shown:
            shown[key] = here
            text = f'<br><span class="instruction">{escape(s.text)}</span>'
        elif s.text:
            text = f' <span class="instruction">(instruksen er gengivet ved <a href="#{shown[key]}">den første række</a>)</span>'
        parts.append(f'<p><span class="source">Kilde: {escape(source_line(s))}</span>{text}</p>')
    return "".join(parts) or '<p class="none">Kilde ikke oplyst</p>'


def _row(number: int, unit: str, changes: list[Change], shown: dict[str, str]) -> str:
    olds, news = [], []
    kinds = ", ".join(dict.fromkeys(KIND_DA.get(c.kind, c.kind) for c in changes))
    for c in changes:
        old, new = _columns(c)
        # each part is named by its address, unless it is the whole row (the row header names it)
        label = "" if len(changes) == 1 and heading(c) == f"{unit} — {kinds}" else f"<b>{escape(heading(c))}</b>"
        olds.append(f'<div class="part">{label}{old}</div>')
        news.append(f'<div class="part">{label}{new}</div>')
    anchor = _anchor(number)
    return (
        f'<tbody class="change" id="{anchor}">\n'
        f'<tr class="address"><th colspan="2">{escape(unit)} — {escape(kinds)}</th></tr>\n'
        f'<tr class="text"><td class="old">{"".join(olds)}</td><td class="new">{"".join(news)}</td></tr>\n'
        f'<tr class="sources"><td class="sources" colspan="2">{_sources(changes, shown, anchor)}</td></tr>\n'
        "</tbody>"
    )


def render_diff_html(diff: DocumentDiff, info: DiffInfo | None = None) -> str:
    """A complete HTML page (UTF-8, lang="da") that renders and prints without any external resource."""
    info = info or DiffInfo()
    old_label, new_label = danish_dates(diff.old_label), danish_dates(diff.new_label)
    title = info.title or f"{old_label} → {new_label}"
    grouped = rows(diff)
    shown: dict[str, str] = {}
    body = "\n".join(_row(i, unit, changes, shown) for i, (unit, changes) in enumerate(grouped, 1))
    table = (
        '<table class="sammenstilling">\n<thead><tr><th scope="col">Gældende formulering</th>'
        f'<th scope="col">Ny formulering</th></tr></thead>\n{body}\n</table>'
        if grouped
        else ""
    )
    toc = ""
    if len(grouped) >= TOC_FROM:
        items = "".join(f'<li><a href="#{_anchor(i)}">{escape(unit)}</a></li>' for i, (unit, _) in enumerate(grouped, 1))
        toc = f'<nav class="toc"><b>Indhold</b><ol>{items}</ol></nav>\n'
    dates = []
    if info.old_date:
        dates.append(f"Gældende formulering pr. {danish_date(info.old_date)}")
    if info.new_date:
        dates.append(f"ny formulering pr. {danish_date(info.new_date)}")
    meta = [f"Gældende: {escape(old_label)} · Ny: {escape(new_label)} · {escape(summary(diff))}"]
    if dates:
        meta.append(escape(", ".join(dates)) + ".")
    if info.eli:
        meta.append(f'ELI: <a href="{escape(info.eli)}">{escape(info.eli)}</a>')
    stamp = "Udarbejdet med " + escape(info.generator or "lovkons")
    if info.made:
        stamp += f" den {danish_date(info.made)}"
    stamp += ". En maskinel sammenstilling; den officielle tekst er den, der er kundgjort i Lovtidende."
    meta_html = "".join(f'<p class="meta">{m}</p>\n' for m in meta)
    return (
        '<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{escape(info.generator or "lovkons")}">\n'
        f"<title>Sammenstilling: {escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>Sammenstilling: {escape(title)}</h1>\n{meta_html}"
        f'<p class="stamp">{stamp}</p>\n{toc}{table}\n</body>\n</html>\n'
    )
