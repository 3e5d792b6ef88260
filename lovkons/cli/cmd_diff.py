"""Stage 4 (cli): `lovkons diff` like git diff: two files (`diff A B`), two corpus documents (`diff ID1
ID2 [--at DATE]`) or one corpus document on two dates (`diff DOC --from DATE [--to DATE]`) → the
changes per provision with the instructions behind them; --stat, --name-only, --quiet, --word-diff,
a unified form, a pager on a terminal.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lovkons.cli.options import (
    DATE_HELP,
    Color,
    ColorOption,
    CorpusOption,
    NoCacheOption,
    OutputOption,
    parse_date,
    use_color,
)
from lovkons.cli.output import (
    DOCUMENT_SUFFIXES,
    EXIT_DIFFERENCES,
    EXIT_HELP,
    EXIT_NOT_APPLIED,
    EXIT_OK,
    Prepared,
    check_file,
    is_terminal,
    open_corpus,
    output,
    prepare_corpus,
)
from lovkons.model.document import LovkonsError

if TYPE_CHECKING:
    from collections.abc import Callable

    from lovkons.history.corpus import Corpus
    from lovkons.review.versions import Versions

EXAMPLE = 'Example: lovkons diff "BEK 1292/2007" --from 2008-06-01 --to "1. august 2009" --stat'


class Format(StrEnum):
    text = "text"
    terminal = "terminal"  # the text form (kept for older scripts); colour follows --color
    unified = "unified"
    markdown = "markdown"
    json = "json"
    html = "html"


class WordDiff(StrEnum):
    auto = "auto"
    plain = "plain"
    color = "color"
    none = "none"


def _is_file(arg: str) -> bool:
    path = Path(arg)
    return path.is_file() or path.suffix.lower() in DOCUMENT_SUFFIXES or arg.startswith(("./", "../", "/", "~"))


def compare(documents: list[str], start: str | None, end: str | None, at: str | None, corpus: Path | None,
            no_cache: bool, literal: bool = False) -> Versions:
    """The two versions the arguments name (bad input → LovkonsError)."""
    from lovkons.review.versions import Versions, documents_diff, versions_diff

    if len(documents) == 2 and start is None and end is None and all(_is_file(d) for d in documents):
        from lovkons import api

        old, new = api.read(check_file(documents[0])).document, api.read(check_file(documents[1])).document
        from lovkons.review.diff import diff_documents

        diff = diff_documents(old, new, old_label=f"{old.meta.short} ({Path(documents[0]).name})",
                              new_label=f"{new.meta.short} ({Path(documents[1]).name})")  # fmt: skip
        return Versions(old, new, diff, new.meta.short, new.meta.title, None, None)
    if len(documents) == 2 and start is None and end is None:
        prepared = prepare_corpus(corpus, documents[0], no_cache=no_cache)
        day = parse_date(at, "--at") if at else None
        return _answer(prepared, ("diff", documents[0], documents[1], day, literal),
                       lambda c: documents_diff(c, documents[0], documents[1], day, literal))  # fmt: skip
    if len(documents) == 1 and start is not None:
        day_from, day_to = parse_date(start, "--from"), parse_date(end or "today", "--to")
        prepared = prepare_corpus(corpus, documents[0], no_cache=no_cache)
        return _answer(prepared, ("diff", documents[0], day_from, day_to, literal),
                       lambda c: versions_diff(c, documents[0], day_from, day_to, literal))  # fmt: skip
    raise LovkonsError("give two files (diff A B), two documents (diff ID1 ID2) or one document with"
                       " --from DATE [--to DATE]")  # fmt: skip


def _answer(prepared: Prepared, question: tuple[object, ...], work: Callable[[Corpus], Versions]) -> Versions:
    """The two versions and their diff: kept for the corpus state (history.results) when asked before,
    so the corpus is not even loaded; else worked out on the corpus (and kept)."""
    from lovkons.review.versions import Versions

    if prepared.results is not None:
        stored = prepared.results.get(*question)
        if isinstance(stored, Versions):
            return stored
    found = work(open_corpus(prepared.path, prepared=prepared))
    if prepared.results is not None:
        prepared.results.put(found, *question)
    return found


def page(text: str) -> None:
    """Show `text` through the pager ($LOVKONS_PAGER, $PAGER, else `less -FRX`), like git."""
    command = os.environ.get("LOVKONS_PAGER", os.environ.get("PAGER", "less -FRX"))
    argv = shlex.split(command)
    if not argv or argv[0] == "cat" or shutil.which(argv[0]) is None:
        sys.stdout.write(text)
        return
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
    with subprocess.Popen(argv, stdin=subprocess.PIPE, env=env, text=True, encoding="utf-8") as proc:
        try:
            assert proc.stdin is not None
            proc.stdin.write(text)
            proc.stdin.close()
        except BrokenPipeError:  # the reader quit the pager early
            pass
        proc.wait()


def register(app: typer.Typer) -> None:
    @app.command("diff", epilog=f"{EXAMPLE}\n\n{EXIT_HELP}")
    def diff(
        documents: Annotated[list[str], typer.Argument(help="A B (two files), ID1 ID2 (two corpus documents), or DOC with --from.")],
        start: Annotated[str | None, typer.Option("--from", help=f"Date of the old version (DOC mode): {DATE_HELP}.")] = None,
        end: Annotated[str | None, typer.Option("--to", help="Date of the new version (DOC mode; default today).")] = None,
        at: Annotated[str | None, typer.Option("--at", help="ID1 ID2 mode: compare both as in force on this day (default: each as issued).")] = None,
        corpus: CorpusOption = None,
        fmt: Annotated[
            Format,
            typer.Option("--format", "-f", help="text: per provision, -/+ lines, a word diff and the sources; unified: a unified diff of the two texts (for delta, diff2html, patch); markdown; json; html: a self-contained sammenstilling page."),
        ] = Format.text,
        stat: Annotated[bool, typer.Option("--stat", help="One line per changed provision and a total (like git).")] = False,
        name_only: Annotated[bool, typer.Option("--name-only", help="Only the addresses of the changed provisions.")] = False,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No output; implies --exit-code.")] = False,
        exit_code: Annotated[bool, typer.Option("--exit-code", help=f"Exit {EXIT_DIFFERENCES} when there are differences (git uses 1, which lovkons keeps for bugs).")] = False,
        word_diff: Annotated[WordDiff, typer.Option("--word-diff", help="text: the word diff line: plain ([-old-]{+new+}), color, none; auto: color with colour, else plain.")] = WordDiff.auto,
        pager: Annotated[bool, typer.Option("--pager/--no-pager", help="Page the output on a terminal ($PAGER, else less -FRX).")] = True,
        out: OutputOption = None,
        color: ColorOption = Color.auto,
        no_cache: NoCacheOption = False,
        literal: Annotated[bool, typer.Option("--literal", help="Corpus versions: Keep the ministry and authority names as the amending acts leave them (by default those in office on the day, as an official consolidation prints them: ressortændringer).")] = False,
    ) -> None:
        """Show what changed between two versions, provision by provision, with the instructions behind each change."""
        versions = compare(documents, start, end, at, corpus, no_cache, literal)
        for day, problem in versions.refused:
            print(f"lovkons: warning: {day.isoformat()}: {problem.one_line()}", file=sys.stderr)
        result = versions.diff
        if not quiet:
            with output(out) as stream:
                colored = use_color(color, stream)
                text = _render(versions, fmt, stat=stat, name_only=name_only, colored=colored,
                               words=word_diff.value if word_diff is not WordDiff.auto else ("color" if colored else "plain"))  # fmt: skip
                if pager and out is None and is_terminal(stream) and text.count("\n") > 1:
                    page(text)
                else:
                    stream.write(text)
        if versions.refused:
            raise typer.Exit(EXIT_NOT_APPLIED)
        raise typer.Exit(EXIT_DIFFERENCES if (exit_code or quiet) and result else EXIT_OK)


def _render(v: Versions, fmt: Format, *, stat: bool, name_only: bool, colored: bool, words: str) -> str:
    from lovkons.renderers import diff_text

    diff = v.diff
    if name_only:
        return diff_text.render_name_only(diff)
    if stat:
        return diff_text.render_diff_stat(diff, color=colored)
    if fmt is Format.json:
        from lovkons.renderers.diff_json import diff_json
        from lovkons.renderers.json_out import dumps

        return dumps(diff_json(diff))
    if fmt is Format.unified:
        from lovkons.renderers.diff_unified import render_unified

        return render_unified(v.old, v.new, diff.old_label, diff.new_label)
    if fmt is Format.markdown:
        from lovkons.renderers.diff_markdown import render_diff_markdown

        return render_diff_markdown(diff)
    if fmt is Format.html:
        import datetime as dt

        from lovkons import __version__
        from lovkons.renderers.diff_html import DiffInfo, eli_url, render_diff_html

        meta = v.new.meta
        info = DiffInfo(title=v.title or meta.title, old_date=v.old_date, new_date=v.new_date,
                        eli=eli_url(meta.kind, meta.number, meta.year), generator=f"lovkons {__version__}",
                        made=dt.date.today())  # fmt: skip
        return render_diff_html(diff, info)
    return diff_text.render_diff_text(diff, words=words, color=colored)
