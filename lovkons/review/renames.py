"""Stage 2 (review, eval): the "rename" category — a wrong § whose only difference from the official
text is the name of a ministry or an authority ("Undervisningsministeren" / "Ministeren for børn,
undervisning og ligestilling"). Input: two § texts; output: True/False.

Every name of an office in both texts is masked and the rest compared. Names are recognised by the
register's forms and, independently of it, by their shape (a word ending in -ministeren,
-ministeriet, -styrelsen, -nævnet, -tilsynet, -direktoratet, or "Ministeren/Ministeriet for …"), so
a name the register lacks still counts here. A bare "ministeren" is no name: it is the law's own
word, and "ministeren" → "Søfartsstyrelsen" is an instructed change, not a rename.
"""

from __future__ import annotations

from functools import cache

import regex

from lovkons.ressort.forms import name_forms
from lovkons.ressort.register import default_register

_WORD = r"[\p{L}\d]"
_SHAPED = rf"""
    [Mm]inister(?:en|ens|iet|iets)\s+for\s+(?:{_WORD}[\p{{L}}\d-]*,\s+)*{_WORD}[\p{{L}}\d-]*
        (?:\s+(?:og|eller)\s+{_WORD}[\p{{L}}\d-]*)?                     # Ministeren for by, bolig og landdistrikter
  | (?:{_WORD}+-,?\s+)*(?:(?:og|eller)\s+)?{_WORD}+
        (?:minister(?:en|ens|iet|iets)|styrelse(?:n|ns)|nævn(?:et|ets)|tilsyn(?:et|ets)
          |direktorat(?:et|ets)|ombud(?:det|dets))                       # Klima-, energi- og bygningsministeren
"""


@cache
def office_names() -> regex.Pattern[str]:
    """Every name of a ministry or authority: the register's forms and names shaped as such (what `masked` marks)."""
    registered = name_forms(default_register()).pattern.pattern
    return regex.compile(rf"(?:{registered})|(?<![\p{{L}}\d-])(?:{_SHAPED})(?![\p{{L}}\d])",
                         regex.VERBOSE | regex.IGNORECASE)  # fmt: skip


def masked(text: str) -> str:
    """The text with every name of a ministry or authority replaced by one mark."""
    return office_names().sub("\x00", text)


def name_only(got: str | None, expected: str | None) -> bool:
    """The two texts differ, and only in names of ministries or authorities."""
    if got is None or expected is None or got == expected:
        return False
    return masked(got) == masked(expected)
