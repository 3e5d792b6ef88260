"""Stage 3 (renderers): what a published version says about itself — the tree plus its history
(versions, applied operations, pending, upcoming and refused items, editorial notes) — built from
each engine's result (parse, apply, consolidate, rebuild) for the AKN and HTML renderers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lovkons.model.document import Document, Problem, Source

if TYPE_CHECKING:  # only for annotations: the engines are imported by the callers
    from lovkons.amender.consolidate import Consolidation
    from lovkons.history.outputs import VersionOut
    from lovkons.history.pointintime import PointInTime
    from lovkons.history.timeline import Change, Status


@dataclass(frozen=True, slots=True)
class Mod:
    """One applied operation: `source` is the amending act's item, `target` the unit as cited."""

    source: Source
    op: str  # replace_text | insert_text | delete_text | replace | repeal | insert | repeal_and_insert | renumber
    target: str  # "§ 26, stk. 2, nr. 1"


@dataclass(frozen=True, slots=True)
class Outstanding:
    """An item not in this text: pending (no in-force date), or dated after this version."""

    label: str  # "LOV 80/2017 § 4, nr. 1"
    in_force: dt.date | None
    text: str = ""  # the instruction, when known


@dataclass(frozen=True, slots=True)
class EditorialNote:
    """Extension point for changes no instruction states, such as a ressort rename after a royal
    resolution ("Erhvervs- og Vækstministeren" → "Erhvervsministeren", kgl. resolution af 28. juni
    2015). The ressort helper fills `Publication.editorial`; AKN shows them as editorial notes,
    the HTML page under the provision (or the document) marked as editorial."""

    text: str  # what was changed: "»Økonomi- og Erhvervsministeriet« er ændret til »Erhvervsministeriet«"
    basis: str  # the legal basis: "kongelig resolution af 28. juni 2015"
    date: dt.date | None = None
    target: str | None = None  # the unit as cited ("§ 5, stk. 2"); None = the whole document


@dataclass(frozen=True, slots=True)
class Publication:
    document: Document
    key: str | None = None  # "BEK 1292/2007"
    version_from: dt.date | None = None  # the day this text took effect
    version_to: dt.date | None = None  # the first day of the next version (None = open)
    asked: dt.date | None = None  # the day asked for (consolidate --at)
    status: str | None = None  # "in force since 2008-04-01"
    commenced: dt.date | None = None  # the document's own commencement
    changes: tuple[tuple[dt.date | None, str], ...] = ()  # (in-force date, order) of every item in the text
    applied: tuple[Mod, ...] = ()
    pending: tuple[Outstanding, ...] = ()
    upcoming: tuple[Outstanding, ...] = ()
    refused: tuple[Problem, ...] = ()
    editorial: tuple[EditorialNote, ...] = ()

    @property
    def expression_date(self) -> dt.date | None:
        """The date naming this version: when it took effect, else the day asked, else the document's."""
        return self.version_from or self.asked or self.commenced or self.document.meta.date

    @property
    def events(self) -> tuple[tuple[dt.date, str], ...]:
        """(date, document) of every version date: the commencement, then each order's in-force day."""
        own = self.key or self.document.meta.short
        start = self.commenced or self.document.meta.date
        out: list[tuple[dt.date, str]] = [(start, own)] if start else []
        for day, order in self.changes:
            if day is not None and (day, order) not in out:
                out.append((day, order))
        return tuple(sorted(out, key=lambda e: (e[0], e[1] != own, e[1])))


_STATES = {"in_force": "i kraft", "not_in_force": "endnu ikke i kraft", "repealed": "ophævet", "expired": "udløbet",
           "superseded": "afløst af en ny lovbekendtgørelse"}  # fmt: skip


def status_da(status: Status) -> str:
    """"i kraft siden 2008-04-01" / "ophævet fra 2016-07-01 ved BEK 581/2016" (Status in Danish)."""
    out = _STATES.get(status.state, status.state)
    if status.since:
        out += (" siden " if status.state == "in_force" else " fra ") + status.since.isoformat()
    return out + (f" ved {status.by}" if status.by else "")


def _mods(applied: tuple[Any, ...]) -> tuple[Mod, ...]:
    return tuple(Mod(a.source, a.op, a.target) for a in applied)


def _items(changes: tuple[Change, ...]) -> tuple[Outstanding, ...]:
    return tuple(Outstanding(c.label, c.in_force) for c in changes)


def _dated(applied: tuple[Mod, ...]) -> tuple[tuple[dt.date | None, str], ...]:
    return tuple(dict.fromkeys((m.source.in_force, m.source.document) for m in applied))


def of_document(doc: Document) -> Publication:
    """A parsed document: the text as issued, no history."""
    return Publication(doc, doc.meta.short if doc.meta.number is not None else None)


def of_consolidation(result: Consolidation, at: dt.date | None) -> Publication:
    """`lovkons apply`: the base with the given orders (in force on `at` when given)."""
    doc = result.document
    applied = _mods(result.applied)
    dates = [m.source.in_force for m in applied if m.source.in_force]
    pending = tuple(Outstanding(str(p.source), p.in_force, p.item.text) for p in result.pending)
    return Publication(doc, doc.meta.short, max(dates) if dates and at is None else None, None, at, None,
                       doc.meta.date, _dated(applied), applied, tuple(x for x in pending if x.in_force is None),
                       tuple(x for x in pending if x.in_force is not None), result.refused)  # fmt: skip


def of_point_in_time(r: PointInTime) -> Publication:
    """`lovkons consolidate DOC --at D` (the caller checks that r.document is not None)."""
    assert r.document is not None
    start = r.status.since if r.status.state == "in_force" else None
    changes = tuple((c.in_force, c.order) for c in r.items)
    return Publication(r.document, r.key, r.version_from, r.version_to, r.at, status_da(r.status),
                       start or r.version_from, changes, _mods(r.applied), _items(r.pending),
                       _items(r.upcoming), r.refused)  # fmt: skip


def of_version(v: VersionOut) -> Publication:
    """One version of a rebuild (its pending and upcoming items are listed in index.json)."""
    refused = tuple(p for p in v.problems if p.severity == "error")
    applied = _mods(v.applied)
    start = v.status.since if v.status.state == "in_force" else None
    return Publication(v.document, v.key, v.start, v.end, None, status_da(v.status), start or v.start,
                       _dated(applied), applied, refused=refused)  # fmt: skip

