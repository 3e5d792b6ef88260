"""Punktum (pkt.) splitting: a table of real stk./nr. texts with their pkt. counts."""

from pathlib import Path

import pytest
import yaml

from lovkons.parsers.sentences import join_sentences, split_sentences

DATA = Path(__file__).parent / "data" / "sentences.yaml"
ROWS = yaml.safe_load(DATA.read_text(encoding="utf-8"))["sentences"]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_pkt_count(row: dict) -> None:
    assert len(split_sentences(row["text"])) == row["pkt"]


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_join_gives_text_back(row: dict) -> None:
    """Joined again, the punktummer are the text, but for a space put where the source glued two of them (a row with
    `glued`: the text as joined; amender.punktum says it, PKT_SPACE_PUT)."""
    assert join_sentences(split_sentences(row["text"])) == " ".join(row.get("glued", row["text"]).split())


def test_table_has_forty_real_sentences() -> None:
    assert len([r for r in ROWS if "-p" in r["id"]]) >= 40


def test_abbreviations_do_not_split() -> None:
    text = "Der ydes tilskud, jf. stk. 2, nr. 3, f.eks. til kurser, bl.a. ca. 5 pct. af lønnen m.v. i alt."
    assert split_sentences(text) == [text]


def test_second_pkt_is_element_one() -> None:
    parts = split_sentences("Loven gælder fra 1. januar 2009. Stk. 1, 2. pkt., finder anvendelse.")
    assert parts[1] == "Stk. 1, 2. pkt., finder anvendelse."
