"""Stage 2 (parsers): where unlabelled text goes: the open unit, a text block after a list or
table, or a pending heading decided when the next unit starts (front matter → preamble + headings).

Input: text lines from parsers.build. Output: parts of the open drafts, OVERSKRIFT/TEKST drafts.
"""

from __future__ import annotations

import regex

from lovkons.model.document import Kind
from lovkons.parsers.draft import Draft
from lovkons.parsers.segment import Token
from lovkons.parsers.text_numbering import NumberingRules
from lovkons.parsers.text_patterns import PREAMBLE, is_heading_text

TOMBSTONE = regex.compile(r"^\((?:Ophævet|Ophæves)\.?\)\.?$", regex.IGNORECASE)
_AMENDING = regex.compile(r"foretages\s+følgende\s+ændring|ændres\s+således|affattes\s+således")
# Rules after which a heading-like line that followed a bare "§ 9" turns out to be a heading.
_UNIT_RULES = frozenset({"paragraf", "paragrafer", "stk", "nr", "kapitel", "afsnit", "bog"})


class TextRules(NumberingRules):
    """Continuation text, text blocks after lists, and heading candidates."""

    def _resolve_bare_heading(self, tok: Token | None) -> None:
        """ "§ 1\nØkonomi- og Erhvervsministeriet\nI …": the line after a bare § heads that §."""
        assert self.bare_heading is not None
        text, _b, lineno = self.bare_heading
        self.bare_heading = None
        par = self.bare
        container = self._container()
        starts = tok is not None and (tok.rule in _UNIT_RULES or tok.rest_head(1).isupper())
        if starts and par is not None and par in container.children:
            at = next(i for i, c in enumerate(container.children) if c is par)
            container.children.insert(at, Draft(Kind.OVERSKRIFT, parts=[text], line=lineno))
        else:
            self._append_text(text, lineno)

    def _begin(self, paragraf: bool = False) -> None:
        if self.mode != "front":
            return
        self.mode = "body"
        if not paragraf:
            return
        # trailing heading lines of the front matter head § 1 ("Anvendelsesområde", a ministry)
        front = self.front
        i = len(front)
        while (
            i > 1
            and is_heading_text(front[i - 1][0], after_blank=front[i - 1][1])
            and not front[i - 1][0].endswith(":")
        ):
            i -= 1
        preamble = any(PREAMBLE.search(t) for t, _b, _n in front[:i])
        if 1 <= i < len(front) and (front[i - 1][0].endswith(":") or (front[i][1] and preamble)):
            self.pending[:0] = front[i:]
            del front[i:]

    def _front_closed(self) -> bool:
        """Has the front matter ended (preamble ending in ":" or a blank line after it)?"""
        return bool(self.front) and (self.front[-1][0].endswith(":") or self.blank)

    def _append_text(self, text: str, lineno: int) -> None:
        if self.mode == "front":
            self.front.append((text.strip(), False, lineno))
            return
        target = self.litra or self.nr or self.stk
        if target is None:
            if self.paragraf is not None and self.paragraf.repealed:
                self.paragraf.repealed = False
                self.stk = target = self.paragraf.add(Draft(Kind.STK, "1", line=lineno))
            else:  # a repealed chapter: "Kapitel 3 a\nSkrotningsbidrag\n(Ophævet)"
                kind = Kind.OVERSKRIFT if TOMBSTONE.match(text.strip()) else Kind.TEKST
                self._container().add(Draft(kind, parts=[text], line=lineno))
                return
        elif target is self.stk and target.children and target.children[-1].kind is Kind.TEKST:
            target.add(Draft(Kind.TEKST, parts=[text], line=lineno))  # text after a table
            return
        elif target is self.nr and self.stk is not None and (self.clean or _after_list(self.stk)):
            self.stk.add(Draft(Kind.TEKST, parts=[text], line=lineno))
            self.nr = None
            return
        target.parts.append(text)
        if (
            not self.amending_par
            and self.paragraf is not None
            and ("ændring" in text or "således" in text)  # (a cheap test before the search)
            and _AMENDING.search(text)
        ):
            self.amending_par = True

    def _decide_pending(self, before_paragraf: bool) -> None:
        """Pending heading candidates: OVERSKRIFT nodes before a new §, else continuation text."""
        pending, self.pending = self.pending, []
        if not pending:
            return
        if before_paragraf and self.fragment and self.paragraf is None:
            text = " ".join(t for t, _b, _n in pending)  # a payload's heading broken over lines
            self._container().add(Draft(Kind.OVERSKRIFT, parts=[text], line=pending[0][2]))
            return
        if before_paragraf:
            cut = len(pending)
            while cut > 0 and is_heading_text(pending[cut - 1][0], after_blank=pending[cut - 1][1]):
                cut -= 1
            for text, _b, line in pending[:cut]:
                self._append_text(text, line)
            self._close()
            for text, _b, line in pending[cut:]:
                self._container().add(Draft(Kind.OVERSKRIFT, parts=[text], line=line))
            return
        for text, _b, line in pending:
            self._append_text(text, line)

    def _flush_pending(self) -> None:
        self._decide_pending(False)


def _after_list(stk: Draft) -> bool:
    """Is a new line after the last nr. text after the list (the list's last item is closed)?"""
    nrs = [c for c in stk.children if c.kind is Kind.NR]
    if len(nrs) < 2 or nrs[-1].children:
        return False
    prev, last = nrs[-2].text, nrs[-1].text
    closed_list = prev.endswith((",", ";", " og", " eller")) and last.endswith(".")
    return closed_list
