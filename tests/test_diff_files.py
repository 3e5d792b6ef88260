"""lovkons.review.diff on real file pairs: official consolidations (LBK) before and after an amending act.

Golden text and Markdown outputs live in tests/golden/diff/; regenerate with LOVKONS_REGEN=1.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lovkons.model.document import Document
from lovkons.parsers.lexdania import parse_lexdania
from lovkons.parsers.read import read_document
from lovkons.renderers.diff_markdown import render_diff_markdown
from lovkons.renderers.diff_text import render_diff_text
from lovkons.review.diff import DocumentDiff, diff_documents

LAWS = Path(__file__).parent / "data" / "laws"
GOLDEN = Path(__file__).parent / "golden" / "diff"


def law(ident: str) -> Document:
    path = LAWS / ident / f"{ident}.xml"
    return parse_lexdania(path.read_bytes(), file=str(path)).document


def diff_pair(old: str, new: str) -> DocumentDiff:
    return diff_documents(law(old), law(new))


def entries(diff: DocumentDiff) -> list[tuple[str, str, str | None]]:
    return [(c.kind, c.address, c.old_address) for c in diff.changes]


def test_oekologiloven_lov_341_2011_inserts_heading_and_paragraf_15a() -> None:
    """LBK 196/2009 → LBK 416/2011: § 7 of LOV 341/2011 inserts a heading and § 15 a."""
    diff = diff_pair("LBK-2009-196", "LBK-2011-416")
    assert entries(diff) == [
        ("changed", "indledningen", "indledningen"),  # "Herved bekendtgøres …" names the new basis
        ("inserted", "overskriften før § 15 a", None),
        ("inserted", "§ 15 a", None),
    ]
    assert diff.changes[1].new == "Obligatorisk digital kommunikation"
    assert diff.changes[2].new is not None and diff.changes[2].new.count("\nStk. ") == 5


def test_stk_inserted_before_others_is_insertion_plus_renumbering() -> None:
    """LBK 439/2011 → LBK 400/2012 (landinspektørvirksomhed): § 4 a gets new stk. 2 and stk. 6."""
    diff = diff_pair("LBK-2011-439", "LBK-2012-400")
    p4a = [e for e in entries(diff) if e[1].startswith("§ 4 a")]
    assert p4a == [
        ("changed", "§ 4 a, stk. 1", "§ 4 a, stk. 1"),
        ("inserted", "§ 4 a, stk. 2", None),
        ("renumbered", "§ 4 a, stk. 3", "§ 4 a, stk. 2"),
        ("renumbered", "§ 4 a, stk. 4", "§ 4 a, stk. 3"),
        ("renumbered", "§ 4 a, stk. 5", "§ 4 a, stk. 4"),
        ("inserted", "§ 4 a, stk. 6", None),
        ("renumbered", "§ 4 a, stk. 7", "§ 4 a, stk. 5"),
        ("renumbered", "§ 4 a, stk. 8", "§ 4 a, stk. 6"),
    ]
    assert not any(c.text_changed for c in diff.changes if c.kind == "renumbered")


def test_stk_repealed_renumbers_the_following_one() -> None:
    """LBK 18/2010 → LBK 415/2011: LOV 341/2011 § 6, nr. 3 repeals § 26 a, stk. 3; stk. 4 becomes 3."""
    got = entries(diff_pair("LBK-2010-18", "LBK-2011-415"))
    assert ("repealed", "§ 26 a, stk. 3", "§ 26 a, stk. 3") in got
    assert ("renumbered", "§ 26 a, stk. 3", "§ 26 a, stk. 4") in got
    assert ("inserted", "§ 26 a, stk. 6", None) in got


def test_paragraf_text_change_has_word_level_edits() -> None:
    diff = diff_pair("LBK-2011-439", "LBK-2012-400")
    (p9,) = [c for c in diff.changes if c.address == "§ 9"]
    assert p9.kind == "changed"
    assert ("delete", "dommer") in p9.words and ("insert", "landsdommer") in p9.words


@pytest.mark.parametrize("ident", ["LBK-2009-196", "LBK-2012-400", "BEK-2007-1292"])
def test_document_against_itself_is_empty(ident: str) -> None:
    if ident.startswith("BEK"):
        document = read_document(Path(__file__).parent / "data" / "bek" / ident / f"{ident}.txt").document
    else:
        document = law(ident)
    assert diff_documents(document, document).changes == ()


GOLDEN_PAIRS = [("LBK-2009-196", "LBK-2011-416"), ("LBK-2011-439", "LBK-2012-400")]


@pytest.mark.parametrize(("old", "new"), GOLDEN_PAIRS, ids=[f"{a}..{b}" for a, b in GOLDEN_PAIRS])
@pytest.mark.parametrize("form", ["txt", "md"])
def test_golden_output(old: str, new: str, form: str) -> None:
    diff = diff_pair(old, new)
    got = render_diff_text(diff) if form == "txt" else render_diff_markdown(diff)
    golden = GOLDEN / f"{old}..{new}.{form}"
    if os.environ.get("LOVKONS_REGEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
    assert golden.is_file(), f"missing golden file {golden}; run with LOVKONS_REGEN=1"
    assert got == golden.read_text(encoding="utf-8")
