"""Stage 4 (cli): the `lovkons` application; each command lives in its own `cli/cmd_*.py` module.

A command module exposes `register(app: typer.Typer) -> None`. Bad input (LovkonsError) becomes one
line on stderr and exit code 2; anything else unexpected is a bug (exit 1).
"""

from __future__ import annotations

import atexit
import functools
import gc
import importlib
import os
import signal
import sys
import traceback
from collections.abc import Callable
from typing import Annotated, Any

import typer

from lovkons.cli.output import EXIT_BAD_INPUT, EXIT_BUG, EXIT_HELP, EXIT_INTERRUPTED, PROCESS, bad_input_line
from lovkons.model.document import LovkonsError

try:  # typer ≥ 0.25 vendors click; older versions use click itself
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
except ImportError:  # pragma: no cover
    from click.exceptions import ClickException, NoArgsIsHelpError  # type: ignore[no-redef]

# command name → module; only the module of the command being run is imported (fast start-up),
# all of them for `--help` or an unknown command.
COMMANDS = {
    "parse": "lovkons.cli.cmd_parse",
    "instructions": "lovkons.cli.cmd_instructions",
    "apply": "lovkons.cli.cmd_apply",
    "eval": "lovkons.cli.cmd_eval",
    "consolidate": "lovkons.cli.cmd_consolidate",
    "timeline": "lovkons.cli.cmd_timeline",
    "rebuild": "lovkons.cli.cmd_rebuild",
    "diff": "lovkons.cli.cmd_diff",
    "cache": "lovkons.cli.cmd_cache",
}

def _print_version(value: bool) -> None:
    if value:
        from lovkons import __version__

        print(f"lovkons {__version__}")
        raise typer.Exit(0)


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", callback=_print_version, is_eager=True),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="On an internal error, print the traceback (also LOVKONS_DEBUG=1).")
    ] = False,
) -> None:
    """Parse, amend and consolidate Danish legal documents (see README.md)."""
    if debug:
        DEBUG["on"] = True


def build_app(command: str | None = None) -> typer.Typer:
    """The Typer application with `command` registered, or every command when None/unknown."""
    application = typer.Typer(
        name="lovkons",
        help="Parse, amend and consolidate Danish legal documents. `lovkons COMMAND --help` for each command.",
        epilog=EXIT_HELP,
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    application.callback()(_root)
    wanted = COMMANDS.get(command) if command else None
    for name in [wanted] if wanted else COMMANDS.values():
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # the command is not built yet
                continue
            raise
        module.register(application)
    for info in application.registered_commands:
        if info.callback is not None and not getattr(info.callback, "guarded", False):
            info.callback = guarded(info.callback)
    return application


DEBUG = {"on": False}  # set by --debug (anywhere on the command line) or LOVKONS_DEBUG=1


def guarded(command: Callable[..., Any]) -> Callable[..., Any]:
    """THE one block every command runs in: bad input (LovkonsError, or an OSError on a named file)
    → one stderr line, exit 2; any other exception → one line with a hint to report it, exit 1 (the
    traceback only with --debug). Exits and usage errors pass through."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, ClickException, KeyboardInterrupt):
            raise
        except LovkonsError as exc:
            print(f"lovkons: {exc}", file=sys.stderr)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except OSError as exc:
            if exc.filename is None:
                raise _bug(exc) from None
            print(bad_input_line(exc), file=sys.stderr)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except Exception as exc:
            raise _bug(exc) from None

    run.guarded = True  # type: ignore[attr-defined]
    return run


def _bug(exc: BaseException) -> typer.Exit:
    if DEBUG["on"] or os.environ.get("LOVKONS_DEBUG"):
        traceback.print_exception(exc)
    print(bug_line(exc), file=sys.stderr)
    return typer.Exit(EXIT_BUG)


def __getattr__(name: str) -> typer.Typer:
    # `from lovkons.cli.main import app` (tests, python -m) gets the application with every command.
    if name == "app":
        return build_app()
    raise AttributeError(name)


def usage_line(exc: ClickException) -> str:
    """A usage error (unknown option, bad --format value, missing argument) as one stderr line."""
    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "lovkons"
    message = " ".join(exc.format_message().split())
    return f"lovkons: {where.removeprefix('lovkons').strip() or 'usage'}: {message} (see {where} --help)"


REPORT_HINT = "this is a bug in lovkons; please report it with the command line (--debug shows the traceback)"


def bug_line(exc: BaseException) -> str:
    """The one stderr line for an unexpected exception: its type, its first line, and the hint."""
    first = next(iter(str(exc).strip().splitlines()), "")
    return f"lovkons: internal error: {type(exc).__name__}{': ' + first if first else ''} ({REPORT_HINT})"


_AT_EXIT = {"registered": False}  # gc.freeze registered for the exit (once, by the first main())


def main() -> None:
    """Console entry point: run the command. The one place that turns failures into exit codes:
    bad input and usage → one stderr line, exit 2; anything unexpected → one line and a hint to
    report it, exit 1 (the traceback only with --debug, anywhere on the command line)."""
    # `lovkons … | head` ends quietly when the reader goes away, like other Unix tools.
    if hasattr(signal, "SIGPIPE"):  # not on Windows
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # the engines build and drop frozen trees (no cycles): the cyclic GC as in the workers, from before
    # the command's imports (a warm `consolidate` spent about a tenth of its CPU time in it)
    from lovkons.history import GC_THRESHOLD

    gc.set_threshold(*GC_THRESHOLD)
    debug = DEBUG["on"] = "--debug" in sys.argv[1:]
    argv = [a for a in sys.argv[1:] if a != "--debug"]
    application = build_app(next((a for a in argv if not a.startswith("-")), None))
    # what is imported now lives until the exit: out of the collections (gc.freeze), like the corpus
    # index once loaded (cli.output.open_corpus); at the exit everything is frozen (atexit, below), so the
    # interpreter's last collection does not walk the heap the process is about to drop (~15 ms for a
    # corpus command). A caller running commands in its own process (a test) gets its collector back.
    # Only a caller with nothing frozen is ours to freeze and thaw (review10: unfreeze thawed what a
    # caller had frozen); the exit's freeze is registered by main(), not at import (a library importing
    # cli.main keeps its last collection). atexit handlers run before the interpreter's last collection.
    own = gc.get_freeze_count() == 0
    if own:
        gc.freeze()
        if not _AT_EXIT["registered"]:
            atexit.register(gc.freeze)
            _AT_EXIT["registered"] = True
    PROCESS["one_command"] = own
    try:
        _run(application, argv, debug)
    finally:
        PROCESS["one_command"] = False
        if own:
            gc.unfreeze()


def _run(application: typer.Typer, argv: list[str], debug: bool) -> None:
    """Run the command; its exit code (or the failure's) by sys.exit."""
    try:
        code = application(args=argv, prog_name="lovkons", standalone_mode=False)
    except NoArgsIsHelpError:  # no arguments: typer has printed the help text
        sys.exit(EXIT_BAD_INPUT)
    except ClickException as exc:
        print(usage_line(exc), file=sys.stderr)
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print("lovkons: aborted", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except LovkonsError as exc:
        print(f"lovkons: {exc}", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)
    except typer.Exit as exc:  # raised outside a command (e.g. --version)
        sys.exit(exc.exit_code)
    except Exception as exc:
        if debug:
            traceback.print_exc()
        print(bug_line(exc), file=sys.stderr)
        sys.exit(EXIT_BUG)
    sys.exit(code if isinstance(code, int) else 0)
