"""Stage 1 (parsers): the units of the amended law a change is said to concern, as an LBK names them when it
has not incorporated a change, or only a part of it.

Drafting convention (Justitsministeriets vejledning om lovbekendtgørelser): a change not incorporated is named
in the introduction; where only some of what a numbered change does is left out, the LBK names the units of
the law that part concerns:

    "De ændringer, der vedrører § 41, stk. 4-7, og § 66, stk. 2, og som følger af § 1, nr. 2-6, i lov nr. 1877
    af 29. december 2015 …, er ikke indarbejdet" (LBK 1141/2016)
    "§ 1, nr. 9, 12 samt nr. 13 vedrørende § 132 a i lov nr. 565 af 18. juni 2012" (LBK 1055/2012)
    "§ 2, nr. 5 (for så vidt angår § 7 a, stk. 4), … i lov nr. 1490 af 23. december 2014" (LBK 1229/2016)
    "De ændringer af §§ 54 og 71, der følger af § 1, nr. 2-5, i lov nr. 1114 af 29. december 1997" (LBK 959/2011)
    "… i lov nr. 490 af 21. maj 2013 …, som vedrører lovens § 18 og § 19, er ikke indarbejdet" (LBK 895/2015)

The units are read as instruction targets are (parsers.instructions.targets): "§§ 43 b-43 d" is § 43 b, § 43 c
and § 43 d; "§§ 71 a-73" runs from § 71 a through § 73 (`through`). A list that does not read as targets ("§ 32,
stk. 3, alle steder i loven, hvor der står Miljøklagenævnet, …", LBK 879/2010) is no list of units: None.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lovkons.model.document import Address, Level, normalize_label
from lovkons.parsers.instructions.targets import TargetError, parse_targets


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of the amended law ("§ 41, stk. 4"), or a run of §§ from `address` through `through`."""

    address: Address
    through: Address | None = None

    def __str__(self) -> str:
        return str(self.address) if self.through is None else f"{self.address}-{self.through}"


# "lovens § 18 og § 19", "sølovens §§ 39 a-39 c", "opkrævningslovens § 16": the law's own name before its units
_LAW_NAME = regex.compile(r"\b\p{L}*loven?s\s+(?=§)", regex.I)
_RANGE = regex.compile(r"§§\s*(?P<lo>\d+(?:\s*[a-z](?![a-zæøå]))?)\s*[-–]\s*(?P<hi>\d+(?:\s*[a-z](?![a-zæøå]))?)(?!\s*,?\s*stk)")


def read_units(text: str) -> tuple[Unit, ...] | None:
    """"§ 41, stk. 4-7, og § 66, stk. 2" → (§ 41, stk. 4, …, § 41, stk. 7, § 66, stk. 2); None when the text is
    not a list of units of the law."""
    s = _LAW_NAME.sub("", " ".join(text.split())).strip(" ,.")
    if not s.startswith("§"):
        return None
    try:
        targets = parse_targets(s)
    except TargetError:
        return None
    if not targets or any(t.count is not None or t.becomes or t.exceptions or t.nth for t in targets):
        return None
    # "§§ 81-83" in an LBK's own numbers runs through the §§ an act put between them (§§ 82 a-82 c: LOV 633/2014
    # § 1, nr. 50, as LBK 418/2016 names it): the run, beside the §§ the range names
    runs = [Unit(Address(((Level.PARAGRAF, normalize_label(m["lo"])),)), Address(((Level.PARAGRAF, normalize_label(m["hi"])),)))
            for m in _RANGE.finditer(s)]
    return tuple(dict.fromkeys([*(Unit(t.address, t.through) for t in targets), *runs]))


def units_text(units: tuple[Unit, ...]) -> str:
    return ", ".join(map(str, units))
