"""The HTML sammenstilling in a real headless Chromium: it renders, shows the changed provisions
with their sources, and prints to PDF. Skipped (with the reason) when no Chromium is installed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lovkons.model.document import Document, Kind, Meta, Node, Source
from lovkons.parsers.lexdania import parse_lexdania
from lovkons.renderers.diff_html import render_diff_html
from lovkons.review.diff import DocumentDiff, diff_documents
from tests.browser.chromium import dump_dom, print_to_pdf, visible_text

LAWS = Path(__file__).parent / "data" / "laws"
SOURCE = Source("BEK 1072/2008", "1", 4, dt.date(2009, 7, 1), "I § 29, stk. 2, ændres »året« til: »måneden«.")


def sourced_diff() -> DocumentDiff:
    def par(text: str, src: tuple[Source, ...] = ()) -> Node:
        stk = Node(Kind.STK, label="1", text="Præmien opkræves én gang.", id="p29-stk1")
        return Node(Kind.PARAGRAF, label="29", id="p29",
                    children=(stk, Node(Kind.STK, label="2", text=text, id="p29-stk2", changed_by=src)))

    meta = Meta("BEK", 1292, 2007, title="Bekendtgørelse om byggeskadeforsikring")
    old = Document(meta, None, (par("Gebyret betales for hvert påbegyndt år <og> mere."),))
    new = Document(meta, None, (par("Gebyret betales for hvert påbegyndt måned <og> mere.", (SOURCE,)),))
    return diff_documents(old, new, old_label="1. juni 2008", new_label="1. august 2009")


def law(ident: str) -> Document:
    path = LAWS / ident / f"{ident}.xml"
    return parse_lexdania(path.read_bytes(), file=str(path)).document


def test_sammenstilling_renders_changes_and_sources(chromium: str, tmp_path: Path) -> None:
    page = tmp_path / "diff.html"
    page.write_text(render_diff_html(sourced_diff()), encoding="utf-8")
    dom = dump_dom(chromium, page)
    text = visible_text(dom)
    assert "Gældende formulering" in text and "Ny formulering" in text
    assert "§ 29, stk. 2 — ændret" in text
    assert "Kilde: BEK 1072/2008 § 1, nr. 4 (i kraft 1. juli 2009)" in text
    assert "I § 29, stk. 2, ændres »året« til: »måneden«." in text
    assert "<del>år</del>" in dom and "<ins>måned</ins>" in dom
    assert "&lt;og&gt;" in dom  # legal text is escaped, never markup


def test_real_law_pair_renders_every_change(chromium: str, tmp_path: Path) -> None:
    diff = diff_documents(law("LBK-2011-439"), law("LBK-2012-400"))
    page = tmp_path / "lbk.html"
    page.write_text(render_diff_html(diff), encoding="utf-8")
    text = visible_text(dump_dom(chromium, page))
    for change in diff.changes:
        assert change.address in text
    assert "§ 4 a, stk. 3 (hidtil stk. 2) — nyt nummer" in text


def test_sammenstilling_prints_to_pdf(chromium: str, tmp_path: Path) -> None:
    page = tmp_path / "diff.html"
    page.write_text(render_diff_html(sourced_diff()), encoding="utf-8")
    pdf = tmp_path / "diff.pdf"
    print_to_pdf(chromium, page, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
