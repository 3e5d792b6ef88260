"""Stage 4 (cli): `lovkons timeline DOC [--corpus DIR] [--format table|json]`: the versions of a
document (commencement, each day an order's item takes effect, the end) and its pending items.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from amender.corpus import default_cache_file, load_corpus
from amender.outputs import change_json, compact, status_json
from amender.timeline import Timeline, timeline
from cli.output import EXIT_BAD_INPUT, EXIT_OK, print_json
from parsers.model import LovkonsError


class Format(StrEnum):
    table = "table"
    json = "json"


def timeline_json(tl: Timeline) -> dict[str, Any]:
    dates = tl.dates
    stop = tl.end.since if tl.end else None
    versions = []
    for i, start in enumerate(dates):
        end = dates[i + 1] if i + 1 < len(dates) else stop
        day = start
        items = [c for c in tl.changes if c.in_force == start] if i else []
        versions.append({
            "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None,
            "items": [change_json(c) for c in items],
            "orders": sorted({c.order for c in tl.in_force_at(day)}) if day else [],
        })  # fmt: skip
    return {
        "key": tl.key,
        "in_force": tl.start.isoformat() if tl.start else None,
        "end": status_json(tl.end),
        "versions": versions,
        "pending": [change_json(c) for c in tl.pending],
        "lapsed": [change_json(c) for c in tl.lapsed],
    }


def _table(data: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{data['key']}: versions")
    for col in ("from", "to", "takes effect", "orders in text"):
        table.add_column(col)
    for v in data["versions"]:
        table.add_row(v["from"] or "?", v["to"] or "", "\n".join(compact(v["items"])) or "(base)", ", ".join(v["orders"]))
    console = Console(soft_wrap=not sys.stdout.isatty())
    console.print(table)
    if data["end"]:
        e = data["end"]
        console.print(f"ends: {e['state']} from {e['since']}" + (f" by {e['by']}" if e["by"] else ""))
    for x in compact(data["pending"]):
        console.print(f"pending (no in-force date): {x}")
    for x in compact(data["lapsed"]):
        console.print(f"lapsed (the order ended first): {x}")


def register(app: typer.Typer) -> None:
    @app.command("timeline")
    def timeline_cmd(
        doc: Annotated[str, typer.Argument(help="Identifier ('BEK 1292/2007') or path.")],
        corpus: Annotated[Path, typer.Option(help="Corpus folder.")] = Path("corpus"),
        fmt: Annotated[Format, typer.Option("--format", help="Output form.")] = Format.table,
    ) -> None:
        """The versions of a document over time."""
        try:
            c = load_corpus(corpus, jobs=os.cpu_count() or 1, cache_file=default_cache_file(corpus))
            tl = timeline(c, c.resolve(doc).key)
        except LovkonsError as exc:
            print(f"lovkons: {exc}", file=sys.stderr)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        data = timeline_json(tl)
        if fmt is Format.json:
            print_json(data)
        else:
            _table(data)
        raise typer.Exit(EXIT_OK)
