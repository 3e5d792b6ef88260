"""Rebuild and scan workers (history.workers.worker_pool) run with a lighter cyclic GC: the first
generation's threshold raised, and what they inherited frozen out of the collections."""

from __future__ import annotations

import gc
import signal
import sys

import pytest

from lovkons.history.workers import GC_THRESHOLD, worker_pool


def _gc_state() -> tuple[tuple[int, int, int], int]:
    return gc.get_threshold(), gc.get_freeze_count()


def test_a_worker_has_the_lighter_gc_and_the_parent_keeps_its_own() -> None:
    before = gc.get_threshold()
    with worker_pool(1) as pool:
        threshold, frozen = pool.submit(_gc_state).result()
    assert threshold == GC_THRESHOLD and frozen > 0
    assert gc.get_threshold() == before


def test_the_cli_runs_its_command_with_the_lighter_gc(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    from lovkons.cli.main import main

    before, pipe = gc.get_threshold(), signal.getsignal(signal.SIGPIPE)
    monkeypatch.setattr(sys, "argv", ["lovkons", "--version"])
    try:
        with pytest.raises(SystemExit):
            main()
        assert gc.get_threshold() == GC_THRESHOLD
    finally:
        gc.set_threshold(*before)
        signal.signal(signal.SIGPIPE, pipe)
    assert capsys.readouterr().out.startswith("lovkons ")
