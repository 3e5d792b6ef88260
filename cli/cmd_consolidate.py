"""Stage 4 (cli): `lovkons consolidate DOC --at YYYY-MM-DD [--corpus DIR] [--format text|markdown|json]
[--last]`: a document of the corpus as in force on a day, with a header naming the orders included.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from amender.corpus import default_cache_file, load_corpus
from amender.outputs import applied_json, change_json, status_json
from amender.pointintime import PointInTime, consolidate_at
from cli.output import EXIT_BAD_INPUT, EXIT_NOT_APPLIED, EXIT_OK, print_json, print_problems
from parsers.model import LovkonsError


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def parse_day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise LovkonsError(f"--at must be a date YYYY-MM-DD, got {value!r}") from exc


def result_json(r: PointInTime) -> dict[str, Any]:
    from renderers.json_out import document_json, problems_json

    return {
        "document": document_json(r.document) if r.document else None,
        "key": r.key,
        "requested": r.requested,
        "at": r.at.isoformat(),
        "status": status_json(r.status),
        "version_from": r.version_from.isoformat() if r.version_from else None,
        "orders": list(r.included),
        "applied": [applied_json(a) for a in r.applied],
        "pending": [change_json(c) for c in r.pending],
        "refused": problems_json(list(r.refused)),
        "problems": problems_json(list(r.problems)),
    }


def header(r: PointInTime) -> str:
    via = f" (via {r.key})" if r.key != r.requested else ""
    lines = [f"{r.requested}{via} at {r.at.isoformat()}: {r.status.describe()}"]
    if r.document is not None:
        since = r.version_from.isoformat() if r.version_from else "its commencement"
        lines.append(f"version in force from {since}; orders included: {', '.join(r.included) or 'none'}")
    if r.pending:
        lines.append("pending (no in-force date): " + ", ".join(c.label for c in r.pending))
    return "\n".join(lines) + "\n"


def register(app: typer.Typer) -> None:
    @app.command("consolidate")
    def consolidate_cmd(
        doc: Annotated[str, typer.Argument(help="Identifier ('BEK 1292/2007', 'eli/lta/2007/1292') or path.")],
        at: Annotated[str, typer.Option("--at", help="The day, YYYY-MM-DD.")],
        corpus: Annotated[Path, typer.Option(help="Corpus folder.")] = Path("corpus"),
        fmt: Annotated[Format, typer.Option("--format", help="Output form.")] = Format.text,
        last: Annotated[bool, typer.Option("--last", help="After a repeal or end: the last version.")] = False,
    ) -> None:
        """A document as it read on a given day."""
        try:
            day = parse_day(at)
            result = consolidate_at(load_corpus(corpus, jobs=os.cpu_count() or 1, cache_file=default_cache_file(corpus)), doc, day, last=last)
        except LovkonsError as exc:
            print(f"lovkons: {exc}", file=sys.stderr)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        if fmt is Format.json:
            print_json(result_json(result))
        else:
            sys.stdout.write(header(result))
            if result.document is not None:
                sys.stdout.write("\n")
                if fmt is Format.markdown:
                    from renderers.markdown import render_markdown

                    sys.stdout.write(render_markdown(result.document))
                else:
                    from renderers.text import render_text

                    sys.stdout.write(render_text(result.document))
            print_problems(result.problems)
        raise typer.Exit(EXIT_NOT_APPLIED if result.refused else EXIT_OK)
