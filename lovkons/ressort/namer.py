"""Stage 2 (ressort): what each written name of a ministry or authority becomes on a day. Input:
the register, the day, the law's title and who is responsible for it (its ministry, its authority,
the minister it names most); output: per written name a `Rename` (the office in place and the
changes that put it there) or None (the name stays). The ressort layer (ressort.layer) asks once per
name and day; the text it writes is a function of these decisions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lovkons.model.document import Problem
from lovkons.ressort.forms import MINISTER, Form, name_forms, written_forms
from lovkons.ressort.register import AUTHORITY, Change, Register
from lovkons.ressort.responsible import Responsibility, Step, covers, follow, part_responsibility


@dataclass(frozen=True, slots=True)
class Rename:
    office: str
    changes: tuple[Change, ...]


class Namer:
    """Decides, once per written name, what it becomes on the day (or None: it stays)."""

    def __init__(self, register: Register, day: dt.date, title: str, resp: Responsibility,
                 agency: Responsibility, named: Responsibility, part: str = "") -> None:
        self.register, self.day, self.title = register, day, title
        self.resp, self.agency, self.named = resp, agency, named
        self.part = part  # the heading of the part of the law this namer decides for ("": the law)
        self.memo: dict[str, Rename | None] = {}  # by the name as written, in one case and spacing
        self.seen: dict[str, Rename | None] = {}  # by the name exactly as written
        self.problems: list[Problem] = []
        self.parts: dict[str, Namer] = {}  # by heading: the namers of parts a transfer left behind

    def for_part(self, heading: str) -> Namer:
        """The namer for the part of the law under `heading` (a kapitel or afsnit): this one, unless a
        transfer the law followed leaves that part behind (register: `stays`)."""
        hit = self.parts.get(heading)
        if hit is None:
            resp, agency, named = (part_responsibility(self.register, self.title, r, heading, self.day)
                                   for r in (self.resp, self.agency, self.named))
            if resp is self.resp and agency is self.agency and named is self.named:
                hit = self
            else:
                hit = Namer(self.register, self.day, self.title, resp, agency, named, part=heading)
                hit.problems = self.problems  # one list of problems for the law
            self.parts[heading] = hit
        return hit

    def decide(self, written: str) -> Rename | None:
        if written in self.seen:  # the same spelling again (most names recur as written)
            return self.seen[written]
        key = " ".join(written.split()).casefold()
        if key not in self.memo:
            self.memo[key] = self._decide(name_forms(self.register).lookup(written), written)
        found = self.seen[written] = self.memo[key]
        return found

    def _decide(self, forms: list[Form], written: str) -> Rename | None:
        reg, day = self.register, self.day
        forms = [f for f in forms if f.since is None or f.since <= day]  # a title given later is not meant yet
        offices = list(dict.fromkeys(f.office for f in forms if reg.started_by(f.office, day)))
        if not offices:
            return None
        for own in (self.resp, self.agency, self.named):  # a name the law's own ministry or authority had: its name now
            if own.office is not None:
                for office in offices:
                    if office in own.offices() and office != own.office:
                        return Rename(own.office, self._dated(own.changes_since(office), own.office, forms, written))
        current = [o for o in offices if reg.in_office(o, day)]
        if current:  # in office: only a transfer naming this law moves it
            office = current[0]
            if self.resp.since is None:
                return None
            new, path = follow(reg, office, self.resp.since, day, self.title, responsible=False, part=self.part)
            if new == office and office in (self.resp.office, self.named.office):
                retitled = self._dated([], office, forms, written)  # the law's own minister under a new title
                return Rename(office, retitled) if retitled else None
        else:
            office = max(offices, key=lambda o: reg.last_end(o, day) or dt.date.min)
            end = reg.last_end(office, day)
            assert end is not None
            new, path = follow(reg, office, end - dt.timedelta(days=1), day, self.title, responsible=False,
                              part=self.part)
            if new is None:
                new, path = self._split(office, end, path)
            if new is None and self._ours(office, []):
                self.problems.append(Problem(
                    "RESSORT_NO_SUCCESSOR", f"»{written}« ({office}) ended on {end.isoformat()} without one "
                    "successor for every law, and nothing shows which one took over this law; the name is kept",
                    "warning"))  # fmt: skip
        if new is None or new == office or not self._ours(office, path):
            return None
        return Rename(new, self._dated([c for c, _, _ in path], new, forms, written))

    def _dated(self, changes: list[Change], office: str, forms: list[Form], written: str) -> tuple[Change, ...]:
        """The changes that give `written` its form on the day: `changes`, and the change that gave the
        minister of `office` the title in use that day when `written` is a minister's title other than
        that one (kgl. res. af 28. november 2016: the minister of Sundheds- og Ældreministeriet is
        "sundhedsministeren" in LBK 84/2017 §§ 14, 17, 20, 24, 32, 38, …, signed by that ministry)."""
        title = self.register.minister(office, self.day)
        if title is None or not any(f.role == MINISTER for f in forms):
            return tuple(changes)
        if " ".join(written.split()).casefold() in written_forms(title):
            return tuple(changes)
        retitled = self.register.retitled(office, self.day)
        if retitled is None or retitled in changes:
            return tuple(changes)
        return tuple(sorted([*changes, retitled], key=lambda c: c.date))

    def _split(self, office: str, end: dt.date, path: list[Step]) -> tuple[str | None, list[Step]]:
        """An authority split between ministries: the successor under the law's own ministry."""
        reg = self.register
        last = path[-1][1] if path else office
        change = next((c for c in reg.changes if c.date >= end and last in c.ends), None)
        if change is None or reg.offices[last].kind != AUTHORITY or self.resp.office is None:
            return None, path
        mine = [t for t in change.transfers if t.source == last and self._belongs(t.target)]
        if len(mine) != 1:
            return None, path
        new, rest = follow(reg, mine[0].target, change.date, self.day, self.title, responsible=False)
        return new, [*path, (change, mine[0].target, mine[0]), *rest]

    def _belongs(self, authority: str) -> bool:
        """The authority belongs to the law's own ministry (then or now), or to a ministry a resolution
        moved part of this law away from by naming it (its authority goes with the part moved: kgl. res.
        af 3. oktober 2011 moved lov om radio- og fjernsynsvirksomhed's tele matters from the minister
        for science to the minister for business; LBK 1188/2013 §§ 8, 9, 92 print IT- og Telestyrelsen,
        then the minister for science's, as Erhvervsstyrelsen)."""
        parent = self.register.offices[authority].ministry
        if parent is None:
            return False
        if parent in self.resp.offices():
            return True
        if any(t.source == parent and t.laws and covers(t, self.title, responsible=False)
               for c in self.register.changes if c.date <= self.day for t in c.transfers):
            return True
        now, _ = follow(self.register, parent, None, self.day, self.title, responsible=False)
        return now == self.resp.office

    def _ours(self, office: str, path: list[Step]) -> bool:
        """Whether the law's consolidation renames this name: the names of the law's own ministry and
        authority (see _decide), an authority of that ministry, and any name a transfer naming this law
        moved. Another ministry's name stays as the law wrote it: the resolution did not move this law
        (the practice of the official consolidations). Without evidence of the law's ministry: every name."""
        if self.resp.office is None or any(t is not None and t.laws for _, _, t in path):
            return True
        if path and path[-1][1] == self.resp.office and self._renamed_alone(path[-1][0], path[-1][1]):
            return True  # the law's own ministry under its former name: renamed by the same resolution
        return self.register.offices[office].kind == AUTHORITY and self._belongs(office)

    @staticmethod
    def _renamed_alone(change: Change, new: str) -> bool:
        """`new` took over one old name at `change`, not a merger of two ministries (a merger keeps the
        other ministry's name: LBK 123/2017 of a fødevare-law keeps "miljøministeren")."""
        return sum(1 for _, target in change.renames if target == new) == 1
