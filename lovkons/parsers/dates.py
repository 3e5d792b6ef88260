"""Stage 1 (parsers): Danish dates in running text ("19. december 2006") and metadata ("07/11/2008").

Input: a string. Output: `datetime.date` values (None when the text holds no valid date).
"""

from __future__ import annotations

import datetime as dt

import regex

MONTHS: dict[str, int] = {
    "januar": 1,
    "februar": 2,
    "marts": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}

# "19. december 2006", "1.juli 2009", "3. marts  2007" (NBSP and line breaks tolerated)
DANISH_DATE = regex.compile(
    r"(?P<day>\d{1,2})\.\s*(?P<month>" + "|".join(MONTHS) + r")\s+(?P<year>\d{4})\b",
    regex.I,
)
_NUMERIC = regex.compile(r"(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})")
_ISO = regex.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")


def _make(year: str, month: int, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:  # "30. februar", impossible years such as 2207 stay representable
        return None


def parse_danish_date(text: str) -> dt.date | None:
    """The first Danish date in `text`: "19. december 2006" → date(2006, 12, 19); else None."""
    m = DANISH_DATE.search(text.replace("\u00a0", " "))
    if not m:
        return None
    return _make(m["year"], MONTHS[m["month"].lower()], m["day"])


def find_danish_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every Danish date in `text` with its span: [(date, start, end), …]."""
    out: list[tuple[dt.date, int, int]] = []
    for m in DANISH_DATE.finditer(text.replace("\u00a0", " ")):
        d = _make(m["year"], MONTHS[m["month"].lower()], m["day"])
        if d is not None:
            out.append((d, m.start(), m.end()))
    return out


def parse_numeric_date(text: str) -> dt.date | None:
    """Metadata dates: "07/11/2008" (day first) or ISO "2008-11-07"; else None."""
    s = text.strip()
    m = _ISO.search(s)
    if m:
        return _make(m["year"], int(m["month"]), m["day"])
    m = _NUMERIC.search(s)
    if m:
        return _make(m["year"], int(m["month"]), m["day"])
    return None
