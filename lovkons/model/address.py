"""Stage 0 (model): addresses, the key that ties parsing, amending, diffing and errors together.

Input: a Danish citation ("§ 3, stk. 2, nr. 1, 2. pkt."); output: an immutable Address of (Level, label)
steps with its Danish str() and URL-safe id ("p3-stk2-nr1-pkt2").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import regex

from lovkons.model.pickling import pickled_as_tuple


class Level(StrEnum):
    """Steps of an address. The structural levels mirror Kind; the rest name special targets."""

    AFSNIT = "afsnit"
    KAPITEL = "kapitel"
    PARAGRAF = "paragraf"
    STK = "stk"
    NR = "nr"
    LITRA = "litra"
    PKT = "pkt"
    BILAG = "bilag"
    TITEL = "titel"  # "bekendtgørelsens titel" / "lovens titel"
    TITELNOTE = "titelnote"  # "fodnoten til bekendtgørelsens titel"
    INDLEDNING = "indledning"
    OVERSKRIFT = "overskrift"  # label "før" (heading before the § of the previous step) or "til"
    DOKUMENT = "dokument"  # "Overalt i bekendtgørelsen/loven"


_ROMAN = r"[IVXLC]+"

# One regular expression per step; order matters (longest forms first).
_STEP_RULES: tuple[tuple[Level, regex.Pattern[str]], ...] = (
    (Level.PARAGRAF, regex.compile(r"§\s*(?P<l>\d+(?:\s*[a-zA-ZæøåÆØÅ](?![a-zæøå]))?)")),  # "§ 7 Å" (LOV 593/2012)
    (Level.STK, regex.compile(r"stk\.\s*(?P<l>\d+)", regex.I)),
    (Level.NR, regex.compile(r"nr\.\s*(?P<l>\d+(?:\s*[a-z](?![a-zæøå]))?)", regex.I)),
    (Level.LITRA, regex.compile(r"litra\s+(?P<l>[a-zæøå]{1,2})\b", regex.I)),
    (Level.PKT, regex.compile(r"(?P<l>\d+)\.\s*pkt\.?", regex.I)),
    (Level.KAPITEL, regex.compile(r"kapitel\s+(?P<l>\d+(?:\s*[a-zA-Z](?![a-zæøå]))?)", regex.I)),
    (Level.AFSNIT, regex.compile(rf"afsnit\s+(?P<l>{_ROMAN}\b|\d+)", regex.I)),
    (Level.BILAG, regex.compile(r"bilag\s+(?P<l>\d+(?:\s*[a-zA-Z](?![a-zæøå]))?)", regex.I)),
)

_ID_PREFIX = {
    Level.PARAGRAF: "p",
    Level.STK: "stk",
    Level.NR: "nr",
    Level.LITRA: "litra",
    Level.PKT: "pkt",
    Level.KAPITEL: "kap",
    Level.AFSNIT: "afsnit",
    Level.BILAG: "bilag",
    Level.TITEL: "titel",
    Level.TITELNOTE: "titelnote",
    Level.INDLEDNING: "indledning",
    Level.OVERSKRIFT: "overskrift",
    Level.DOKUMENT: "dokument",
}


_NOT_ID = regex.compile(r"[^0-9A-Za-z]")
_DANISH = str.maketrans({"Æ": "AE", "Ø": "OE", "Å": "AA", "æ": "ae", "ø": "oe", "å": "aa"})


def id_label(label: str | None) -> str:
    """A label as it stands in ids: its letters and digits in ASCII ("5 a" → "5a"); the Danish letters that run on
    past z spelled out ("7 Å" → "7AA": § 7 Å of ligningsloven, LOV 593/2012, is not § 7; "æ" → "ae")."""
    s = (label or "").replace(" ", "")
    return s if (s.isascii() and s.isalnum()) or not s else _NOT_ID.sub("", s.translate(_DANISH))


_LABEL = regex.compile(r"\s*(\d+)\s*([A-Za-zÆØÅæøå]?)\s*")  # "5a", " 5  a "


def normalize_label(label: str) -> str:
    """"5a" / "5  a" → "5 a"; case of the letter is kept ("9 A")."""
    m = _LABEL.fullmatch(label)
    if not m:
        return label.strip()
    return f"{m[1]} {m[2]}" if m[2] else m[1]


@dataclass(frozen=True, slots=True)
class Address:
    """An immutable path of (level, label) steps: `§ 3, stk. 2, nr. 1, 2. pkt.`."""

    steps: tuple[tuple[Level, str], ...] = ()

    def __str__(self) -> str:
        out: list[str] = []
        for level, label in self.steps:
            match level:
                case Level.PARAGRAF:
                    out.append(f"§ {label}")
                case Level.STK | Level.NR:
                    out.append(f"{level.value}. {label}")
                case Level.LITRA:
                    out.append(f"litra {label}")
                case Level.PKT:
                    out.append(f"{label}. pkt.")
                case Level.KAPITEL | Level.AFSNIT | Level.BILAG:
                    out.append(f"{level.value} {label}")
                case Level.TITEL:
                    return "titlen"
                case Level.TITELNOTE if label:  # "fodnote 2 til lovens titel" (amender.title_notes)
                    out.append(f"fodnote {label} til titlen")
                case Level.TITELNOTE:
                    return "fodnoten til titlen"
                case Level.INDLEDNING:
                    return "indledningen"
                case Level.DOKUMENT:
                    return "overalt"
                case Level.OVERSKRIFT:
                    return f"overskriften {label} " + ", ".join(out)
        return ", ".join(out)

    @property
    def id(self) -> str:
        """URL-safe id: `p3-stk2-nr1-pkt2`, `p5a`, `kap12a`."""
        parts = []
        for level, label in self.steps:
            parts.append(_ID_PREFIX[level] + id_label(label))
        return "-".join(parts)

    def child(self, level: Level, label: str) -> Address:
        return Address((*self.steps, (level, label)))

    @property
    def parent(self) -> Address:
        return Address(self.steps[:-1])

    @property
    def last(self) -> tuple[Level, str]:
        return self.steps[-1]

    def label_of(self, level: Level) -> str | None:
        for lvl, label in self.steps:
            if lvl is level:
                return label
        return None

    def __bool__(self) -> bool:
        return bool(self.steps)


class AddressError(ValueError):
    pass


def parse_address(text: str) -> Address:
    """Parse a Danish citation such as "§ 3, stk. 2, nr. 1, 2. pkt." into an Address.

    Accepts no-break spaces, missing commas and a trailing comma or full stop.
    Raises AddressError when anything other than address steps is left over.
    """
    s = regex.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().rstrip(",").strip()
    steps: list[tuple[Level, str]] = []
    pos = 0
    while pos < len(s):
        while pos < len(s) and s[pos] in " ,":
            pos += 1
        if pos >= len(s):
            break
        for level, rule in _STEP_RULES:
            m = rule.match(s, pos)
            if m:
                label = m["l"]
                if level in (Level.PARAGRAF, Level.NR, Level.KAPITEL, Level.BILAG):
                    label = normalize_label(label)
                steps.append((level, label))
                pos = m.end()
                break
        else:
            raise AddressError(f"not an address: {text!r} (stuck at {s[pos:pos + 20]!r})")
    if not steps:
        raise AddressError(f"empty address: {text!r}")
    return Address(tuple(steps))


pickled_as_tuple(Address)  # the parse cache loads them faster
