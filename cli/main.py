"""Stage 4 (cli): the `lovkons` application; each command lives in its own `cli/cmd_*.py` module.

A command module exposes `register(app: typer.Typer) -> None`. Bad input (LovkonsError) becomes one
line on stderr and exit code 2; anything else unexpected is a bug (exit 1).
"""

from __future__ import annotations

import importlib
import sys

import typer

from parsers.model import LovkonsError

COMMAND_MODULES = (
    "cli.cmd_parse",
    "cli.cmd_instructions",
    "cli.cmd_apply",
    "cli.cmd_eval",
    "cli.cmd_consolidate",
    "cli.cmd_timeline",
    "cli.cmd_rebuild",
    "cli.cmd_diff",
)

app = typer.Typer(
    name="lovkons",
    help="Parse, amend and consolidate Danish legal documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # the command is not built yet
                continue
            raise
        module.register(app)


_register_all()


def main() -> None:
    try:
        app(standalone_mode=True)
    except LovkonsError as exc:
        print(f"lovkons: {exc}", file=sys.stderr)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
