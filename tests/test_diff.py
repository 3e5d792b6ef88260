"""lovkons.review.diff on hand-made trees: kinds, granularity, renumbering, sources, word-level edits."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lovkons.model.document import Document, Kind, Meta, Node, Source
from lovkons.renderers.diff_json import diff_json
from lovkons.review.diff import Change, diff_documents
from lovkons.review.diff_align import align, word_diff

META = Meta("BEK", 1292, 2007, title="Bekendtgørelse om byggeskadeforsikring")
SRC_A = Source("BEK 1072/2008", "1", 4, dt.date(2009, 7, 1), "I § 29, stk. 2, ændres »året« til: »måneden«.")
SRC_B = Source("BEK 162/2009", "1", 1, dt.date(2009, 3, 5), "I § 26, stk. 2, nr. 2 og 4, ændres »2« til: »1«.")
SRC_OLD = Source("BEK 1/2000", "1", 1, dt.date(2000, 1, 1), "an older change of the same unit")


def stk(label: str, text: str, ident: str = "", *, src: tuple[Source, ...] = (), kids: tuple[Node, ...] = ()) -> Node:
    return Node(Kind.STK, label=label, text=text, id=ident, changed_by=src, children=kids)


def nr(label: str, text: str, ident: str = "", *, src: tuple[Source, ...] = ()) -> Node:
    return Node(Kind.NR, label=label, text=text, id=ident, changed_by=src)


def par(label: str, *stks: Node, ident: str = "", repealed: bool = False, src: tuple[Source, ...] = ()) -> Node:
    return Node(Kind.PARAGRAF, label=label, children=stks, id=ident or f"p{label}", repealed=repealed,
                changed_by=src)


def doc(*children: Node, preamble: str = "I medfør af § 1 fastsættes:") -> Document:
    return Document(META, preamble, children)


BASE = doc(
    Node(Kind.OVERSKRIFT, text="Forsikringen", id="h-p1"),
    par("1", stk("1", "Første stykke.", "p1-stk1"), stk("2", "Andet stykke.", "p1-stk2"),
        stk("3", "Tredje stykke.", "p1-stk3")),
    par("2", stk("1", "Fristen er 2 år fra afleveringen.", "p2-stk1")),
    par("3", stk("1", "Indledning:", "p3-stk1", kids=(nr("1", "a", "p3-stk1-nr1"), nr("2", "b", "p3-stk1-nr2")))),
    par("4", stk("1", "Denne paragraf ophæves.", "p4-stk1")),
)


def kinds(changes: tuple[Change, ...]) -> list[tuple[str, str]]:
    return [(c.kind, c.address) for c in changes]


def test_identical_documents_give_an_empty_diff() -> None:
    diff = diff_documents(BASE, BASE)
    assert diff.changes == ()
    assert not diff


def test_changed_stk_reports_the_smallest_unit_with_words_and_sources() -> None:
    new = BASE.with_(children=(*BASE.children[:2], par("2", stk("1", "Fristen er 5 år fra afleveringen.",
                                                                 "p2-stk1", src=(SRC_A,))), *BASE.children[3:]))
    diff = diff_documents(BASE, new)
    assert kinds(diff.changes) == [("changed", "§ 2")]
    change = diff.changes[0]
    assert change.old == "Fristen er 2 år fra afleveringen." and change.new == "Fristen er 5 år fra afleveringen."
    assert ("delete", "2") in change.words and ("insert", "5") in change.words
    assert [str(s) for s in change.sources] == ["BEK 1072/2008 § 1, nr. 4"]


def test_stk_inserted_before_others_renumbers_them_by_stable_id() -> None:
    p1 = par("1", stk("1", "Første stykke.", "p1-stk1"), stk("2", "Nyt stykke.", "ins-1", src=(SRC_A,)),
             stk("3", "Andet stykke.", "p1-stk2"), stk("4", "Tredje stykke, ændret.", "p1-stk3", src=(SRC_B,)))
    new = BASE.with_(children=(BASE.children[0], p1, *BASE.children[2:]))
    diff = diff_documents(BASE, new)
    assert kinds(diff.changes) == [("inserted", "§ 1, stk. 2"), ("renumbered", "§ 1, stk. 3"),
                                   ("renumbered", "§ 1, stk. 4")]
    inserted, moved, moved_changed = diff.changes
    assert inserted.new == "Nyt stykke." and inserted.old is None
    assert moved.old_address == "§ 1, stk. 2" and not moved.text_changed
    assert moved.sources == (SRC_A,)  # renumbered by the insertion beside it
    assert moved_changed.old_address == "§ 1, stk. 3" and moved_changed.text_changed
    assert moved_changed.sources == (SRC_B,)


def test_renumbering_is_found_by_content_when_ids_follow_labels() -> None:
    """Two independently parsed files: ids come from labels, so content decides."""
    old = [stk("1", "A a a.", "p1-stk1"), stk("2", "B b b.", "p1-stk2"), stk("3", "C c c c c.", "p1-stk3")]
    new = [stk("1", "A a a.", "p1-stk1"), stk("2", "X x x.", "p1-stk2"), stk("3", "B b b.", "p1-stk3"),
           stk("4", "C c c c c, ændret.", "p1-stk4")]
    assert align(old, new) == [(0, 0), (None, 1), (1, 2), (2, 3)]


def test_repealed_paragraf_tombstone_and_repealed_nr() -> None:
    p3 = par("3", stk("1", "Indledning:", "p3-stk1", kids=(nr("1", "a", "p3-stk1-nr1"),), src=(SRC_B,)))
    p4 = par("4", repealed=True, src=(SRC_A,))
    new = BASE.with_(children=(*BASE.children[:3], p3, p4))
    diff = diff_documents(BASE, new)
    assert kinds(diff.changes) == [("repealed", "§ 3, nr. 2"), ("repealed", "§ 4")]
    assert diff.changes[0].old == "b" and diff.changes[0].sources == (SRC_B,)
    assert diff.changes[1].old == "Denne paragraf ophæves." and diff.changes[1].new is None
    assert diff.changes[1].sources == (SRC_A,)


def test_inserted_paragraf_and_heading_are_their_own_entries() -> None:
    heading = Node(Kind.OVERSKRIFT, text="Digital kommunikation", id="x1", changed_by=(SRC_A,))
    p5 = par("5", stk("1", "Ny regel.", "x2"), stk("2", "Mere.", "x3"), ident="x0", src=(SRC_A,))
    changed_heading = BASE.children[0].with_(text="Forsikringens omfang")
    new = BASE.with_(children=(changed_heading, *BASE.children[1:], heading, p5))
    diff = diff_documents(BASE, new)
    assert kinds(diff.changes) == [("changed", "overskriften før § 1"), ("inserted", "overskriften før § 5"),
                                   ("inserted", "§ 5")]
    assert diff.changes[2].new == "Ny regel.\nStk. 2. Mere."
    assert diff.changes[2].sources == (SRC_A,)


def test_title_and_indledning_are_compared() -> None:
    new = Document(META.__class__("BEK", 1292, 2007, title="Ny titel"), "I medfør af § 2 fastsættes:",
                   BASE.children)
    assert kinds(diff_documents(BASE, new).changes) == [("changed", "titlen"), ("changed", "indledningen")]


def test_window_keeps_only_sources_in_force_in_the_period() -> None:
    p2 = par("2", stk("1", "Fristen er 5 år.", "p2-stk1", src=(SRC_OLD, SRC_A)))
    new = BASE.with_(children=(*BASE.children[:2], p2, *BASE.children[3:]))
    inside = diff_documents(BASE, new, window=(dt.date(2008, 6, 1), dt.date(2009, 8, 1)))
    assert inside.changes[0].sources == (SRC_A,)
    everything = diff_documents(BASE, new)
    assert everything.changes[0].sources == (SRC_OLD, SRC_A)


def test_json_shape() -> None:
    p2 = par("2", stk("1", "Fristen er 5 år fra afleveringen.", "p2-stk1", src=(SRC_A,)))
    new = BASE.with_(children=(*BASE.children[:2], p2, *BASE.children[3:]))
    out = diff_json(diff_documents(BASE, new, old_label="gammel", new_label="ny"))
    assert out["from"] == "gammel" and out["to"] == "ny"
    (change,) = out["changes"]
    assert {k: change[k] for k in ("address", "kind", "old_address", "sources", "in_force")} == {
        "address": "§ 2", "kind": "changed", "old_address": "§ 2",
        "sources": [{"source": "BEK 1072/2008 § 1, nr. 4", "in_force": "2009-07-01", "text": SRC_A.text}],
        "in_force": "2009-07-01",
    }
    assert out["schema"] == "lovkons.diff/1"
    assert change["old"].startswith("Fristen er 2") and change["new"].startswith("Fristen er 5")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("om året", "om måneden", (("equal", "om "), ("delete", "året"), ("insert", "måneden"))),
        ("2 dage før", "3 uger før", (("delete", "2 dage"), ("insert", "3 uger"), ("equal", " før"))),
        ("a b", "a b", (("equal", "a b"),)),
        ("", "ny tekst", (("insert", "ny tekst"),)),
        ("den entreprenør", "den nye bygherre, entreprenør",
         (("equal", "den "), ("insert", "nye bygherre, "), ("equal", "entreprenør"))),
    ],
    ids=["one-word", "adjacent-words-join", "unchanged", "from-empty", "insertion-starts-with-a-word"],
)
def test_word_diff(old: str, new: str, expected: tuple[tuple[str, str], ...]) -> None:
    assert word_diff(old, new) == expected


_WORDS = st.lists(st.sampled_from(["a", "b", "året", "måneden", "2", ",", ".", "§"]), max_size=12)


@given(_WORDS, _WORDS)
def test_word_diff_reconstructs_both_texts(old_words: list[str], new_words: list[str]) -> None:
    old, new = " ".join(old_words), " ".join(new_words)
    edits = word_diff(old, new)
    assert "".join(t for op, t in edits if op != "insert") == old
    assert "".join(t for op, t in edits if op != "delete") == new


def test_ophaevet_text_counts_as_the_same_tombstone() -> None:
    """Some readers leave "§ 4. (Ophævet.)" as text; it equals a repealed=True tombstone."""
    as_text = BASE.with_(children=(*BASE.children[:4], par("4", stk("1", "(Ophævet.)", "p4-stk1"))))
    as_tombstone = BASE.with_(children=(*BASE.children[:4], par("4", repealed=True)))
    assert diff_documents(as_text, as_tombstone).changes == ()
    assert kinds(diff_documents(BASE, as_text).changes) == [("repealed", "§ 4")]
