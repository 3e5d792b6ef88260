"""§ ranges with a lettered end ("§§ 62-62 c ophæves", "§§ 223 a-231 ophæves, og i stedet indsættes", "§§ 28-31
a ophæves"): the reader marks them as spans, the amender takes every live § standing between the ends in the
document (62 a, 62 b; 224 … 230) — never only the two ends. Real sentences; LOV 1253/2012 and LOV 633/2013.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.model.document import Document, Kind, Meta, Node, Source
from lovkons.parsers.instructions import read_amending_file
from lovkons.parsers.instructions.clauses import parse_instruction

DATA = Path(__file__).parent / "data" / "instr"

# (real sentence, its operations' targets, the spans the amender fills in)
ROWS = [
    ("§§ 62-62 c ophæves.", "repeal § 62 ; repeal § 62 c", "§ 62-§ 62 c"),  # LOV 1253/2012 § 1, nr. 1
    ("§§ 28-31 a ophæves.", "repeal § 28 ; repeal § 31 a", "§ 28-§ 31 a"),  # LOV 1364/2011 § 2, nr. 17
    ("§§ 14 a-16 ophæves.", "repeal § 14 a ; repeal § 16", "§ 14 a-§ 16"),  # LOV 1391/2012 § 1, nr. 19
    ("§§ 223 a-231 ophæves, og i stedet indsættes: »§ 224. Tekst.«", "repeal_and_insert § 223 a",
     "§ 223 a-§ 231"),  # LOV 633/2013 § 1, nr. 21
    ("§§ 7-9 ophæves.", "repeal § 7 ; repeal § 8 ; repeal § 9", ""),  # numbers only: complete as written
    ("§§ 67 d-67 f ophæves.", "repeal § 67 d ; repeal § 67 e ; repeal § 67 f", ""),  # same number: the letters
]


@pytest.mark.parametrize(("sentence", "ops", "spans"), ROWS, ids=[r[0][:24] for r in ROWS])
def test_range_with_a_lettered_end_is_a_span(sentence: str, ops: str, spans: str) -> None:
    read, problems = parse_instruction(sentence, Source("TEST", "1", 1))
    assert " ; ".join(f"{o.op} {o.target}" for o in read) == ops and not problems
    found = {f"{a}-{b}" for o in read for a, b in getattr(o, "spans", ())}
    assert found == ({spans} if spans else set())


def _par(label: str, text: str = "", repealed: bool = False) -> Node:
    kids = () if repealed else (Node(Kind.STK, "1", text=text or f"Tekst i § {label}."),)
    return Node(Kind.PARAGRAF, label, children=kids, repealed=repealed)


def _base(kind: str, number: int, date: dt.date, title: str, pars: tuple[Node, ...]) -> Document:
    return ensure_ids(Document(Meta(kind, number, date.year, date, title=title), None, pars))


def test_62_to_62_c_takes_the_lettered_paragraffer_between() -> None:
    order = read_amending_file(DATA / "LOV-2012-1253.xml")  # § 1, nr. 1: "§§ 62-62 c ophæves."
    pars = (_par("61"), Node(Kind.OVERSKRIFT, text="Kommunale fællesskaber"), _par("62"), _par("62 a"),
            _par("62 b", repealed=True), _par("62 c"), _par("63"))
    base = _base("LBK", 885, dt.date(2012, 8, 29), "Bekendtgørelse af lov om kommunernes styrelse", pars)
    result = consolidate(base, [order])
    gone = [n.label for n in result.document.children if n.kind is Kind.PARAGRAF and n.repealed]
    assert gone == ["62", "62 a", "62 b", "62 c"]
    assert not result.refused
    assert [c.kind for c in result.document.children][:2] == [Kind.PARAGRAF, Kind.OVERSKRIFT]  # heading before § 62 stays
    assert {a.target for a in result.applied} >= {"§ 62", "§ 62 a", "§ 62 c"}


def test_223_a_to_231_repealed_and_replaced_whole() -> None:
    order = read_amending_file(DATA / "LOV-2013-633.xml")  # § 1, nr. 21 (straffeloven)
    labels = ["223", "223 a", "224", "225", "226", "227", "228", "228 a", "229", "230", "231", "232"]
    base = _base("LBK", 1007, dt.date(2012, 10, 24), "Bekendtgørelse af straffeloven", tuple(_par(x) for x in labels))
    block = next(b for b in order.changes if b.target.number == 1007)
    one = type(order)(order.meta, (type(block)(block.paragraf, block.target, block.opening, block.amended_by,
                                                (block.items[20],)),))
    result = consolidate(base, [one])
    assert not result.refused
    live = {n.label: n for n in result.document.children if n.kind is Kind.PARAGRAF and not n.repealed}
    assert sorted(live, key=lambda x: (int(x.split()[0]), x)) == ["223", "224", "225", "226", "227", "228", "232"]
    assert live["224"].children[0].text.startswith("Den, der medvirker til, at en person under 18 år")
    assert live["223"].children[0].text == "Tekst i § 223." and live["232"].children[0].text == "Tekst i § 232."
