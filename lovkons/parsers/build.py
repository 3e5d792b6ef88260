"""Stage 2 (parsers): build the draft tree from classified lines with a stack of open units.

Input: normalized lines. Output: Draft tree + front matter lines. Numbering expectations decide
whether a "§ N." starts a paragraf or is a reference inside a sentence.
"""

from __future__ import annotations

import regex

from lovkons.model.document import Kind
from lovkons.parsers.draft import Draft
from lovkons.parsers.segment import ORDINALS, Token, classify, strip_span
from lovkons.parsers.text_blocks import TOMBSTONE, TextRules
from lovkons.parsers.text_numbering import split_trailing_heading
from lovkons.parsers.text_patterns import (
    EMBEDDED_KAPITEL,
    EMBEDDED_STK,
    is_heading_text,
    label_key,
    roman,
    split_chapter_heading,
    split_heading_run,
)
from lovkons.parsers.text_tail import TailRules

_ITEM_LINE = regex.compile(r"\d+\.\s.*[.«]$")
_AMENDING_OPENING = regex.compile(r"I\s+(?:lov|bekendtgørelse|\p{Ll}*loven)\b|Loven\s+træder\b")
_GLUED_KAPITEL = regex.compile(r"(?<=\s)Kapitel\s+\d")
_GLUED_UNIT = regex.compile(f"{EMBEDDED_KAPITEL.pattern}|{EMBEDDED_STK.pattern}")  # the earlier of the two
_VIEW_MIN = 1000  # a rest of a line longer than this is read in place (segment._LONG: head rules)
_TOMBSTONE_MAX = 40  # "(Ophævet)." with some spaces: longer text is no tombstone


def _short(text: str, start: int, end: int, most: int) -> bool:
    """Is text[start:end], stripped, at most `most` characters long (without cutting a long one out)?"""
    if end - start <= most:
        return True
    a, b = strip_span(text, start, end)
    return b - a <= most


class Builder(TextRules, TailRules):
    """Feed lines with `feed`; read `root`, `front` (lines before the first unit) afterwards."""

    # ------------------------------------------------------------------ feeding
    def feed(self, line: str, lineno: int) -> None:
        """Read one line. A line holding several glued units ("Stk. 2. … Stk. 3. …" in a flattened
        payload) continues through `_feed_next` in this loop, not by recursion (no depth limit),
        and each step reads the line in place from where the last one stopped (no copy of the rest
        of the line per unit: reading n glued units is linear in the line's length)."""
        outer, self.feeding = self.feeding, True
        first: str | None = None  # the line, when its first step was read as a unit
        units = 0  # steps of this chain that were read as units
        pos, end = 0, len(line)
        try:
            while True:
                self.tail_call = None
                if self._feed_one(line, lineno, pos, end):
                    if units == 0:
                        first = line if pos == 0 and end == len(line) else line[pos:end]
                    units += 1
                if self.tail_call is None:
                    break
                line, lineno, pos, end = self.tail_call
        finally:
            self.feeding = outer
        if units:  # what each nested call did on return, innermost first; only the outermost stays
            if units > 1:
                self.blank = False
            self.prev_blank = self.blank
            self.blank = False
            assert first is not None
            self.prev = first.strip()

    def _feed_next(self, line: str, lineno: int, pos: int = 0, end: int | None = None) -> None:
        """Go on with line[pos:end], the rest of the current line: the last action of the current step."""
        end = len(line) if end is None else end
        if self.feeding:
            self.tail_call = (line, lineno, pos, end)
        elif pos == 0 and end == len(line):
            self.feed(line, lineno)
        else:
            self.feed(line[pos:end], lineno)

    def _drain(self) -> None:
        """Finish a continuation left by a nested step before the caller goes on."""
        if self.tail_call is not None:
            line, lineno, pos, end = self.tail_call
            self.tail_call = None
            self.feed(line[pos:end] if pos or end != len(line) else line, lineno)

    def _feed_one(self, line: str, lineno: int, pos: int = 0, end: int | None = None) -> bool:
        """One step of `feed` on line[pos:end]; False when it was payload or blank (no unit
        bookkeeping). A short or unusual rest is cut out and read as a line of its own; a long one
        (a flattened payload) is read in place by the unit rules (`_feed_view`)."""
        end = len(line) if end is None else end
        if pos or end != len(line):
            if end - pos > _VIEW_MIN and self.depth == 0 and self.bare_heading is None and self.mode == "body":
                tok = classify(line, lineno, pos, end)
                if tok.span is not None and self._feed_view(tok, line, pos, end):
                    return True
            line = line[pos:end]
        if self.depth > 0 and not self._stray_quote_ends(line):
            if line.strip():
                self._append_text(line, lineno)
                self.prev = line.strip()
            self.blank = not line.strip()
            self._count_quotes(line)
            return False
        tok = classify(line, lineno)
        if tok.rule == "blank":
            self.blank = True
            return False
        if self.bare_heading is not None:
            self._resolve_bare_heading(tok)
        if self.mode in ("noter", "bilag", "tail", "ikraft"):
            self._feed_tail(tok, line)
        else:
            self._feed_body(tok, line)
        return True

    def _feed_view(self, tok: Token, line: str, pos: int, end: int) -> bool:
        """The steps of `_feed_body` that a unit glued into a long line takes, read in place: a § (or
        a range of §§), a stk., a kapitel, or text. False (nothing done) for anything else."""
        rule, label = tok.rule, tok.label
        if rule in ("paragraf", "paragrafer") and label and self._accept_paragraf(label):
            self._begin(paragraf=True)
            self._start_paragraf(tok)
            return True
        if rule == "stk" and label and self.paragraf is not None and self._accept_stk(label):
            self._decide_pending(False)
            self._start_stk(tok)
            return True
        if rule == "kapitel" and label and self._accept_kapitel(label):
            return self._start_kapitel(tok, line)
        if rule == "text" or rule in ("paragraf", "paragrafer", "stk", "kapitel"):  # not accepted: text
            self._text(line, tok.line, start=pos, end=end)
            return True
        return False

    def _stray_quote_ends(self, line: str) -> bool:
        """An unclosed »: the expected next "§ 43." after an item "4. … ophæves." and a blank line,
        or opening like a § of an amending law ("§ 43. I lov om …")."""
        if self.fragment or not line.startswith("§"):
            return False
        tok = classify(line, 0)
        if tok.rule != "paragraf" or not tok.label or not self._next_paragraf(tok.label):
            return False
        if not (self.blank and _ITEM_LINE.match(self.prev)) and not _AMENDING_OPENING.match(tok.rest):
            return False
        self.depth = 0
        return True

    def _feed_body(self, tok: Token, line: str) -> None:
        rule = tok.rule
        started = self.mode == "body"
        if rule == "bog" and tok.label:
            self._begin()
            self._close(afsnit=True)
            d = self._container().add(Draft(Kind.OVERSKRIFT, parts=[line.strip()], line=tok.line))
            d.id_hint = f"bog{ORDINALS.get(tok.label.lower(), 0)}"
            self.expect_heading = d
            return
        if rule == "afsnit":
            self._begin()
            self._close(afsnit=True)
            lab = tok.label or ""
            label = roman(ORDINALS[lab.lower()]) if lab.lower() in ORDINALS else lab
            rest = tok.rest
            glued = _GLUED_KAPITEL.search(rest) if self.fragment else None  # flattened payload
            heading = rest[: glued.start()].strip() if glued else rest
            self.afsnit = self.root.add(
                Draft(Kind.AFSNIT, label or None, heading=heading or None, line=tok.line)
            )
            self.expect_heading = None if rest else self.afsnit
            if glued:
                self._feed_next(rest[glued.start() :], tok.line)
            return
        if rule == "kapitel" and tok.label and self._accept_kapitel(tok.label):
            self._start_kapitel(tok, line)
            return
        if rule in ("paragraf", "paragrafer") and tok.label and self._accept_paragraf(tok.label):
            self._begin(paragraf=True)
            self._start_paragraf(tok)
            return
        if started and self.paragraf is not None:
            if rule == "stk" and tok.label and self._accept_stk(tok.label):
                self._decide_pending(False)
                self._start_stk(tok)
                return
            if rule == "nr" and tok.label and self.stk is not None:
                self._decide_pending(False)
                self.litra = None
                self.nr = self.stk.add(Draft(Kind.NR, tok.label, parts=[tok.rest], line=tok.line))
                self._count_quotes(tok.rest)
                return
            if rule == "litra" and tok.label and (self.nr or self.stk) is not None:
                self._decide_pending(False)
                parent = self.nr or self.stk
                assert parent is not None
                self.litra = parent.add(Draft(Kind.LITRA, tok.label, parts=[tok.rest], line=tok.line))
                self._count_quotes(tok.rest)
                return
            if rule == "table" and self.stk is not None:
                self._decide_pending(False)
                self.stk.add(Draft(Kind.TEKST, parts=[line], line=tok.line))
                return
            tail = rule in ("noter", "underskrift") or (rule == "ikraft" and self.blank)
            if tail or (rule == "bilag" and (not tok.rest or tok.label)):
                self._decide_pending(False)
                self._close(afsnit=True)
                self.mode = "tail"
                self._feed_tail(tok, line)
                return
        self._text(line, tok.line)

    # ------------------------------------------------------------------ building
    def _start_kapitel(self, tok: Token, line: str) -> bool:
        assert tok.label is not None
        self._begin()
        self._flush_pending()
        self._close(kapitel=True)
        self.kap_key = label_key(tok.label)
        self.kapitel = (self.afsnit or self.root).add(Draft(Kind.KAPITEL, tok.label, line=tok.line))
        text, a, b = tok.rest_view()
        m = self._embedded_paragraf(text, start=a, end=b) if a < b else None
        if m is not None:
            chap, sub = split_chapter_heading(text[a : m.start()])
            self.kapitel.heading = chap
            if sub:
                self.pending.append((sub, True, tok.line))
            self._feed_next(text, tok.line, m.start(), b)
            return True
        rest = tok.rest
        self.kapitel.heading = rest or None
        self.expect_heading = None if rest else self.kapitel
        return True

    def _start_paragraf(self, tok: Token) -> None:
        self._decide_pending(True)
        self._close()
        assert tok.label is not None
        self.par_key = label_key(tok.label)
        par = self._container().add(Draft(Kind.PARAGRAF, tok.label, line=tok.line))
        self.paragraf = par
        text, a, b = tok.rest_view()
        self.bare = None if a < b else par
        if b - a <= _TOMBSTONE_MAX and TOMBSTONE.match(text[a:b]):
            par.repealed = True
            return
        if text.startswith("Stk.", a, b) and classify(text, tok.line, a, b).rule == "stk":
            self.stk = par.add(Draft(Kind.STK, "1", line=tok.line))
            self._feed_next(text, tok.line, a, b)
            return
        self.stk = par.add(Draft(Kind.STK, "1", line=tok.line))
        if a < b:
            self._text(text, tok.line, labelled=True, start=a, end=b)  # the text after a label is never a heading

    def _start_stk(self, tok: Token) -> None:
        assert self.paragraf is not None and tok.label is not None
        self.nr = self.litra = None
        if self._stk_unused() and self.stk is not None:
            self.stk.label = tok.label
        else:
            self.stk = self.paragraf.add(Draft(Kind.STK, tok.label, line=tok.line))
        text, a, b = tok.rest_view()
        if a < b:
            self._text(text, tok.line, labelled=True, start=a, end=b)

    def _glued(self, pattern: regex.Pattern[str], text: str, start: int, end: int) -> regex.Match[str] | None:
        """The first match of `pattern` in text[start:end], remembered per line: the steps of one
        long line ask from ever later positions, and each search goes on where the last one ended
        (a match at `start` itself would lean on text before the view: it does not count)."""
        if len(text) <= _VIEW_MIN:  # a short text: one search, nothing to remember
            return pattern.search(text, start + 1 if start else 0, end)
        memo = self._glued_memo.get(pattern)
        if memo is not None and memo[0] is text and memo[1] <= start and memo[2] == end:
            found = memo[3]
            if found is None or found.start() > start:
                return found
        found = pattern.search(text, start + 1 if start else 0, end)
        self._glued_memo[pattern] = (text, start, end, found)
        return found

    def _text(self, text: str, lineno: int, *, labelled: bool = False, start: int = 0, end: int | None = None) -> None:
        """Unlabelled text text[start:end] (stripped): split glued labels, then heading candidate or
        continuation. Read in place: only the part before a glued label is cut out."""
        end = len(text) if end is None else end
        if end - start <= _VIEW_MIN and (start or end != len(text)):
            text, start, end = text[start:end], 0, end - start  # short: cut out
        view = start or end != len(text)  # a long rest of a line, read in place
        if self.expect_heading is not None and _short(text, start, end, _TOMBSTONE_MAX) and TOMBSTONE.match(
            text[start:end].strip()
        ):
            self.expect_heading = None  # "Kapitel 41\n(Ophævet)": a note, not the chapter's title
        if self.expect_heading is not None and not self.pending:
            target = self.expect_heading
            self.expect_heading = None
            if target.kind is Kind.OVERSKRIFT:
                target.parts.append(text[start:end].strip())
            else:
                target.heading = text[start:end].strip()
            return
        if (
            not labelled
            and self.bare is not None
            and self.bare is self.paragraf
            and self._stk_unused()
            and not self.pending
            and _short(text, start, end, 250)  # a heading is at most 250 characters
            and is_heading_text(text[start:end])
        ):
            self.bare_heading = (text[start:end].strip(), self.blank, lineno)
            return
        if self.fragment:  # flattened payloads: the earliest glued label wins
            # the earliest glued "Kapitel N"/"Stk. N." (remembered for the line's later steps)
            first = self._glued(_GLUED_UNIT if self.paragraf is not None else EMBEDDED_KAPITEL, text, start, end)
            # a "§ N." counts only before that label: no walk over every later "§" of the line
            stop = first.start() if first else None
            para = self._embedded_paragraf(text, start=start, stop=stop, end=end)
            m = para or first
        else:
            para = m = self._embedded_paragraf(text, start=start, end=end)
        if view and m is None:  # the rest of the line is this unit's text: cut it out once
            text, start, end = text[start:end], 0, end - start
        if m is not None:
            prefix = text[start : m.start()].strip()
            if prefix:
                front_ok = self._front_closed() and not prefix[0].islower()
                waiting = self._labelled_stk_waiting()  # the prefix is the text of that stk.
                heading = self.mode != "front" and (
                    (is_heading_text(prefix) and not waiting) or (self.fragment and self.paragraf is None)
                )
                glued = m is para  # a "§ N." (not a glued Stk./Kapitel)
                body, head = (None, None)
                if glued and self.fragment and self.paragraf is not None:
                    body, head = split_trailing_heading(prefix)  # "… i sagen. Afgørelser på møder"
                if head is not None and body is not None:
                    self._text(body, lineno)
                    self._drain()
                    self.pending.append((head, True, lineno))
                elif glued and (heading or (self.mode == "front" and front_ok)):
                    for part in split_heading_run(prefix):
                        self.pending.append((part, True, lineno))
                else:
                    self._text(prefix, lineno, labelled=waiting)
                    self._drain()
            self._feed_next(text, lineno, m.start(), end)
            return
        if self.mode == "front":
            self.front.append((text.strip(), self.blank, lineno))
            self._count_quotes(text)
            return
        first_heading = self.fragment and self.paragraf is None and self.kapitel is None
        heading = (
            first_heading
            or is_heading_text(text, after_blank=self.blank)
            or (bool(self.pending) and self.blank)
        )
        if heading and not labelled:
            self.pending.append((text.strip(), self.blank, lineno))
            return
        self._decide_pending(False)
        self._append_text(text, lineno)
        self._count_quotes(text)

    def _labelled_stk_waiting(self) -> bool:
        """Has a "Stk. N." label just opened a stk. that has no text yet? A stk. label is always
        followed by its text, never by a heading (an overskrift stands before a § or a chapter):
        "Stk. 2. Social- og integrationsministeren kan fastsætte nærmere regler om … og opgaver m.v.
        § 50 b." (LOV 496/2013 § 1, nr. 7) is the text of stk. 2, not the heading of § 50 b."""
        stk = self.stk
        return stk is not None and stk.label != "1" and not stk.parts and not stk.children

    def finish(self) -> None:
        if self.bare_heading is not None:
            self._resolve_bare_heading(None)
        self._decide_pending(False)
