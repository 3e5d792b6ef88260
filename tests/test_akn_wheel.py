"""The installed package carries what AKN and HTML output read at run time: the AKN 3.0 schema and
the page template with its stylesheet (package data), so `--format akn|html` and the validator work
from a wheel, outside the repository."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.wheel_build import build_wheel

ROOT = Path(__file__).resolve().parent.parent
DATA = ("renderers/schemas/akomantoso30.xsd", "renderers/schemas/xml.xsd", "renderers/templates/law.html.j2",
        "renderers/templates/lovkons.css")  # fmt: skip


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("akn-wheel")
    wheel = build_wheel(work / "dist")
    names = zipfile.ZipFile(wheel).namelist()
    for name in DATA:
        assert f"lovkons/{name}" in names, f"{name} is not in the wheel"
    zipfile.ZipFile(wheel).extractall(work / "site")
    return work / "site"


def test_wheel_renders_and_validates_akn_and_html(unpacked: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    source = ROOT / "corpus" / "bek" / "BEK-2009-162" / "BEK-2009-162.json"
    code = ("import sys, lovkons; from lovkons.parsers.read import read_document;"
            "from lovkons.renderers.akn import render_akn, validate_akn;"
            "from lovkons.renderers.law_html import render_law_html;"
            "from lovkons.renderers.publication import of_document;"
            "pub = of_document(read_document(sys.argv[1]).document);"
            "print(lovkons.__file__); print(validate_akn(render_akn(pub))); print(len(render_law_html(pub)))")  # fmt: skip
    proc = subprocess.run([sys.executable, "-c", code, str(source)], capture_output=True, text=True, cwd=tmp_path,
                          env=env)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    where, errors, size = proc.stdout.splitlines()
    assert where.startswith(str(unpacked)) and errors == "[]" and int(size) > 1000
