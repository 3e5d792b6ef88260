"""Which document a change block amends, for the corpus graph (history.facts): the target, then the other
documents its opening cites — never an act of its "som ændret ved" list. Those amended the law the block is
about; when that law's LBK is not in the corpus, one of them must not stand in as the target (the rebuild of
the development corpus had 47 BASE_NOT_CITED errors and bogus versions from it: LOV 157/2012 attached to
LOV 112/2012, tilholdsloven). The amender decides the same way (amender.citing, tests/test_cites_base.py).
Real openings; a lawyer can add a row."""

from __future__ import annotations

import pytest

from lovkons.history.facts import _order_blocks
from lovkons.parsers.instructions import read_amending_bytes

HEAD = "Lov om ændring af straffeloven\n\n"
ROWS = [
    # LOV 157/2012 § 1: straffeloven (LBK 1062/2011), amended by § 22 of tilholdsloven (LOV 112/2012)
    ("I straffeloven, jf. lovbekendtgørelse nr. 1062 af 17. november 2011, som ændret ved § 22 i lov nr. 112 af "
     "3. februar 2012, foretages følgende ændringer:", ["LBK 1062/2011"], ["LOV 112/2012"]),
    # LOV 268/2014 § 1: "som ændret bl.a. ved" — neither act is the target
    ("I lov om finansiel virksomhed, jf. lovbekendtgørelse nr. 948 af 2. juli 2013, som ændret bl.a. ved § 2 i lov nr. "
     "512 af 17. juni 2008 og § 197 i lov nr. 598 af 12. juni 2013, foretages følgende ændringer:",
     ["LBK 948/2013"], ["LOV 512/2008", "LOV 598/2013"]),
    # LOV 268/2014 § 4: an original law cited by its number is the target itself
    ("I lov nr. 598 af 12. juni 2013 om forvaltere af alternative investeringsfonde m.v. foretages følgende "
     "ændringer:", ["LOV 598/2013"], []),
]


@pytest.mark.parametrize(("opening", "targets", "amended_by"), ROWS, ids=[str(i) for i in range(len(ROWS))])
def test_an_act_the_target_was_amended_by_is_never_a_target(opening: str, targets: list[str],
                                                            amended_by: list[str]) -> None:
    text = f"{HEAD}§ 1. {opening}\n1. I § 114 a ændres »nr. 1-6« til: »nr. 1-7«.\n\n§ 2. Loven træder i kraft den 1. marts 2012.\n"
    order = read_amending_bytes(text.encode(), file="lov.txt")
    (block,) = _order_blocks(order)
    assert list(block.targets) == targets
    assert list(block.amended_by) == amended_by
