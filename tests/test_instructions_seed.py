"""Seed 003 (BEK Æ, 31 items, target BEK 1676/2006): every item read exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lovkons.model.document import Kind, Node
from lovkons.model.edits import Insert, Replace
from lovkons.parsers.instructions import read_amending_file
from tests.instructions_describe import describe

SEED = Path(__file__).parent / "data" / "seeds" / "003_6ecaac0d05ef115e.txt"
DOC = read_amending_file(SEED)

EXPECTED = {
    1: "insert_text § 2, nr. 7 @after [lov om social pension → eller lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension m.v.]",
    2: "replace_text § 2, nr. 8 [til, og → til,]",
    3: "replace_text § 2, nr. 9 [jf. § 97. → jf. § 97, og]",
    4: "insert § 2 @end {nr 10}",
    5: "insert § 3, stk. 4 @after {stk 5,stk 6}",
    6: "replace_text § 4, stk. 2 [§ 2, nr. 2-7 og 9 → § 2, nr. 2-7, 9 og 10]",
    7: "insert § 5 @after in afsnit I {paragraf 5 a,paragraf 5 b,paragraf 5 c,paragraf 5 d,paragraf 5 e,paragraf 5 f,paragraf 5 g,paragraf 5 h}",
    8: "insert_text § 30, stk. 2 @after [lov om social pension, → lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension m.v.]",
    9: "repeal § 33, stk. 2",
    10: "replace_text § 38, stk. 1 [§ 33, stk. 1, 2. pkt. → § 33, 2. pkt.]",
    11: "repeal § 38, stk. 2",
    12: "insert_text § 39, stk. 2 @after [lov om social pension, → lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension m.v.]",
    13: "insert § 41, stk. 1 @after {stk 2}",
    14: "replace § 42, stk. 1 {stk}",
    15: "repeal § 42, stk. 4",
    16: "insert § 42 @after {paragraf 42 a}",
    17: "insert § 43, stk. 1 @after {stk 2} ; renumber § 43, stk. 2 [ → 3]",
    18: "replace § 47, stk. 3 {stk 3}",
    19: "repeal § 47, stk. 4 ; repeal § 47, stk. 5",
    20: "replace § 64, stk. 1, 2. pkt. [ → Jobplanen skal være drøftet med personen ved en jobsamtale.]",
    21: "insert § 76, stk. 1 @after {stk 2} ; renumber § 76, stk. 2 [ → 3] ; renumber § 76, stk. 3 [ → 4]",
    22: "replace_text § 83, stk. 1 [§ 2, nr. 1, 4, og 5 → § 2, nr. 1, 4, 5 og 7]",
    23: "replace_text § 90, stk. 1 [§ 2, nr. 1, 4, og 5 → § 2, nr. 1, 4, 5 og 7]",
    24: "insert § 134 @after in afsnit IV {paragraf 134 a,paragraf 134 b,paragraf 134 c,kapitel 12 a}",
    25: "insert § 142 @after in kapitel 13 {paragraf 142 a}",
    26: "replace_text § 156, stk. 3 [§ 155 → § 154]",
    27: "insert § 166 @after {paragraf 166 a,paragraf 166 b}",
    28: "insert § 172, stk. 1 @after {stk 2}",
    29: "insert § 180, stk. 1 @after {stk 2} ; renumber § 180, stk. 2 [ → 3]",
    30: "replace § 188 {paragraf 188}",
    31: "replace_text § 203, stk. 3 [1. januar 2008 → 1. januar 2009]",
}


def test_change_block_target() -> None:
    (block,) = DOC.changes
    assert (block.target.kind, block.target.number, block.target.date) == ("BEK", 1676, dt.date(2006, 12, 19))
    assert block.target.title == "bekendtgørelse om en aktiv beskæftigelsesindsats"
    assert [it.number for it in block.items] == list(range(1, 32))


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_item(number: int) -> None:
    item = DOC.changes[0].items[number - 1]
    assert describe(item.operations) == EXPECTED[number]
    assert item.in_force == dt.date(2007, 3, 3)
    assert all(op.source is not None and op.source.item == number for op in item.operations)


def test_item_24_payload_has_headings_and_new_chapter() -> None:
    (op,) = DOC.changes[0].items[23].operations
    assert isinstance(op, Insert)
    kinds = [n.kind for n in op.payload]
    assert kinds[0] is Kind.OVERSKRIFT
    chapter = op.payload[-1]
    assert (chapter.kind, chapter.label) == (Kind.KAPITEL, "12 a")
    assert any(n.kind is Kind.PARAGRAF and n.label == "134 d" for n in chapter.walk())


def test_item_30_tolerated_with_warning_and_commencement() -> None:
    codes = [(p.code, p.severity, p.line) for p in DOC.problems]
    assert ("TOLERATED_PUNCTUATION", "warning", DOC.changes[0].items[29].line) in codes
    assert [(c.date, c.applies_to) for c in DOC.commencement] == [(dt.date(2007, 3, 3), "all")]
    assert len(DOC.transitional) == 1 and "28. februar 2010" in DOC.transitional[0]


# ------------------------------------------------------------------ exact payload texts
# Typed from the seed document itself (line breaks joined by one space; the seed's own slips such
# as "§§ 119 128." and "kapitlerne 1012" kept as printed).

_Shape = tuple[str, str | None, str | None, str, tuple["_Shape", ...]]


def _shape(node: Node) -> _Shape:
    """(kind, label, heading, text, children) of a payload node, recursively."""
    return (node.kind.value, node.label, node.heading, node.text, tuple(_shape(c) for c in node.children))


def _stk(label: str | None, text: str, *children: _Shape) -> _Shape:
    return ("stk", label, None, text, children)


def _nr(label: str, text: str) -> _Shape:
    return ("nr", label, None, text, ())


def _paragraf(label: str, *stks: _Shape) -> _Shape:
    return ("paragraf", label, None, "", stks)


_NR_10 = (
    "personer, der ikke er i beskæftigelse, og som ikke opfylder betingelserne for at modtage dagpenge "
    "efter lov om arbejdsløshedsforsikring m.v. eller kontanthjælp eller starthjælp efter lov om aktiv "
    "socialpolitik."
)
_P134A = _paragraf(
    "134 a",
    _stk(
        "1",
        "Personer, der er omfattet af § 2, nr. 2 og 3, har ret til at indgå aftale med en privat "
        "arbejdsgiver og få tilbud om ansættelse med løntilskud.",
    ),
    _stk(
        "2",
        "Det er en betingelse for tilbuddet,",
        _nr(
            "1",
            "at personen har modtaget kontanthjælp, starthjælp, introduktionsydelse eller har været i "
            "tilbud efter kapitel 10-12 i 140 uger inden for de seneste 156 uger, og",
        ),
        _nr(
            "2",
            "at virksomheden opfylder betingelserne om merbeskæftigelse og om forholdet mellem antal "
            "ansatte med og uden tilskud for så vidt angår private virksomheder, jf. §§ 119 128.",
        ),
    ),
    _stk(
        "3",
        "Perioder med tilbud efter stk. 1 kan ikke medregnes i opgørelsen af de 140 uger i stk. 2, nr. 1.",
    ),
    _stk("4", "§§ 114 og 116 finder tilsvarende anvendelse ved ansættelse med løntilskud efter stk. 1."),
    _stk(
        "5",
        "Personer under 30 år, som ikke har gennemført en uddannelse, der berettiger til optagelse i en "
        "arbejdsløshedskasse, kan ikke indgå en aftale efter stk. 1.",
    ),
)
_P134B = _paragraf(
    "134 b",
    _stk(
        "1",
        "Ved aftaler om ansættelse med løntilskud efter § 134 a skal kommunen i jobcenteret alene påse, at "
        "betingelserne i § 134 a, stk. 2, er opfyldt. Kommunen i jobcenteret skal ikke foretage en "
        "vurdering efter § 53, stk. 2.",
    ),
    _stk("2", "Reglerne om jobplan i kapitel 8 finder ikke anvendelse."),
)
_P134C = _paragraf(
    "134 c",
    _stk("1", "Ved ansættelse efter § 134 a udgør løntilskuddet pr. time 90,14 kr. (pr. 1. januar 2006)."),
    _stk(
        "2",
        "Arbejdsgiveren og den ledige aftaler varigheden af løntilskudsperioden, der kan være op til "
        "sammenhængende 12 måneder.",
    ),
)
_P134D = _paragraf(
    "134 d",
    _stk(
        "1",
        "Kommunen i jobcenteret kan efter en konkret vurdering give personer, der er omfattet af § 2, nr. "
        "10, tilbud efter kapitel 10-12 og tillægsydelser efter kapitel 13 og 14.",
    ),
    _stk(
        "2",
        "Personer, der er omfattet af § 2, nr. 10, og som ikke har andre problemer end ledighed, kan få "
        "tilbud og tillægsydelser efter de regler, der gælder for personer omfattet af § 2, nr. 2, i "
        "kapitlerne 1012, 13 og 14, jf. dog stk. 4 og 5.",
    ),
    _stk(
        "3",
        "Personer, der er omfattet af § 2, nr. 10, og som har andre problemer end ledighed, kan få tilbud "
        "og tillægsydelser efter de regler, der gælder for personer omfattet af § 2, nr. 3, i kapitlerne "
        "1012, 13 og 14, jf. dog stk. 4 og 5.",
    ),
    _stk(
        "4",
        "Tilbud efter kapitel 10 til personer omfattet af § 2, nr. 10, kan højst vare i op til 6 uger, "
        "medmindre danskundervisning indgår som en betydelig del af tilbuddet. Den samlede varighed kan "
        "ikke overstige 26 uger. Bestemmelserne i §§ 73-76 om varighed finder ikke anvendelse.",
    ),
    _stk(
        "5",
        "Bestemmelserne om ydelser m.v. i §§ 8284 og §§ 8991 finder ikke anvendelse for personer omfattet "
        "af § 2, nr. 10.",
    ),
)

EXPECTED_PAYLOADS: dict[int, tuple[_Shape, ...]] = {
    4: (_nr("10", _NR_10),),
    5: (
        _stk(
            "5",
            "For personer, der er omfattet af § 2, nr. 9, gælder § 97 om virksomhedspraktik til særligt "
            "udsatte unge under 18 år.",
        ),
        _stk(
            "6",
            "For personer, der er omfattet af § 2, nr. 10, gælder kapitel 12 a om tilbud til ledige "
            "selvforsørgende.",
        ),
    ),
    14: (
        _stk(
            None,
            "For personer, der er omfattet af § 2, nr. 1-3, skal der under kontaktforløbet afholdes "
            "individuelle jobsamtaler med fokus på konkrete job og jobsøgning. Under jobsamtalen "
            "tilrettelægges kontaktforløbet og indholdet i beskæftigelsesindsatsen fastlægges, ligesom "
            "der følges op på indgåede aftaler.",
        ),
    ),
    24: (
        (
            "overskrift",
            None,
            None,
            "Særlig løntilskudsordning for langtidsledige kontant- og starthjælpsmodtagere",
            (),
        ),
        _P134A,
        _P134B,
        _P134C,
        ("kapitel", "12 a", "Tilbud til ledige selvforsørgende", "", (_P134D,)),
    ),
    30: (
        _paragraf(
            "188",
            _stk(
                "1",
                "Ved kommunen i jobcenterets formidling efter § 30, stk. 2, underretter kommunen i "
                "jobcenteret staten i jobcenteret om, at vedkommende er henvist til arbejde samt om "
                "resultatet af formidlingen.",
            ),
        ),
    ),
}


@pytest.mark.parametrize("number", sorted(EXPECTED_PAYLOADS))
def test_structural_payload_text(number: int) -> None:
    (op,) = DOC.changes[0].items[number - 1].operations
    assert isinstance(op, Insert | Replace)
    assert tuple(_shape(n) for n in op.payload) == EXPECTED_PAYLOADS[number]


def test_item_20_new_sentence_text() -> None:
    (op,) = DOC.changes[0].items[19].operations
    assert isinstance(op, Replace)
    assert op.new == "Jobplanen skal være drøftet med personen ved en jobsamtale."
