"""Stage 4 (cli): `lovkons parse PATH… [--format tree|json|text|markdown|summary] [--lenient]`.

Reads each document (format detected from content), prints it in the chosen form; bad files are
reported one line each on stderr, the rest still printed, exit 2 at the end (contract.md).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lovkons.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_HELP,
    EXIT_OK,
    STDIN_NOT_SUPPORTED,
    expand_paths,
    print_json,
    print_json_line,
    print_problems,
    report_bad_input,
)
from lovkons.model.document import LovkonsError, ParseResult


class Format(StrEnum):
    tree = "tree"
    json = "json"
    text = "text"
    markdown = "markdown"
    summary = "summary"
    akn = "akn"
    html = "html"


def summary_line(file: str, result: ParseResult) -> str:
    """`file<TAB>kind<TAB>number/year<TAB>§ count<TAB>problem count` ("-" for an unknown number/year)."""
    meta = result.document.meta
    if meta.number is None and meta.year is None:
        ident = "-"
    else:
        ident = f"{'' if meta.number is None else meta.number}/{'' if meta.year is None else meta.year}"
    count = len(result.document.paragraffer())
    return f"{file}\t{meta.kind}\t{ident}\t{count}\t{len(result.problems)}"


def _emit(fmt: Format, file: str, result: ParseResult, *, batch: bool) -> None:
    """Print one parsed document; imports of heavier renderers happen only when needed."""
    if fmt is Format.summary:
        sys.stdout.write(summary_line(file, result) + "\n")
        return
    if fmt is Format.json:
        from lovkons.renderers.json_out import document_json, problems_json

        obj = {"document": document_json(result.document), "problems": problems_json(result.problems)}
        if batch:
            print_json_line({"file": file, **obj})
        else:
            print_json(obj)
        return
    if batch:
        sys.stdout.write(f"==> {file} <==\n")
    if fmt is Format.tree:
        from rich.console import Console

        from lovkons.renderers.terminal import render_tree

        Console(soft_wrap=False).print(render_tree(result.document))
    elif fmt is Format.text:
        from lovkons.renderers.text import render_text

        sys.stdout.write(render_text(result.document))
    elif fmt in (Format.akn, Format.html):
        from lovkons.renderers.publication import of_document, render_publication

        sys.stdout.write(render_publication(of_document(result.document), fmt.value))
    else:
        from lovkons.renderers.markdown import render_markdown

        sys.stdout.write(render_markdown(result.document))
    if batch:
        sys.stdout.write("\n")
    print_problems(result.problems)


def parse_paths(paths: list[Path], fmt: Format, *, lenient: bool = False) -> int:
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
    for file in files:
        try:
            result = read_document(file, lenient=lenient)
        except (LovkonsError, OSError) as exc:
            report_bad_input(exc, file)
            bad = True
            continue
        _emit(fmt, str(file), result, batch=batch)
    if not files and not missing:
        print(f"lovkons: {', '.join(map(str, paths))}: no documents found", file=sys.stderr)
        bad = True
    return EXIT_BAD_INPUT if bad else EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("parse", epilog=EXIT_HELP)
    def parse(
        paths: Annotated[list[Path], typer.Argument(help="Files or directories (.xml/.txt/.json/.html).")],
        format: Annotated[  # named as the contract's --format option
            Format | None,
            typer.Option("--format", "-f", help="tree: an outline; json: {document, problems} (JSON Lines with 'file' for several files); text: re-parseable Danish text with the '# Key: value' header; markdown; summary: file, kind, number/year, § count, problem count per line; akn: Akoma Ntoso 3.0 XML; html: a readable page. Default: tree on a terminal, else json."),
        ] = None,
        lenient: Annotated[
            bool, typer.Option("--lenient", help="Accept non-legal input as kind 'other'.")
        ] = False,
    ) -> None:
        """Parse documents into § / stk. / nr. / litra trees and print them."""
        fmt = format or (Format.tree if sys.stdout.isatty() else Format.json)
        code = parse_paths(paths, fmt, lenient=lenient)
        if code:
            raise typer.Exit(code)
