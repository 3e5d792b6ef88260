"""Stage 2 (ressort): who is responsible for a law on a day, from the register and the evidence in
the documents. Input: Register, the law's title, dated evidence (who signed the base and its amending
acts); output: Responsibility (the ministry on the day, every ministry the law had on the way, the
evidence used and the problems).

The walk: start from the earliest evidence (usually the ministry that signed the base); at each change
of the register the law follows a transfer of its area (its title is listed, or a keyword of the area
is in its title), else the rename of its ministry; a split without a successor for every law leaves it
unknown until later evidence names one of the successors. Each later piece of evidence must agree with
the walk or pick one of the transfers the register has on the way; otherwise a warning (the signature
is taken as the fact).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

import regex

from lovkons.model.document import Problem
from lovkons.ressort.register import Change, Register, Transfer

STRONG, WEAK = "strong", "weak"


@dataclass(frozen=True, slots=True)
class Evidence:
    """`office` held the law on `day`, says `source` ("LBK 920/2011, signature")."""

    day: dt.date
    office: str
    source: str
    strength: str = STRONG  # WEAK: an omnibus act, signed by whichever ministry led it


@dataclass(frozen=True, slots=True)
class Responsibility:
    office: str | None  # on the day asked; None = not known
    # every office the law had, from the first evidence to the day, each with the change that gave it
    # (None for the first evidence, and for a signature the register cannot explain)
    chain: tuple[tuple[str, Change | None], ...] = ()
    evidence: tuple[Evidence, ...] = ()
    problems: tuple[Problem, ...] = field(default=())
    since: dt.date | None = None  # the day of the first evidence

    def offices(self) -> list[str]:
        return [office for office, _ in self.chain]

    def changes_since(self, office: str) -> list[Change]:
        """The changes that moved the law on from (the last time it was with) `office`."""
        names = self.offices()
        if office not in names:
            return []
        last = len(names) - 1 - names[::-1].index(office)
        return [c for _, c in self.chain[last + 1:] if c is not None]


_TITLE_HEAD = regex.compile(r"^(?:bekendtgørelse\s+af\s+|lovbekendtgørelse\s+af\s+)", regex.IGNORECASE)


def law_title(title: str | None) -> str:
    """"Bekendtgørelse af lov om hunde" → "lov om hunde" (lower case, one space)."""
    return " ".join(_TITLE_HEAD.sub("", title or "").split()).lower()


@cache
def _keyword(k: str) -> regex.Pattern[str]:
    """"dyre*" = a word starting so, "*bolig" = a word ending so, else the word or phrase itself."""
    body = r"\s+".join(regex.escape(w) for w in k.strip("*").split())
    head = r"[\p{L}\d-]*" if k.startswith("*") else r"(?<![\p{L}\d-])"
    tail = r"[\p{L}\d-]*" if k.endswith("*") else r"(?![\p{L}\d])"
    return regex.compile(head + body + tail)


def covers(transfer: Transfer, title: str, *, responsible: bool) -> bool:
    """The law (by its title) belongs to the area moved: listed by title, or (for the office that is
    responsible for the law) a keyword of the area is in the title."""
    if not title:
        return False
    if any(title == law or title.startswith(law + " (") for law in transfer.laws):
        return True
    return responsible and any(_keyword(k).search(title) for k in transfer.keywords)


def stays(transfer: Transfer, part: str) -> bool:
    """The part of a law headed `part` (a kapitel's or afsnit's heading) is not in the area moved."""
    return bool(part) and any(_keyword(k).search(part.lower()) for k in transfer.stays)


def named_at(transfer: Transfer, title: str) -> int:
    """Where the law's title names the area moved: 0 for a law listed by its title, else the place of
    the first keyword found (the title's length when none is)."""
    if any(title == law or title.startswith(law + " (") for law in transfer.laws):
        return 0
    return min((m.start() for k in transfer.keywords if (m := _keyword(k).search(title))), default=len(title))


def step(change: Change, office: str, title: str, *, responsible: bool,
         part: str = "") -> tuple[str | None, Transfer | None]:
    """What `office` becomes for this law (or for its part headed `part`) at `change`: (new office, the
    transfer followed) — the office itself when untouched, None when it ends without a successor.

    A title can name the areas of two transfers from the office: the law follows the area its title
    names first, the law's subject (a title names its subject, then what else the law does: "lov om
    regioner og om nedlæggelse af amtskommunerne, … og Hovedstadens Sygehusfællesskab (regionsloven)"
    went with the interior by kgl. res. af 3. oktober 2011, not with health: LBK 770/2015, signed by
    Økonomi- og Indenrigsministeriet, names the økonomi- og indenrigsminister throughout)."""
    moved = [t for t in change.transfers
             if t.source == office and covers(t, title, responsible=responsible) and not stays(t, part)]
    if moved:
        first = min(moved, key=lambda t: named_at(t, title))  # the first listed on a tie
        return first.target, first
    renamed = change.renamed(office)
    if renamed:
        return renamed, None
    return (None, None) if office in change.ends else (office, None)


Step = tuple[Change, str, Transfer | None]  # a change, the office it gave, the transfer followed (if any)


def follow(register: Register, office: str, start: dt.date | None, end: dt.date, title: str, *,
           responsible: bool, part: str = "") -> tuple[str | None, list[Step]]:
    """Walk `office` through the changes after `start` up to `end`: (office on `end` or None, the
    steps that moved it)."""
    path: list[Step] = []
    current: str | None = office
    for change in register.between(start, end):
        assert current is not None
        nxt, transfer = step(change, current, title, responsible=responsible, part=part)
        if nxt != current:
            if nxt is None:
                return None, path
            path.append((change, nxt, transfer))
            current = nxt
    return current, path


def reachable(register: Register, office: str, start: dt.date, end: dt.date) -> dict[str, Change | None]:
    """Every office `office` can become between the days through renames and any transfer, each with
    the change that first gave it."""
    seen: dict[str, Change | None] = {office: None}
    for change in register.between(start, end):
        for o in list(seen):
            for target in [t.target for t in change.transfers if t.source == o] + [change.renamed(o) or o]:
                seen.setdefault(target, change)
    return seen


def _held_on(register: Register, ev: Evidence) -> Evidence:
    """A journal number can be older than the signature: the name counts on its last day in office."""
    if register.in_office(ev.office, ev.day):
        return ev
    end = register.last_end(ev.office, ev.day)
    return Evidence(end - dt.timedelta(days=1), ev.office, ev.source, ev.strength) if end else ev


def responsibility(register: Register, title: str, evidence: Sequence[Evidence], day: dt.date) -> Responsibility:
    """The ministry responsible for the law titled `title` on `day` (see the module docstring)."""
    points = sorted((_held_on(register, e) for e in evidence if e.day <= day), key=lambda e: e.day)
    if any(e.strength == STRONG for e in points):  # signatures first; the weak evidence only without any
        points = [e for e in points if e.strength == STRONG]
    problems: list[Problem] = []
    used: list[Evidence] = []
    current: str | None = None
    at: dt.date | None = None
    chain: list[tuple[str, Change | None]] = []
    for ev in points:
        if current is None:
            if at is not None and ev.strength == WEAK:
                continue  # after a split only a strong signature picks the successor
            current, at = ev.office, ev.day
            chain.append((current, None))
            used.append(ev)
            continue
        assert at is not None
        predicted, path = follow(register, current, at, ev.day, title, responsible=True)
        if predicted == ev.office:
            chain += [(o, c) for c, o, _ in path]
            used.append(ev)
        elif ev.strength == STRONG and ev.office in (found := reachable(register, current, at, ev.day)):
            chain.append((ev.office, found[ev.office]))
            used.append(ev)
        elif ev.strength == STRONG:
            problems.append(Problem("RESSORT_EVIDENCE_CONFLICT", f"{ev.source} was signed by {ev.office} on "
                                    f"{ev.day.isoformat()}; the register leads from {current} to "
                                    f"{predicted or 'no single successor'}; the signature is followed",
                                    "warning", ev.source))  # fmt: skip
            chain.append((ev.office, Change(ev.day, ev.source, verified=False)))  # the signature as the basis
            used.append(ev)
        else:
            continue  # an omnibus act of another ministry says nothing about this law
        current, at = ev.office, ev.day
    if current is None or at is None:
        return Responsibility(None, (), (), tuple(problems))
    office, path = follow(register, current, at, day, title, responsible=True)
    chain += [(o, c) for c, o, _ in path]
    return Responsibility(office, tuple(chain), tuple(used), tuple(problems), used[0].day)


def part_responsibility(register: Register, title: str, resp: Responsibility, part: str,
                        day: dt.date) -> Responsibility:
    """Who is responsible on `day` for the part of the law headed `part`: the law's own responsibility,
    unless a transfer it followed leaves this part behind (`Transfer.stays`); then the part goes on
    from the office before that transfer, by the register alone (the later signatures are the law's
    ministry's). A resolution can split a law: kgl. res. af 3. oktober 2011 moved the VVU-lov to the
    minister for research, its chapter "Grunduddannelse for voksne" stayed with education."""
    chain = resp.chain
    for i in range(1, len(chain)):
        (before, _), (after, change) = chain[i - 1], chain[i]
        if change is None or not any(t.source == before and t.target == after and stays(t, part)
                                     for t in change.transfers):
            continue
        office, path = follow(register, before, change.date - dt.timedelta(days=1), day, title,
                              responsible=True, part=part)
        if office is None:
            return resp
        return Responsibility(office, (*chain[:i], *((o, c) for c, o, _ in path)), resp.evidence, resp.problems,
                              resp.since)
    return resp
