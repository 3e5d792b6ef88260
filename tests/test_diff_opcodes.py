"""review.diff_align.opcodes: difflib's opcodes (no junk), found by a quicker search — the same answer
on every input, ties included (small alphabets make many equal-length runs)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lovkons.review.diff_align import _TOKEN, opcodes, word_diff


def _difflib(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


tokens = st.lists(st.sampled_from("abcde"), max_size=40)


@settings(max_examples=400, deadline=None)
@given(tokens, tokens)
def test_same_opcodes_as_difflib(a: list[str], b: list[str]) -> None:
    assert opcodes(a, b) == _difflib(a, b)


@settings(max_examples=200, deadline=None)
@given(tokens, st.integers(0, 40), tokens)
def test_same_opcodes_as_difflib_for_a_small_change(a: list[str], at: int, insert: list[str]) -> None:
    b = a[:at] + insert + a[at + 2 :]  # long common ends: the usual amendment of a long provision
    assert opcodes(a, b) == _difflib(a, b)


# Real provisions and their amended wording (LBK 1255/2015's table of contents repeats "|" and "§§").
PAIRS = [
    ("Kap. 1. | Retterne | | §§ | 1-20 b\nKap. 1 a. | Procesbevillingsnævnet | | §§ | 22-27",
     "Kap. 1. | Retterne | | §§ | 1-20 c\nKap. 1 a. | Procesbevillingsnævnet | | §§ | 22-28"),
    ("Justitsministeren kan fastsætte regler om, at ansøgning skal indgives digitalt, jf. § 3, stk. 2.",
     "Erhvervsministeren kan fastsætte regler om, at ansøgning og anmeldelse skal indgives digitalt."),
    ("§ 5 a, stk. 2, 2. pkt., og stk. 3", "§ 5 b, stk. 2, 3. pkt., og § 5 a, stk. 3"),
]


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_real_provisions(old: str, new: str) -> None:
    ka = [t.rstrip() or t for t in _TOKEN.findall(old)]
    kb = [t.rstrip() or t for t in _TOKEN.findall(new)]
    assert opcodes(ka, kb) == _difflib(ka, kb)
    words = word_diff(old, new)
    assert "".join(t for op, t in words if op != "insert") == old
    assert "".join(t for op, t in words if op != "delete") == new



def test_many_short_runs_far_apart_are_handed_to_difflib_with_the_same_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every other one of 1,000 distinct tokens changed: opcodes() would scan ~n²/2 positions (n³ time,
    review11); past its budget it hands over to difflib — the same opcodes either way. A provision's
    ordinary change stays with opcodes()."""

    from lovkons.review import diff_align

    handed: list[int] = []
    real = diff_align._difflib

    def counted(a: Sequence[str], b: Sequence[str]) -> list[diff_align.Opcode]:
        handed.append(len(a))
        return real(a, b)

    monkeypatch.setattr(diff_align, "_difflib", counted)
    a = [f"t{i}" for i in range(1000)]
    b = [f"t{i}" if i % 2 == 0 else f"u{i}" for i in range(1000)]
    assert diff_align.opcodes(a, b) == difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    assert handed == [1000]
    words = ["Stk.", "2.", "Ministeren", "kan", "fastsætte", "nærmere", "regler", "om", "ansøgning"]
    changed = [*words[:2], "Styrelsen", *words[3:]]
    assert diff_align.opcodes(words, changed) == difflib.SequenceMatcher(None, words, changed, autojunk=False).get_opcodes()
    assert handed == [1000]
