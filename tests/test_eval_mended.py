"""The "act-mended" category (review.mended): inside text an instruction wrote, the LBK prints other words
than the amending act's, while ours is the act's text as its source file reads raw (review.acts).

Every row of tests/data/mended/units.json is a real unit of a development case (our text and the LBK's),
with the real amending acts that bear on it (read from tests/data, their operations and their raw source;
`blocks`: only those change blocks amend the base, as review.acts.base_blocks finds in a case; `printed`:
the LBK's text of other §§, by key, where the guards look):
`verdict` is "act-mended" or the start of the reason the § stays "unexplained" (the guard that holds). A
few rows alter one side for the test, and say so in `what`: our reading of the act (`misread`: as if we had
read it otherwise than its source reads) or the LBK's text; `instruction`: the one a mend must name. A lawyer
can extend the table."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from lovkons.model.document import Kind, Node
from lovkons.model.edits import AmendingDocument, ChangeBlock, Item, Replace
from lovkons.parsers.instructions import read_amending_file
from lovkons.renderers.eval_out import score_json
from lovkons.review.acts import (
    ActCase,
    CaseOp,
    _folded,
    act_case,
    act_quotations,
    act_source,
    quotations,
    xml_text,
)
from lovkons.review.evaluate import Wrong
from lovkons.review.mended import ACT_MENDED, Mended, mended
from lovkons.review.units import UnitDiff
from lovkons.review.untouched import norm

DATA = Path(__file__).parent / "data"
ROWS: list[dict[str, Any]] = json.loads((DATA / "mended" / "units.json").read_text("utf-8"))


def _misread(node: Node, old: str, new: str) -> Node:
    return replace(node, text=node.text.replace(old, new) if node.text else node.text,
                   children=tuple(_misread(c, old, new) for c in node.children))


def _act(path: str, misread: list[str] | None) -> AmendingDocument:
    act = read_amending_file(DATA / path)
    if not misread:
        return act
    old, new = misread

    def item(i: Item) -> Item:
        ops = tuple(replace(op, payload=tuple(_misread(n, old, new) for n in op.payload))
                    if isinstance(op, Replace) else op for op in i.operations)
        return replace(i, operations=ops)

    return replace(act, changes=tuple(replace(b, items=tuple(item(i) for i in b.items)) for b in act.changes))


def _paragraf(key: str, unit: list[list[str]], text: str) -> Node:
    """A § holding the unit (a stk., or a nr. of a stk.) with the given text."""
    node: Node | None = None
    for kind, label in reversed(unit):
        node = Node(Kind(kind), label, text=None if node else text, children=(node,) if node else ())
    assert node is not None
    return Node(Kind.PARAGRAF, key, children=(node,))


def verdict(row: dict[str, Any]) -> str:
    found = judged(row)
    return ACT_MENDED if found.mends else found.reason


def judged(row: dict[str, Any]) -> Mended:
    acts = [_act(p, row.get("misread")) for p in row["acts"]]
    unit: tuple[tuple[str, str], ...] = tuple((kind, label) for kind, label in row["unit"])
    diff = (UnitDiff(unit, aligned=True, addressed=True),)
    kept = row.get("blocks")  # the change blocks of the base ("LOV 558/2012 § 3"); else every block

    def blocks(order: AmendingDocument, block: ChangeBlock) -> bool:
        return kept is None or f"{order.meta.short} § {block.paragraf}" in kept

    found = mended(row["paragraf"], _paragraf(row["paragraf"], row["unit"], row["ours"]),
                   _paragraf(row["paragraf"], row["unit"], row["lbk"]), diff,
                   act_case(acts, blocks=blocks, printed=row.get("printed", {}).get))
    return found


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['case']} § {r['paragraf']} {r['verdict']}" for r in ROWS])
def test_act_mended_or_unexplained(row: dict[str, Any]) -> None:
    got = verdict(row)
    assert got.split(": ", 1)[-1].startswith(row["verdict"]) or got == row["verdict"], (got, row["what"])


@pytest.mark.parametrize("row", [r for r in ROWS if "instruction" in r], ids=lambda r: f"{r['case']} § {r['paragraf']}")
def test_the_mend_names_the_instruction_that_addresses_the_unit(row: dict[str, Any]) -> None:
    """Where several instructions on the § write the same words, the mend names the one on the unit."""
    assert {m.source for m in judged(row).mends} == {row["instruction"]}


def test_each_guard_and_both_ways_are_in_the_table() -> None:
    """The table covers the category taken and each guard refusing it (no row that cannot fail alone)."""
    kinds = {r["verdict"] for r in ROWS}
    assert {ACT_MENDED, "not written", "not in the act", "another operation addresses",
            "the LBK's words are in an act", "names an office"} <= kinds


def test_verdict_says_what_the_act_says_and_what_the_lbk_prints() -> None:
    row = ROWS[0]
    acts = [_act(p, None) for p in row["acts"]]
    diff = (UnitDiff((("stk", "3"),), aligned=True, addressed=True),)
    found = mended("3", _paragraf("3", row["unit"], row["ours"]), _paragraf("3", row["unit"], row["lbk"]), diff,
                   act_case(acts))
    (mend,) = found.mends
    assert (mend.unit, mend.source) == ("stk. 3", "LOV 1571/2015 § 1, nr. 1")
    assert mend.act_says in row["ours"] and mend.lbk_prints in row["lbk"]
    assert "udlandet og" in mend.act_says and "udlandet, og" in mend.lbk_prints


def test_an_unaligned_unit_is_never_act_mended() -> None:
    row = ROWS[0]
    diff = (UnitDiff((("stk", "3"),), aligned=False, addressed=True),)
    found = mended("3", _paragraf("3", row["unit"], row["ours"]), _paragraf("3", row["unit"], row["lbk"]), diff,
                   act_case([_act(p, None) for p in row["acts"]]))
    assert not found.mends and "not aligned" in found.reason


def test_without_the_acts_source_nothing_is_act_mended() -> None:
    """An act whose source cannot be read raw (no path, or a format not read here) decides nothing."""
    row = ROWS[0]
    acts = [replace(a, meta=replace(a.meta, source=None)) for a in (_act(p, None) for p in row["acts"])]
    diff = (UnitDiff((("stk", "3"),), aligned=True, addressed=True),)
    found = mended("3", _paragraf("3", row["unit"], row["ours"]), _paragraf("3", row["unit"], row["lbk"]), diff,
                   act_case(acts))
    assert not found.mends and found.reason.startswith("stk. 3: not in the act")


@pytest.mark.parametrize(("xml", "text"), [
    # LOV 481/2012 § 4, nr. 1: a superscript <Char> on a line of its own in the file: "m3", not "m 3"
    ("<Linea>\n  <Char>over 75.000 m</Char>\n  <Char formaChar='Superscript'>3</Char>\n  <Char> inden</Char>\n</Linea>",
     "over 75.000 m3 inden"),
    # LOV 1715/2016 § 48, nr. 2: a <Char> holding only the file's line break is the space between two words
    ("<Linea><Char>herunder</Char>\n<Char formaChar='Bold'>\n</Char>\n<Char>en nationalparkfond</Char></Linea>",
     "herunder en nationalparkfond"),
    # the end of a line, a stk., a § separates like a space
    ("<Stk><Linea><Char>bopælskommunen.</Char></Linea><Linea><Char>Stk. 4.</Char></Linea></Stk>",
     "bopælskommunen. Stk. 4."),
])
def test_the_raw_reading_of_an_xml_source(xml: str, text: str) -> None:
    from lxml import etree

    assert " ".join(xml_text(etree.fromstring(xml)).split()) == text


def test_the_raw_source_of_a_real_act() -> None:
    source = act_source(str(DATA / "laws" / "LOV-2012-481" / "LOV-2012-481.xml"))
    assert source is not None and "over 75.000 m3 inden for samme lokalitet" in source
    assert act_source(str(DATA / "mended" / "no-such-act.xml")) is None


def test_act_mended_counts_as_wrong_apart_in_json() -> None:
    """A § of the category is wrong (never identical), reported apart with what the act and the LBK say."""
    from lovkons.review.evaluate import CaseScore
    from lovkons.review.mended import Mend

    mend = Mend("stk. 3", "LOV 1571/2015 § 1, nr. 1", "udlandet og", "udlandet, og")
    wrong = Wrong("3", True, False, False, "§ 3. …udlandet, og…", "§ 3. …udlandet og…", "", True, mended=(mend,))
    other = Wrong("4", True, False, False, "§ 4. a", "§ 4. b", "", True, unmended="stk. 1: not written")
    case = CaseScore("x", touched=2, touched_ok=0, wrong=(wrong, other))
    assert (wrong.category, other.category) == (ACT_MENDED, "unexplained")
    out = score_json(case)
    assert (out["wrong_act_mended"], out["wrong_unexplained"], out["touched_identical"]) == (1, 1, 0)
    rows: list[dict[str, Any]] = out["wrong"]  # type: ignore[assignment]
    first, second = rows
    assert first["category"] == ACT_MENDED and first["act_mended"] == [
        {"unit": "stk. 3", "instruction": "LOV 1571/2015 § 1, nr. 1", "act_says": "udlandet og", "lbk_prints": "udlandet, og"}]
    assert second["not_act_mended"] == "stk. 1: not written"


def test_block_of_an_act_is_kept_whole() -> None:
    """act_case reads every item of every block (applied, refused or pending alike)."""
    act = _act("laws/LOV-2015-1571/LOV-2015-1571.xml", None)
    assert isinstance(act.changes[0], ChangeBlock)
    ops = act_case([act]).ops
    assert sum(len(i.operations) for b in act.changes for i in b.items) <= len(ops)


def test_a_whole_case_through_the_eval() -> None:
    """LBK 1/2016 (tests/cases): § 3 and § 3 a differ from LOV 1571/2015's text only where the LBK mended
    it (a comma, "der" for the act's "det"): act-mended, not unexplained, and never identical."""
    from lovkons.amender.manifest import load_manifest, run_manifest
    from lovkons.review.evaluate import score

    run = run_manifest(load_manifest(Path(__file__).parent / "cases" / "L-LBK-2016-1.yaml"), lenient=True,
                       as_printed=True)
    assert run.expected is not None
    case = score("L-LBK-2016-1", run.base, run.result, run.expected, orders=run.orders)
    found = {w.label: w for w in case.wrong}
    assert found["3"].category == found["3a"].category == ACT_MENDED
    assert [m.source for m in found["3a"].mended] == ["LOV 1571/2015 § 1, nr. 2"]
    assert case.act_mended >= 2 and case.touched_ok < case.touched


def test_an_act_substituting_the_lbks_words_for_ours_keeps_the_category_away() -> None:
    """If any act of the case says »…ours…« til: »…the LBK's…« (an instruction our reader dropped or put under
    another §), the § stays unexplained, however far the context grows (review9: a longer context had
    stopped finding the short quotation)."""
    row = ROWS[0]
    case = act_case([_act(p, None) for p in row["acts"]])
    dropped = "§ 1 I lov om … foretages følgende ændring: 1. I § 3, stk. 3, ændres »udlandet og der« til: »udlandet, og der«."
    case2 = replace(case, sources=(*case.sources, lambda: dropped))
    diff = (UnitDiff((("stk", "3"),), aligned=True, addressed=True),)
    ours, lbk = _paragraf("3", row["unit"], row["ours"]), _paragraf("3", row["unit"], row["lbk"])
    assert mended("3", ours, lbk, diff, case).mends
    found = mended("3", ours, lbk, diff, case2)
    assert not found.mends and "the LBK's words are" in found.reason


@pytest.mark.parametrize("lbk", ["Social- og Indenrigsministeriet", "Indenrigsministeriet"])
def test_a_part_of_a_ministrys_name_differing_is_a_rename_not_act_mended(lbk: str) -> None:
    """Only a part of a compound name differs ("Økonomi- og Indenrigsministeriet" → "Social- og
    Indenrigsministeriet"): the differing words alone name no office, the name around them does."""
    written = "Ansøgning indgives til Økonomi- og Indenrigsministeriet, der træffer afgørelse inden 3 måneder."
    op = CaseOp(0, "LOV 1/2015 § 1, nr. 1", frozenset({"3"}), (("3", (("stk", "3"),)),),
                ((norm(written), True),), (), (_folded(written),))
    source = f"§ 1 I lov om x foretages følgende ændring: 1. I § 3 indsættes som stk. 3: »{written}« § 2 Loven."
    case = ActCase((op,), (lambda: source,))

    def paragraf(text: str) -> Node:
        return Node(Kind.PARAGRAF, "3", children=(Node(Kind.STK, "3", text=text),))

    found = mended("3", paragraf(written), paragraf(written.replace("Økonomi- og Indenrigsministeriet", lbk)),
                   (UnitDiff((("stk", "3"),), aligned=True, addressed=True),), case)
    assert not found.mends and "names an office" in found.reason


def test_what_an_act_quotes_is_its_quotations_and_payload_elements() -> None:
    """review.acts.act_quotations on the real LOV 627/2016: the »…« of its items and each new text LexDania prints
    as an element of its own without marks (<AendringNyTekst>: nr. 27's sentence for § 53, stk. 8, 2. pkt.), each
    with its marks; not its opening citation, whose words no LBK prints because of the act."""
    path = str(DATA / "mended" / "LOV-2016-627.xml")
    quoted, source = act_quotations(path), act_source(path)
    assert quoted is not None and source is not None
    lines = quoted.split("\n")
    assert "»Arbejdsmarkedets Erhvervssikring af bidrag, jf. § 55 i lov arbejdsskadesikring,«" in lines  # nr. 16
    assert "»Arbejdsmarkedets Erhvervssygdomssikring«" in lines  # an old text, quoted all the same
    assert ("»Arbejdsmarkedets Erhvervssikring betaler ydelser efter loven for sådanne skader ved erhvervssygdomme af "
            "bidrag, jf. § 55 i lov om arbejdsskadesikring.«") in lines  # nr. 27, an <AendringNyTekst> without marks
    # the opening's citation is the act's body, not a quotation (its title, <TitelGruppe>, is no part of the body)
    assert "21. december 2010 om arbejdsskadesikring i Grønland" in source and "21. december 2010" not in quoted
    assert "ændring af lov om arbejdsskadesikring i Grønland" not in quoted + source
    assert act_quotations(str(DATA / "mended" / "no-such-act.xml")) is None


@pytest.mark.parametrize(("text", "found"), [
    ("I § 3 ændres »A« til: »B«.", ["»A«", "»B«"]),
    ("§ 5 affattes således: »§ 5. Ved »bolig« forstås …«", ["»§ 5. Ved »bolig« forstås …«"]),  # one inside another
    ("Efter stk. 2 indsættes: »Stk. 3. …", ["»Stk. 3. …"]),  # never closed: to the end
    ("ingen citater« her", []),
])
def test_the_outermost_quotations_of_a_text(text: str, found: list[str]) -> None:
    assert quotations(text) == found


def _title_case(item: str) -> tuple[Node, Node, ActCase]:
    """A § 32, stk. 3 written by one operation of an act whose body begins with LOV 627/2016's own title and opening."""
    written = "ændring af lov arbejdsskadesikring i Grønland"  # all its words are the title's: no context beyond them
    source = ("Lov om ændring af lov om arbejdsskadesikring i Grønland § 1 I lov nr. 1528 af 21. december 2010 om "
              "arbejdsskadesikring i Grønland foretages følgende ændringer: 1. I § 32, stk. 3, 2. pkt., ændres "
              f"»Arbejdsmarkedets Erhvervssygdomssikring« til: »{written}«. {item}")
    op = CaseOp(0, "LOV 1/2016 § 1, nr. 1", frozenset({"32"}), (("32", (("stk", "3"),)),),
                ((norm(written), True),), (_folded("Arbejdsmarkedets Erhvervssygdomssikring"),), (_folded(written),), True)
    base = "Bidrag opkræves efter § 55 i lov om {}, jf. dog stk. 4."

    def paragraf(text: str) -> Node:
        return Node(Kind.PARAGRAF, "32", children=(Node(Kind.STK, "3", text=base.format(text)),))

    lbk = written.replace("lov arbejdsskadesikring", "lov om arbejdsskadesikring")
    return paragraf(written), paragraf(lbk), ActCase((op,), (lambda: source,))


@pytest.mark.parametrize(("item", "verdict"), [
    # the LBK's words ("ændring af lov om arbejdsskadesikring i Grønland") stand only in the act's title: taken
    ("2. I § 40 ændres »Arbejdsskadestyrelsen« til: »Arbejdsmarkedets Erhvervssikring«.", ACT_MENDED),
    # another item quotes them as new text (an instruction we may have dropped): unexplained
    ("2. I § 40 ændres »Arbejdsskadestyrelsen« til: »ændring af lov om arbejdsskadesikring i Grønland«.",
     "the LBK's words are in an act"),
])
def test_the_lbks_words_count_only_where_an_act_quotes_them(item: str, verdict: str) -> None:
    """(constructed on LOV 627/2016's slip »… i lov arbejdsskadesikring«, its title and opening) an act makes a
    consolidation print words only by quoting them: a title or a citation holding the LBK's words explains nothing."""
    ours, lbk, case = _title_case(item)
    found = mended("32", ours, lbk, (UnitDiff((("stk", "3"),), aligned=True, addressed=True),), case)
    assert (ACT_MENDED if found.mends else found.reason.split(": ", 1)[-1]).startswith(verdict), found


def test_an_operation_on_punktummer_changes_those_only() -> None:
    """LOV 627/2016 § 1: nr. 24 ("§ 52, stk. 6, 5. og 6. pkt., ophæves, og i stedet indsættes:") and nr. 27 ("§ 53,
    stk. 8, 2. pkt., affattes således:") name punktummer only; nr. 40 ("§ 66 affattes således:") a whole §, nr. 13 a text."""
    ops = {op.source: op for op in act_case([_act("mended/LOV-2016-627.xml", None)]).ops}
    assert [ops[f"LOV 627/2016 § 1, nr. {n}"].pkts for n in (24, 27, 40, 13)] == [True, True, False, False]
