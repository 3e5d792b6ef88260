"""Stage 2 (ressort): the forms a ministry's or authority's name takes in running text, and the one
pattern that finds them all. Input: Register; output: NameForms (pattern + the form each match is).

Forms (Danish drafting convention): the minister in the definite form ("undervisningsministeren",
"Ministeren for børn og undervisning" at the start of a sentence), the ministry or authority by its
name; each also in the genitive: "-ministerens", "Undervisningsministeriets", and for names built
with "for" the group genitive ("ministeren for børn og undervisnings", the LBKs' form) beside the
older "ministerens for børn og undervisning".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import regex

from lovkons.ressort.register import MINISTRY, Register

MINISTER, NAME = "minister", "name"  # roles: the minister's title; the ministry's / authority's name


@dataclass(frozen=True, slots=True)
class Form:
    """What one written form stands for."""

    office: str  # the office's name in the register
    role: str  # MINISTER | NAME
    genitive: bool
    since: dt.date | None = None  # a title a change gave the minister (register `titles`) stands for it from then


def _genitives(base: str) -> list[tuple[str, bool]]:
    """["X", False), ("Xs", True)] plus the older "ministerens for X" beside "ministeren for Xs"."""
    out = [(base, False), (base + "s", True)]
    head, sep, rest = base.partition(" for ")
    if sep and head.lower() in ("ministeren", "ministeriet"):
        out.append((f"{head}s for {rest}", True))
    return out


def written_forms(base: str) -> set[str]:
    """Every form of a name or title as written (case-folded): itself and its genitives."""
    return {text.casefold() for text, _ in _genitives(base)}


def _role(text: str) -> str:
    return MINISTER if regex.search(r"(?i)ministeren(?:\s|$)", text) else NAME


def forms_of(register: Register) -> dict[str, list[Form]]:
    """Every written form (case-folded) → the forms it may stand for (one name can have served two
    offices at different times: "børne- og undervisningsministeren", 2011-2013 and from 2019)."""
    out: dict[str, list[Form]] = {}
    for office in register.offices.values():
        bases = [(office.name, NAME)]
        if office.minister:
            bases.append((office.minister, MINISTER))
        bases += [(also, _role(also)) for also in office.also]
        for base, role in bases:
            _add(out, base, Form(office.name, role, False))
    for change in register.changes:
        for name, title in change.titles:
            _add(out, title, Form(name, MINISTER, False, change.date))
    return out


def _add(out: dict[str, list[Form]], base: str, form: Form) -> None:
    for text, genitive in _genitives(base):
        found = out.setdefault(text.casefold(), [])
        new = Form(form.office, form.role, genitive, form.since)
        if new not in found:
            found.append(new)


def _pattern(texts: list[str]) -> regex.Pattern[str]:
    """One alternation, longest first, spaces matching any run of white space; never inside a word,
    never the end of a coordinated compound ("Miljø- og Fødevareministeriet" is not "Fødevare…").
    The alternation is written as a tree of the forms' common beginnings (`_tree`): the same matches
    as the flat list of forms, without trying each of them in turn at every word."""
    return regex.compile(rf"(?<![\p{{L}}\d-])(?<!-,?\s+(?:og|eller)\s+)(?<!-,\s+)(?:{_tree(texts)})(?![\p{{L}}\d])",
                         regex.IGNORECASE)  # fmt: skip


Trie = dict[str, "Trie"]  # next character → the rest; "" marks the end of a form


def _tree(texts: list[str]) -> str:
    """The forms as nested groups of their common beginnings, each choice longest first (a form that
    ends where a longer one goes on is an optional tail), so the first choice that matches is the
    longest form there, as in the flat list sorted longest first ("ministeren for børn og
    undervisning" before "ministeren for børn")."""
    root: Trie = {}
    for text in texts:
        node = root
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = {}
    depth: dict[int, int] = {}

    def longest(node: Trie) -> int:
        if id(node) not in depth:
            depth[id(node)] = max((1 + longest(rest) if ch else 0 for ch, rest in node.items()), default=0)
        return depth[id(node)]

    def emit(node: Trie) -> str:
        branches = [(r"\s+" if ch == " " else regex.escape(ch)) + emit(rest)
                    for ch, rest in sorted(node.items(), key=lambda kv: (-longest(kv[1]), kv[0])) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


_WORD = regex.compile(r"[\p{L}\d]+")  # a word as the pattern bounds it


@dataclass(frozen=True)
class NameForms:
    pattern: regex.Pattern[str]
    forms: dict[str, list[Form]]
    # a piece of every form ("minist" of every minister's and ministry's name, else the form's last
    # word): a text holds a name only if its case-folded text holds that piece, so a text with none
    # of them is not searched at all (most provisions name no ministry or authority)
    pieces: tuple[str, ...] = ()
    # the pieces grouped under a part they share ("styrelsen" of "energistyrelsen", "telestyrelsen", …):
    # a text without that part holds none of them, so a text naming no office is ruled out with a
    # search per group instead of one per piece (see _groups); the same verdict as `pieces`
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # the names found in each text searched that holds a piece (a worker renames law after law, and the
    # laws repeat each other's texts: an LBK restates its law's); a pure function of the text, bounded
    found: dict[str, tuple[Span, ...]] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def lookup(self, written: str) -> list[Form]:
        return self.forms.get(" ".join(written.split()).casefold(), [])

    def holds_piece(self, folded: str) -> bool:
        """Whether the case-folded text holds a piece of a name (any of `pieces`)."""
        for part, pieces in self.groups:
            if part in folded and (not pieces or any(piece in folded for piece in pieces)):
                return True
        return False

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """The names in `text`, as `pattern.finditer` finds them (the same matches, fewer searches)."""
        if not self.holds_piece(text.casefold()):
            return iter(())
        return self.pattern.finditer(text)

    def spans(self, text: str) -> tuple[Span, ...]:
        """(start, end, the name as written) of every name in `text` (`finditer`'s matches); memoised
        for the texts that hold a piece of a name (the others are ruled out at once)."""
        hit = self.found.get(text)
        if hit is None:
            if not self.holds_piece(text.casefold()):
                return ()
            if len(self.found) >= FOUND_LIMIT:
                self.found.clear()
            hit = self.found[text] = tuple((m.start(), m.end(), m[0]) for m in self.pattern.finditer(text))
        return hit


FOUND_LIMIT = 50_000  # texts whose names a process keeps (then it starts again)
Span = tuple[int, int, str]  # a name found in a text: start, end, the name as written


_MINIST = "minist"


def _pieces(texts: list[str]) -> tuple[str, ...]:
    """"minist" when a form holds it, else its last word ("energistyrelsen"), without the pieces that
    hold another one ("energistyrelsens")."""
    found = {_MINIST if _MINIST in t else _WORD.findall(t)[-1] for t in texts}
    found = {p for p in found if not any(q != p and q in p for q in found)}
    return tuple(sorted(found, key=lambda p: (p != _MINIST, p)))  # "minist" first: most names hold it


def _groups(pieces: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The pieces in groups of those ending alike (their last six letters), each under the ending they
    all share ("styrelsen": "energistyrelsen", "telestyrelsen", …; "klagenævnet"); a piece alone is its
    own group (no members to search then). In the order of the pieces ("minist" first)."""
    by_end: dict[str, list[str]] = {}
    for piece in pieces:
        by_end.setdefault(piece[-6:], []).append(piece)
    out: list[tuple[str, tuple[str, ...]]] = []
    for members in by_end.values():
        if len(members) == 1:
            out.append((members[0], ()))
        else:
            shared = members[0]
            while not all(m.endswith(shared) for m in members):
                shared = shared[1:]
            out.append((shared, tuple(members)))
    return tuple(out)


@cache
def name_forms(register: Register) -> NameForms:
    table = forms_of(register)
    pieces = _pieces(list(table))
    return NameForms(_pattern(list(table)), table, pieces, _groups(pieces))


def render(register: Register, office: str, role: str, genitive: bool, written: str,
           day: dt.date | None = None) -> str:
    """The form of `office` that takes the place of the `written` one: the minister's title on `day`
    (capital first letter when the written form had one), or the ministry's / authority's name as
    registered."""
    entry = register.offices[office]
    title = register.minister(office, day)
    if role == MINISTER and entry.kind == MINISTRY and title:
        text = title
        text = text + "s" if genitive else text
        return text[:1].upper() + text[1:] if written[:1].isupper() else text
    return entry.name + "s" if genitive else entry.name
