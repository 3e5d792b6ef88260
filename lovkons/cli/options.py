"""Stage 4 (cli): the options every command spells the same way, and how their values are read.

One convention per concept (README "Conventions"): dates are ISO `2009-08-01`, Danish `1. august
2009` or `today`; `-f/--format`; `-o/--output FILE`; `--color=auto|always|never` (auto honours
NO_COLOR and FORCE_COLOR); `--corpus DIR` (else $LOVKONS_CORPUS, else ./corpus); `--no-cache`.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lovkons.model.document import LovkonsError


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


DATE_HELP = "YYYY-MM-DD, '1. august 2009' or 'today'"

ColorOption = Annotated[
    Color,
    typer.Option("--color", help="Colour: auto (a terminal without NO_COLOR, or FORCE_COLOR set), always, never."),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write the output to this file instead of stdout.")
]
CorpusOption = Annotated[
    Path | None,
    typer.Option("--corpus", help="Corpus folder, or a tar archive of one (.tar.xz, .tar.gz, .tar: unpacked once into the cache) (default: $LOVKONS_CORPUS, else ./corpus).", show_default=False),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the cache (see `lovkons cache`).")
]


def parse_date(text: str, option: str) -> dt.date:
    """"2009-08-01", "1. august 2009" or "today" → date; anything else is bad input (exit 2)."""
    value = text.strip()
    if value.casefold() in ("today", "i dag", "idag"):
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    from lovkons.parsers.dates import DANISH_DATE, parse_danish_date

    found = parse_danish_date(value) if DANISH_DATE.fullmatch(value.replace("\u00a0", " ")) else None
    if found is None:
        raise LovkonsError(f"{option}: not a date: {text!r} (expected {DATE_HELP})")
    return found


def use_color(choice: Color | str, stream: object = None) -> bool:
    """The colour decision for a stream: --color always/never win; auto: NO_COLOR (non-empty) off,
    FORCE_COLOR (non-empty) on, else only on a terminal."""
    choice = Color(choice)
    if choice is not Color.auto:
        return choice is Color.always
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream if stream is not None else sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def corpus_dir(option: Path | None, *, no_cache: bool = False) -> Path:
    """--corpus, else $LOVKONS_CORPUS, else ./corpus (history.cache.corpus_folder; an archive unpacked into
    the cache, or with --no-cache into a temporary folder)."""
    from lovkons.history.cache import corpus_folder

    return corpus_folder(option, keep=not no_cache)
