"""Every command probed with bad and odd input as an outside checker would (contract.md, "Exit
codes"): bad input → exit 2 and ONE stderr line naming the file/option and the reason, never a
traceback; what can still be answered → exit 0; nothing already written is lost. One row per probe;
runs the real entry point (`cli.main.main`) in-process, on small files made in a temp folder.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import sys
from pathlib import Path

import pytest

from lovkons.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
LBK = DATA / "laws" / "LBK-2009-196" / "LBK-2009-196.xml"
LOV = DATA / "laws" / "LOV-2011-341" / "LOV-2011-341.xml"
SEED0 = DATA / "seeds" / "000_8f9a1afb951fe215.txt"  # a letter, not a legal document
SEED4 = DATA / "seeds" / "004_1d6b1ab595b173d2.txt"  # a web page's text
SEED3 = DATA / "seeds" / "003_6ecaac0d05ef115e.txt"  # an ændringsbekendtgørelse (UTF-8 text)
CASE = ROOT / "tests" / "cases" / "L-LBK-2011-416.yaml"
CORPUS = ROOT / "corpus"
# BEK 1292/2007; seed 001 repeals BEK 1008/2015 (absent); seed 003 amends BEK 1676/2006 (absent)
SMALL = ("bek/BEK-2007-1292", "seeds/001-forsoeg-beskaeftigelse.txt", "seeds/003-aendring-aktiv-beskaeftigelse.txt")


def _manifest(d: Path, name: str, text: str) -> None:
    (d / name).write_text(text.format(lbk=LBK, lov=LOV), encoding="utf-8")


@pytest.fixture(scope="module")
def places(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """{bad}: a folder of bad inputs; {corpus}: a three-document copy of corpus/; {cache}."""
    d = tmp_path_factory.mktemp("bad")
    (d / "dir").mkdir()
    (d / "dir.yaml").mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "bin.txt").write_bytes(bytes(range(256)) * 8)
    (d / "latin1.txt").write_bytes(SEED3.read_text(encoding="utf-8").encode("latin-1", "replace"))
    (d / "trunc.xml").write_bytes(LBK.read_bytes()[:4000])
    (d / "entity.xml").write_text('<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY e "x">]>\n<Dokument>&e;</Dokument>\n')
    (d / "xxe.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Dokument>&x;</Dokument>\n'
    )
    (d / "rec.json").write_text('{"foo": 1}')
    (d / "trunc.json").write_text('{"documentHtml": ')
    (d / "a_file").write_text("keep me\n")
    (d / "notout").mkdir()
    (d / "notout" / "keep.txt").write_text("keep me too\n")
    _manifest(d, "broken.yaml", "base: [unclosed\n  amendments: :\n")
    _manifest(d, "nobase.yaml", "amendments: []\n")
    _manifest(d, "noamend.yaml", "base: {lbk}\n")
    _manifest(d, "missing.yaml", "base: {lbk}\namendments:\n  - path: nothere.xml\n")
    _manifest(d, "badpart.yaml", "base: {lbk}\namendments:\n  - path: {lov}\n    part: seven\n")
    _manifest(d, "part99.yaml", "base: {lbk}\namendments:\n  - path: {lov}\n    part: \"§ 99\"\n")
    _manifest(d, "intpart.yaml", "base: {lbk}\namendments:\n  - path: {lov}\n    part: 7\n")
    _manifest(d, "list.yaml", "- a\n- b\n")
    _manifest(d, "empty.yaml", "")
    _manifest(d, "baddate.yaml", "base: {lbk}\namendments: [{lov}]\nat: 2011-13-45\n")
    _manifest(d, "yesterday.yaml", "base: {lbk}\namendments: [{lov}]\nat: yesterday\n")
    _manifest(d, "unknown.yaml", "base: {lbk}\namendments: [{lov}]\nbogus: 1\n")
    _manifest(d, "twice.yaml", "base: {lbk}\namendments: [{lov}, {lov}]\n")
    _manifest(d, "noexpected.yaml", "base: {lbk}\namendments: [{lov}]\n")
    (d / "latin1.yaml").write_bytes(b"base: \xe6\xf8\xe5\n")
    corpus = tmp_path_factory.mktemp("corpus")
    for rel in SMALL:
        for src in (CORPUS / rel).parent.glob(Path(rel).name + "*"):
            (corpus / src.relative_to(CORPUS)).parent.mkdir(parents=True, exist_ok=True)
            (shutil.copytree if src.is_dir() else shutil.copy)(src, corpus / src.relative_to(CORPUS))
    return {"bad": d, "corpus": corpus, "cache": tmp_path_factory.mktemp("cache")}


def run(argv: list[str], places: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:  # fmt: skip
    """(exit code, stdout, stderr) of `lovkons ARGV` through the console entry point."""
    args = [a.format(**{k: str(v) for k, v in places.items()}) for a in argv]
    monkeypatch.setattr(sys, "argv", ["lovkons", *args])
    monkeypatch.setattr(signal, "signal", lambda *_: None)  # main() resets SIGPIPE; not in the test process
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(places["cache"]))
    monkeypatch.setenv("COLUMNS", "100")
    try:
        main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    else:  # pragma: no cover - main() always exits
        code = 0
    captured = capsys.readouterr()
    return code, captured.out, captured.err


C = ["--corpus", "{corpus}"]
# (argv, exit code, text the single stderr line must contain). {bad}/{corpus} are the fixture folders.
BAD: list[tuple[list[str], int, str]] = [
    # parse
    (["parse", "{bad}/nothere.txt"], 2, "{bad}/nothere.txt: no such file"),
    (["parse", "{bad}/dir"], 2, "{bad}/dir: no documents found"),
    (["parse", "{bad}/empty.txt"], 2, "{bad}/empty.txt: empty file"),
    (["parse", "{bad}/bin.txt"], 2, "{bad}/bin.txt: binary file"),
    (["parse", "{bad}/trunc.xml"], 2, "malformed XML"),
    (["parse", "{bad}/entity.xml"], 2, "{bad}/entity.xml:2: XML with a DTD/entity"),
    (["parse", "{bad}/xxe.xml"], 2, "{bad}/xxe.xml:2: XML with a DTD/entity"),
    (["parse", "{bad}/trunc.json"], 2, "{bad}/trunc.json:1: not a JSON record"),
    (["parse", str(SEED0)], 2, f"{SEED0}: not a legal document"),
    (["parse", str(SEED4), "--format", "json"], 2, f"{SEED4}: not a legal document"),
    (["parse", "{bad}/latin1.txt", "--format", "text"], 0, "not UTF-8; read as cp1252"),
    (["parse", str(LBK), "--format", "yaml"], 2, "'yaml' is not one of"),
    (["parse", "-"], 2, "-: reading standard input ('-') is not supported"),
    # instructions
    (["instructions", "{bad}/nothere.txt"], 2, "{bad}/nothere.txt: cannot read"),
    (["instructions", "{bad}/dir"], 2, "{bad}/dir: cannot read: Is a directory"),
    (["instructions", "{bad}/empty.txt"], 2, "{bad}/empty.txt: empty file"),
    (["instructions", "{bad}/bin.txt"], 2, "{bad}/bin.txt: binary file, not text"),
    (["instructions", "{bad}/trunc.xml"], 2, "malformed XML"),
    (["instructions", "{bad}/xxe.xml"], 2, "XML with a DTD/entity"),
    (["instructions", "{bad}/rec.json"], 2, "{bad}/rec.json: JSON record without a documentHtml field"),
    (["instructions", str(SEED4)], 2, f"{SEED4}: not an amending document"),
    (["instructions", str(LBK), "--format", "json"], 2, f"{LBK}: not an amending document"),
    (["instructions", str(LOV), "--format", "xml"], 2, "'xml' is not one of"),
    (["instructions", "-"], 2, "standard input"),
    # apply: files
    (["apply", "{bad}/nothere.txt", str(LOV)], 2, "{bad}/nothere.txt: no such file"),
    (["apply", "{bad}/dir", str(LOV)], 2, "{bad}/dir: no such file (it is a folder)"),
    (["apply", "{bad}/empty.txt", str(LOV)], 2, "{bad}/empty.txt: empty file"),
    (["apply", "{bad}/bin.txt", str(LOV)], 2, "{bad}/bin.txt: binary file"),
    (["apply", "{bad}/trunc.xml", str(LOV)], 2, "malformed XML"),
    (["apply", str(SEED0), str(LOV)], 2, f"{SEED0}: not a legal document"),
    (["apply", str(LBK), "{bad}/entity.xml"], 2, "{bad}/entity.xml:2: XML with a DTD/entity"),
    (["apply", str(LBK), str(SEED4)], 2, f"{SEED4}: not an amending document"),
    (["apply", str(LBK)], 2, "give a manifest (.yaml) or a base document and at least one amending"),
    (["apply", str(LBK), str(LOV), str(LOV)], 2, f"{LOV}: amendment 2 repeats amendment 1"),
    (["apply", str(LOV), str(LOV)], 2, "amendment 1 (" + str(LOV) + ") is the base document itself"),
    (["apply", str(CASE), str(CASE)], 2, f"{CASE}: a manifest (.yaml) is given alone"),
    (["apply", "-", str(LOV)], 2, "-: reading standard input"),
    # apply: manifests
    (["apply", "{bad}/broken.yaml"], 2, "{bad}/broken.yaml:2: not valid YAML"),
    (["apply", "{bad}/nobase.yaml"], 2, "{bad}/nobase.yaml: base must be a path"),
    (["apply", "{bad}/noamend.yaml"], 2, "{bad}/noamend.yaml: 'amendments' must be a list"),
    (["apply", "{bad}/missing.yaml"], 2, "{bad}/missing.yaml: amendment 1 'nothere.xml' does not exist"),
    (["apply", "{bad}/badpart.yaml"], 2, "{bad}/badpart.yaml: amendment 1: not a part of an amending act: 'seven'"),
    (["apply", "{bad}/intpart.yaml"], 2, "{bad}/intpart.yaml: amendment 1: 'part' must be text"),
    (["apply", "{bad}/list.yaml"], 2, "{bad}/list.yaml: a manifest is a mapping"),
    (["apply", "{bad}/empty.yaml"], 2, "{bad}/empty.yaml: a manifest is a mapping"),
    (["apply", "{bad}/baddate.yaml"], 2, "{bad}/baddate.yaml: not a valid manifest: month must be in 1..12"),
    (["apply", "{bad}/yesterday.yaml"], 2, "{bad}/yesterday.yaml: 'at' must be a date YYYY-MM-DD"),
    (["apply", "{bad}/unknown.yaml"], 2, "{bad}/unknown.yaml: unknown key(s): bogus"),
    (["apply", "{bad}/twice.yaml"], 2, "{bad}/twice.yaml: amendment 2 repeats amendment 1"),
    (["apply", "{bad}/latin1.yaml"], 2, "{bad}/latin1.yaml: cannot read manifest: not UTF-8"),
    (["apply", "{bad}/dir.yaml"], 2, "{bad}/dir.yaml: cannot read manifest: Is a directory"),
    (["apply", "{bad}/nothere.yaml"], 2, "{bad}/nothere.yaml: cannot read manifest"),
    (["apply", str(CASE), "--at", "2020-13-45"], 2, "--at: not a date: '2020-13-45' (expected YYYY-MM-DD"),
    (["apply", str(CASE), "--at", "yesterday"], 2, "--at: not a date: 'yesterday'"),
    (["apply", str(CASE), "--format", "yaml"], 2, "'yaml' is not one of"),
    # eval
    (["eval", "{bad}/broken.yaml"], 2, "{bad}/broken.yaml:2: not valid YAML"),
    (["eval", "{bad}/noexpected.yaml"], 2, "{bad}/noexpected.yaml: the manifest has no 'expected'"),
    (["eval", "{bad}/dir"], 2, "{bad}/dir: no manifests (.yaml) or cases (.json) found"),
    (["eval", str(CASE), "--format", "yaml"], 2, "'yaml' is not one of"),
    # consolidate
    (["consolidate", "BEK 1292/2007", "--at", "2020-13-45", *C], 2, "--at: not a date"),
    (["consolidate", "BEK 1292/2007", "--at", "yesterday", *C], 2, "--at: not a date"),
    (["consolidate", "BEK 9999/2007", "--at", "2010-01-01", *C], 2, "BEK 9999/2007 is not in the corpus"),
    (["consolidate", "blah blah", "--at", "2010-01-01", *C], 2, "not a document identifier: 'blah blah'"),
    (["consolidate", "BEK 1292/2007", "--at", "2010-01-01", "--format", "yaml", *C], 2, "'yaml' is not one of"),
    (["consolidate", "BEK 1292/2007", "--at", "2010-01-01", "--corpus", "{bad}/empty.txt"], 2,
     "{bad}/empty.txt: corpus folder not found"),
    (["consolidate", "{bad}/nothere.txt", "--at", "2010-01-01", *C], 2, "{bad}/nothere.txt: no such file"),
    (["consolidate", "{bad}/dir", "--at", "2010-01-01", *C], 2, "{bad}/dir: a folder, not a document"),
    (["consolidate", str(SEED0), "--at", "2010-01-01", *C], 2, f"{SEED0}: not a document of the corpus"),
    (["consolidate", "-", "--at", "2010-01-01", *C], 2, "-: reading standard input"),
    (["consolidate", "BEK 1676/2006", "--at", "2010-01-01", *C], 2,
     "BEK 1676/2006 is not in the corpus (named by seed-003, but its own text is absent)"),
    (["consolidate", "BEK 1008/2015", "--at", "2020-01-01", *C, "-f", "json"], 0, "NOT_IN_CORPUS"),
    # timeline
    (["timeline", "BEK 9999/2007", *C], 2, "BEK 9999/2007 is not in the corpus"),
    (["timeline", "blah blah", *C], 2, "not a document identifier"),
    (["timeline", "BEK 1292/2007", "--format", "yaml", *C], 2, "'yaml' is not one of"),
    (["timeline", "BEK 1292/2007", "--corpus", "{bad}/nothere"], 2, "{bad}/nothere: corpus folder not found"),
    (["timeline", "{bad}/dir", *C], 2, "{bad}/dir: a folder, not a document"),
    (["timeline", "{bad}/empty.txt", *C], 2, "{bad}/empty.txt: not a document of the corpus"),
    (["timeline", "-", *C], 2, "-: reading standard input"),
    # rebuild: never replaces a file, the corpus, or a folder that is not its own output
    (["rebuild", "--corpus", "{bad}/nothere", "--out", "{bad}/o"], 2, "{bad}/nothere: corpus folder not found"),
    (["rebuild", "--corpus", "{bad}/empty.txt", "--out", "{bad}/o"], 2, "{bad}/empty.txt: corpus folder not found"),
    (["rebuild", "--corpus", "{bad}/dir", "--out", "{bad}/o"], 2, "{bad}/dir: no documents in the corpus"),
    (["rebuild", *C, "--out", "{corpus}"], 2, "{corpus}: --out: the output folder would replace the corpus"),
    (["rebuild", *C, "--out", "{corpus}/bek"], 2, "{corpus}/bek: --out: the output folder would replace"),
    (["rebuild", *C, "--out", "{corpus}/.."], 2, "--out: the output folder would replace the corpus"),
    (["rebuild", *C, "--out", "{bad}/a_file"], 2, "{bad}/a_file: --out: a file, not a folder"),
    (["rebuild", *C, "--out", "{bad}/a_file/sub"], 2, "--out: cannot create the folder: {bad}/a_file is a file"),
    (["rebuild", *C, "--out", "{bad}/notout"], 2, "{bad}/notout: --out: a folder that is not a lovkons output"),
    (["rebuild", *C, "--out", "{bad}/o", "--jobs", "-1"], 2, "--jobs"),
    # diff
    (["diff", "{bad}/nothere.txt", str(LBK)], 2, "{bad}/nothere.txt: no such file"),
    (["diff", "{bad}/dir", str(LBK)], 2, "{bad}/dir: no such file (it is a folder)"),
    (["diff", str(LBK), "{bad}/empty.txt"], 2, "{bad}/empty.txt: empty file"),
    (["diff", str(LBK), "{bad}/bin.txt"], 2, "{bad}/bin.txt: binary file"),
    (["diff", str(SEED0), str(LBK)], 2, f"{SEED0}: not a legal document"),
    (["diff", str(LBK), str(LBK), "--format", "yaml"], 2, "'yaml' is not one of"),
    (["diff", "BEK 1292/2007", "--from", "2020-13-45", "--to", "2010-01-01", *C], 2, "--from: not a date"),
    (["diff", "BEK 1292/2007", "--from", "2008-06-01", "--to", "yesterday", *C], 2, "--to: not a date"),
    (["diff", "BEK 9999/2007", "--from", "2008-06-01", "--to", "2010-01-01", *C], 2, "is not in the corpus"),
    (["diff", "BEK 1008/2015", "--from", "2015-06-01", "--to", "2016-06-01", *C], 2,
     "BEK 1008/2015: no text to compare: BEK 1008/2015 is not in the corpus"),
    (["diff", str(LBK), str(LBK), str(LBK)], 2, "give two files (diff A B), two documents (diff ID1 ID2) or one document"),
    (["diff", "-", str(LBK)], 2, "-: reading standard input"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "code", "reason"), BAD, ids=[" ".join(Path(a).name for a in r[0]) for r in BAD])
def test_probe_gives_one_stderr_line_and_the_contract_exit_code(
    places: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    argv: list[str], code: int, reason: str,
) -> None:  # fmt: skip
    got, _, err = run(argv, places, monkeypatch, capsys)
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert reason.format(**{k: str(v) for k, v in places.items()}) in lines[0]
    if code == 2:
        assert lines[0].startswith("lovkons: "), lines[0]
    assert got == code, err


def _tree(path: Path) -> dict[str, str]:
    return {p.relative_to(path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file()}  # fmt: skip


def test_refused_rebuilds_leave_every_file_as_it_was(
    places: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad, corpus = places["bad"], places["corpus"]
    before = (_tree(corpus), (bad / "a_file").read_bytes(), _tree(bad / "notout"))
    for out in (corpus, corpus / "bek", bad / "a_file", bad / "notout"):
        assert run(["rebuild", "--corpus", str(corpus), "--out", str(out)], places, monkeypatch, capsys)[0] == 2
    assert (_tree(corpus), (bad / "a_file").read_bytes(), _tree(bad / "notout")) == before
    assert not (bad / "o").exists()


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_timeline_of_a_document_known_only_by_its_repeal(
    places: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, err = run(["timeline", "BEK 1008/2015", *C, "--format", fmt], places, monkeypatch, capsys)
    assert (code, err) == (0, "")
    if fmt == "table":
        assert "not in the corpus" in out and "Ends: repealed from 2016-01-01 by seed-001" in out
        return
    data = json.loads(out)
    assert (data["key"], data["in_corpus"], data["versions"]) == ("BEK 1008/2015", False, [])
    assert data["end"] == {"state": "repealed", "since": "2016-01-01", "by": "seed-001"}
    assert [p["code"] for p in data["problems"]] == ["NOT_IN_CORPUS"]


def test_timeline_of_a_document_known_only_as_amended_names_the_order(
    places: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["timeline", "BEK 1676/2006", *C, "--format", "json"], places, monkeypatch, capsys)
    data = json.loads(out)
    assert (code, err, data["in_corpus"], data["end"]) == (0, "", False, None)
    assert [(e["kind"], e["source"]) for e in data["named_by"]] == [("amends", "seed-003")]


def test_timeline_of_a_corpus_document_says_it_is_in_the_corpus(
    places: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["timeline", "BEK 1292/2007", *C, "--format", "json", "--no-check"], places, monkeypatch, capsys)
    data = json.loads(out)
    assert (code, data["in_corpus"], data["key"]) == (0, True, "BEK 1292/2007")
    assert data["versions"]


def test_a_part_the_order_does_not_have_is_refused_and_the_base_left_as_it_was(
    places: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["apply", "{bad}/part99.yaml", "--format", "json"], places, monkeypatch, capsys)
    assert code == 3 and err.splitlines() == ["error BASE_NOT_CITED: LOV 341/2011 has no change block § 99 [LOV 341/2011]"]
    result = json.loads(out)
    assert result["applied"] == []
    _, base, _ = run(["parse", str(LBK), "--format", "json"], places, monkeypatch, capsys)
    assert result["document"]["children"] == json.loads(base)["document"]["children"]


def test_instructions_read_a_latin1_order_like_parse_reads_a_latin1_document(
    places: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["instructions", "{bad}/latin1.txt", "--format", "json"], places, monkeypatch, capsys)
    assert code == 0, err
    result = json.loads(out)
    assert [len(c["items"]) for c in result["changes"]] == [31]  # as from the UTF-8 original
    assert [p["message"] for p in result["problems"] if p["code"] == "ENCODING_GUESSED"] == ["not UTF-8; read as cp1252"]
