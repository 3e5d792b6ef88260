"""Stage 3 (renderers): the words and small JSON shapes shared by every output about time — a
status ("in force since …", "restated by …"), an item (Change) and its fate, an Applied entry —
so `consolidate`, `timeline`, `diff` and the rebuild files say the same thing the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lovkons.history.fates import grouped
from lovkons.history.timeline import Change, Status, Timeline
from lovkons.renderers.json_out import date_json

STATE_WORDS = {"in_force": "in force", "not_in_force": "not yet in force", "repealed": "repealed",
               "expired": "expired", "superseded": "restated", "unknown": "unknown"}  # fmt: skip


def status_json(st: Status | None) -> dict[str, Any] | None:
    """{"state", "since", "by"} (+ "ends" when a repeal is known without its date; + "then" when "by" is an LBK the
    corpus lacks: the corpus's next LBK of the law, {"state", "since", "by"})."""
    if st is None:
        return None
    out: dict[str, Any] = {"state": st.state, "since": date_json(st.since), "by": st.by}
    if st.ends is not None:
        out["ends"] = status_json(st.ends)
    if st.outside:
        out["in_corpus"] = False
    if st.then is not None:
        out["then"] = status_json(st.then)
    return out


def end_text(st: Status) -> str:
    """"repealed from 2015-03-22 by BEK 1/2015", "restated by LBK 196/2009 from 2009-03-12",
    "repealed by BEK 1305/2018 (date not recorded)", "restated by LBK 584/2014 from 2014-06-01 (not in the corpus),
    then by LBK 748/2015 from 2015-05-16"."""
    when = f"from {st.since.isoformat()}" if st.since else "(date not recorded)"
    if st.state == "superseded" and st.outside:
        then = f", then {end_text(st.then).removeprefix('restated ')}" if st.then is not None else ""
        return f"restated by {st.by} {when} (not in the corpus){then}"
    if st.state == "superseded":
        return f"restated by {st.by or 'a newer consolidation'} {when}"
    by = f" by {st.by}" if st.by else ""
    return f"{STATE_WORDS.get(st.state, st.state)} {when}{by}" if st.since else f"{STATE_WORDS.get(st.state, st.state)}{by} {when}"


def status_text(st: Status) -> str:
    """One line: "in force since 2013-06-01; repealed by BEK 1305/2018 (date not recorded)"."""
    word = STATE_WORDS.get(st.state, st.state)
    if st.state in ("in_force", "not_in_force", "unknown"):
        out = word
        if st.since:
            out += (" until " if st.state == "not_in_force" else " since ") + st.since.isoformat()
    else:
        out = end_text(st)
    if st.ends is not None:
        out += "; " + end_text(st.ends)
    return out


def applied_json(a: Any) -> dict[str, Any]:
    """The contract's Applied shape from amender.consolidate.Applied."""
    return {"source": str(getattr(a, "source", "")), "op": getattr(a, "op", ""), "target": getattr(a, "target", "")}


def change_json(c: Change, state: str | None = None) -> dict[str, Any]:
    """An item: label, order, §, nr., in-force date (+ its fate, and where it came from / went)."""
    out: dict[str, Any] = {"item": c.label, "order": c.order, "paragraf": c.paragraf, "nr": c.item,
                           "in_force": date_json(c.in_force)}  # fmt: skip
    if state is not None:
        out["state"] = state
    if c.via:
        out["via"] = c.via  # the consolidation the order names, which this one replaced
    if c.to:
        out.update(to=c.to, incorporated=c.incorporated)
    if c.lapsed:
        out.update(lapsed=c.lapsed.isoformat(), why=c.why)
        if c.incorporated:  # never took effect, yet printed ahead in the text (history.timeline._printed_ahead)
            out["incorporated"] = True
    return out


def item_lines(changes: Iterable[Change], *, dates: bool = False) -> list[str]:
    """"LOV 576/2012 § 1, nr. 1-27 (from 2012-07-01, via LBK 1074/2011)" per group of items."""
    out = []
    for label, items in grouped(changes):
        c = items[0]
        extra = [f"from {c.in_force.isoformat()}" if c.in_force else "no date"] if dates else []
        if c.via:
            extra.append(f"via {c.via}")
        if c.to:
            extra.append(f"in the text of {c.to}" if c.incorporated else f"goes on to {c.to}")
        out.append(label + (f" ({', '.join(extra)})" if extra else ""))
    return out


def _when(c: Change) -> str:
    return f"takes effect {c.in_force.isoformat()}" if c.in_force else "has no in-force date"


def carried_lines(tl: Timeline) -> list[str]:
    """One line per group of items handed on to / received from another consolidation."""
    out = []
    for label, items in grouped(tl.carried):
        c = items[0]
        fate = ("already in its text" if c.incorporated else
                "in force here, left out of its text until it has effect: applied there" if c.why == "left_out" else
                "applied there" if c.in_force is not None else "pending there")
        if tl.end is not None and tl.end.outside and c.to == tl.end.by:  # timeline.Status.outside
            fate = "not in the corpus: in force in its time" + (
                f", in the text {tl.end.then.by} restates" if tl.end.then is not None else "")
        out.append(f"handed on to {c.to} ({fate}): {label} ({_when(c)})")
    for label, items in grouped(c for c in tl.changes if c.via):
        out.append(f"carried forward from {items[0].via}: {label} (applied from {items[0].in_force})")
    for label, items in grouped(c for c in tl.pending if c.via):
        out.append(f"carried forward from {items[0].via}: {label} (pending, no in-force date)")
    return out
