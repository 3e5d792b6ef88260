"""The CLI's one process freezes what lives until its exit out of the cyclic GC (cli.main, cli.output):
after the command's imports, after the corpus index is loaded, and at the exit. A caller that runs a
command inside its own process (a test) gets its collector back as it was."""

from __future__ import annotations

import gc
import signal
import sys
from pathlib import Path

import pytest

from lovkons.cli import output
from lovkons.cli.main import main

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_a_command_run_in_process_leaves_the_collector_as_it_was(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[tuple[bool, int]] = []
    real_freeze = gc.freeze

    def freeze() -> None:
        real_freeze()
        seen.append((output.PROCESS["one_command"], gc.get_freeze_count()))

    before, threshold, pipe = gc.get_freeze_count(), gc.get_threshold(), signal.getsignal(signal.SIGPIPE)
    monkeypatch.setattr(gc, "freeze", freeze)
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["lovkons", "timeline", "BEK 1292/2007", "--corpus", str(CORPUS)])
    try:
        with pytest.raises(SystemExit) as exit_:
            main()
    finally:
        gc.set_threshold(*threshold)
        signal.signal(signal.SIGPIPE, pipe)
    assert exit_.value.code in (0, 3)
    assert "BEK 1292/2007" in capsys.readouterr().out
    # frozen after the imports and again once the corpus index was loaded, while the command ran
    assert len(seen) == 2 and seen[1][0] and seen[1][1] > seen[0][1] > before
    assert output.PROCESS["one_command"] is False
    assert gc.get_freeze_count() == before


def test_a_caller_that_froze_objects_keeps_them_frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A caller with objects frozen of its own is not ours to thaw (review10: main() thawed them all)."""
    threshold, pipe = gc.get_threshold(), signal.getsignal(signal.SIGPIPE)
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["lovkons", "timeline", "BEK 1292/2007", "--corpus", str(CORPUS)])
    gc.freeze()
    calls: list[str] = []
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append("unfreeze"))
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    try:
        with pytest.raises(SystemExit):
            main()
        assert calls == []  # neither thawed (its objects stay frozen) nor frozen more by the command
    finally:
        monkeypatch.undo()
        gc.unfreeze()
        gc.set_threshold(*threshold)
        signal.signal(signal.SIGPIPE, pipe)
    assert "BEK 1292/2007" in capsys.readouterr().out
