"""Stage 3 (renderers): History (`lovkons timeline`) → the JSON object and the table. A law's history
goes on through the LBKs that restate it; an item appears once, as applied (under "takes effect")
or refused (under "refused"), never both: the state comes from history.fates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lovkons.history.corpus import Corpus
from lovkons.history.fates import REFUSED, fate_problems, grouped
from lovkons.history.timeline import Change, Outside, predecessors
from lovkons.history.versions import History
from lovkons.model.document import Problem
from lovkons.renderers.history_words import carried_lines, change_json, end_text, item_lines, status_json
from lovkons.renderers.json_out import date_json, problems_json, stamped


def refused_problems(h: History) -> list[Problem]:
    """The reasons of every refused item, in timeline order (one list, shared by JSON and table)."""
    out: list[Problem] = []
    for tl, f in zip(h.chain, h.fates, strict=True):
        for c in tl.changes:
            if h.checked and f.state(c) == REFUSED:
                out += [p for p in f.refused.get(c.label, ()) if p not in out]
    return out


def restated(h: History) -> list[tuple[str, dt.date | None, bool]]:
    """(LBK, from, in the corpus) of every LBK restating the law after the first document, in order: also one the
    corpus lacks, between two of the chain (timeline.Status.then)."""
    out = []
    for prev, t in zip(h.chain, h.chain[1:], strict=False):
        steps = prev.end.steps() if prev.end is not None else ()
        out += [(s.by or "?", s.since, False) for s in steps[:-1]]
        out.append((t.key, steps[-1].since if steps else None, True))
    return out


def _items(h: History, attr: str) -> list[Change]:
    return [c for tl in h.chain for c in getattr(tl, attr)]


def _pending(h: History) -> list[Change]:
    """The items still without an in-force date at the end of the chain, once each. An item pending in a restated
    document goes on to the LBK replacing it, pending there too or in its text: LOV 641/2013 § 1, nr. 28 is pending in
    LBK 1274/2013 and LBK 1330/2013 and in LBK 122/2015's text, so it is not pending (it was listed three times)."""
    return list({(c.order, c.paragraf, c.item): c for c in h.chain[-1].pending}.values())


def timeline_json(corpus: Corpus, h: History) -> dict[str, Any]:
    """The `timeline --format json` object (schema lovkons.timeline/1)."""
    tl = h.timeline
    f = corpus.facts[tl.key]
    versions = []
    for v in h.versions:
        fates = h.fates[[t.key for t in h.chain].index(v.key)]
        versions.append({
            "from": date_json(v.start), "to": date_json(v.end), "document": v.key,
            "items": [change_json(c, "applied" if h.checked else "unchecked") for c in v.applied],
            "orders": list(v.orders),
            "refused_items": [change_json(c, "refused") for c in v.refused],
            "refused": problems_json([p for c in v.refused for p in fates.refused.get(c.label, ())]),
        })  # fmt: skip
    problems = [p for t in h.chain for p in fate_problems(t, file=corpus.facts[t.key].rel)]
    return stamped("timeline", {
        "key": tl.key,
        "title": f.title,
        "in_corpus": True,
        "in_force": date_json(tl.start),
        "end": status_json(h.end),
        "known_end": status_json(h.chain[-1].undated_end),
        "restated": [{"by": k, "since": date_json(d)} | ({} if inside else {"in_corpus": False})
                     for k, d, inside in restated(h)],
        "replaces": predecessors(corpus, tl.key),
        "checked": h.checked,
        "versions": versions,
        "pending": [change_json(c, "pending") for c in _pending(h)],
        "lapsed": [change_json(c) for c in _items(h, "lapsed")],
        "carried": [change_json(c) for c in _items(h, "carried")],
        "incorporated": [change_json(c) for c in _items(h, "incorporated")],
        "refused": problems_json(refused_problems(h)),
        "problems": problems_json(problems),
    })  # fmt: skip


def outside_json(known: Outside) -> dict[str, Any]:
    """A document the corpus only names (its file is absent): no versions, its end when a corpus
    document repeals it, the documents naming it, and a NOT_IN_CORPUS warning."""
    named = [{"kind": e.kind, "source": e.source, "date": date_json(e.date)} for e in known.named_by]
    return stamped("timeline", {
        "key": known.key, "title": None, "in_corpus": False, "in_force": None, "end": status_json(known.end),
        "known_end": None, "restated": [], "replaces": [], "named_by": named, "checked": False, "versions": [],
        "pending": [], "lapsed": [], "carried": [], "incorporated": [], "refused": [],
        "problems": problems_json([known.note]),
    })  # fmt: skip


def outside_text(known: Outside) -> str:
    lines = [f"{known.key} — not in the corpus (its own text is absent); versions: none known"]
    for e in known.named_by:
        verb = "repeals it" if e.kind == "repeals" else f"{e.kind} it"
        lines.append(f"Named by {e.source}: {verb}" + (f" from {e.date.isoformat()}" if e.date else ""))
    lines.append(f"Ends: {end_text(known.end)}" if known.end is not None else "Ends: no repeal known")
    return "\n".join(lines) + "\n"


def _labels(changes: list[Change] | tuple[Change, ...]) -> list[str]:
    return [label + (f" (via {items[0].via})" if items[0].via else "") for label, items in grouped(changes)]


def timeline_text(corpus: Corpus, h: History, *, color: bool = False, terminal: bool = False) -> str:
    """The title, one table row per version (the documents whose text it is, when restated), the
    end, then pending, incorporated, handed-on, lapsed and refused items."""
    from rich.table import Table  # rich only for the table (not for json)
    from rich.text import Text

    from lovkons.renderers.console import render

    tl = h.timeline
    title = corpus.facts[tl.key].title
    head = Text(tl.key + (f" — {title}" if title else ""), style="bold")
    chained = len(h.chain) > 1
    table = Table(show_lines=True)
    for col in ("from", "to", *(["text of"] if chained else []), "takes effect", "refused (not applied)"):
        table.add_column(col, overflow="fold")
    first_of = {t.key: True for t in h.chain}
    ends = {t.key: prev.end for prev, t in zip(h.chain, h.chain[1:], strict=False)}
    for v in h.versions:
        what = _labels(v.applied)
        if first_of.pop(v.key, False):
            if v.key == tl.key:
                what = ["commencement" if v.start else "commencement (date not stated)", *what]
            else:
                gap = ends.get(v.key)
                through = gap.by if gap is not None and gap.then is not None and gap.by else None
                what = [f"restates {through} (not in the corpus; the law goes on in its text)" if through else
                        f"restates {tl.key} (the law goes on in its text)", *what]
            if (gap := ends.get(v.key)) is not None and gap.then is not None:  # an LBK the corpus lacks before it
                cells = [gap.since.isoformat() if gap.since else "?", gap.then.since.isoformat() if gap.then.since
                         else "", gap.by or "?", f"restates {tl.key}: not in the corpus (its text is not known)", ""]
                table.add_row(*(Text(c) for c in cells))
        if not h.checked and what:
            what[-1] += " (not checked)"
        cells = [v.start.isoformat() if v.start else "?", v.end.isoformat() if v.end else "",
                 *([v.key] if chained else []), "\n".join(what), "\n".join(item_lines(v.refused, dates=True))]  # fmt: skip
        table.add_row(*(Text(c) for c in cells))
    lines: list[str] = []
    for key, since, inside in restated(h):
        lines.append(f"Restated by {key} from {since.isoformat() if since else '?'}"
                     + ("" if inside else " (not in the corpus)"))
    end = h.end
    if end is not None and end.since:
        lines.append(f"Ends: {end_text(end)}")
    elif h.chain[-1].undated_end is not None:  # known, but without a date it ends no version
        lines.append(f"Ends: {end_text(h.chain[-1].undated_end)}; in force until then")
    else:
        lines.append("Ends: no end known (in force)")
    refused = refused_problems(h)
    sections = [
        ("Pending (no in-force date, never applied)",
         _labels(_pending(h))),
        ("In the text before in force (incorporated)", item_lines(_items(h, "incorporated"), dates=True)),
        ("Handed on / carried forward", [x for t in h.chain for x in carried_lines(t)]),
        ("Not applied (the order or the document ended first)",
         [f"{x}: {items[0].why} {items[0].lapsed}" + (" (yet printed ahead in the text of "
          f"{next(t.key for t in h.chain if items[0] in t.lapsed)})" if items[0].incorporated else "")
          for x, items in grouped(_items(h, "lapsed"))]),
        ("Refused (not applied)", [f"{p.source or '?'}: {p.code} {p.message}" for p in refused]
         if h.checked else ["not checked (--no-check)"]),
    ]  # fmt: skip
    for name, items in sections:
        lines.append(f"{name}: " + ("none" if not items else ""))
        lines += [f"  - {x}" for x in items]
    return render(head, table, color=color, terminal=terminal) + "\n".join(lines) + "\n"
