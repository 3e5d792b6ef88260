"""Stage 4 (cli): `lovkons consolidate DOC [--at DATE] [-f text|markdown|json]`: a corpus document as
in force on a day (today without --at). stdout: the text (or the JSON object); stderr: what the text
is (status, version, orders included, pending and refused items) and warnings.
"""

from __future__ import annotations

import sys
from enum import StrEnum
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
    EXIT_HELP,
    EXIT_NOT_APPLIED,
    EXIT_OK,
    open_corpus,
    output,
    prepare_corpus,
    print_problems,
)

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from lovkons.history.pointintime import PointInTime

EXAMPLE = 'Example: lovkons consolidate "BEK 1292/2007" --at "1. august 2009"'


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    akn = "akn"
    html = "html"


def answer(corpus: Path | None, doc: str, day: dt.date, *, last: bool, literal: bool,
           no_cache: bool) -> tuple[PointInTime, str | None]:
    """The point in time asked and the document's title: kept for the corpus state (history.results)
    when it was asked before, so the corpus's facts are not even loaded; else worked out."""
    from lovkons.history.pointintime import point_question

    prepared = prepare_corpus(corpus, doc, no_cache=no_cache)
    question = point_question(doc, day, last, True, literal)
    if prepared.results is not None:
        stored, title = prepared.results.get(*question), prepared.results.get("title", *question)
        if stored is not None and isinstance(title, tuple):
            return stored, title[0]
    from lovkons.history.pointintime import consolidate_at

    c = open_corpus(corpus, doc, no_cache=no_cache, prepared=prepared)
    result = consolidate_at(c, doc, day, last=last, literal=literal)
    name = c.facts[result.requested].title if result.requested in c.facts else None
    if prepared.results is not None:
        prepared.results.put((name,), "title", *question)
    return result, name


def register(app: typer.Typer) -> None:
    @app.command("consolidate", epilog=f"{EXAMPLE}\n\n{EXIT_HELP}")
    def consolidate_cmd(
        doc: Annotated[str, typer.Argument(help="Identifier ('BEK 1292/2007', 'bek nr. 1292 af 24. oktober 2007', 'eli/lta/2007/1292') or a path in the corpus.")],
        at: Annotated[str, typer.Option("--at", help=f"The day: {DATE_HELP}.")] = "today",
        corpus: CorpusOption = None,
        fmt: Annotated[
            Format,
            typer.Option("--format", "-f", help="text: the Danish text; markdown: the same in Markdown; json: document, status, orders, items applied, pending, refused, problems (the summary goes to stderr for text and markdown); akn: Akoma Ntoso 3.0 with the applied operations; html: a readable page with provenance notes."),
        ] = Format.text,
        last: Annotated[bool, typer.Option("--last", help="After a repeal or end: the last version.")] = False,
        metadata: Annotated[
            bool,
            typer.Option("--header", help="text: start with the '# Key: value' metadata lines, so the output reads back with `lovkons parse`."),
        ] = False,
        out: OutputOption = None,
        color: ColorOption = Color.auto,
        no_cache: NoCacheOption = False,
        literal: Annotated[bool, typer.Option("--literal", help="Keep the ministry and authority names as the amending acts leave them (by default those in office on the day, as an official consolidation prints them: ressortændringer).")] = False,
    ) -> None:
        """A document of the corpus as it read on a given day (base + every change in force that day).

        Exit 3 when some instruction in force that day was refused (listed under Refused on stderr).
        """
        from lovkons.renderers.json_out import dumps
        from lovkons.renderers.pointintime_out import pointintime_json, summary_text

        day = parse_date(at, "--at")
        result, title = answer(corpus, doc, day, last=last, literal=literal, no_cache=no_cache)
        with output(out) as stream:
            if fmt is Format.json:
                stream.write(dumps(pointintime_json(result, title)))
            elif fmt in (Format.akn, Format.html):
                from lovkons.renderers.history_words import status_text
                from lovkons.renderers.publication import of_point_in_time
                from lovkons.renderers.publish import render_publication

                if result.document is None:
                    print(f"lovkons: {doc}: no text in force on {day.isoformat()} ({status_text(result.status)})",
                          file=sys.stderr)
                else:
                    stream.write(render_publication(of_point_in_time(result), fmt.value))
            elif result.document is not None and fmt is Format.markdown:
                from lovkons.renderers.markdown import render_markdown

                stream.write(render_markdown(result.document))
            elif result.document is not None:
                from lovkons.renderers.text import render_text

                stream.write(render_text(result.document, header=metadata))
        if fmt is not Format.json:
            sys.stderr.write(summary_text(result, title, bold=use_color(color, sys.stderr)))
        print_problems(p for p in result.problems if p.severity != "error")
        raise typer.Exit(EXIT_NOT_APPLIED if result.refused or result.refused_items else EXIT_OK)
