"""Stage 2 (review, eval): the "typo-fix" category — a wrong § whose text differs from the LBK's only in
how the same words are written: spacing inside words, hyphenation, glyph variants, letter case, the
cell marks of a table, a spelling slip in a word or two, or (when given) a minister's title the LBK
renamed in some untouched §. Never counted as identical; reported apart from "unexplained".

Input: our § text, the LBK's, the title renames; output: True/False. Punctuation is never a typo-fix
(Wrong.punctuation_only reports it apart inside "unexplained").
"""

from __future__ import annotations

import regex

from lovkons.amender.slips import is_slip
from lovkons.review.editorial import Substitution, apply_substitutions, squash, untokens

_PUNCTUATION = regex.compile(r"[,.;:]")
# "|": where the LBK reader marks a table cell; the LBK sets a list as a borderless table (LBK 947/2011
# § 9: "1) | Udlændingen opnår | a) | 40 point …", the pointsystem that LOV 601/2011 § 1 wrote as an indented list)
_CELL = regex.compile(r"\s*\|\s*")


def unpunctuated(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def written_alike(got: str, expected: str) -> bool:
    """The same characters once spacing, hyphenation, glyph variants (see editorial.squash), table cell
    marks and letter case are set aside. Letter case is the LBK's orthography, never a word of its own:
    a capital after an abbreviation mended ("1 pct. Af grundlaget" → "1 pct. af", LBK 382/2013 § 26),
    the capital of a quotation made lower where it stands inside the sentence (LOV 527/2013 »Den Europæiske
    Unions retsakter« → "i den Europæiske Unions retsakter", LBK 873/2013 § 55), the name of an authority
    written as a proper name once it is a single authority ("statsforvaltningen" → "Statsforvaltningen",
    "det psykiatriske patientklagenævn" → "Det Psykiatriske Patientklagenævn", LBK 1160/2015 §§ 34, 38, 39)."""
    got, expected = _CELL.sub(" ", got), _CELL.sub(" ", expected)
    if squash(got) == squash(expected):
        return True
    return squash(got).casefold() == squash(expected).casefold() and _case_only_inside(got, expected)


# the letter of a § ("§ 13 a"), or of a stk./nr./litra number after its unit ("stk. 2 a"): a label, never orthography
_LABEL_BEFORE = regex.compile(r"^(?:§§?|stk\.|nr\.|litra)$|^\d+[,.]?$", regex.I)
_SENTENCE_END = (".", "!", "?", ":")


def _case_only_inside(got: str, expected: str) -> bool:
    """Every word whose letter case differs stands inside a punktum of the LBK's text and is no label: a
    capital the LBK gives a new punktum ("regler. Den gælder") is what the amender must make itself
    (textops' capital at a new punktum), and "§ 13 a" / "§ 13 A" are two labels (review11). Words are
    compared one by one; when the words do not pair up, no case difference is set aside."""
    ours, lbk = got.split(), expected.split()
    if len(ours) != len(lbk):
        return False
    for i, (a, b) in enumerate(zip(ours, lbk, strict=True)):
        if a == b or a.casefold() != b.casefold():
            continue  # equal, or a difference of spacing/glyphs that squash set aside
        before = lbk[i - 1] if i else ""
        starts = not before or (before.endswith(_SENTENCE_END) and b[:1].isupper())
        if starts or _LABEL_BEFORE.match(before) or (i > 1 and lbk[i - 2] in ("§", "§§")):
            return False
    return True


def typo_fix(got: str | None, expected: str | None, pairs: list[Substitution]) -> bool:
    """got and expected differ only by how the same words are written (written_alike), (when given) the
    title renames, or a spelling slip in a word or two: the "typo-fix" category."""
    if got is None or expected is None:
        return False
    if written_alike(got, expected) or spelling_only(got, expected):
        return True
    fixed = apply_substitutions(got, sorted(pairs, key=lambda p: (-len(p[0]), p)))
    return fixed is not None and written_alike(untokens(fixed), expected)


_SLIPPED_WORDS = 2  # more differing words than this is no longer a slip


def spelling_only(got: str, expected: str) -> bool:
    """The same words but one or two, each an obvious spelling slip of the other by the amender's own
    test (amender.slips.is_slip, what TOLERATED_SPELLING reads past): the LBK silently mended a typing
    slip of the amending act (»etableringtilladelse«, LOV 641/2013 § 1, printed "etableringstilladelse"
    in LBK 122/2015 § 13) or an earlier LBK's ("investeringsinsitut", LBK 1082/2015 § 23, mended in LBK
    1148/2016), or made one of its own ("redunderes", LBK 504/2013 § 19). Another ending or another short
    word ("afgørelsen"/"afgørelse", "denne"/"disse") is another word, not a slip, and stays unexplained."""
    a, b = got.split(), expected.split()
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    # a comma or full stop more or less is punctuation, not spelling (reported apart, see Wrong.punctuation_only)
    return 0 < len(differ) <= _SLIPPED_WORDS and all(
        unpunctuated(x) != unpunctuated(y) and is_slip(x, y) for x, y in differ)
