"""payload.one_line (str.split where it splits as \\s does) and clean_block's untouched lines give what the
regular expressions give, on every real sentence of tests/data/instructions/*.tsv and on every kind of space."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from lovkons.parsers.instructions.payload import clean_block, one_line
from lovkons.parsers.normalize import INVISIBLE_CHARS

DATA = Path(__file__).parent / "data" / "instructions"
SPACES = ["\t", "\n", "\v", "\f", "\r", "\x1c", "\x1d", "\x1e", "\x1f", " ", "\x85", "\xa0", "\u1680", "\u2000",
          "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\u200b", "\xad"]
SENTENCES = [cell for f in sorted(DATA.glob("*.tsv")) for ln in f.read_text(encoding="utf-8").splitlines()
             if not ln.startswith("#") for cell in ln.split("\t")]


def _made() -> list[str]:
    out = []
    for sp in SPACES:
        out += [f"I{sp}§ 3", f"{sp}a{sp}{sp}b{sp}", f"a {sp} b", sp, f"x{sp}", f"{sp}x", f"»A«{sp}\n{sp}til"]
    return out


@pytest.mark.parametrize("text", [*_made(), *SENTENCES, ""])
def test_one_line_is_the_regex(text: str) -> None:
    assert one_line(text) == regex.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("text", [*_made(), *SENTENCES])
def test_clean_block_is_the_regex(text: str) -> None:
    s = regex.sub(f"[{INVISIBLE_CHARS}]", "", text).replace("\xa0", " ").replace("\r", "")
    lines = [regex.sub(r"[ \t\f\v]+", " ", ln).strip() for ln in s.split("\n")]
    assert clean_block(text) == "\n".join(ln for ln in lines if ln)
