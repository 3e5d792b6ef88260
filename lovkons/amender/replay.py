"""Stage 2 (amender): a consolidation picks up where the last one of the same base left off.

The versions of a document are consolidations of one base with more and more acts: the text on the
next day is the text on this day plus the acts that came into force in between. `consolidate`
applies the acts in chain order (amender.chain), and what it has built before act k (the tree, the
problems, the per-act contexts) depends only on the base and on acts 0..k-1. So a `Trail` keeps
that state before every act of the last run (`Mark`), and the next run of the same base (the same
object, the same day and parts) starts at the first act that differs from the last run's instead of
at the base, or in the middle of that act when its new items all come after the old ones
(`Trail._within`): the result is the one a run from the base gives, object for object equal.

Input: the base, the acts of a run; output: a `Run` to continue the item loop from, and the marks
it leaves for the next run. Only the last base is kept, per thread (a rebuild worker consolidates
one document at a time, version after version).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from typing import Any

from lovkons.amender.apply import ApplyContext
from lovkons.amender.chain import Act, Step, cited_text
from lovkons.model.document import Document, Problem
from lovkons.model.edits import Operation


@dataclass(frozen=True, slots=True)
class Mark:
    """What the item loop had built before the first item of one act. The contexts and the applied
    operations of the acts before it are shared, not copied: once its act is done, the loop never
    changes them again (the final checks work on copies, see `settled`)."""

    act: int
    doc: Document
    problems: int  # how many of the trail's item problems were there
    pending: int
    touched: frozenset[str]
    ctxs: dict[int, ApplyContext]
    starts: dict[int, Document]
    lines: dict[str, int | None]
    mine: dict[int, list[Any]]  # act → [(operation, Applied)]


@dataclass
class Run:
    """The mutable state of one consolidation's item loop (amender.consolidate)."""

    act: int  # the first act still to apply
    doc: Document
    problems: list[Problem] = field(default_factory=list)
    pending: list[Any] = field(default_factory=list)  # amender.consolidate.Pending
    touched: set[str] = field(default_factory=set)
    ctxs: dict[int, ApplyContext] = field(default_factory=dict)
    starts: dict[int, Document] = field(default_factory=dict)
    lines: dict[str, int | None] = field(default_factory=dict)
    mine: dict[int, list[Any]] = field(default_factory=dict)
    skip: int = 0  # items of act `act` already applied (it goes on in the middle)


@dataclass
class Trail:
    """The marks of the last consolidation of `base` (by identity) on `key` (the day and the parts)."""

    base: Document
    key: Hashable
    start: Document  # the base with tombstones and ids, where every run starts
    acts: list[Act] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)  # marks[k]: before act k (one per act reached)
    problems: list[Problem] = field(default_factory=list)  # the item problems of the last run
    pending: list[Any] = field(default_factory=list)
    items: dict[int, list[Step]] = field(default_factory=dict)  # per stage (chain.stages), the items applied

    def resume(self, acts: list[Act], items: dict[int, list[Step]]) -> Run:
        """The state before the first act of `acts` that is not the last run's act at that place, or
        in the middle of that act when it only has items after those of the last run (`_within`).
        Until this run finishes, the trail holds no acts (a run that raised leaves nothing to resume)."""
        same = 0
        top = min(len(acts), len(self.acts), len(self.marks) - 1)
        while same < top and acts[same] == self.acts[same] and _ids(items.get(same)) == _ids(self.items.get(same)):
            same += 1  # the same act, and the same items at its place (a deferred item may move: chain.stages)
        old, self.acts = self.acts, []
        if same < min(len(acts), len(old)) and same + 1 < len(self.marks):
            run = self._within(acts, old, items, same)
            if run is not None:
                return run
        if same == 0:
            return Run(0, self.start)
        m = self.marks[same]
        return Run(same, m.doc, self.problems[:m.problems], self.pending[:m.pending], set(m.touched),
                   dict(m.ctxs), dict(m.starts), dict(m.lines), dict(m.mine))  # fmt: skip

    def _within(self, acts: list[Act], old: list[Act], items: dict[int, list[Step]], k: int) -> Run | None:
        """Act k goes on where the last run left it when the act is the same act, its items then come
        first now in the same order, the text it cites its units in is the same (amender.chain), and
        no reading looked at the act's other operations (they are more now: `Watched`)."""
        before, now = self.items.get(k, []), items.get(k, [])
        m = self.marks[k + 1]
        ctx = m.ctxs.get(k)
        if (ctx is None or not isinstance(ctx.act_ops, Watched) or ctx.act_ops.seen
                or acts[k][0].meta != old[k][0].meta or len(now) <= len(before)
                or _ids(now[:len(before)]) != _ids(before)
                or cited_text(k, acts, m.starts, m.starts[k]) is not ctx.resolver.snapshot):  # fmt: skip
            return None
        ctxs, mine = dict(m.ctxs), dict(m.mine)
        ctxs[k] = dc_replace(settled(ctx), act_ops=act_operations(acts[k]))
        if k in mine:
            mine[k] = list(mine[k])
        return Run(k, m.doc, self.problems[:m.problems], self.pending[:m.pending], set(m.touched), ctxs,
                   dict(m.starts), dict(m.lines), mine, skip=len(before))  # fmt: skip

    def mark(self, run: Run) -> None:
        """Record the state before act `run.act` (the marks after it belong to an older run)."""
        del self.marks[run.act:]
        self.marks.append(Mark(run.act, run.doc, len(run.problems), len(run.pending), frozenset(run.touched),
                               dict(run.ctxs), dict(run.starts), dict(run.lines), dict(run.mine)))  # fmt: skip

    def finish(self, acts: list[Act], items: dict[int, list[Step]], run: Run) -> None:
        """The run is done: its acts and item problems are what the next run compares with."""
        self.acts, self.items = list(acts), items
        self.problems, self.pending = list(run.problems), list(run.pending)


def _ids(steps: list[Step] | None) -> list[tuple[int, str, int]]:
    """The items of a stage by act, § of the act and number."""
    return [(k, block.paragraf, item.number) for k, block, item in steps or ()]


class Watched(tuple[Operation, ...]):
    """The operations of every item of an act (ApplyContext.act_ops), remembering whether a reading
    looked at them (amender.text_readings.every_occurrence does, for a count the text does not bear
    out): an act whose later items come into force later may go on from the last run only if none did."""

    seen = False

    def __iter__(self) -> Iterator[Operation]:
        self.seen = True
        return super().__iter__()

    def __len__(self) -> int:
        self.seen = True
        return super().__len__()

    def __contains__(self, value: object) -> bool:
        self.seen = True
        return super().__contains__(value)


def act_operations(act: Act) -> Watched:
    """The operations of every item selected from the act."""
    return Watched(op for _, items in act[1] for one in items for op in one.operations)


def settled(ctx: ApplyContext) -> ApplyContext:
    """A copy for the final checks, which change what they check (a mark shares the original)."""
    return dc_replace(ctx, renumbers=list(ctx.renumbers), unheld=list(ctx.unheld), done=set(ctx.done),
                      counted=dict(ctx.counted))


_LOCAL = threading.local()  # .trail: the trail of the last base this thread consolidated


def trail_for(base: Document, at: dt.date | None, parts: tuple[tuple[str, str], ...],
              start: Callable[[], Document]) -> Trail:
    """The trail of `base` on this day with these parts: the last one when it is of the same base
    object, else a new one starting from `start()`."""
    key = (at, parts)
    trail: Trail | None = getattr(_LOCAL, "trail", None)
    if trail is None or trail.base is not base or trail.key != key:
        trail = _LOCAL.trail = Trail(base, key, start())
    return trail


def forget() -> None:
    """Drop the trail (the next consolidation starts from its base)."""
    _LOCAL.trail = None
