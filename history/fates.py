"""Stage 2 (amender): what became of the items of a timeline that are not simply applied: handed on
to the consolidation that replaced the document, already in that one's text ahead of their date,
never applied because the document ended first. Input: Timeline; output: Problems and short lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

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


def _when(c: Change) -> str:
    return f"takes effect {c.in_force.isoformat()}" if c.in_force else "has no in-force date"


def carried_lines(tl: Timeline) -> list[str]:
    """One line per group of items handed on to / received from another consolidation."""
    out = []
    for label, items in grouped(tl.carried):
        c = items[0]
        fate = "already in its text" if c.incorporated else "applied there"
        out.append(f"handed on to {c.to} ({fate}): {label} ({_when(c)})")
    for label, items in grouped(c for c in tl.changes if c.via):
        out.append(f"carried forward from {items[0].via}: {label} (applied from {items[0].in_force})")
    for label, items in grouped(c for c in tl.pending if c.via):
        out.append(f"carried forward from {items[0].via}: {label} (pending, no in-force date)")
    return out


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
    for label, items in grouped(c for c in tl.lapsed if c.why in ("repealed", "expired")):
        c = items[0]
        out.append(Problem(
            "ITEM_AFTER_END",
            f"{label} takes effect {c.in_force}, but {tl.key} is {c.why} from {c.lapsed}: not applied",
            "warning", source=f"{c.order} § {c.paragraf}", file=file,
        ))  # fmt: skip
    return out
