"""Stage 2 (amender): one numbered note of the title's notes ("fodnote 2 til lovens titel").

Input: a Document and a Replace or Insert whose target names a note of the title by its number; output: an
Outcome, or None when the operation names no such note. The notes to a law's title are numbered "1) … 2) …"
and stand in the document as one string (the title note); an item that names a note by its number changes that
note and no other. Real examples, both on kemikalieloven (LBK 878/2010, whose title has notes 1 and 2):
- LOV 161/2012 § 1, nr. 1, "I fodnote 2 til lovens titel indsættes som 4. pkt.: »Loven indeholder bestemmelser,
  der supplerer …«": note 2 has three punktummer, the new one is its 4. pkt.;
- LOV 277/2013 § 1, nr. 1, "Fodnote 2 til lovens titel affattes således: »2) Loven indeholder …«": note 2 is
  recast, note 1 stays (before, the whole title note was replaced and note 1 lost).
Refused (TARGET_NOT_FOUND) when the title note has no such note, when the new punktum is not the one after the
note's last, or when a recast note does not open with its own number.
"""

from __future__ import annotations

import regex

from lovkons.amender.resolve import ResolveError, Target
from lovkons.amender.slots import Scope, Slot, clean_quote, get_string, set_string
from lovkons.amender.textops import apply_text
from lovkons.amender.units import Outcome, payload_text
from lovkons.model.document import Document, Level, Source
from lovkons.model.edits import DeleteText, Insert, InsertText, Operation, Replace, ReplaceText
from lovkons.parsers.sentences import split_sentences

# a note's marker opens the title note or follows the end of the note before it, and a note starts with a capital
# ("1) Loven indeholder bestemmelser, der gennemfører … side 1. 2) I loven er der medtaget …"); "nr. 2) og 3)" in a
# note's text is no marker
NOTE_MARK = regex.compile(r"(?:^|(?<=[.»)]\s))(\d{1,2})\)\s(?=[A-ZÆØÅ])")


def note_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each note of a title note numbered 1) … n) in order; [] when it is not so numbered."""
    marks = list(NOTE_MARK.finditer(text))
    if not marks or marks[0].start() != 0 or [int(m[1]) for m in marks] != list(range(1, len(marks) + 1)):
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [(m.start(), end) for m, end in zip(marks, ends, strict=True)]


def numbered_note(doc: Document, op: Operation, source: Source | None) -> Outcome | None:
    """The operation applied to the note it names by number, or None when it names none."""
    steps = op.target.steps
    if not steps or steps[0][0] is not Level.TITELNOTE or not steps[0][1]:
        return None
    number = int(steps[0][1])
    if isinstance(op, Replace):
        return _recast(doc, number, payload_text(op.new, op.payload), source)
    if isinstance(op, Insert) and len(steps) == 2 and steps[1][0] is Level.PKT:
        return _add_pkt(doc, number, int(steps[1][1]), payload_text(op.new, op.payload), source)
    if isinstance(op, ReplaceText | InsertText | DeleteText) and len(steps) == 1:
        return _in_note(doc, number, op, source)
    # any other change of one numbered note (a repeal, a punktum of it): refused, not made to the whole title note
    raise ResolveError("TARGET_NOT_FOUND", f"{op.target}: a change of one note of the title's notes other than a recast, "
                       "a new punktum or a change of its words is not applied")


def _in_note(doc: Document, number: int, op: ReplaceText | InsertText | DeleteText, source: Source | None) -> Outcome:
    """A change of words in that note only: the quoted words as they stand there (review19 #2)."""
    raw = get_string(doc, Slot("titlenote"))
    _, start, end = _note(doc, number)
    lead = len(raw) - len(raw.lstrip())
    only = Scope(only=(Slot("titlenote", lo=lead + start, hi=lead + end),))
    new_doc, warnings = apply_text(doc, Target("titlenote"), op, source, scope=only)
    return Outcome(new_doc, [*warnings], {"titlenote"})


def _note(doc: Document, number: int) -> tuple[str, int, int]:
    text = get_string(doc, Slot("titlenote"))
    spans = note_spans(text.strip())
    if number > len(spans):
        raise ResolveError("TARGET_NOT_FOUND", f"the title's notes are not numbered 1) to {number})"
                           if not spans else f"the title has notes 1) to {len(spans)}), no note {number})")
    start, end = spans[number - 1]
    return text.strip(), start, end


def _recast(doc: Document, number: int, new: str, source: Source | None) -> Outcome:
    text, start, end = _note(doc, number)
    new = clean_quote(new).strip()
    if not new.startswith(f"{number}) "):
        raise ResolveError("TARGET_NOT_FOUND", f"the new text of note {number}) of the title does not open with "
                           f"»{number})«")
    value = f"{text[:start]}{new} {text[end:]}".strip()
    return Outcome(set_string(doc, Slot("titlenote"), value, source), [], {"titlenote"})


def _add_pkt(doc: Document, number: int, pkt: int, new: str, source: Source | None) -> Outcome:
    text, start, end = _note(doc, number)
    body = text[start:end].strip()
    have = len(split_sentences(body[body.index(")") + 1:].strip()))
    if have != pkt - 1:
        raise ResolveError("TARGET_NOT_FOUND", f"note {number}) of the title has {have} pkt.; a new {pkt}. pkt. "
                           "would not follow its last")
    value = f"{text[:start]}{body} {clean_quote(new).strip()} {text[end:]}".strip()
    return Outcome(set_string(doc, Slot("titlenote"), value, source), [], {"titlenote"})
