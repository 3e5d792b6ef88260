"""The library API (`import lovkons`): the README's example runs as written (a doctest), the names
load lazily, and the CLI's answers are the library's."""

from __future__ import annotations

import doctest
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import lovkons

ROOT = Path(__file__).resolve().parent.parent


def readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Library\n", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found, "the README's Library section has a python example"
    return found[1]


def test_readme_library_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    test = doctest.DocTestParser().get_doctest(readme_example(), {}, "README.md", "README.md", 0)
    assert len(test.examples) >= 10
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_import_is_cheap_and_names_load_on_use() -> None:
    code = "import sys, lovkons; print('lovkons.amender.consolidate' in sys.modules); print(lovkons.apply.__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "lovkons.api"]
    assert set(lovkons.__all__) >= {"read", "read_instructions", "apply", "consolidate", "timeline", "diff",
                                    "diff_versions", "evaluate", "Document", "LovkonsError"}  # fmt: skip
    with pytest.raises(AttributeError):
        _ = lovkons.no_such_name


def test_bad_input_raises_lovkons_error(tmp_path: Path) -> None:
    with pytest.raises(lovkons.LovkonsError) as err:
        lovkons.read(tmp_path / "missing.txt")
    assert "missing.txt" in str(err.value)
    with pytest.raises(lovkons.LovkonsError):
        lovkons.consolidate("BEK 1292/2007", corpus=tmp_path / "none")


def test_the_cli_answers_what_the_library_answers() -> None:
    import datetime as dt

    env = {**os.environ, "LOVKONS_CORPUS": str(ROOT / "corpus")}
    out = subprocess.run([sys.executable, "-m", "lovkons", "consolidate", "BEK 1292/2007", "--at", "2009-08-01",
                          "-f", "json"], capture_output=True, text=True, env=env, check=True).stdout  # fmt: skip
    v = lovkons.consolidate("BEK 1292/2007", dt.date(2009, 8, 1), corpus=ROOT / "corpus")
    data = json.loads(out)
    assert data["version_from"] == v.version_from.isoformat()  # type: ignore[union-attr]
    assert [c["item"] for c in data["items"]] == [c.label for c in v.items]
