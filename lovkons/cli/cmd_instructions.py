"""Stage 4 (cli): `lovkons instructions PATH [-f table|json]` — the operations of an amending
document; exit 3 when any item could not be read, exit 2 when the input is not an amending document."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lovkons.cli.options import Color, ColorOption, OutputOption, use_color
from lovkons.cli.output import EXIT_HELP, EXIT_NOT_APPLIED, check_file, is_terminal, output, print_problems

EXAMPLE = "Example: lovkons instructions tests/data/seeds/003_6ecaac0d05ef115e.txt"


class Format(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("instructions", epilog=f"{EXAMPLE}\n\n{EXIT_HELP}")
    def instructions(
        path: Annotated[Path, typer.Argument(help="An amending document: LexDania XML, Retsinformation HTML/JSON or text")],
        fmt: Annotated[
            Format,
            typer.Option("--format", "-f", help="table: one row per operation, then the commencement; json: {schema, document, changes, commencement, problems} (contract)."),
        ] = Format.table,
        out: OutputOption = None,
        color: ColorOption = Color.auto,
    ) -> None:
        """Read an amending document (BEK Æ / LOV Æ) into exact edit operations.

        Exit 3 when some numbered change could not be read (shown as UNPARSED); exit 2 when the file is not an amending document. Problems go to stderr.
        """
        from lovkons.parsers.instructions import read_amending_file
        from lovkons.renderers.instructions_out import instructions_json, instructions_text
        from lovkons.renderers.json_out import dumps

        doc = read_amending_file(check_file(path) if str(path) == "-" else path)
        unparsed = any(not it.operations for block in doc.changes for it in block.items)
        with output(out) as stream:
            if fmt is Format.json:
                stream.write(dumps(instructions_json(doc)))
            else:
                stream.write(instructions_text(doc, color=use_color(color, stream), terminal=is_terminal(stream)))
        if fmt is not Format.json:
            print_problems(doc.problems)
        if unparsed:
            raise typer.Exit(EXIT_NOT_APPLIED)
