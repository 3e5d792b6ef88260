"""Numbered definitions with a full-stop nr. ("1. Akseltryk: …", older laws such as færdselsloven
§ 2): read as nr. from the LexDania XML (unlabelled Stk elements) and from an amending act's quote,
so "§ 2, nr. 5" resolves and a new definition lands as the official consolidation prints it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Kind, Node
from lovkons.parsers.text import parse_fragment
from lovkons.review.evaluate import paragraf_map

LAWS = Path(__file__).parent / "data" / "structure"
BASE = LAWS / "LBK-2011-1047.xml"  # færdselsloven, LBK 1047/2011
ORDER = LAWS / "LOV-2011-479.xml"  # § 1, nr. 1: a new nr. 6 "Førerret" in § 2
OFFICIAL = LAWS / "LBK-2012-1055.xml"  # the LBK that incorporates it


def _stk1(path: Path) -> Node:
    par = next(p for p in read_doc(path).walk() if p.kind is Kind.PARAGRAF and p.label == "2")
    return par.children[0]


# (nr., start of its text) in færdselsloven § 2 as LBK 1047/2011 prints it; a lawyer can add rows
FAERDSELSLOV_2 = [
    ("1", "Akseltryk: det tryk, der overføres til vejen fra hjulene på en aksel."),
    ("5", "Fodgængerfelt: den del af vejen, som er bestemt for gående ved passage over kørebane"),
    ("15", "Motorvej og motortrafikvej: vej, som er forbeholdt færdsel med motorkøretøjer"),
    ("28", "Vognbane: enhver af de baner, i hvilke kørebanen kan deles"),
]


@pytest.mark.parametrize(("label", "start"), FAERDSELSLOV_2)
def test_definition_list_of_unlabelled_stk_is_read_as_nr(label: str, start: str) -> None:
    stk = _stk1(BASE)
    assert stk.text == "I denne lov forstås ved:"
    nrs = {n.label: n for n in stk.children}
    assert [n.kind for n in stk.children] == [Kind.NR] * 28
    assert list(nrs) == [str(i) for i in range(1, 29)]
    assert nrs[label].text.startswith(start)


# (quoted text, kind expected, the nr.'s label and text or None)
QUOTES = [
    # LOV 479/2011 § 1, nr. 1 ("I § 2 indsættes efter nr. 5 som nyt nummer: »6. Førerret: …«")
    ("6. Førerret: retten til at føre motordrevet køretøj, hvortil der kræves kørekort, bortset fra lille knallert.",
     Kind.NR, ("6", "Førerret: retten til at føre motordrevet køretøj, hvortil der kræves kørekort, bortset fra lille knallert.")),
    # a numbered sentence without a defined term is no definition (LBK 1222/2010, CO2-kvoteloven § 20)
    ("3. Såfremt en driftsleder eller en luftfartsoperatør ikke har opfyldt sin forpligtelse til at returnere "
     "kvoter efter § 26, stk. 2, fradrages den skyldige mængde kvoter inden førstkommende kvotetildeling til "
     "driftslederen.", Kind.NR, None),
    # without a nr. expected, the quote stays text
    ("6. Førerret: retten til at føre motordrevet køretøj.", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expect", "nr"), QUOTES)
def test_quoted_definition(text: str, expect: Kind | None, nr: tuple[str, str] | None) -> None:
    nodes = parse_fragment(text, expect=expect)
    got = (nodes[0].label, nodes[0].text) if len(nodes) == 1 and nodes[0].kind is Kind.NR else None
    assert got == nr


def test_new_definition_applied_as_the_official_consolidation_prints_it() -> None:
    result = consolidate(read_doc(BASE), [read_order(ORDER)], parts={"LOV 479/2011": "§ 1, nr. 1"})
    assert not [p for p in result.problems if p.severity == "error"]
    assert paragraf_map(result.document)["2"] == paragraf_map(read_doc(OFFICIAL))["2"]
