"""Amender: a quoted noun that the unit holds only in its genitive -s form (GENITIVE_FORM, amender.genitive).

"»5 uger« til: »4 uger«" where the punktum reads "op til 5 ugers ferie" gives "op til 4 ugers ferie", as the
official consolidation prints it. Cases are real excerpts in tests/data/amend; a lawyer can add a row."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate
from lovkons.amender.genitive import _noun_phrase
from lovkons.amender.manifest import read_doc, read_order
from lovkons.amender.textops import takes_s
from lovkons.parsers.sentences import split_sentences
from tests.amender_trees import at

DATA = Path(__file__).parent / "data" / "amend"
CODE = "GENITIVE_FORM"

# (words, whether a genitive -s can follow them)
WORDS = [
    ("rådet", True),
    ("5 uger", True),
    ("Det Finansielle Råd", True),
    ("kr", False),  # an abbreviation
    ("stk. 2", False),  # a number
    ("Finanstilsynets", False),  # already a genitive
    ("pct.", False),
]  # fmt: skip


@pytest.mark.parametrize(("words", "takes"), WORDS, ids=[w[0] for w in WORDS])
def test_words_a_genitive_s_can_follow(words: str, takes: bool) -> None:
    assert takes_s(words) is takes


def test_five_weeks_of_holiday_become_four_in_the_genitive_too() -> None:
    """LOV 296/2016 § 1, nr. 2: "I § 13, stk. 11, 1. og 6. pkt., og § 54 a, stk. 1, 1. og 5. pkt., ændres »5 uger«
    til: »4 uger«"; each 1. pkt. reads "op til 5 ugers ferie". LBK 468/2016 prints "4 ugers" and "4 uger"; before,
    the 1. pkt.'s change went to the 5. pkt. (the only "5 uger" of the stk.) and the 5. pkt.'s was refused."""
    case = DATA / "genitive-2016"
    result = consolidate(read_doc(case / "base.xml"), [read_order(case / "order.xml")])
    expected = read_doc(case / "expected.xml")
    for unit, pkts in (("§ 13, stk. 11", (1, 6)), ("§ 54 a, stk. 1", (1, 5))):
        ours, theirs = split_sentences(at(result.document, unit).text), split_sentences(at(expected, unit).text)
        for pkt in pkts:
            assert ours[pkt - 1] == theirs[pkt - 1]
    said = {p.address for p in result.problems if p.code == CODE}
    assert said == {"§ 13, stk. 11, 1. pkt.", "§ 54 a, stk. 1, 1. pkt."}
    assert not [p for p in result.problems if p.severity == "error"]


def test_the_council_becomes_the_board_in_the_genitive() -> None:
    """LOV 268/2014 § 16, nr. 3: "»rådet« ændres til: »bestyrelsen«" in a stk. reading "inden for rådets
    kompetenceområde"; LBK 216/2017 § 71, stk. 2, prints "inden for bestyrelsens kompetenceområde"."""
    case = DATA / "genitive-2014"
    result = consolidate(read_doc(case / "base.xml"), [read_order(case / "order.xml")])
    text = at(result.document, "§ 71, stk. 2").text
    assert "inden for bestyrelsens kompetenceområde" in text and "rådet" not in text and "Råd" not in text
    assert [p.code for p in result.problems if p.address == "§ 71, stk. 2"] == [CODE]


@pytest.mark.parametrize(("words", "noun"), [
    ("rådet", True), ("5 uger", True), ("bestyrelsen", True), ("kommunerne", True), ("Finanstilsynet", True),
    ("betale", False),  # "skal betales": a passive, not a genitive
    ("afholde", False),  # "Udgifterne afholdes"
    ("forsikring", False),  # "forsikrings- og pensionsselskaber": a compound's joining -s
])
def test_only_a_noun_phrase_is_read_in_its_genitive(words: str, noun: bool) -> None:
    assert _noun_phrase(words) is noun
