"""Stage 4 (cli): `lovkons rebuild [--corpus DIR] [--out DIR] [--jobs N]`: every main document of a
corpus at every date its text changes → OUT/. Progress and the summary go to stderr (a bar on a
terminal, plain lines otherwise); the files come from `lovkons.renderers.rebuild_files`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from lovkons.cli.options import Color, ColorOption, CorpusOption, NoCacheOption, use_color
from lovkons.cli.output import EXIT_BUG, EXIT_HELP, EXIT_NOT_APPLIED, EXIT_OK
from lovkons.history.rebuild import RebuildStats, rebuild
from lovkons.model.document import LovkonsError
from lovkons.renderers.rebuild_files import summary_rows
from lovkons.renderers.rebuild_formats import DEFAULT, parse_formats, renderer

EXAMPLE = "Example: lovkons rebuild --corpus corpus --out consolidated --jobs 2"


def run(corpus: Path, out: Path, jobs: int | None, *, color: bool = False, cache: bool = True,
        formats: tuple[str, ...] = DEFAULT, follow_links: bool = False, literal: bool = False,
        compact: bool = False) -> RebuildStats:  # fmt: skip
    """Rebuild with progress on stderr (a bar on a terminal — first the corpus index, then the
    documents — else one line per document), then the summary on stderr."""
    files = renderer(formats, compact)
    if not sys.stderr.isatty():
        def plain(doc_id: str, done: int, total: int) -> None:
            print(f"[{done}/{total}] {doc_id}", file=sys.stderr, flush=True)

        stats = rebuild(corpus, out, render=files, jobs=jobs, progress=plain, cache=cache, follow_links=follow_links,
                        literal=literal)
        for name, value in summary_rows(stats):
            print(f"{name}: {value}", file=sys.stderr)
        return stats
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from rich.table import Table

    console = Console(stderr=True, no_color=not color, highlight=False)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console) as bar:
        task = bar.add_task("rebuilding", total=None)

        def fancy(doc_id: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=doc_id)

        def indexing(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description="indexing the corpus")

        stats = rebuild(corpus, out, render=files, jobs=jobs, progress=fancy, cache=cache, follow_links=follow_links,
                        literal=literal, indexing=indexing)
    table = Table(title=f"lovkons rebuild → {out}", show_header=False)
    table.add_column("")
    table.add_column("", justify="right")
    for name, value in summary_rows(stats):
        table.add_row(name, value)
    console.print(table)
    return stats


def register(app: typer.Typer) -> None:
    @app.command("rebuild", epilog=f"{EXAMPLE}\n\n{EXIT_HELP}")
    def rebuild_cmd(
        corpus: CorpusOption = None,
        out: Annotated[Path, typer.Option("--out", help="Output folder, replaced atomically.")] = Path("consolidated"),
        jobs: Annotated[int | None, typer.Option(min=0, help="Worker processes (default or 0: all cores).")] = None,
        color: ColorOption = Color.auto,
        no_cache: NoCacheOption = False,
        literal: Annotated[bool, typer.Option("--literal", help="Keep the ministry and authority names as the amending acts leave them (by default those in office on the day, as an official consolidation prints them: ressortændringer).")] = False,
        formats: Annotated[str, typer.Option(help="Files per version, comma-separated: md, json, akn (Akoma Ntoso, .akn.xml), html. Fewer formats, less output: the JSON is about 3/4 of it.")] = "md,json",
        compact_json: Annotated[bool, typer.Option("--compact-json", help="Write the JSON files (versions and index.json) on one line without spaces: the same values, sorted keys, about 30 % fewer bytes.")] = False,
        follow_links: Annotated[bool, typer.Option(
            "--follow-links", help="Read symbolic links that lead outside the corpus (refused by default).")] = False,
    ) -> None:
        """Rebuild every document of a corpus at every date its text changes (what `make demo` runs).

        Writes OUT/<ID>/<from-date>.md and .json per version, OUT/index.json and OUT/report.md; unchanged documents are reused (the jobs are cached, see `lovkons cache`). Exit 3 when some instruction was refused (counted in the summary, listed in report.md).
        """
        from lovkons.cli.options import corpus_dir
        from lovkons.history.corpus import corpus_files

        folder = corpus_dir(corpus, no_cache=no_cache)
        wanted = parse_formats(formats)
        if not corpus_files(folder):
            raise LovkonsError("no documents in the corpus folder (see corpus/README.md)", file=str(folder))
        try:
            stats = run(folder, out, jobs, color=use_color(color, sys.stderr), cache=not no_cache, formats=wanted,
                        follow_links=follow_links, literal=literal, compact=compact_json)
        except OSError as exc:  # the output could not be written (disk full, permissions): nothing replaced
            detail = f" ({exc.filename})" if exc.filename else ""
            raise LovkonsError(f"--out: cannot write the output: {exc.strerror or exc}{detail}", file=str(out)) from None
        for line in stats.unreadable:  # inputs not read: named here too, not only in report.md
            print(f"lovkons: {line}", file=sys.stderr)
        if stats.errors:  # a bug in lovkons, not in the corpus: the other documents were written
            more = f" (and {len(stats.errors) - 1} more)" if len(stats.errors) > 1 else ""
            print(f"lovkons: internal error: {stats.errors[0]}{more}; see {out / 'report.md'}", file=sys.stderr)
            raise typer.Exit(EXIT_BUG)
        raise typer.Exit(EXIT_NOT_APPLIED if stats.refused else EXIT_OK)
