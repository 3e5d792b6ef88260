"""Rebuild: deterministic bytes, atomic replacement (a killed rebuild leaves the previous output),
incremental (a second run recomputes nothing), and the committed consolidated/ is reproduced."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from amender.rebuild import CACHE, rebuild
from amender.swap import cleanup_stale, swap_in
from cli.cmd_rebuild import render_version

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# socialtilsyn: the law, the act amending it (§ 2 of LOV 649/2015) and the LBK restating both
SMALL = ("laws/LOV-2013-608", "laws/LOV-2015-649", "laws/LBK-2015-1054")


def tree(path: Path) -> dict[str, bytes]:
    """Every file under `path` except the rebuild cache, by POSIX relative path."""
    return {
        p.relative_to(path).as_posix(): p.read_bytes()
        for p in sorted(path.rglob("*"))
        if p.is_file() and p.name != CACHE
    }


@pytest.fixture()
def small_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for rel in SMALL:
        shutil.copytree(CORPUS / rel, root / rel)
    (root / "seeds").mkdir()
    for src in (CORPUS / "seeds").glob("002-*"):
        shutil.copy(src, root / "seeds" / src.name)
    return root


def test_two_rebuilds_are_byte_identical(small_corpus: Path, tmp_path: Path) -> None:
    a = rebuild(small_corpus, tmp_path / "a", render=render_version, jobs=2)
    b = rebuild(small_corpus, tmp_path / "b", render=render_version, jobs=1)
    assert a.written and b.written
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    assert (tmp_path / "a" / CACHE).read_bytes() == (tmp_path / "b" / CACHE).read_bytes()
    index = json.loads((tmp_path / "a" / "index.json").read_text(encoding="utf-8"))
    ids = [d["id"] for d in index["documents"]]
    assert ids == ["LBK-2015-1054", "LOV-2013-608", "seed-002"]
    law = index["documents"][1]
    assert [v["from"] for v in law["versions"]] == ["2014-01-01", "2015-07-01"]  # LOV 649/2015 § 2
    assert law["end"] == {"state": "superseded", "since": "2015-09-08", "by": "LBK 1054/2015"}
    assert (tmp_path / "a" / "LOV-2013-608" / "2015-07-01.md").is_file()
    assert (tmp_path / "a" / "LBK-2015-1054" / "2015-09-08.json").is_file()


def test_second_run_recomputes_nothing(small_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = rebuild(small_corpus, out, render=render_version, jobs=2)
    assert first.recomputed == ["LBK-2015-1054", "LOV-2013-608", "seed-002"] and first.scanned == 4
    before = tree(out)
    second = rebuild(small_corpus, out, render=render_version, jobs=2)
    assert (second.recomputed, second.scanned, second.written) == ([], 0, False)
    assert second.reused == first.recomputed
    assert tree(out) == before
    # touching one order recomputes only the document it amends
    order = small_corpus / "laws" / "LOV-2015-649" / "LOV-2015-649.xml"
    order.write_bytes(order.read_bytes() + b"\n")
    third = rebuild(small_corpus, out, render=render_version, jobs=2)
    assert third.recomputed == ["LOV-2013-608"] and third.scanned == 1


def _run_rebuild(corpus: Path, out: Path) -> subprocess.Popen[str]:
    code = "import sys; from cli.main import main; sys.argv = ['lovkons'] + sys.argv[1:]; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "rebuild", "--corpus", str(corpus), "--out", str(out), "--jobs", "1"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_killed_rebuild_leaves_previous_output(small_corpus: Path, tmp_path: Path, sig: signal.Signals) -> None:
    out = tmp_path / "out"
    rebuild(small_corpus, out, render=render_version, jobs=1)
    before = tree(out)
    shutil.rmtree(small_corpus / "laws" / "LBK-2015-1054")  # the next rebuild would change the output
    (out / CACHE).unlink()  # and must recompute everything (so there is time to kill it)
    proc = _run_rebuild(small_corpus, out)
    assert proc.stdout is not None
    first = proc.stdout.readline()  # "[1/2] …": the rebuild is under way
    assert first.startswith("[1/")
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert tree(out) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")]
    if sig is signal.SIGTERM:
        assert leftovers == []
    stats = rebuild(small_corpus, out, render=render_version, jobs=1)  # cleans up after a SIGKILL
    assert stats.written and "LBK-2015-1054" not in tree(out).get("index.json", b"").decode()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")] == []


def test_committed_consolidated_is_reproduced(tmp_path: Path) -> None:
    out = tmp_path / "consolidated"
    rebuild(CORPUS, out, render=render_version, jobs=os.cpu_count() or 2)
    assert tree(out) == tree(ROOT / "consolidated")


def test_failed_swap_keeps_previous_tree(tmp_path: Path) -> None:
    out = tmp_path / "out"
    swap_in(out, {"a/1.md": b"one\n", "index.json": b"{}\n"})
    before = tree(out)
    with pytest.raises(TypeError):
        swap_in(out, {"a/1.md": b"changed\n", "b/2.md": "not bytes"})  # type: ignore[dict-item]
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_stale_temporary_trees_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    swap_in(out, {"index.json": b"{}\n"})
    stale = tmp_path / ".out.tmp-999999999"  # no such process
    (stale / "x").mkdir(parents=True)
    cleanup_stale(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    # a swap cut short between its two renames: the old tree is put back
    os.rename(out, tmp_path / ".out.old-999999999")
    cleanup_stale(out)
    assert tree(out) == {"index.json": b"{}\n"}
