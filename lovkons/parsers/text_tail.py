"""Stage 2 (parsers): the matter after the last §: underskrift, bilag, official notes, ikraft notes.

Input: classified lines once the body has ended. Output: UNDERSKRIFT / BILAG / NOTE / TEKST drafts.
"""

from __future__ import annotations

from lovkons.model.document import Kind
from lovkons.parsers.draft import Draft
from lovkons.parsers.segment import Token
from lovkons.parsers.text_patterns import SENTENCE_END
from lovkons.parsers.text_state import BuildState


class TailRules(BuildState):
    """Lines in the modes "tail", "bilag", "noter" and "ikraft"."""

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
            # "Bilag 1", blank line, text: a bilag without heading (as `render_text` prints it)
            apart = self.clean and self.blank
            if self.expect_heading is self.tail and not apart and _bilag_heading(rule, line):
                self.tail.heading = line.strip()
            else:
                self.tail.add(Draft(Kind.TEKST, parts=[line], line=tok.line))
            self.expect_heading = None
        elif self.tail is not None:
            self.tail.parts.append(line)
        else:
            self.tail = self.root.add(Draft(Kind.TEKST, parts=[line], line=tok.line))


def _bilag_heading(rule: str, line: str) -> bool:
    """The line after "Bilag 1" is its heading unless it is a sentence or a note "(Ophævet.)"."""
    return rule == "text" and not SENTENCE_END.search(line) and not line.strip().startswith("(")
