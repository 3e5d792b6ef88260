"""Amender properties (hypothesis) on a small hand-built tree: replacing a unit with itself is the
identity, and an operation changes only the § it targets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lovkons.amender.apply import apply, context_for
from lovkons.amender.resolve import resolve_current
from lovkons.model.edits import Repeal, Replace, ReplaceText
from tests.amender_trees import A, at, doc, run

# ---------------------------------------------------------------------------------------- properties

ADDRESSES = ["§ 1", "§ 2", "§ 2, nr. 2", "§ 3", "§ 3, stk. 2", "§ 4", "§ 5", "kapitel 2"]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(ADDRESSES))
def test_replace_with_own_content_is_identity(address: str) -> None:
    d = doc()
    node = at(d, address)
    new, problems = apply(d, Replace(A(address), (node,)), context_for(d, None))
    assert problems == ()
    assert at(new, address) == node
    assert new == d


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(ADDRESSES[:-1]), st.sampled_from(["§ 1", "§ 2", "§ 3", "§ 4", "§ 5"]))
def test_repeal_leaves_other_paragraffer_untouched(address: str, other: str) -> None:
    d = doc()
    new, _ = run(Repeal(A(address)), d)
    owner = address.split(",")[0]
    if owner != other:
        assert at(new, other) == at(d, other)
    node = at(new, owner)
    assert node.repealed or at(new, owner) != at(d, owner)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="abcæø 425.,", min_size=1, max_size=8), st.text(alphabet="xyz ", max_size=6))
def test_text_ops_change_only_their_paragraf(old: str, new: str) -> None:
    d = doc()
    out, problems = run(ReplaceText(A("§ 4"), old, new), d)
    for label in ("1", "2", "3", "5"):
        assert at(out, f"§ {label}") == at(d, f"§ {label}")
    if any(p.severity == "error" for p in problems):  # type: ignore[attr-defined]
        assert out == d


@pytest.mark.parametrize("address", ["§ 4, stk. 1", "§ 3, stk. 3"])
def test_repeal_then_resolve_finds_nothing_or_tombstone(address: str) -> None:
    from lovkons.amender.resolve import ResolveError

    d, _ = run(Repeal(A(address)))
    with pytest.raises(ResolveError):
        resolve_current(d, A(address))
