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


# ------------------------------------------------------------------ editorial reasons beyond substitutions

_OMITTED = regex.compile(r"(?:^§ [^.]+\.|Stk\. [0-9-]+\.?) \((?:Udelades|Udeladt)\)")
# a § of the base act that amends another law ("ændringsbestemmelse"): an LBK leaves it out, printed
# "(Udelades)" (LBK 1605/2016 §§ 40-42) or not at all (LBK 1074/2016 §§ 197-201, LBK 860/2012 §§ 22-27,
# LBK 336/2016 §§ 51-54), and may number the §§ after it on (LBK 1074/2016 § 200 = LOV 598/2013 § 202)
AMENDS_OTHER_LAW = regex.compile(r"§ [^.]+\. I (?:lov|lovbekendtgørelse|bekendtgørelse)\b[^»]{0,800}?"
                                 r"\bforetages følgende ændring(?:er)?:")
# A repealed stk./nr./litra printed with its number kept and no text: "Stk. 6. (Ophævet)" (LBK 610/2015
# §§ 243, 261, 278, 298, 332 after LOV 616/2013 "I § 243 ophæves stk. 6"), "Stk. 2-4. (Ophævet)" (LBK
# 1253/2013 § 155 after LOV 1231/2012), "2) (Ophævet)". Whether an LBK prints one is the editor's choice,
# not the act's: over the 195 development cases (bench/repealed_units.py) a repealed last unit is printed
# so 9 times (two LBKs of one ministry) and left out 55 times, also by that ministry (LBK 1229/2016 § 84 b);
# a unit with followers is never kept, they move up (64). The same law's next LBK drops them again: LBK
# 1089/2015 prints none of the six placeholders of LBK 610/2015 (§ 192: "Stk. 3. (Ophævet)" gone), LBK 9/2017 § 31
# drops the "Stk. 8. (Ophævet)" its base had. The placeholder carries no law text.
_PLACEHOLDER_UNIT = regex.compile(
    r"""(?<![^\s.:;])                                   # a unit of its own, not a citation inside a sentence
        (?:Stk\.\s\d+(?:\s?[a-zæø])?(?:\s?-\s?\d+)?\.   # Stk. 6.  Stk. 2-4.  Stk. 3 a.
         | \d+(?:\s?[a-zæø])?\)                          # 2)  4 a)
         | [a-zæø]\))                                    # b)
        \s\((?:Ophævet|Ophævede|Udgået)\)\.?(?!\S)""",
    regex.VERBOSE)


def without_placeholders(text: str) -> str:
    """The § text with every placeholder of a repealed stk./nr./litra left out."""
    return " ".join(_PLACEHOLDER_UNIT.sub(" ", text).split())


def editorial_reason(label: str, got: str | None, expected: str | None, result: Mapping[str, str | None],
                     official: Mapping[str, str | None]) -> str:
    """Why a wrong § is editorial beyond substitutions ("placeholder" / "omitted" / "renumbered"), or ""."""
    if got is not None and expected is not None and without_placeholders(got) == without_placeholders(expected):
        return "placeholder"
    if expected is not None and _OMITTED.search(expected):
        if _OMITTED.match(expected) and "-" in label:  # "§ 43 b-43 d. (Udelades)": a range the LBK left out
            return "omitted"
        body = regex.escape(expected)
        for m in reversed(list(_OMITTED.finditer(expected))):  # each omitted unit stands for any text
            unit = r"Stk\. \d+\..*?" if m[0].startswith("Stk.") else regex.escape(m[0].split(" (")[0]) + r"(?: .*?)?"
            body = body.replace(regex.escape(m[0]), unit, 1)
        if got is not None and regex.fullmatch(body, got):
            return "omitted"
    if expected is None and got is not None and AMENDS_OTHER_LAW.match(got):
        return "omitted"

    def strip(text: str | None) -> str | None:
        if not text or _OMITTED.match(text):  # "(Udelades)" alone says nothing about where a text went
            return None
        return regex.sub(r"^§ [^.]+\.", "§", text)
    mine = {strip(v) for k, v in result.items() if k != label and v}
    theirs = {strip(v) for k, v in official.items() if k != label and v}
    left_out = got is None or strip(got) in theirs or bool(AMENDS_OTHER_LAW.match(got))
    moved = (expected is None or strip(expected) in mine) and left_out
    if moved and (strip(got) or strip(expected)):
        return "renumbered"
    return ""
