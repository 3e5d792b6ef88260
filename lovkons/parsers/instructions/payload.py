"""Stage 1 (parsers): quoted text of an instruction (»…«) → placeholders Q0, Q1, … and parsed nodes.

Quotes are found by balanced guillemet counting, so a payload may itself contain »defined terms«.
Payload units are parsed by `parsers.text.parse_fragment` (imported lazily; a TEKST node until then).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lovkons.model.document import Kind, LovkonsError, Node
from lovkons.parsers.bilag_lists import listed_nodes
from lovkons.parsers.instructions.prefilter import required, sub_where_possible
from lovkons.parsers.normalize import INVISIBLE_CHARS
from lovkons.parsers.text import parse_fragment

# soft hyphens and zero-width characters: layout, never text ("tilsynsreak\u00adt\u200di\u200do\u200dn", LOV 268/2014)
_INVISIBLE = regex.compile(f"[{INVISIBLE_CHARS}]")
# Typographic stand-ins seen in PDF-derived text: “…”, ”…”, "…" (only used when no » « is present).
_ALT_QUOTES = regex.compile(r"[“”„\"](?P<q>[^“”„\"]*)[“”\"]")


@dataclass(frozen=True, slots=True)
class Quoted:
    """An instruction with its top-level quotes lifted out: template "I § 3 ændres Q0 til: Q1."."""

    template: str
    quotes: tuple[str, ...]
    balanced: bool = True
    alt_quotes: bool = False  # ASCII/curly quotes were accepted instead of guillemets
    repaired: tuple[str, ...] = ()  # the misprinted guillemets read as meant (GUILLEMET_SLIPS names)


# Misprinted guillemets of the amending act, tried (in order, each where it matches) only when the item's
# guillemets do not balance, and kept only when the repaired item balances; every row is real.
GUILLEMET_SLIPS: tuple[tuple[str, regex.Pattern[str], str], ...] = (
    # "indsættes efter »afgørelse»: »…«" (LOV 140/2010), "ændres »socialministeren» til: »…«" (LOV 546/2010):
    # an opening mark where the quote closes, right before the colon or "til"
    ("»A»: read as »A«:", regex.compile(r"(?<=»[^»«]+)»(?=:\s*»|\s+til:?\s*»)"), "«"),
    # "ændres »A« til«: »B«" (LOV 1482/2014): a closing mark after "til"
    ("til«: read as til:", regex.compile(r"(?<=«\s+til)«(?=:?\s*»)"), ""),
    # "ændres »indbetaling af beløb« til: «frivillig indbetaling …«" (LOV 998/2015): a closing mark opens
    ("til: «B« read as til: »B«", regex.compile(r"(?<=«\s+til:?\s+)«(?=[^»«]+«)"), "»"),
    # "ændres »A« til: Europa-Parlamentets … 2012«." (LOV 268/2014), "indsættes efter »§ 7 a,«: herunder …,«"
    # (LOV 1149/2012): the opening mark of the new text left out after "til:" or "«:"
    ("til: B« read as til: »B«", regex.compile(r"(?<=«\s*(?:til)?:\s+)(?=[^\s»«][^»«]*«)"), "»"),
    # "ændres 1. -4. pkt.« til: »1. -5. pkt.«" (LOV 174/2011), "…, og § 11 a, nr. 9.« ændres til: »…«" (LOV
    # 179/2015): the opening mark of the old text left out after "ændres" or ", og"
    ("ændres A« read as ændres »A«", regex.compile(r"(?<=\bændres\s+|,\s+og\s+)(?=[^\s»«][^»«]*«\s+(?:ændres\s+)?til\b)"), "»"),
    # "I § 26, stk. 2, »ændres »§ 15, stk. 2, nr. 16« til: »…«" (LOV 221/2015): a stray mark before the verb
    ("»ændres read as ændres", regex.compile(r"»(?=(?:ændres|udgår|indsættes)\s+»)"), ""),
    # "Efter § 33 a indsættes: »§ 33 b. … forstå.« § 33 c. … skriftligt.«" (LOV 248/2011): a new § quoted as one
    # text, closed too early before the next new §
    ("»§ N. …« § M. …« read as one quote", regex.compile(r"«(?=\s+§\s*\d+(?:\s*[a-z])?\.\s[^»«]*«\s*\.?\s*$)"), ""),
    # "§ 51, stk. 5, 1. og 5. pkt., ophæves.«" (LOV 580/2012): a closing mark after the last word
    ("ophæves.« read as ophæves.", regex.compile(r"(?<=\b(?:ophæves|udgår)\.?)«\s*$"), ""),
    # "som »trusts« («unit trusts«) eller …" (LOV 433/2012 § 1, nr. 37, in a new bilag): a closing mark
    # opens a defined term right after a parenthesis
    ("(«A« read as (»A«", regex.compile(r"(?<=\()«(?=[^»«]+«\))"), "»"),
)

# Guillemets set one word off, in items that balance all the same: the word or mark next to the quote
# belongs to the quoted text (the only reading that gives Danish). Each is repaired wherever it matches
# and named like a GUILLEMET_SLIPS row; every row is real.
MISPLACED_GUILLEMETS: tuple[tuple[str, regex.Pattern[str], str], ...] = (
    # "indsættes efter § »3, stk. 1-3,«: »§ 3 a, stk. 1,«" (LOV 179/2015 § 2, nr. 5): the § sign of the
    # cited text printed before its opening mark
    ("§ »N« read as »§ N«", regex.compile(r"(?<=\b(?:efter|før|ændres|udgår)\s+)§\s*»(?=\d)"), "»§ "),
    # "ændres et »andet vandforsyningsanlæg« til: »en anden almen vandforsyning«" (LOV 132/2016 § 2, nr. 35):
    # the article of the old text before its opening mark (the new text has its own)
    ("ændres et »A« read as ændres »et A«", regex.compile(r"\bændres\s+\K(et|en)\s+»(?=[^»«]+«\s+til:?\s+»(?:et|en)\s)"),
     r"»\1 "),
    # "efter »seerne« indsættes:, »lytterne«" (LOV 643/2016 § 1, nr. 10): the comma that begins the new
    # text printed before its opening mark
    ("indsættes:, »B« read as indsættes: », B«", regex.compile(r"(?<=\bindsættes:)\s*,\s*»(?=[^»«]+«)"), " », "),
    # "ændres »§§ 25 b og 25 c i lov om … beskæftigelsesindsats.« til: §§ 13-15 i lov om … m.v." (LOV 1482/2014
    # § 62, nr. 4): the new text of the item's last substitution not quoted at all; read as quoted only when
    # the old text ends the sentence and so does the new one (its full stop is the new text's own)
    ("til: B. read as til: »B.«", regex.compile(r"\.«\s+til:?\s+\K(?P<b>[^\s»«][^»«]*\.)\s*$"), r"»\g<b>«"),
)
# (two rows keep the text before the repair with \K, not a lookbehind: the same matches, found by the text
# searched for first, ".«" or "ændres", instead of a lookbehind tried at every position of a long payload)
# the text each row's pattern cannot match without (prefilter.required): a row is not run where it is absent
_SLIPS_REQUIRED = tuple(required(rx) for _, rx, _ in GUILLEMET_SLIPS)
_MISPLACED_REQUIRED = tuple(required(rx) for _, rx, _ in MISPLACED_GUILLEMETS)


def split_quotes(text: str) -> Quoted:
    """Replace each top-level »…« by "Q<n>"; nested guillemets stay inside the quote text. An item
    whose guillemets do not balance is read with its misprinted guillemets repaired (GUILLEMET_SLIPS),
    when that balances it."""
    if "»" not in text and "«" not in text:
        return _split_alt(text)
    misplaced = []
    for (name, rx, replacement), req in zip(MISPLACED_GUILLEMETS, _MISPLACED_REQUIRED, strict=True):
        new = sub_where_possible(rx, req, replacement, text)
        if new != text:
            text = new
            misplaced.append(name)
    quoted = _split(text)
    if quoted.balanced:
        return Quoted(quoted.template, quoted.quotes, repaired=tuple(misplaced)) if misplaced else quoted
    fixed, names = text, misplaced
    for (name, rx, replacement), req in zip(GUILLEMET_SLIPS, _SLIPS_REQUIRED, strict=True):
        new = sub_where_possible(rx, req, replacement, fixed)
        if new != fixed:
            fixed = new
            names.append(name)
    repaired = _split(fixed) if names else quoted
    return Quoted(repaired.template, repaired.quotes, True, repaired=tuple(names)) if repaired.balanced else quoted


_MARKS = regex.compile(r"[»«]")


def _split(text: str) -> Quoted:
    """The guillemets counted mark by mark; the text between them is copied in runs."""
    out: list[str] = []
    quotes: list[str] = []
    depth = 0
    start = 0  # where the open top-level quote's text begins
    last = 0  # where the template text not yet copied begins
    balanced = True
    for m in _MARKS.finditer(text):
        i = m.start()
        if m[0] == "»":
            if depth == 0:
                out.append(text[last:i])
                start = i + 1
            depth += 1
        elif depth == 0:  # a stray closing mark: keep it as text
            balanced = False
            out.append(text[last:i + 1])
            last = i + 1
        else:
            depth -= 1
            if depth == 0:
                out.append(f"Q{len(quotes)}")
                quotes.append(text[start:i])
                last = i + 1
    if depth > 0:  # unterminated quote: it runs to the end of the item
        balanced = False
        out.append(f"Q{len(quotes)}")
        quotes.append(text[start:])
    else:
        out.append(text[last:])
    return Quoted("".join(out), tuple(quotes), balanced)


def _split_alt(text: str) -> Quoted:
    quotes: list[str] = []

    def sub(m: regex.Match[str]) -> str:
        quotes.append(m["q"])
        return f"Q{len(quotes) - 1}"

    template = _ALT_QUOTES.sub(sub, text)
    return Quoted(template, tuple(quotes), True, alt_quotes=bool(quotes))


_SPACES = regex.compile(r"\s+")
_LINE_SPACES = regex.compile(r"[ \t\f\v]+")


def one_line(text: str) -> str:
    """`regex.sub(r"\\s+", " ", text).strip()`: one space between words, none outside. str.split splits at
    the characters \\s matches, but for the four information separators U+001C-U+001F, and is faster."""
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return _SPACES.sub(" ", text).strip()
    return " ".join(text.split())


def clean_inline(text: str) -> str:
    """Quoted old/new text: one space between words, no NBSP/soft hyphen, no outer spaces."""
    return one_line(_INVISIBLE.sub("", text).replace("\u00a0", " "))


def clean_block(text: str) -> str:
    """Payload text: lines stripped and inner spaces collapsed, empty lines dropped."""
    s = _INVISIBLE.sub("", text).replace("\u00a0", " ").replace("\r", "")
    # (a line without a tab, form feed, vertical tab or double space has no run to collapse)
    lines = [(_LINE_SPACES.sub(" ", ln) if "  " in ln or "\t" in ln or "\f" in ln or "\v" in ln else ln).strip()
             for ln in s.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def parse_payload(text: str, expect: Kind | None = None) -> tuple[Node, ...]:
    """Parse quoted new units ("§ 5 a. …", "Stk. 2. …", "10) …") with the structure parser; a
    payload it rejects as input (LovkonsError) is kept as one TEKST node. Any other exception is a
    bug and is not hidden."""
    body = clean_block(text)
    if not body:
        return ()
    try:  # line breaks in printed payloads are layout (seed 003 breaks mid-sentence): read labels only
        # (a § lettered past z, "§ 7 Å. …" after ligningslovens § 7 Ø, LOV 593/2012 § 1, nr. 1, is read by the
        # structure parser's label: parsers.segment.LABEL)
        return _roman_kapitel(_successors_out(tuple(parse_fragment(clean_inline(body), expect=expect))))
    except LovkonsError:
        return (Node(Kind.TEKST, text=clean_inline(body)),)


# A numbered or lettered unit whose own list was split out of its text before the units that follow it were: the
# successors it swallowed stand in its text, and its list belongs to the last of them. "»2) De variable løndele …
# inklusive pension. 3) En forvalter … forudsat at følgende krav opfyldes: a) Forvalteren skal … e) …«" (LOV 268/2014
# § 4, nr. 10, read as one line): nr. 2 held "… pension. 3) En forvalter … opfyldes:" and litra a-e; nr. 3 is a unit
# of its own, and litra a-e are its litras. A successor starts after the end of a unit (".", ":", ";", ",", "og",
# "eller"), as `parsers.draft.expand_inline` splits the units of a text without a list of its own.
_SWALLOWED: dict[Kind, regex.Pattern[str]] = {
    Kind.NR: regex.compile(r"""(?<=[.:;,]\s|\b(?:og|eller)\s)(?P<l>\d{1,2})\)\s+(?=\S)""", regex.VERBOSE),  # "… pension. 3) En"
    Kind.LITRA: regex.compile(r"""(?<=[.:;,]\s|\b(?:og|eller)\s)(?P<l>[a-z])\)\s+(?=\S)""", regex.VERBOSE),  # "… loft. b) Det"
}


def _next_label(label: str, kind: Kind) -> str | None:
    if kind is Kind.LITRA:
        return chr(ord(label) + 1) if len(label) == 1 and label.isalpha() else None
    return str(int(label) + 1) if label.isdecimal() else None


def _successors_out(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
    """Every unit with a list of its own that swallowed its successors (_SWALLOWED) split into them, its list given
    to the last one."""
    out: list[Node] = []
    for node in nodes:
        node = node.with_(children=_successors_out(node.children)) if node.children else node
        pattern = _SWALLOWED.get(node.kind)
        want = _next_label(node.label or "", node.kind) if pattern and node.children and "»" not in node.text else None
        cuts: list[regex.Match[str]] = []
        for m in pattern.finditer(node.text) if pattern else ():
            if want is not None and m["l"] == want:
                cuts.append(m)
                want = _next_label(want, node.kind)
        if not cuts:
            out.extend(_out_of_last(node))
            continue
        prefix = node.id.removesuffix(f"{node.kind.value}{node.label}")
        out.append(node.with_(text=node.text[:cuts[0].start()].strip(), children=()))
        for i, m in enumerate(cuts):
            end = cuts[i + 1].start() if i + 1 < len(cuts) else len(node.text)
            ident = f"{prefix}{node.kind.value}{m['l']}"
            if i + 1 < len(cuts):
                out.append(_unit(node, m["l"], node.text[m.end():end], ident))
            else:
                out.extend(_out_of_last(node.with_(label=m["l"], text=node.text[m.end():].strip(), id=ident,
                                                   children=tuple(_moved(c, node.id, ident) for c in node.children))))
    return tuple(out)


def _out_of_last(node: Node) -> list[Node]:
    """The unit, and the successors the last unit of its list swallowed: "c) forventes at blive afregnet ved levering
    af råvaren, og 7) andre finansielle instrumenter …" (LOV 738/2015 § 1, nr. 50: nr. 7 follows nr. 6, whose litra c
    ends its list)."""
    pattern = _SWALLOWED.get(node.kind)
    want = _next_label(node.label or "", node.kind)
    if not (pattern and want and node.children) or node.children[-1].children or "»" in node.children[-1].text:
        return [node]
    tail = node.children[-1]
    cuts: list[regex.Match[str]] = []
    for m in pattern.finditer(tail.text):
        if want is not None and m["l"] == want:
            cuts.append(m)
            want = _next_label(want, node.kind)
    if not cuts:
        return [node]
    prefix = node.id.removesuffix(f"{node.kind.value}{node.label}")
    out = [node.with_(children=(*node.children[:-1], tail.with_(text=tail.text[:cuts[0].start()].strip())))]
    for i, m in enumerate(cuts):
        end = cuts[i + 1].start() if i + 1 < len(cuts) else len(tail.text)
        out.append(_unit(node, m["l"], tail.text[m.end():end], f"{prefix}{node.kind.value}{m['l']}"))
    return out


def _unit(like: Node, label: str, text: str, ident: str) -> Node:
    """A swallowed successor as a unit of its own, its inline list read as any unit's ("5) Det øverste ledelsesorgan:
    a) Bestyrelsen …, b) …", LOV 1557/2010 § 1, nr. 2)."""
    try:  # a text the parser rejects stays the plain unit: the payload's other units keep their reading
        read = parse_fragment(f"{label}) {text.strip()}", expect=like.kind)
    except LovkonsError:
        read = ()
    if len(read) == 1 and read[0].kind is like.kind and read[0].label == label:
        return _moved(read[0], read[0].id, ident)
    return like.with_(label=label, text=text.strip(), children=(), id=ident)


def _moved(node: Node, old: str, new: str) -> Node:
    """A node with the ids under `old` now under `new`."""
    ident = new + node.id[len(old):] if node.id.startswith(old) else node.id
    return node.with_(id=ident, children=tuple(_moved(c, old, new) for c in node.children))


# "Kapitel VII C Udgifter til køling m.v." (lejeloven numbers its kapitler in roman numerals)
_ROMAN_KAPITEL = regex.compile(r"Kapitel\s+(?P<label>[IVXLC]+(?:\s+[A-Z](?![\w.]))?)\.?\s+(?P<heading>\S.*)")


def _roman_kapitel(nodes: tuple[Node, ...]) -> tuple[Node, ...]:
    """A new kapitel with a roman label, which the structure parser reads as a heading line: the
    KAPITEL node (label, heading) holding the units that follow it."""
    m = _ROMAN_KAPITEL.fullmatch(nodes[0].text) if nodes and nodes[0].kind is Kind.OVERSKRIFT else None
    if m is None:
        return nodes
    label = regex.sub(r"\s+", " ", m["label"])
    return (Node(Kind.KAPITEL, label=label, heading=m["heading"], children=nodes[1:], id=f"kap{label.replace(' ', '')}"),)


def bilag_nodes(text: str) -> tuple[Node, ...]:
    """A new bilag as quoted ("»Bilag 2 Kommuner beliggende i yderområder …«", or the amending act's own
    bilag text) → one BILAG node labelled as its first line says, its lines as TEKST children."""
    body = clean_block(text.strip().removeprefix("»").removesuffix("«").strip())
    lines = body.split("\n")
    m = regex.match(r"Bilag\s+(\d+(?:\s*[a-zA-Z](?![\w]))?|[A-Z](?![\w]))\.?\s*", lines[0].strip()) if lines else None
    label = regex.sub(r"\s+", " ", m[1]) if m else None
    first = lines[0].strip()[m.end():].strip() if m else None
    rest = ([first] if first else []) + lines[1:] if m else lines
    children = listed_nodes(tuple(Node(Kind.TEKST, text=ln) for ln in rest if ln), f"bilag{label or ''}")
    return (Node(Kind.BILAG, label=label, text="", children=children, id=f"bilag{label or ''}"),)
