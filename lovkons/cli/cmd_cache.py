"""Stage 4 (cli): `lovkons cache` (where the cache is, how big) and `lovkons cache clear`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from lovkons.cli.output import EXIT_HELP, output

EXAMPLE = "Example: lovkons cache; lovkons cache clear"


class Action(StrEnum):
    show = "show"
    clear = "clear"


class Format(StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("cache", epilog=f"{EXAMPLE}\n\n{EXIT_HELP}")
    def cache_cmd(
        action: Annotated[Action, typer.Argument(help="show: the folder, its files and size; clear: delete it.")] = Action.show,
        fmt: Annotated[Format, typer.Option("--format", "-f", help="text: one 'key: value' line each; json.")] = Format.text,
    ) -> None:
        """The cache: facts of corpus files and rebuild jobs, under the platform's cache folder
        ($XDG_CACHE_HOME/lovkons on Linux; $LOVKONS_CACHE_DIR overrides). Deleting it only costs time."""
        from lovkons.history.cache import cache_info, clear_cache
        from lovkons.renderers.json_out import dumps, stamped
        from lovkons.renderers.summary import cache_fields, cache_text

        info = clear_cache() if action is Action.clear else cache_info()
        fields = cache_fields(str(info.path), info.files, info.size, cleared=action is Action.clear)
        with output(None) as stream:
            stream.write(dumps(stamped("cache", fields)) if fmt is Format.json else cache_text(fields))
