"""Stage 2 (parsers): the state of the text builder: the stack of open units and what is pending.

Input: nothing (filled by parsers.build). Output: the draft tree under `root` and the front lines.
"""

from __future__ import annotations

import regex

from lovkons.model.document import Kind
from lovkons.parsers.draft import Draft

_QUOTE = regex.compile("[»«]")  # the quotes around an amending payload: »new text«

Key = tuple[int, str]
Line = tuple[str, bool, int]  # (text, after a blank line, line number)


class BuildState:
    """Open units (afsnit ⊃ kapitel ⊃ paragraf ⊃ stk ⊃ nr ⊃ litra) and the reading mode."""

    def __init__(self, *, fragment: bool = False, track_quotes: bool = False, clean: bool = False) -> None:
        self.fragment = fragment
        self.clean = clean  # one line per text block (a "# Key: value" rendering), not a PDF extraction
        self.track_quotes = track_quotes or fragment
        self.root = Draft(Kind.DOKUMENT)
        # "front" (title, preamble) → "body" → "tail" | "bilag" | "noter" | "ikraft"
        self.mode = "body" if fragment else "front"
        self.front: list[Line] = []
        self.afsnit: Draft | None = None
        self.kapitel: Draft | None = None
        self.paragraf: Draft | None = None
        self.stk: Draft | None = None
        self.nr: Draft | None = None
        self.litra: Draft | None = None
        self.par_key: Key | None = None
        self.kap_key: Key | None = None
        self.amending_par = False  # the open § holds an amending order's items
        self.pending: list[Line] = []  # heading candidates waiting for what follows
        self.blank = False  # the previous line was blank
        self.prev_blank = False  # a blank line came before the previous line
        self.depth = 0  # guillemet depth: inside »…« lines are payload text
        self.expect_heading: Draft | None = None  # a KAPITEL/AFSNIT/BILAG whose heading comes next
        self.bare: Draft | None = None  # a § whose label stood alone on its line ("§ 9")
        self.bare_heading: Line | None = None  # a heading-like line right after a bare §
        self.tail: Draft | None = None  # UNDERSKRIFT / BILAG / NOTE receiving lines
        self.prev = ""  # the previous non-blank line (stripped)
        self.feeding = False  # inside Builder.feed: a continuation goes to `tail_call`
        # the rest of a line to read next: (line, line number, start, end) = line[start:end]
        self.tail_call: tuple[str, int, int, int] | None = None
        # pattern → (line, searched from, end, first match): glued labels found in a long line
        self._glued_memo: dict[object, tuple[str, int, int, regex.Match[str] | None]] = {}

    def _container(self) -> Draft:
        return self.kapitel or self.afsnit or self.root

    def _close(self, *, afsnit: bool = False, kapitel: bool = False) -> None:
        self.paragraf = self.stk = self.nr = self.litra = None
        self.amending_par = False
        if kapitel or afsnit:
            self.kapitel = None
        if afsnit:
            self.afsnit = None
        self.expect_heading = None

    def _stk_unused(self) -> bool:
        """Is the open stk. the implicit, still empty first stk.?"""
        return self.stk is not None and not self.stk.parts and not self.stk.children and self.stk.label == "1"

    def _count_quotes(self, text: str) -> None:
        if not self.track_quotes:
            return
        opening, closing = text.count("»"), text.count("«")
        if not closing:
            self.depth += opening
        elif not opening:
            self.depth = max(0, self.depth - closing)
        else:  # both: in order, a closing quote never takes the depth below 0
            for ch in _QUOTE.findall(text):
                if ch == "»":
                    self.depth += 1
                else:
                    self.depth = max(0, self.depth - 1)
