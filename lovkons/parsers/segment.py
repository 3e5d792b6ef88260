"""Stage 2 (parsers): classify lines of normalized legal text with an ordered table of named rules.

Input: one line. Output: a Token (rule name, label, rest of the line). The table is the grammar.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import regex

ORDINALS = {
    "første": 1, "anden": 2, "andet": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6,
    "syvende": 7, "ottende": 8, "niende": 9, "tiende": 10, "ellevte": 11, "tolvte": 12,
    "trettende": 13, "fjortende": 14, "femtende": 15,
}  # fmt: skip
_ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
# A unit number: digits and an optional separate letter ("5 a", "9 A", "5a"), not a word ("1 I").
LABEL = r"\d+(?:\ ?[a-zA-ZæøåÆØÅ](?![\p{L}\d]))?"  # "5 a", "7 Å" (past z: LOV 593/2012), "75 æ" (LBK 807/2015)

_F = regex.VERBOSE | regex.IGNORECASE

# (name, pattern). First match wins. Groups: `label` = unit label, `rest` = text after the label.
RULES: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("blank", regex.compile(r"^\s*$")),
    ("noter", regex.compile(r"^\s* (?:officielle\ )?noter \s*$", _F)),  # "Noter" heads the footnotes
    (
        "bog",  # "Første bog." — the level above afsnit (retsplejeloven)
        regex.compile(rf"^\s* (?P<label>{_ORD}) \s+ bog \.? \s*$", _F),
    ),
    (
        "afsnit",  # "Første afsnit." / "Afsnit IV" (+ heading on the same line in messy text)
        regex.compile(
            rf"""^\s* (?: (?P<label>{_ORD}) \s+ afsnit     # ordinal word form
                    | Afsnit \s+ (?P<roman>[IVXLC]+ (?:\ [A-Z](?!\p{{L}}))?)  # roman numeral form, "I A"
                    | (?P<rest>(?:Almindelig|Særlig) \s+ del) )          # straffeloven's two parts
                 \.? (?: \s+ (?P<rest>\p{{Lu}}.*) )? \s*$""",
            _F,
        ),
    ),
    (
        "kapitel",  # "Kapitel 12 a" (+ heading) / "3. kapitel"
        regex.compile(
            rf"""^\s* (?: Kapitel \s+ (?P<label>{LABEL})      # "Kapitel 12 a"
                    | (?P<label2>\d+) \. \s* kapitel )       # "3. kapitel"
                 \.? (?: \s+ (?P<rest>[\p{{Lu}}»(].*) )? \s*$""",  # rest: greedy, stripped after
            regex.VERBOSE,
        ),
    ),
    (
        "paragrafer",  # "§§ 1024-1043. (Udelades)": a range standing for omitted/repealed §§
        regex.compile(
            rf"^\s* §§? \s* (?P<label>{LABEL} \s*-\s* {LABEL}) \. \s+ (?P<rest>\(.*\)\.?) \s*$", _F
        ),
    ),
    (
        "paragraf",  # "§ 5 a. Text", "§ 1" alone (amending orders), "§ 1 I bekendtgørelse …" (no stop)
        regex.compile(
            rf"""^\s* § \s* (?P<label>{LABEL})
                 (?: \ ?\. (?=\s|$)                               # the usual full stop ("§ 5 ." too)
                   | (?=\s*$)                                     # bare "§ 1" line
                   | (?=\s+ (?:Stk\.|\p{{Lu}}) ) )                # "§ 2 Stk. 1." / "§ 1 I …"
                 \s* (?P<rest>.*) $""",
            regex.VERBOSE,
        ),
    ),
    (
        "stk",  # "Stk. 2. Text", "Stk. 2-3. (Udelades)"
        regex.compile(
            rf"^\s* Stk\. \s* (?P<label>{LABEL} (?:\s*-\s*\d+)?) \ ?\. (?:\s+ (?P<rest>.*))? $", regex.VERBOSE
        ),
    ),
    (
        "nr",
        regex.compile(rf"^\s* (?P<label>{LABEL}) \) (?:\s+ (?P<rest>(?!\|).*))? $", regex.VERBOSE),
    ),  # "3) …"
    ("litra", regex.compile(r"^\s* (?P<label>[a-zæøå]{1,2}) \) (?:\s+ (?P<rest>.*))? $", regex.VERBOSE)),
    (
        "bilag",  # "Bilag", "Bilag 1", "Bilag 1 Heading"
        regex.compile(
            rf"^\s* Bilag (?:\s+ (?P<label>{LABEL}))? \.? (?:\s+ (?P<rest>\p{{Lu}}.*))? \s*$", regex.VERBOSE
        ),
    ),
    (
        "underskrift",  # "Givet på Christiansborg Slot, den …", "Beskæftigelsesministeriet, den 12. …"
        regex.compile(
            rf"""^\s* (?: Givet \s+ på \b .*
                    | Under \s+ Vor \s+ Kongelige \s+ Hånd .*
                    | [\p{{L}}\-–]+ (?:\ [\p{{L}}\-–]+){{0,7}}, \s+ den \s+ \d{{1,2}}\. \s* (?:{_MONTHS}) \s+ \d{{4}} \.? ) \s*$""",
            regex.VERBOSE,
        ),
    ),
    (
        "ikraft",  # LBK commencement blocks: "Lov nr. 201 af 18. maj 1960 (…) indeholder følgende …"
        regex.compile(
            rf"""^\s* (?:Lov|Lovbekendtgørelse|Bekendtgørelse|Anordning) \s+ nr\. \s* \d+ \s+
               (?: af\.? \s+ \d{{1,2}}\. \s* (?:\.\s*)? (?:{_MONTHS}) \s+ \d{{4}} (?:\d{{1,2}}\))? (?!\d)
                 | \(.*\) .* \bindeholder\b ) .*$""",
            regex.VERBOSE,
        ),
    ),
    ("table", regex.compile(r"^.*\S \s+ \| (?:\s|$) .*$", regex.VERBOSE)),  # "a | b": a table row
    ("text", regex.compile(r"^.*$", regex.DOTALL)),
)


@dataclass(frozen=True, slots=True, eq=False)
class Token:
    """A classified line: the rule, the unit label and the rest of the line after the label.

    `rest` is the text; for a long line read from a position (a flattened payload read unit by unit)
    it is a view `src[a:b]` that is cut out only when asked for (`rest_view` gives it uncut), so
    reading n glued units does not copy the rest of the line n times."""

    rule: str
    label: str | None
    src: str  # the rest itself, or (with `span`) the line it lies in
    line: int
    span: tuple[int, int] | None = None

    @property
    def rest(self) -> str:
        return self.src if self.span is None else self.src[self.span[0] : self.span[1]]

    def rest_view(self) -> tuple[str, int, int]:
        """(string, start, end) with rest == string[start:end], without copying."""
        return (self.src, 0, len(self.src)) if self.span is None else (self.src, *self.span)

    def rest_head(self, n: int) -> str:
        """The first `n` characters of `rest`."""
        text, a, b = self.rest_view()
        return text[a : min(b, a + n)]

    def _key(self) -> tuple[str, str | None, str, int]:
        return (self.rule, self.label, self.rest, self.line)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


_TOKEN_FIELDS = ("rule", "label", "src", "line", "span")


class _TokenDraft:
    """A Token under construction: Token's slots, settable by plain stores (the trick of
    `parsers.node_factory.new_node`: same slot layout, then a `__class__` assignment)."""

    __slots__ = _TOKEN_FIELDS

    def __init__(self, rule: str, label: str | None, src: str, line: int, span: tuple[int, int] | None) -> None:
        self.rule = rule
        self.label = label
        self.src = src
        self.line = line
        self.span = span


if Token.__slots__ != _TokenDraft.__slots__:  # pragma: no cover
    raise ImportError("parsers.segment: Token's fields changed; update _TokenDraft")


def _token(rule: str, label: str | None, src: str, line: int, span: tuple[int, int] | None = None) -> Token:
    """`Token(rule, label, src, line, span)` without the class call of a frozen dataclass (one per
    line of every text read: several times faster)."""
    tok = _TokenDraft(rule, label, src, line, span)
    tok.__class__ = Token  # type: ignore[assignment]  # same slot layout (_TokenDraft)
    return tok  # type: ignore[return-value]


# A cheap pre-filter of the table: which rules can match a line, from its first two characters
# (the first non-space one and the one after it; "" where there is none). Each test is implied by
# its rule's pattern, so no line that a rule matches is ever filtered out.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZæøåÆØÅ §.,-)0123456789")
_ORD_PAIRS = frozenset(w[:2] for w in ORDINALS)  # "fø" (første), "sj" (sjette), …
_LITRA = frozenset("abcdefghijklmnopqrstuvwxyzæøå")  # the litra rule's [a-zæøå]{1,2} \)


def _folds_to(pair: str, prefixes: frozenset[str] | set[str]) -> bool:
    """Can `pair` start one of the lower-case `prefixes` under IGNORECASE? Characters outside
    ASCII and æøå (a Kelvin sign, a long s) fold in ways str.lower() does not show: let through."""
    return pair.lower() in prefixes or not all(ch in _PLAIN for ch in pair)


_FIRST: dict[str, Callable[[str, str], bool]] = {
    "blank": lambda c, d: c == "",
    "noter": lambda c, d: _folds_to(c + d, {"no", "of"}),  # "Noter", "Officielle noter"
    "bog": lambda c, d: _folds_to(c + d, _ORD_PAIRS),  # "Første bog"
    "afsnit": lambda c, d: _folds_to(c + d, _ORD_PAIRS | {"af", "al", "sæ"}),  # "Afsnit IV", "Særlig del"
    "kapitel": lambda c, d: (c, d) == ("K", "a") or (c.isdigit() and (d.isdigit() or d == ".")),  # "3. kapitel"
    "paragrafer": lambda c, d: c == "§",
    "paragraf": lambda c, d: c == "§",
    "stk": lambda c, d: (c, d) == ("S", "t"),
    "nr": lambda c, d: c.isdigit(),
    "litra": lambda c, d: c in _LITRA and (d == ")" or d in _LITRA),
    "bilag": lambda c, d: (c, d) == ("B", "i"),
    "underskrift": lambda c, d: c.isalpha() or c in "-–",
    "ikraft": lambda c, d: c + d in ("Lo", "Be", "An"),  # Lov, Lovbekendtgørelse, Bekendtgørelse, Anordning
}
# Substrings a line must hold for a rule to match it: "§§ 1024-1043. (Udelades)", "a | b";
# the underskrift "Beskæftigelsesministeriet, den 12. …" (but "Givet på …" and "Under Vor …" need none).
_NEEDS: dict[str, tuple[str, str]] = {"paragrafer": ("-", "("), "table": ("|", ""), "underskrift": (",", "")}
_WHOLE_LINE = frozenset({"text", "table", "underskrift", "ikraft"})  # rules whose rest is the line
# (name, pattern, two substrings needed ("" is in every line), label groups, has a rest group);
# pattern None: the text rule
Rule = tuple[str, "regex.Pattern[str] | None", tuple[str, str], tuple[str, ...], bool]


def _rule(name: str, pattern: regex.Pattern[str], c: str, d: str) -> Rule:
    needs = ("", "") if name == "underskrift" and c + d in ("Gi", "Un") else _NEEDS.get(name, ("", ""))
    labels = tuple(g for g in ("label", "label2", "roman") if g in pattern.groupindex)
    rest = name not in _WHOLE_LINE and "rest" in pattern.groupindex
    return (name, None if name == "text" else pattern, needs, labels, rest)


@functools.cache
def _candidates(first: str, second: str = "") -> tuple[Rule, ...]:
    """The rules that can match a line whose first two non-space characters are `first` + `second`."""
    if first == "":
        return tuple(_rule(n, r, first, second) for n, r in RULES if n == "blank")
    return tuple(
        _rule(n, r, first, second) for n, r in RULES if n != "blank" and (n not in _FIRST or _FIRST[n](first, second))
    )


def _head_rule(name: str, old: str, new: str) -> tuple[str, regex.Pattern[str]]:
    """The rule `name` with its "rest of the line" tail replaced by an empty `rest` group."""
    pattern = dict(RULES)[name]
    assert pattern.pattern.count(old) == 1, name
    return name, regex.compile(pattern.pattern.replace(old, new), pattern.flags)


# On a line without "\n", ".*$" always matches, so these rules decide at the label: the head-only
# variants give the same token with rest = the line from the `rest` group on, without scanning it.
# A long flattened payload is classified once per glued unit; this keeps each step short.
_HEAD_RULES = dict(
    (
        _head_rule("paragraf", r"\s* (?P<rest>.*) $", r"\s* (?P<rest>)"),
        _head_rule("stk", r"(?:\s+ (?P<rest>.*))? $", r"(?:\s+ (?P<rest>) | $)"),
        _head_rule("nr", r"(?:\s+ (?P<rest>(?!\|).*))? $", r"(?:\s+ (?P<rest>(?!\|)) | $)"),
        _head_rule("litra", r"(?:\s+ (?P<rest>.*))? $", r"(?:\s+ (?P<rest>) | $)"),
        _head_rule("kapitel", r"(?: \s+ (?P<rest>[\p{Lu}»(].*) )? \s*$", r"(?: \s+ (?P<rest>[\p{Lu}»(]) | \s*$ )"),
    )
)
_LONG = 1000  # lines longer than this use the head-only rules
_WORDS = {"noter": 2, "bog": 3}  # whole-line rules: at most this many words ("Første bog .")
_FIRST_CHARS = re.compile(r"\s*(\S?)(.?)", re.DOTALL)  # `re`: the whitespace of str.lstrip()


def _at_pos(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """The rule anchored at the position matching starts from (\\G) instead of the line start."""
    assert pattern.pattern.startswith("^"), pattern.pattern
    return regex.compile(r"\G" + pattern.pattern[1:], pattern.flags)


# The rules (head-only where there is one) anchored at a position, for `classify` of line[pos:end].
_VIEW_RULES = {name: _at_pos(_HEAD_RULES.get(name, pattern)) for name, pattern in RULES}
_VIEW_WINDOW = 400  # characters looked at to count the first words of a long view


def strip_span(line: str, a: int, b: int) -> tuple[int, int]:
    """(start, end) of line[a:b].strip(), walking over the whitespace at both ends only."""
    while a < b and line[a].isspace():
        a += 1
    while b > a and line[b - 1].isspace():
        b -= 1
    return a, b


def classify(line: str, lineno: int, pos: int = 0, end: int | None = None) -> Token:
    """Apply the rule table to one line (only the rules that can match its first characters).

    With `pos`/`end`: classify line[pos:end] (the same Token) without copying it when it is long:
    the rules decide at the label, and the rest is a view on `line`. `line` must then hold no "\\n"
    (the text builder reads single lines)."""
    if end is not None or pos:
        if end is None:
            end = len(line)
        if pos or end != len(line):
            if end - pos <= _LONG:
                return classify(line[pos:end], lineno)
            return _classify_view(line, lineno, pos, end)
    first = _FIRST_CHARS.match(line)
    assert first is not None  # the pattern matches any string
    if len(line) > _LONG and "\n" not in line:
        return _classify_long(line, lineno, first[1], first[2])
    for name, pattern, (need, need2), labels, has_rest in _candidates(first[1], first[2]):
        if need not in line or need2 not in line:
            continue
        if pattern is None:  # the text rule: `^.*$` (DOTALL) matches every line
            tok = _TokenDraft(name, None, line.strip(), lineno, None)  # (`_token` without its call)
            tok.__class__ = Token  # type: ignore[assignment]
            return tok  # type: ignore[return-value]
        m = pattern.match(line)
        if m is None:
            continue
        label = None
        for group in labels:
            label = m.group(group)
            if label:
                break
        rest = (m.group("rest") or "") if has_rest else (line if name in _WHOLE_LINE else "")
        tok = _TokenDraft(name, label.strip() if label else None, rest.strip(), lineno, None)
        tok.__class__ = Token  # type: ignore[assignment]
        return tok  # type: ignore[return-value]
    raise AssertionError("the text rule matches everything")  # pragma: no cover


def _classify_long(line: str, lineno: int, c: str, d: str) -> Token:
    """`classify` of a line longer than _LONG without "\\n": the rules with a head-only variant
    decide at the label, the whole-line rules with few words are skipped by a word count."""
    for name, pattern, (need, need2), _labels, _rest in _candidates(c, d):
        if need not in line or need2 not in line:
            continue
        if name in _WORDS and len(line.split(None, _WORDS[name])) > _WORDS[name]:
            continue  # more words than the rule allows (the regex would scan the whole line)
        if pattern is None:
            return _token(name, None, line.strip(), lineno)
        head = _HEAD_RULES.get(name)
        m = (head or pattern).match(line)
        if m is None:
            continue
        groups = m.groupdict()
        label = groups.get("label") or groups.get("label2") or groups.get("roman")
        if head is not None:
            rest = line[m.start("rest") :] if m.start("rest") >= 0 else ""
        else:
            rest = groups.get("rest") or ""
        if name in _WHOLE_LINE:
            rest = line
        return _token(name, label.strip() if label else None, rest.strip(), lineno)
    raise AssertionError("the text rule matches everything")  # pragma: no cover


def _classify_view(line: str, lineno: int, pos: int, end: int) -> Token:
    """`classify(line[pos:end])` for a long single line, reading only around the label."""
    first = _FIRST_CHARS.match(line, pos, end)
    assert first is not None  # the pattern matches any string
    for name, _pattern, needs, _labels, _rest in _candidates(first[1], first[2]):
        if line.find(needs[0], pos, end) < 0 or line.find(needs[1], pos, end) < 0:  # (a flattened payload: no "|")
            continue
        if name in _WORDS:
            window = line[pos : pos + _VIEW_WINDOW]
            if len(window.split(None, _WORDS[name])) > _WORDS[name]:
                continue
            return classify(line[pos:end], lineno)  # a long run of spaces: no cheap answer
        if name == "text":  # everything else failed: the line is text
            return _token(name, None, line, lineno, strip_span(line, pos, end))
        m = _VIEW_RULES[name].match(line, pos, end)
        if m is None:
            continue
        groups = m.groupdict()
        label = groups.get("label") or groups.get("label2") or groups.get("roman")
        if name in ("table", "underskrift", "ikraft"):
            span = strip_span(line, pos, end)
        elif name in _HEAD_RULES:
            span = strip_span(line, m.start("rest"), end) if m.start("rest") >= 0 else (pos, pos)
        else:  # a whole-line rule: its rest group is short or the rule is rare in a long line
            rest = groups.get("rest") or ""
            return _token(name, label.strip() if label else None, rest.strip(), lineno)
        return _token(name, label.strip() if label else None, line, lineno, span)
    raise AssertionError("the text rule matches everything")  # pragma: no cover
