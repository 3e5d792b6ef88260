"""Run lovkons commands on generated inputs in a worker process, with a time bound per input size.

A worker imports lovkons once and runs the CLI in-process (`lovkons.cli.main.main`), stdout/stderr
captured; the parent waits at most the bound, then kills the worker (a hang) and starts a new one.
An input that exceeds its bound is run once more with three times the bound before it counts as a
hang (the machine is shared; a slow moment is not a hang). The worker's address space is limited,
so memory that grows faster than the input shows up as a failure, not as a swapping machine.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import multiprocessing
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

BASE_SECONDS = 20.0  # the bound: BASE_SECONDS + PER_MB_SECONDS per MB of input
PER_MB_SECONDS = 20.0
MEMORY_LIMIT = 3 * 1024**3  # bytes of address space per worker
RECYCLE = 150  # cases per worker before a fresh one (no slow build-up)


@dataclass
class Case:
    """One input: files written into a fresh folder, then `lovkons ARGV` run there."""

    command: str  # parse | instructions | apply | diff | rebuild
    argv: list[str]
    files: dict[str, bytes]
    label: str  # how it was made: seed document(s) and mutation program
    seed: int = 0

    @property
    def size(self) -> int:
        return sum(len(b) for b in self.files.values())

    def bound(self) -> float:
        return BASE_SECONDS + PER_MB_SECONDS * self.size / 1e6


@dataclass
class Outcome:
    exit: int | None  # None: no answer within the bound (a hang)
    stderr: str = ""
    seconds: float = 0.0
    failure: str | None = None  # why the case failed, None when it passed
    extra: dict[str, Any] = field(default_factory=dict)


def where(stack: str) -> str:
    """The innermost lovkons frame of a faulthandler dump: "parsers/x.py:12 (fn)"."""
    for line in stack.splitlines():
        if "/lovkons/" in line or "/harden/" in line:
            file = line.split('File "', 1)[-1].split('"', 1)[0]
            parts = file.replace("\\", "/").split("/")
            short = "/".join(parts[-2:])
            rest = line.split('", line ', 1)[-1]
            return f"{short}:{rest.strip().replace(', in ', ' in ')}"
    return "?"


def judge(code: int | None, stderr: str) -> str | None:
    """The contract: exit 0, 2 or 3; never a traceback; exactly one stderr line for exit 2."""
    if code is None:
        return f"hang in {where(stderr)}"
    if "Traceback (most recent call last)" in stderr:
        tail = stderr.split("Traceback (most recent call last)")[-1]
        frames = [ln for ln in tail.splitlines() if ln.strip().startswith("File ")]
        error = next((ln.split(":")[0] for ln in reversed(tail.strip().splitlines()) if ln and not ln[0].isspace()), "")
        return f"traceback {error} in {where(frames[-1]) if frames else '?'}"
    if code not in (0, 2, 3):
        return f"exit {code}"
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    if code == 2 and len(lines) != 1:
        return f"exit 2 with {len(lines)} stderr lines"
    return None


def _run_cli(argv: list[str], cwd: str) -> tuple[int, str]:
    from lovkons.cli.main import main

    os.chdir(cwd)
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    sys.argv = ["lovkons", *argv]
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        except BaseException:  # a bug: shown like Python shows it, counted by `judge`
            traceback.print_exc(file=err)
            code = 1
    return code, err.getvalue()


def _worker(conn: Connection, dump: str) -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # on SIGUSR1 (sent when the bound is over) the Python stack goes to `dump`, even while the
    # process is inside a long C call (a regular expression): it tells where a hang was
    faulthandler.register(signal.SIGUSR1, file=open(dump, "w"), all_threads=False)  # noqa: SIM115
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        argv, cwd = msg
        try:
            result = _run_cli(argv, cwd)
        except BaseException as exc:  # pragma: no cover  (the harness itself failed)
            result = (1, f"Traceback (most recent call last): harness: {exc!r}")
        conn.send(result)


class Runner:
    """A worker process and the cases it ran; `run(case)` → Outcome."""

    def __init__(self) -> None:
        self._ctx = multiprocessing.get_context("fork")
        self._proc: Any = None
        self._conn: Connection | None = None
        self._count = 0
        self.tmp = Path(tempfile.mkdtemp(prefix="lovkons-fuzz-"))

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        self._dump = self.tmp / f"stack-{time.monotonic_ns()}.txt"
        self._proc = self._ctx.Process(target=_worker, args=(child, str(self._dump)), daemon=True)
        self._proc.start()
        child.close()
        self._conn, self._count = parent, 0

    def _stop(self, kill: bool = False) -> None:
        if self._proc is None:
            return
        if kill:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._proc.pid, signal.SIGKILL)
        else:
            with contextlib.suppress(OSError):
                assert self._conn is not None
                self._conn.send(None)
        self._proc.join(timeout=10)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join()
        self._proc = self._conn = None

    def _stack(self) -> str:
        """The worker's Python stack now (faulthandler), innermost frame first."""
        with contextlib.suppress(OSError):
            os.kill(self._proc.pid, signal.SIGUSR1)
            time.sleep(0.5)
            return self._dump.read_text(encoding="utf-8", errors="replace")
        return ""

    def close(self) -> None:
        self._stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def _once(self, case: Case, bound: float) -> tuple[int | None, str, float]:
        if self._proc is None or self._count >= RECYCLE:
            self._stop()
            self._start()
        assert self._conn is not None
        work = Path(tempfile.mkdtemp(dir=self.tmp))
        try:
            for rel, data in case.files.items():
                path = work / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            self._count += 1
            started = time.monotonic()
            self._conn.send((case.argv, str(work)))
            if not self._conn.poll(bound):
                stack = self._stack()
                self._stop(kill=True)
                return None, stack, time.monotonic() - started
            try:
                code, err = self._conn.recv()
            except EOFError:  # the worker died (a crash, or the memory limit hit hard)
                self._stop(kill=True)
                return -9, "worker died", time.monotonic() - started
            return code, err, time.monotonic() - started
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def run(self, case: Case) -> Outcome:
        bound = case.bound()
        code, err, seconds = self._once(case, bound)
        out = Outcome(code, err, seconds)
        if code is None:  # confirm: a shared machine has slow moments
            code, err, seconds = self._once(case, 3 * bound)
            out = Outcome(code, err, seconds, extra={"first_try": "over the bound"})
        out.failure = judge(out.exit, out.stderr)
        return out


def save_reproducer(folder: Path, index: int, case: Case, outcome: Outcome) -> Path:
    """The case's files, the command and what happened, to run again by hand."""
    where = folder / f"{index:05d}-{case.command}"
    shutil.rmtree(where, ignore_errors=True)
    for rel, data in case.files.items():
        path = where / "input" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (where / "README.txt").write_text(
        f"failure: {outcome.failure}\nmade from: {case.label}\nseed: {case.seed}\n"
        f"run (in input/): lovkons {' '.join(case.argv)}\n"
        f"exit: {outcome.exit}; {outcome.seconds:.1f} s; bound {case.bound():.0f} s\n--- stderr ---\n{outcome.stderr}",
        encoding="utf-8",
    )
    return where
