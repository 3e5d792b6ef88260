"""Reader regressions of issue 16, each with its minimal input: no traceback and no hang on deep
JSON, wrong JSON types, times of day, devices, FIFOs, huge files; one line per message (libxml2's
text folded, file names escaped); UTF-16 read as text; corpus problems name their file."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from lovkons.cli.main import main
from lovkons.history.corpus import load_corpus
from lovkons.model.document import LovkonsError
from lovkons.parsers.input_bytes import MAX_BYTES
from lovkons.parsers.instructions import read_amending_bytes
from lovkons.parsers.json_record import check_depth
from lovkons.parsers.read import read_bytes, read_document

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
RECORD = DATA / "bek" / "BEK-2007-1292" / "BEK-2007-1292.retsinfo-api.json"  # a real API record
ORDER = DATA / "bek" / "BEK-2008-1072" / "BEK-2008-1072.txt"  # a real ændringsbekendtgørelse
BASE = DATA / "bek" / "BEK-2007-1292" / "BEK-2007-1292.txt"


def run(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """(exit code, stderr) of `lovkons ARGV` through the console entry point, in-process."""
    monkeypatch.setattr(sys, "argv", ["lovkons", *argv])
    monkeypatch.setattr(signal, "signal", lambda *_: None)
    try:
        main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    else:  # pragma: no cover
        code = 0
    return code, capsys.readouterr().err


def one_line(code: int, err: str) -> str:
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1, (code, err)
    return lines[0]


# ------------------------------------------------------------------ JSON: depth and field types

def test_deeply_nested_json_is_bad_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    deep = tmp_path / "deep.json"
    deep.write_bytes(b'{"documentHtml": ' + b"[" * 3000 + b"]" * 3000 + b"}")
    for command in ("parse", "instructions"):
        line = one_line(*run([command, str(deep)], monkeypatch, capsys))
        assert "nested deeper than 64 levels" in line and str(deep) in line
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(deep, corpus / "deep.json")
    shutil.copy(BASE, corpus / "base.txt")
    found = load_corpus(corpus)
    assert [(p.code, p.file) for p in found.problems] == [("UNREADABLE_FILE", "deep.json")]  # not INTERNAL_ERROR


def test_depth_check_counts_levels_not_brackets_in_strings() -> None:
    check_depth(b'{"a": "[[[[[[[[' + b"[" * 500 + b'", "b": [[1], [2]]}', None)  # brackets in text are text
    check_depth(b'{"a": "\\"[[[' + b"[" * 500 + b'"}', None)  # an escaped quote does not end the string
    check_depth(b"[" * 64 + b"]" * 64, None)
    with pytest.raises(LovkonsError, match="deeper than 64"):
        check_depth(b"[" * 65 + b"]" * 65, None)
    with pytest.raises(LovkonsError, match="deeper than 64"):
        check_depth(b"[{" * 40 + b"}]" * 40, None)


# Wrong types of the API record's fields (the issue found 27 variants giving AttributeError or
# TypeError): each is bad input with one line, or read when the value can still be used.
WRONG = [
    ("metadata", ["Offentliggørelsesdato"]), ("metadata", True), ("metadata", 7), ("metadata", {"a": 1}),
    ("metadata", [1, 2]), ("metadata", [None]), ("metadata", [[{"displayName": "x"}]]),
    ("metadata", [{"displayName": ["x"], "displayValue": "y"}]), ("metadata", [{"displayName": "x", "displayValue": {}}]),
    ("metadata", [{"displayName": "Offentliggørelsesdato", "displayValue": 20081031}]),
    ("metadata", "[1, 2"), ("metadata", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]"),
    ("metadata", "{'displayName': 1}"), ("metadata", "not a list"),
    ("title", ["x"]), ("title", {"a": 1}), ("title", True), ("shortName", ["BEK nr 1 af 1/1/2000"]),
    ("shortName", {"x": 1}), ("shortName", False), ("shortName", "BEK nr 1 af 31/2/2009"),
    ("documentHtml", None), ("documentHtml", 7), ("documentHtml", ["<p>§ 1. x</p>"]), ("documentHtml", {"a": "b"}),
    ("documentHtml", True), ("documentHtml", 1.5),
]  # fmt: skip


@pytest.mark.parametrize(("field", "value"), WRONG, ids=[f"{f}={json.dumps(v)[:30]}" for f, v in WRONG])
def test_wrong_json_types_never_raise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str], field: str, value: object) -> None:  # fmt: skip
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    record[field] = value
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    for command in ("parse", "instructions"):
        code, err = run([command, str(path), "--format", "json"], monkeypatch, capsys)
        assert "Traceback" not in err and code in (0, 2, 3), (code, err)
        if code == 2:
            assert len(err.strip().splitlines()) == 1 and str(path) in err, err
    if field == "documentHtml" or (field == "metadata" and not isinstance(value, str)
                                   and value != [{"displayName": "Offentliggørelsesdato", "displayValue": 20081031}]):
        assert run(["parse", str(path)], monkeypatch, capsys)[0] == 2  # a type that cannot be meant


# ------------------------------------------------------------------ dates with a time of day

def test_manifest_at_with_a_time_of_day_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    shutil.copy(BASE, tmp_path / "base.txt")
    shutil.copy(ORDER, tmp_path / "order.txt")
    (tmp_path / "m.yaml").write_text("base: base.txt\namendments: [order.txt]\nat: 2011-01-01 10:00:00\n")
    line = one_line(*run(["apply", str(tmp_path / "m.yaml")], monkeypatch, capsys))
    assert "'at' must be a date YYYY-MM-DD without a time of day" in line


def test_sidecar_date_with_a_time_of_day_names_the_sidecar(tmp_path: Path) -> None:
    shutil.copy(BASE, tmp_path / "base.txt")
    (tmp_path / "base.txt.yaml").write_text("in_force: 2011-01-01 10:00:00\n")
    (tmp_path / "other.txt.yaml").write_text("in_force: 2011-99-01\n")
    shutil.copy(ORDER, tmp_path / "other.txt")
    found = load_corpus(tmp_path)
    got = sorted((p.code, p.file, "base.txt.yaml" in p.message or "other.txt.yaml" in p.message)
                 for p in found.problems)  # fmt: skip
    assert got == [("UNREADABLE_FILE", "base.txt", True), ("UNREADABLE_FILE", "other.txt", True)]


# ------------------------------------------------------------------ regular files only, one limit

@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_not_read(device: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    for command in ("parse", "instructions"):
        line = one_line(*run([command, device], monkeypatch, capsys))
        assert line == f"lovkons: {device}: a character device, not a regular file: not read"


def test_fifo_is_not_opened_for_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "order.txt"
    os.mkfifo(fifo)
    for command in ("parse", "instructions", "diff"):  # in a subprocess: a regression would block, not fail
        argv = [command, str(fifo)] + ([str(fifo)] if command == "diff" else [])
        proc = subprocess.run([sys.executable, "-m", "lovkons", *argv], capture_output=True, text=True,
                              timeout=120, cwd=ROOT)  # fmt: skip
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.strip().splitlines() == [f"lovkons: {fifo}: a FIFO (named pipe), not a regular file: not read"]


def test_one_size_limit_for_every_input(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: no disk space used
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(LovkonsError, match=r"too large \(16,777,217 bytes; the limit is 16,777,216\)"):
        read_document(big)
    from lovkons.parsers.instructions import read_amending_file

    with pytest.raises(LovkonsError, match="too large"):
        read_amending_file(big)
    with pytest.raises(LovkonsError, match="too large"):
        read_amending_bytes(b"x" * (MAX_BYTES + 1))
    shutil.copy(BASE, tmp_path / "base.txt")
    big.rename(tmp_path / "base.txt.yaml")
    assert [p.code for p in load_corpus(tmp_path).problems] == ["UNREADABLE_FILE"]


def test_largest_real_documents_are_within_the_limit() -> None:
    largest = max((p for p in DATA.rglob("*") if p.is_file()), key=lambda p: p.stat().st_size)
    assert largest.stat().st_size * 6 < MAX_BYTES  # the limit leaves room above any real document


# ------------------------------------------------------------------ one line per message

def test_libxml2_message_is_folded_to_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b'<?xml version="1.0"?>\n<Dokument><a></b>\n')
    for command in ("parse", "instructions"):
        line = one_line(*run([command, str(bad)], monkeypatch, capsys))
        assert f"lovkons: {bad}:2: " in line


def test_file_name_with_a_newline_is_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    odd = tmp_path / "a\nb.txt"
    odd.write_bytes(b"")
    line = one_line(*run(["parse", str(odd)], monkeypatch, capsys))
    assert "a\\nb.txt" in line


def test_utf16_text_with_a_bom_is_text() -> None:
    text = BASE.read_text(encoding="utf-8")
    utf8 = read_bytes(text.encode("utf-8"), file="x.txt")
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                       (codecs.BOM_UTF32_LE, "utf-32-le")):  # fmt: skip
        assert read_bytes(bom + text.encode(codec), file="x.txt").document == utf8.document
    order = ORDER.read_text(encoding="utf-8")
    a = read_amending_bytes(order.encode("utf-8"), file="o.txt")
    b = read_amending_bytes(codecs.BOM_UTF16_LE + order.encode("utf-16-le"), file="o.txt")
    assert a.changes == b.changes


def test_report_names_the_file_of_corpus_problems(tmp_path: Path) -> None:
    from lovkons.history.rebuild import rebuild
    from lovkons.renderers.version_files import render_version

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ORDER, corpus / "order.txt")  # its base BEK 1292/2007 is missing: MISSING_BASE
    (corpus / "letter.txt").write_text("Kære kollega.\n", encoding="utf-8")
    rebuild(corpus, tmp_path / "out", render=render_version, jobs=1)
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "- warning `MISSING_BASE` (order.txt): " in report
    assert "- error `UNREADABLE_FILE` (letter.txt): " in report


def test_renumber_mismatch_line_has_its_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    base = tmp_path / "base.txt"
    base.write_text("Bekendtgørelse om prøver\n\n§ 1. Første.\nStk. 2. Anden.\nStk. 3. Tredje.\n", encoding="utf-8")
    order = tmp_path / "order.txt"
    order.write_text("Bekendtgørelse om ændring af bekendtgørelse om prøver\n\n§ 1\n\nI bekendtgørelse om prøver"
                     " foretages følgende ændring:\n\n1. § 1, stk. 2, ophæves.\nStk. 3 bliver herefter stk. 7.\n\n"
                     "§ 2\n\nBekendtgørelsen træder i kraft den 1. juli 2020.\n", encoding="utf-8")  # fmt: skip
    _, err = run(["apply", str(base), str(order)], monkeypatch, capsys)
    lines = [ln for ln in err.splitlines() if "RENUMBER_MISMATCH" in ln]
    assert lines and all(ln.startswith(f"{order}:") and ln.split(":")[1].isdigit() for ln in lines), err


def test_manifest_paths_stay_in_its_folder_or_the_current_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    cases = tmp_path / "project" / "cases"
    cases.mkdir(parents=True)
    shutil.copy(BASE, tmp_path / "base.txt")  # outside the project
    shutil.copy(ORDER, tmp_path / "project" / "order.txt")  # inside the project, outside cases/
    (cases / "m.yaml").write_text("base: ../../base.txt\namendments: [../order.txt]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "project")
    line = one_line(*run(["apply", str(cases / "m.yaml")], monkeypatch, capsys))
    assert "base '../../base.txt' leads outside the manifest's folder and the current folder" in line
    assert "--follow-links" in line
    code, err = run(["apply", str(cases / "m.yaml"), "--follow-links", "--format", "json"], monkeypatch, capsys)
    assert code in (0, 3) and "Traceback" not in err
    monkeypatch.chdir(tmp_path)  # now both lie inside the current folder
    code, err = run(["apply", str(cases / "m.yaml"), "--format", "json"], monkeypatch, capsys)
    assert code in (0, 3), err
    (cases / "m.yaml").write_text("base: /etc/passwd\namendments: [../order.txt]\n", encoding="utf-8")
    assert "leads outside" in one_line(*run(["apply", str(cases / "m.yaml")], monkeypatch, capsys))


def test_table_shows_brackets_in_the_law_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    order = tmp_path / "order.txt"
    order.write_text(ORDER.read_text(encoding="utf-8").replace("Bekendtgørelsen træder", "[/x] [bold]Bekendtgørelsen træder"),
                     encoding="utf-8")  # fmt: skip
    code, err = run(["instructions", str(order), "--format", "table"], monkeypatch, capsys)
    assert code in (0, 3) and "Traceback" not in err and "MarkupError" not in err, err


HUGE = "1" * 5000  # more digits than Python turns into an int (4,300)


@pytest.mark.parametrize(("where", "old", "new"), [
    ("base", "§ 2.", f"§ {HUGE}."), ("base", "Stk. 2.", f"Stk. {HUGE}."), ("order", "1. ", f"{HUGE}. "),
    ("order", "§ 1", f"§ {HUGE}"), ("order", "nr. 1292", f"nr. {HUGE}"), ("order", "1. juli 2009", f"{HUGE}. juli 2009"),
])  # fmt: skip
def test_a_number_too_long_for_an_int_is_bad_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str], where: str, old: str,
                                                   new: str) -> None:  # fmt: skip
    src = BASE if where == "base" else ORDER
    path = tmp_path / "doc.txt"
    path.write_text(src.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    for command in ("parse", "instructions"):
        line = one_line(*run([command, str(path)], monkeypatch, capsys))
        assert "a number of more than 1,000 digits" in line


def test_digits_hidden_in_entities_are_found_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    record = json.loads(RECORD.read_text(encoding="utf-8"))
    record["documentHtml"] = record["documentHtml"].replace("§ 2.", "§ " + "&#49;" * 3000 + ".", 1)
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    for command in ("parse", "instructions"):
        assert "a number of more than 1,000 digits" in one_line(*run([command, str(path)], monkeypatch, capsys))


def test_superscript_digits_in_a_header_are_no_number() -> None:
    """Fuzz seed 8112: "# Year: ²410" ("²".isdigit() is true, int("²") fails)."""
    text = ORDER.read_text(encoding="utf-8")
    got = read_amending_bytes(("# Year: ²410\n# Number: ³\n" + text).encode(), file="o.txt")
    assert got.meta.number == 1072 and got.meta.year == 2008
    doc = read_bytes(("# Year: ²410\n# Number: ³\n" + BASE.read_text(encoding="utf-8")).encode(), file="b.txt")
    assert doc.document.meta.year != 410
