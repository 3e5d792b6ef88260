"""Stage 4 (cli): `lovkons timeline DOC [-f table|json] [--no-check]`: the versions of a document
(commencement, each day an applied item takes effect, the LBKs restating it, its end), with pending,
handed-on, lapsed and refused items.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lovkons.cli.options import Color, ColorOption, CorpusOption, NoCacheOption, OutputOption, use_color
from lovkons.cli.output import (
    EXIT_HELP,
    EXIT_NOT_APPLIED,
    EXIT_OK,
    Prepared,
    is_terminal,
    open_corpus,
    output,
    prepare_corpus,
)
from lovkons.model.document import LovkonsError

EXAMPLE = 'Example: lovkons timeline "LOV 463/2008"'


class Format(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("timeline", epilog=f"{EXAMPLE}\n\n{EXIT_HELP}")
    def timeline_cmd(
        doc: Annotated[str, typer.Argument(help="Identifier ('BEK 1292/2007') or path.")],
        corpus: CorpusOption = None,
        fmt: Annotated[
            Format,
            typer.Option("--format", "-f", help="table: one row per version, then pending, carried, lapsed and refused items; json: the same as one object."),
        ] = Format.table,
        check: Annotated[bool, typer.Option(help="Consolidate to tell applied from refused items (--no-check: dates only, faster).")] = True,
        out: OutputOption = None,
        color: ColorOption = Color.auto,
        no_cache: NoCacheOption = False,
    ) -> None:
        """The versions of a document over time: each day its text changes, what changed, and its end.

        A law goes on through the LBKs that restate it. Exit 3 when an instruction was refused (listed). A document the corpus only names (its own file absent) gets what is known of it.
        """
        prepared = prepare_corpus(corpus, doc, no_cache=no_cache)
        # the text written to a pipe or file is kept for the corpus state (history.results); on a
        # terminal (its width) it is worked out each time
        keep = prepared.results if out is None and not is_terminal(sys.stdout) else None
        question = ("timeline", doc, fmt.value, check, use_color(color, sys.stdout))
        stored = keep.get(*question) if keep is not None else None
        if isinstance(stored, tuple) and len(stored) == 2 and isinstance(stored[0], str) and isinstance(stored[1], int):
            text, code = stored
        else:
            text, code = _work(prepared, doc, fmt, check, out, color)
            if keep is not None and text is not None:
                keep.put((text, code), *question)
        if text is not None:
            with output(out) as stream:
                stream.write(text)
        raise typer.Exit(code)


def _work(prepared: Prepared, doc: str, fmt: Format, check: bool, out: Path | None,
          color: Color) -> tuple[str | None, int]:
    """The timeline's text and exit code (None: written already, not to be kept)."""
    from lovkons.history.timeline import outside_corpus
    from lovkons.history.versions import history
    from lovkons.renderers.json_out import dumps
    from lovkons.renderers.timeline_out import (
        outside_json,
        outside_text,
        refused_problems,
        timeline_json,
        timeline_text,
    )

    c = open_corpus(prepared.path, prepared=prepared)
    try:
        key = c.resolve(doc).key
    except LovkonsError:
        known = outside_corpus(c, doc)
        if known is None:
            raise
        with output(out) as stream:
            stream.write(dumps(outside_json(known)) if fmt is Format.json else outside_text(known))
        return None, EXIT_OK
    h = history(c, key, check=check)
    code = EXIT_NOT_APPLIED if refused_problems(h) else EXIT_OK
    if fmt is Format.json:
        return dumps(timeline_json(c, h)), code
    if out is None:
        return timeline_text(c, h, color=use_color(color, sys.stdout), terminal=is_terminal(sys.stdout)), code
    with output(out) as stream:
        stream.write(timeline_text(c, h, color=use_color(color, stream), terminal=is_terminal(stream)))
    return None, code
