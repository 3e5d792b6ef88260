"""One numbered note of the title's notes (amender.title_notes), on kemikalieloven's real acts.

LBK 878/2010's title note is recast as notes 1) and 2) by LOV 294/2011 § 1, nr. 2 ("Fodnoterne til lovens titel
affattes således"). LOV 161/2012 § 1, nr. 1 "I fodnote 2 til lovens titel indsættes som 4. pkt.: »…«" adds a
punktum to note 2 (refused before: TARGET_OCCUPIED, read as a whole new title note); LOV 489/2013 § 1, nr. 1
inserts words in note 1; LOV 277/2013 § 1, nr. 1 "Fodnote 2 til lovens titel affattes således: »2) …«" recasts
note 2 (before, the whole title note was replaced and note 1 lost without an error)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.amender.title_notes import note_spans
from lovkons.model.document import Document, Meta, Source
from lovkons.model.edits import AmendingDocument, ChangeBlock, DocRef, Item
from lovkons.parsers.instructions.clauses import parse_instruction

LAWS = Path(__file__).parent / "data" / "amend" / "title-note-2013"
PARTS = {"LOV 294/2011": "§ 1", "LOV 161/2012": "§ 1", "LOV 489/2013": "§ 1", "LOV 277/2013": "§ 1"}


def _run(*names: str) -> tuple[Document, list[str]]:
    result = consolidate(read_doc(LAWS / "LBK-2010-878.xml"), [read_order(LAWS / f"{n}.xml") for n in names],
                         parts=PARTS)
    note = [p.code for p in result.problems if "titlen" in (p.address or "") or "title" in p.message]
    return result.document, note


def _notes(doc: Document) -> list[str]:
    text = doc.title_note or ""
    return [text[a:b].strip() for a, b in note_spans(text)]


def test_a_punktum_is_added_to_the_note_named() -> None:
    doc, problems = _run("LOV-2011-294", "LOV-2012-161")
    assert problems == []
    notes = _notes(doc)
    assert len(notes) == 2
    assert notes[1].endswith("forordning (EØF) nr. 339/93, EU-Tidende 2008, nr. L 218, side 30.")
    assert "umiddelbare gyldighed i Danmark. Loven indeholder bestemmelser, der supplerer" in notes[1]


def test_a_recast_note_keeps_the_other_notes() -> None:
    doc, problems = _run("LOV-2011-294", "LOV-2012-161", "LOV-2013-489", "LOV-2013-277")
    assert problems == []
    notes = _notes(doc)
    assert len(notes) == 2
    assert notes[0].startswith("1) Loven indeholder bestemmelser, der gennemfører dele af")
    assert "direktiv 2006/123/EF af 12. december 2006 om tjenesteydelser" in notes[0]
    assert notes[1].startswith("2) Loven indeholder bestemmelser, der supplerer Europa-Parlamentets")


@pytest.mark.parametrize(("text", "count"), [
    ("1) Loven gennemfører direktiv 1. 2) I loven er medtaget forordning nr. 2) og 3).", 2),
    ("2) I loven er medtaget forordning nr. 1.", 0),  # not numbered from 1): no note is named
    ("Loven gennemfører direktiv 2009/28/EF.", 0),
])
def test_notes_are_read_only_when_numbered_from_one(text: str, count: int) -> None:
    assert len(note_spans(text)) == count


def _with_notes() -> Document:
    base = read_doc(LAWS / "LBK-2010-878.xml")
    return replace(base, title_note="1) Loven gennemfører direktiv 2006/123/EF. 2) I loven er medtaget forordning "
                                    "(EF) nr. 1907/2006 og direktiv 2006/123/EF.")


def _one(sentence: str) -> tuple[Document, list[str]]:
    ops, _ = parse_instruction(sentence, Source("LOV 1/2014", "1", 1))
    block = ChangeBlock("1", DocRef("LBK", 878, dt.date(2010, 7, 7)), "I lov om kemikalier …", items=(Item(1, sentence, ops),))
    result = consolidate(_with_notes(), [AmendingDocument(Meta("LOV", 1, 2014), (block,))])
    return result.document, [p.code for p in result.problems if p.severity == "error"]


def test_words_changed_in_one_note_stay_in_that_note() -> None:
    """review19 #2: the words stand in both notes; "I fodnote 2 …" changes them in note 2 only."""
    doc, errors = _one("I fodnote 2 til lovens titel ændres »direktiv 2006/123/EF« til: »direktiv 2008/98/EF«.")
    assert errors == []
    assert _notes(doc) == ["1) Loven gennemfører direktiv 2006/123/EF.",
                           "2) I loven er medtaget forordning (EF) nr. 1907/2006 og direktiv 2008/98/EF."]


def test_a_note_repealed_by_number_is_refused_not_the_whole_title_note() -> None:
    doc, errors = _one("Fodnote 2 til lovens titel ophæves.")
    assert errors == ["TARGET_NOT_FOUND"]
    assert doc.title_note == _with_notes().title_note
