"""Every test runs with its own cache folder (lovkons never writes into the user's cache from a
test) and without the user's corpus, pager or colour settings."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "lovkons-cache"))
    for name in ("LOVKONS_CORPUS", "LOVKONS_PAGER", "LOVKONS_DEBUG", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    assert Path(str(tmp_path_factory.getbasetemp())).is_dir()
