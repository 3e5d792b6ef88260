"""A corpus given as a tar archive (history.archive; `--corpus love-2010-2017.tar.xz`): an archive that is cut
short or damaged is refused with one line naming it — never unpacked in part and kept as if whole (tarfile
reads a bad header as the archive's end); a changed archive is unpacked again even with the same size and
time of modification, and the copy of its earlier version is removed; `--no-cache` writes nothing into the
cache folder; messages name the archive, not the folder it was unpacked into. Real documents of
tests/data/laws (LBK 339/2011 and the two acts that amend it)."""

from __future__ import annotations

import io
import os
import tarfile
import time
from pathlib import Path

import pytest

from lovkons.cli.main import main
from lovkons.history.archive import unpacked
from lovkons.model.document import LovkonsError

LAWS = Path(__file__).resolve().parent / "data" / "laws"
DOCS = ["LBK-2011-339", "LOV-2010-1609", "LOV-2011-275"]


def _archive(path: Path, mode: str, docs: list[str] = DOCS) -> Path:
    with tarfile.open(path, mode) as tar:
        for doc in docs:
            tar.add(LAWS / doc / f"{doc}.xml", arcname=f"laws/{doc}.xml")
    return path


def _run(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.argv", ["lovkons", *args])
    with pytest.raises(SystemExit) as exit_:
        main()
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), out, err


def _cut_at_a_member(tar: Path) -> bytes:
    """The archive's bytes up to the start of its last member: every header before it intact, no end."""
    with tarfile.open(tar) as t:
        last = t.getmembers()[-1]
    return tar.read_bytes()[:last.offset]


def _damaged_in_the_middle(packed: Path) -> bytes:
    data = bytearray(packed.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(64)
    return bytes(data)


def test_a_whole_archive_unpacks(tmp_path: Path) -> None:
    for mode, name in [("w", "c.tar"), ("w:gz", "c.tar.gz"), ("w:bz2", "c.tar.bz2"), ("w:xz", "c.tar.xz")]:
        folder = unpacked(_archive(tmp_path / name, mode), tmp_path / "cache")
        assert sorted(p.name for p in (folder / "laws").iterdir()) == sorted(f"{d}.xml" for d in DOCS)


@pytest.mark.parametrize("how", ["tar cut at a member", "gz damaged", "xz damaged", "xz cut"])
def test_an_archive_cut_short_or_damaged_is_refused_and_nothing_kept(tmp_path: Path, how: str,
                                                                     capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path / "cache"))
    whole = {"tar": "w", "gz": "w:gz", "xz": "w:xz"}[how.split()[0]]
    source = _archive(tmp_path / f"whole.{how.split()[0]}", whole)
    broken = tmp_path / ("love.tar" + {"tar": "", "gz": ".gz", "xz": ".xz"}[how.split()[0]])
    if how == "tar cut at a member":
        broken.write_bytes(_cut_at_a_member(source))
    elif how == "xz cut":
        broken.write_bytes(source.read_bytes()[: len(source.read_bytes()) * 2 // 3])
    else:
        broken.write_bytes(_damaged_in_the_middle(source))
    code, out, err = _run(["timeline", "LBK 339/2011", "--corpus", str(broken)], capsys, monkeypatch)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and broken.name in err and "cannot unpack" in err and "Traceback" not in err
    corpora = tmp_path / "cache" / "corpora"
    assert not corpora.exists() or not any(corpora.iterdir())  # nothing kept, in part or whole


def _one_file(path: Path, name: str, fill: bytes) -> Path:
    with tarfile.open(path, "w") as tar:
        info = tarfile.TarInfo(f"laws/{name}")
        info.size = 1000
        tar.addfile(info, io.BytesIO(fill * 1000))
    return path


def test_an_archive_replaced_with_the_same_size_and_time_is_unpacked_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    archive = _one_file(tmp_path / "c.tar", "a.xml", b"A")
    first = unpacked(archive, cache)
    stat = archive.stat()
    replacement = _one_file(tmp_path / "other.tar", "b.xml", b"B").read_bytes()
    assert len(replacement) == stat.st_size
    archive.write_bytes(replacement)
    os.utime(archive, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the old time of modification back (`touch -d`)
    assert archive.stat().st_size == stat.st_size and archive.stat().st_mtime_ns == stat.st_mtime_ns
    hour_ago = time.time() - 3700
    os.utime(first / ".unpacked", (hour_ago, hour_ago))  # no command has used the old copy for an hour
    second = unpacked(archive, cache)
    assert second != first and (second / "laws" / "b.xml").is_file()
    assert not first.exists()  # the copy of the earlier version removed
    assert [p.name for p in (cache / "corpora").iterdir()] == [second.name]


def test_the_copy_of_an_earlier_version_in_use_is_kept(tmp_path: Path) -> None:
    """A command that began before the archive changed may still be reading its copy: kept until idle."""
    cache = tmp_path / "cache"
    archive = _one_file(tmp_path / "c.tar", "a.xml", b"A")
    first = unpacked(archive, cache)
    archive.write_bytes(_one_file(tmp_path / "other.tar", "b.xml", b"B").read_bytes())
    os.utime(archive, ns=(time.time_ns(), time.time_ns() + 10**9))
    second = unpacked(archive, cache)
    assert second != first and first.exists() and second.exists()


def test_two_archives_with_one_name_keep_their_copies(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = unpacked(_archive(tmp_path / "a" / "c.tar", "w"), cache)
    two = unpacked(_archive(tmp_path / "b" / "c.tar", "w"), cache)
    assert one != two and one.exists() and two.exists()


def test_no_cache_writes_nothing_into_the_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path / "cache"))
    archive = _archive(tmp_path / "love.tar.gz", "w:gz")
    code, out, _ = _run(["timeline", "LBK 339/2011", "--corpus", str(archive), "--no-cache"], capsys, monkeypatch)
    assert code in (0, 3) and "339/2011" in out
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").rglob("*"))


def test_a_document_not_in_an_archive_corpus_names_the_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path / "cache"))
    archive = _archive(tmp_path / "love.tar.gz", "w:gz")
    code, _, err = _run(["timeline", "LOV 1/2014", "--corpus", str(archive)], capsys, monkeypatch)
    assert code == 2 and err.count("\n") == 1
    assert str(archive) in err and "corpora" not in err and "not in the corpus" in err


def test_a_file_that_is_no_archive_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "c.tar"
    fake.write_bytes(b"x" * 2048)
    with pytest.raises(LovkonsError, match="cannot unpack"):
        unpacked(fake, tmp_path / "cache")
    assert not any((tmp_path / "cache" / "corpora").iterdir())


def test_files_of_an_unpacked_corpus_are_named_by_the_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems name their file: under the archive, not under the temporary or cache folder it was unpacked to."""
    from lovkons.history.cache import corpus_folder
    from lovkons.model.document import Problem

    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path / "cache"))
    archive = _archive(tmp_path / "love.tar.gz", "w:gz")
    for keep in (True, False):
        folder = corpus_folder(archive, keep=keep)
        problem = Problem("TEXT_NOT_FOUND", "»x« not found", "error", file=str(folder / "laws" / "LOV-2011-275.xml"))
        line = problem.one_line()
        assert line.startswith(f"{archive}/laws/LOV-2011-275.xml: error TEXT_NOT_FOUND") and str(folder) not in line
