"""`lovkons eval` reads a file of cases as ../shared/data/corpus/cases.json ships the development cases
({"cases": [{"id", "base", "amendments": [{"path", "part"}], "expected"}]}, paths relative to a corpus folder),
with the corpus given as a folder or as a tar archive (unpacked once into the cache, as every --corpus now
accepts) — and reports a case that does not read, scoring the others. Real documents of tests/data/laws:
L-LBK-2011-964 (LBK 339/2011 + LOV 1609/2010 § 1, nr. 1 og 4 + LOV 275/2011 § 2 → LBK 964/2011)."""

from __future__ import annotations

import json
import shutil
import tarfile
from pathlib import Path

import pytest

from lovkons.cli.main import main

LAWS = Path(__file__).resolve().parent / "data" / "laws"
DOCS = ["LBK-2011-339", "LOV-2010-1609", "LOV-2011-275", "LBK-2011-964"]
AMENDMENTS = [{"path": "laws/LOV-2010-1609.xml", "part": "§ 1, nr. 1 og 4"}, {"path": "laws/LOV-2011-275.xml", "part": "§ 2"}]
CASE: dict[str, object] = {"id": "L-LBK-2011-964", "base": "laws/LBK-2011-339.xml",
        "amendments": AMENDMENTS,
        "expected": "laws/LBK-2011-964.xml"}


def _corpus(folder: Path) -> Path:
    (folder / "laws").mkdir(parents=True)
    for doc in DOCS:
        shutil.copy(LAWS / doc / f"{doc}.xml", folder / "laws" / f"{doc}.xml")
    return folder


def _eval(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict, str]:
    monkeypatch.setattr("sys.argv", ["lovkons", "eval", *args, "--format", "json"])
    with pytest.raises(SystemExit) as exit_:
        main()
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), json.loads(out), err


def _manifest_score(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> dict:
    corpus = _corpus(tmp_path / "m")
    amendments = "".join(f"- path: {a['path']}\n  part: '{a['part']}'\n" for a in AMENDMENTS)
    (corpus / "case.yaml").write_text(f"name: {CASE['id']}\nbase: {CASE['base']}\namendments:\n{amendments}"
                                      f"expected: {CASE['expected']}\n", encoding="utf-8")
    return _eval([str(corpus / "case.yaml")], capsys, monkeypatch)[1]["cases"][0]


def test_a_cases_file_scores_each_case_as_its_manifest_would(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path / "corpus")
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps({"source": "test", "cases": [CASE]}), encoding="utf-8")
    code, data, _ = _eval([str(cases), "--corpus", str(corpus)], capsys, monkeypatch)
    assert code in (0, 3) and data["failed"] == []
    (case,) = data["cases"]
    assert case["case"] == "L-LBK-2011-964" and case["applied"] > 0
    assert case == _manifest_score(tmp_path, capsys, monkeypatch)


def test_the_corpus_may_be_an_archive_beside_the_cases_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path / "cache"))
    corpus = _corpus(tmp_path / "src")
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    with tarfile.open(shipped / "love.tar.xz", "w:xz") as tar:
        tar.add(corpus / "laws", arcname="laws")
    (shipped / "cases.json").write_text(json.dumps({"cases": [CASE]}), encoding="utf-8")
    code, data, _ = _eval([str(shipped / "cases.json")], capsys, monkeypatch)  # no --corpus: the archive beside it
    assert code in (0, 3) and data["failed"] == [] and data["cases"][0]["applied"] > 0
    assert len(list((tmp_path / "cache" / "corpora").iterdir())) == 1  # unpacked once, into the cache
    code, again, _ = _eval([str(shipped / "cases.json"), "--corpus", str(shipped / "love.tar.xz")], capsys, monkeypatch)
    assert again["cases"] == data["cases"]
    assert len(list((tmp_path / "cache" / "corpora").iterdir())) == 1


def test_a_case_that_does_not_read_is_reported_and_the_others_scored(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str],
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path / "corpus")
    bad_part = {**CASE, "id": "bad-part", "amendments": [{"path": "laws/LOV-2011-275.xml", "part": "nr. 2"}]}
    outside = {**CASE, "id": "outside", "base": "../cases.json"}  # a file, but outside the corpus folder
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps({"cases": [bad_part, CASE, outside]}), encoding="utf-8")
    code, data, err = _eval([str(cases), "--corpus", str(corpus)], capsys, monkeypatch)
    assert code == 2
    assert [c["case"] for c in data["cases"]] == ["L-LBK-2011-964"]
    assert [(f["case"], f["reason"].split(":")[0]) for f in data["failed"]] == [
        ("bad-part", "case 1 (bad-part)"), ("outside", "case 3 (outside)")]
    assert "starts with the §" in data["failed"][0]["reason"] and "not in the corpus folder" in data["failed"][1]["reason"]
    assert err.count("\n") == 2 and "Traceback" not in err


@pytest.mark.parametrize(("content", "reason"), [
    ("[1, 2", "not a JSON file of cases"),
    ('{"cases": 3}', "a cases file is"),
])
def test_a_file_that_is_no_cases_file_is_one_failed_entry(tmp_path: Path, content: str, reason: str,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    cases = tmp_path / "cases.json"
    cases.write_text(content, encoding="utf-8")
    code, data, err = _eval([str(cases), "--corpus", str(tmp_path)], capsys, monkeypatch)
    assert code == 2 and data["cases"] == [] and reason in data["failed"][0]["reason"]
    assert err.count("\n") == 1


def test_an_archive_that_does_not_unpack_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path / "cache"))
    broken = tmp_path / "love.tar.xz"
    broken.write_bytes(b"not an archive")
    monkeypatch.setattr("sys.argv", ["lovkons", "timeline", "LBK 339/2011", "--corpus", str(broken)])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "love.tar.xz" in err and "cannot unpack" in err
    assert not any((tmp_path / "cache" / "corpora").iterdir())  # nothing half-unpacked left behind


def test_a_cases_file_may_start_with_a_byte_order_mark(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path / "corpus")
    cases = tmp_path / "cases.json"
    cases.write_bytes(b"\xef\xbb\xbf" + json.dumps({"cases": [CASE]}).encode())
    code, data, _ = _eval([str(cases), "--corpus", str(corpus)], capsys, monkeypatch)
    assert code in (0, 3) and data["failed"] == [] and data["cases"][0]["applied"] > 0


def test_corpus_is_refused_for_manifests_that_name_their_own_documents(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path / "m")
    (corpus / "case.yaml").write_text(f"name: x\nbase: {CASE['base']}\namendments: []\nexpected: {CASE['expected']}\n",
                                      encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["lovkons", "eval", str(corpus / "case.yaml"), "--corpus", "/nope"])
    with pytest.raises(SystemExit) as exit_:
        main()
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and err.count("\n") == 1 and "--corpus is for a cases file" in err


def test_a_path_too_long_to_look_at_is_one_failed_case(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    case = {**CASE, "base": "x" * 5000 + ".xml"}
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps({"cases": [case]}), encoding="utf-8")
    code, data, err = _eval([str(cases)], capsys, monkeypatch)
    assert code == 2 and data["cases"] == [] and len(data["failed"]) == 1
    assert err.count("\n") == 1 and len(err) < 600 and "Traceback" not in err
