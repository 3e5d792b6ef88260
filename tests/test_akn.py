"""Akoma Ntoso 3.0 output: valid against the official OASIS schema, eIds by the AKN naming
convention, one textualMod per applied operation with the eId it changed, and a round trip
AKN → our tree → AKN that keeps every provision's text. Real documents only."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from lxml import etree

from lovkons.history.corpus import Corpus, load_corpus
from lovkons.history.pointintime import PointInTime, consolidate_at
from lovkons.model.document import Document, LovkonsError, Node
from lovkons.parsers.akn import NS, parse_akn
from lovkons.parsers.read import read_document
from lovkons.renderers.akn import render_akn, validate_akn
from lovkons.renderers.publication import EditorialNote, of_document, of_point_in_time

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
RETSPLEJE = ROOT / "tests" / "data" / "akn" / "retsplejeloven"
A = {"a": NS}
CORPUS_FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".xml", ".json", ".txt") and p.is_file())


def bare(doc: Document) -> Document:
    """The text of a tree: no ids, no provenance, no file name (AKN carries history in its meta)."""
    def strip(n: Node) -> Node:
        return n.with_(id="", changed_by=(), children=tuple(strip(c) for c in n.children))

    return doc.with_(children=tuple(strip(c) for c in doc.children), meta=dataclasses.replace(doc.meta, source=None))


def round_trip(data: bytes) -> Document:
    return bare(parse_akn(data).document)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(CORPUS, jobs=1)


@pytest.fixture(scope="module")
def retspleje() -> Corpus:
    return load_corpus(RETSPLEJE, jobs=1)


@pytest.fixture(scope="module")
def bek(corpus: Corpus) -> PointInTime:
    return consolidate_at(corpus, "BEK 1292/2007", dt.date(2009, 8, 1))


@pytest.fixture(scope="module")
def rpl(retspleje: Corpus) -> PointInTime:
    return consolidate_at(retspleje, "LBK 1257/2016", dt.date(2017, 7, 1))


def mods(data: bytes) -> list[tuple[str, str, list[str]]]:
    """(source act and item, type, destination eIds) of every textualMod."""
    root = etree.fromstring(data)
    refs = {r.get("eId"): r.text for r in root.iterfind(".//a:notes//a:ref", A)}
    out = []
    for m in root.iterfind(".//a:passiveModifications/a:textualMod", A):
        src = m.find("a:source", A).get("href").lstrip("#")  # type: ignore[union-attr]
        out.append((refs[src], m.get("type", ""), [d.get("href", "").lstrip("#") for d in m.iterfind("a:destination", A)]))
    return out


def eids(data: bytes) -> set[str]:
    return {e.get("eId", "") for e in etree.fromstring(data).iterfind(".//a:body//*[@eId]", A)}


# ------------------------------------------------------------------------------- every document


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_every_corpus_document_validates_and_round_trips(path: Path) -> None:
    doc = read_document(path).document
    data = render_akn(of_document(doc))
    assert validate_akn(data) == []
    assert round_trip(data) == bare(doc)
    assert render_akn(of_document(parse_akn(data).document)) == data


def test_the_schema_refuses_what_it_should() -> None:
    """The validator is the strict OASIS schema: a repeated eId or an unknown element fails."""
    doc = read_document(CORPUS / "bek" / "BEK-2009-162" / "BEK-2009-162.json").document
    data = render_akn(of_document(doc)).decode()
    assert validate_akn(data.replace('eId="sec_2"', 'eId="sec_1"', 1).encode())
    assert validate_akn(data.replace("<num>", "<nummer>").replace("</num>", "</nummer>").encode())


def test_not_an_act_is_bad_input() -> None:
    with pytest.raises(LovkonsError, match="not an Akoma Ntoso"):
        parse_akn(b"<?xml version='1.0'?><Dokument/>")
    with pytest.raises(LovkonsError, match="well-formed"):
        parse_akn(b"<akomaNtoso")


# ------------------------------------------------------------------------ naming convention (eIds)

# (document, unit as cited, eId): the AKN naming convention over real structures
EIDS = [
    ("BEK-2007-1292", "§ 26, stk. 2, nr. 1", "chp_4__sec_26__subsec_2__para_1"),  # kapitel 4
    ("BEK-2007-1292", "§ 1, stk. 1", "chp_1__sec_1__subsec_1"),  # the unwritten stk. 1 has no <num>
    ("BEK-2007-1292", "bilag 1", "att_1"),  # a trailing bilag is an attachment
    ("LBK-2015-1054", "§ 4, stk. 1, nr. 3, litra a", "chp_1__sec_4__subsec_1__para_3__point_a"),
]


@pytest.mark.parametrize(("ident", "unit", "eid"), EIDS, ids=[f"{a} {b}" for a, b, _ in EIDS])
def test_eids_follow_the_naming_convention(ident: str, unit: str, eid: str) -> None:
    kind = "bek" if ident.startswith("BEK") else "laws"
    path = next((CORPUS / kind / ident).glob(f"{ident}.*[nl]"))
    root = etree.fromstring(render_akn(of_document(read_document(path).document)))
    found = root.xpath("//*[@eId=$e]", e=eid)
    assert len(found) == 1, f"{unit}: no element {eid}"
    if " stk. 1" in unit and unit.endswith("stk. 1"):
        assert found[0].find("a:num", A) is None


def test_books_of_retsplejeloven_give_unique_eids(rpl: PointInTime) -> None:
    """"Første bog." … "Femte bog." are books: afsnit I of each book gets its own eId."""
    root = etree.fromstring(render_akn(of_point_in_time(rpl)))
    books = root.findall(".//a:body/a:book", A)
    assert [b.findtext("a:num", namespaces=A) for b in books] == [
        "Første bog.", "Anden bog.", "Tredje bog.", "Fjerde bog.", "Femte bog."]
    assert books[0].findtext("a:heading", namespaces=A) == "Domsmagten m.m."
    assert root.xpath("count(//*[@eId='book_3__part_I'])") == 1 and root.xpath("count(//*[@eId='book_4__part_I'])") == 1
    assert not root.xpath("//*[contains(@eId, '_dup')]")


# ------------------------------------------------------- BEK 1292/2007 as in force on 1 August 2009

# every operation applied to BEK 1292/2007 by 2009-08-01, with the unit it changed
BEK_MODS = [
    ("BEK 1072/2008 § 1, nr. 1", "insertion", ["chp_4__sec_26__subsec_2__para_1"]),  # indsættes før »totalentreprenør«
    ("BEK 1072/2008 § 1, nr. 2", "substitution", ["chp_4__sec_28__subsec_2"]),  # § 28, stk. 2 og 3, affattes
    ("BEK 1072/2008 § 1, nr. 2", "substitution", ["chp_4__sec_28__subsec_3"]),
    ("BEK 1072/2008 § 1, nr. 3", "insertion", ["chp_4__sec_28__subsec_4"]),  # I § 28 indsættes som stk. 4
    ("BEK 1072/2008 § 1, nr. 5", "insertion", ["chp_6__sec_32__subsec_2__para_1"]),
    ("BEK 1072/2008 § 1, nr. 6", "insertion", ["chp_6__sec_37__subsec_2"]),  # I § 37 indsættes som stk. 2
    # nr. 4 takes effect later than nr. 1-3, 5 and 6: an act's items apply in the order they take effect
    ("BEK 1072/2008 § 1, nr. 4", "substitution", ["chp_4__sec_29__subsec_2"]),  # »året« til: »måneden«
    ("BEK 162/2009 § 1, nr. 1", "substitution", ["chp_4__sec_26__subsec_2__para_2"]),  # nr. 2 og 4: »2« til »1«
    ("BEK 162/2009 § 1, nr. 1", "substitution", ["chp_4__sec_26__subsec_2__para_4"]),
]


def test_bek_1292_at_2009_08_01(bek: PointInTime) -> None:
    data = render_akn(of_point_in_time(bek))
    assert validate_akn(data) == []
    assert mods(data) == BEK_MODS
    assert len(BEK_MODS) == len(bek.applied)
    root = etree.fromstring(data)
    assert root.xpath("/a:akomaNtoso/a:act/a:meta//a:FRBRExpression/a:FRBRthis/@value", namespaces=A) == [
        "/akn/dk/act/bek/2007/1292/dan@2009-07-01/!main"]
    assert root.xpath("/a:akomaNtoso/a:act/a:meta//a:FRBRalias[@name='eli']/@value", namespaces=A) == ["eli/lta/2007/1292"]
    events = [(e.get("date"), e.get("type")) for e in root.iterfind(".//a:lifecycle/a:eventRef", A)]
    assert events == [("2008-04-01", "generation"), ("2008-11-12", "amendment"), ("2009-03-05", "amendment"),
                      ("2009-07-01", "amendment")]  # fmt: skip
    # the textualMod of nr. 4 is in force from 1 July 2009: force → period → event of that day
    m = root.xpath("//a:textualMod[a:destination/@href='#chp_4__sec_29__subsec_2']", namespaces=A)[0]
    period = m.find("a:force", A).get("period").lstrip("#")
    start = root.xpath("//a:temporalGroup[@eId=$p]/a:timeInterval/@start", p=period, namespaces=A)[0].lstrip("#")
    assert root.xpath("//a:eventRef[@eId=$e]/@date", e=start, namespaces=A) == ["2009-07-01"]
    assert all(d in eids(data) for _, _, dests in BEK_MODS for d in dests)
    assert round_trip(data) == bare(bek.document)


# ------------------------------------------------ retsplejeloven (LBK 1257/2016) with its 2017 changes


def test_retsplejeloven_2017(rpl: PointInTime) -> None:
    data = render_akn(of_point_in_time(rpl))
    assert validate_akn(data) == []
    found = mods(data)
    assert len(found) == len(rpl.applied) == 39
    body = eids(data)
    for (source, _, dests), applied in zip(found, rpl.applied, strict=True):
        assert source == str(applied.source)  # type: ignore[attr-defined]
        para = str(applied.target).split(",")[0].removeprefix("§ ").replace(" ", "")  # type: ignore[attr-defined]
        for d in dests:
            assert d in body, f"{source}: {d} is not in the text"
            assert f"__sec_{para}" in d or applied.op == "insert", f"{source}: {d} is not in § {para}"  # type: ignore[attr-defined]
    chosen = {s: d for s, _, d in found}
    assert chosen["LOV 203/2017 § 1, nr. 4"] == ["book_2__chp_16__sec_148c"]  # Efter § 148 b indsættes: § 148 c
    assert chosen["LOV 1725/2016 § 1, nr. 4"] == ["book_2__chp_19__sec_209a"]
    assert chosen["LOV 203/2017 § 1, nr. 2"] == ["book_1__part_I__chp_4__sec_58__subsec_3"]  # ny 2. pkt. i stk. 3
    root = etree.fromstring(data)
    notes = {n.get("class"): "".join(n.itertext()) for n in root.iterfind(".//a:notes/a:note", A)}
    assert "LOV 80/2017 § 4, nr. 1" in notes["pending"]
    assert "TARGET_NOT_FOUND" in notes["refused"] and "LOV 1725/2016 § 1, nr. 7" in notes["refused"]
    assert round_trip(data) == bare(rpl.document)


def test_editorial_renames_are_editorial_notes(bek: PointInTime) -> None:
    """The extension point for ressort renames: an EditorialNote with its legal basis."""
    note = EditorialNote("»Erhvervs- og Byggestyrelsen« er ændret til »Energistyrelsen«",
                         "kongelig resolution af 3. oktober 2011", dt.date(2011, 10, 3), "§ 27, stk. 1, nr. 3")
    data = render_akn(dataclasses.replace(of_point_in_time(bek), editorial=(note,)))
    assert validate_akn(data) == []
    text = "".join(etree.fromstring(data).xpath("//a:note[@class='editorial']", namespaces=A)[0].itertext())
    assert "kongelig resolution af 3. oktober 2011" in text and "§ 27, stk. 1, nr. 3" in text
