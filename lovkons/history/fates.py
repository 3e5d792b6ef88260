"""Stage 2 (amender): what became of the items of a timeline that are not simply applied: handed on
to the consolidation that replaced the document, already in that one's text ahead of their date,
never applied because the document ended first; and the one decision of whether an item in force is
applied or refused (`decide`). Input: Timeline, the amender's log; output: Fates, Problems.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import regex

from lovkons.history.timeline import Change, Timeline
from lovkons.model.document import Problem


def spans(numbers: Iterable[int]) -> str:
    """{1, 2, 3, 5} → "1-3, 5"."""
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def grouped(changes: Iterable[Change]) -> list[tuple[str, list[Change]]]:
    """Items of the same order, §, date and fate together: ("LOV 576/2012 § 1, nr. 1-27", items)."""
    groups: dict[tuple[str, str, dt.date | None, str | None, str | None, bool, str], list[Change]] = {}
    for c in changes:
        groups.setdefault((c.order, c.paragraf, c.in_force, c.via, c.to, c.incorporated, c.why), []).append(c)
    return [(f"{k[0]} § {k[1]}, nr. {spans(c.item for c in v)}", v) for k, v in groups.items()]


def fate_problems(tl: Timeline, *, file: str | None = None) -> list[Problem]:
    """Warnings for items the text cannot show exactly: incorporated ahead of their date, and items
    that never apply because the document was repealed or expired before they took effect."""
    out: list[Problem] = []
    for label, items in grouped(tl.ahead):
        c = items[0]
        when = f"which take(s) effect only on {c.in_force.isoformat()}" if c.in_force else \
            "whose in-force date is not determined"
        out.append(Problem(
            "INCORPORATED_AHEAD",
            f"{tl.key} restates {c.via} with {label} already in its text, {when}: from {tl.start} its text "
            "shows that change before it is in force", "warning", source=f"{c.order} § {c.paragraf}", file=file,
        ))  # fmt: skip
    for label, items in grouped(c for c in (*tl.changes, *tl.carried, *tl.lapsed) if c.dated_by and c.why != "item_repealed"):
        c = items[0]
        out.append(Problem(
            "COMMENCEMENT_FROM_LBK_NOTE",
            f"{label}: its act leaves the day to the minister; in force from {c.in_force}, as the note of "
            f"{c.dated_by} says (the bekendtgørelse that set it is not in the corpus)", "warning",
            source=f"{c.order} § {c.paragraf}", file=file,
        ))  # fmt: skip
    for label, items in grouped(c for c in tl.lapsed if c.why == "item_repealed"):
        c = items[0]
        when = f"its day {c.in_force.isoformat()}" if c.in_force else "it had a day"
        said = f"{label} repealed by {c.by} from {c.lapsed} before {when}: not applied"
        if c.incorporated:  # printed ahead by this LBK (history.timeline._printed_ahead): its text keeps it
            said = (f"{label} is in the text of {tl.key}, printed ahead of {when}, but {c.by} repealed it from "
                    f"{c.lapsed} before it took effect: that text keeps a change that never took effect")
        out.append(Problem("ITEM_OF_ACT_REPEALED", said, "warning", source=f"{c.order} § {c.paragraf}", file=file))
    for label, items in grouped(c for c in tl.lapsed if c.why in ("repealed", "expired")):
        c = items[0]
        out.append(Problem(
            "ITEM_AFTER_END",
            f"{label} takes effect {c.in_force}, but {tl.key} is {c.why} from {c.lapsed}: not applied",
            "warning", source=f"{c.order} § {c.paragraf}", file=file,
        ))  # fmt: skip
    return out


# ------------------------------------------------------------------------------ one decider
# An item of an order in force on a day is either applied (its operations are in the text) or
# refused (none is: the amender applies an item whole or not at all); an undated item is pending,
# a later one upcoming. Every command and renderer takes these states from here, never recomputes.

APPLIED, REFUSED, PENDING, UPCOMING, UNCHECKED = "applied", "refused", "pending", "upcoming", "unchecked"

_ITEM = regex.compile(r"^(?P<item>.+?\s§\s[^,]+,\snr\.\s\d+)(?:$|[,\s])")  # "LOV 1/2020 § 1, nr. 3[, …]"


def item_of(source: str | None) -> str | None:
    """The item label a source or problem source names: "BEK 960/2013 § 1, nr. 1" (None: none)."""
    m = _ITEM.match(source or "")
    return m["item"] if m else None


@dataclass(frozen=True, slots=True)
class Fates:
    """What became of every dated item up to a day: `applied` labels, and `refused` labels with the
    error problems that name each (an item with no applied operation is refused, with a reason)."""

    day: dt.date | None
    applied: frozenset[str]
    refused: Mapping[str, tuple[Problem, ...]]

    def state(self, change: Change) -> str:
        if change.in_force is None:
            return PENDING
        if self.day is not None and change.in_force > self.day:
            return UPCOMING
        if change.label in self.applied:
            return APPLIED
        return REFUSED if change.label in self.refused else UNCHECKED


def decide(changes: Iterable[Change], applied: Iterable[object], problems: Iterable[Problem],
           day: dt.date | None) -> Fates:
    """THE decision: `changes` were attempted (in force by `day`); `applied` is the amender's log
    (amender.consolidate.Applied), `problems` its problems. An item is refused when an error names it
    (or its order, for an order-level error) and none of its operations is in the log; else applied."""
    done = {str(getattr(a, "source", "")) for a in applied}
    errors = [p for p in problems if p.severity == "error"]
    by_item: dict[str, list[Problem]] = {}
    loose: list[Problem] = []
    for p in errors:
        label = item_of(p.source)
        if label is None:
            loose.append(p)
        else:
            by_item.setdefault(label, []).append(p)
    ok: set[str] = set()
    refused: dict[str, tuple[Problem, ...]] = {}
    for c in changes:
        mine = by_item.get(c.label) or [p for p in loose if p.source == c.order or (p.source or "").startswith(c.order + " ")]
        if c.label in done or not mine:  # in the log, or accepted with warnings only (nothing to do)
            ok.add(c.label)
        else:
            refused[c.label] = tuple(mine)
    return Fates(day, frozenset(ok), refused)
