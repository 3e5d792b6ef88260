"""Stage 4 (cli): `lovkons diff A B` (two files) and `lovkons diff DOC --from DATE --to DATE
[--corpus DIR]` (two versions of a corpus document) → changes per provision with their sources.

Exit 0 with or without differences; with --exit-code, 1 when there are differences (like git).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lovkons.cli.output import EXIT_HELP, check_doc, check_file
from lovkons.model.document import Document, LovkonsError
from lovkons.review.diff import DocumentDiff, diff_documents

if TYPE_CHECKING:
    from lovkons.amender.consolidate import Applied
    from lovkons.history.corpus import Corpus


class Format(StrEnum):
    terminal = "terminal"
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


def parse_date(text: str, option: str) -> dt.date:
    """"2009-08-01" or "1. august 2009" → date; anything else is bad input (exit 2)."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    from lovkons.parsers.dates import parse_danish_date

    found = parse_danish_date(text)
    if found is None:
        raise LovkonsError(f"{option}: not a date: {text!r} (expected YYYY-MM-DD)")
    return found


def _read(path: str) -> Document:
    from lovkons.parsers.read import read_document

    return read_document(check_file(path)).document


def diff_files(a: str, b: str) -> DocumentDiff:
    """Diff two documents read from files (any supported format)."""
    old, new = _read(a), _read(b)
    return diff_documents(
        old, new, old_label=f"{old.meta.short} ({Path(a).name})", new_label=f"{new.meta.short} ({Path(b).name})"
    )


def _version(corpus: Corpus, doc: str, at: dt.date, literal: bool = False) -> tuple[Document, list[Applied]]:
    """The document in force on `at` and the amender's log of what was applied to it."""
    from lovkons.amender.consolidate import Applied
    from lovkons.history.pointintime import consolidate_at  # base + every item in force that day

    result = consolidate_at(corpus, doc, at, literal=literal)
    if result.key not in corpus.facts:  # known only from the documents that repeal it
        raise LovkonsError(f"{doc}: no text to compare: {result.problems[0].message}" if result.problems
                           else f"{doc}: not in the corpus")  # fmt: skip
    if result.document is None:
        raise LovkonsError(f"{doc}: no version in force on {at.isoformat()} ({result.status.describe()})")
    for problem in result.refused:
        print(f"lovkons: warning: {at.isoformat()}: {problem.one_line()}", file=sys.stderr)
    return result.document, [a for a in result.applied if isinstance(a, Applied)]


def diff_dates(doc: str, start: dt.date, end: dt.date, corpus_dir: Path, literal: bool = False) -> DocumentDiff:
    """Diff the versions of corpus document `doc` in force on `start` and on `end` (with the ministers in
    office on each day: their renames show as "redaktionel ændring (ressortændring, …)", unless `literal`)."""
    from lovkons.history.corpus import load_corpus

    if not corpus_dir.is_dir():
        raise LovkonsError("corpus directory not found", file=str(corpus_dir))
    check_doc(doc, corpus_dir)
    corpus = load_corpus(corpus_dir)
    (old, old_log), (new, new_log) = _version(corpus, doc, start, literal), _version(corpus, doc, end, literal)
    window = (start, end) if start <= end else (end, start)
    short = new.meta.short
    return diff_documents(
        old, new, old_label=f"{short} pr. {start.isoformat()}", new_label=f"{short} pr. {end.isoformat()}",
        window=window, applied=old_log + new_log,
    )


def emit(diff: DocumentDiff, fmt: Format) -> None:
    """Print `diff` on stdout; the terminal form falls back to plain text without colour."""
    if fmt is Format.terminal:
        from rich.console import Console

        console = Console(highlight=False)
        if console.is_terminal and not console.no_color and console.color_system is not None:
            from lovkons.renderers.diff_terminal import render_diff_terminal

            console.print(render_diff_terminal(diff))
            return
        fmt = Format.text
    if fmt is Format.json:
        sys.stdout.write(json.dumps(diff.to_json(), ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.text:
        from lovkons.renderers.diff_text import render_diff_text

        sys.stdout.write(render_diff_text(diff))
    elif fmt is Format.markdown:
        from lovkons.renderers.diff_markdown import render_diff_markdown

        sys.stdout.write(render_diff_markdown(diff))
    else:
        from lovkons.renderers.diff_html import render_diff_html

        sys.stdout.write(render_diff_html(diff))


def register(app: typer.Typer) -> None:
    @app.command("diff", epilog=EXIT_HELP + " With --exit-code: 1 when there are differences (like git diff).")
    def diff(
        documents: Annotated[list[str], typer.Argument(help="A B (two files), or DOC with --from/--to.")],
        start: Annotated[str | None, typer.Option("--from", help="Date of the old version (DOC mode): YYYY-MM-DD or '1. august 2009'.")] = None,
        end: Annotated[str | None, typer.Option("--to", help="Date of the new version (DOC mode).")] = None,
        corpus: Annotated[Path, typer.Option("--corpus", help="Corpus folder (DOC mode).")] = Path("corpus"),
        format: Annotated[
            Format,
            typer.Option("--format", "-f", help="terminal: coloured (plain text when not a terminal); text; markdown; json; html: a self-contained sammenstilling page."),
        ] = Format.terminal,
        exit_code: Annotated[
            bool, typer.Option("--exit-code", help="Exit 1 when there are differences (like git).")
        ] = False,
        literal: Annotated[
            bool, typer.Option("--literal", help="DOC mode: keep the ministry and authority names as the amending acts leave them (no ressortændringer).")
        ] = False,
    ) -> None:
        """Show what changed between two versions, provision by provision, with the sources."""
        try:
            if len(documents) == 2 and start is None and end is None:
                result = diff_files(documents[0], documents[1])
            elif len(documents) == 1 and start is not None and end is not None:
                result = diff_dates(documents[0], parse_date(start, "--from"), parse_date(end, "--to"), corpus, literal)
            else:
                raise LovkonsError("give two files (diff A B) or one document with --from DATE --to DATE")
        except LovkonsError as exc:
            print(f"lovkons: {exc}", file=sys.stderr)
            raise typer.Exit(2) from None
        emit(result, format)
        if exit_code and result:
            raise typer.Exit(1)
