"""The package as a user installs it: build a wheel, install it into a fresh virtual environment
outside the repository, and run `parse`, `instructions`, `apply` and `diff` on the seeds from there.

This is what `pip install .` gives (not the editable install of `make setup`): one top-level package
`lovkons` with every sub-package and no top-level `cli`/`parsers`/`amender`/`renderers`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.wheel_build import build_wheel

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "tests" / "data" / "seeds"
LAWS = ROOT / "tests" / "data" / "laws"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (with the test venv's site-packages for the dependencies, so no network is
    needed) holding only the wheel built from this checkout. Returns its bin folder."""
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    wheels = [build_wheel(dist)]
    env_dir = work / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    bin_dir = env_dir / "bin"
    # dependencies from the test environment, the package itself only from the wheel
    site = next((env_dir / "lib").glob("python3*/site-packages"))
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (site / "deps.pth").write_text("\n".join(deps) + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
                    str(wheels[0])], check=True, cwd=work, capture_output=True)
    script = bin_dir / "lovkons"
    script.write_text(f"#!{bin_dir / 'python'}\nfrom lovkons.cli.main import main\nmain()\n")
    script.chmod(0o755)
    return bin_dir


def run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    return subprocess.run([str(bin_dir / "python"), *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_wheel_holds_one_namespace(installed: Path) -> None:
    site = next((installed.parent / "lib").glob("python3*/site-packages"))
    tops = {p.name for p in site.iterdir() if p.is_dir() and not p.name.endswith((".dist-info", "__pycache__"))}
    assert "lovkons" in tops
    assert not tops & {"cli", "parsers", "amender", "renderers", "model", "history", "review"}
    assert (site / "lovkons" / "parsers" / "instructions" / "formulas.py").is_file()
    assert not (site / "lovkons" / "cli").is_symlink()


def test_wheel_runs_outside_the_repository(installed: Path, tmp_path: Path) -> None:
    for seed in ("002_921bab4842c84254.txt", "003_6ecaac0d05ef115e.txt"):
        shutil.copy(SEEDS / seed, tmp_path / seed)
    for law in ("LBK-2009-196", "LOV-2011-341", "LBK-2011-416"):
        shutil.copy(LAWS / law / f"{law}.xml", tmp_path / f"{law}.xml")
    version = run(installed, "-m", "lovkons", "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("lovkons "), version.stderr
    where = run(installed, "-c", "import lovkons, sys; print(lovkons.__file__)", cwd=tmp_path)
    assert str(ROOT) not in where.stdout and "site-packages" in where.stdout
    parse = run(installed, "-m", "lovkons", "parse", "002_921bab4842c84254.txt", "--format", "json", cwd=tmp_path)
    assert parse.returncode == 0, parse.stderr
    assert '"kind"' in parse.stdout
    instructions = run(installed, "-m", "lovkons", "instructions", "003_6ecaac0d05ef115e.txt", "--format", "json",
                       cwd=tmp_path)
    assert instructions.returncode == 0, instructions.stderr
    assert instructions.stdout.count("\"number\": ") >= 31
    applied = run(installed, "-m", "lovkons", "apply", "LBK-2009-196.xml", "LOV-2011-341.xml", "--format", "text",
                  cwd=tmp_path)
    assert applied.returncode == 0, applied.stderr
    assert "§ 1." in applied.stdout
    diff = run(installed, "-m", "lovkons", "diff", "LBK-2009-196.xml", "LBK-2011-416.xml", "--format", "markdown",
               cwd=tmp_path)
    assert diff.returncode == 0, diff.stderr
    assert "§" in diff.stdout
    script = run(installed, str(installed / "lovkons"), "--version", cwd=tmp_path)
    assert script.returncode == 0 and script.stdout == version.stdout
