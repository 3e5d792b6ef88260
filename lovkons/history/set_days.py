"""Stage 2 (history): what an LBK's notes say of the days the minister put amending acts, or parts of them, in force
(parsers.set_in_force), as the LBK's facts keep them (history.facts.Facts.set_in_force); used by history.minister_days.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from lovkons.history.identifiers import key_of

if TYPE_CHECKING:
    from lovkons.model.document import Document

# (the act's corpus key, its § or None for the whole act, its numbered changes or None for the whole §, the day)
SetDay = tuple[str, str | None, tuple[int, ...] | None, str]


def set_days(lbk: Document, path: Path | None = None) -> tuple[SetDay, ...]:
    """What an LBK's notes say of the days the minister put acts, or parts of them, in force (parsers.set_in_force):
    those naming the act, and (the LexDania file at `path`) those in the section printing an act's commencement
    provisions that name none ("Loven trådte i kraft den 1. april 2011, jf. …", LBK 11/2014 under LOV 718/2010)."""
    from lovkons.model.document import Kind
    from lovkons.parsers.input_bytes import read_input
    from lovkons.parsers.set_in_force import ikraft_notes, set_in_force, set_in_force_in_acts  # a scan's

    said = set_in_force(n.text for n in lbk.walk() if n.kind is Kind.NOTE and n.text)
    if path is not None and path.suffix.lower() == ".xml":
        said += set_in_force_in_acts(ikraft_notes(read_input(path)))
    out: list[SetDay] = []
    for r in said:
        key = key_of("LOV", r.number, r.year)
        if key is None:
            continue
        if r.parts is None:
            out.append((key, None, None, r.day.isoformat()))
        else:
            out += [(key, p.paragraf, None if p.items is None else tuple(sorted(p.items)), r.day.isoformat())
                    for p in r.parts]
    return tuple(dict.fromkeys(out))
