"""The HTML law page without a browser: anchors are the AKN eIds, legal text is escaped, every §
shows its provenance notes (instruction, act, in-force date), pending and refused items are listed,
and the page is the same bytes every time."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from lovkons.history.corpus import load_corpus
from lovkons.history.pointintime import PointInTime, consolidate_at
from lovkons.model.document import Document, Kind, Meta, Node
from lovkons.parsers.akn import NS
from lovkons.renderers.akn import render_akn
from lovkons.renderers.law_html import danish_date, render_law_html
from lovkons.renderers.publication import EditorialNote, of_document, of_point_in_time

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bek() -> PointInTime:
    return consolidate_at(load_corpus(ROOT / "corpus", jobs=1), "BEK 1292/2007", dt.date(2009, 8, 1))


def page(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html.encode())


def test_anchors_are_the_akn_eids(bek: PointInTime) -> None:
    pub = of_point_in_time(bek)
    html = page(render_law_html(pub))
    akn = etree.fromstring(render_akn(pub))
    sections = {e.get("eId") for e in akn.iterfind(f".//{{{NS}}}section")}
    assert {s.get("id") for s in html.iterfind(".//section[@class='paragraf']")} == sections
    assert html.get_element_by_id("chp_4__sec_26__subsec_2__para_1") is not None
    toc = [a.get("href") for a in html.iterfind(".//nav//a")]
    assert toc[0] == "#chp_1" and "#att_1" in toc


def test_provenance_notes_per_paragraf(bek: PointInTime) -> None:
    html = page(render_law_html(of_point_in_time(bek)))
    notes = html.get_element_by_id("chp_4__sec_29").find(".//aside")
    text = " ".join(notes.text_content().split())
    assert "§ 29, stk. 2: Ændret ved BEK 1072/2008 § 1, nr. 4 (i kraft 1. juli 2009)" in text
    assert "I § 29, stk. 2, ændres »året« til: »måneden«." in text
    # one note for the item that rewrote two stykker of § 28
    s28 = html.get_element_by_id("chp_4__sec_28").findall(".//aside/p")
    assert [" ".join(p.text_content().split())[:40] for p in s28] == [
        "§ 28, stk. 2; § 28, stk. 3: Affattet ved", "§ 28, stk. 4: Indsat ved BEK 1072/2008 §"]
    changed = html.find_class("changed")
    assert {p.get("id") for p in changed} >= {"chp_4__sec_29__subsec_2", "chp_4__sec_28__subsec_4"}
    facts = " ".join(html.find(".//dl").text_content().split())
    assert "gældende fra 1. juli 2009 til og med 31. august 2010" in facts
    assert html.find(".//dl//a").get("href") == "https://www.retsinformation.dk/eli/lta/2007/1292"


def test_pending_refused_and_editorial_are_listed() -> None:
    pub = of_point_in_time(consolidate_at(load_corpus(ROOT / "tests" / "data" / "akn" / "retsplejeloven", jobs=1),
                                          "LBK 1257/2016", dt.date(2017, 7, 1)))  # fmt: skip
    rename = EditorialNote("»justitsministeren« er ændret til »justitsministeren«", "kongelig resolution (prøve)",
                           None, "§ 1")  # fmt: skip
    html = page(render_law_html(dataclasses.replace(pub, editorial=(rename,))))
    status = " ".join(html.find(".//section[@class='status']").text_content().split())
    assert "Afventer" in status and "LOV 80/2017 § 4, nr. 1" in status
    assert "Ikke gennemført" in status and "LOV 1725/2016 § 1, nr. 7" in status and "TARGET_NOT_FOUND" in status
    first = html.get_element_by_id("book_1__part_I__chp_1__sec_1").find(".//aside")
    assert first.find("p").get("class") == "editorial" and "Redaktionel ændring" in first.text_content()


def test_legal_text_is_escaped_never_markup() -> None:
    meta = Meta("BEK", 1, 2020, dt.date(2020, 1, 2), "Bekendtgørelse om <script>alert(1)</script>")
    par = Node(Kind.PARAGRAF, "1", children=(Node(Kind.STK, "1", text="Beløb < 5 kr. & > 2 kr. <b>fed</b>"),))
    html = render_law_html(of_document(Document(meta, None, (par,))))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;fed&lt;/b&gt;" in html and "&amp; &gt; 2 kr." in html


def test_same_bytes_every_time(bek: PointInTime) -> None:
    assert render_law_html(of_point_in_time(bek)) == render_law_html(of_point_in_time(bek))


@pytest.mark.parametrize(("day", "text"), [(dt.date(2009, 7, 1), "1. juli 2009"), (dt.date(2010, 12, 31), "31. december 2010")])
def test_danish_dates(day: dt.date, text: str) -> None:
    assert danish_date(day) == text
