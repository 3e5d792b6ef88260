"""Stage 0 (model): the frozen document tree, addresses, sources and problems shared by every stage.

Nodes are immutable; every version of a document is a new tree that shares unchanged subtrees with
the previous one, so "did this provision change?" is `==`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum

import regex


class Kind(StrEnum):
    """The node kinds, in the order of the legal hierarchy (Danish names, as cited)."""

    DOKUMENT = "dokument"
    AFSNIT = "afsnit"
    KAPITEL = "kapitel"
    OVERSKRIFT = "overskrift"  # mellemoverskrift: a heading standing before a §
    PARAGRAF = "paragraf"
    STK = "stk"
    NR = "nr"
    LITRA = "litra"
    TEKST = "tekst"  # free text: a bilag's body, text after a list, a table rendered as text
    BILAG = "bilag"
    UNDERSKRIFT = "underskrift"
    NOTE = "note"  # editorial/official note (fodnote, "(Ophævet)" comments, Ikraft notes)


@dataclass(frozen=True, slots=True)
class Source:
    """Where an edit (or a node's last change) comes from: "BEK 1072/2008 § 1, nr. 4"."""

    document: str  # "BEK 1072/2008", "LOV 341/2011"
    paragraf: str | None = None  # the amending document's own §, "1"
    item: int | None = None  # the numbered item (nr.) of the change block
    in_force: dt.date | None = None
    text: str = ""  # the instruction sentence, verbatim

    def __str__(self) -> str:
        out = self.document
        if self.paragraf is not None:
            out += f" § {self.paragraf}"
            if self.item is not None:
                out += f", nr. {self.item}"
        return out


@dataclass(frozen=True, slots=True)
class Node:
    """One unit of a legal text.

    `text` is the node's own text (for a stk. or nr. with a list: the introduction before the list),
    without label and without children. Punktummer (pkt.) are not nodes: they are the sentences of
    `text`, counted by `parsers.sentences.split_sentences`, so XML and text routes agree.
    `id` is a stable identity that survives renumbering (set by the parser from the original
    address, by the amender for inserted units). `changed_by` is the provenance of the last change.
    """

    kind: Kind
    label: str | None = None
    heading: str | None = None
    text: str = ""
    children: tuple[Node, ...] = ()
    repealed: bool = False
    id: str = ""
    changed_by: tuple[Source, ...] = ()

    def with_(self, **changes: object) -> Node:
        return replace(self, **changes)  # type: ignore[arg-type]

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def full_text(self) -> str:
        """Own text plus all descendants' text, labels included, one unit per line."""
        parts = [self.text] if self.text else []
        for child in self.children:
            lbl = display_label(child)
            sub = child.full_text()
            parts.append(f"{lbl} {sub}".strip() if lbl else sub)
        return "\n".join(p for p in parts if p)


def display_label(node: Node) -> str:
    """The label as printed in running text: "§ 5 a.", "Stk. 2.", "3)", "a)"."""
    if node.label is None:
        return ""
    match node.kind:
        case Kind.PARAGRAF:
            return f"§ {node.label}."
        case Kind.STK:
            return "" if node.label == "1" else f"Stk. {node.label}."
        case Kind.NR | Kind.LITRA:
            return f"{node.label})"
        case Kind.KAPITEL:
            return f"Kapitel {node.label}"
        case Kind.AFSNIT:
            return f"Afsnit {node.label}"
        case Kind.BILAG:
            return f"Bilag {node.label}"
        case _:
            return node.label


@dataclass(frozen=True, slots=True)
class Meta:
    """Document metadata: kind is one of BEK, "BEK Æ", LOV, "LOV Æ", LBK, other."""

    kind: str = "other"
    number: int | None = None
    year: int | None = None
    date: dt.date | None = None  # date of signature (DiesSigni)
    title: str | None = None
    published: dt.date | None = None  # Lovtidende publication date, when known
    ministry: str | None = None
    source: str | None = None  # file path it was read from

    @property
    def short(self) -> str:
        """"BEK 1292/2007" (the usual short identifier) or the title when unnumbered."""
        if self.number is not None and self.year is not None:
            return f"{self.kind.split()[0]} {self.number}/{self.year}"
        return self.title or "(unknown document)"


@dataclass(frozen=True, slots=True)
class Document:
    meta: Meta
    preamble: str | None = None  # indledning ("I medfør af … fastsættes:") / hymne for laws
    children: tuple[Node, ...] = ()
    title_note: str | None = None  # EU-note to the title ("1) Bekendtgørelsen indeholder …")

    def with_(self, **changes: object) -> Document:
        return replace(self, **changes)  # type: ignore[arg-type]

    def walk(self) -> Iterator[Node]:
        for child in self.children:
            yield from child.walk()

    def paragraffer(self) -> list[Node]:
        return [n for n in self.walk() if n.kind is Kind.PARAGRAF]


# --------------------------------------------------------------------------------------- addresses


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
    (Level.PARAGRAF, regex.compile(r"§\s*(?P<l>\d+(?:\s*[a-zA-Z](?![a-zæøå]))?)")),
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


def normalize_label(label: str) -> str:
    """"5a" / "5  a" → "5 a"; case of the letter is kept ("9 A")."""
    m = regex.fullmatch(r"\s*(\d+)\s*([A-Za-zÆØÅæøå]?)\s*", label)
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
            parts.append(_ID_PREFIX[level] + regex.sub(r"[^0-9A-Za-z]", "", label))
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


# ---------------------------------------------------------------------------------------- problems


@dataclass(frozen=True, slots=True)
class Problem:
    """A structured problem: tests assert on `code` and `address`, never on wording."""

    code: str
    message: str
    severity: str = "error"  # "error" | "warning"
    source: str | None = None  # "BEK 581/2016 § 1, nr. 7"
    address: str | None = None  # "§ 29, stk. 2"
    file: str | None = None
    line: int | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "source": self.source,
            "address": self.address,
            "file": self.file,
            "line": self.line,
        }

    def one_line(self) -> str:
        where = ":".join(str(x) for x in (self.file, self.line) if x is not None)
        extra = ", ".join(x for x in (self.source, self.address) if x)
        head = f"{where}: " if where else ""
        tail = f" [{extra}]" if extra else ""
        return f"{head}{self.severity} {self.code}: {self.message}{tail}"


class LovkonsError(Exception):
    """Bad input (exit code 2): unreadable, not a legal document, wrong kind, bad manifest.

    str() is the one line shown to the user: "file: reason".
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.reason = message
        where = ":".join(str(x) for x in (file, line) if x is not None)
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True, slots=True)
class ParseResult:
    document: Document
    problems: tuple[Problem, ...] = field(default=())
