"""Markdown escaping (renderers.markdown.escape: the substitution skipped for a text without any inline
character) is the two substitutions it stands for: every inline character escaped (_INLINE), a line
start a parser would read as a block marker escaped (_BLOCK_START). Real lines and the edge cases."""

from __future__ import annotations

import pytest

from lovkons.renderers.markdown import _BLOCK_START, _INLINE, escape


def by_patterns(text: str) -> str:
    out = _INLINE.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", out)


CASES = [
    ("Kirkeministeren kan fastsætte nærmere regler om menighedsrådets afholdelse af udgifter.",
     "Kirkeministeren kan fastsætte nærmere regler om menighedsrådets afholdelse af udgifter."),
    ("1) Lov nr. 5 af 4. januar 2010", "1\\) Lov nr. 5 af 4. januar 2010"),
    ("2. Bekendtgørelsen træder i kraft", "2\\. Bekendtgørelsen træder i kraft"),
    ("12.000 kr.", "12.000 kr."),
    ("- 3 pct.", "\\- 3 pct."), ("+ tillæg", "\\+ tillæg"), ("# 1", "\\# 1"), ("=", "\\="),
    ("a*b_c [x] <y> |z| ~w `q` \\", "a\\*b\\_c \\[x\\] \\<y\\> \\|z\\| \\~w \\`q\\` \\\\"),
    ("CO2-kvoter < 25 t", "CO2-kvoter \\< 25 t"), ("٣) arabic-indic digit", "٣\\) arabic-indic digit"),
    ("²) a superscript is not a digit of a list", "²) a superscript is not a digit of a list"),
    ("", ""), ("1)", "1\\)"), ("1)a", "1)a"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "escaped"), CASES)
def test_escape_is_the_two_substitutions(text: str, escaped: str) -> None:
    assert escape(text) == by_patterns(text) == escaped
