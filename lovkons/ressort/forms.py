"""Stage 2 (ressort): the forms a ministry's or authority's name takes in running text, and the one
pattern that finds them all. Input: Register; output: NameForms (pattern + the form each match is).

Forms (Danish drafting convention): the minister in the definite form ("undervisningsministeren",
"Ministeren for børn og undervisning" at the start of a sentence), the ministry or authority by its
name; each also in the genitive: "-ministerens", "Undervisningsministeriets", and for names built
with "for" the group genitive ("ministeren for børn og undervisnings", the LBKs' form) beside the
older "ministerens for børn og undervisning".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
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


def _genitives(base: str) -> list[tuple[str, bool]]:
    """["X", False), ("Xs", True)] plus the older "ministerens for X" beside "ministeren for Xs"."""
    out = [(base, False), (base + "s", True)]
    head, sep, rest = base.partition(" for ")
    if sep and head.lower() in ("ministeren", "ministeriet"):
        out.append((f"{head}s for {rest}", True))
    return out


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
            for text, genitive in _genitives(base):
                form = Form(office.name, role, genitive)
                found = out.setdefault(text.casefold(), [])
                if form not in found:
                    found.append(form)
    return out


def _pattern(texts: list[str]) -> regex.Pattern[str]:
    """One alternation, longest first, spaces matching any run of white space; never inside a word,
    never the end of a coordinated compound ("Miljø- og Fødevareministeriet" is not "Fødevare…")."""
    alts = "|".join(r"\s+".join(regex.escape(w) for w in t.split(" "))
                    for t in sorted(texts, key=lambda t: (-len(t), t)))
    return regex.compile(rf"(?<![\p{{L}}\d-])(?<!-,?\s+(?:og|eller)\s+)(?<!-,\s+)(?:{alts})(?![\p{{L}}\d])",
                         regex.IGNORECASE)  # fmt: skip


_WORD = regex.compile(r"[\p{L}\d]+")  # a word as the pattern bounds it


@dataclass(frozen=True)
class NameForms:
    pattern: regex.Pattern[str]
    forms: dict[str, list[Form]]
    # the last word of every form: a text holds a name only if it holds that word as a whole word (the
    # pattern never matches inside a word), so a text with none of them is not searched at all
    last_words: frozenset[str] = frozenset()

    def lookup(self, written: str) -> list[Form]:
        return self.forms.get(" ".join(written.split()).casefold(), [])

    def finditer(self, text: str) -> Iterator[regex.Match[str]]:
        """The names in `text`, as `pattern.finditer` finds them (the same matches, fewer searches)."""
        if self.last_words.isdisjoint(_WORD.findall(text.casefold())):
            return iter(())
        return self.pattern.finditer(text)


@cache
def name_forms(register: Register) -> NameForms:
    table = forms_of(register)
    return NameForms(_pattern(list(table)), table, frozenset(_WORD.findall(t)[-1] for t in table))


def render(register: Register, office: str, role: str, genitive: bool, written: str) -> str:
    """The form of `office` that takes the place of the `written` one: the minister's title (capital
    first letter when the written form had one), or the ministry's / authority's name as registered."""
    entry = register.offices[office]
    if role == MINISTER and entry.kind == MINISTRY and entry.minister:
        text = entry.minister
        text = text + "s" if genitive else text
        return text[:1].upper() + text[1:] if written[:1].isupper() else text
    return entry.name + "s" if genitive else entry.name
