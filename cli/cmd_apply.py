"""Stage 4 (cli): `lovkons apply MANIFEST.yaml | BASE AMENDING… [--at DATE] [--format text|json|markdown]`.

Consolidates and prints the document; refused/unparsed instructions go to stderr and give exit 3.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from amender.consolidate import Applied, Consolidation
from amender.manifest import Amendment, Manifest, load_manifest, run_manifest
from cli.output import EXIT_BAD_INPUT, exit_code, print_json, print_problems, report_bad_input
from parsers.model import LovkonsError
from renderers.json_out import document_json, problems_json


class Format(str, Enum):  # noqa: UP042 - typer needs a str Enum
    text = "text"
    json = "json"
    markdown = "markdown"


def applied_json(a: Applied) -> dict[str, object]:
    return {"source": str(a.source), "op": a.op, "target": a.target}


def result_json(result: Consolidation) -> dict[str, object]:
    return {
        "document": document_json(result.document),
        "applied": [applied_json(a) for a in result.applied],
        "problems": problems_json(result.problems),
        "pending": [str(p.source) for p in result.pending],
    }


def manifest_from_args(paths: list[Path]) -> Manifest:
    if len(paths) == 1 and paths[0].suffix.lower() in (".yaml", ".yml"):
        return load_manifest(paths[0])
    if len(paths) < 2:
        raise LovkonsError("give a manifest (.yaml) or a base document and at least one amending document")
    for p in paths:
        if not p.is_file():
            raise LovkonsError("no such file", file=str(p))
    return Manifest(paths[0], paths[0], tuple(Amendment(p) for p in paths[1:]))


def register(app: typer.Typer) -> None:
    @app.command()
    def apply(
        paths: Annotated[list[Path], typer.Argument(help="MANIFEST.yaml, or BASE followed by AMENDING documents.")],
        at: Annotated[str | None, typer.Option("--at", help="Only what is in force on this day (YYYY-MM-DD).")] = None,
        fmt: Annotated[Format, typer.Option("--format", "-f", help="Output form.")] = Format.text,
        notes: Annotated[bool, typer.Option("--notes", help="Show provenance notes in text/markdown.")] = False,
    ) -> None:
        """Apply amending orders to a base document and print the consolidated text."""
        try:
            day = dt.date.fromisoformat(at) if at else None
        except ValueError:
            print(f"lovkons: --at must be a date YYYY-MM-DD, not {at!r}", file=sys.stderr)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        try:
            run = run_manifest(manifest_from_args(paths), at=day)
        except LovkonsError as err:
            report_bad_input(err)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        result = run.result
        if fmt is Format.json:
            print_json(result_json(result))
        elif fmt is Format.markdown:
            from renderers.markdown import render_markdown

            sys.stdout.write(render_markdown(result.document, notes=notes))
        else:
            from renderers.text import render_text

            sys.stdout.write(render_text(result.document, notes=notes))
        print_problems(result.problems)
        raise typer.Exit(exit_code(result.problems))
