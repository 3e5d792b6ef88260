"""Bad input to every command: exactly one stderr line naming the file (or option) and the reason,
no traceback, exit code 2 (contract.md, "Exit codes"). Runs the real console entry point.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
LBK = DATA / "laws" / "LBK-2009-196" / "LBK-2009-196.xml"
LOV = DATA / "laws" / "LOV-2011-341" / "LOV-2011-341.xml"
BEK = DATA / "bek" / "BEK-2007-1292" / "BEK-2007-1292.txt"
LETTER = DATA / "seeds" / "000_8f9a1afb951fe215.txt"  # a letter about a bekendtgørelse
WEBPAGE = DATA / "seeds" / "004_1d6b1ab595b173d2.txt"  # a web page's text
CASE = ROOT / "tests" / "cases" / "L-LBK-2011-416.yaml"


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of bad inputs; names are what the cases below refer to as "{bad}/NAME"."""
    d = tmp_path_factory.mktemp("bad")
    (d / "folder").mkdir()
    (d / "folder.yaml").mkdir()  # a directory where a manifest file is expected
    (d / "empty.txt").write_bytes(b"")
    shutil.copy(
        Path("/bin/ls") if Path("/bin/ls").is_file() else Path(sys.executable).resolve(), d / "program.txt"
    )
    (d / "entity.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY e "x">]>\n<Dokument>&e;</Dokument>\n', encoding="utf-8"
    )
    (d / "broken.yaml").write_text("base: [unclosed\n  amendments: :\n", encoding="utf-8")
    (d / "nobase.yaml").write_text("amendments: []\n", encoding="utf-8")
    (d / "noamendments.yaml").write_text(f"base: {LBK}\n", encoding="utf-8")
    (d / "missingpath.yaml").write_text(
        f"base: {LBK}\namendments:\n  - path: nothere.xml\n", encoding="utf-8"
    )
    (d / "baddate.yaml").write_text(f"base: {LBK}\namendments: [{LOV}]\nat: 2011-13-01\n", encoding="utf-8")
    (d / "badpart.yaml").write_text(
        f"base: {LBK}\namendments:\n  - path: {LOV}\n    part: seven\n", encoding="utf-8"
    )
    (d / "noexpected.yaml").write_text(f"base: {LBK}\namendments: [{LOV}]\n", encoding="utf-8")
    return d


# (arguments, text the one stderr line must contain: the file or option, and a word of the reason)
CASES: list[tuple[list[str], list[str]]] = [
    # parse: every kind of unreadable or non-legal file
    (["parse", "{bad}/nothere.txt"], ["{bad}/nothere.txt", "no such file"]),
    (["parse", "{bad}/folder"], ["{bad}/folder", "no documents"]),
    (["parse", "{bad}/empty.txt"], ["{bad}/empty.txt", "empty"]),
    (["parse", "{bad}/program.txt"], ["{bad}/program.txt", "binary"]),
    (["parse", str(LETTER)], [LETTER.name, "not a legal document"]),
    (["parse", str(WEBPAGE), "--format", "json"], [WEBPAGE.name, "not a legal document"]),
    (["parse", "{bad}/entity.xml"], ["{bad}/entity.xml", "entity"]),
    # instructions: also a main BEK and an LBK, which are not amending documents
    (["instructions", "{bad}/nothere.txt"], ["{bad}/nothere.txt", "cannot read"]),
    (["instructions", "{bad}/folder"], ["{bad}/folder", "directory"]),
    (["instructions", "{bad}/empty.txt"], ["{bad}/empty.txt", "empty file"]),
    (["instructions", "{bad}/program.txt"], ["{bad}/program.txt", "binary"]),
    (["instructions", str(WEBPAGE)], [WEBPAGE.name, "not an amending document"]),
    (["instructions", "{bad}/entity.xml"], ["{bad}/entity.xml", "entity"]),
    (["instructions", str(BEK)], [BEK.name, "not an amending document"]),
    (["instructions", str(LBK), "--format", "json"], [LBK.name, "not an amending document"]),
    # apply: bad base, bad amending documents (an LBK, a main BEK), bad manifests, bad date
    (["apply", "{bad}/nothere.txt", str(LOV)], ["{bad}/nothere.txt", "no such file"]),
    (["apply", "{bad}/folder", str(LOV)], ["{bad}/folder", "no such file"]),
    (["apply", "{bad}/program.txt", str(LOV)], ["{bad}/program.txt", "binary"]),
    (["apply", str(LETTER), str(LOV)], [LETTER.name, "not a legal document"]),
    (["apply", str(LBK), str(LBK)], [LBK.name, "not an amending document"]),
    (["apply", str(LBK), str(BEK)], [BEK.name, "not an amending document"]),
    (["apply", str(LBK), "{bad}/entity.xml"], ["{bad}/entity.xml", "entity"]),
    (["apply", "{bad}/broken.yaml"], ["{bad}/broken.yaml", "YAML"]),
    (["apply", "{bad}/nobase.yaml"], ["{bad}/nobase.yaml", "base"]),
    (["apply", "{bad}/noamendments.yaml"], ["{bad}/noamendments.yaml", "amendments"]),
    (["apply", "{bad}/missingpath.yaml"], ["{bad}/missingpath.yaml", "does not exist"]),
    (["apply", "{bad}/baddate.yaml"], ["{bad}/baddate.yaml", "month"]),
    (["apply", "{bad}/badpart.yaml"], ["{bad}/badpart.yaml", "seven"]),
    (["apply", "{bad}/folder.yaml"], ["{bad}/folder.yaml", "directory"]),
    (["apply", "{bad}/nothere.yaml"], ["{bad}/nothere.yaml", "cannot read"]),
    (["apply", str(CASE), "--at", "1.8.2011"], ["--at", "YYYY-MM-DD"]),
    # eval
    (["eval", "{bad}/broken.yaml"], ["{bad}/broken.yaml", "YAML"]),
    (["eval", "{bad}/noexpected.yaml"], ["{bad}/noexpected.yaml", "expected"]),
    (["eval", "{bad}/folder"], ["{bad}/folder", "no manifests"]),
    # diff: files and corpus versions
    (["diff", "{bad}/nothere.txt", str(LBK)], ["{bad}/nothere.txt", "no such file"]),
    (["diff", str(LBK), "{bad}/program.txt"], ["{bad}/program.txt", "binary"]),
    (["diff", str(WEBPAGE), str(LBK)], [WEBPAGE.name, "not a legal document"]),
    (["diff", "BEK 1292/2007", "--from", "2008-06-01", "--to", "2009-13-01"], ["--to", "YYYY-MM-DD"]),
    (["diff", "BEK 1/1900", "--from", "2008-06-01", "--to", "2009-08-01", "--corpus", "{bad}/folder"],
     ["BEK 1/1900", "not in the corpus"]),
    # consolidate / timeline / rebuild: identifiers, paths and corpus folders
    (["consolidate", "BEK 1292/2007", "--at", "01-08-2009"], ["--at", "YYYY-MM-DD"]),
    (["consolidate", "BEK 1/1900", "--at", "2009-08-01", "--corpus", "{bad}/folder"],
     ["{bad}/folder", "BEK 1/1900 is not in the corpus"]),
    (["consolidate", "{bad}/nothere.txt", "--at", "2009-08-01"], ["{bad}/nothere.txt", "no such file"]),
    (["consolidate", str(LETTER), "--at", "2009-08-01"], [LETTER.name, "not a document of the corpus"]),
    (["consolidate", "BEK 1292/2007", "--at", "2009-08-01", "--corpus", "{bad}/nothere"],
     ["{bad}/nothere", "corpus folder not found"]),
    (["timeline", "BEK 1/1900", "--corpus", "{bad}/folder"], ["{bad}/folder", "not in the corpus"]),
    (["timeline", "{bad}/empty.txt"], ["{bad}/empty.txt", "not a document of the corpus"]),
    (["timeline", "the organic farming act"], ["the organic farming act", "not a document identifier"]),
    (["rebuild", "--corpus", "{bad}/nothere", "--out", "{bad}/out"], ["{bad}/nothere", "not found"]),
    (["rebuild", "--corpus", "{bad}/folder", "--out", "{bad}/out"], ["{bad}/folder", "no documents"]),
    # usage errors are one line too (no Rich error box)
    (["apply", str(CASE), "--format", "yaml"], ["apply", "--format", "yaml"]),
    (["parse"], ["parse", "Missing argument"]),
    (["instructions", str(LOV), "--bogus"], ["instructions", "--bogus"]),
]  # fmt: skip


def run_cli(args: list[str], cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LOVKONS_CACHE_DIR": str(cache), "COLUMNS": "80"}
    return subprocess.run([sys.executable, "-m", "lovkons", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip


@pytest.mark.parametrize(
    ("args", "expected"), CASES, ids=[" ".join(Path(a).name for a in c[0]) for c in CASES]
)
def test_bad_input_is_one_line_naming_the_file_and_exit_2(
    bad: Path, args: list[str], expected: list[str]
) -> None:
    result = run_cli([a.replace("{bad}", str(bad)) for a in args], bad / "cache")
    lines = result.stderr.splitlines()
    assert "Traceback" not in result.stderr, result.stderr
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("lovkons: "), lines[0]
    for text in expected:
        assert text.replace("{bad}", str(bad)) in lines[0]
    assert result.returncode == 2, result.stderr


def test_rebuild_of_an_empty_corpus_writes_nothing(bad: Path) -> None:
    run_cli(["rebuild", "--corpus", str(bad / "folder"), "--out", str(bad / "out-empty")], bad / "cache")
    assert not (bad / "out-empty").exists()


def test_a_refused_instruction_is_exit_3_with_problem_lines_not_a_traceback(bad: Path) -> None:
    # Base = an ændringsbekendtgørelse that LOV 341/2011 does not amend: every block is refused.
    seed = DATA / "seeds" / "003_6ecaac0d05ef115e.txt"
    result = run_cli(["apply", str(seed), str(LOV), "--format", "json"], bad / "cache")
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert " BASE_NOT_CITED" in lines[0] or "warning" in lines[0], lines[0]
    assert '"document"' in result.stdout
