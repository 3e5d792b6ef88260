"""Every test runs with its own cache folder (lovkons never writes into the user's cache from a
test) and without the user's corpus, pager or colour settings; browser tests share `chromium`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.chromium import find_chromium


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "lovkons-cache"))
    for name in ("LOVKONS_CORPUS", "LOVKONS_PAGER", "LOVKONS_DEBUG", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    assert Path(str(tmp_path_factory.getbasetemp())).is_dir()


@pytest.fixture(scope="module")
def chromium() -> str:
    """The headless Chromium of the browser tests; the test is reported skipped where none is installed."""
    binary = find_chromium()
    if binary is None:
        pytest.skip("chromium not installed (apt-get install -y chromium); browser test not run")
    return binary
