"""Conventions found where the corpus rebuild applies acts of laws no development case covers
(issue 15, unseen laws):

- UNUSED_RUN_GIVES_WAY: an LBK prints a run of unused § numbers as one unit ("§§ 432-440. (Ubenyttede)."); a new
  § numbered at the end of the run it follows takes that number and the run shrinks (LOV 1384/2012 § 1, nr. 5 on
  søloven: LBK 75/2014 prints "§§ 432-439. (Ubenyttede)." and kapitel 15 a with § 440).
- §§ lettered past z run on with æ, ø, å: "»§ 7 Å. …«" after ligningslovens § 7 Ø (LOV 593/2012 § 1, nr. 1) is
  § 7 Å, and it sorts after § 7 Ø (the Danish alphabet, not code points).
- "bilag 1, A" is part A of bilag 1 (an annex divided into lettered parts), not bilag 1 and a bilag A.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.units import par_order
from lovkons.api import apply
from lovkons.model.document import Kind
from lovkons.parsers.instructions.payload import parse_payload
from lovkons.parsers.instructions.targets import TargetError, parse_targets
from lovkons.renderers.text import render_text

DATA = Path(__file__).parent / "data" / "amend"


def _errors(result: object) -> list[str]:
    return [p.code for p in result.problems if p.severity == "error"]  # type: ignore[attr-defined]


def test_a_new_paragraf_at_the_end_of_an_unused_run_takes_its_number() -> None:
    d = DATA / "unused-run-2012"
    result = apply(d / "LBK-2010-856.xml", [d / "LOV-2012-1384.xml"])
    assert _errors(result) == []
    lines = [ln for ln in render_text(result.document).splitlines() if ln.strip()]
    at = lines.index("§§ 432-439. (Ubenyttede)")  # as LBK 75/2014 prints it
    assert lines[at + 1:at + 3] == ["Kapitel 15 a", "Passagerrettigheder"]
    assert lines[at + 3].startswith("§ 440. Erhvervs- og vækstministeren kan fastsætte regler")


# (payload as quoted, the label of its §, the start of its first stk.)
LETTERED = [
    ("§ 7 Å. Ved opgørelsen af den skattepligtige indkomst medregnes ikke værdien af sædvanlige ydelser. "
     "Stk. 2. Ved opgørelsen af den skattepligtige indkomst medregnes ikke vederlag.",  # LOV 593/2012 § 1, nr. 1
     "7 Å", "Ved opgørelsen"),
    ("§ 8 Å. Skatteministeren kan fastsætte regler om, at finansielle institutter årligt skal foretage indberetning.",
     "8 Å", "Skatteministeren kan"),  # LOV 1634/2013 § 1, nr. 3
    ("§ 8 Ø. Bygnings Frednings Foreningen skal til brug for skatteligningen hvert år indberette.",
     "8 Ø", "Bygnings Frednings"),
    ("§ 7. Å. Ved opgørelsen …", "7", "Å. Ved"),  # "§ 7." closes its label: the text is the text
]


@pytest.mark.parametrize(("payload", "label", "start"), LETTERED, ids=[r[1] for r in LETTERED])
def test_a_paragraf_lettered_past_z_keeps_its_letter(payload: str, label: str, start: str) -> None:
    (par,) = parse_payload(payload)
    assert par.kind is Kind.PARAGRAF and par.label == label
    assert par.children[0].text.startswith(start)


def test_danish_letters_sort_after_z() -> None:
    assert par_order("7 z") < par_order("7 æ") < par_order("7 Ø") < par_order("7 Å") < par_order("8")


def test_a_paragraf_lettered_past_z_goes_after_the_one_before() -> None:
    d = DATA / "danish-letter-2012"
    result = apply(d / "LBK-2011-1017.xml", [d / "LOV-2012-593.xml"])
    assert _errors(result) == []
    heads = [ln.split(".")[0] for ln in render_text(result.document).splitlines() if ln.startswith("§ ")]
    assert heads == ["§ 7 Ø", "§ 7 Å", "§ 8"]


@pytest.mark.parametrize("text", ["bilag 1, A, nr. 1", "bilag 1, B, nr. 5, 1. pkt.", "bilag 2 a, C"])
def test_a_lettered_part_of_a_bilag_is_not_another_bilag(text: str) -> None:
    with pytest.raises(TargetError, match="a part of a bilag"):
        parse_targets(text)


def test_lists_of_bilag_still_read() -> None:
    assert [str(t.address) for t in parse_targets("bilag 1, 2 og 4")] == ["bilag 1", "bilag 2", "bilag 4"]
    assert [str(t.address) for t in parse_targets("bilag A og B")] == ["bilag A", "bilag B"]
