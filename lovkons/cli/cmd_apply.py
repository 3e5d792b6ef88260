"""Stage 4 (cli): `lovkons apply MANIFEST.yaml | BASE AMENDING… [--at DATE] [--format text|json|markdown]`.

Prints the consolidated document on stdout (with --header, starting with the re-parseable `# Key:
value` metadata lines); the summary (base, orders applied, refused) and the refused/unparsed
instructions go to stderr, and give exit 3.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lovkons.amender.manifest import Amendment, Manifest, load_manifest, run_manifest
from lovkons.cli.options import DATE_HELP, Color, ColorOption, OutputOption, parse_date, use_color
from lovkons.cli.output import EXIT_HELP, check_file, exit_code, output, print_problems
from lovkons.model.document import LovkonsError
from lovkons.renderers.apply_out import apply_json, summary_text
from lovkons.ressort.layer import consolidated_at

EXAMPLE = ("Example: lovkons apply tests/data/laws/LBK-2009-196/LBK-2009-196.xml "
           "tests/data/laws/LOV-2011-341/LOV-2011-341.xml")


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    akn = "akn"
    html = "html"


def manifest_from_args(paths: list[Path], follow_links: bool = False) -> Manifest:
    manifests = [p for p in paths if p.suffix.lower() in (".yaml", ".yml")]
    if len(paths) == 1 and manifests:
        return load_manifest(paths[0], follow_links=follow_links)
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
    @app.command(epilog=f"{EXAMPLE}\n\n{EXIT_HELP}")
    def apply(
        paths: Annotated[list[Path], typer.Argument(help="MANIFEST.yaml, or BASE followed by AMENDING documents.")],
        at: Annotated[str | None, typer.Option("--at", help=f"Only what is in force on this day: {DATE_HELP}.")] = None,
        fmt: Annotated[
            Format,
            typer.Option("--format", "-f", help="text: the Danish text; markdown: the same in Markdown; json: "
                         "{schema, document, applied, problems, pending} (contract). The summary goes to stderr."),
        ] = Format.text,
        notes: Annotated[bool, typer.Option("--notes", help="Show provenance notes in text/markdown.")] = False,
        header: Annotated[
            bool,
            typer.Option("--header", help="text: start with the '# Key: value' metadata lines, so the output "
                         "reads back with `lovkons parse`/`apply`."),
        ] = False,
        out: OutputOption = None,
        color: ColorOption = Color.auto,
        literal: Annotated[bool, typer.Option("--literal", help="With --at: Keep the ministry and authority names as the amending acts leave them (by default those in office on the day, as an official consolidation prints them: ressortændringer).")] = False,
        follow_links: Annotated[bool, typer.Option(
            "--follow-links", help="Read manifest paths that lead outside its folder and the current folder.")] = False,
    ) -> None:
        """Apply amending orders to a base document and print the consolidated text.

        Only change blocks that cite the base are applied (with a manifest 'part': only that part). Refused instructions are listed on stderr, one line each; the document is left as it was for them (exit 3).
        """
        day = parse_date(at, "--at") if at else None
        manifest = manifest_from_args(paths, follow_links)
        check_repeats(manifest)
        run = run_manifest(manifest, at=day)
        # on a given day the ministers and authorities are those in office then (ressortændringer)
        result, ressort = consolidated_at(run.result, day or manifest.at, base=run.base, orders=run.orders,
                                          literal=literal)
        run = replace(run, result=result)
        with output(out) as stream:
            if fmt is Format.json:
                from lovkons.renderers.json_out import dumps

                stream.write(dumps(apply_json(result, ressort.changes)))
            elif fmt in (Format.akn, Format.html):
                from lovkons.renderers.publication import of_consolidation
                from lovkons.renderers.publish import render_publication

                stream.write(render_publication(of_consolidation(result, day), fmt.value))
            elif fmt is Format.markdown:
                from lovkons.renderers.markdown import render_markdown

                stream.write(render_markdown(result.document, notes=notes))
            else:
                from lovkons.renderers.text import render_text

                stream.write(render_text(result.document, notes=notes, header=header))
        if fmt is not Format.json:
            sys.stderr.write(summary_text(run, day, bold=use_color(color, sys.stderr)))
        print_problems(result.problems)
        raise typer.Exit(exit_code(result.problems))
