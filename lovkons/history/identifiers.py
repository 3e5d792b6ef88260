"""Stage 2 (amender): document identifiers in every usual form → one key ("BEK 1292/2007").

Input: "BEK 1292/2007", "bek nr. 1292 af 24. oktober 2007", "BEK nr 1292 af 24/10/2007",
"lovbekendtgørelse nr. 196 af 12. marts 2009", "eli/lta/2007/1292", a Retsinformation URL, a path.
Output: an `Identifier` whose `key` is what the corpus indexes documents by.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import regex

from lovkons.model.document import LovkonsError
from lovkons.parsers.dates import MONTHS

# Danish document-type words → the short kind used in keys (longest first: "lovbekendtgørelse"
# must win over "lov" and "bekendtgørelse").
_KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("lovbekendtgørelse", "LBK"),
    ("lovbkg", "LBK"),
    ("lbk", "LBK"),
    ("bekendtgørelse", "BEK"),
    ("bkg", "BEK"),
    ("bek", "BEK"),
    ("lov", "LOV"),
)
_KIND_RE = "|".join(w for w, _ in _KIND_WORDS)

_DATE_TEXT = r"(?P<d>\d{1,2})\.\s*(?P<mon>[a-zæøå]+)\s+(?P<y>\d{4})"
_DATE_NUM = r"(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<y2>\d{4})"

_RULES: tuple[regex.Pattern[str], ...] = (
    # "BEK 1292/2007", "BEK nr. 1292/2007", "LOV 463/2008"
    regex.compile(rf"(?P<kind>{_KIND_RE})\.?\s*(?:nr\.?\s*)?(?P<n>\d+)\s*/\s*(?P<year>\d{{4}})", regex.I),
    # "bek nr. 1292 af 24. oktober 2007", "BEK nr 1292 af 24/10/2007", "lov nr. 463 af 17. juni 2008"
    regex.compile(
        rf"(?P<kind>{_KIND_RE})\.?\s*nr\.?\s*(?P<n>\d+)\s+af\s+(?:{_DATE_TEXT}|{_DATE_NUM})", regex.I
    ),
    # "BEK-2007-1292" (the folder names of the corpus)
    regex.compile(rf"(?P<kind>{_KIND_RE})[-_](?P<year>\d{{4}})[-_](?P<n>\d+)", regex.I),
    # "eli/lta/2007/1292", "https://www.retsinformation.dk/eli/lta/2007/1292"
    regex.compile(r"(?:https?://[^\s/]+/)?eli/(?:lta|ft|mt)/(?P<year>\d{4})/(?P<n>\d+)", regex.I),
)


@dataclass(frozen=True, slots=True)
class Identifier:
    """A parsed identifier: a numbered document, a path, or a free corpus name ("seed-001")."""

    kind: str | None = None  # "BEK", "LBK", "LOV"; None for ELI (the number is unique per year)
    number: int | None = None
    year: int | None = None
    date: dt.date | None = None
    path: Path | None = None
    name: str | None = None

    @property
    def key(self) -> str:
        """"BEK 1292/2007"; "1292/2007" when the kind is unknown; the name or path otherwise."""
        if self.number is not None and self.year is not None:
            return f"{self.kind} {self.number}/{self.year}" if self.kind else f"{self.number}/{self.year}"
        if self.name is not None:
            return self.name
        return str(self.path)

    def matches(self, kind: str | None, number: int | None, year: int | None) -> bool:
        """Same number and year; kinds must agree when both are known ("BEK Æ" counts as BEK)."""
        if self.number is None or number != self.number or year != self.year:
            return False
        if self.kind is None or kind is None:
            return True
        return kind.split()[0] == self.kind


def key_of(kind: str | None, number: int | None, year: int | None) -> str | None:
    """The corpus key of a numbered document ("BEK Æ" → "BEK"), or None when unnumbered."""
    if number is None or year is None or not kind:
        return None
    return f"{kind.split()[0]} {number}/{year}"


def _date(m: regex.Match[str]) -> dt.date | None:
    try:
        if m.groupdict().get("mon"):
            month = MONTHS.get(m["mon"].lower())
            return dt.date(int(m["y"]), month, int(m["d"])) if month else None
        if m.groupdict().get("m2"):
            return dt.date(int(m["y2"]), int(m["m2"]), int(m["d2"]))
    except ValueError:
        return None
    return None


def _kind(word: str | None) -> str | None:
    if not word:
        return None
    low = word.lower()
    return next((kind for w, kind in _KIND_WORDS if low == w), None)


def parse_identifier(text: str) -> Identifier:
    """Parse any usual identifier form; a string naming an existing file or folder is a path.

    Raises LovkonsError when the text is none of these.
    """
    s = regex.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    if not s:
        raise LovkonsError("empty document identifier")
    for rule in _RULES:
        m = rule.fullmatch(s.rstrip("/."))
        if m:
            year = int(m["year"]) if m.groupdict().get("year") else None
            date = _date(m)
            if year is None and date is not None:
                year = date.year
            return Identifier(_kind(m.groupdict().get("kind")), int(m["n"]), year, date)
    path = Path(s).expanduser()
    if path.exists():
        return Identifier(path=path)
    if regex.fullmatch(r"[\w.-]+", s):
        return Identifier(name=s)
    raise LovkonsError(f"not a document identifier: {text!r} (expected e.g. 'BEK 1292/2007' or a path)")


class BadIdentifier(LovkonsError):
    """A document's identifier cannot name its output folder (BAD_IDENTIFIER)."""


# Names a rebuild writes itself at the top of its output folder: no document may take them.
RESERVED_IDS = frozenset({"index.json", "report.md"})


def check_doc_id(doc_id: str, file: str) -> str:
    """`doc_id` names the document's output folder: it must be one plain path segment (no '/', no
    '..', not hidden, no control characters), or the rebuild could write outside --out."""
    bad = (not doc_id or doc_id in (".", "..") or doc_id.startswith(".") or "/" in doc_id or "\\" in doc_id
           or not doc_id.isprintable() or len(doc_id.encode("utf-8", "replace")) > 200
           or doc_id.lower() in RESERVED_IDS)  # fmt: skip
    if bad:
        raise BadIdentifier(f"identifier {doc_id!r:.80} cannot name an output folder (one name: no '/', '..', "
                            "leading '.', control characters); the document is not written", file=file)  # fmt: skip
    return doc_id
