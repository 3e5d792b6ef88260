"""Stage 2 (history): worker processes that never outlive the rebuild that started them.

`worker_pool(n)` is a ProcessPoolExecutor whose workers die with their parent: each asks the kernel
for SIGKILL when the parent dies (Linux prctl PR_SET_PDEATHSIG) and also watches its parent's pid
(any POSIX system), so a parent killed with SIGKILL leaves no worker behind. When the parent leaves
the pool by an exception (Ctrl-C, SIGTERM turned into an exception) the workers are killed at once
instead of being waited for.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5  # how often a worker looks whether its parent is still there


def _die_with(parent: int) -> None:
    """Worker initializer: end this process when `parent` ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt means
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    with contextlib.suppress(OSError, AttributeError):  # not Linux: the watcher below does it
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="lovkons-parent-watch", daemon=True).start()


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    # the pool's own pipes to the killed workers break now: with SIGPIPE at its default (the CLI sets
    # it so `lovkons … | head` ends quietly) a write to them would end this process before it cleans up
    sigpipe = getattr(signal, "SIGPIPE", None)
    previous = None
    if sigpipe is not None and threading.current_thread() is threading.main_thread():
        previous = signal.signal(sigpipe, signal.SIG_IGN)
    try:
        for proc in processes:
            with contextlib.suppress(Exception):
                proc.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in processes:
            with contextlib.suppress(Exception):
                proc.join(timeout=5)
    finally:
        if previous is not None and sigpipe is not None:
            signal.signal(sigpipe, previous)


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool for the `with` block; its workers end with it, and with this process."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_die_with, initargs=(os.getpid(),))
    try:
        yield pool
    except BaseException:
        _kill_workers(pool)
        raise
    pool.shutdown(wait=True)


class Interrupted(BaseException):
    """SIGTERM arrived: the rebuild stops, cleans up, and exits 143. A BaseException, like
    KeyboardInterrupt, so no `except Exception` on the way (a document's failure) swallows it."""


def _on_term(signum: int, frame: object) -> None:
    raise Interrupted


@contextlib.contextmanager
def terminate_as_exception() -> Iterator[None]:
    """Within the block SIGTERM raises `Interrupted` (so temporary files, workers and the lock are
    cleaned up on the way out); outside the main thread nothing changes."""
    try:
        previous = signal.signal(signal.SIGTERM, _on_term)
    except ValueError:  # not in the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)
