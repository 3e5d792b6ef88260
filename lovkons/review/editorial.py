"""Stage 2 (amender, eval): the editorial substitutions an official LBK made without any instruction.

Input: §-maps of base, result and expected; output: word substitutions (ministry renames and the like)
and a function applying them. The rule is strict: a substitution counts as editorial only when the LBK
made it in at least two §§ that no instruction touched (our result == base there, and no error names
them); a wrong § is then "editorial" only if applying these substitutions to our text gives exactly the
expected text. Nothing here changes a consolidation: the eval only SHOWS these differences.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

import regex

Substitution = tuple[str, str]

MIN_SECTIONS = 2  # untouched §§ a substitution must be seen in
_MAX_OLD, _MAX_NEW, _GAP = 8, 10, 2  # words; equal runs of ≤ _GAP words join neighbouring changes


def tokens(text: str) -> str:
    """Words with trailing punctuation split off ("fiskeri," → "fiskeri ,"), the form substitutions use."""
    return regex.sub(r"(?<=\S)([,.;:])(?=\s|$)", r" \1", text)


def untokens(text: str) -> str:
    return regex.sub(r" ([,.;:])(?=\s|$)", r"\1", text)


def _spans(old: list[str], new: list[str]) -> list[tuple[int, int, int, int]]:
    """Changed spans (i1, i2, j1, j2), neighbouring changes split by ≤ _GAP equal words joined into one
    ("Ministeren for fødevarer, landbrug og fiskeri" → "Miljø- og fødevareministeren", not its pieces)."""
    joined: list[list[int]] = []
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            continue
        prev = ops[k - 1] if k else None
        if joined and prev is not None and prev[0] == "equal" and prev[2] - prev[1] <= _GAP and joined[-1][1] == prev[1]:
            joined[-1][1], joined[-1][3] = i2, j2
        else:
            joined.append([i1, i2, j1, j2])
    return [(a, b, c, d) for a, b, c, d in joined]


def substitutions_in(old_text: str, new_text: str) -> list[Substitution]:
    """Word substitutions turning one text into the other; a pure insertion/deletion is anchored on the
    next (or previous) word: "undervisningsministeren" → "børne- og undervisningsministeren"."""
    old, new = tokens(old_text).split(" "), tokens(new_text).split(" ")
    out: list[Substitution] = []
    for i1, i2, j1, j2 in _spans(old, new):
        if i1 == i2 or j1 == j2:  # anchor a bare insertion or deletion on a neighbouring word
            if i2 < len(old) and j2 < len(new):
                i2, j2 = i2 + 1, j2 + 1
            elif i1 > 0 and j1 > 0:
                i1, j1 = i1 - 1, j1 - 1
            else:
                continue
        if i2 - i1 <= _MAX_OLD and j2 - j1 <= _MAX_NEW:
            out.append((" ".join(old[i1:i2]), " ".join(new[j1:j2])))
    return out


def editorial_substitutions(b: Mapping[str, str | None], r: Mapping[str, str | None],
                            e: Mapping[str, str | None], flagged: set[str], *,
                            minimum: int = MIN_SECTIONS) -> list[Substitution]:
    """Substitutions the expected text made in ≥ `minimum` §§ no instruction touched (result == base ≠
    expected, no error about the §), longest first."""
    seen: dict[Substitution, set[str]] = {}
    for label, bv in b.items():
        ev, rv = e.get(label), r.get(label)
        if bv is None or ev is None or rv != bv or bv == ev or label in flagged:
            continue
        for pair in substitutions_in(bv, ev):
            seen.setdefault(pair, set()).add(label)
    pairs = [pair for pair, labels in seen.items() if len(labels) >= minimum]
    return sorted(pairs, key=lambda p: (-len(p[0]), p))


_TITLE = regex.compile(r"(?i)minist")


def title_renames(b: Mapping[str, str | None], r: Mapping[str, str | None], e: Mapping[str, str | None],
                  flagged: set[str]) -> list[Substitution]:
    """Minister/ministry title renames the LBK made in at least ONE § no instruction touched (both sides
    name a minister or ministry). Looser than editorial_substitutions: used only for the separate
    "typo-fix" category of the eval, never to count a § as identical."""
    return [(old, new) for old, new in editorial_substitutions(b, r, e, flagged, minimum=1)
            if _TITLE.search(old) and _TITLE.search(new)]


_HYPHEN_IN_WORD = regex.compile(r"(?<=\p{Ll})-(?=\p{Ll})")
_APOSTROPHES = regex.compile("[\u2019\u02bc\u1fbd\u2018\u00b4]")  # ’ ʼ ᾽ ‘ ´ as in "Energinet.dk's"


def squash(text: str) -> str:
    """The text with all whitespace removed, a hyphen between two lower-case letters removed, and
    typographic variants unified (’ → ', – → -): equal squashes = a difference of spacing inside
    words ("andelaf" / "andel af"), of hyphenation ("Godtgørel-sen") or of glyphs only. The apostrophe
    comes in several code points: LOV 1490/2014 writes »SIKAVʼen« (U+02BC) where LBK 1051/2015 § 52
    prints "SIKAV’en" (U+2019); LBK 418/2016 § 31 prints "Energinet.dk᾽s" (U+1FBD)."""
    text = _APOSTROPHES.sub("'", text).replace("–", "-")
    return regex.sub(r"\s+", "", _HYPHEN_IN_WORD.sub("", text))


def _pattern(old: str, new: str) -> regex.Pattern[str]:
    guard = ""
    if new.casefold().endswith(" " + old.casefold()):  # "X" → "P X": not where "P X" is already written
        guard += rf"(?<!(?i:{regex.escape(new[: -len(old)])}))"
    if new.casefold().startswith(old.casefold() + " "):  # "X" → "X S"
        guard += rf"(?!(?i:{regex.escape(new[len(old):])}))"
    return regex.compile(rf"(?<!\S){guard}{regex.escape(old)}(?!\S)")


def apply_substitutions(text: str | None, pairs: list[Substitution]) -> str | None:
    """The text (in tokens() form) with every substitution made once (a replaced span is never replaced
    again); compare it with tokens(expected)."""
    if text is None or not pairs:
        return text
    text = tokens(text)
    for k, (old, new) in enumerate(pairs):
        text = _pattern(old, new).sub(f"\x00{k}\x00", text)
    return regex.sub(r"\x00(\d+)\x00", lambda m: pairs[int(m[1])][1], text)
