"""Which change blocks are the base's: the opening cites the base (its number and year, a law an LBK
consolidates, or its title) — never an act listed after "som ændret ved", "som ændret bl.a. ved", "som ændret
senest ved": those amended the law the block is about. Real openings; a lawyer can add a row."""

from __future__ import annotations

import datetime as dt

import pytest

from lovkons.amender.citing import base_refs, cites_base
from lovkons.model.document import Document, Meta
from lovkons.model.edits import ChangeBlock, DocRef

FORVALTERLOVEN = Document(Meta("LOV", 598, 2013, dt.date(2013, 6, 12),
                               "Lov om forvaltere af alternative investeringsfonde m.v."))

ROWS = [
    # LOV 268/2014 § 1: finansiel virksomhed, amended "bl.a." by LOV 598/2013 § 197 — not the forvalterlov
    ("I lov om finansiel virksomhed, jf. lovbekendtgørelse nr. 948 af 2. juli 2013, som ændret bl.a. ved § 2 i lov nr. "
     "512 af 17. juni 2008, § 197 i lov nr. 598 af 12. juni 2013, foretages følgende ændringer:",
     DocRef("LBK", 948, dt.date(2013, 7, 2), "lov om finansiel virksomhed"), False),
    ("I lov om finansiel virksomhed, jf. lovbekendtgørelse nr. 948 af 2. juli 2013, som ændret senest ved § 197 i lov "
     "nr. 598 af 12. juni 2013, foretages følgende ændringer:",
     DocRef("LBK", 948, dt.date(2013, 7, 2), "lov om finansiel virksomhed"), False),
    ("I lov om finansiel virksomhed, jf. lovbekendtgørelse nr. 948 af 2. juli 2013, som ændret ved § 197 i lov nr. 598 "
     "af 12. juni 2013, foretages følgende ændringer:",
     DocRef("LBK", 948, dt.date(2013, 7, 2), "lov om finansiel virksomhed"), False),
    # LOV 268/2014 § 4: the forvalterlov itself
    ("I lov nr. 598 af 12. juni 2013 om forvaltere af alternative investeringsfonde m.v. foretages følgende ændringer:",
     DocRef("LOV", 598, dt.date(2013, 6, 12), "lov om forvaltere af alternative investeringsfonde m.v."), True),
]


@pytest.mark.parametrize(("opening", "target", "cites"), ROWS, ids=[str(i) for i in range(len(ROWS))])
def test_a_block_is_the_bases_only_when_its_opening_cites_the_base(opening: str, target: DocRef, cites: bool) -> None:
    block = ChangeBlock("1", target, opening)
    assert cites_base(block, FORVALTERLOVEN, base_refs(FORVALTERLOVEN)) is cites
