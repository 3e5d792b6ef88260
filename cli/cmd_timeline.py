"""Stage 4 (cli): `lovkons timeline DOC [--corpus DIR] [--format table|json] [--no-check]`: the
versions of a document (commencement, each day items take effect, the end and what replaces it),
with pending, handed-on, lapsed and refused items. Refusals come from consolidating the last version.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from lovkons.cli.cmd_consolidate import open_corpus
from lovkons.cli.output import EXIT_BAD_INPUT, EXIT_HELP, EXIT_OK, check_doc, print_json
from lovkons.history.corpus import Corpus
from lovkons.history.fates import carried_lines, fate_problems, grouped
from lovkons.history.outputs import change_json, status_json
from lovkons.history.pointintime import version_at
from lovkons.history.timeline import Change, Outside, Timeline, outside_corpus, predecessors, timeline
from lovkons.model.document import LovkonsError, Problem


class Format(StrEnum):
    table = "table"
    json = "json"


def refused_items(corpus: Corpus, tl: Timeline) -> tuple[Problem, ...]:
    """Errors of consolidating the last version (every dated item in force before any end)."""
    day = tl.end.since - dt.timedelta(days=1) if tl.end and tl.end.since else dt.date.max
    if not tl.in_force_at(day):
        return ()
    _, _, problems = version_at(corpus, tl, day)
    return tuple(p for p in problems if p.severity == "error")


def _item_of(p: Problem, labels: set[str]) -> str | None:
    """The item label ("LOV 1/2020 § 1, nr. 3") a problem's source points into, if any."""
    src = p.source or ""
    return next((x for x in labels if src == x or src.startswith(x + ",") or src.startswith(x + " ")), None)


def version_items(tl: Timeline, first: bool, start: dt.date | None) -> list[Change]:
    """Items taking effect on a version's first day (the first version: also those before it)."""
    if first:
        return [c for c in tl.changes if start is not None and c.in_force is not None and c.in_force <= start]
    return [c for c in tl.changes if c.in_force == start]


def timeline_json(corpus: Corpus, tl: Timeline, refused: tuple[Problem, ...] = ()) -> dict[str, Any]:
    from lovkons.renderers.json_out import problems_json

    dates = tl.dates
    stop = tl.end.since if tl.end else None
    labels = {c.label for c in tl.changes}
    by_item: dict[str | None, list[Problem]] = {}
    for p in refused:
        by_item.setdefault(_item_of(p, labels), []).append(p)
    versions = []
    for i, start in enumerate(dates):
        end = dates[i + 1] if i + 1 < len(dates) else stop
        items = version_items(tl, i == 0, start)
        versions.append({
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
            "items": [change_json(c) for c in items],
            "orders": sorted({c.order for c in tl.in_force_at(start)}) if start else [],
            "refused": problems_json([p for c in items for p in by_item.get(c.label, [])]),
        })  # fmt: skip
    f = corpus.facts[tl.key]
    return {
        "key": tl.key,
        "title": f.title,
        "in_corpus": True,
        "in_force": tl.start.isoformat() if tl.start else None,
        "end": status_json(tl.end),
        "replaces": predecessors(corpus, tl.key),
        "versions": versions,
        "pending": [change_json(c) for c in tl.pending],
        "lapsed": [change_json(c) for c in tl.lapsed],
        "carried": [change_json(c) for c in tl.carried],
        "incorporated": [change_json(c) for c in tl.incorporated],
        "refused": problems_json(list(refused)),
        "problems": problems_json(fate_problems(tl, file=f.rel)),
    }


def outside_json(known: Outside) -> dict[str, Any]:
    """The timeline of a document the corpus only names (its file is absent): no versions, its end
    when a corpus document repeals it, the documents naming it, and a NOT_IN_CORPUS warning."""
    from lovkons.renderers.json_out import problems_json

    named = [{"kind": e.kind, "source": e.source, "date": e.date.isoformat() if e.date else None}
             for e in known.named_by]  # fmt: skip
    return {
        "key": known.key, "title": None, "in_corpus": False, "in_force": None, "end": status_json(known.end),
        "replaces": [], "named_by": named, "versions": [], "pending": [], "lapsed": [], "carried": [],
        "incorporated": [], "refused": [], "problems": problems_json([known.note]),
    }  # fmt: skip


def _outside_table(known: Outside) -> None:
    lines = [f"{known.key} — not in the corpus (its own text is absent); versions: none known"]
    for e in known.named_by:
        verb = "repeals it" if e.kind == "repeals" else f"{e.kind} it"
        lines.append(f"Named by {e.source}: {verb}" + (f" from {e.date.isoformat()}" if e.date else ""))
    end = known.end
    if end is not None:
        lines.append(f"Ends {end.since.isoformat() if end.since else '(date not stated)'}: repealed by {end.by}")
    else:
        lines.append("Ends: no repeal known")
    sys.stdout.write("\n".join(lines) + "\n")


def _labels(changes: list[Change]) -> list[str]:
    return [label + (f" (via {items[0].via})" if items[0].via else "") for label, items in grouped(changes)]


def _table(corpus: Corpus, tl: Timeline, data: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=not sys.stdout.isatty(), highlight=False)
    title = f"{tl.key}" + (f" — {data['title']}" if data["title"] else "")
    console.print(f"[bold]{title}[/bold]" if sys.stdout.isatty() else title, markup=sys.stdout.isatty())
    for key in data["replaces"]:
        console.print(f"Restates {key} (replacing it)")
    table = Table(title=None, show_lines=True)
    for col in ("from", "to", "takes effect", "refused"):
        table.add_column(col, overflow="fold")
    for i, v in enumerate(data["versions"]):
        start = dt.date.fromisoformat(v["from"]) if v["from"] else None
        items = version_items(tl, i == 0, start)
        what = _labels(items) if items else []
        if i == 0:
            what = ["commencement" if start else "commencement (date not stated)", *what]
        ref = [f"{p['source'] or '?'}: {p['code']}" for p in v["refused"]]
        table.add_row(v["from"] or "?", v["to"] or "", "\n".join(what), "\n".join(ref) or "")
    console.print(table)
    end = tl.end
    if end and end.since:
        how = {"superseded": "replaced by the consolidation", "repealed": "repealed by", "expired": "expires"}
        by = f" {end.by}" if end.by else ""
        console.print(f"Ends {end.since.isoformat()}: {how.get(end.state, end.state)}{by}")
    else:
        console.print("Ends: no end known (in force)")
    sections = [
        ("Pending (no in-force date, never applied)", _labels([*tl.pending, *(c for c in tl.carried if not c.in_force)])),
        ("In the text before in force (incorporated)",
         [f"{x} from {items[0].in_force or 'no date'}" for x, items in grouped(tl.incorporated)]),
        ("Handed on / carried forward", carried_lines(tl)),
        ("Not applied (the order or the document ended first)",
         [f"{x}: {items[0].why} {items[0].lapsed}" for x, items in grouped(tl.lapsed)]),
        ("Refused (not applied)", [f"{p['source'] or '?'}: {p['code']} {p['message']}" for p in data["refused"]]),
    ]  # fmt: skip
    for head, lines in sections:
        console.print(f"{head}: " + ("none" if not lines else ""), markup=False)
        for line in lines:
            console.print(f"  - {line}", markup=False)


def register(app: typer.Typer) -> None:
    @app.command("timeline", epilog=EXIT_HELP)
    def timeline_cmd(
        doc: Annotated[str, typer.Argument(help="Identifier ('BEK 1292/2007') or path.")],
        corpus: Annotated[Path, typer.Option(help="Corpus folder.")] = Path("corpus"),
        fmt: Annotated[
            Format,
            typer.Option("--format", help="table: one row per version, then pending, carried, lapsed and refused items; json: the same as one object."),
        ] = Format.table,
        check: Annotated[bool, typer.Option(help="Consolidate to list refused items (slower).")] = True,
    ) -> None:
        """The versions of a document over time: each day its text changes, what changed, and its end.

        Refused instructions are listed but do not change the exit code (0); `consolidate` exits 3 for them. A document the corpus only names (repealed or amended by a corpus document, its own file absent) gets what is known of it, exit 0.
        """
        try:
            check_doc(doc, corpus)
            c = open_corpus(corpus)
            try:
                key = c.resolve(doc).key
            except LovkonsError:
                known = outside_corpus(c, doc)
                if known is None:
                    raise
                if fmt is Format.json:
                    print_json(outside_json(known))
                else:
                    _outside_table(known)
                raise typer.Exit(EXIT_OK) from None
            tl = timeline(c, key)
        except LovkonsError as exc:
            print(f"lovkons: {exc}", file=sys.stderr)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        refused = refused_items(c, tl) if check else ()
        data = timeline_json(c, tl, refused)
        if fmt is Format.json:
            print_json(data)
        else:
            _table(c, tl, data)
        raise typer.Exit(EXIT_OK)
