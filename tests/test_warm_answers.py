"""history.results: `consolidate`, `timeline` and `diff` by dates keep their answers per corpus state
(the code, the folder and the content hash of every file), so a question asked again about an
unchanged corpus is answered without loading it; after any change of a corpus file the answer is
worked out again, and always equals what the command prints without the cache (--no-cache).
Runs on a copy of the BEK 1292/2007 chain of corpus/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lovkons.cli.main import app

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CHAIN = ("BEK-2007-1292", "BEK-2008-1072", "BEK-2009-162", "BEK-2010-993", "BEK-2016-581", "BEK-2016-1492")
BEK = "BEK 1292/2007"
HOUR_AGO = 3600

# (command line after the document and --corpus; what it asks). A lawyer can add rows.
QUESTIONS = [
    (["consolidate", BEK, "--at", "2008-06-01", "--format", "json"], "the base alone, as JSON"),
    (["consolidate", BEK, "--at", "2010-10-01"], "base + BEK 1072/2008, 162/2009 and 993/2010, as text"),
    (["consolidate", BEK, "--at", "2010-10-01", "--literal"], "the same without the ressort layer"),
    (["timeline", BEK, "--format", "json"], "every version"),
    (["timeline", BEK], "every version, as a table"),
    (["diff", BEK, "--from", "2008-06-01", "--to", "2010-10-01"], "what changed between two days"),
    (["diff", BEK, "--from", "2008-06-01", "--to", "2017-06-01", "--format", "json"], "the same to 2017, JSON"),
]


def _age(root: Path) -> None:
    """Every file modified an hour ago: a stat record of it is trusted (not a racy file)."""
    old = os.stat(root).st_mtime - HOUR_AGO
    for f in root.rglob("*"):
        os.utime(f, (old, old))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    for name in CHAIN:
        shutil.copytree(CORPUS / "bek" / name, root / "bek" / name)
    _age(root)
    return root


def run(args: list[str], corpus: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--corpus", str(corpus), *extra])
    assert result.exit_code in (0, 3), result.output
    return result.exit_code, result.stdout


def _no_corpus(*args: object, **kwargs: object) -> None:
    raise AssertionError("the corpus was loaded for an answer kept on disk")


@pytest.mark.parametrize(("args", "what"), QUESTIONS, ids=[q[1] for q in QUESTIONS])
def test_asked_again_the_answer_is_kept(args: list[str], what: str, corpus: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    first = run(args, corpus)
    assert first == run(args, corpus, "--no-cache")
    with monkeypatch.context() as m:
        m.setattr("lovkons.history.corpus.load_corpus", _no_corpus)
        assert run(args, corpus) == first


def test_a_changed_text_is_consolidated_again(corpus: Path) -> None:
    args = QUESTIONS[0][0]
    before = run(args, corpus)
    base = corpus / "bek" / "BEK-2007-1292" / "BEK-2007-1292.json"
    text = base.read_text()
    assert "dækning efter stk. 1 omfatter" in text
    base.write_text(text.replace("dækning efter stk. 1 omfatter", "dækning efter stk. 1 rummer"))
    _age(corpus)
    after = run(args, corpus)
    assert after != before and "stk. 1 rummer" in after[1]
    assert after == run(args, corpus, "--no-cache")


# the questions whose answer BEK 993/2010 shapes (by 2017 later acts have replaced what it changed)
CHANGED_BY_993 = QUESTIONS[1:6]


@pytest.mark.parametrize(("args", "what"), CHANGED_BY_993, ids=[q[1] for q in CHANGED_BY_993])
def test_a_removed_act_changes_the_answer(args: list[str], what: str, corpus: Path) -> None:
    before = run(args, corpus)
    shutil.rmtree(corpus / "bek" / "BEK-2010-993")
    after = run(args, corpus)
    assert after != before
    assert after == run(args, corpus, "--no-cache")


def test_the_listing_takes_the_stats_the_index_compares() -> None:
    """history.listing keeps each file's (size, mtime, (inode, ctime)) and its sidecar's as history.index takes
    them, so a warm command takes every stat once; a sidecar that cannot be taken is left to the index."""
    from lovkons.history.index import file_stat
    from lovkons.history.listing import list_corpus

    listing = list_corpus(CORPUS)
    assert listing.stats and any(st[3] is not None for st in listing.stats.values())  # sidecars in corpus/
    assert all(listing.stats[rel] == file_stat(CORPUS, rel) for rel in listing.files)


def test_the_answers_kept_stay_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lovkons.history import results

    monkeypatch.setattr(results, "MAX_ANSWERS", 4)
    for n in range(7):
        results.ResultCache(tmp_path / "results" / "code" / "corpus", "state").put(n, "question", n)
    kept = results.ResultCache(tmp_path / "results" / "code" / "corpus", "state")
    answers = [kept.get("question", n) for n in range(7)]
    assert answers[-1] == 6 and sum(a is not None for a in answers) <= 4


def test_a_file_rewritten_with_its_old_size_and_mtime_is_read_again(corpus: Path) -> None:
    """`cp -p`, `rsync -t` or `touch -d` can give a changed file its old size and mtime; its status-change
    time (ctime) moves all the same, and the stat records compare it."""
    args = QUESTIONS[0][0]
    before = run(args, corpus)
    base = corpus / "bek" / "BEK-2007-1292" / "BEK-2007-1292.json"
    st = base.stat()
    text = base.read_text()
    base.write_text(text.replace("dækning efter stk. 1 omfatter", "dækning efter stk. 1 omfatTER"))
    os.utime(base, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (base.stat().st_size, base.stat().st_mtime_ns) == (st.st_size, st.st_mtime_ns)
    after = run(args, corpus)
    assert after != before and "omfatTER" in after[1]
    assert after == run(args, corpus, "--no-cache")


def test_a_document_given_by_its_path_is_the_file_it_names(corpus: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """"doc.json" asked in two folders names two documents: the answer kept for one is not the other's."""
    for folder, name in (("a", "BEK-2007-1292"), ("b", "BEK-2016-1492")):
        (corpus / folder).mkdir()
        shutil.copy(corpus / "bek" / name / f"{name}.json", corpus / folder / "doc.json")
    _age(corpus)
    answers = []
    for folder in ("a", "b", "a"):
        monkeypatch.chdir(corpus / folder)
        got = run(["consolidate", "doc.json", "--at", "2017-06-01", "--format", "json"], corpus)
        assert got == run(["consolidate", "doc.json", "--at", "2017-06-01", "--format", "json"], corpus, "--no-cache")
        answers.append(got)
    assert answers[0] != answers[1] and answers[0] == answers[2]


def test_answers_of_other_corpora_and_code_versions_stay_bounded(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """Only the corpora (and code versions) written to last keep their answers; the one written now always."""
    from lovkons.history import results

    monkeypatch.setattr(results, "MAX_CORPORA", 2)
    monkeypatch.setattr(results, "MAX_CODES", 2)
    base = tmp_path / "results"
    for n, (code, corpus) in enumerate([("c1", "a"), ("c1", "b"), ("c1", "c"), ("c1", "d"), ("c2", "a"), ("c3", "a")]):
        results.ResultCache(base / code / corpus, "state").put(n, "question")
        here = base / code / corpus
        os.utime(here, ns=(n * 10**9, n * 10**9 + 10**12))  # written in this order
        os.utime(base / code, ns=(n * 10**9, n * 10**9 + 10**12))
        assert results.ResultCache(here, "state").get("question") == n
        if (code, corpus) == ("c1", "d"):  # four corpora under one code version: the two written last kept
            assert sorted(p.name for p in (base / "c1").iterdir()) == ["c", "d"]
    assert sorted(p.name for p in base.iterdir()) == ["c2", "c3"]  # three code versions: the two written last
