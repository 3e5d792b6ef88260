"""Stage 4 (cli): `lovkons rebuild [--corpus DIR] [--out DIR] [--jobs N]`: every main document of a
corpus at every date its text changes → out/. Progress bar and summary table on a terminal, plain
lines otherwise. The files of each version come from
`lovkons.renderers.version_files.render_version` (Markdown + JSON).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from lovkons.cli.output import EXIT_BAD_INPUT, EXIT_BUG, EXIT_HELP, EXIT_OK
from lovkons.history.rebuild import RebuildStats, rebuild
from lovkons.model.document import LovkonsError
from lovkons.renderers.version_files import render_version


def _summary_rows(stats: RebuildStats) -> list[tuple[str, str]]:
    return [
        ("documents", str(stats.documents)),
        ("versions", str(stats.versions)),
        ("recomputed", str(len(stats.recomputed))),
        ("reused", str(len(stats.reused))),
        ("files parsed", str(stats.scanned)),
        ("refused instructions", str(stats.refused)),
        ("problems", str(stats.problems)),
        ("internal errors", str(len(stats.errors))),
        ("output written", "yes" if stats.written else "no (up to date)"),
    ]


def run(corpus: Path, out: Path, jobs: int | None, literal: bool = False) -> RebuildStats:
    if not sys.stderr.isatty():
        def plain(doc_id: str, done: int, total: int) -> None:
            print(f"[{done}/{total}] {doc_id}", flush=True)

        stats = rebuild(corpus, out, render=render_version, jobs=jobs, progress=plain, literal=literal)
        for name, value in _summary_rows(stats):
            print(f"{name}: {value}")
        return stats
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from rich.table import Table

    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console) as bar:
        task = bar.add_task("rebuilding", total=None)

        def fancy(doc_id: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=doc_id)

        stats = rebuild(corpus, out, render=render_version, jobs=jobs, progress=fancy, literal=literal)
    table = Table(title=f"lovkons rebuild → {out}", show_header=False)
    table.add_column("")
    table.add_column("", justify="right")
    for name, value in _summary_rows(stats):
        table.add_row(name, value)
    Console().print(table)
    return stats


def register(app: typer.Typer) -> None:
    @app.command("rebuild", epilog=EXIT_HELP)
    def rebuild_cmd(
        corpus: Annotated[Path, typer.Option(help="Corpus folder (see corpus/README.md).")] = Path("corpus"),
        out: Annotated[Path, typer.Option(help="Output folder, replaced atomically.")] = Path("consolidated"),
        jobs: Annotated[int | None, typer.Option(min=0, help="Worker processes (default or 0: all cores).")] = None,
        literal: Annotated[bool, typer.Option("--literal", help="Keep the ministry and authority names as the amending acts leave them (no ressortændringer).")] = False,
    ) -> None:
        """Rebuild every document of a corpus at every date its text changes (what `make demo` runs).

        Writes OUT/<ID>/<from-date>.md and .json per version, OUT/index.json and OUT/report.md; unchanged documents are reused. Refused instructions are counted in the summary and listed in report.md; they do not change the exit code.
        """
        try:
            from lovkons.history.corpus import corpus_files

            if not corpus.is_dir():
                raise LovkonsError("corpus folder not found", file=str(corpus))
            if not corpus_files(corpus):
                raise LovkonsError("no documents in the corpus folder (see corpus/README.md)", file=str(corpus))
            stats = run(corpus, out, jobs, literal)
        except LovkonsError as exc:
            print(f"lovkons: {exc}", file=sys.stderr)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except OSError as exc:  # the output could not be written (disk full, permissions): nothing replaced
            detail = f" ({exc.filename})" if exc.filename else ""
            print(f"lovkons: {out}: --out: cannot write the output: {exc.strerror or exc}{detail}", file=sys.stderr)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        if stats.errors:  # a bug in lovkons, not in the corpus: the other documents were written
            more = f" (and {len(stats.errors) - 1} more)" if len(stats.errors) > 1 else ""
            print(f"lovkons: internal error: {stats.errors[0]}{more}; see {out / 'report.md'}", file=sys.stderr)
            raise typer.Exit(EXIT_BUG)
        raise typer.Exit(EXIT_OK)
