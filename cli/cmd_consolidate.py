"""Stage 4 (cli): `lovkons consolidate DOC --at YYYY-MM-DD [--corpus DIR] [--format text|markdown|json]
[--last] [--header]`: a corpus document as in force on a day, under a header saying what it is (status,
the version's dates, orders included, pending, not-yet-in-force and refused items).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from lovkons.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_HELP,
    EXIT_NOT_APPLIED,
    EXIT_OK,
    check_doc,
    print_json,
    print_problems,
)
from lovkons.history.corpus import Corpus, default_cache_file, load_corpus
from lovkons.history.fates import grouped
from lovkons.history.outputs import applied_json, change_json, status_json
from lovkons.history.pointintime import PointInTime, consolidate_at
from lovkons.history.timeline import Change
from lovkons.model.document import LovkonsError


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def parse_day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise LovkonsError(f"--at must be a date YYYY-MM-DD, got {value!r}") from exc


def open_corpus(path: Path) -> Corpus:
    """The corpus at `path` (facts cached per user); LovkonsError when it is not a folder."""
    if not path.is_dir():
        raise LovkonsError("corpus folder not found (use --corpus DIR)", file=str(path))
    return load_corpus(path, jobs=os.cpu_count() or 1, cache_file=default_cache_file(path))


def result_json(r: PointInTime, title: str | None = None) -> dict[str, Any]:
    from lovkons.renderers.json_out import document_json, problems_json

    return {
        "document": document_json(r.document) if r.document else None,
        "key": r.key,
        "title": title,
        "requested": r.requested,
        "at": r.at.isoformat(),
        "status": status_json(r.status),
        "version_from": r.version_from.isoformat() if r.version_from else None,
        "version_to": r.version_to.isoformat() if r.version_to else None,
        "orders": list(r.included),
        "applied": [applied_json(a) for a in r.applied],
        "pending": [change_json(c) for c in r.pending],
        "incorporated_ahead": [change_json(c) for c in r.ahead],
        "upcoming": [change_json(c) for c in r.upcoming],
        "handed_on": [change_json(c) for c in r.handed_on],
        "refused": problems_json(list(r.refused)),
        "problems": problems_json(list(r.problems)),
        "editorial": [c.to_json() for c in r.editorial],  # ressortændringer, with their legal basis
    }


def _items(changes: tuple[Change, ...], *, dates: bool = False) -> list[str]:
    out = []
    for label, items in grouped(changes):
        c = items[0]
        extra = [f"from {c.in_force.isoformat()}" if c.in_force else "no date"] if dates else []
        if c.via:
            extra.append(f"via {c.via}")
        if c.to:
            extra.append(f"in the text of {c.to}" if c.incorporated else f"goes on to {c.to}")
        out.append(label + (f" ({', '.join(extra)})" if extra else ""))
    return out


def header_fields(r: PointInTime, title: str | None) -> list[tuple[str, list[str]]]:
    """(label, lines) pairs of the human header, in display order; empty sections left out."""
    via = f" (restated by {r.key})" if r.key != r.requested else ""
    fields: list[tuple[str, list[str]]] = [("Document", [f"{r.requested}{via}" + (f" — {title}" if title else "")])]
    fields.append(("Date asked", [r.at.isoformat()]))
    fields.append(("Status", [r.status.describe()]))
    if r.document is None:
        hint = " (use --last for its last version)" if r.status.state in ("repealed", "expired", "superseded") else ""
        fields.append(("Text", ["none in force on that day" + hint]))
    else:
        since = r.version_from.isoformat() if r.version_from else "its commencement (date not stated)"
        until = f", until {r.version_to.isoformat()}" if r.version_to else ""
        last = " (last version before the end)" if r.status.state in ("repealed", "expired", "superseded") else ""
        fields.append(("Version in force", [f"since {since}{until}{last}"]))
        fields.append(("Orders included", _items(r.items) or ["none (the text as issued)"]))
    if r.upcoming:
        fields.append(("Later changes", _items(r.upcoming, dates=True)))
    if r.handed_on:
        fields.append(("After replacement", _items(r.handed_on, dates=True)))
    if r.ahead:
        fields.append(("In the text, not in force", _items(r.ahead, dates=True)))
    if r.pending:
        fields.append(("Pending (no date)", _items(r.pending)))
    if r.document is not None:
        refused = [f"{p.source or '?'}: {p.code} {p.message}" for p in r.refused]
        fields.append(("Refused", refused or ["none"]))
    return fields


def header(r: PointInTime, title: str | None = None, *, markdown: bool = False) -> str:
    """The header as plain text ("Label: value" lines) or Markdown (a bullet list)."""
    out = []
    for label, lines in header_fields(r, title):
        if markdown:
            if len(lines) == 1:
                out.append(f"- **{label}:** {lines[0]}")
            else:
                out += [f"- **{label}:**"] + [f"  - {x}" for x in lines]
        else:
            out.append(f"{label + ':':<27}{lines[0]}")
            out += [f"{'':<27}{x}" for x in lines[1:]]
    return "\n".join(out) + "\n"


def _print_rich(r: PointInTime, title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    from lovkons.renderers.text import render_text

    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for label, lines in header_fields(r, title):
        table.add_row(label, "\n".join(lines))
    console = Console(highlight=False)
    console.print(table)
    if r.document is not None:
        console.rule()
        sys.stdout.write(render_text(r.document, header=False))


def register(app: typer.Typer) -> None:
    @app.command("consolidate", epilog=EXIT_HELP)
    def consolidate_cmd(
        doc: Annotated[str, typer.Argument(help="Identifier ('BEK 1292/2007', 'bek nr. 1292 af 24. oktober 2007', 'eli/lta/2007/1292') or a path in the corpus.")],
        at: Annotated[str, typer.Option("--at", help="The day, YYYY-MM-DD.")],
        corpus: Annotated[Path, typer.Option(help="Corpus folder.")] = Path("corpus"),
        fmt: Annotated[
            Format,
            typer.Option("--format", help="text: a header (status, version, orders included, refused), then the Danish text; markdown: the same in Markdown; json: document, status, orders, applied, pending, refused, problems."),
        ] = Format.text,
        last: Annotated[bool, typer.Option("--last", help="After a repeal or end: the last version.")] = False,
        metadata: Annotated[
            bool,
            typer.Option("--header", help="text: print the '# Key: value' metadata header instead of the human header, so the output reads back with `lovkons parse`."),
        ] = False,
        literal: Annotated[
            bool,
            typer.Option("--literal", help="Keep the ministry and authority names as the amending acts leave them (by default they are those in office on the day, as in an official consolidation)."),
        ] = False,
    ) -> None:
        """A document of the corpus as it read on a given day (base + every change in force that day).

        Exit 3 when some instruction in force that day could not be applied (listed under Refused).
        """
        try:
            day = parse_day(at)
            check_doc(doc, corpus)
            c = open_corpus(corpus)
            result = consolidate_at(c, doc, day, last=last, literal=literal)
        except LovkonsError as exc:
            print(f"lovkons: {exc}", file=sys.stderr)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        title = c.facts[result.key].title if result.key in c.facts else None
        if fmt is Format.json:
            print_json(result_json(result, title))
        elif fmt is Format.text and metadata:
            from lovkons.renderers.text import render_text

            if result.document is None:
                print(f"lovkons: {doc}: no text in force on {day.isoformat()} ({result.status.describe()})",
                      file=sys.stderr)
            else:
                sys.stdout.write(render_text(result.document))
        elif fmt is Format.text and sys.stdout.isatty():
            _print_rich(result, title)
        else:
            markdown = fmt is Format.markdown
            sys.stdout.write(header(result, title, markdown=markdown))
            if result.document is not None:
                sys.stdout.write("\n---\n\n" if markdown else "\n")
                if markdown:
                    from lovkons.renderers.markdown import render_markdown

                    sys.stdout.write(render_markdown(result.document))
                else:
                    from lovkons.renderers.text import render_text

                    sys.stdout.write(render_text(result.document, header=False))
        if fmt is not Format.json:
            print_problems(result.problems)
        raise typer.Exit(EXIT_NOT_APPLIED if result.refused else EXIT_OK)
