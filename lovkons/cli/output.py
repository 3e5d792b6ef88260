"""Stage 4 (cli): what every command shares: the exit-code table, the output sink (stdout or
-o FILE), problems and bad-input lines on stderr, input file discovery, opening the corpus.

stdout carries only the data asked for; stderr carries progress, warnings and summaries.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from lovkons.model.document import LovkonsError, Problem, one_line_text, shown_path

if TYPE_CHECKING:
    from lovkons.history.corpus import Corpus
    from lovkons.history.results import CorpusState, ResultCache

# The one exit-code table of every command (README "Exit codes").
EXIT_OK = 0  # done (warnings may be listed on stderr)
EXIT_BUG = 1  # an internal error: a bug in lovkons (one line on stderr; --debug for the traceback)
EXIT_BAD_INPUT = 2  # bad input or usage: one line on stderr naming the file and the reason
EXIT_NOT_APPLIED = 3  # the command ran, but some instruction was refused or could not be read (listed)
EXIT_DIFFERENCES = 4  # diff --exit-code / --quiet: the versions differ
EXIT_INTERRUPTED = 130  # Ctrl-C

EXIT_TABLE = (
    (EXIT_OK, "ok (warnings may be listed on stderr)"),
    (EXIT_BUG, "a bug in lovkons (one line; --debug shows the traceback)"),
    (EXIT_BAD_INPUT, "bad input or usage (one line on stderr naming the file and the reason)"),
    (EXIT_NOT_APPLIED, "some instruction was refused or could not be read (listed)"),
    (EXIT_DIFFERENCES, "diff --exit-code/--quiet: differences found"),
    (EXIT_INTERRUPTED, "interrupted"),
)

# The epilog of every command's --help.
EXIT_HELP = "Exit codes: " + " · ".join(f"{code} {what}" for code, what in EXIT_TABLE) + "."

# Files picked up when a directory is given: the formats read_document understands.
DOCUMENT_SUFFIXES = (".xml", ".txt", ".json", ".html", ".htm")


# set by cli.main.main: this process runs one command and ends (not a test calling the commands), so
# what lives until its end may be frozen out of the cyclic GC's collections (gc.freeze)
PROCESS = {"one_command": False}


def _open_for_output(where: Path, named: Path) -> TextIO:
    """`where` opened for the -o/--output file `named`; LovkonsError naming it when that fails."""
    try:
        return where.open("w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise LovkonsError(f"-o/--output: cannot write: {exc.strerror or exc}", file=str(named)) from None


@contextlib.contextmanager
def output(path: Path | None) -> Iterator[TextIO]:
    """Where the data goes: stdout, or FILE for -o/--output (written whole when the command is done,
    through a temporary file, so a failed command leaves no half file)."""
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    if path.is_dir():
        raise LovkonsError("-o/--output: a folder, not a file", file=str(path))
    if path.exists() and not path.is_file():
        # a device or pipe (/dev/null, /dev/stdout, a FIFO) is written in place: replacing it with a
        # renamed temporary file would put a regular file where the device was (as root: /dev/null)
        with _open_for_output(path, path) as special:
            yield special
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    handle = _open_for_output(tmp, path)
    try:
        with handle:
            yield handle
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


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


@dataclass(frozen=True)
class Prepared:
    """A corpus folder checked and, unless --no-cache, its state taken (history.results): the
    answers already worked out for that state (`results`, None without the cache)."""

    path: Path
    state: CorpusState | None = None
    results: ResultCache | None = None
    no_cache: bool = False


def prepare_corpus(option: Path | None, doc: str | None = None, *, no_cache: bool = False) -> Prepared:
    """The corpus of --corpus / $LOVKONS_CORPUS / ./corpus, `doc` checked first, and (unless
    --no-cache) its state: every file's content hash, from the index's stat records when unchanged."""
    from lovkons.cli.options import corpus_dir

    path = corpus_dir(option, no_cache=no_cache)
    if doc is not None:
        check_doc(doc, path)
    if no_cache or not path.is_dir():
        return Prepared(path, no_cache=no_cache)
    from lovkons.history.cache import facts_cache_file
    from lovkons.history.results import corpus_state, result_cache

    state = corpus_state(path, facts_cache_file(path))
    return Prepared(path, state, result_cache(state), no_cache)


def open_corpus(option: Path | None, doc: str | None = None, *, no_cache: bool = False,
                prepared: Prepared | None = None) -> Corpus:
    """The corpus of --corpus / $LOVKONS_CORPUS / ./corpus through the shared index (its facts cached
    per user unless --no-cache, history.index); `doc` is checked first, before anything is read.
    Files are indexed in parallel, with a progress bar on stderr when it is a terminal. With
    `prepared` (prepare_corpus), the corpus as prepared, and its answers kept (Corpus.results). The
    commands that open a corpus show a document, not the corpus's problems: the graph is not checked
    for them (missing bases and orders: `rebuild` reports them)."""
    from lovkons.history.cache import facts_cache_file
    from lovkons.history.corpus import load_corpus

    if prepared is None:
        from lovkons.cli.options import corpus_dir

        prepared = Prepared(corpus_dir(option, no_cache=no_cache), no_cache=no_cache)
        if doc is not None:
            check_doc(doc, prepared.path)
    path = prepared.path
    with indexing_bar() as progress:
        corpus = load_corpus(path, jobs=os.cpu_count() or 1,
                             cache_file=None if no_cache or prepared.no_cache else facts_cache_file(path), progress=progress,
                             state=prepared.state, graph=False)  # fmt: skip
    corpus.results = prepared.results
    if not (no_cache or prepared.no_cache):  # the ressort register kept beside the index, read from there
        from lovkons.history.cache import cache_dir
        from lovkons.ressort.register import keep_register_in

        keep_register_in(cache_dir())
    if PROCESS["one_command"]:  # the facts of every file live as long as the command: out of the GC's walks
        gc.freeze()
    return corpus


@contextlib.contextmanager
def indexing_bar() -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback (files read, files to read) drawing a bar on stderr while the corpus is
    indexed; None (nothing shown) when stderr is not a terminal. Nothing goes to stdout."""
    if not is_terminal(sys.stderr):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, highlight=False)
    bar = Progress(TextColumn("indexing the corpus"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=console, transient=True)  # fmt: skip
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if task is None:
            bar.start()
            task = bar.add_task("index", total=total)
        bar.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if task is not None:
            bar.stop()


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
        raise LovkonsError(f"not a document of the corpus {shown_path(str(corpus))} (choose the corpus with --corpus DIR)", file=doc)
