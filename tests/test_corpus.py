"""Identifier forms and the corpus graph of the embedded corpus (corpus/)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.identifiers import Identifier, parse_identifier
from lovkons.model.document import LovkonsError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BEK_1292 = CORPUS / "bek" / "BEK-2007-1292" / "BEK-2007-1292.json"

IDENTIFIERS = [
    ("BEK 1292/2007", "BEK", 1292, 2007, None),
    ("bek nr. 1292 af 24. oktober 2007", "BEK", 1292, 2007, dt.date(2007, 10, 24)),
    ("BEK nr 1292 af 24/10/2007", "BEK", 1292, 2007, dt.date(2007, 10, 24)),
    ("bekendtgørelse nr. 1292 af 24. oktober 2007", "BEK", 1292, 2007, dt.date(2007, 10, 24)),
    ("LBK 196/2009", "LBK", 196, 2009, None),
    ("lovbekendtgørelse nr. 196 af 12. marts 2009", "LBK", 196, 2009, dt.date(2009, 3, 12)),
    ("LOV 463/2008", "LOV", 463, 2008, None),
    ("lov nr. 463 af 17. juni 2008", "LOV", 463, 2008, dt.date(2008, 6, 17)),
    ("BEK-2007-1292", "BEK", 1292, 2007, None),
    ("eli/lta/2007/1292", None, 1292, 2007, None),
    ("https://www.retsinformation.dk/eli/lta/2007/1292", None, 1292, 2007, None),
]


@pytest.mark.parametrize(("text", "kind", "number", "year", "date"), IDENTIFIERS, ids=[t[0] for t in IDENTIFIERS])
def test_identifier_forms(text: str, kind: str | None, number: int, year: int, date: dt.date | None) -> None:
    ident = parse_identifier(text)
    assert (ident.kind, ident.number, ident.year, ident.date) == (kind, number, year, date)


def test_identifier_path_and_name() -> None:
    assert parse_identifier(str(BEK_1292)).path == BEK_1292
    assert parse_identifier("seed-001") == Identifier(name="seed-001")


def test_identifier_rejects_prose() -> None:
    with pytest.raises(LovkonsError):
        parse_identifier("the law about organic farming")


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(CORPUS, jobs=2)


@pytest.mark.parametrize(
    "text",
    ["BEK 1292/2007", "bek nr. 1292 af 24. oktober 2007", "BEK nr 1292 af 24/10/2007", "eli/lta/2007/1292",
     "https://www.retsinformation.dk/eli/lta/2007/1292", str(BEK_1292)],
)  # fmt: skip
def test_every_form_resolves_to_the_same_document(corpus: Corpus, text: str) -> None:
    assert corpus.resolve(text).key == "BEK 1292/2007"


def test_resolve_laws(corpus: Corpus) -> None:
    assert corpus.resolve("LBK 196/2009").kind == "LBK"
    assert corpus.resolve("LOV 463/2008").rel == "laws/LOV-2008-463/LOV-2008-463.xml"


def test_unknown_document_is_bad_input(corpus: Corpus) -> None:
    with pytest.raises(LovkonsError):
        corpus.resolve("BEK 1/1900")


def test_orders_of_bek_1292(corpus: Corpus) -> None:
    orders = [f.key for f in corpus.orders_for("BEK 1292/2007")]
    assert orders == ["BEK 1072/2008", "BEK 162/2009", "BEK 993/2010", "BEK 581/2016", "BEK 1492/2016"]


def test_seed_001_repeals_bek_1008_2015(corpus: Corpus) -> None:
    edges = [e for e in corpus.edges if e.kind == "repeals" and e.source == "seed-001"]
    assert [(e.target, e.date) for e in edges] == [("BEK 1008/2015", dt.date(2016, 1, 1))]


def test_seed_003_base_is_missing(corpus: Corpus) -> None:
    missing = [p for p in corpus.problems if p.code == "MISSING_BASE" and p.source == "seed-003"]
    assert len(missing) == 1
    assert "BEK 1676/2006" in missing[0].message


def test_lbk_consolidates_its_predecessor(corpus: Corpus) -> None:
    consolidates = {(e.source, e.target) for e in corpus.edges if e.kind == "consolidates"}
    assert ("LBK 196/2009", "LOV 463/2008") in consolidates
    assert ("LBK 416/2011", "LBK 196/2009") in consolidates
    assert ("LBK 1054/2015", "LOV 608/2013") in consolidates


def test_law_amended_through_its_lbk(corpus: Corpus) -> None:
    assert "LOV 341/2011" in [f.key for f in corpus.orders_for("LBK 196/2009")]
    assert "LOV 1336/2008" in [f.key for f in corpus.orders_for("LOV 463/2008")]


def test_som_aendret_ved_completeness_reports_missing_orders(tmp_path: Path) -> None:
    # BEK 993/2010 says BEK 1292/2007 was amended by 1072/2008 and 162/2009; leave 162/2009 out.
    for name in ("BEK-2007-1292", "BEK-2010-993"):
        (tmp_path / name).mkdir()
        src = CORPUS / "bek" / name / f"{name}.json"
        (tmp_path / name / src.name).write_bytes(src.read_bytes())
    small = load_corpus(tmp_path)
    missing = {p.message.split(" amended by ")[-1].split(",")[0] for p in small.problems if p.code == "MISSING_ORDER"}
    assert missing == {"BEK 1072/2008", "BEK 162/2009"}


def test_no_item_is_dropped(corpus: Corpus) -> None:
    # Every numbered item of every order naming a main document of the corpus ends up, on that document,
    # in exactly one of: applied, pending, lapsed, handed on; a handed-on item reaches the successor.
    from lovkons.history.timeline import timeline

    for f in corpus.facts.values():
        for block in f.blocks:
            key = next((t for t in block.targets if t in corpus.facts), None)
            if key is None or corpus.facts[key].role != "base":
                continue
            tl = timeline(corpus, key)
            for number, _ in block.items:
                label = f"{f.key} § {block.paragraf}, nr. {number}"
                own = [c for c in (*tl.changes, *tl.pending, *tl.lapsed, *tl.carried) if c.label == label and not c.via]
                assert len(own) == 1, (key, label, own)
                if own[0].to:
                    nxt = timeline(corpus, own[0].to)
                    found = (*nxt.changes, *nxt.pending, *nxt.incorporated, *nxt.carried)
                    assert [c.via for c in found if c.label == label] == [key]


def test_handed_on_items_of_the_embedded_corpus(corpus: Corpus) -> None:
    from lovkons.history.timeline import timeline

    carried = {(c.label, c.to, c.incorporated) for c in timeline(corpus, "LBK 1657/2015").carried}
    assert carried == {("LOV 1715/2016 § 59, nr. 1", "LBK 21/2017", True)}
    assert {c.label for c in timeline(corpus, "LBK 753/2013").ahead} == {f"LOV 647/2013 § 14, nr. {n}" for n in range(1, 5)}


@pytest.mark.parametrize(
    ("sidecar", "expected", "codes"),
    [
        # "Loven træder i kraft ved bekendtgørelsen i Lovtidende" and the XML has no publication date:
        # the earliest possible day (the signing date, 2016-05-03), reported
        (None, "2016-05-03", ["COMMENCEMENT_ESTIMATED"]),
        # a sidecar gives the Lovtidende date: exact, nothing to report
        ("published: 2016-05-04\n", "2016-05-04", []),
    ],
)
def test_lovtidende_commencement_from_signing_date_or_sidecar(
    tmp_path: Path, sidecar: str | None, expected: str, codes: list[str]
) -> None:
    from lovkons.history.facts import scan_file

    src = CORPUS / "laws" / "LOV-2016-399" / "LOV-2016-399.xml"
    (tmp_path / src.name).write_bytes(src.read_bytes())
    if sidecar:
        (tmp_path / (src.name + ".yaml")).write_text(sidecar, encoding="utf-8")
    facts, _, order = scan_file(tmp_path, src.name, "sha")
    assert order is not None and facts.role == "amending"
    assert {date for block in facts.blocks for _, date in block.items} == {expected}
    assert [p.code for p in order.problems if p.code.startswith("COMMENCEMENT")] == codes
