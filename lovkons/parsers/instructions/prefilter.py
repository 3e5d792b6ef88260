"""Stage 1 (parsers): the cheap test before a pattern is tried: the longest run of literal text that
every match of the pattern contains, derived from the pattern itself.

The formula table (formulas.RULES) and the tables of tolerated slips are tried pattern by pattern on
every clause; most patterns name a verb or a word ("affattes", "indsættes", "pkt.") that most clauses
do not contain. A pattern whose required text is absent from the string cannot match anywhere in it,
so it is not run: the results are the same, only cheaper. The text is read off the pattern's parse
(the standard library's parser reads these `regex` patterns alike; a pattern it cannot read gets no
required text and is always tried):

    ("insert_as", r"(?P<t> .+? ) \\s+ indsættes \\s+ som ...", regex.X)  →  "indsættes"

Only what every match must contain counts: literal characters in sequence, also inside a group, a
repeat of at least one and a positive lookaround, never inside an alternative, an optional part or a
negative lookaround. A case-insensitive pattern's text is compared casefolded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import regex

__all__ = ["Prefilter", "Required", "may_match", "required", "sub_where_possible"]

# the flags both parsers read alike (the values of regex's flags are those of re)
_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII


@dataclass(frozen=True, slots=True)
class Required:
    """Every match contains one of `texts` (none: no certain text); when `folded`, they are casefolded
    and compared casefolded."""

    texts: tuple[str, ...]
    folded: bool


# a named group: the formula patterns reuse a group name in two alternatives ("(?: Som bilag (?P<n> …)
# | Efter bilag … som bilag (?P<n> …) )"), which regex allows and re does not: the second is read as a plain group
_NAMED_GROUP = regex.compile(r"(?<!\\)\(\?P<(\w+)>")


def _as_re(pattern: str) -> str:
    """The pattern as re reads it: a repeated group name made plain, "\\K" left out."""
    seen: set[str] = set()

    def once(m: regex.Match[str]) -> str:
        if m[1] in seen:
            return "(?:"
        seen.add(m[1])
        return m[0]

    return _KEEP.sub(r"\1", _NAMED_GROUP.sub(once, pattern))


# "\K" (regex: the match is kept from here on; the text before it is matched all the same), which re lacks
_KEEP = regex.compile(r"(?<!\\)((?:\\\\)*)\\K")


def required(rx: regex.Pattern[str]) -> Required:
    """The literal text every match of `rx` contains: the longest run, or the alternatives of an
    alternative whose shortest is longest (e.g. "ophæves" or "udgår"); none when none is certain."""
    try:
        parsed = sre_parse.parse(_as_re(rx.pattern), rx.flags & _FLAGS)
    except (re.error, ValueError, TypeError, OverflowError, RecursionError):
        return Required((), False)
    folded = bool(parsed.state.flags & re.IGNORECASE)
    best = max(_needs(list(parsed)), key=lambda texts: (min(map(len, texts)), -len(texts)), default=())
    return Required(tuple(sorted({t.casefold() for t in best} if folded else set(best))), folded)


def may_match(req: Required, text: str, folded: str | None = None) -> bool:
    """False only when a match of the pattern is impossible in `text` (`folded` = text.casefold(),
    computed here when not given)."""
    if not req.texts:
        return True
    s = (text.casefold() if folded is None else folded) if req.folded else text
    return any(t in s for t in req.texts)


def sub_where_possible(rx: regex.Pattern[str], req: Required, replacement: str, text: str) -> str:
    """rx.sub(replacement, text), not run when the pattern's required text is absent."""
    return rx.sub(replacement, text) if may_match(req, text) else text


class Prefilter:
    """The patterns of a table (formulas.RULES) that may match a text, in the table's order: each
    required text is looked for once per text, and the rows it lets through are remembered per set of
    texts present (few sets occur: "indsættes" and "efter", "ændres" and "til" …)."""

    def __init__(self, patterns: Sequence[regex.Pattern[str]]) -> None:
        self.required = tuple(required(rx) for rx in patterns)
        self._keys = tuple(sorted({(t, req.folded) for req in self.required for t in req.texts}))
        self._rows: dict[frozenset[tuple[str, bool]], tuple[int, ...]] = {}

    def candidates(self, text: str) -> tuple[int, ...]:
        """The indexes of the patterns that may match `text`; the others cannot."""
        folded = text.casefold()
        present = frozenset(key for key in self._keys if key[0] in (folded if key[1] else text))
        rows = self._rows.get(present)
        if rows is None:
            if len(self._rows) > 4096:
                self._rows.clear()
            rows = self._rows[present] = tuple(
                i for i, req in enumerate(self.required)
                if not req.texts or any((t, req.folded) in present for t in req.texts))
        return rows


def _needs(items: list[tuple[Any, Any]]) -> list[tuple[str, ...]]:
    """What a sequence of parsed items certainly contains: runs of literal text (one text each) and
    alternatives (one text of each alternative)."""
    out: list[tuple[str, ...]] = []
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if op is sre.AT:  # a zero-width anchor (\b, ^, $) does not part the text around it
            continue
        out.append((run,))
        run = ""
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not (add_flags | del_flags):  # a scoped flag ("(?-i:…)") changes how the text compares
                out.extend(_needs(list(sub)))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:
                out.extend(_needs(list(sub)))
        elif op is sre.ASSERT:  # a positive lookahead or lookbehind: its text is in the string too
            _direction, sub = av
            out.extend(_needs(list(sub)))
        elif op is sre.ATOMIC_GROUP:
            out.extend(_needs(list(av)))
        elif op is sre.BRANCH:  # one alternative matches: one of their texts is there
            picks = [max((t for texts in _needs(list(alt)) if len(texts) == 1 for t in texts), key=len, default="")
                     for alt in av[1]]
            if all(picks):
                out.append(tuple(picks))
        # anything else (a class, any character, a back reference, a negative lookaround, a
        # conditional) is no certain literal text
    out.append((run,))
    return [texts for texts in out if all(texts)]
