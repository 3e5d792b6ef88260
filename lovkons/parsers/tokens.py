"""Stage 1 (parsers): ordered token tables — a small scanner shared by the instruction reader (the
substitution clause: quotes, "til:", "et sted", separators) and the amender's reading of the part of an
act an LBK incorporates ("§ 1, nr. 1-13 og nr. 15-19,"). Kept out of parsers/instructions so that the
amender can use it without compiling the instruction grammar.
"""

from __future__ import annotations

import regex

TokenTable = tuple[tuple[str, regex.Pattern[str]], ...]  # (name, pattern), tried in order


def first_token(table: TokenTable, s: str, pos: int) -> tuple[str, regex.Match[str]] | None:
    """The first token of an ordered table that matches at `pos` and consumes something."""
    for name, rx in table:
        m = rx.match(s, pos)
        if m and m.end() > pos:
            return name, m
    return None
