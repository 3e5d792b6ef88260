"""An insertion whose base printed an earlier form of it (amender.insertion._earlier_forms): LOV 1353/2012 § 11,
nr. 1 "I § 7 indsættes som stk. 7 og 8" on registreringsloven, whose base LBK 1009/2012 already has stk. 7 and 8
from LOV 590/2012 — stk. 8 word for word, stk. 7 without the new 3. pkt. LBK 16/2013 prints the new stk. 7 once.
Documents: those of tests/cases/L-LBK-2013-16 (manifest tests/data/amend/earlier-form-2012)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.insertion import _earlier_forms
from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.model.document import Kind, Node

DATA = Path(__file__).parent / "data" / "amend" / "earlier-form-2012"

S7 = ("Vare- og lastbiler med en tilladt totalvægt på ikke over 4 t, der er registreret til udelukkende erhvervsmæssig "
      "anvendelse, skal være forsynet med virksomhedens navn eller logo og virksomhedens cvr-nummer.")
P3 = ("1. pkt. finder ikke anvendelse for den, der som led i udøvelsen af inkassovirksomhed er omfattet af kravet om "
      "god inkassoskik efter § 9 i lov om inkassovirksomhed.")

# (where, the base's stk. 7, the new stk. 7, taken as its earlier form?)
ROWS = [
    ("LOV 1353/2012 § 11, nr. 1: a punktum added", S7, f"{S7} {P3}", True),
    ("the same text is a dupe, not an earlier form", S7, S7, False),
    ("only part of a punktum", S7[:-1], f"{S7} {P3}", False),
    ("other words", S7, f"{P3} {S7}", False),
]  # fmt: skip


@pytest.mark.parametrize(("where", "old", "new", "earlier"), ROWS, ids=[r[0] for r in ROWS])
def test_an_earlier_form_is_the_new_texts_first_punktummer(where: str, old: str, new: str, earlier: bool) -> None:
    kids = [Node(Kind.STK, "6", text="Skatteministeren kan fastsætte regler."), Node(Kind.STK, "7", text=old)]
    got = _earlier_forms(kids, [Node(Kind.STK, "7", text=new)], Kind.STK)
    assert [i for _, i in got] == ([1] if earlier else [])


def test_the_lbk_prints_the_new_stk_once() -> None:
    run = run_manifest(load_manifest(DATA / "manifest.yaml", follow_links=True))
    paragraf = next(n for n in run.result.document.walk() if n.kind is Kind.PARAGRAF and n.label == "7")
    stks = [c for c in paragraf.children if c.kind is Kind.STK]
    assert [c.label or "1" for c in stks] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert stks[6].text.startswith(S7) and stks[6].text.endswith(P3)
    said = sorted(p.code for p in run.result.problems)
    assert said == ["ALREADY_PRESENT", "EARLIER_FORM_EXTENDED"]
