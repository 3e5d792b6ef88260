"""Rebuild safety (issue 16): nothing is written outside --out, a folder lovkons did not make is
never replaced, one rebuild at a time writes an output, workers die with their parent, links and
unreadable inputs are named, never followed or skipped silently."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lovkons.history.cache import facts_cache_file, rebuild_cache_file
from lovkons.history.corpus import load_corpus
from lovkons.history.rebuild import CACHE, rebuild
from lovkons.history.swap import MARKER, output_lock
from lovkons.model.document import LovkonsError
from lovkons.renderers.version_files import render_version

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CHAIN = ("bek/BEK-2007-1292", "bek/BEK-2008-1072")  # byggeskadeforsikring: a BEK and its first order
OTHER = ("bek/BEK-2013-288", "bek/BEK-2013-960")  # pingere: another BEK and its order


def make_corpus(where: Path, folders: tuple[str, ...] = CHAIN) -> Path:
    for rel in folders:
        shutil.copytree(CORPUS / rel, where / rel)
    return where


def files_under(path: Path) -> dict[str, bytes]:
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*"))
            if p.is_file() and p.name != CACHE}  # fmt: skip


def problems(out: Path) -> list[dict[str, object]]:
    return list(json.loads((out / "index.json").read_text(encoding="utf-8"))["problems"])


# ------------------------------------------------------------------ writing only inside --out

ESCAPES = [  # sidecar text, where a naive rebuild would have written
    ("id: ../../escaped\n", "escaped"),
    ("id: /tmp/lovkons-escape-test\n", "lovkons-escape-test"),
    ("id: ..\n", ".."),
    ("id: index.json\n", "index.json"),
    ("kind: ../../x\nnumber: 1\nyear: 2000\n", "x-2000-1"),
]


@pytest.mark.parametrize(("sidecar", "name"), ESCAPES, ids=[s.strip() for s, _ in ESCAPES])
def test_identifier_leaving_the_output_is_refused(tmp_path: Path, sidecar: str, name: str) -> None:
    corpus = make_corpus(tmp_path / "a" / "b" / "corpus")
    (corpus / "bek/BEK-2007-1292/BEK-2007-1292.json.yaml").write_text(sidecar, encoding="utf-8")
    out = tmp_path / "a" / "b" / "out"
    before = {p for p in tmp_path.rglob("*") if not p.is_relative_to(out)}
    stats = rebuild(corpus, out, render=render_version, jobs=1)
    after = {p for p in tmp_path.rglob("*") if not p.is_relative_to(out)}
    assert after == before  # nothing new outside --out
    assert not Path("/tmp/lovkons-escape-test").exists()
    codes = {(p["code"], p["file"]) for p in problems(out)}
    assert ("BAD_IDENTIFIER", "bek/BEK-2007-1292/BEK-2007-1292.json") in codes
    assert any("BAD_IDENTIFIER" in line for line in stats.unreadable)


def test_written_paths_are_checked_too(tmp_path: Path) -> None:
    from lovkons.history.swap import swap_in

    for rel in ("../x.md", "/abs.md", "a/../../x.md", "a//b.md", ""):
        with pytest.raises(LovkonsError, match="not a path inside the output folder"):
            swap_in(tmp_path / "out", {rel: b"x"})
    assert sorted(p.name for p in tmp_path.iterdir()) == []


# ------------------------------------------------------------------ a foreign --out

def test_foreign_out_with_an_index_json_is_not_replaced(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.json").write_text("{}\n", encoding="utf-8")
    (out / "notes.txt").write_text("my notes\n", encoding="utf-8")
    with pytest.raises(LovkonsError, match="not a lovkons output"):
        rebuild(corpus, out, render=render_version, jobs=1)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my notes\n"


def test_own_output_is_replaced_and_a_file_added_to_it_makes_it_foreign(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    rebuild(corpus, out, render=render_version, jobs=1)
    assert (out / MARKER).is_file()
    (corpus / "bek/BEK-2008-1072/BEK-2008-1072.json").unlink()
    assert rebuild(corpus, out, render=render_version, jobs=1).written  # the marker: ours
    (out / MARKER).unlink()  # as written before the marker existed: only what index.json lists
    (corpus / "bek/BEK-2007-1292/BEK-2007-1292.json.yaml").write_text("note: x\n", encoding="utf-8")
    assert rebuild(corpus, out, render=render_version, jobs=1).written
    (out / MARKER).unlink()
    (out / "mine.txt").write_text("keep\n", encoding="utf-8")
    with pytest.raises(LovkonsError, match="not a lovkons output"):
        rebuild(corpus, out, render=render_version, jobs=1)
    assert (out / "mine.txt").is_file()


# ------------------------------------------------------------------ one writer at a time

def test_a_second_rebuild_waits_then_refuses_with_one_line(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    env = dict(os.environ, LOVKONS_LOCK_WAIT="0.5")
    with output_lock(out):
        proc = subprocess.run([sys.executable, "-m", "lovkons", "rebuild", "--corpus", str(corpus), "--out", str(out)],
                              capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)  # fmt: skip
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"lovkons: {out}: --out: another rebuild (process {os.getpid()}) is writing this folder; "
        "try again when it has finished"]
    assert not out.exists()
    assert rebuild(corpus, out, render=render_version, jobs=1).written  # the lock is gone with its holder


def test_concurrent_rebuilds_of_two_corpora_never_mix(tmp_path: Path) -> None:
    a = make_corpus(tmp_path / "a", CHAIN)
    b = make_corpus(tmp_path / "b", OTHER)
    rebuild(a, tmp_path / "ref-a", render=render_version, jobs=1)
    rebuild(b, tmp_path / "ref-b", render=render_version, jobs=1)
    refs = [files_under(tmp_path / "ref-a"), files_under(tmp_path / "ref-b")]
    out = tmp_path / "out"
    env = dict(os.environ, LOVKONS_LOCK_WAIT="300")
    for _ in range(3):
        procs = [subprocess.Popen([sys.executable, "-m", "lovkons", "rebuild", "--corpus", str(c), "--out", str(out),
                                   "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                  env=env, cwd=ROOT) for c in (a, b, a, b)]  # fmt: skip
        for p in procs:
            _, err = p.communicate(timeout=600)
            assert p.returncode in (0, 3), err  # 3: an instruction of the corpus was refused
        assert files_under(out) in refs  # one corpus's output, whole
    # a tree changed behind the cache's back is not "up to date": the changed file is rebuilt
    last = files_under(out)
    victim = next(p for p in sorted(out.rglob("*.md")) if p.name != "report.md")
    victim.write_text("tampered\n", encoding="utf-8")
    corpus = a if last == refs[0] else b
    assert rebuild(corpus, out, render=render_version, jobs=1).written
    assert files_under(out) == last


# ------------------------------------------------------------------ workers die with the rebuild

def _slow_rebuild(corpus: Path, out: Path) -> subprocess.Popen[str]:
    """`lovkons rebuild --jobs 2` whose every document takes 120 s (in the workers)."""
    code = ("import sys, time; import lovkons.history.rebuild as r; f = r.document_outputs; "
            "r.document_outputs = lambda *a, **k: (print('working', flush=True), time.sleep(120), f(*a, **k))[2]; "
            "from lovkons.cli.main import main; sys.argv = ['lovkons'] + sys.argv[1:]; main()")  # fmt: skip
    return subprocess.Popen([sys.executable, "-c", code, "rebuild", "--corpus", str(corpus), "--out", str(out),
                             "--jobs", "2"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def _children(pid: int) -> set[int]:
    kids: set[int] = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            kids.add(int(stat.parent.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie has ended; only its parent's bookkeeping is left


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_rebuild_leaves_no_worker(tmp_path: Path, sig: signal.Signals) -> None:
    corpus = make_corpus(tmp_path / "corpus", CHAIN + OTHER)
    out = tmp_path / "out"
    proc = _slow_rebuild(corpus, out)
    assert proc.stdout is not None
    assert "working" in proc.stdout.readline()  # a worker is inside a document
    workers: set[int] = set()
    for _ in range(100):
        workers = {k for k in _children(proc.pid) if _alive(k)}
        if len(workers) >= 2:
            break
        time.sleep(0.1)
    assert workers, "no worker process found"
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert proc.returncode == (-signal.SIGKILL if sig == signal.SIGKILL else 143), proc.stderr.read() if proc.stderr else ""
    for _ in range(200):  # the watcher looks every 0.5 s; the kernel kills at once on Linux
        if not any(_alive(w) for w in workers):
            break
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "a worker outlived its rebuild"
    assert not out.exists()
    if sig == signal.SIGTERM:  # cleaned up on the way out: no temporary tree, no lock file
        assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


# ------------------------------------------------------------------ links and unreadable inputs

def test_links_leaving_the_corpus_are_refused_unless_followed(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    outside = tmp_path / "elsewhere"
    shutil.copytree(CORPUS / "bek/BEK-2013-288", outside / "BEK-2013-288")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "linked.json").symlink_to(outside / "BEK-2013-288" / "BEK-2013-288.json")
    (corpus / "folder").symlink_to(outside, target_is_directory=True)
    (corpus / "inside.json").symlink_to(corpus / "bek/BEK-2007-1292/BEK-2007-1292.json")
    out = tmp_path / "out"
    stats = rebuild(corpus, out, render=render_version, jobs=1)
    refused = sorted(str(p["file"]) for p in problems(out) if p["code"] == "LINK_OUTSIDE_CORPUS")
    assert refused == ["folder", "linked.json", "passwd.txt"]
    assert len(stats.unreadable) == 3
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert "BEK 288/2013" not in {s["key"] for s in index["sources"]}  # nothing outside was read
    # a link within the corpus is read (here: the same document twice)
    assert ("DUPLICATE_DOCUMENT", "inside.json") in {(p["code"], p["file"]) for p in problems(out)}
    followed = rebuild(corpus, tmp_path / "out2", render=render_version, jobs=1, follow_links=True)
    keys = {s["key"] for s in json.loads((tmp_path / "out2" / "index.json").read_bytes())["sources"]}
    assert "BEK 288/2013" in keys and not [u for u in followed.unreadable if "LINK_OUTSIDE" in u]


def test_sidecar_link_leaving_the_corpus_is_refused(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    (tmp_path / "side.yaml").write_text("id: stolen\n", encoding="utf-8")
    (corpus / "bek/BEK-2007-1292/BEK-2007-1292.json.yaml").symlink_to(tmp_path / "side.yaml")
    found = load_corpus(corpus)
    assert [(p.code, p.file) for p in found.problems if p.code == "LINK_OUTSIDE_CORPUS"] == [
        ("LINK_OUTSIDE_CORPUS", "bek/BEK-2007-1292/BEK-2007-1292.json")]


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """Make `denied` (a file or a folder) unreadable: chmod 000, or when running as root (which
    reads anything) the same failure from the system calls."""
    if os.geteuid() != 0:
        denied.chmod(0)
        return
    import lovkons.history.listing as listing
    import lovkons.parsers.input_bytes as input_bytes

    real_open, real_scandir = os.open, os.scandir

    def fake_open(path: object, *args: object, **kw: object) -> int:
        if Path(str(path)).resolve() == denied.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kw)  # type: ignore[arg-type]

    def fake_scandir(path: object) -> object:
        if Path(str(path)).resolve() == denied.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(input_bytes.os, "open", fake_open)
    monkeypatch.setattr(listing.os, "scandir", fake_scandir)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_unreadable_input_is_named_as_an_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str) -> None:
    corpus = make_corpus(tmp_path / "corpus", CHAIN + OTHER)
    denied = corpus / ("bek/BEK-2013-960/BEK-2013-960.json" if what == "file" else "bek/BEK-2013-960")
    _deny(monkeypatch, denied)
    try:
        out = tmp_path / "out"
        stats = rebuild(corpus, out, render=render_version, jobs=1)
    finally:
        denied.chmod(0o755)
    code, name = ("UNREADABLE_FILE", "bek/BEK-2013-960/BEK-2013-960.json") if what == "file" else \
        ("UNREADABLE_FOLDER", "bek/BEK-2013-960/")  # fmt: skip
    assert [(p["code"], p["file"]) for p in problems(out) if p["code"] == code] == [(code, name)]
    assert any(name in line and "Permission denied" in line for line in stats.unreadable)
    assert "--out" not in "".join(stats.unreadable)
    assert stats.written and (out / "BEK-2007-1292").is_dir()  # the rest was rebuilt


def test_fifo_in_the_corpus_is_named_not_read(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    os.mkfifo(corpus / "pipe.txt")
    found = load_corpus(corpus)  # would block forever if the FIFO were opened for reading
    assert [(p.code, p.file) for p in found.problems if p.code == "NOT_A_FILE"] == [("NOT_A_FILE", "pipe.txt")]


def test_damaged_cache_is_ignored(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    rebuild(corpus, out, render=render_version, jobs=1)
    before = files_under(out)
    cache = json.loads(rebuild_cache_file(out).read_text(encoding="utf-8"))
    for job in cache["jobs"].values():
        job["files"] = {"../../../etc/passwd": "0" * 64}
    rebuild_cache_file(out).write_text(json.dumps(cache), encoding="utf-8")
    facts_cache_file(corpus).write_bytes(b"\x80\x05damaged")  # the shared corpus index
    stats = rebuild(corpus, out, render=render_version, jobs=1)
    assert stats.reused == [] and files_under(out) == before


def test_cli_names_every_input_it_did_not_read(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    proc = subprocess.run([sys.executable, "-m", "lovkons", "rebuild", "--corpus", str(corpus), "--out",
                           str(tmp_path / "out"), "--jobs", "1"], capture_output=True, text=True, cwd=ROOT,
                          timeout=300)  # fmt: skip
    assert proc.returncode in (0, 3), proc.stderr
    # stderr also carries the progress lines and the summary; the inputs not read are named there
    assert [line for line in proc.stderr.splitlines() if line.startswith("lovkons: ")] == [
        "lovkons: passwd.txt: error LINK_OUTSIDE_CORPUS: a symbolic link to /etc/passwd, outside the corpus: "
        "not read (rebuild --follow-links reads it)",
        "lovkons: pipe.txt: error NOT_A_FILE: not a regular file (a FIFO, device or socket): not read"]



@pytest.mark.parametrize("rel", ["BEK-2007-1292/2008-04-01.md", "a/b/c.json", "index.json", "", "/etc/passwd", "//x",
                                 "a//b", "a/", "./a", "a/./b", "a/../b", "..", ".", "a\\b", "a\x00b", "a/.hidden"])
def test_safe_relpath_accepts_exactly_a_plain_relative_posix_path(rel: str) -> None:
    """What PurePosixPath keeps of it is `rel` as written, without "..": the same verdict without pathlib."""
    from pathlib import PurePosixPath

    from lovkons.history.swap import safe_relpath

    parts = PurePosixPath(rel).parts
    plain = (bool(parts) and not rel.startswith("/") and ".." not in parts and "\\" not in rel and "\x00" not in rel
             and PurePosixPath(rel).as_posix() == rel)  # fmt: skip
    if plain:
        assert safe_relpath(rel) == rel
    else:
        with pytest.raises(LovkonsError):
            safe_relpath(rel)
