"""The end-anchored patterns of the text parser search from the end (regex.REVERSE, issue #13 speed):
on every line of the real .txt documents of tests/data (and their last 25 characters, as
`is_heading_text` asks) the reverse search finds a match exactly where a forward search does."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from lovkons.parsers.normalize import normalize
from lovkons.parsers.text_numbering import _CITATION_END
from lovkons.parsers.text_patterns import CITING_WORD, SENTENCE_END

DATA = Path(__file__).parent / "data"
FILES = sorted([*(DATA / "laws").glob("*/*.txt"), *(DATA / "bek").glob("*/*.txt")])


def _lines() -> list[str]:
    out = {"…, jf. § 4", "efter reglerne i", "(Ophævet.)", "Anvendelsesområde", "m.v. ,"}
    for path in FILES:
        for line in normalize(path.read_text(encoding="utf-8")).split("\n"):
            out.update((line, line.strip(), line.strip()[-25:]))
    return sorted(out)


@pytest.mark.parametrize("pattern", [CITING_WORD, SENTENCE_END, _CITATION_END], ids=["citing", "sentence", "citation"])
def test_reverse_search_finds_what_a_forward_search_finds(pattern: regex.Pattern[str]) -> None:
    assert pattern.flags & regex.REVERSE
    forward = regex.compile(pattern.pattern, pattern.flags & ~regex.REVERSE)
    lines = _lines()
    assert len(lines) > 10_000
    hits = 0
    for line in lines:
        for pos, end in ((0, len(line)), (max(0, len(line) - 25), len(line))):
            found = forward.search(line, pos, end) is not None
            assert (pattern.search(line, pos, end) is not None) == found, line
            hits += found
    assert hits  # the lines hold matches as well as non-matches
