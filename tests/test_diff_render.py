"""Diff renderers: HTML is self-contained and escaped, colour only when asked, text and Markdown
carry kinds, addresses and sources (whole-file forms are golden-tested in test_diff_files)."""

from __future__ import annotations

import re

from lovkons.renderers.diff_html import render_diff_html
from lovkons.renderers.diff_markdown import render_diff_markdown
from lovkons.renderers.diff_text import danish_date, render_diff_text
from tests.test_diff import BASE, SRC_A, diff_documents, par, stk

CHANGED = BASE.with_(children=(*BASE.children[:2],
                               par("2", stk("1", "Fristen er 5 år fra afleveringen.", "p2-stk1", src=(SRC_A,))),
                               *BASE.children[3:]))
DIFF = diff_documents(BASE, CHANGED, old_label="A", new_label="B")
EMPTY = diff_documents(BASE, BASE, old_label="A", new_label="B")


def test_html_is_self_contained() -> None:
    page = render_diff_html(DIFF)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert not re.search(r"<(script|link|img|iframe)\b|\bsrc=|url\(|@import|https?://", page)
    assert "@media print" in page


def test_html_two_columns_marks_and_sources() -> None:
    page = render_diff_html(DIFF)
    assert "<th scope=\"col\">Gældende formulering</th><th scope=\"col\">Ny formulering</th>" in page
    assert '<td class="old"><div class="part">Fristen er <del>2</del> år fra afleveringen.</div></td>' in page
    assert '<td class="new"><div class="part">Fristen er <ins>5</ins> år fra afleveringen.</div></td>' in page
    assert "Kilde: BEK 1072/2008 § 1, nr. 4 (i kraft 1. juli 2009)" in page


def test_html_without_changes_says_so() -> None:
    page = render_diff_html(EMPTY)
    assert "Ingen ændringer." in page and "<table" not in page


def test_text_and_markdown_name_kind_address_and_source() -> None:
    text = render_diff_text(DIFF)
    assert "@@ § 2 — ændret\n- Fristen er 2 år" in text
    assert "~ Fristen er [-2-]{+5+} år" in text
    assert "  Kilde: BEK 1072/2008 § 1, nr. 4 (i kraft 1. juli 2009)" in text
    markdown = render_diff_markdown(DIFF)
    assert "## § 2 — ændret" in markdown and "Fristen er <del>2</del><ins>5</ins> år" in markdown
    assert "- Kilde: BEK 1072/2008 § 1, nr. 4 (i kraft 1. juli 2009)" in markdown
    assert render_diff_text(EMPTY) == "--- A\n+++ B\nIngen ændringer.\n"


def test_colour_only_when_asked_and_the_same_lines_otherwise() -> None:
    plain = render_diff_text(DIFF)
    coloured = render_diff_text(DIFF, words="color", color=True)
    assert "\x1b[" not in plain and "\x1b[31m2\x1b[0m" in coloured and "\x1b[32m5\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured).replace("~ Fristen er 25", "~ Fristen er [-2-]{+5+}") == plain


def test_danish_date() -> None:
    assert danish_date(SRC_A.in_force) == "1. juli 2009"  # type: ignore[arg-type]
