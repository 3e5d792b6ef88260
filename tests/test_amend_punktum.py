"""Amender: which punktum an "N. pkt." names. Sentences are split as the law prints them (a company
form "A/S." ends a sentence) and are cited by their number before the amending act, so a sentence an
earlier item of the same act inserted shifts the count. Rows are real; a lawyer can add one."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.amender.resolve import moved_pkt, node_at, resolve_current
from lovkons.model.document import parse_address
from lovkons.parsers.sentences import split_sentences

DATA = Path(__file__).parent / "data" / "amend"

# (source, text, its punktummer)
SPLITS = [
    ("LBK 477/2010 § 6, stk. 1 (radio- og fjernsynsloven)",
     "Ejere af fællesantenneanlæg skal sikre fordeling af nyhedsudsendelser fra DR og TV 2/DANMARK A/S. "
     "Forpligtelsen til at fordele TV 2 gælder ikke, såfremt kulturministeren udnytter bemyndigelsen.",
     ["Ejere af fællesantenneanlæg skal sikre fordeling af nyhedsudsendelser fra DR og TV 2/DANMARK A/S.",
      "Forpligtelsen til at fordele TV 2 gælder ikke, såfremt kulturministeren udnytter bemyndigelsen."]),
    ("LBK 1298/2013 § 22, stk. 1 (a punktum opening with its citation of 1. pkt.)",
     "Gevinst og tab medregnes ved opgørelsen af den skattepligtige indkomst. 1. pkt. finder dog alene "
     "anvendelse, hvis årets nettogevinst overstiger 2.000 kr.",
     ["Gevinst og tab medregnes ved opgørelsen af den skattepligtige indkomst.",
      "1. pkt. finder dog alene anvendelse, hvis årets nettogevinst overstiger 2.000 kr."]),
    ("LBK 1113/2013 § 31, stk. 1 (after a number)",
     "Skattepligtige kan fradrage tab på kontrakter i det omfang, det angives i stk. 2-4. 1. pkt. omfatter kun "
     "kontrakter om aktier.",
     ["Skattepligtige kan fradrage tab på kontrakter i det omfang, det angives i stk. 2-4.",
      "1. pkt. omfatter kun kontrakter om aktier."]),
    ("after 'pct.' (ligningsloven)", "Fradraget kan højst udgøre 15 pct. 4. pkt. omfatter ikke aktier.",
     ["Fradraget kan højst udgøre 15 pct.", "4. pkt. omfatter ikke aktier."]),
    ("a citation after jf. is no new punktum", "Beløbet, jf. 1. pkt. og stk. 2, udbetales månedligt.",
     ["Beløbet, jf. 1. pkt. og stk. 2, udbetales månedligt."]),
    ("LBK 149/2015 § 13, stk. 1, nr. 2 (selskabsskatteloven): a lettered § is no initial",
     "Dette gælder dog kun udbytter af datterselskabsaktier, jf. aktieavancebeskatningslovens §§ 4 A og 4 B. "
     "Bestemmelsen i 1. pkt. omfatter ikke udbytter.",
     ["Dette gælder dog kun udbytter af datterselskabsaktier, jf. aktieavancebeskatningslovens §§ 4 A og 4 B.",
      "Bestemmelsen i 1. pkt. omfatter ikke udbytter."]),
    ("an initial stays inside its sentence", "Sagen afgøres af J. Hansen. Han er formand.",
     ["Sagen afgøres af J. Hansen.", "Han er formand."]),
    ("page abbreviation", "Se betænkningen s. 4 om reglerne.", ["Se betænkningen s. 4 om reglerne."]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "pkts"), SPLITS, ids=[r[0] for r in SPLITS])
def test_split(name: str, text: str, pkts: list[str]) -> None:
    assert split_sentences(text) == pkts


# (source, stk. before the act, stk. after its earlier items, pkt. cited, pkt. meant now)
MOVES = [
    ("LOV 1543/2010 § 1, nr. 3-4: a sentence inserted after 3. pkt.",
     "A er her. B er der. C er her. D udpeges af statsforvaltningen.",
     "A er her. B er der. C er her. Organisationen kan ansætte personer. D udpeges af statsforvaltningen.", 4, 5),
    ("a sentence rewritten keeps its place", "A er her. B er der. C er her.", "A er her. Nyt andet. C er her.", 3, 3),
    ("a repealed sentence moves the later ones up", "A er her. B er der. C er her.", "A er her. C er her.", 3, 2),
    ("the cited sentence itself is gone", "A er her. B er der. C er her.", "A er her. C er her.", 2, None),
]  # fmt: skip


@pytest.mark.parametrize(("name", "before", "now", "cited", "meant"), MOVES, ids=[r[0] for r in MOVES])
def test_punktum_cited_by_its_number_before_the_act(name: str, before: str, now: str, cited: int,
                                                     meant: int | None) -> None:
    assert moved_pkt(before, now, cited) == meant


@pytest.mark.parametrize(("case", "unit"), [("radio-tv-2010", "§ 6, stk. 1"), ("udlaendinge-2010", "§ 56 a, stk. 1")])
def test_case_punktum_as_the_official_consolidation(case: str, unit: str) -> None:
    # LOV 1360/2010 § 1, nr. 2 on LBK 477/2010 → LBK 988/2011; LOV 1543/2010 § 1, nr. 3-4 on LBK 1061/2010 → LBK 947/2011
    base, expected = read_doc(DATA / case / "base.xml"), read_doc(DATA / case / "expected.xml")
    result = consolidate(base, [read_order(DATA / case / "order.xml")])
    assert [p for p in result.problems if p.severity == "error"] == []
    ours = node_at(result.document, resolve_current(result.document, parse_address(unit)).path).text
    theirs = node_at(expected, resolve_current(expected, parse_address(unit)).path).text
    # LBK 947/2011 prints "repræsentant.Repræsentanten" without the space
    assert ours == theirs.replace("repræsentant.Repræsentanten", "repræsentant. Repræsentanten")
