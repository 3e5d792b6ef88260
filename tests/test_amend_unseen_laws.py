"""Conventions found where the corpus rebuild applies acts of laws no development case covers
(issue 15, unseen laws):

- UNUSED_RUN_GIVES_WAY: an LBK prints a run of unused § numbers as one unit ("§§ 432-440. (Ubenyttede)."); a new
  § numbered at the end of the run it follows takes that number and the run shrinks (LOV 1384/2012 § 1, nr. 5 on
  søloven: LBK 75/2014 prints "§§ 432-439. (Ubenyttede)." and kapitel 15 a with § 440).
- §§ lettered past z run on with æ, ø, å: "»§ 7 Å. …«" after ligningslovens § 7 Ø (LOV 593/2012 § 1, nr. 1) is
  § 7 Å, and it sorts after § 7 Ø (the Danish alphabet, not code points).
- "bilag 1, A" is part A of bilag 1 (an annex divided into lettered parts), not bilag 1 and a bilag A.
- HEADING_PAST_REPEALED: "overskriften før § 69" where the LBK prints the heading, "§ 68. (Ophævet)" and § 69 is that
  heading: a repealed § is no longer in the law's text (LOV 738/2015 § 1, nr. 90 and 91 on LBK 1253/2013, as LBK
  1580/2015 prints them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.amender.consolidate import Consolidation, consolidate, ensure_ids
from lovkons.amender.units import par_order
from lovkons.api import apply
from lovkons.model.document import Document, Kind, Meta, Source, parse_address
from lovkons.model.edits import Insert, Item, ReplaceText
from lovkons.parsers.instructions.clauses import parse_instruction
from lovkons.parsers.instructions.payload import parse_payload
from lovkons.parsers.instructions.targets import TargetError, parse_targets
from lovkons.renderers.text import render_text
from tests.amender_trees import order, par, run, stk

DATA = Path(__file__).parent / "data" / "amend"
A = parse_address


def _errors(result: object) -> list[str]:
    return [p.code for p in result.problems if p.severity == "error"]  # type: ignore[attr-defined]


def _said(result: object) -> list[str]:
    """The warnings that name a drafting convention a change was read by (a tolerance is always said)."""
    conventions = {"UNUSED_RUN_GIVES_WAY", "HEADING_PAST_REPEALED", "PKT_OF_ONLY_LIVE_STK"}
    return [p.code for p in result.problems if p.code in conventions]  # type: ignore[attr-defined]


def test_a_new_paragraf_at_the_end_of_an_unused_run_takes_its_number() -> None:
    d = DATA / "unused-run-2012"
    result = apply(d / "LBK-2010-856.xml", [d / "LOV-2012-1384.xml"])
    assert _errors(result) == [] and _said(result) == ["UNUSED_RUN_GIVES_WAY"]
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
    # lower case (aktivloven §§ 75 æ-75 å, LBK 807/2015)
    ("§ 75 æ. Under tilbud om vejledning og opkvalificering, virksomhedspraktik og nytteindsats efter § 75 z modtager "
     "personen kontantydelse.", "75 æ", "Under tilbud"),
    # after a heading, and a second § of one payload
    ("Indberetning af fredning § 8 Ø. Bygnings Frednings Foreningen skal indberette.", "8 Ø", "Bygnings"),
    ("§ 7. Å. Ved opgørelsen …", "7", "Å. Ved"),  # "§ 7." closes its label: the text is the text
]


@pytest.mark.parametrize(("payload", "label", "start"), LETTERED, ids=[r[1] for r in LETTERED])
def test_a_paragraf_lettered_past_z_keeps_its_letter(payload: str, label: str, start: str) -> None:
    (par,) = [n for n in parse_payload(payload) if n.kind is not Kind.OVERSKRIFT]
    assert par.kind is Kind.PARAGRAF and par.label == label
    assert par.children[0].text.startswith(start)


@pytest.mark.parametrize(("payload", "label", "start"), LETTERED[:3], ids=[r[1] for r in LETTERED[:3]])
def test_a_paragraf_lettered_past_z_has_an_id_and_address_of_its_own(payload: str, label: str, start: str) -> None:
    """§ 7 Å is not § 7: its id spells the letter in ASCII (ids are ASCII) and an address can name it ("I § 7 Å,
    stk. 2, …", as the instruction reader reads it)."""
    (par,) = parse_payload(payload)
    number = label.split()[0]
    assert par.id not in ("", f"p{number}") and par.id.isascii() and par.id.isalnum()
    address = A(f"§ {label}, stk. 2")
    assert str(address) == f"§ {label}, stk. 2" and address.id == f"{par.id}-stk2"


def test_two_paragraffer_lettered_past_z_in_one_payload() -> None:
    assert [n.label for n in parse_payload("§ 8 Æ. Første. § 8 Ø. Anden.")] == ["8 Æ", "8 Ø"]


def test_danish_letters_sort_after_z() -> None:
    assert par_order("7 z") < par_order("7 æ") < par_order("7 Ø") < par_order("7 Å") < par_order("8")


def test_a_paragraf_lettered_past_z_goes_after_the_one_before() -> None:
    d = DATA / "danish-letter-2012"
    result = apply(d / "LBK-2011-1017.xml", [d / "LOV-2012-593.xml"])
    assert _errors(result) == []
    heads = [ln.split(".")[0] for ln in render_text(result.document).splitlines() if ln.startswith("§ ")]
    assert heads == ["§ 7 Ø", "§ 7 Å", "§ 8"]


@pytest.mark.parametrize("text", ["bilag 1, A, nr. 1", "bilag 1, B, nr. 5, 1. pkt.", "bilag 2 a, C",
                                  # a named part: not bilag 1 and the law's own afsnit A (review12)
                                  "bilag 1, afsnit A", "bilag 2, punkt 3", "bilag 1, del 2"])
def test_a_lettered_part_of_a_bilag_is_not_another_bilag(text: str) -> None:
    with pytest.raises(TargetError, match="a part of a bilag"):
        parse_targets(text)


def test_lists_of_bilag_still_read() -> None:
    assert [str(t.address) for t in parse_targets("bilag 1, 2 og 4")] == ["bilag 1", "bilag 2", "bilag 4"]
    assert [str(t.address) for t in parse_targets("bilag A og B")] == ["bilag A", "bilag B"]


def test_new_paragraffer_before_a_heading_and_a_repealed_run_shrinks() -> None:
    """HEADING_AS_ANCHOR: "Før overskriften før § 25 indsættes: »Uddannelseshjælp § 23. … § 24. …«" (LOV 894/2013
    § 1, nr. 33) on aktivloven, where LBK 190/2012 prints "§§ 16- 24. (Ophævet)" and "Hjælp til forsørgelse" before
    § 25: LBK 806/2015 prints "§§ 16-22. (Ophævet)", the new heading, § 23, § 24 and then the heading of § 25."""
    d = DATA / "unseen-2013"
    result = apply(d / "LBK-2012-190.xml", [d / "LOV-2013-894.xml"])
    assert _errors(result) == [] and _said(result) == ["UNUSED_RUN_GIVES_WAY"]
    lines = [ln for ln in render_text(result.document).splitlines() if ln.strip()]
    heads = [ln.split(".")[0] for ln in lines if ln.startswith("§")]
    assert heads == ["§ 15", "§§ 16-22", "§ 23", "§ 24", "§ 25"]
    at = lines.index("§§ 16-22. (Ophævet)")
    assert lines[at + 1] == "Uddannelseshjælp" and lines[at + 2].startswith("§ 23. ")
    assert lines[lines.index(next(ln for ln in lines if ln.startswith("§ 25."))) - 1] == "Hjælp til forsørgelse"


def test_a_punktum_of_a_paragraf_whose_other_stk_are_repealed() -> None:
    """"I § 18, 2. pkt., ændres »statsautoriseret eller registreret« til: »godkendt«." (LOV 738/2015 § 1, nr. 30)
    where LBK 1253/2013 prints § 18 and "Stk. 2. (Ophævet)": one stk. is left, the § is cited without it (LBK
    1580/2015 prints the change in § 18, 2. pkt.)."""
    d = DATA / "unseen-2013"
    result = apply(d / "LBK-2013-1253.xml", [d / "LOV-2015-738.xml"])
    assert _errors(result) == [] and "PKT_OF_ONLY_LIVE_STK" in _said(result)
    text = render_text(result.document)
    assert "Hvis en godkendt revisor har underskrevet" in text
    assert "statsautoriseret eller registreret" not in text


def test_the_heading_before_a_paragraf_counts_past_the_repealed_ones_before_it() -> None:
    """HEADING_PAST_REPEALED: LBK 1253/2013 prints "Nærtstående parter m.v.", "§ 68. (Ophævet)", "§ 69. (Ophævet)".
    "Efter § 67 indsættes før overskriften før § 69: »Resultatopgørelsen § 67 a. …«" and "Efter overskriften før
    § 69 indsættes: »§ 68. …«" (LOV 738/2015 § 1, nr. 90 and 91) both mean that heading: LBK 1580/2015 prints
    § 67, the new heading and § 67 a, then "Nærtstående parter m.v." and the new § 68 (before: TARGET_NOT_FOUND,
    and § 67 a landed after § 68)."""
    d = DATA / "unseen-2013"
    result = apply(d / "LBK-2013-1253.xml", [d / "LOV-2015-738.xml"])
    assert _errors(result) == []
    assert [p.code for p in result.problems if p.code == "HEADING_PAST_REPEALED"] == ["HEADING_PAST_REPEALED"] * 2
    lines = [ln for ln in render_text(result.document).splitlines() if ln.strip()]
    at = next(i for i, ln in enumerate(lines) if ln.startswith("§ 67. "))
    shown = [ln if ln.startswith("§") is False else ln.split(". ")[0] for ln in lines[at:]]
    heads = [ln for ln in shown if not ln.startswith(("1)", "2)", "3)", "4)", "Stk."))][:7]
    assert heads == ["§ 67", "Resultatopgørelsen", "§ 67 a", "Nærtstående parter m.v.", "§ 68", "§ 69", "§ 70"]
    assert "§ 68. Virksomheden skal angive det gennemsnitlige antal beskæftigede i regnskabsåret." in lines
    assert "§ 69. (Ophævet)" in lines


def test_new_paragraffer_before_a_heading_take_a_repealed_number_and_leave_the_heading() -> None:
    """"Efter § 9 b indsættes før overskriften før § 11: »Bekæmpelse af manipulation af idrætskonkurrencer § 10. …
    § 10 a. … § 10 b. …«" (LOV 536/2015 § 1, nr. 2) on LBK 116/2015, which prints "Økonomi", "§ 10. (Ophævet)",
    § 11: the heading before § 11 is "Økonomi" (HEADING_PAST_REPEALED), the new §§ take the repealed number and go
    before it — LBK 1168/2015 prints the new heading, §§ 10-10 b, then "Økonomi" and § 11 (before: "Økonomi" stood
    before the new heading and § 11 lost it)."""
    d = DATA / "heading-gap-2015"
    result = apply(d / "LBK-2015-116.xml", [d / "LOV-2015-536.xml"])
    assert _errors(result) == [] and "HEADING_PAST_REPEALED" in _said(result)
    lines = [ln for ln in render_text(result.document).splitlines() if ln.strip()]
    heads = [ln if not ln.startswith("§") else ln.split(". ")[0] for ln in lines
             if ln.startswith(("§", "Økonomi", "Bekæmpelse af manipulation"))]
    at = heads.index("Bekæmpelse af manipulation af idrætskonkurrencer")
    assert heads[at - 1] == "§ 9 b" and heads[at:at + 6] == [
        "Bekæmpelse af manipulation af idrætskonkurrencer", "§ 10", "§ 10 a", "§ 10 b", "Økonomi", "§ 11"]


def _one_live_stk() -> Document:
    """§ 18 as LBK 1253/2013 prints it: one stk. and "Stk. 2. (Ophævet)"."""
    return ensure_ids(Document(Meta("LBK", 1, 2013, title="Bekendtgørelse af lov om fonde"), None, (
        par("17", stk("1", "Tilsynet føres af kommunen.")),
        par("18", stk("1", "Første punktum om kommunen. Andet punktum om kommunen."), stk("2", "(Ophævet)")),
    )))  # fmt: skip


@pytest.mark.parametrize("sentence", [
    "I § 18, 2. pkt., ændres »kommunen« til: »regionen«.",  # the § cited without its stk. (LOV 738/2015 § 1, nr. 30)
    "Overalt i loven bortset fra § 18, 2. pkt., ændres »kommunen« til: »regionen«.",  # the same in an exception
])
def test_a_punktum_read_in_the_only_live_stk_is_said_wherever_the_address_stands(sentence: str) -> None:
    ops, problems = parse_instruction(sentence, Source("LOV", 1, 2015, "§ 1, nr. 1"))
    assert ops and not [p for p in problems if p.severity == "error"]
    d, said = run(ops[0], _one_live_stk())
    assert [p.code for p in said] == ["PKT_OF_ONLY_LIVE_STK"]  # type: ignore[attr-defined]
    text = render_text(d)
    if sentence.startswith("I § 18"):
        assert "Andet punktum om regionen." in text and "Første punktum om kommunen." in text
    else:
        assert "Andet punktum om kommunen." in text and "Tilsynet føres af regionen." in text


def _with_run(text: str = "(Ubenyttede)") -> Document:
    return ensure_ids(Document(Meta("LBK", 1, 2010, title="Bekendtgørelse af søloven"), None, (
        par("431", stk("1", "Uanset § 430 kan bortfragteren forbeholde sig ansvarsfrihed.")),
        par("432-440", stk("1", text)),
        par("441", stk("1", "I dette kapitel forstås ved bjærgning enhver handling.")),
    )))  # fmt: skip


# (the new §§ inserted after § 431, the run's label after, or the refusal)
RUNS = [
    (["440"], "432-439"),  # LOV 1384/2012 § 1, nr. 5
    (["439", "440"], "432-438"),
    (["432"], "433-440"),  # the run's first number: the new § goes before the rest of the run
    (["436"], "PAYLOAD_MISMATCH"),  # inside the run: the numbers after it would be lost
]


@pytest.mark.parametrize(("labels", "expected"), RUNS, ids=["-".join(r[0]) for r in RUNS])
def test_only_the_end_of_the_run_the_new_paragraffer_follow_gives_way(labels: list[str], expected: str) -> None:
    new = tuple(par(label, stk("1", f"Ny § {label}.")) for label in labels)
    d, problems = run(Insert(A("§ 431"), new, "after"), _with_run())
    if expected == "PAYLOAD_MISMATCH":
        assert [p.code for p in problems] == ["PAYLOAD_MISMATCH"]  # type: ignore[attr-defined]
        return
    assert [p.code for p in problems] == ["UNUSED_RUN_GIVES_WAY"]  # type: ignore[attr-defined]
    order = [*labels, expected] if labels == ["432"] else [expected, *labels]
    assert [n.label for n in d.children] == ["431", *order, "441"]


def test_a_paragraf_with_two_live_stk_still_needs_its_stk() -> None:
    d = ensure_ids(Document(Meta("LBK", 1, 2013), None, (
        par("18", stk("1", "Første stk. Andet pkt."), stk("2", "(Ophævet)"), stk("3", "Tredje stk. Andet pkt.")),
    )))  # fmt: skip
    _, problems = run(ReplaceText(A("§ 18, 2. pkt."), "Andet", "Nyt"), d)
    assert [p.code for p in problems] == ["AMBIGUOUS_TARGET"]  # type: ignore[attr-defined]


def _consolidated(d: Document, sentence: str) -> Consolidation:
    ops, problems = parse_instruction(sentence, Source("LOV 1/2016", "1", 1))
    assert ops and not problems
    return consolidate(d, [order(Item(1, sentence, tuple(ops)))])


def test_an_apostrophe_as_a_modifier_letter_acute_accent_is_an_apostrophe() -> None:
    """"DONG Oil Pipe A/Sˊ" (U+02CA, LOV 630/2016 § 3, nr. 5) where LBK 277/2014 prints "DONG Oil Pipe A/S’"."""
    d = ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), None, (
        par("3 c", stk("1", "Ejeren af DONG Oil Pipe A/S’ rørledning skal sikre driften.")),
    )))  # fmt: skip
    result = _consolidated(d, "I § 3 c, stk. 1, ændres »DONG Oil Pipe A/Sˊ« til: »Energinet.dk’s«.")
    assert [p.code for p in result.problems if p.severity == "error"] == []
    assert "TOLERANT_MATCH" in [p.code for p in result.problems]
    assert result.document.children[0].children[0].text == "Ejeren af Energinet.dk’s rørledning skal sikre driften."


NOTE_1 = "1) Loven indeholder bestemmelser, der gennemfører Rådets direktiv 2006/112/EF, EU-Tidende 2006, nr. L 347, side 1."
NOTE_2 = ("2) I loven er der medtaget visse bestemmelser fra Rådets forordning (EU) nr. 967/2012 af 9. oktober 2012, "
          "EU-Tidende 2012, nr. L 290, side 1.")


@pytest.mark.parametrize(("old", "new", "appended"), [
    (NOTE_1, NOTE_2, True),  # LOV 554/2014 § 1, nr. 1 on momsloven (LBK 760/2016 prints notes 1) and 2))
    (NOTE_1, NOTE_2.replace("2)", "3)", 1), False),  # note 3 after note 1: a note is missing, refused
    (NOTE_1, NOTE_1.replace("2006/112", "2006/113"), False),  # another note 1: it needs "affattes", refused
    # "nr. 2) og 3)" inside note 1's text are no notes: the next note is still 2, not 4
    (NOTE_1 + " Jf. nr. 2) og 3) i bilaget.", NOTE_2, True),
    (NOTE_1 + " Jf. nr. 2) og 3) i bilaget.", NOTE_2.replace("2)", "4)", 1), False),
])  # fmt: skip
def test_a_further_title_note_goes_after_the_titles_notes(old: str, new: str, appended: bool) -> None:
    d = ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), None, (
        par("1", stk("1", "Der betales afgift.")),), title_note=old))  # fmt: skip
    result = _consolidated(d, f"Som fodnote {new[0]} til lovens titel indsættes: »{new}«")
    errors = [p.code for p in result.problems if p.severity == "error"]
    if appended:
        assert errors == [] and result.document.title_note == f"{old} {new}"
    else:
        assert errors == ["TARGET_OCCUPIED"] and result.document.title_note == old
