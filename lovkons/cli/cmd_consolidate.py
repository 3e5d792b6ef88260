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
    Prepared,
    is_terminal,
    open_corpus,
    output,
    prepare_corpus,
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


def answer(prepared: Prepared, doc: str, day: dt.date, *, last: bool,
           literal: bool) -> tuple[PointInTime, str | None]:
    """The point in time asked and the document's title: kept for the corpus state (history.results)
    when it was asked before, so the corpus's facts are not even loaded; else worked out."""
    from lovkons.history.pointintime import point_question

    question = point_question(doc, day, last, True, literal)
    if prepared.results is not None:
        stored, title = prepared.results.get(*question), prepared.results.get("title", *question)
        if stored is not None and isinstance(title, tuple):
            return stored, title[0]
    from lovkons.history.pointintime import consolidate_at

    c = open_corpus(prepared.path, prepared=prepared)
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
        day = parse_date(at, "--at")
        prepared = prepare_corpus(corpus, doc, no_cache=no_cache)
        if fmt in (Format.akn, Format.html):
            result, title = answer(prepared, doc, day, last=last, literal=literal)
            _publish(result, fmt, doc, day, out)
            sys.stderr.write(_stderr(result, title, fmt, bold=use_color(color, sys.stderr)))
            raise typer.Exit(_exit_code(result))
        # the text written to a pipe or a file, the lines on stderr and the exit code are kept for the
        # corpus state (history.results); on a terminal they are worked out from the point in time
        keep = prepared.results if out is None and not is_terminal(sys.stdout) else None
        question = ("consolidate", doc, day, last, literal, fmt.value, metadata, use_color(color, sys.stderr))
        stored = keep.get(*question) if keep is not None else None
        if isinstance(stored, tuple) and len(stored) == 3:
            text, err, code = stored
        else:
            result, title = answer(prepared, doc, day, last=last, literal=literal)
            text, err, code = _plain(result, title, fmt, metadata=metadata, bold=use_color(color, sys.stderr))
            if keep is not None:
                keep.put((text, err, code), *question)
        with output(out) as stream:
            stream.write(text)
        sys.stderr.write(err)
        raise typer.Exit(code)


def _exit_code(result: PointInTime) -> int:
    return EXIT_NOT_APPLIED if result.refused or result.refused_items else EXIT_OK


def _plain(result: PointInTime, title: str | None, fmt: Format, *, metadata: bool,
           bold: bool) -> tuple[str, str, int]:
    """(stdout, stderr, exit code) of text, markdown and json: the text (or the JSON object), then
    the summary (text and markdown) and the warnings on stderr."""
    from lovkons.renderers.json_out import dumps
    from lovkons.renderers.pointintime_out import pointintime_json

    text = ""
    if fmt is Format.json:
        text = dumps(pointintime_json(result, title))
    elif result.document is not None and fmt is Format.markdown:
        from lovkons.renderers.markdown import render_markdown

        text = render_markdown(result.document)
    elif result.document is not None:
        from lovkons.renderers.text import render_text

        text = render_text(result.document, header=metadata)
    return text, _stderr(result, title, fmt, bold=bold), _exit_code(result)


def _stderr(result: PointInTime, title: str | None, fmt: Format, *, bold: bool) -> str:
    """What goes to stderr: the summary (not with json), then one line per warning."""
    from lovkons.renderers.pointintime_out import summary_text

    err = summary_text(result, title, bold=bold) if fmt is not Format.json else ""
    return err + "".join(p.one_line() + "\n" for p in result.problems if p.severity != "error")


def _publish(result: PointInTime, fmt: Format, doc: str, day: dt.date, out: Path | None) -> None:
    """Akoma Ntoso or HTML of the point in time (worked out each time: the page is stamped)."""
    from lovkons.renderers.history_words import status_text
    from lovkons.renderers.publication import of_point_in_time
    from lovkons.renderers.publish import render_publication

    with output(out) as stream:
        if result.document is None:
            print(f"lovkons: {doc}: no text in force on {day.isoformat()} ({status_text(result.status)})",
                  file=sys.stderr)
        else:
            stream.write(render_publication(of_point_in_time(result), fmt.value))
