"""Stage 4 (cli): `lovkons apply MANIFEST.yaml | BASE AMENDING… [--at DATE] [--format text|json|markdown]`.

Consolidates and prints the document under a short summary (or, with --header, the re-parseable
`# Key: value` metadata header); refused/unparsed instructions go to stderr and give exit 3.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from lovkons.amender.consolidate import Applied, Consolidation
from lovkons.amender.manifest import Amendment, Manifest, Run, load_manifest, run_manifest
from lovkons.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_HELP,
    check_file,
    exit_code,
    print_json,
    print_problems,
    report_bad_input,
)
from lovkons.model.document import LovkonsError
from lovkons.renderers.json_out import document_json, problems_json
from lovkons.ressort.layer import EditorialChange, consolidated_at


class Format(str, Enum):  # noqa: UP042 - typer needs a str Enum
    text = "text"
    json = "json"
    markdown = "markdown"


def applied_json(a: Applied) -> dict[str, object]:
    return {"source": str(a.source), "op": a.op, "target": a.target}


def result_json(result: Consolidation, editorial: tuple[EditorialChange, ...] = ()) -> dict[str, object]:
    return {
        "document": document_json(result.document),
        "applied": [applied_json(a) for a in result.applied],
        "problems": problems_json(result.problems),
        "pending": [str(p.source) for p in result.pending],
        "editorial": [c.to_json() for c in editorial],  # ressortændringer (with --at), with their legal basis
    }


def summary_fields(run: Run, at: dt.date | None) -> list[tuple[str, str]]:
    """(label, value) lines of the human summary above the consolidated text."""
    base = run.base.meta
    title = f" — {base.title}" if base.title else ""
    result = run.result
    orders = []
    for order in run.orders:
        short = order.meta.short
        n = sum(1 for a in result.applied if a.source.document == short)
        orders.append(f"{short} ({n} change{'s' if n != 1 else ''} applied)")
    fields = [("Base", f"{base.short}{title}"), ("Orders applied", ", ".join(orders) or "none")]
    if at is not None or run.manifest.at is not None:
        fields.append(("In force on", (at or run.manifest.at or dt.date.min).isoformat()))
    if result.pending:
        fields.append(("Not yet in force", f"{len(result.pending)} item(s), left out"))
    refused = result.refused
    fields.append(("Refused", f"{len(refused)} (listed on stderr)" if refused else "none"))
    return fields


def summary(run: Run, at: dt.date | None, *, markdown: bool = False) -> str:
    """The summary as "Label: value" lines, or as a Markdown bullet list, ending in a separator."""
    fields = summary_fields(run, at)
    if markdown:
        return "".join(f"- **{label}:** {value}\n" for label, value in fields) + "\n---\n\n"
    width = max(len(label) for label, _ in fields) + 2
    return "".join(f"{label + ':':<{width}}{value}\n" for label, value in fields) + "\n"


def manifest_from_args(paths: list[Path]) -> Manifest:
    manifests = [p for p in paths if p.suffix.lower() in (".yaml", ".yml")]
    if len(paths) == 1 and manifests:
        return load_manifest(paths[0])
    if manifests:
        raise LovkonsError("a manifest (.yaml) is given alone, not with other files", file=str(manifests[0]))
    if len(paths) < 2:
        raise LovkonsError("give a manifest (.yaml) or a base document and at least one amending document")
    for p in paths:
        check_file(p)
    return Manifest(paths[0], paths[0], tuple(Amendment(p) for p in paths[1:]))


def check_repeats(manifest: Manifest) -> None:
    """Each amending document is applied once: the same file twice (unless as two different parts),
    or the base also given as an amending document, is bad input, not a refusal."""
    base = manifest.base.resolve()
    seen: list[tuple[Path, str | None]] = []
    for i, a in enumerate(manifest.amendments, 1):
        path = a.path.resolve()
        where = str(a.path if manifest.file == manifest.base else manifest.file)  # the file, or the manifest
        if path == base:
            raise LovkonsError(f"amendment {i} ({a.path}) is the base document itself, not an amending document",
                               file=where)
        for j, (other, part) in enumerate(seen, 1):
            if other == path and (part is None or a.part is None or part == a.part):
                raise LovkonsError(f"amendment {i} repeats amendment {j} ({a.path.name}); each order is applied"
                                   " once (use 'part' to name different parts)", file=where)  # fmt: skip
        seen.append((path, a.part))


def register(app: typer.Typer) -> None:
    @app.command(epilog=EXIT_HELP)
    def apply(
        paths: Annotated[list[Path], typer.Argument(help="MANIFEST.yaml, or BASE followed by AMENDING documents.")],
        at: Annotated[str | None, typer.Option("--at", help="Only what is in force on this day (YYYY-MM-DD).")] = None,
        fmt: Annotated[
            Format,
            typer.Option("--format", "-f", help="text: a summary, then the Danish text; markdown: the same in "
                         "Markdown; json: {document, applied, problems, pending} (contract)."),
        ] = Format.text,
        notes: Annotated[bool, typer.Option("--notes", help="Show provenance notes in text/markdown.")] = False,
        header: Annotated[
            bool,
            typer.Option("--header", help="text: print the '# Key: value' metadata header instead of the "
                         "summary, so the output reads back with `lovkons parse`/`apply`."),
        ] = False,
        literal: Annotated[
            bool,
            typer.Option("--literal", help="With --at: keep the ministry and authority names as the amending acts "
                         "leave them (by default those in office that day, as in an official consolidation)."),
        ] = False,
    ) -> None:
        """Apply amending orders to a base document and print the consolidated text.

        Only change blocks that cite the base are applied (with a manifest 'part': only that part). Refused instructions are listed on stderr, one line each; the document is left as it was for them (exit 3).
        """
        try:
            day = dt.date.fromisoformat(at) if at else None
        except ValueError:
            print(f"lovkons: --at must be a date YYYY-MM-DD, not {at!r}", file=sys.stderr)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        try:
            manifest = manifest_from_args(paths)
            check_repeats(manifest)
            run = run_manifest(manifest, at=day)
        except LovkonsError as err:
            report_bad_input(err)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        # on a given day the ministers and authorities are those in office then (ressortændringer)
        result, ressort = consolidated_at(run.result, day or manifest.at, base=run.base, orders=run.orders,
                                          literal=literal)
        run = replace(run, result=result)
        if fmt is Format.json:
            print_json(result_json(result, ressort.changes))
        elif fmt is Format.markdown:
            from lovkons.renderers.markdown import render_markdown

            sys.stdout.write(summary(run, day, markdown=True) + render_markdown(result.document, notes=notes))
        else:
            from lovkons.renderers.text import render_text

            head = "" if header else summary(run, day)
            sys.stdout.write(head + render_text(result.document, notes=notes, header=header))
        print_problems(result.problems)
        raise typer.Exit(exit_code(result.problems))
