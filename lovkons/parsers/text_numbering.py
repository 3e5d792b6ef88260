"""Stage 2 (parsers): numbering expectations: does a "§ N." / "Stk. N." / "Kapitel N" start a unit?

Input: a label and the builder state. Output: accept / reject (a reference inside a sentence).
"""

from __future__ import annotations

import re

import regex

from lovkons.parsers.sentences import split_sentences
from lovkons.parsers.text_patterns import (
    CITING_WORD,
    EMBEDDED_PARAGRAF,
    SENTENCE_END,
    is_heading_text,
    label_key,
)
from lovkons.parsers.text_state import BuildState

_CITATION_END = regex.compile(r"(?:[.:«]|\((?:Ophævet|Udgået|Udelades)\.?\))$", regex.REVERSE)  # (from the end)
_ITEM_NUMBER = regex.compile(r"\d+\.$")
_MINISTRY = regex.compile(r"(?:ministeriet|Ministeriet\b.*)$")


class NumberingRules(BuildState):
    """Acceptance rules for unit labels, from the numbers already seen."""

    def _accept_kapitel(self, label: str) -> bool:
        key = label_key(label)
        return self.fragment or self.kap_key is None or key > self.kap_key

    def _accept_paragraf(self, label: str) -> bool:
        """A "§ N" at a line start: a new § when it follows the last one (any gap)."""
        if self.fragment or self.par_key is None:
            return True
        if self.amending_par and (not _CITATION_END.search(self.prev) or _ITEM_NUMBER.match(self.prev)):
            # "I\n§ 2\nindsættes …": an item of an amending order cites a §; a ministry heading
            # ("Finansministeriet") before the next § of the amending law does not.
            blank = self.blank or self.prev_blank  # the heading stands apart from the items
            heading = bool(_MINISTRY.search(self.prev)) or (blank and len(self.prev) > 3)
            return heading and is_heading_text(self.prev) and self._next_paragraf(label)
        return label_key(label) > self.par_key

    def _next_paragraf(self, label: str) -> bool:
        """Is `label` the expected next § (N+1, or a lettered successor of N)?"""
        key = label_key(label)
        if self.par_key is None:
            return self.fragment or key[0] == 1
        n, letter = self.par_key
        return key[0] == n + 1 or (key[0] == n and key[1] > letter)

    def _accept_stk(self, label: str) -> bool:
        assert self.paragraf is not None
        if self.paragraf.repealed:
            return False
        key = label_key(label)
        cur = label_key(self.stk.label or "1") if self.stk is not None else (0, "")
        if self.amending_par:
            return key[0] == cur[0] + 1 or (key[0] == cur[0] and key[1] > cur[1]) or self._stk_unused()
        return key > cur or self._stk_unused()

    def _embedded_paragraf(
        self, text: str, *, start: int, stop: int | None = None, end: int | None = None
    ) -> regex.Match[str] | None:
        """A "§ N." inside text[start:end] that starts a new § (glued to a heading or a flattened
        payload). The text is read in place: positions are positions in `text`.

        Only the expected next § counts; "…, jf. § 4." or "… efter personskattelovens § 20." with
        nothing after it, or after a citing word, is a reference. Candidates from `stop` on are not
        looked at (the caller has an earlier label). Each candidate costs O(1) plus, only when it
        gets that far, the length of the text before it: no quadratic scan of a long line.
        """
        limit = len(text) if end is None else end
        if text.find("§", start, limit if stop is None else min(stop, limit)) < 0:
            return None
        for m in EMBEDDED_PARAGRAF.finditer(text, start, limit):
            at = m.start()
            if stop is not None and at >= stop:
                return None
            if at == start or not self._next_paragraf(m["label"]):
                continue
            if not self.fragment and _ONLY_SPACE.match(text, m.end(), limit):
                continue  # "…, jf. dog § 990." ends a sentence; a glued § has text after it
            before = _rstrip_end(text, at, start)
            if CITING_WORD.search(text, max(start, before - 25), before):
                continue
            if self.mode == "front" or (self.fragment and self.paragraf is None):
                return m
            begin = _lstrip_start(text, start, before)
            if before - begin <= 250 and is_heading_text(text[begin:before]):  # a longer text is no heading
                return m
            if not self.fragment:
                continue
            if before > start and text[before - 1] in ".:;!?":
                return m  # the text before ends a sentence
            if (_may_end_with_heading(text, start, before)
                    and split_trailing_heading(text[begin:before])[1] is not None):  # fmt: skip
                return m
        return None


_ONLY_SPACE = re.compile(r"\s*\Z")  # `re`: the same whitespace as str.strip()
_GAP = re.compile(r"[.?!] +\S")  # a sentence end candidate of split_sentences (after collapsing spaces)


def _rstrip_end(text: str, end: int, start: int = 0) -> int:
    """The end of text[start:end].rstrip(), walking back over the trailing whitespace only."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _lstrip_start(text: str, start: int, end: int) -> int:
    """The start of text[start:end].lstrip(), walking forward over leading whitespace only."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i


def _may_end_with_heading(text: str, start: int, end: int) -> bool:
    """A necessary condition for split_trailing_heading(text[start:end]) to find a heading: its
    last sentence (at most 250 characters once spaces are collapsed) starts after a sentence-end
    candidate near the end. Looks at a bounded window only."""
    window = " ".join(text[max(start, end - 4000) : end].split())
    if len(window) > 300:
        window = window[-300:]
    elif end - start > 4000:
        return True  # a long run of whitespace: no cheap answer, ask split_trailing_heading
    return _GAP.search(window) is not None


def split_trailing_heading(text: str) -> tuple[str, str | None]:
    """ "… i sagen. Afgørelser på møder" → ("… i sagen.", "Afgørelser på møder").

    In a flattened payload the heading of the next § follows the last sentence of the previous one.
    """
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return text, None
    last = sentences[-1]
    body = " ".join(sentences[:-1])
    if not SENTENCE_END.search(body) or body.endswith(",") or not is_heading_text(last):
        return text, None
    return body, last
