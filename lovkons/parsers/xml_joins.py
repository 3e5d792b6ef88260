"""Stage 1 (LexDania text): where LexDania's pieces of text meet — the Char runs of a Linea
(`chars_joined`) and the Lineas of an Exitus (`lines_joined`) — and whether a space stands between them.

Used by `parsers.xml_text`; `review.acts` reads an act's raw source with the same line rule
(`ORDINAL_BEFORE_DASH_LINE`).
"""

from __future__ import annotations

import re

from lxml import etree

_MARKER = re.compile(r"\s*(?:\d{1,3}\)\s*)+")  # "2)" and several at once: "2)3)" (LBK 143/2011 § 8)


def is_marker_char(ch: etree._Element) -> bool:
    """A superscript "2)" or "2)3)" typed as a Char (references to notes given earlier, without a Nota)."""
    return ch.get("formaChar") == "Superscript" and bool(_MARKER.fullmatch(ch.text or ""))


def chars_joined(chars: list[etree._Element], markers: bool = False) -> str:
    """The texts of Char elements concatenated as written, a space put where `_lost_space` says (only two runs
    that meet without a space at the split are looked at: a few in a hundred). With `markers`, a superscript note
    marker ("2)") is left out, and where it stood between two words with no space on either side, the words stay
    two: "… finder loven om arbejdsskadeforsikring" + "2) " + "tilsvarende anvendelse …" (LBK 1077/2016 § 66,
    stk. 2, which LOV 1746/2016 § 9, nr. 11 changes); "… sodavand, mineralvand" + "3) " + "og alkoholsodavand:"
    (LBK 1017/2013). A note marker never stands inside a word."""
    runs = [ch.text for ch in chars]
    if len(runs) < 2 and not markers:
        return (runs[0] or "") if runs else ""
    out: list[str] = []
    prev: etree._Element | None = None
    last = ""
    skipped = False
    for ch, run in zip(chars, runs, strict=True):
        if markers and is_marker_char(ch):
            skipped = True
            continue
        if run:
            if prev is not None and (
                    (not last[-1].isspace() and not run[0].isspace() and _lost_space(prev, ch))
                    or (skipped and last[-1:].isalnum() and run[:1].isalnum())):
                out.append(" ")
            out.append(run)
            prev, last = ch, run
            skipped = False
    return "".join(out)


def _lost_space(left: etree._Element, right: etree._Element) -> bool:
    """Two plain Char elements (no formaChar) one after the other, split at a line break of the file and
    neither with a space at the split (`_joined` checks that): the words were two. "<Char>… den andel</Char>⏎
    <Char>af den totale mængde …</Char>" is "andel af" (LBK 415/2011 § 12, as LBK 500/2013 prints it), "<Char>…
    gælder §§</Char>⏎<Char>9-13, 31 og 32</Char>" is "§§ 9-13" (LBK 1714/2010): all 59 such splits of the
    2010-2017 corpus. A Char with a form stays glued: "m" + superscript "2" is "m2", "CO" + subscript "2" is
    "CO2". The line break is read off the source lines (the document reader drops blank tails)."""
    if left.get("formaChar") is not None or right.get("formaChar") is not None or left.getnext() is not right:
        return False
    return _source_line(right) > _source_line(left) + (left.text or "").count("\n")


def _source_line(el: etree._Element) -> int:
    line = el.sourceline
    return line if isinstance(line, int) else 0

# A Linea ending in an ordinal ("9.", "1.", "a.") and the next beginning with a hyphen glued to its word
# ("-klasseprøver", "-3. pkt.", "-dagen") or the hyphen of a shared word part ("- eller 10.-klasseprøver"):
# the source was cut at the ordinal's full stop, and the word goes on ("folkeskolens 9.</Char></Linea>
# <Linea><Char>-klasseprøver", LBK 1534/2015 § 14, printed "9.-klasseprøver" by LBK 747/2016; "1." +
# "-3. pkt." in LOV 1556/2010; "senest 11." + "-dagen", LBK 145/2012): every such cut of the 2010-2017 corpus
# (90 in 21 files). Not a sentence end ("1998." + "- - - §", an omission) or a label ("Stk. 2." + "---.").
_ORDINAL_END = re.compile(r"(?:^|[^\w.])(?:\d{1,3}|[^\W\d_])\.$")
_DASH_GOES_ON = re.compile(r"-(?:[^\W_]|[\xad\u200c]|\s+(?:eller|og|til)\b)")


# A Linea ending in a full stop and the next beginning with a closing mark (",", ";", ":", ")", "]", "«", "”"):
# the source was cut after an abbreviation's full stop ("m.m.", "lign.", "ff.", "vol.") or a sentence's stop
# inside brackets or quotes, and the mark follows it with no space, as Danish typesetting never sets one before
# a closing mark: "I lov om afgift ved udstykning m.m.</Linea><Linea>, jf. lovbekendtgørelse nr. 42" (LOV 12/2010
# § 3) is "m.m., jf.", "(EF-Tidende 2001, nr. L 75, side 1 ff.</Linea><Linea>) og" (LOV 553/2010) is "ff.) og",
# "ændres »hundekampe.</Linea><Linea>« til:" (LOV 717/2010 § 1, nr. 17) is "»hundekampe.« til:", "og
# lign.</Linea><Linea>, tidsskrifter" (LOV 1536/2010): every such cut of the 2010-2017 corpus (273 in 101 files:
# 145 before ",", 101 before ")", mostly an LBK note's "(Lovændringen angår … ." + ")", 12 "]", 7 ":", 4 "«",
# 4 "”"; 119 after "lign."/"el.lign.").
CLOSING_MARKS = frozenset(",;:)]«”")
_JOIN_STARTS = CLOSING_MARKS | {"-"}


def lines_joined(lines: list[str]) -> str:
    """Texts of Lineas (or of the pieces of an element) joined by one space, but for a line cut at an ordinal
    before a hyphen that goes on (`_DASH_GOES_ON`): no space there ("9." + "-klasseprøver" → "9.-klasseprøver"),
    and for a line cut at a full stop before a closing mark (`CLOSING_MARKS`: "m.m." + ", jf." → "m.m., jf.").
    One look at the first character of each line decides for nearly every text: none starts with "-" or a
    closing mark."""
    if len(lines) < 2:
        return lines[0] if lines else ""
    for line in lines:  # (the first line's start is never a join: looked at with the others, one loop fewer)
        if line[:1] in _JOIN_STARTS:
            break
    else:
        return " ".join(lines)
    text = lines[0]
    for line in lines[1:]:
        text += line if joins_without_space(text, line) else " " + line
    return text


def joins_without_space(before: str, line: str) -> bool:
    """A line cut from the text `before` it at a full stop: an ordinal before a hyphen that goes on (`_DASH_GOES_ON`)
    or any full stop before a closing mark (`CLOSING_MARKS`). The one test of both readers: this module's
    `lines_joined` and `review.acts`' raw reading of an act."""
    return before[-1:] == "." and (line[:1] in CLOSING_MARKS or (
        line[:1] == "-" and _DASH_GOES_ON.match(line) is not None and _ORDINAL_END.search(before[-6:]) is not None))
