"""Amender: a list whose members begin in lower case and whose last member ends with the full stop (a
sætningskæde) is one sentence with the words that lead into it, so it is part of that punktum: repealing the
punktum, or putting a closed sentence in its place, takes the list with it (said: PKT_WITH_ITS_LIST). New
words that stop open lead into the list as the old ones did, and the list stays. Rows are real."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.model.document import Document, Kind, Meta, Node, Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import order

# servicelovens § 140, stk. 3 as LBK 1096/2010 prints it (its list is one sentence with the 2. pkt.)
_INTRO = ("En handleplan skal angive formålet med indsatsen, og hvilken indsats der er nødvendig for at opnå formålet. "
          "Handleplanen skal bygge på de undersøgelser, der er gennemført, jf. § 50, og opstille mål og delmål i forhold "
          "til barnets eller den unges")
_LIST = ("udvikling og adfærd,", "familieforhold,", "skoleforhold,", "sundhedsforhold,", "fritid og venskaber og",
         "andre relevante forhold.")
# LOV 628/2010 § 1, nr. 65 (on the stand-in § 7, stk. 1)
_NEW = ("Handleplanen skal tage udgangspunkt i resultaterne af den børnefaglige undersøgelse af barnets eller den unges "
        "forhold, jf. § 50. Handleplanen skal i forhold til de problemer, der er afdækket i undersøgelsen, indeholde "
        "konkrete mål i forhold til barnets eller den unges trivsel og udvikling i overensstemmelse med det overordnede "
        "formål med støtten, jf. § 46. Herudover skal handleplanen for unge, der er fyldt 16 år, opstille konkrete mål "
        "for den unges overgang til voksenlivet.")
_FIRST = "En handleplan skal angive formålet med indsatsen, og hvilken indsats der er nødvendig for at opnå formålet."

# (source, instruction, the stk.'s text after, its list after)
ROWS = [
    ("LOV 628/2010 § 1, nr. 65; LBK 81/2011 § 140, stk. 3 prints no list",
     f"§ 7, stk. 1, 2. pkt., ophæves, og i stedet indsættes: »{_NEW}«", f"{_FIRST} {_NEW}", ()),
    ("the same punktum recast by 'affattes således'",
     f"§ 7, stk. 1, 2. pkt., affattes således: »{_NEW}«", f"{_FIRST} {_NEW}", ()),
    ("the punktum repealed", "§ 7, stk. 1, 2. pkt., ophæves.", _FIRST, ()),
    ("new words that stop open lead into the list: it stays",
     "§ 7, stk. 1, 2. pkt., affattes således: »Handleplanen skal opstille mål i forhold til barnets«",
     f"{_FIRST} Handleplanen skal opstille mål i forhold til barnets", _LIST),
    ("the 1. pkt. does not run into the list: it stays", "§ 7, stk. 1, 1. pkt., ophæves.",
     _INTRO[len(_FIRST) + 1:], _LIST),
]  # fmt: skip


def _law() -> Document:
    nrs = tuple(Node(Kind.NR, str(i), text=t) for i, t in enumerate(_LIST, 1))
    par = Node(Kind.PARAGRAF, "7", children=(Node(Kind.STK, "1", text=_INTRO, children=nrs),))
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), None, (par,)))


@pytest.mark.parametrize(("name", "sentence", "text", "members"), ROWS, ids=[r[0] for r in ROWS])
def test_a_sentence_chain_goes_with_its_punktum(name: str, sentence: str, text: str, members: tuple[str, ...]
                                                ) -> None:
    ops, problems = parse_instruction(sentence, Source("LOV 1/2014", "1", 1))
    assert problems == ()
    result = consolidate(_law(), [order(Item(1, sentence, tuple(ops), line=3))])
    assert not [p for p in result.problems if p.severity == "error"]
    stk = result.document.children[0].children[0]
    assert stk.text == text
    assert tuple(c.text for c in stk.children) == members
    assert any(p.code == "PKT_WITH_ITS_LIST" for p in result.problems) == (not members)
