"""Stage 4 (cli): shared output helpers for every command: JSON to stdout, problems and bad-input
lines to stderr, input file discovery, and the exit code rule (0 ok, 2 bad input, 3 errors).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from lovkons.model.document import LovkonsError, Problem, one_line_text, shown_path

EXIT_OK = 0
EXIT_BUG = 1
EXIT_BAD_INPUT = 2
EXIT_NOT_APPLIED = 3

# The epilog of every command's --help.
EXIT_HELP = (
    "Exit codes: 0 ok (warnings may be listed on stderr) · 2 bad input (one line on stderr naming the"
    " file and the reason) · 3 some instruction could not be applied or read (listed) · 1 a bug."
)

# Files picked up when a directory is given: the formats read_document understands.
DOCUMENT_SUFFIXES = (".xml", ".txt", ".json", ".html", ".htm")


def print_json(value: Any) -> None:
    """Pretty JSON (UTF-8, indent 2) on stdout: the single-document form."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def print_json_line(value: Any) -> None:
    """One compact JSON object per line on stdout: the JSON Lines form for several documents."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n")


def print_problems(problems: Iterable[Problem]) -> None:
    """One readable line per problem on stderr: "file:line: warning CODE: message [address]"."""
    for p in problems:
        print(p.one_line(), file=sys.stderr)


def bad_input_line(error: LovkonsError | OSError, path: str | Path | None = None) -> str:
    """The one stderr line for bad input, always naming the file: "lovkons: FILE: reason"."""
    if isinstance(error, LovkonsError):
        if error.file is None and path is not None:
            return f"lovkons: {shown_path(str(path))}: {error.reason}"
        return f"lovkons: {error}"
    reason = one_line_text(error.strerror or str(error))
    return f"lovkons: {shown_path(str(path or error.filename))}: {reason}"  # a newline in a name stays escaped


def report_bad_input(error: LovkonsError | OSError, path: str | Path | None = None) -> None:
    """Print `bad_input_line(error, path)` on stderr (the caller decides when to exit 2)."""
    print(bad_input_line(error, path), file=sys.stderr)


def exit_code(problems: Iterable[Problem], *, bad_input: bool = False) -> int:
    """2 when any input was bad, else 3 when any problem has severity "error", else 0."""
    if bad_input:
        return EXIT_BAD_INPUT
    return EXIT_NOT_APPLIED if any(p.severity == "error" for p in problems) else EXIT_OK


def expand_paths(
    paths: Sequence[Path], suffixes: tuple[str, ...] = DOCUMENT_SUFFIXES
) -> tuple[list[Path], list[Path]]:
    """Files to read, in a stable order: files as given; directories recursed (sorted), keeping
    files with one of `suffixes`. Returns (files, missing) where `missing` are paths that do not exist.
    """
    files: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in suffixes
            )
        elif path.exists():
            files.append(path)
        else:
            missing.append(path)
    return files, missing


STDIN_NOT_SUPPORTED = "reading standard input ('-') is not supported; give a file path"


def check_file(path: str | Path) -> Path:
    """An input file that must exist: LovkonsError (naming it) for '-', a missing path or a folder."""
    if str(path) == "-":
        raise LovkonsError(STDIN_NOT_SUPPORTED, file="-")
    file = Path(path)
    if file.is_dir():
        raise LovkonsError("no such file (it is a folder)", file=str(path))
    if not file.exists():
        raise LovkonsError("no such file", file=str(path))
    return file


def check_doc(doc: str, corpus: Path) -> None:
    """Fail fast, before the corpus is loaded, on a DOC that is no identifier, or a path that does not
    exist or lies outside the corpus (the line names the file)."""
    from lovkons.history.identifiers import parse_identifier

    if doc == "-":
        raise LovkonsError(STDIN_NOT_SUPPORTED, file="-")
    path = Path(doc).expanduser()
    if path.is_dir():
        raise LovkonsError("a folder, not a document (give a file or an identifier such as 'BEK 1292/2007')", file=doc)
    if not path.exists():
        if path.suffix.lower() in DOCUMENT_SUFFIXES or doc.startswith(("./", "../", "/", "~")):
            raise LovkonsError("no such file", file=doc)
        parse_identifier(doc)
        return
    if not path.resolve().is_relative_to(corpus.resolve()):
        raise LovkonsError(f"not a document of the corpus {corpus}/ (choose the corpus with --corpus DIR)", file=doc)
