"""Amender: one instruction, several places (amender.places) — every place named gets the operation,
each unit's share on its own under the atomic grain, and no place of a group is passed over in silence
(GROUP_PLACE_UNAPPLIED). Table rows are real instruction sentences on the real text of the units they
name; a lawyer can add one: the sentence, the base units and what the LBK prints at each place."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.amender.places import each_place
from lovkons.model.document import Document, Kind, Meta, Node, Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import at, order, par, stk

# LBK 1112/2010 (registreringsafgiftsloven) § 3 a, stk. 4, and § 3 b, stk. 3, as they read before LOV 1361/2010
OLD_RENTE = ("Forrentningen sker med den på tidspunktet for afgiftsberegningen {0} offentliggjorte officielle "
             "udlånsrente, som Nationalbanken har fastsat henholdsvis pr. den 1. januar og den 1. juli det "
             "pågældende år med et tillæg af 2,3 procentpoint p.a.")
FIRST = "Ved betaling tillægges endvidere en forrentning af den del af den beregnede registreringsafgift, der resterer efter betaling."
DEPOSIT = "Ved betaling første gang betales desuden et depositum svarende til første kvartals afgift, rente og tillæg."
NEW_RENTE = ("Forrentningen sker med den af Danmarks Statistik på tidspunktet for afgiftsberegningen senest "
             "offentliggjorte gennemsnitlige udlånsrente fra pengeinstitutter til ikkefinansielle selskaber, der "
             "foreligger pr. 1. januar, henholdsvis pr. 1. juli.")


def _registreringsafgift() -> Document:
    children = (
        par("3 a", stk("1", "Told- og skatteforvaltningen afgør efter ansøgning."),
            stk("4", f"{FIRST} {OLD_RENTE.format('seneste')} {DEPOSIT}")),
        par("3 b", stk("1", "Told- og skatteforvaltningen kan efter ansøgning meddele tilladelse."),
            stk("3", f"{FIRST} {OLD_RENTE.format('senest')}")),
    )  # fmt: skip
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"),
                               "", (Node(Kind.KAPITEL, "1", heading="Afgiften", children=children),)))


# (source, sentence, {place: the text the LBK prints there}, problem codes)
PLACES = [
    ("LOV 1361/2010 § 10, nr. 1 (LBK 124/2011): two §§, the same new 2. pkt. in each",
     f"§ 3 a, stk. 4, 2. pkt., og § 3 b, stk. 3, 2. pkt., affattes således: »{NEW_RENTE}«",
     {"§ 3 a, stk. 4": f"{FIRST} {NEW_RENTE} {DEPOSIT}", "§ 3 b, stk. 3": f"{FIRST} {NEW_RENTE}"}, []),
    ("LOV 310/2015 § 1, nr. 35 shape (LBK 809/2015 § 53): two stk. of one §, each its 2. pkt. recast",
     f"§ 3 b, stk. 1, 1. pkt., og stk. 3, 2. pkt., affattes således: »{NEW_RENTE}«",
     {"§ 3 b, stk. 1": NEW_RENTE, "§ 3 b, stk. 3": f"{FIRST} {NEW_RENTE}"}, []),
    ("one place missing (§ 3 b, stk. 3 has no 3. pkt.): refused by its name, the § 3 a place applied",
     f"§ 3 a, stk. 4, 2. pkt., og § 3 b, stk. 3, 3. pkt., affattes således: »{NEW_RENTE}«",
     {"§ 3 a, stk. 4": f"{FIRST} {NEW_RENTE} {DEPOSIT}", "§ 3 b, stk. 3": f"{FIRST} {OLD_RENTE.format('senest')}"},
     [("TARGET_NOT_FOUND", "§ 3 b, stk. 3, 3. pkt.")]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "sentence", "expected", "codes"), PLACES, ids=[p[0] for p in PLACES])
def test_every_place_gets_the_new_text(name: str, sentence: str, expected: dict[str, str],
                                       codes: list[tuple[str, str]]) -> None:
    ops, problems = parse_instruction(sentence, Source("LOV 1361/2010", "10", 1))
    assert problems == ()
    assert len(ops) == 1 and len(ops[0].group) == 2  # type: ignore[union-attr]  # one operation, both places
    result = consolidate(_registreringsafgift(), [order(Item(1, sentence, tuple(ops), line=3))])
    assert {k: at(result.document, k).text for k in expected} == expected
    assert [(p.code, p.address) for p in result.problems] == codes


def test_one_unit_run_stays_one_operation() -> None:
    # "§ 10, stk. 3, 1. og 2. pkt., … ophæves, og i stedet indsættes" (LOV 2017 on § 10): one run, one splice
    ops, _ = parse_instruction("§ 3 a, stk. 4, 1. og 2. pkt., ophæves, og i stedet indsættes: »Ny tekst.«",
                               Source("LOV", "1", 1))
    assert each_place(ops) == tuple(ops)


def test_split_gives_each_unit_its_places_in_order() -> None:
    ops, _ = parse_instruction("§ 3 a, stk. 4, 2. og 3. pkt., og § 3 b, stk. 3, 2. pkt., affattes således: »Ny.«",
                               Source("LOV", "1", 1))
    split = each_place(ops)
    assert [(str(op.target), [str(a) for a in op.group]) for op in split] == [  # type: ignore[union-attr]
        ("§ 3 a, stk. 4, 2. pkt.", ["§ 3 a, stk. 4, 2. pkt.", "§ 3 a, stk. 4, 3. pkt."]),
        ("§ 3 b, stk. 3, 2. pkt.", ["§ 3 b, stk. 3, 2. pkt."])]


# a punktum and a whole unit in one group: the recast cannot take both the same way; refused naming the
# place it would have left, rather than applied at the others alone
MIXED = [
    f"§ 3 a, stk. 4, 2. pkt., og § 3 b, stk. 3, affattes således: »{NEW_RENTE}«",
    f"§ 3 a, stk. 4, og § 3 b, stk. 3, 2. pkt., affattes således: »{NEW_RENTE}«",
]


@pytest.mark.parametrize("sentence", MIXED)
def test_a_place_the_operation_cannot_reach_is_refused_not_skipped(sentence: str) -> None:
    ops, _ = parse_instruction(sentence, Source("LOV", "1", 1))
    assert len(ops) == 1 and len(ops[0].group) == 2  # type: ignore[union-attr]
    result = consolidate(_registreringsafgift(), [order(Item(1, sentence, tuple(ops), line=3))])
    assert [p.code for p in result.problems] == ["GROUP_PLACE_UNAPPLIED"]
    assert "§ 3 b, stk. 3" in result.problems[0].message
    assert at(result.document, "§ 3 a, stk. 4").text == f"{FIRST} {OLD_RENTE.format('seneste')} {DEPOSIT}"
