"""Stage 1 (parsers): the target part of an instruction → a list of Target(address, count, becomes).

Handles lists ("§§ 2, 3 og 5 og § 7, stk. 3"), ranges ("§§ 7-9", "stk. 2-6", "§§ 5 c-5 h"), counts
("to steder i stk. 5"), "der bliver stk. 4", special targets (titel, indledning, overskriften før § N).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from dataclasses import replace as dc_replace

import regex

from lovkons.model.document import Address, Level, normalize_label

_RANK = {
    Level.AFSNIT: 0,
    Level.KAPITEL: 0,
    Level.BILAG: 0,
    Level.PARAGRAF: 1,
    Level.STK: 2,
    Level.NR: 3,
    Level.LITRA: 4,
    Level.PKT: 5,
}
_NTH = {"første": 1, "anden": 2, "tredje": 3}  # "første gang": the first occurrence
COUNTS = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10}
# "to steder i 4. pkt.", "to gange i 3. pkt." (LOV 1497/2014)
_PKT_COUNT = r"(?:et|to|tre|fire|fem|seks|syv|otte|ni|ti)\s+(?:sted(?:er)?|gange?)\s+i\s+"
_PKT_COUNT_RX = regex.compile(_PKT_COUNT, regex.I)
_PKT_COUNTED = regex.compile(r"((\w+)\s+(?:sted(?:er)?|gange?)\s+i\s+)(\d+)\.")  # "to steder i 3."

_LABEL = r"\d+(?:\s*[A-Za-zÆØÅæøå](?![A-Za-zæøå.]))?(?![\d.])"
# kapitel/afsnit labels: "IV", "VII B", "X e" (upper-case roman numerals only: "kapitel 1 og i § 3" has
# no kapitel "i"), "12 a"
_ROMAN_LABEL = (r"(?-i:[IVXLC]+)(?:\s+(?![iI]\b)[A-Za-z](?![\w.]))?\b|\d+(?:\s*[A-Za-z](?![a-zæøå]))?(?![\d.])"
                r"|(?-i:[A-Z])(?![\w.])")  # "bilag B-D" (lettered bilag)
# "femte afsnit" (retsplejeloven, straffeloven): the roman label the readers give it (xml_meta)
ORDINAL_ROMAN = {"første": "I", "anden": "II", "tredje": "III", "fjerde": "IV", "femte": "V", "sjette": "VI",
                  "syvende": "VII", "ottende": "VIII", "niende": "IX", "tiende": "X", "ellevte": "XI",
                  "tolvte": "XII", "trettende": "XIII", "fjortende": "XIV", "femtende": "XV"}
_SEP = r"\s*(?:,\s*og\b|,|og|eller|-|–|‑|−)\s*"  # ", og": "§ 91 a, stk. 1, 3, og 5," (LOV 600/2011)


_LITRA = r"(?!(?:og|nr)\b)[a-zæøå]{1,2}(?![a-zæøå])"  # a litra, not a word of the list
_PKTS = r"\d+\.(?:\s*(?:,|og|-|–)\s*\d+\.)*\s*pkt\.?"  # "3. pkt.", "1. og 3. pkt."


def _list_rx(label: str) -> str:
    return rf"(?P<labels>(?:{label})(?:{_SEP}(?:{label}))*)"


# The token table: first match at the current position wins.
_TOKENS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    # "I bilag 1, A, indsættes før nr. 1 som nyt nummer" (LOV 738/2015 § 1, nr. 178): part A of bilag 1, an annex
    # divided into lettered parts ("A. Generelt", "B. Koncerner m.v."), not bilag 1 and a bilag A (a list of bilag
    # never mixes numbers and letters); the document model does not divide a bilag: not a target; "bilag 1,
    # afsnit A" / "del 2" / "punkt 3" likewise (not bilag 1 and the law's own afsnit A)
    ("bilag_part", regex.compile(r"bilag\s+\d+(?:\s+[a-z](?![\w.]))?\s*,\s*(?:(?-i:[A-Z])(?![\w.])"
                                 r"|(?:afsnit|del|punkt)\s+\w+)", regex.I)),
    ("skip", regex.compile(r"[\s,]+|og\b|samt\b|i\b|hhv\.|der\s+er\s+ophævet\b"
                           r"|(?:lovens|bekendtgørelsens)(?=\s+bilag\b)", regex.I)),  # "I lovens bilag 1 indsættes …"  # "før § 45, der er ophævet,"
    ("count", regex.compile(r"(?P<n>et|to|tre|fire|fem|seks|syv|otte|ni|ti)\s+(?:sted(?:er)?|gange?)\s+i\b", regex.I)),
    # "§ 55, 2. pkt. og 3. pkt. første gang" (LOV 627/2016 § 1, nr. 7): the occurrence meant in the unit before it
    ("nth", regex.compile(r"(?P<n>første|anden|tredje)\s+gang\b", regex.I)),
    # "der bliver stk. 4", "der bliver stk. 12, 13 og 14", "der bliver stk. 1, nr. 1 og 2", "der bliver nummer 3",
    # "der bliver til stk. 1, 2. pkt."
    ("becomes", regex.compile(
        rf"(?:der|som)\s+bliver\s+(?:til\s+)?(?P<new>litra\s+[a-zæøå](?![\w.])|(?:stk\.|nr\.|nummer|litra|§)\s*{_LABEL}(?:\s*(?:,|-|–|og)\s*{_LABEL})*"
        rf"(?:\s*,\s*(?:nr\.\s*\d+,\s*)?{_PKTS}|\s*,\s*nr\.\s*\d+(?:\s*(?:-|–|og)\s*\d+)?)?|{_PKTS}|\d+(?![\d.]))",
        regex.I)),
    # "fodnote 2 til lovens titel": the note of that number (amender.title_notes)
    ("titelnote", regex.compile(r"fodnote(?:n|rne)?(?:\s+(?P<note>\d+))?\s+til\s+(?:bekendtgørelsens|lovens|anordningens)\s+titel"
                                r"|(?:bekendtgørelsens|lovens|anordningens)\s+fodnote", regex.I)),  # "lovens fodnote"
    ("titel", regex.compile(r"(?:bekendtgørelsens|lovens|anordningens|regulativets)\s+titel|titlen", regex.I)),
    ("indledning", regex.compile(r"indledningen", regex.I)),
    ("heading", regex.compile(r"overskrift(?:en|erne)?(?:\s+Q\d+)?\s+(?P<w>før|efter|til)\b", regex.I)),
    # "overskriften til kapitel 3, før § 10, før § 13 og til kapitel 14": more headings of the same list
    ("heading_again", regex.compile(r"(?P<w>før|efter|til)\b(?=\s*(?:§|kapitel\b|afsnit\b|\d+\.\s*kapitel))", regex.I)),
    # "2., 3. og to steder i 4. pkt.": a count may stand before any number of the list
    ("pkt", regex.compile(rf"(?P<labels>(?:{_PKT_COUNT})?\d+\.(?:\s*(?:,|og|-|–)\s*(?:{_PKT_COUNT})?\d+\.)*)\s*(?:pkt\.?|punktum)",
                          regex.I)),
    ("level", regex.compile(rf"(?P<kw>§§|§)\s*{_list_rx(_LABEL)}", regex.I)),
    ("level", regex.compile(rf"(?P<kw>stk\.|stykke|nr\.|numre)\s*{_list_rx(_LABEL)}", regex.I)),
    # (not the words of a list: "litra a, og nr. 2, litra a")
    ("level", regex.compile(rf"(?P<kw>litra)\s+{_list_rx(_LITRA)}", regex.I)),
    ("level", regex.compile(rf"(?P<kw>kapitel|kapitlerne|afsnit|bilag)\s+{_list_rx(_ROMAN_LABEL)}", regex.I)),
    ("nth_kapitel", regex.compile(r"(?P<n>\d+)\.\s*kapitel\b", regex.I)),  # straffeloven: "24. kapitel"
    # "første bog, femte afsnit": afsnit are numbered through the whole act; the model has no bog level
    ("nth_afsnit", regex.compile(rf"(?:\w+\s+bog,?\s+)?(?P<n>{'|'.join(ORDINAL_ROMAN)})\s+afsnit\b", regex.I)),
)

_KW_LEVEL = {
    "§": Level.PARAGRAF, "§§": Level.PARAGRAF, "stk.": Level.STK, "stykke": Level.STK, "nr.": Level.NR,
    "numre": Level.NR, "litra": Level.LITRA, "kapitel": Level.KAPITEL, "kapitlerne": Level.KAPITEL,
    "afsnit": Level.AFSNIT, "bilag": Level.BILAG,
}


# ranges written short: "§ 46 e-§ 46 h" and "§§ 34 c-f" (both ends on the same number)
_RANGE_SLIPS = (
    regex.compile(r"(?<=\d(?:\s?[a-zA-Z])?)\s*[-–‑−]\s*§\s*(?=\d)"),
    regex.compile(r"(?<=§§\s*)(\d+)\s+([a-z])\s*[-–‑−]\s*([a-z])\b"),
)


@dataclass(frozen=True, slots=True)
class Target:
    address: Address
    count: int | None = None  # "to steder i …" = 2
    becomes: str | None = None  # "der bliver stk. 4" → "stk. 4"
    # "§§ 62-62 c", "§§ 223 a-231": a range whose members only the document knows (62 a, 62 b; 224 a …);
    # set on the first § of the range, naming the last one
    through: Address | None = None
    # "Overalt i loven bortset fra § 8, stk. 8, …": the units a change everywhere leaves alone (the clauses that
    # continue the item, "og »ombuddets« til: »styrelsens«", keep them)
    exceptions: tuple[Address, ...] = ()
    # "3. pkt. første gang" (LOV 627/2016 § 1, nr. 7): only the first occurrence of the quoted text there
    nth: int | None = None


class TargetError(ValueError):
    pass


def expand_labels(text: str, level: Level) -> list[str]:
    """"2, 3 og 5" → [2, 3, 5]; "2-6" → [2 … 6]; "5 c-5 h" → [5 c … 5 h]; "a-c" → [a, b, c]."""
    return labels_and_spans(text, level)[0]


_LIST_SEPARATOR = regex.compile(r"\s*(?:,|\bog\b|\beller\b)\s*")  # "1, 3 og 5", "stk. 2 eller 3"
_RANGE_DASH = regex.compile(r"\s*[-–‑−]\s*")  # "62-62 c", "28 – 31 a"
_SPACES = regex.compile(r"\s+")


def labels_and_spans(text: str, level: Level) -> tuple[list[str], list[tuple[str, str]]]:
    """The labels of a list, and the ranges among them that only the document can fill in: "§§ 62-62 c"
    → ([62, 62 c], [(62, 62 c)]); "§§ 28-31 a" → ([28, 31 a], [(28, 31 a)]) — the lettered §§ that stand
    between (62 a, 62 b; 28 a, 29 a …) are inserted units the amending act does not list."""
    out: list[str] = []
    spans: list[tuple[str, str]] = []
    parts = _LIST_SEPARATOR.split(text.strip())
    for part in parts:
        if not part:
            continue
        bounds = _RANGE_DASH.split(part)
        if len(bounds) == 2:
            labels = _expand_range(bounds[0], bounds[1], level)
            out.extend(labels)
            if labels == [_norm(bounds[0], level), _norm(bounds[1], level)] and not _adjacent(labels):
                spans.append((labels[0], labels[1]))
        else:
            out.append(_norm(part, level))
    return out, spans


def _adjacent(labels: list[str]) -> bool:
    """"§§ 4-5": two plain consecutive numbers are a complete range as written."""
    return all(x.isdigit() for x in labels) and int(labels[1]) == int(labels[0]) + 1


def _norm(label: str, level: Level) -> str:
    label = label.strip().rstrip(".")
    if level in (Level.LITRA, Level.AFSNIT, Level.PKT):
        return label
    return normalize_label(label)


def _expand_range(a: str, b: str, level: Level) -> list[str]:
    a, b = _norm(a, level), _norm(b, level)
    if a.isdigit() and b.isdigit() and int(a) <= int(b) <= int(a) + 200:
        return [str(i) for i in range(int(a), int(b) + 1)]
    ma, mb = regex.fullmatch(r"(\d+) (\w)", a), regex.fullmatch(r"(\d+) (\w)", b)
    if ma and mb and ma[1] == mb[1] and ord(ma[2]) <= ord(mb[2]):
        return [f"{ma[1]} {chr(c)}" for c in range(ord(ma[2]), ord(mb[2]) + 1)]
    if level in (Level.LITRA, Level.BILAG) and len(a) == len(b) == 1 and a.isalpha() and a <= b:  # "bilag B-D"
        return [chr(c) for c in range(ord(a), ord(b) + 1)]
    return [a, b]  # "§§ 52-52 a": keep the end points, the amender resolves the document order


def parse_targets(text: str, *, base: Address | None = None) -> list[Target]:
    """Parse a target expression; `base` is the scope a relative target ("stk. 2") continues from.

    Raises TargetError when something other than a target is left over. A pure function of its
    arguments, memoised: the rules of the formula table and each item's commencement read the same
    target texts again and again ("§ 1, nr. 4" for every item of the act).
    """
    got = _parsed(text, base)
    if isinstance(got, str):
        raise TargetError(got)
    return list(got)


@functools.lru_cache(maxsize=16384)
def _parsed(text: str, base: Address | None) -> tuple[Target, ...] | str:
    """The targets (frozen values, shared safely), or the message of the TargetError."""
    try:
        return tuple(_parse_targets(text, base))
    except TargetError as e:
        return str(e)


def _parse_targets(text: str, base: Address | None) -> list[Target]:
    s = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip(" ,.:")
    s = _RANGE_SLIPS[0].sub("-", s)  # "§ 46 e-§ 46 h" (LOV 485/2013): one range
    s = _RANGE_SLIPS[1].sub(r"\1 \2-\1 \3", s)  # "§§ 34 c-f" (LOV 615/2013): 34 c-34 f
    emitted: list[Target] = []
    pending: list[Target] = []
    count: int | None = None
    heading: str | None = None
    headings = False  # a heading was named: "før § 10" may name the next one
    pos = 0
    while pos < len(s):
        for name, rx in _TOKENS:  # noqa: B007 (the matching rule name is used below)
            m = rx.match(s, pos)
            if m and m.end() > pos:
                break
        else:
            raise TargetError(f"not a target: {s[pos:pos + 30]!r} in {s!r}")
        pos = m.end()
        if name == "skip":
            continue
        if name == "bilag_part":
            raise TargetError(f"a part of a bilag ('{m[0]}'), which the document model does not divide, in {s!r}")
        if name == "count":
            count = COUNTS.get(m["n"].lower(), 1)  # "et sted i" = 1
            continue
        if name == "nth":
            if not pending:
                raise TargetError(f"'{m[0]}' without a target in {s!r}")
            pending[-1] = dc_replace(pending[-1], nth=_NTH[m["n"].lower()])
            continue
        if name == "becomes":
            if not pending:
                raise TargetError(f"'der bliver' without a target in {s!r}")
            last = pending[-1]
            new = regex.sub(r"\s+", " ", m["new"]).strip().rstrip(".") + ("." if m["new"].rstrip().endswith("pkt.") else "")
            pending[-1] = Target(last.address, last.count, new)
            continue
        if name in ("titel", "titelnote", "indledning"):
            emitted.extend(pending)
            level = {"titel": Level.TITEL, "titelnote": Level.TITELNOTE, "indledning": Level.INDLEDNING}[name]
            pending = [Target(Address(((level, (m["note"] or "") if name == "titelnote" else ""),)), count)]
            count = None
            continue
        if name == "heading" or (name == "heading_again" and headings):
            heading = m["w"].lower()
            headings = True
            continue
        if name == "heading_again":
            raise TargetError(f"not a target: {s[m.start():m.start() + 30]!r} in {s!r}")
        if name in ("nth_kapitel", "nth_afsnit"):
            level = Level.KAPITEL if name == "nth_kapitel" else Level.AFSNIT
            label = m["n"] if name == "nth_kapitel" else ORDINAL_ROMAN[m["n"].lower()]
            emitted.extend(pending)
            addr = Address(((level, label),))
            pending = [Target(addr.child(Level.OVERSKRIFT, heading) if heading else addr, count)]
            count = heading = None
            continue
        level = Level.PKT if name == "pkt" else _KW_LEVEL[m["kw"].lower()]
        counted = {k[3]: COUNTS.get(k[2].lower(), 1) for k in _PKT_COUNTED.finditer(m["labels"])} if name == "pkt" else {}
        labels, spans = labels_and_spans(_PKT_COUNT_RX.sub("", m["labels"]), level)
        through = {a: b for a, b in spans} if level is Level.PARAGRAF else {}
        start = pending[-1].address if pending else (base or Address())
        if heading is None and level is not Level.PARAGRAF and not pending and base is None:
            start = Address()
        if level is Level.PARAGRAF or _RANK[level] == 0:
            parent = Address()
            emitted.extend(pending)
        else:
            kept = tuple(st for st in start.steps if _RANK.get(st[0], 9) < _RANK[level])
            parent = Address(kept)
            deeper = bool(pending) and all(_RANK.get(st[0], 9) < _RANK[level] for st in start.steps)
            emitted.extend(pending[:-1] if deeper else pending)
        if deeper_count := (pending[-1].count if pending and level is not Level.PARAGRAF else None):
            count = count or deeper_count
        pending = []
        for label in labels:
            addr = parent.child(level, label)
            end = parent.child(level, through[label]) if label in through and heading is None else None
            if heading is not None:
                addr = addr.child(Level.OVERSKRIFT, heading)
            pending.append(Target(addr, counted.get(label, count), through=end))
        count = None
        heading = None
    emitted.extend(pending)
    if not emitted:
        raise TargetError(f"no target in {s!r}")
    return emitted
