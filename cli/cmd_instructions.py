"""Stage 4 (cli): `lovkons instructions PATH [--format table|json]` — the operations of an amending
document; exit 3 when any item could not be read, exit 2 when the input is not an amending document."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from lovkons.cli.output import EXIT_BAD_INPUT, EXIT_HELP, EXIT_NOT_APPLIED, check_file, report_bad_input
from lovkons.model.document import LovkonsError
from lovkons.parsers.instructions import read_amending_file
from lovkons.renderers.instructions_out import instruction_rows, instructions_json


class Format(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("instructions", epilog=EXIT_HELP)
    def instructions(
        path: Annotated[Path, typer.Argument(help="An amending document: LexDania XML, Retsinformation HTML/JSON or text")],
        fmt: Annotated[
            Format,
            typer.Option("--format", "-f", help="table: one row per numbered change with its operations, then the commencement; json: {document, changes, commencement, problems} (contract)."),
        ] = Format.table,
    ) -> None:
        """Read an amending document (BEK Æ / LOV Æ) into exact edit operations.

        Exit 3 when some numbered change could not be read (shown as UNPARSED); exit 2 when the file is not an amending document.
        """
        try:
            doc = read_amending_file(check_file(path) if str(path) == "-" else path)
        except LovkonsError as exc:
            report_bad_input(exc, path)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        unparsed = any(not it.operations for block in doc.changes for it in block.items)
        if fmt is Format.json:
            typer.echo(json.dumps(instructions_json(doc), ensure_ascii=False, indent=1))
        else:
            # The document's text is shown as Text: never read as rich markup ("[/x]" in a law is text) and
            # never run through rich's highlighting regexes (quadratic on a long word).
            console = Console(width=None if sys.stdout.isatty() else 132, highlight=False)  # piped: one line per row
            for block in doc.changes:
                t = block.target
                line = Text(f"§ {block.paragraf}", style="bold")
                line.append(f" → {t.kind or '?'} {t.number or ''}{'/' + str(t.year) if t.year else ''} {t.title or ''}")
                console.print(line)
            table = Table("item", "operation", "target", "old → new", "payload", "in force")
            for i in (0, 1, 5):
                table.columns[i].no_wrap = True
            for row in instruction_rows(doc):
                table.add_row(*(Text(cell) for cell in row), style="red" if row[1] == "UNPARSED" else None)
            console.print(table)
            for c in doc.commencement:
                when = f"{c.date} at the earliest (Lovtidende date unknown)" if c.earliest else c.date or "undetermined"
                console.print(Text(f"in force: {when} ({c.applies_to}): {c.text}"))
            for p in doc.problems:
                console.print(Text(p.one_line()), style="yellow" if p.severity == "warning" else "red")
        if unparsed:
            raise typer.Exit(EXIT_NOT_APPLIED)
