"""Stage 2 (ressort): the register of ministries and authorities (register.yaml) → Register.

Input: the YAML shipped in the package (or another file); output: a validated, frozen Register that
answers which names were in office on a day and what a name became. A mistake in the data is a
LovkonsError naming the file, the entry and the reason (exit 2), never a traceback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from itertools import pairwise
from pathlib import Path
from typing import Any

import regex

from lovkons.model.document import LovkonsError

MINISTRY, AUTHORITY = "ministry", "authority"


@dataclass(frozen=True, slots=True)
class Office:
    """A name a ministry or an authority has carried ("Ministeriet for Børn og Undervisning")."""

    name: str
    kind: str  # MINISTRY | AUTHORITY
    minister: str | None = None  # "børne- og undervisningsministeren" (ministries)
    also: tuple[str, ...] = ()  # other forms read in the texts, never written
    ministry: str | None = None  # the ministry an authority belongs to


@dataclass(frozen=True, slots=True)
class Transfer:
    """An area moved from one office to another; only the laws of the area follow."""

    source: str
    target: str
    area: str
    laws: tuple[str, ...] = ()  # titles ("lov om maritime uddannelser")
    keywords: tuple[str, ...] = ()  # words of the title ("dyre*", "*bolig", "social pension")
    # words of the headings of the parts (kapitel, afsnit) of a law that stay behind: a law of the area
    # moves, its chapters on these matters do not ("grunduddannelse*": kapitel 2 of the VVU-lov)
    stays: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """One ressortændring: renames, transfers, names that end or start on `date`."""

    date: dt.date
    basis: str  # "kgl. res. af 3. oktober 2011"
    renames: tuple[tuple[str, str], ...] = ()
    transfers: tuple[Transfer, ...] = ()
    ends: tuple[str, ...] = ()
    starts: tuple[str, ...] = ()
    published: str | None = None
    evidence: tuple[str, ...] = ()
    verified: bool = True
    # (ministry, title): from this change its minister bears another title, the ministry keeps its name
    # (kgl. res. af 28. november 2016: "sundhedsministeren" of Sundheds- og Ældreministeriet)
    titles: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        """How the change is cited as an editorial change of a consolidation."""
        return f"redaktionel ændring (ressortændring, {self.basis})"

    def renamed(self, name: str) -> str | None:
        return next((new for old, new in self.renames if old == name), None)


@dataclass(frozen=True, eq=False)  # compared (and hashed) by identity: one register per process
class Register:
    offices: dict[str, Office]
    changes: tuple[Change, ...]  # by date
    complete_until: dt.date | None = None
    source: str = ""
    periods: dict[str, tuple[tuple[dt.date | None, dt.date | None], ...]] = field(default_factory=dict)

    def in_office(self, name: str, day: dt.date) -> bool:
        """True when `name` was in office on `day` (from its start, up to the day before its end)."""
        return any((a is None or a <= day) and (b is None or day < b) for a, b in self.periods.get(name, ()))

    def last_end(self, name: str, day: dt.date) -> dt.date | None:
        """The latest end of a period of `name` on or before `day` (None: none ended by then)."""
        ends = [b for a, b in self.periods.get(name, ()) if b is not None and b <= day]
        return max(ends) if ends else None

    def started_by(self, name: str, day: dt.date) -> bool:
        """True when `name` had begun on or before `day` (a name that starts later is not meant yet)."""
        return any(a is None or a <= day for a, _ in self.periods.get(name, ()))

    def minister(self, name: str, day: dt.date | None) -> str | None:
        """The title of the minister of `name` on `day` (its latest `titles` by then, else its own)."""
        title = self.offices[name].minister
        for c in self.changes:
            if day is not None and c.date > day:
                break
            title = next((t for o, t in c.titles if o == name), title)
        return title

    def retitled(self, name: str, day: dt.date) -> Change | None:
        """The latest change on or before `day` that gave the minister of `name` a title."""
        return next((c for c in reversed(self.changes) if c.date <= day and any(o == name for o, _ in c.titles)),
                    None)

    def between(self, start: dt.date | None, end: dt.date) -> list[Change]:
        """Changes that took effect after `start` and on or before `end`, in date order."""
        return [c for c in self.changes if (start is None or c.date > start) and c.date <= end]


class RegisterError(LovkonsError):
    """The register data is wrong (file, entry, reason)."""


_KGL_RES = regex.compile(r"kgl\.\ res\.\ af\ (?:(?P<d1>\d{1,2})\.\ \p{L}+\ og\ )?(?P<d>\d{1,2})\.\ (?P<m>\p{L}+)\ (?P<y>\d{4})",
                         regex.VERBOSE)  # fmt: skip
_MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december")  # fmt: skip
_KEYWORD = regex.compile(r"\*?[\p{L}\d][\p{L}\d\- ]*\*?")


def _str(value: Any, where: str, what: str, file: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RegisterError(f"{where}: '{what}' must be a non-empty text, not {value!r}", file=file)
    return " ".join(value.split())


def _strs(value: Any, where: str, what: str, file: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RegisterError(f"{where}: '{what}' must be a list", file=file)
    return tuple(_str(v, where, what, file) for v in value)


def _keys(entry: Any, allowed: set[str], where: str, file: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise RegisterError(f"{where}: expected a mapping", file=file)
    unknown = set(entry) - allowed
    if unknown:
        raise RegisterError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}", file=file)
    return entry


def _office(entry: Any, i: int, file: str) -> Office:
    where = f"offices[{i}]"
    entry = _keys(entry, {"name", "minister", "also", "ministry"}, where, file)
    name = _str(entry.get("name"), where, "name", file)
    where = f"office {name!r}"
    minister = entry.get("minister")
    if minister is not None:
        minister = _str(minister, where, "minister", file)
        if minister != minister.lower() or not (minister.split()[-1].endswith("ministeren")
                                                or minister.startswith("ministeren for ")):
            raise RegisterError(f"{where}: the minister's title is written in the definite form, lower case, "
                                f"as in running text (\"undervisningsministeren\"), not {minister!r}", file=file)
        if entry.get("ministry") is not None:
            raise RegisterError(f"{where}: a ministry has a 'minister', an authority a 'ministry', not both",
                                file=file)
    ministry = _str(entry["ministry"], where, "ministry", file) if entry.get("ministry") is not None else None
    return Office(name, MINISTRY if minister else AUTHORITY, minister, _strs(entry.get("also"), where, "also", file),
                  ministry)  # fmt: skip


def _date(value: Any, where: str, file: str) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    raise RegisterError(f"{where}: 'date' must be a date YYYY-MM-DD, not {value!r}", file=file)


def _check_basis(basis: str, day: dt.date, where: str, file: str) -> None:
    """A royal resolution is cited with its own date, which is the day of the change."""
    m = _KGL_RES.search(basis)
    if basis.startswith("kgl. res") and not m:
        raise RegisterError(f"{where}: a royal resolution is cited \"kgl. res. af 3. oktober 2011\", not {basis!r}",
                            file=file)
    if m:
        month = m["m"].lower()
        if month not in _MONTHS:
            raise RegisterError(f"{where}: {m['m']!r} is not a Danish month name", file=file)
        cited = dt.date(int(m["y"]), _MONTHS.index(month) + 1, int(m["d"]))
        if cited != day:
            raise RegisterError(f"{where}: the basis cites {cited.isoformat()}, the change is dated "
                                f"{day.isoformat()}", file=file)


def _transfer(entry: Any, where: str, file: str) -> Transfer:
    entry = _keys(entry, {"from", "to", "area", "laws", "keywords", "stays"}, where, file)
    keywords = _strs(entry.get("keywords"), where, "keywords", file)
    stays = _strs(entry.get("stays"), where, "stays", file)
    for k in (*keywords, *stays):
        if not _KEYWORD.fullmatch(k):
            raise RegisterError(f"{where}: keyword {k!r} is not a word, a phrase, \"word*\" or \"*word\"", file=file)
    return Transfer(_str(entry.get("from"), where, "from", file), _str(entry.get("to"), where, "to", file),
                    _str(entry.get("area"), where, "area", file),
                    tuple(t.lower() for t in _strs(entry.get("laws"), where, "laws", file)),
                    tuple(k.lower() for k in keywords), tuple(k.lower() for k in stays))  # fmt: skip


def _change(entry: Any, i: int, file: str) -> Change:
    where = f"changes[{i}]"
    entry = _keys(entry, {"date", "basis", "published", "evidence", "verified", "renames", "transfers", "ends",
                          "starts", "titles"}, where, file)  # fmt: skip
    day = _date(entry.get("date"), where, file)
    where = f"change of {day.isoformat()}"
    basis = _str(entry.get("basis"), where, "basis", file)
    _check_basis(basis, day, where, file)
    renames = entry.get("renames") or {}
    if not isinstance(renames, dict):
        raise RegisterError(f"{where}: 'renames' maps old names to new names", file=file)
    pairs = tuple((_str(k, where, "renames", file), _str(v, where, "renames", file)) for k, v in renames.items())
    transfers = entry.get("transfers") or []
    if not isinstance(transfers, list):
        raise RegisterError(f"{where}: 'transfers' must be a list", file=file)
    verified = entry.get("verified", True)
    if not isinstance(verified, bool):
        raise RegisterError(f"{where}: 'verified' is true or false", file=file)
    published = _str(entry["published"], where, "published", file) if entry.get("published") else None
    titles = entry.get("titles") or {}
    if not isinstance(titles, dict):
        raise RegisterError(f"{where}: 'titles' maps ministries to their minister's new title", file=file)
    named = tuple((_str(k, where, "titles", file), _str(v, where, "titles", file)) for k, v in titles.items())
    return Change(day, basis, pairs, tuple(_transfer(t, f"{where}, transfers[{k}]", file)
                                           for k, t in enumerate(transfers)),
                  _strs(entry.get("ends"), where, "ends", file), _strs(entry.get("starts"), where, "starts", file),
                  published, _strs(entry.get("evidence"), where, "evidence", file), verified, named)  # fmt: skip


def _periods(offices: dict[str, Office], changes: list[Change], file: str) -> dict[str, list[list[dt.date | None]]]:
    """Each name's periods in office from the changes; a name never started was in office before them.
    Checks that a change only ends names in office and only starts names out of office."""
    periods: dict[str, list[list[dt.date | None]]] = {}
    begun_first: set[str] = set()  # names whose first change begins them: not in office before it
    seen: set[str] = set()
    for c in changes:
        for name in (*(n for pair in c.renames for n in pair), *c.ends, *c.starts,
                     *(n for t in c.transfers for n in (t.source, t.target))):
            if name not in seen and (name in c.starts or any(new == name for _, new in c.renames)):
                begun_first.add(name)
            seen.add(name)

    def current(name: str) -> list[dt.date | None] | None:
        spans = periods.setdefault(name, [] if name in begun_first else [[None, None]])
        return spans[-1] if spans and spans[-1][1] is None else None

    for c in changes:
        where = f"change of {c.date.isoformat()}"
        names = [n for pair in c.renames for n in pair] + [n for t in c.transfers for n in (t.source, t.target)]
        for name in (*names, *c.ends, *c.starts):
            if name not in offices:
                raise RegisterError(f"{where}: {name!r} is not in 'offices'", file=file)
        ending = [old for old, _ in c.renames] + list(c.ends)
        beginning = list(dict.fromkeys([new for _, new in c.renames] + list(c.starts)))
        for t in c.transfers:
            if current(t.source) is None and t.source not in ending:
                raise RegisterError(f"{where}: transfer from {t.source!r}, which is not in office then", file=file)
        for name in ending:
            span = current(name)
            if span is None:
                raise RegisterError(f"{where}: {name!r} ends, but it is not in office then", file=file)
            span[1] = c.date
        for name in beginning:
            if current(name) is not None:
                raise RegisterError(f"{where}: {name!r} begins, but it is already in office", file=file)
            periods[name].append([c.date, None])
        for t in c.transfers:
            if current(t.target) is None:
                raise RegisterError(f"{where}: transfer to {t.target!r}, which is not in office after the change",
                                    file=file)
    for name in offices:
        current(name)  # a name no change mentions was in office throughout
    return periods


def load_register(path: str | Path | None = None) -> Register:
    """The register at `path` (default: the one shipped in the package), validated."""
    if path is None:
        resource = files("lovkons.ressort").joinpath("register.yaml")
        text, file = resource.read_text(encoding="utf-8"), "ressort/register.yaml"
    else:
        file = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise RegisterError(f"cannot read the register: {err}", file=file) from None
    import yaml  # only here: a command that finds the register kept (default_register) needs no YAML

    from lovkons.parsers.yaml_text import load_yaml

    try:
        data = load_yaml(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise RegisterError("not valid YAML", file=file, line=mark.line + 1 if mark else None) from None
    data = _keys(data, {"offices", "changes", "complete_until", "keywords"}, "the register", file)
    raw_offices, raw_changes = data.get("offices"), data.get("changes")
    if not isinstance(raw_offices, list) or not isinstance(raw_changes, list):
        raise RegisterError("the register needs the lists 'offices' and 'changes'", file=file)
    offices: dict[str, Office] = {}
    for i, entry in enumerate(raw_offices):
        office = _office(entry, i, file)
        if office.name in offices:
            raise RegisterError(f"office {office.name!r} is listed twice", file=file)
        offices[office.name] = office
    for office in offices.values():
        if office.ministry is not None and offices.get(office.ministry, Office("", AUTHORITY)).kind != MINISTRY:
            raise RegisterError(f"office {office.name!r}: its ministry {office.ministry!r} is not a ministry in "
                                "'offices'", file=file)
    changes = sorted((_change(e, i, file) for i, e in enumerate(raw_changes)), key=lambda c: c.date)
    for a, b in pairwise(changes):
        if a.date == b.date:
            raise RegisterError(f"two changes are dated {a.date.isoformat()}; make them one", file=file)
    periods = _periods(offices, changes, file)
    for c in changes:
        for name, title in c.titles:
            where = f"change of {c.date.isoformat()}, titles"
            if offices.get(name, Office("", AUTHORITY)).kind != MINISTRY:
                raise RegisterError(f"{where}: {name!r} is not a ministry in 'offices'", file=file)
            if not any((a is None or a <= c.date) and (b is None or c.date < b) for a, b in periods[name]):
                raise RegisterError(f"{where}: {name!r} is not in office then", file=file)
            if title != title.lower() or not (title.endswith("ministeren") or title.startswith("ministeren for ")):
                raise RegisterError(f"{where}: the minister's title is written in the definite form, lower case "
                                    f"(\"sundhedsministeren\"), not {title!r}", file=file)
    complete = data.get("complete_until")
    if complete is not None:
        complete = _date(complete, "complete_until", file)
        for c in changes:
            if c.date > complete and c.verified:
                raise RegisterError(f"change of {c.date.isoformat()}: after complete_until ({complete.isoformat()}), "
                                    "so it is 'verified: false' (or complete_until moves)", file=file)
    return Register(offices, tuple(changes), complete, file,
                    {name: tuple((a, b) for a, b in spans) for name, spans in periods.items()})


_KEEP: list[Path] = []  # the folder where default_register keeps what it loaded (keep_register_in)


def keep_register_in(folder: Path) -> None:
    """Let default_register keep the shipped register, once read and validated, as a pickle in
    `folder` (a cache folder), and take it from there while the YAML, this module and the YAML reader
    (parsers/yaml_text.py) are unchanged."""
    _KEEP[:] = [folder]


@cache
def default_register() -> Register:
    """The register shipped in the package, loaded once per process (kept, see keep_register_in:
    reading the YAML and checking it is ~10 ms and the YAML library's import as much again)."""
    if not _KEEP:
        return load_register()
    raw = files("lovkons.ressort").joinpath("register.yaml").read_bytes()
    code = Path(__file__).read_bytes() + Path(__file__).parent.parent.joinpath("parsers", "yaml_text.py").read_bytes()
    key = hashlib.sha256(raw + code + sys.version.encode()).hexdigest()[:32]
    kept = _KEEP[0] / f"register-{key}.pickle"
    try:
        with kept.open("rb") as fh:
            found = pickle.load(fh)
        if isinstance(found, Register):
            return found
    except Exception:  # a damaged pickle raises almost anything (review11: MemoryError, OverflowError)
        pass  # not kept yet, or unreadable: read the YAML
    register = load_register()
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        part = kept.with_name(f"{kept.name}.{os.getpid()}.part")
        part.write_bytes(pickle.dumps(register, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(part, kept)  # whole or not at all: another process may read it meanwhile
    except OSError:
        pass  # a read-only cache only costs time
    return register
