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
from typing import Any

import pytest

from lovkons.history.cache import rebuild_cache_file
from lovkons.history.rebuild import CACHE, rebuild
from lovkons.history.swap import cleanup_stale, swap_in
from lovkons.renderers.version_files import render_version

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
    assert rebuild_cache_file(tmp_path / "a").read_bytes() == rebuild_cache_file(tmp_path / "b").read_bytes()
    assert not (tmp_path / "a" / CACHE).exists()  # no hidden file in the output: the cache is the user's
    index = json.loads((tmp_path / "a" / "index.json").read_text(encoding="utf-8"))
    ids = [d["id"] for d in index["documents"]]
    assert ids == ["LBK-2015-1054", "LOV-2013-608", "seed-002"]
    law = index["documents"][1]
    # LOV 649/2015 § 2 from 2015-07-01; the royal resolutions of 3 February 2014 and 28 June 2015 renamed
    # the minister (social-, børne- og integrationsministeren → … → social- og indenrigsministeren)
    assert [v["from"] for v in law["versions"]] == ["2014-01-01", "2014-02-03", "2015-06-28", "2015-07-01"]
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



def test_a_no_op_rebuild_hashes_no_job_and_writes_no_cache(small_corpus: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing in the corpus changed (the same files, bytes and code): the jobs' hashes are the last
    run's (no timeline is built) and the cache is left as it is; one changed file: every job is hashed."""
    import lovkons.history.rebuild as rebuild_module

    out = tmp_path / "out"
    rebuild(small_corpus, out, render=render_version, jobs=1)
    cache = rebuild_cache_file(out)
    written = (cache.stat().st_ino, cache.stat().st_mtime_ns, cache.read_bytes())
    hashed: list[str] = []
    real = rebuild_module.job_hash

    def counted(corpus: Any, key: str, code: str) -> str:
        hashed.append(key)
        return real(corpus, key, code)

    monkeypatch.setattr(rebuild_module, "job_hash", counted)
    second = rebuild(small_corpus, out, render=render_version, jobs=1)
    assert (second.recomputed, hashed) == ([], [])
    assert (cache.stat().st_ino, cache.stat().st_mtime_ns, cache.read_bytes()) == written
    order = small_corpus / "laws" / "LOV-2015-649" / "LOV-2015-649.xml"
    order.write_bytes(order.read_bytes() + b"\n")
    third = rebuild(small_corpus, out, render=render_version, jobs=1)
    assert third.recomputed == ["LOV-2013-608"] and sorted(hashed) == ["LBK 1054/2015", "LOV 608/2013", "seed-002"]
    assert cache.read_bytes() != written[2]

def test_second_run_parses_nothing_with_duplicates_and_unreadable_files(small_corpus: Path, tmp_path: Path) -> None:
    """The text twin of a law (a DUPLICATE_DOCUMENT) and a non-legal file are cached too."""
    twin = ROOT / "tests" / "data" / "laws" / "LOV-2013-608" / "LOV-2013-608.txt"
    shutil.copy(twin, small_corpus / "laws" / "LOV-2013-608" / twin.name)
    (small_corpus / "notes.txt").write_text("Kære kollega, vedlagt følger brevet.\n", encoding="utf-8")
    out = tmp_path / "out"
    first = rebuild(small_corpus, out, render=render_version, jobs=1)
    assert first.scanned == 6
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert any(p["code"] == "DUPLICATE_DOCUMENT" for p in index["problems"])
    second = rebuild(small_corpus, out, render=render_version, jobs=1)
    assert (second.recomputed, second.scanned, second.written) == ([], 0, False)


def _run_rebuild(corpus: Path, out: Path) -> subprocess.Popen[str]:
    # every document after the first takes 60 s more, so the kill (sent once the first is reported)
    # lands mid-rebuild however loaded the machine is; the killed process does not wait them out
    code = ("import sys, time; import lovkons.history.rebuild as r; f = r.document_outputs; n = []; "
            "r.document_outputs = lambda *a, **k: (n.append(1), time.sleep(60 if len(n) > 1 else 0), f(*a, **k))[2]; "
            "from lovkons.cli.main import main; sys.argv = ['lovkons'] + sys.argv[1:]; main()")  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-c", code, "rebuild", "--corpus", str(corpus), "--out", str(out), "--jobs", "1"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_killed_rebuild_leaves_previous_output(small_corpus: Path, tmp_path: Path, sig: signal.Signals) -> None:
    out = tmp_path / "out"
    rebuild(small_corpus, out, render=render_version, jobs=1)
    before = tree(out)
    shutil.rmtree(small_corpus / "laws" / "LBK-2015-1054")  # the next rebuild would change the output
    rebuild_cache_file(out).unlink()  # and must recompute everything (so there is time to kill it)
    proc = _run_rebuild(small_corpus, out)
    assert proc.stderr is not None
    first = proc.stderr.readline()  # "[1/2] …" (progress is on stderr): the rebuild is under way
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


def _boom(real: Any) -> Any:
    """A `versions` (of history.pointintime) that raises (a bug) for LOV 608/2013 only."""

    def fake(corpus: Any, tl: Any, stop: Any, **kw: Any) -> Any:
        if tl.key == "LOV 608/2013":
            raise RuntimeError("boom\nsecond line")
        return real(corpus, tl, stop, **kw)

    return fake


@pytest.mark.parametrize("jobs", [1, 2])
def test_exception_in_one_document_is_recorded_and_the_rest_written(
    small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    from lovkons.history import outputs as history_outputs

    monkeypatch.setattr(history_outputs, "versions_of", _boom(history_outputs.versions_of))
    out = tmp_path / "out"
    stats = rebuild(small_corpus, out, render=render_version, jobs=jobs)
    assert stats.errors == ["laws/LOV-2013-608/LOV-2013-608.xml: RuntimeError: boom"]
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    failed = {d["id"]: [p["code"] for p in d["problems"]] for d in index["documents"] if "error" in d}
    assert failed == {"LOV-2013-608": ["INTERNAL_ERROR"]}
    assert (out / "LBK-2015-1054" / "2015-09-08.md").is_file() and not (out / "LOV-2013-608").exists()
    assert "`INTERNAL_ERROR`" in (out / "report.md").read_text(encoding="utf-8")
    again = rebuild(small_corpus, out, render=render_version, jobs=jobs)  # a failed document is retried
    assert again.recomputed == ["LOV-2013-608"] and len(again.errors) == 1


def test_exception_while_reading_a_file_is_recorded(small_corpus: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from lovkons.history import facts as history_facts

    real = history_facts._scan

    def fake(root: Path, rel: str, sha: str) -> Any:
        if rel.endswith("LOV-2015-649.xml"):
            raise KeyError("no such element")
        return real(root, rel, sha)

    monkeypatch.setattr(history_facts, "_scan", fake)
    stats = rebuild(small_corpus, tmp_path / "out", render=render_version, jobs=2)
    assert stats.errors == ["laws/LOV-2015-649/LOV-2015-649.xml: reading failed: KeyError: 'no such element'"]
    assert stats.documents == 3


def test_cli_rebuild_exits_1_with_one_line(small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from lovkons.cli.main import app
    from lovkons.history import outputs as history_outputs

    monkeypatch.setattr(history_outputs, "versions_of", _boom(history_outputs.versions_of))
    result = CliRunner().invoke(app, ["rebuild", "--corpus", str(small_corpus), "--out", str(tmp_path / "o"),
                                      "--jobs", "2"])  # fmt: skip
    assert result.exit_code == 1
    assert [x for x in result.stderr.splitlines() if x.startswith("lovkons:")] == [
        f"lovkons: internal error: laws/LOV-2013-608/LOV-2013-608.xml: RuntimeError: boom; see {tmp_path / 'o' / 'report.md'}"
    ]
    assert result.stdout == ""  # progress and summary are on stderr
    assert "Traceback" not in result.output
