"""Stage 4 (cli): `lovkons parse PATH… [--format tree|json|text|markdown|summary] [--lenient]`.

Reads each document (format detected from content), prints it in the chosen form; bad files are
reported one line each on stderr, the rest still printed, exit 2 at the end (contract.md).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from lovkons.cli.options import Color, ColorOption, OutputOption, use_color
from lovkons.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_HELP,
    EXIT_OK,
    STDIN_NOT_SUPPORTED,
    expand_paths,
    is_terminal,
    output,
    print_problems,
    report_bad_input,
)
from lovkons.model.document import LovkonsError, ParseResult

EXAMPLE = "Example: lovkons parse tests/data/seeds/002_921bab4842c84254.txt -f json"


class Format(StrEnum):
    tree = "tree"
    json = "json"
    text = "text"
    markdown = "markdown"
    summary = "summary"
    tsv = "tsv"
    akn = "akn"
    html = "html"


def _emit(fmt: Format, file: str, result: ParseResult, stream: TextIO, *, batch: bool, color: bool) -> None:
    """Write one parsed document; imports of heavier renderers happen only when needed."""
    if fmt in (Format.summary, Format.tsv):
        from lovkons.renderers.summary import summary_line

        stream.write(summary_line(file, result) + "\n")
        return
    if fmt is Format.json:
        from lovkons.renderers.json_out import document_json, dumps, dumps_line, problems_json, stamped

        obj = {"document": document_json(result.document), "problems": problems_json(result.problems)}
        stream.write(dumps_line(stamped("parse", {"file": file, **obj})) if batch else dumps(stamped("parse", obj)))
        return
    if batch:
        stream.write(f"==> {file} <==\n")
    if fmt is Format.tree:
        from lovkons.renderers.console import render
        from lovkons.renderers.terminal import render_tree

        stream.write(render(render_tree(result.document), color=color, terminal=is_terminal(stream)))
    elif fmt is Format.text:
        from lovkons.renderers.text import render_text

        stream.write(render_text(result.document))
    elif fmt in (Format.akn, Format.html):
        from lovkons.renderers.publication import of_document
        from lovkons.renderers.publish import render_publication

        stream.write(render_publication(of_document(result.document), fmt.value))
    else:
        from lovkons.renderers.markdown import render_markdown

        stream.write(render_markdown(result.document))
    if batch:
        stream.write("\n")
    print_problems(result.problems)


def parse_paths(paths: list[Path], fmt: Format, *, lenient: bool = False, out: Path | None = None,
                color: Color = Color.auto) -> int:
    """Parse and print every file under `paths`; returns the exit code (0, or 2 if any was bad)."""
    from lovkons.parsers.read import read_document

    bad = False
    if any(str(p) == "-" for p in paths):
        print(f"lovkons: -: {STDIN_NOT_SUPPORTED}", file=sys.stderr)
        paths = [p for p in paths if str(p) != "-"]
        if not paths:
            return EXIT_BAD_INPUT
        bad = True
    files, missing = expand_paths(paths)
    batch = len(paths) > 1 or any(p.is_dir() for p in paths)
    for path in missing:
        report_bad_input(FileNotFoundError(2, "no such file or directory", str(path)), path)
        bad = True
    with output(out) as stream:
        if fmt is Format.tsv:
            from lovkons.renderers.summary import SUMMARY_HEADER

            stream.write(SUMMARY_HEADER + "\n")
        for file in files:
            try:
                result = read_document(file, lenient=lenient)
            except (LovkonsError, OSError) as exc:
                report_bad_input(exc, file)
                bad = True
                continue
            _emit(fmt, str(file), result, stream, batch=batch, color=use_color(color, stream))
    if not files and not missing:
        print(f"lovkons: {', '.join(map(str, paths))}: no documents found", file=sys.stderr)
        bad = True
    return EXIT_BAD_INPUT if bad else EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("parse", epilog=f"{EXAMPLE}\n\n{EXIT_HELP}")
    def parse(
        # read as strings (made Paths below): typer checks a list[Path] argument item by item, about
        # 0.1 ms each, a fifth of a second for the 2,094 files of the corpus
        paths: Annotated[list[str], typer.Argument(help="Files or directories (.xml/.txt/.json/.html).")],
        format: Annotated[  # named as the contract's --format option
            Format,
            typer.Option("--format", "-f", help="tree: an outline (the default, piped or not); json: {schema, document, problems} (JSON Lines with 'file' for several files); text: re-parseable Danish text with the '# Key: value' header; markdown; tsv: a header line, then file, kind, number/year, § count, problem count per document; summary: the same lines without the header; akn: Akoma Ntoso 3.0 XML; html: a readable page."),
        ] = Format.tree,
        lenient: Annotated[
            bool, typer.Option("--lenient", help="Accept non-legal input as kind 'other'.")
        ] = False,
        out: OutputOption = None,
        color: ColorOption = Color.auto,
    ) -> None:
        """Parse documents into § / stk. / nr. / litra trees and print them."""
        code = parse_paths([Path(p) for p in paths], format, lenient=lenient, out=out, color=color)
        if code:
            raise typer.Exit(code)
