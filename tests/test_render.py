"""Renderers on a small hand-built document: Danish text layout, Markdown escaping, rich outline."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.console import Console

from lovkons.model.document import Document, Kind, Meta, Node, Source
from lovkons.renderers.markdown import escape, render_markdown
from lovkons.renderers.terminal import preview, render_tree
from lovkons.renderers.text import render_text

SRC = Source("BEK 1072/2008", "1", 4, dt.date(2009, 7, 1))


def _stk(label: str, text: str, *children: Node, **kw: object) -> Node:
    return Node(Kind.STK, label, text=text, children=children, **kw)  # type: ignore[arg-type]


DOC = Document(
    meta=Meta("BEK", 1292, 2007, dt.date(2007, 10, 24), "Bekendtgørelse om prøve"),
    preamble="I medfør af § 5 i lov om prøver fastsættes:",
    children=(
        Node(
            Kind.AFSNIT,
            "IV",
            heading="Særlige regler",
            children=(
                Node(
                    Kind.KAPITEL,
                    "3",
                    heading="Anvendelse",
                    children=(
                        Node(Kind.OVERSKRIFT, text="Målgruppe"),
                        Node(Kind.OVERSKRIFT, text="Ledige"),
                        Node(
                            Kind.PARAGRAF,
                            "3",
                            children=(
                                _stk("1", "Reglerne gælder for personer, der er", changed_by=(SRC,)),
                                _stk(
                                    "2",
                                    "Det gælder dog ikke for:",
                                    Node(Kind.NR, "1", text="ledige, og"),
                                    Node(
                                        Kind.NR,
                                        "2",
                                        text="personer, der",
                                        children=(
                                            Node(Kind.LITRA, "a", text="er *syge* [jf. bilag], eller"),
                                            Node(Kind.LITRA, "b", text="er på orlov."),
                                        ),
                                    ),
                                ),
                            ),
                        ),
                        Node(Kind.PARAGRAF, "12", repealed=True),
                        Node(Kind.PARAGRAF, "12 a", children=(_stk("1", "1) er ikke en liste."),)),
                    ),
                ),
            ),
        ),
        Node(Kind.UNDERSKRIFT, text="Beskæftigelsesministeriet, den 24. oktober 2007"),
        Node(Kind.BILAG, "1", heading="Skema", text="Skemaet udfyldes."),
    ),
)

TEXT_LINES = [
    "# DocumentType: BEK H",
    "Bekendtgørelse om prøve",
    "I medfør af § 5 i lov om prøver fastsættes:",
    "Afsnit IV",
    "Særlige regler",
    "Kapitel 3",
    "Anvendelse",
    "Målgruppe",
    "Ledige",
    "§ 3. Reglerne gælder for personer, der er",
    "Stk. 2. Det gælder dog ikke for:",
    "1) ledige, og",
    "2) personer, der",
    "a) er *syge* [jf. bilag], eller",
    "b) er på orlov.",
    "§ 12. (Ophævet)",
    "§ 12 a. 1) er ikke en liste.",
    "Beskæftigelsesministeriet, den 24. oktober 2007",
    "Bilag 1",
    "Skema",
    "Skemaet udfyldes.",
]


@pytest.mark.parametrize("line", TEXT_LINES)
def test_text_has_line_on_its_own(line: str) -> None:
    assert line in render_text(DOC).splitlines()


def test_text_keeps_document_order() -> None:
    lines = render_text(DOC).splitlines()
    positions = [lines.index(line) for line in TEXT_LINES]
    assert positions == sorted(positions)


def test_text_stacked_headings_are_adjacent_and_follow_a_blank_line() -> None:
    lines = render_text(DOC).splitlines()
    i = lines.index("Målgruppe")
    assert lines[i - 1] == "" and lines[i + 1] == "Ledige" and lines[i + 2].startswith("§ 3.")


def test_text_header_carries_number_year_date() -> None:
    head = render_text(DOC).splitlines()[:6]
    assert {"# Number: 1292", "# Year: 2007", "# DiesSigni: 2007-10-24"} <= set(head)
    assert not render_text(DOC, header=False).startswith("#")


def test_text_notes_add_provenance_line_after_the_changed_unit() -> None:
    lines = render_text(DOC, notes=True).splitlines()
    i = lines.index("§ 3. Reglerne gælder for personer, der er")
    assert lines[i + 1] == "[BEK 1072/2008 § 1, nr. 4, i kraft 2009-07-01]"
    assert "[BEK 1072/2008" not in render_text(DOC)


def test_text_title_note_follows_the_title() -> None:
    doc = DOC.with_(title_note="1) Bekendtgørelsen gennemfører direktiv 2005/36/EF.")
    lines = render_text(doc).splitlines()
    i = lines.index("Bekendtgørelse om prøve")
    assert lines[i + 1] == "1) Bekendtgørelsen gennemfører direktiv 2005/36/EF." and lines[i + 2] == ""


def test_text_bilag_without_heading_has_a_blank_line_after_its_label() -> None:
    bilag = Node(Kind.BILAG, "2", children=(Node(Kind.TEKST, text="INDHOLDSFORTEGNELSE"),))
    lines = render_text(DOC.with_(children=(*DOC.children, bilag))).splitlines()
    assert lines[-3:] == ["Bilag 2", "", "INDHOLDSFORTEGNELSE"]
    assert lines[lines.index("Bilag 1") + 1] == "Skema"  # with a heading: heading on the next line


def test_markdown_headings_by_level() -> None:
    md = render_markdown(DOC).splitlines()
    for line in (
        "# Bekendtgørelse om prøve",
        "## Afsnit IV Særlige regler",
        "### Kapitel 3 Anvendelse",
        "#### Målgruppe",
        "## Bilag 1 Skema",
    ):
        assert line in md


def test_markdown_bold_labels_and_literal_item_labels() -> None:
    md = render_markdown(DOC).splitlines()
    assert "**§ 3.** Reglerne gælder for personer, der er" in md
    assert "**Stk. 2.** Det gælder dog ikke for:" in md
    assert "- 1\\) ledige, og" in md
    assert "  - a\\) er \\*syge\\* \\[jf. bilag\\], eller" in md
    assert "**§ 12.** (Ophævet)" in md


def test_markdown_escapes_list_start_in_running_text() -> None:
    assert "**§ 12 a.** 1\\) er ikke en liste." in render_markdown(DOC).splitlines()


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("1) a", "1\\) a"),
        ("2. b", "2\\. b"),
        ("# x", "\\# x"),
        ("- y", "\\- y"),
        ("a_b*c", "a\\_b\\*c"),
        ("§ 3, nr. 1) ok", "§ 3, nr. 1) ok"),
    ],
)
def test_markdown_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def test_markdown_notes_in_italics() -> None:
    md = render_markdown(DOC, notes=True)
    assert "*\\[BEK 1072/2008 § 1, nr. 4, i kraft 2009-07-01\\]*" in md.splitlines()


def _tree_text(doc: Document) -> str:
    console = Console(width=120, record=True, color_system=None)
    console.print(render_tree(doc))
    return console.export_text()


def test_tree_outline_shows_levels_and_previews() -> None:
    out = _tree_text(DOC)
    for part in (
        "BEK 1292/2007",
        "Afsnit IV  Særlige regler",
        "Kapitel 3  Anvendelse",
        "Målgruppe",
        "§ 3",
        "Stk. 1  Reglerne gælder",
        "Stk. 2  Det gælder dog",
        "1)  ledige, og",
        "a)  er *syge* [jf. bilag], eller",
        "§ 12  (Ophævet)",
    ):
        assert part in out


def test_tree_repealed_is_dim() -> None:
    tree = render_tree(DOC)
    kapitel = tree.children[0].children[0]
    tombstone = kapitel.children[3].label
    assert "(Ophævet)" in tombstone.plain  # type: ignore[union-attr]
    assert any("dim" in str(span.style) for span in tombstone.spans)  # type: ignore[union-attr]


def test_preview_cuts_at_word_with_ellipsis() -> None:
    cut = preview("ord " * 40, 30)
    assert len(cut) <= 30 and cut.endswith("…") and not cut.endswith(" …")
