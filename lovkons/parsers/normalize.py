"""Stage 1 (parsers): normalize raw text before any structure is read.

Input: decoded text as found in a file. Output: the same text with one kind of space and line break.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that print as (or stand for) a plain space: no-break, thin, figure, narrow no-break,
# em/en spaces, ideographic space, and the tab (PDF extraction uses tabs as column gaps).
# NEL and the Unicode line/paragraph separators are not line breaks for editors: they become spaces.
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v\u0085\u2028\u2029]")
# Invisible characters that carry no text: soft hyphen, zero-width space/joiners, word joiner, BOM.
# The one definition every route uses (the XML reader and the eval strip the same set).
INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
# Line breaks as an editor counts them: CRLF and a lone CR become LF.
_BREAKS = re.compile(r"\r\n?")
# Control characters that are never text (C0 except LF, and DEL).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


# The frequent ones are replaced with str.replace (fast); the regexes run only when a rare one is left.
_COMMON = (("\u00a0", " "), ("\t", " "), ("\u00ad", ""), ("\u200b", ""), ("\ufeff", ""))
_RARE = re.compile(
    r"[\u1680\u2000-\u200a\u202f\u205f\u3000\f\v\u0085\u2028\u2029\u200c\u200d\u2060\x00-\x08\x0e-\x1f\x7f]"
)


def normalize(text: str) -> str:
    """Normalize `text` so that later stages see one kind of space and line break.

    Promises:
    - Unicode NFC (composed "å", "ø", "æ").
    - CRLF and lone CR become LF; the number of lines (LF, CRLF or CR breaks) is unchanged, so a
      line number computed on the result points to the same line in the source.
    - No-break spaces, thin and other typographic spaces, tabs, form/vertical feeds, NEL and
      U+2028/U+2029 become " ".
    - Soft hyphens (U+00AD), zero-width characters and byte-order marks are removed.
    - Other control characters are removed.
    - Runs of spaces are kept (layout gaps are a signal for the segmenter), en/em dashes are kept.
    """
    out = _BREAKS.sub("\n", text) if "\r" in text else text
    for ch, rep in _COMMON:
        if ch in out:
            out = out.replace(ch, rep)
    if _RARE.search(out):
        out = _CONTROL.sub("", _SPACES.sub(" ", _INVISIBLE.sub("", out)))
    return out if unicodedata.is_normalized("NFC", out) else unicodedata.normalize("NFC", out)


def squash(text: str) -> str:
    """Collapse all whitespace runs to one space and strip: the form of node text."""
    return " ".join(text.split())
