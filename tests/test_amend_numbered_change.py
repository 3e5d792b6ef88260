"""A numbered change of an amending § of the base repealed in that §'s text (amender.amending_items): "§ 69, nr. 1,
ophæves" (LOV 223/2011 § 51, nr. 5) on spillelovens § 69 (LOV 848/2010), whose one stk. reads "I lov om visse spil …
foretages følgende ændringer: 1. I § 10 indsættes … 2. § 15 affattes …"; LBK 119/2016 prints "1. (Ophævet) 2. § 15
…". The documents are those of tests/cases/L-LBK-2016-119 (manifest tests/data/amend/numbered-change-2011)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.amending_items import change_spans
from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.review.evaluate import paragraf_map

DATA = Path(__file__).parent / "data" / "amend" / "numbered-change-2011"

# LOV 848/2010 § 70 (the base), § 69 as LBK 119/2016 prints it, LOV 598/2013 § 197's first changes (cut short)
P70 = ("I lov nr. 1504 af 27. december 2009 om offentligt hasardspil i turneringsform, foretages følgende ændringer: "
       "1. Overskriften til kapitel 5 affattes således: »Tilsyn, kontrol og klage« 2. Efter § 25 indsættes i kapitel 5: "
       "»§ 25 a. Ved klager over tilsynsmyndighedens afgørelser finder § 50 i lov om spil tilsvarende anvendelse.«")
P69 = ("I lov om visse spil, lotterier og væddemål, jf. lovbekendtgørelse nr. 273 af 17. april 2008, som ændret ved § 16 "
       "i lov nr. 521 af 12. juni 2009, foretages følgende ændringer: 1. (Ophævet) 2. § 15 affattes således: »§ 15. "
       "Transmission af information på et kommunikationsnet til et ulovligt spilsystem er ikke tilladt.«")
P197 = ("I lov om finansiel virksomhed, jf. lovbekendtgørelse nr. 705 af 25. juni 2012, foretages følgende ændringer: "
        "3. I § 77 c, stk. 2, 1. pkt., indsættes efter »stk. 1«: »eller § 21, stk. 1«. 4. I § 360, stk. 2, ændres "
        "»§ 361, stk. 1, nr. 20« til: »§ 361, stk. 1, nr. 19«. 5. § 361, stk. 1, nr. 19, ophæves. Nr. 20-22 bliver "
        "herefter nr. 19-21.")

# (where, text, the changes' first words, or None: no amending provision whose count is whole)
ROWS = [
    ("LOV 848/2010 § 70", P70, ["1. Overskriften", "2. Efter § 25"]),
    ("LBK 119/2016 § 69: a repealed change keeps its number", P69, ["1. (Ophævet)", "2. § 15 affattes"]),
    ("'2. pkt.' and numbers inside quotes are no changes",
     "I lov om x foretages følgende ændring: 1. I § 2, 2. pkt., ændres »3. Stk.« til: »4. Stk.«", ["1. I § 2"]),
    ("no change nr. 1: the count is not whole (LOV 598/2013 § 197 cut)", P197, None),
    ("a quotation mark left open", "I lov om x foretages følgende ændringer: 1. I § 2 ændres »a til: »b«", None),
    ("no amending provision", "Loven træder i kraft den 1. januar 2011. 2. Stk. gælder ikke.", None),
    ("a change not counted: its § missing (LOV 446/2012 § 1, '19. 73, stk. 3, 2. pkt., ophæves.')",
     "I lov om x foretages følgende ændringer: 1. § 72 ophæves. 2. 73, stk. 3, 2. pkt., ophæves. 3. § 74 ophæves.",
     None),
    ("a change not counted: a number without its full stop (review11)",
     "I lov om x foretages følgende ændringer: 1. I § 2 ændres »a« til: »b«. 2 § 3 ophæves. 3. § 4 ophæves.", None),
    ("a date and an amount after the last change are no changes",
     "I lov om x foretages følgende ændring: 1. I § 2 ændres »den 1. januar« til: »den 1. juli«, og »1.000 kr.« til: "
     "»2.000 kr.«. Ændringen har virkning fra den 2. januar.", ["1. I § 2"]),
]  # fmt: skip


@pytest.mark.parametrize(("where", "text", "firsts"), ROWS, ids=[r[0] for r in ROWS])
def test_the_changes_of_an_amending_provision_are_counted(where: str, text: str, firsts: list[str] | None) -> None:
    spans = change_spans(text)
    if firsts is None:
        assert spans is None
        return
    assert spans is not None
    assert [text[s:e][: len(f)] for (s, e), f in zip(spans, firsts, strict=True)] == firsts
    assert spans[-1][1] == len(text)


def test_the_lbk_prints_the_repealed_changes_number() -> None:
    run = run_manifest(load_manifest(DATA / "manifest.yaml", follow_links=True))
    paragraphs = paragraf_map(run.result.document)
    assert "foretages følgende ændringer: 1. (Ophævet) 2. § 15 affattes således: »§ 15. Transmission" in paragraphs["69"]
    assert paragraphs["70"].endswith("»Tilsyn, kontrol og klage« 2. (Ophævet)")
    said = [(p.code, p.severity, p.address) for p in run.result.problems]
    assert ("NUMBERED_CHANGE_IN_TEXT", "warning", "§ 69, nr. 1") in said
    assert ("NUMBERED_CHANGE_IN_TEXT", "warning", "§ 70, nr. 2") in said
    assert not [p for p in run.result.problems if p.severity == "error"]
