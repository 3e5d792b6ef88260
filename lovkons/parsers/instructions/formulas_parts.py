"""Stage 1 (parsers): the readers of changes of words in a part the document model does not divide or cannot
address (a list or schema of a bilag, a section of a table, the last punktum, a citation that lost a number): the
clause is narrowed to the unit that holds the part and read through formulas.RULES again; the change is made where
the quoted text stands (the amender refuses when it does not stand there as often as said), and the part is named
in a warning. The patterns are in formulas.RULES.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from lovkons.model.edits import DeleteText, InsertText, Operation, ReplaceText
from lovkons.parsers.instructions.context import Ctx


def _words_once(clause: str, ctx: Ctx) -> list[Operation]:
    """The operations of `clause` when they only change words, each once; else none."""
    hit = ctx.reread(clause, ctx) if ctx.reread else None
    if hit is None or not all(isinstance(op, ReplaceText | DeleteText | InsertText) and op.count == 1 for op in hit[1]):
        return []  # only a change of words, made once: a new unit in "liste A" has no place in the model
    return hit[1]


def bilag_part_text(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I bilag 1, liste A, nr. 22, ændres »lov om afgift af naturgas og bygas.« til: »… m.v.« / I bilag 2
    ændres i 2. afsnit »A« til: »B«. — a part of a bilag the document model does not divide (lists,
    schemes, tables, its paragraphs): the change is made in the bilag where the quoted text stands,
    exactly once (the amender refuses when it is not found exactly once), and the part is named in a warning."""
    label = regex.sub(r"\s+", " ", m["n"])
    ops = _words_once(f"I bilag {label} {m['verb']} {m['rest']}", ctx)
    if ops:
        ctx.warn("BILAG_PART", f"bilag {label}, {m['part'].strip(' ,')}: no such unit in the document model; changed "
                 "where the quoted text stands in the bilag (it must stand there once)")
    return ops


def lost_number_text(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 30 B, stk. 1. pkt., indsættes efter »reguleret marked«: » eller en multilateral handelsfacilitet«. — a
    citation that lost a number ("stk. 1. pkt." is "stk. 1, N. pkt." or "stk. N, 1. pkt."): the change of words is
    made in the § it certainly names, where the quoted text stands exactly once (the amender refuses otherwise)."""
    ops = _words_once(f"I {m['t']} {m['verb']} {m['rest']}", ctx)
    if ops:
        ctx.warn("TOLERATED_CITATION", f"'{m['t']}, {' '.join(m['part'].split())}' lost a number: changed where the "
                 f"quoted text stands in {m['t']} (it must stand there once)")
    return ops


def unit_part_text(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I § 4, stk. 1, II, A, ændres »560« til: »570«, … / I § 3, stk. 1, tabelafsnit D, ændres »D. Hyrevogne …«
    til: »…« / I § 6, stk. 2, ændres i skemaet med titlen Øvrige skibe »A« til: »B«. / I § 47, stk. 1, sidste
    pkt., ændres »litra c« til: »litra d«. — a part of a provision the document model does not divide (a section
    of a table, a schema) or cannot address (the last punktum): the change is made in the provision
    where the quoted text stands, exactly once (the amender refuses otherwise); the part is named in a warning."""
    ops = _words_once(f"I {m['t']} {m['verb']} {m['rest']}", ctx)
    if ops:
        part = " ".join(m["part"].split()).strip(" ,")
        ctx.warn("UNIT_PART", f"{m['t'].strip(' ,')}, {part}: a part the document model cannot address; changed where "
                 "the quoted text stands in the provision (it must stand there once)")
    return ops


def table_heading_text(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    """I overskriften til § 3, stk. 1, tabel A og B, ændres »personbiler m.v.« til: »biler m.v.« (LOV 1532/2014 § 3,
    nr. 2) — the headings of tables in a provision, which the document model does not divide: the words are changed
    where they stand in the provision, once for each table named (the amender refuses another count); the part is
    named in a warning."""
    tables = regex.findall(r"\b[A-Z]\b", m["tables"])
    ops = _words_once(f"I {m['t']} {m['verb']} {m['rest']}", ctx)
    if ops:
        ctx.warn("UNIT_PART", f"{m['t'].strip(' ,')}, the headings of {' '.join(m['part'].split())}: a part the "
                 f"document model cannot address; changed where the quoted text stands in the provision "
                 f"({len(tables)} times, once in each table)")
    return [replace(op, count=len(tables)) for op in ops]  # type: ignore[arg-type]
