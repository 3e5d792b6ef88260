"""The top index carried from tree version to tree version (amender.tree) always equals a fresh build:
on hand-made changes of every kind, and after every change while consolidating real cases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import lovkons.amender.tree as tree
from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.amender.manifest import load_manifest, read_doc, read_order
from lovkons.amender.tree import (
    build_top_index,
    children_at,
    node_at,
    replace_at,
    set_children,
    shift_path,
    top_index,
)
from lovkons.model.document import Document, Kind, Meta, Node

CASES = Path(__file__).parent / "cases"


def _doc() -> Document:
    def par(label: str) -> Node:
        return Node(Kind.PARAGRAF, label, children=(Node(Kind.STK, "1", text=f"Tekst {label}."),))

    kap1 = Node(Kind.KAPITEL, "1", heading="A", children=(par("1"), Node(Kind.OVERSKRIFT, text="H"), par("2")))
    kap2 = Node(Kind.KAPITEL, "2", heading="B", children=(par("3"), par("4")))
    return ensure_ids(Document(Meta("BEK", 1, 2020), "", (kap1, kap2, Node(Kind.BILAG, "1", text="x"))))


def _new_par(label: str) -> Node:
    return Node(Kind.PARAGRAF, label, id=f"p{label}", children=(Node(Kind.STK, "1", text="Ny."),))


Change = Callable[[Document], Document]
CHANGES: dict[str, tuple[Change, bool]] = {  # name: (change, whether the index object is shared)
    "stk text": (lambda d: replace_at(d, (0, 0, 0), [node_at(d, (0, 0, 0)).with_(text="Ændret.")]), True),
    "§ recast, same id": (lambda d: replace_at(d, (0, 0), [node_at(d, (0, 0)).with_(children=())]), True),
    "§ tombstone": (lambda d: replace_at(d, (1, 1), [node_at(d, (1, 1)).with_(repealed=True, children=())]), True),
    "kapitel heading": (lambda d: replace_at(d, (1,), [node_at(d, (1,)).with_(heading="C")]), True),
    "§ inserted": (lambda d: set_children(d, (0,), (*children_at(d, (0,)), _new_par("2 a"))), False),
    "§ removed": (lambda d: replace_at(d, (0, 1), []), False),
    "§ relabelled": (lambda d: replace_at(d, (1, 0), [node_at(d, (1, 0)).with_(label="3 a")]), False),
    "§ new id": (lambda d: replace_at(d, (1, 0), [node_at(d, (1, 0)).with_(id="other")]), False),
    "kapitel inserted": (lambda d: set_children(d, (), (Node(Kind.KAPITEL, "0", id="kap0"), *d.children)), False),
    "§ moved into kapitel": (lambda d: replace_at(d, (1,), [node_at(d, (1,)).with_(
        children=(*children_at(d, (1,)), _new_par("5")))]), False),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_carried_index_equals_a_fresh_build(name: str) -> None:
    change, shared = CHANGES[name]
    before = _doc()
    old_index = top_index(before)
    after = change(before)
    assert top_index(after) == build_top_index(after)
    assert (top_index(after) is old_index) is shared


def test_shift_path_after_a_removal() -> None:
    assert shift_path((1, 3), (1, 1)) == (1, 2)  # a sibling before it went
    assert shift_path((2, 0), (1,)) == (1, 0)  # an ancestor's sibling before it went
    assert shift_path((1, 0), (1, 1)) == (1, 0)  # the removed node stood after it
    assert shift_path((0, 5), (1, 1)) == (0, 5)  # another branch


@pytest.mark.parametrize("case", ["L-LBK-2016-1257", "L-LBK-2013-1274", "L-LBK-2016-119"])
def test_every_index_used_while_consolidating_is_right(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    carried = tree._carry_index
    checked = []

    def carry_and_check(doc: Document, result: Document, *args: object) -> None:
        carried(doc, result, *args)  # type: ignore[arg-type]
        index = tree._cached(result)
        if index is not None:
            assert index == build_top_index(result)
            checked.append(index)

    monkeypatch.setattr(tree, "_carry_index", carry_and_check)
    manifest = load_manifest(CASES / f"{case}.yaml")
    base = read_doc(manifest.base)
    orders = [read_order(a.path) for a in manifest.amendments]
    consolidate(base, orders)
    assert checked  # the case does change the tree
