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
import gc
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from lovkons.history import GC_THRESHOLD  # re-exported: the workers set it

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




def _init_worker(parent: int) -> None:
    """Worker initializer: die with `parent`, and a lighter cyclic GC. A worker builds and drops
    frozen trees, which hold no cycles (reference counting frees them), so a collection every 700
    allocations finds next to nothing; what the worker inherited from the parent (the corpus facts)
    is frozen out of the collections (gc.freeze: also no copy-on-write of it from the GC's marks).
    About a tenth of a rebuild worker's CPU time was the GC's."""
    _die_with(parent)
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for proc in processes:
        with contextlib.suppress(Exception):
            proc.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:
        with contextlib.suppress(Exception):
            proc.join(timeout=5)


def _ignore_sigpipe() -> object:
    """SIGPIPE ignored (the previous handler returned; None outside the main thread). The pool's
    threads write to its workers' pipes; a worker that died (killed by us, or by the system) must
    give them an error to handle, not end this process (the CLI restores SIGPIPE's default action
    so that `lovkons … | head` ends quietly)."""
    if not hasattr(signal, "SIGPIPE"):  # pragma: no cover  (Windows)
        return None
    try:
        return signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    except ValueError:  # not in the main thread
        return None


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool for the `with` block; its workers end with it, and with this process."""
    previous = _ignore_sigpipe()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(os.getpid(),))
    try:
        yield pool
    except BaseException as exc:
        _kill_workers(pool)  # SIGPIPE stays ignored: the pool's threads may still write to them
        if isinstance(exc, BrokenPipeError) and previous == signal.SIG_DFL:
            # our stdout's reader went away (`| head`): end the way the CLI chose, quietly
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGPIPE)
        raise
    pool.shutdown(wait=True)
    if previous is not None:
        signal.signal(signal.SIGPIPE, previous)  # type: ignore[arg-type]


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
