"""Stage 2 (parsers, before structure): official note markers glued into the running text of a .txt
rendering ("ministeren2)", "§§ 35 a, 37 a2) og 38-42", "(Ophævet)8)") are left out of the text.

Input: normalized lines; output: the same lines without the markers of the document's own notes.
"""

from __future__ import annotations

import regex

# "Noter" / "Officielle noter" on a line of its own heads the numbered notes at the end.
_NOTER = regex.compile(r"^\s*(?:officielle\s+)?noter\s*$", regex.IGNORECASE)
_NOTE_LINE = regex.compile(r"^\s*(\d{1,3})\)\s")
# A candidate: digits and ")" glued to what precedes (never after a space: a list label "1) …" or
# a reference "nr. 1)" is no marker), followed by a space, the end, punctuation or another marker.
# A lone punctuation mark after it ("43 e13) .") joins the word before the marker.
_CANDIDATE = regex.compile(
    r"(?<=\S)(?<!\b(?:nr|stk|pkt)\.)(?P<digits>\d{1,7})\)(?=\s|$|[.,;:«]|\d{1,3}\))"
    r"(?P<space> (?=[.,;:](?:\s|$)))?"
)
# A marker right after the label of a § or stk. ("§ 10. 2) Der kan …", "Stk. 3. 3) For …").
_LEADING = regex.compile(r"^(?P<unit>§ \d+(?: [a-z])?\. |Stk\. \d+\. )(?P<label>\d{1,3})\) (?=\p{Lu})")
_MONTH_YEAR = regex.compile(
    r"(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december) $"
)
_AFTER_WORD = frozenset(".,;:)«’”")


def note_labels(lines: list[str]) -> tuple[int, frozenset[str]]:
    """The line index of the last "Noter" line and the labels of the numbered notes after it
    ((len(lines), {}) when the document has no notes section)."""
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if len(line) < 24 and _NOTER.match(line):
            labels = frozenset(m[1] for ln in lines[i + 1 :] if (m := _NOTE_LINE.match(ln)))
            return i, labels
    return len(lines), frozenset()


class _Markers:
    """Strips the markers of one document, line by line. Official notes are numbered in the order
    their markers appear, so `last` (the number of the last marker left out) decides where a
    marker glued to digits begins ("stk. 710) ." is "stk. 7" + note 10 when note 9 came before)."""

    def __init__(self, labels: frozenset[str]) -> None:
        self.labels = labels
        self.last = 0

    def line(self, line: str) -> str:
        if ")" in line:
            line = _CANDIDATE.sub(self._drop, line)
            lead = _LEADING.match(line)
            if lead and lead["label"] in self.labels:
                self.last = max(self.last, int(lead["label"]))
                line = lead["unit"] + line[lead.end() :]
        return line

    def _drop(self, m: regex.Match[str]) -> str:
        line, start, digits = m.string, m.start(), m["digits"]
        before = line[start - 1]
        if before.isdigit():
            cut = self._split(line, start, digits, bool(m["space"]))
            if cut is None:
                return m[0]
            self.last = int(digits[cut:])
            return digits[:cut]
        if len(digits) > 3 or digits not in self.labels:
            return m[0]
        if not (before.isalpha() or before in _AFTER_WORD):
            return m[0]
        if _open_parenthesis(line, start) and not (before == ")" and int(digits) == self.last + 1):
            return m[0]  # "(personbil M1)": the ")" closes a parenthesis (unless the next marker)
        self.last = max(self.last, int(digits))
        return ""

    def _split(self, line: str, start: int, digits: str, space: bool) -> int | None:
        """Where a marker glued to a number begins: after a year ("12. juni 20092)") or before a lone
        punctuation mark ("stk. 710) ."), the shortest listed suffix above the last marker."""
        run_start = start
        while run_start > 0 and line[run_start - 1].isdigit():
            run_start -= 1
        whole = line[run_start:start] + digits
        year = len(whole) > 4 and bool(_MONTH_YEAR.search(line, 0, run_start))
        if not (space or year):
            return None
        for size in range(1, min(3, len(whole) - 1) + 1):
            label = whole[-size:]
            if label[0] != "0" and label in self.labels and int(label) > self.last:
                cut = len(digits) - size
                return cut if cut >= 0 and (not year or len(whole) - size == 4) else None
        return None


def strip_note_markers(lines: list[str], start: int = 0) -> list[str]:
    """`lines` with the glued markers of listed notes removed from lines[start:] before the notes
    section; a marker whose number the notes section does not list stays (it is text)."""
    end, labels = note_labels(lines)
    if not labels:
        return lines
    markers = _Markers(labels)
    return [*lines[:start], *(markers.line(ln) for ln in lines[start:end]), *lines[end:]]


def _open_parenthesis(line: str, end: int) -> bool:
    """Is a "(" open at line[end]? (A ")" without its "(", as in a list label "1) …", opens none.)"""
    if "(" not in line[:end]:
        return False
    depth = 0
    for ch in line[:end]:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
    return depth > 0
