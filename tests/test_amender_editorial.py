"""The eval's editorial rule (amender.editorial) and the H9 fixes it measured: LOV H documents that
amend other laws, "to steder" over two punktummer, "der bliver 1. og 3. pkt.", tombstone reuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from amender.editorial import apply_substitutions, editorial_substitutions, substitutions_in, tokens
from amender.evaluate import paragraf_map
from amender.manifest import load_manifest, run_manifest
from parsers.edits import DeleteText
from parsers.instructions import read_amending_file
from parsers.instructions.targets import parse_targets

HERE = Path(__file__).parent
LAWS = HERE / "data" / "laws"

OLD = "§ 4. Undervisningsministeren kan fastsætte regler, og undervisningsministeren kan bestemme."
NEW = "§ 4. Børne- og undervisningsministeren kan fastsætte regler, og børne- og undervisningsministeren kan bestemme."


def test_an_insertion_is_anchored_on_the_next_word() -> None:
    assert ("undervisningsministeren", "børne- og undervisningsministeren") in substitutions_in(OLD, NEW)


def test_a_substitution_needs_two_untouched_sections() -> None:
    base = {"4": OLD, "5": OLD.replace("§ 4", "§ 5")}
    expected = {"4": NEW, "5": NEW.replace("§ 4", "§ 5")}
    assert editorial_substitutions(base, base, expected, set())
    assert not editorial_substitutions({"4": OLD}, {"4": OLD}, {"4": NEW}, set())
    assert not editorial_substitutions(base, base, expected, {"4"})  # an error names § 4


def test_applying_never_doubles_a_name_already_renamed() -> None:
    pairs = substitutions_in(OLD, NEW)
    assert apply_substitutions(NEW, pairs) == tokens(NEW)
    assert apply_substitutions(OLD, pairs) == tokens(NEW)


@pytest.mark.parametrize("law", ["LOV-2013-607", "LOV-2011-223", "LOV-2016-261", "LOV-2016-1715"])
def test_a_main_law_amending_other_laws_is_read(law: str) -> None:
    doc = read_amending_file(LAWS / law / f"{law}.xml")
    assert doc.changes and all(block.items for block in doc.changes)


def test_to_steder_over_two_punktummer_is_one_in_each() -> None:
    doc = read_amending_file(LAWS / "LOV-2016-167" / "LOV-2016-167.xml")
    item = next(it for b in doc.changes for it in b.items if "eller sigtet" in it.text)
    deletes = [op for op in item.operations if isinstance(op, DeleteText)]
    assert [(str(op.target), op.count) for op in deletes] == [
        ("§ 745 e, stk. 2, 1. pkt.", 1), ("§ 745 e, stk. 2, 3. pkt.", 1)]


def test_der_bliver_with_several_punktummer_is_one_clause() -> None:
    targets = parse_targets("§ 745 e, stk. 2, 1. og 3. pkt., der bliver stk. 3, 1. og 3. pkt.,")
    assert [str(t.address) for t in targets] == ["§ 745 e, stk. 2, 1. pkt.", "§ 745 e, stk. 2, 3. pkt."]


def test_repeal_and_insert_reuses_tombstones_in_place() -> None:
    run = run_manifest(load_manifest(HERE / "cases" / "L-LBK-2016-388.yaml"), lenient=True)
    labels = [n.label for n in run.result.document.walk() if n.kind.value == "paragraf"]
    assert labels.count("19") == 1 and labels.count("20") == 1
    assert paragraf_map(run.result.document)["19"] is not None
