"""Point in time: BEK 1292/2007 and its five orders at the dates their items take effect; the
seeds' commencement, built-in end and repeal. Runs on a copy of part of corpus/ (fast)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.pointintime import consolidate_at
from lovkons.history.timeline import timeline
from lovkons.model.document import Document, Kind, Node

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CHAIN = ("BEK-2007-1292", "BEK-2008-1072", "BEK-2009-162", "BEK-2010-993", "BEK-2016-581", "BEK-2016-1492")
SEEDS = ("001-forsoeg-beskaeftigelse.txt", "002-saerlig-indsats-dagpenge.txt")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("corpus")
    for name in CHAIN:
        shutil.copytree(CORPUS / "bek" / name, root / "bek" / name)
    (root / "seeds").mkdir()
    for name in SEEDS:
        for src in (CORPUS / "seeds").glob(name + "*"):
            shutil.copy(src, root / "seeds" / src.name)
    return load_corpus(root, jobs=2)


def paragraf(doc: Document, label: str) -> Node:
    found = [p for p in doc.paragraffer() if p.label == label]
    assert len(found) == 1, f"§ {label} found {len(found)} times"
    return found[0]


def stk(doc: Document, par: str, label: str) -> str:
    found = [s for s in paragraf(doc, par).children if s.kind is Kind.STK and s.label == label]
    assert len(found) == 1, f"§ {par}, stk. {label} found {len(found)} times"
    return found[0].full_text()


def stk_labels(doc: Document, par: str) -> list[str | None]:
    return [s.label for s in paragraf(doc, par).children if s.kind is Kind.STK]


def test_bek_1292_timeline_dates(corpus: Corpus) -> None:
    tl = timeline(corpus, "BEK 1292/2007")
    assert tl.dates == (
        dt.date(2008, 4, 1), dt.date(2008, 11, 12), dt.date(2009, 3, 5), dt.date(2009, 7, 1),
        dt.date(2010, 9, 1), dt.date(2016, 7, 1), dt.date(2017, 1, 1),
    )  # fmt: skip
    assert tl.end is None and tl.pending == ()


def test_before_commencement(corpus: Corpus) -> None:
    r = consolidate_at(corpus, "BEK 1292/2007", dt.date(2008, 3, 31))
    assert r.status.state == "not_in_force" and r.document is None


def test_2008_06_01_base_only(corpus: Corpus) -> None:
    r = consolidate_at(corpus, "BEK 1292/2007", dt.date(2008, 6, 1))
    assert r.status.state == "in_force" and r.included == ()
    assert r.document is not None
    assert "en gang om året" in stk(r.document, "29", "2")
    assert stk_labels(r.document, "37") == ["1"]
    assert "4" not in stk_labels(r.document, "28")


def test_2009_01_01_bek_1072_except_nr_4(corpus: Corpus) -> None:
    r = consolidate_at(corpus, "BEK 1292/2007", dt.date(2009, 1, 1))
    assert r.included == ("BEK 1072/2008",)
    assert r.document is not None
    assert "giver hurtigst muligt Erhvervs- og Byggestyrelsen elektronisk besked" in stk(r.document, "37", "2")
    assert "Uanset stk. 2 og 3 kan den bearbejdede eftersynsrapport" in stk(r.document, "28", "4")
    assert "en gang om året" in stk(r.document, "29", "2")  # nr. 4 only from 1 July 2009
    assert r.refused == ()


def test_2009_08_01_nr_4_in_force(corpus: Corpus) -> None:
    r = consolidate_at(corpus, "BEK 1292/2007", dt.date(2009, 8, 1))
    assert r.document is not None
    assert "en gang om måneden" in stk(r.document, "29", "2")
    assert r.version_from == dt.date(2009, 7, 1)


def test_2010_10_01_bek_993(corpus: Corpus) -> None:
    r = consolidate_at(corpus, "BEK 1292/2007", dt.date(2010, 10, 1))
    assert r.included == ("BEK 1072/2008", "BEK 162/2009", "BEK 993/2010")
    assert r.document is not None
    assert "623 kr." in stk(r.document, "29", "3")


def test_2017_06_01_all_five_orders(corpus: Corpus) -> None:
    r = consolidate_at(corpus, "BEK 1292/2007", dt.date(2017, 6, 1))
    assert r.included == ("BEK 1072/2008", "BEK 162/2009", "BEK 993/2010", "BEK 581/2016", "BEK 1492/2016")
    assert r.document is not None
    doc = r.document
    assert stk_labels(doc, "29") == ["1"]  # BEK 1492/2016: § 29, stk. 2 og 3, ophæves
    assert "Trafik- og Byggestyrelsen" in stk(doc, "29", "1")  # BEK 581/2016 nr. 2 (Overalt)
    assert "udlejning" in paragraf(doc, "18 A").full_text()  # BEK 581/2016 nr. 4
    assert paragraf(doc, "28").repealed or not paragraf(doc, "28").children  # nr. 16
    assert (doc.preamble or "").find("lovbekendtgørelse nr. 1178 af 23. september 2016") >= 0


def test_seed_002_built_in_end(corpus: Corpus) -> None:
    tl = timeline(corpus, "seed-002")
    assert (tl.start, tl.end and tl.end.state, tl.end and tl.end.since) == (
        dt.date(2012, 9, 20), "expired", dt.date(2013, 7, 1))
    r = consolidate_at(corpus, "seed-002", dt.date(2013, 7, 1))
    assert (r.status.state, r.document) == ("expired", None)
    last = consolidate_at(corpus, "seed-002", dt.date(2013, 7, 1), last=True)
    assert last.status.state == "expired"
    assert last.document is not None and last.version_from == dt.date(2012, 9, 20)
    assert consolidate_at(corpus, "seed-002", dt.date(2013, 6, 30)).status.state == "in_force"


def test_seed_001_replaces_bek_1008_2015(corpus: Corpus) -> None:
    assert consolidate_at(corpus, "seed-001", dt.date(2015, 12, 31)).status.state == "not_in_force"
    assert consolidate_at(corpus, "seed-001", dt.date(2016, 1, 1)).document is not None
    old = consolidate_at(corpus, "BEK 1008/2015", dt.date(2016, 1, 1))
    assert (old.status.state, old.status.since, old.status.by) == ("repealed", dt.date(2016, 1, 1), "seed-001")
    assert old.document is None
    assert consolidate_at(corpus, "BEK 1008/2015", dt.date(2015, 12, 31)).status.state == "unknown"


def _cli(args: list[str]) -> tuple[int, str]:
    """(exit code, stdout)."""
    code, out, _ = _cli3(args)
    return code, out


def _cli3(args: list[str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr)."""
    from typer.testing import CliRunner

    from lovkons.cli.main import app

    result = CliRunner().invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


def test_cli_consolidate_json(corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path))
    code, out = _cli(["consolidate", "bek nr. 1292 af 24. oktober 2007", "--at", "2009-01-01",
                      "--corpus", str(corpus.root), "--format", "json"])  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["status"] == {"state": "in_force", "since": "2008-04-01", "by": None}
    assert data["orders"] == ["BEK 1072/2008"]
    assert data["document"]["meta"]["number"] == 1292
    assert {"source": "BEK 1072/2008 § 1, nr. 6", "op": "insert", "target": "§ 37"} in data["applied"]
    assert data["pending"] == [] and data["refused"] == []


def test_cli_consolidate_text_header_and_bad_date(corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path))
    code, out, err = _cli3(["consolidate", "seed-002", "--at", "2013-07-01", "--corpus", str(corpus.root)])
    assert code == 0 and out == ""  # no text in force that day: nothing on stdout, the summary says why
    assert err.splitlines()[0].startswith("Document:") and "seed-002" in err.splitlines()[0]
    assert ["Status:", "expired from 2013-07-01"] in [x.split(None, 1) for x in err.splitlines()]
    code, _, again = _cli3(["consolidate", "seed-002", "--at", "1. juli 2013", "--corpus", str(corpus.root)])
    assert (code, again) == (0, err)  # a Danish date is the same day
    code, _, _ = _cli3(["consolidate", "seed-002", "--at", "1/7 2013", "--corpus", str(corpus.root)])
    assert code == 2


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_cli_consolidate_human_header(corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path))
    code, out, head = _cli3(["consolidate", "BEK 1292/2007", "--at", "2009-01-01", "--corpus", str(corpus.root),
                             "--format", fmt])  # fmt: skip
    assert code == 0
    assert not any(line.startswith("# Document") or line.startswith("# Number") for line in out.splitlines())
    for label, value in [("Document", "BEK 1292/2007 — Bekendtgørelse om byggeskadeforsikring"),
                         ("Date asked", "2009-01-01"), ("Status", "in force since 2008-04-01"),
                         ("Version shown", "in force since 2008-11-12, until 2009-03-05"),
                         ("Orders included", "BEK 1072/2008 § 1, nr. 1-3, 5-6"),
                         ("Refused (not applied)", "none")]:  # fmt: skip
        assert f"{label + ':':<23}{value}" in head.splitlines(), label
    assert "BEK 1072/2008 § 1, nr. 4 (from 2009-07-01)" in head  # later changes are named
    assert "§ 37." in out or "**§ 37.**" in out


def test_cli_timeline_json(corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path))
    code, out = _cli(["timeline", "BEK 1292/2007", "--corpus", str(corpus.root), "--format", "json"])
    assert code == 0
    data = json.loads(out)
    versions = data["versions"]
    assert [v["from"] for v in versions][:4] == ["2008-04-01", "2008-11-12", "2009-03-05", "2009-07-01"]
    assert [c["item"] for c in versions[3]["items"]] == ["BEK 1072/2008 § 1, nr. 4"]
    assert data["refused"] == [] and data["pending"] == [] and data["end"] is None


def test_cli_timeline_table(corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path))
    code, out = _cli(["timeline", "seed-002", "--corpus", str(corpus.root)])
    assert code == 0
    assert "2012-09-20" in out and "commencement" in out
    assert "Ends: expired from 2013-07-01" in out
    code, out = _cli(["timeline", "BEK 1292/2007", "--corpus", str(corpus.root)])
    for day in ("2008-04-01", "2008-11-12", "2009-03-05", "2009-07-01", "2010-09-01", "2016-07-01", "2017-01-01"):
        assert day in out
    assert "BEK 581/2016 § 1, nr. 1-18" in out and "Refused (not applied): none" in out


BAD = [
    (["consolidate", "BEK 1/1900", "--at", "2010-01-01"], "not in the corpus"),
    (["consolidate", "BEK 1292/07", "--at", "2010-01-01"], "not a document identifier"),
    (["consolidate", "BEK 1292/2007", "--at", "2010-13-01"], "YYYY-MM-DD"),
    (["consolidate", "BEK 1292/2007", "--at", "1.1.2010"], "YYYY-MM-DD, '1. august 2009' or 'today'"),
    (["timeline", "BEK 1/1900"], "not in the corpus"),
    (["timeline", "the organic farming act"], "not a document identifier"),
]


@pytest.mark.parametrize(("args", "reason"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_cli_bad_input_is_one_line_exit_2(corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          args: list[str], reason: str) -> None:  # fmt: skip
    from typer.testing import CliRunner

    from lovkons.cli.main import app

    monkeypatch.setenv("LOVKONS_CACHE_DIR", str(tmp_path))
    result = CliRunner().invoke(app, [*args, "--corpus", str(corpus.root)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("lovkons: ") and reason in result.stderr
    result = CliRunner().invoke(app, [*args, "--corpus", str(tmp_path / "missing")])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1  # the date, else the missing folder


def test_repealed_order_stops_applying(tmp_path: Path) -> None:
    # As if BEK 1072/2008 had been repealed on 1 June 2009: its nr. 4 (from 1 July 2009) never applies.
    for name in CHAIN[:2]:
        shutil.copytree(CORPUS / "bek" / name, tmp_path / name)
    (tmp_path / "BEK-2008-1072" / "BEK-2008-1072.json.yaml").write_text(
        "repealed:\n  by: BEK 9999/2009\n  date: 2009-06-01\n", encoding="utf-8"
    )
    small = load_corpus(tmp_path)
    tl = timeline(small, "BEK 1292/2007")
    assert [c.label for c in tl.lapsed] == ["BEK 1072/2008 § 1, nr. 4"]
    assert tl.dates == (dt.date(2008, 4, 1), dt.date(2008, 11, 12))
    r = consolidate_at(small, "BEK 1292/2007", dt.date(2010, 1, 1))
    assert r.document is not None and "en gang om året" in stk(r.document, "29", "2")


def test_undetermined_items_are_pending_never_applied(tmp_path: Path) -> None:
    # LOV 576/2012 leaves its commencement to the minister; LOV 276/2012 § 2 commences 1 April 2012.
    for name in ("LBK-2011-1074", "LOV-2012-276", "LOV-2012-576"):
        shutil.copytree(CORPUS / "laws" / name, tmp_path / name)
    small = load_corpus(tmp_path)
    tl = timeline(small, "LBK 1074/2011")
    assert {c.order for c in tl.pending} == {"LOV 576/2012"}
    assert tl.dates == (dt.date(2011, 11, 8), dt.date(2012, 4, 1))
    r = consolidate_at(small, "LBK 1074/2011", dt.date(2013, 1, 1))
    assert r.included == ("LOV 276/2012",)
    assert not any(str(getattr(a, "source", "")).startswith("LOV 576/2012") for a in r.applied)
    assert len(r.pending) == len(tl.pending) > 0
