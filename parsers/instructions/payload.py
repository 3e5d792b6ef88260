"""Stage 1 (parsers): quoted text of an instruction (»…«) → placeholders Q0, Q1, … and parsed nodes.

Quotes are found by balanced guillemet counting, so a payload may itself contain »defined terms«.
Payload units are parsed by `parsers.text.parse_fragment` (imported lazily; a TEKST node until then).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lovkons.model.document import Kind, LovkonsError, Node
from lovkons.parsers.text import parse_fragment

# Typographic stand-ins seen in PDF-derived text: “…”, ”…”, "…" (only used when no » « is present).
_ALT_QUOTES = regex.compile(r"[“”„\"](?P<q>[^“”„\"]*)[“”\"]")


@dataclass(frozen=True, slots=True)
class Quoted:
    """An instruction with its top-level quotes lifted out: template "I § 3 ændres Q0 til: Q1."."""

    template: str
    quotes: tuple[str, ...]
    balanced: bool = True
    alt_quotes: bool = False  # ASCII/curly quotes were accepted instead of guillemets


def split_quotes(text: str) -> Quoted:
    """Replace each top-level »…« by "Q<n>"; nested guillemets stay inside the quote text."""
    if "»" not in text and "«" not in text:
        return _split_alt(text)
    out: list[str] = []
    quotes: list[str] = []
    depth = 0
    start = 0
    balanced = True
    for i, ch in enumerate(text):
        if ch == "»":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "«":
            if depth == 0:  # a stray closing mark: keep it as text
                balanced = False
                out.append(ch)
                continue
            depth -= 1
            if depth == 0:
                out.append(f"Q{len(quotes)}")
                quotes.append(text[start:i])
        elif depth == 0:
            out.append(ch)
    if depth > 0:  # unterminated quote: it runs to the end of the item
        balanced = False
        out.append(f"Q{len(quotes)}")
        quotes.append(text[start:])
    return Quoted("".join(out), tuple(quotes), balanced)


def _split_alt(text: str) -> Quoted:
    quotes: list[str] = []

    def sub(m: regex.Match[str]) -> str:
        quotes.append(m["q"])
        return f"Q{len(quotes) - 1}"

    template = _ALT_QUOTES.sub(sub, text)
    return Quoted(template, tuple(quotes), True, alt_quotes=bool(quotes))


def clean_inline(text: str) -> str:
    """Quoted old/new text: one space between words, no NBSP/soft hyphen, no outer spaces."""
    s = text.replace("\u00ad", "").replace("\u00a0", " ")
    return regex.sub(r"\s+", " ", s).strip()


def clean_block(text: str) -> str:
    """Payload text: lines stripped and inner spaces collapsed, empty lines dropped."""
    s = text.replace("\u00ad", "").replace("\u00a0", " ").replace("\r", "")
    lines = [regex.sub(r"[ \t\f\v]+", " ", ln).strip() for ln in s.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def parse_payload(text: str, expect: Kind | None = None) -> tuple[Node, ...]:
    """Parse quoted new units ("§ 5 a. …", "Stk. 2. …", "10) …") with the structure parser; a
    payload it rejects as input (LovkonsError) is kept as one TEKST node. Any other exception is a
    bug and is not hidden."""
    body = clean_block(text)
    if not body:
        return ()
    try:  # line breaks in printed payloads are layout (seed 003 breaks mid-sentence): read labels only
        return tuple(parse_fragment(clean_inline(body), expect=expect))
    except LovkonsError:
        return (Node(Kind.TEKST, text=clean_inline(body)),)
