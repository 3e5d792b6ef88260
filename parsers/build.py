"""Stage 2 (parsers): build the draft tree from classified lines with a stack of open units.

Input: normalized lines. Output: Draft tree + front matter lines. Numbering expectations decide
whether a "§ N." starts a paragraf or is a reference inside a sentence.
"""

from __future__ import annotations

import regex

from parsers.draft import Draft
from parsers.model import Kind
from parsers.segment import (
    CITING_WORD,
    EMBEDDED_KAPITEL,
    EMBEDDED_PARAGRAF,
    EMBEDDED_STK,
    ORDINALS,
    PREAMBLE,
    SENTENCE_END,
    Token,
    classify,
    is_heading_text,
    label_key,
    roman,
    split_chapter_heading,
    split_heading_run,
)

_TOMBSTONE = regex.compile(r"^\((?:Ophævet|Ophæves)\.?\)\.?$", regex.IGNORECASE)
_AMENDING = regex.compile(r"foretages\s+følgende\s+ændring|ændres\s+således|affattes\s+således")
Key = tuple[int, str]


class Builder:
    """Feed lines with `feed`; read `root`, `front` (lines before the first unit) afterwards."""

    def __init__(self, *, fragment: bool = False, track_quotes: bool = False) -> None:
        self.fragment = fragment
        self.track_quotes = track_quotes or fragment
        self.root = Draft(Kind.DOKUMENT)
        self.mode = "body" if fragment else "front"
        self.front: list[tuple[str, bool, int]] = []  # (text, after_blank, line)
        self.afsnit: Draft | None = None
        self.kapitel: Draft | None = None
        self.paragraf: Draft | None = None
        self.stk: Draft | None = None
        self.nr: Draft | None = None
        self.litra: Draft | None = None
        self.par_key: Key | None = None
        self.kap_key: Key | None = None
        self.amending_par = False
        self.pending: list[tuple[str, bool, int]] = []
        self.blank = False
        self.depth = 0
        self.expect_heading: Draft | None = None
        self.tail: Draft | None = None  # UNDERSKRIFT / BILAG / NOTE receiving lines
        self.prev = ""  # the previous non-blank line (stripped)

    # ------------------------------------------------------------------ feeding
    def feed(self, line: str, lineno: int) -> None:
        if self.depth > 0:
            if line.strip():
                self._append_text(line, lineno)
                self.prev = line.strip()
            self._count_quotes(line)
            return
        tok = classify(line, lineno)
        if tok.rule == "blank":
            self.blank = True
            return
        if self.mode in ("noter", "bilag", "tail", "ikraft"):
            self._feed_tail(tok, line)
        else:
            self._feed_body(tok, line)
        self.blank = False
        self.prev = line.strip()

    def _count_quotes(self, text: str) -> None:
        if self.track_quotes:
            for ch in text:
                if ch == "»":
                    self.depth += 1
                elif ch == "«":
                    self.depth = max(0, self.depth - 1)

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
            self.afsnit = self.root.add(Draft(Kind.AFSNIT, label, heading=tok.rest or None, line=tok.line))
            self.expect_heading = None if tok.rest else self.afsnit
            return
        if rule == "kapitel" and tok.label and self._accept_kapitel(tok.label):
            self._begin()
            self._flush_pending()
            self._close(kapitel=True)
            self.kap_key = label_key(tok.label)
            self.kapitel = (self.afsnit or self.root).add(Draft(Kind.KAPITEL, tok.label, line=tok.line))
            rest = tok.rest
            m = self._embedded_paragraf(rest, start=0) if rest else None
            if m is not None:
                chap, sub = split_chapter_heading(rest[: m.start()])
                self.kapitel.heading = chap
                if sub:
                    self.pending.append((sub, True, tok.line))
                self.feed(rest[m.start() :], tok.line)
                return
            self.kapitel.heading = rest or None
            self.expect_heading = None if rest else self.kapitel
            return
        if rule in ("paragraf", "paragrafer") and tok.label and self._accept_paragraf(tok.label, rule):
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

    def _feed_tail(self, tok: Token, line: str) -> None:
        rule = tok.rule
        if rule == "noter":
            self.mode, self.tail = "noter", None
        elif rule == "bilag" and (tok.label or not tok.rest):
            self.mode = "bilag"
            self.tail = self.root.add(Draft(Kind.BILAG, tok.label, heading=tok.rest or None, line=tok.line))
            self.expect_heading = None if tok.rest else self.tail
        elif self.mode == "noter" and rule == "nr" and tok.label:
            self.tail = self.root.add(Draft(Kind.NOTE, tok.label, parts=[tok.rest], line=tok.line))
        elif rule == "ikraft" and self.mode in ("tail", "ikraft") and self.blank:
            self.mode = "ikraft"
            self.tail = self.root.add(
                Draft(Kind.NOTE, parts=[line], line=tok.line, id_hint=f"ikraft{tok.line}")
            )
        elif (
            rule == "underskrift"
            and self.mode == "tail"
            and (self.tail is None or self.tail.kind is not Kind.UNDERSKRIFT)
        ):
            self.tail = self.root.add(Draft(Kind.UNDERSKRIFT, parts=[line], line=tok.line))
        elif self.mode == "bilag" and self.tail is not None:
            if self.expect_heading is self.tail and rule == "text" and not SENTENCE_END.search(line):
                self.tail.heading = line.strip()
            else:
                self.tail.add(Draft(Kind.TEKST, parts=[line], line=tok.line))
            self.expect_heading = None
        elif self.tail is not None:
            self.tail.parts.append(line)
        else:
            self.tail = self.root.add(Draft(Kind.TEKST, parts=[line], line=tok.line))

    # ------------------------------------------------------------------ acceptance rules
    def _accept_kapitel(self, label: str) -> bool:
        key = label_key(label)
        return self.fragment or self.kap_key is None or key > self.kap_key

    def _accept_paragraf(self, label: str, rule: str) -> bool:
        if self.fragment or self.par_key is None:
            return True
        if self.amending_par and (
            not regex.search(r"[.:«]$", self.prev) or regex.match(r"\d+\.$", self.prev)
        ):
            return False  # "I\n§ 2\nindsættes …": an item of an amending order cites a §
        return label_key(label) > self.par_key

    def _next_paragraf(self, label: str) -> bool:
        """Is `label` the expected next § (N+1, or a lettered successor of N)?"""
        key = label_key(label)
        if self.par_key is None:
            return self.fragment or key[0] == 1
        if self.fragment:
            return key > self.par_key
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

    def _stk_unused(self) -> bool:
        return self.stk is not None and not self.stk.parts and not self.stk.children and self.stk.label == "1"

    def _embedded_paragraf(self, text: str, *, start: int) -> regex.Match[str] | None:
        for m in EMBEDDED_PARAGRAF.finditer(text, start):
            if m.start() == 0 or not self._next_paragraf(m["label"]):
                continue
            if not text[m.end() :].strip() and not self.fragment:
                continue  # "…, jf. dog § 990." ends a sentence; a glued § has text after it
            prefix = text[: m.start()].strip()
            if CITING_WORD.search(prefix[-25:]):
                continue
            if self.mode == "front" or is_heading_text(prefix) or (self.fragment and self.paragraf is None):
                return m
            if self.fragment and SENTENCE_END.search(prefix) and not prefix.endswith(","):
                return m
        return None

    # ------------------------------------------------------------------ building
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

    def _start_paragraf(self, tok: Token) -> None:
        self._decide_pending(True)
        self._close()
        assert tok.label is not None
        self.par_key = label_key(tok.label)
        par = self._container().add(Draft(Kind.PARAGRAF, tok.label, line=tok.line))
        self.paragraf = par
        rest = tok.rest
        if _TOMBSTONE.match(rest):
            par.repealed = True
            return
        if rest.startswith("Stk.") and classify(rest, tok.line).rule == "stk":
            self.stk = par.add(Draft(Kind.STK, "1", line=tok.line))
            self.feed(rest, tok.line)
            return
        self.stk = par.add(Draft(Kind.STK, "1", line=tok.line))
        if rest:
            self._text(rest, tok.line, labelled=True)  # the text after a label is never a heading

    def _start_stk(self, tok: Token) -> None:
        assert self.paragraf is not None and tok.label is not None
        self.nr = self.litra = None
        if self._stk_unused() and self.stk is not None:
            self.stk.label = tok.label
        else:
            self.stk = self.paragraf.add(Draft(Kind.STK, tok.label, line=tok.line))
        if tok.rest:
            self._text(tok.rest, tok.line, labelled=True)

    def _text(self, text: str, lineno: int, *, labelled: bool = False) -> None:
        """Unlabelled text: split glued labels, then heading candidate or continuation."""
        if self.expect_heading is not None and not self.pending:
            target = self.expect_heading
            self.expect_heading = None
            if target.kind is Kind.OVERSKRIFT:
                target.parts.append(text.strip())
            else:
                target.heading = text.strip()
            return
        m = self._embedded_paragraf(text, start=0)
        if self.fragment:  # flattened payloads: the earliest glued label wins
            found = [m, EMBEDDED_KAPITEL.search(text)]
            if self.paragraf is not None:
                found.append(EMBEDDED_STK.search(text))
            m = min((x for x in found if x is not None), key=lambda x: x.start(), default=None)
        if m is not None:
            prefix = text[: m.start()].strip()
            if prefix:
                front_ok = self._front_closed() and not prefix[0].islower()
                heading = self.mode != "front" and (
                    is_heading_text(prefix) or (self.fragment and self.paragraf is None)
                )
                if m.re is EMBEDDED_PARAGRAF and (heading or (self.mode == "front" and front_ok)):
                    for part in split_heading_run(prefix):
                        self.pending.append((part, True, lineno))
                else:
                    self._text(prefix, lineno)
            self.feed(text[m.start() :], lineno)
            return
        if self.mode == "front":
            self.front.append((text.strip(), self.blank, lineno))
            self._count_quotes(text)
            return
        first_heading = self.fragment and self.paragraf is None and self.kapitel is None
        heading = (
            first_heading or is_heading_text(text, after_blank=self.blank) or (bool(self.pending) and self.blank)
        )
        if heading and not labelled:
            self.pending.append((text.strip(), self.blank, lineno))
            return
        self._decide_pending(False)
        self._append_text(text, lineno)
        self._count_quotes(text)

    def _append_text(self, text: str, lineno: int) -> None:
        if self.mode == "front":
            self.front.append((text.strip(), False, lineno))
            return
        target = self.litra or self.nr or self.stk
        if target is None:
            if self.paragraf is not None and self.paragraf.repealed:
                self.paragraf.repealed = False
                self.stk = target = self.paragraf.add(Draft(Kind.STK, "1", line=lineno))
            else:
                self._container().add(Draft(Kind.TEKST, parts=[text], line=lineno))
                return
        elif target is self.nr and self.stk is not None and _after_list(self.stk):
            self.stk.add(Draft(Kind.TEKST, parts=[text], line=lineno))
            self.nr = None
            return
        target.parts.append(text)
        if not self.amending_par and self.paragraf is not None and _AMENDING.search(text):
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

    def finish(self) -> None:
        self._decide_pending(False)


def _after_list(stk: Draft) -> bool:
    """Is a new line after the last nr. text after the list (the list's last item is closed)?"""
    nrs = [c for c in stk.children if c.kind is Kind.NR]
    if len(nrs) < 2 or nrs[-1].children:
        return False
    prev, last = nrs[-2].text, nrs[-1].text
    closed_list = prev.endswith((",", ";", " og", " eller")) and last.endswith(".")
    return closed_list
