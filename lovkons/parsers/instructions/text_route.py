"""Stage 1 (parsers): plain text of an amending document (seed, .txt of BEK/LOV) → RawDoc.

Works on the whole text with a quote mask, so layout noise (items glued after »…«, labels on their
own lines, NBSP) does not matter; offsets map back to line numbers for problems.
"""

from __future__ import annotations

import bisect
import itertools

import regex

from lovkons.model.document import Meta
from lovkons.parsers.dates import parse_numeric_date
from lovkons.parsers.input_bytes import check_digit_runs  # the HTML/JSON routes arrive here as text
from lovkons.parsers.instructions.opening import search_opening
from lovkons.parsers.instructions.raw import RawDoc, RawItem, RawParagraf

# Line-bound patterns: "[^\S\n]" is a space that stays on the line, so a run of blank lines is not
# scanned again from each of its line starts (quadratic on a long run of whitespace).
_HEADER = regex.compile(r"^#[^\S\n]*(?P<k>[^:\n]+):[^\S\n]*(?P<v>.*)$", regex.M)
# An amending document's own "§ 1": no full stop after the label, followed by a capital/line end.
_PARAGRAF = regex.compile(
    r"(?<!\b(?:I|i|Efter|efter|Før|før|jf\.|og|af|til|samt|eller)\s*)(?:^|(?<=\s))§\s*(?P<l>\d+|l(?=\s*\n))(?:\s*\.)?(?=\s*(?:Stk\.\s*1\.|[A-ZÆØÅ]|$))",
    regex.M,
)
_ITEM = regex.compile(r"(?:^|(?<=[\s«:.]))(?P<n>\d+)\.(?=\s+(?:[A-ZÆØÅ§»\"“]))")
_STK = regex.compile(r"(?:^|(?<=\s))Stk\.\s*(?P<l>\d+)\.\s+")
_SIGNATURE = regex.compile(
    r"^[^\S\n]*(?:Givet\s+på\s+\w+.*|[^\n»«]{2,80},\s+den\s+\d{1,2}\.\s*\w+\s+\d{4}[^\S\n]*)$", regex.M
)
_OWN_BILAG = regex.compile(r"^[^\S\n]*Bilag[^\S\n]+(?P<l>\d+[^\S\n]*[a-zA-Z]?)[^\S\n]*$", regex.M)
# A heading line after the last item of a § (the next §'s ministry, "Ikrafttræden m.v."): no quote, no
# sentence end; "Ministeriet for Fødevarer, Landbrug og Fiskeri" may hold commas when it starts a line.
_TAIL_HEADING = regex.compile(
    r"\n[ \t]*(?:[^\n.:;,»«]{3,120}|[A-ZÆØÅ][^\n.:;»«]{2,119}(?<!,)|[A-ZÆØÅ][^\n.:;»«]{2,60} m\.v\.)\s*$"
)


def quote_mask(text: str) -> list[bool]:
    """mask[i] is True when text[i] lies inside a »…« quote (balanced counting)."""
    mask = [False] * len(text)
    depth = 0
    for i, ch in enumerate(text):
        if ch == "»":
            depth += 1
        elif ch == "«" and depth:
            depth -= 1
            mask[i] = True
            continue
        mask[i] = depth > 0
    return mask


def _meta(headers: dict[str, str], first_line: str) -> Meta:
    kind_raw = headers.get("DocumentType", "")
    kind = "LOV Æ" if "LOV Æ" in kind_raw else "BEK Æ" if ("ndringsbekendt" in kind_raw or "BEK Æ" in kind_raw) else (
        "BEK" if "ekendtg" in kind_raw else "LOV" if "LOV" in kind_raw else "other")
    short = headers.get("DokumentKortNavn", "")
    m = regex.search(r"(?P<k>\w+)\s+nr\.?\s*(?P<n>\d+)\s+af\s+(?P<d>[\d/]+)", short)
    number = int(headers["Number"]) if headers.get("Number", "").isdecimal() else (int(m["n"]) if m else None)
    date = parse_numeric_date(headers.get("DiesSigni") or headers.get("Dato for underskrift") or (m["d"] if m else ""))
    if kind == "other" and first_line.lower().startswith("bekendtgørelse om ændring"):
        kind = "BEK Æ"
    elif kind == "other" and first_line.lower().startswith("lov om ændring"):
        kind = "LOV Æ"
    return Meta(
        kind=kind,
        number=number,
        year=int(headers["Year"]) if headers.get("Year", "").isdecimal() else (date.year if date else None),
        date=date,
        title=headers.get("DocumentTitle") or first_line or None,
        published=parse_numeric_date(headers.get("Offentliggørelsesdato", "")),
        ministry=headers.get("Ministry"),
    )


def read_text(raw: str, *, file: str | None = None) -> RawDoc:
    check_digit_runs(raw, file)
    text = raw.replace("\r", "").replace("\u00a0", " ").replace("\u00ad", "").replace("\ufeff", "")
    headers = {m["k"].strip(): m["v"].strip() for m in _HEADER.finditer(text)}
    text = _HEADER.sub(lambda m: " " * len(m[0]), text)
    newlines = [i for i, ch in enumerate(text) if ch == "\n"]

    def line_of(pos: int) -> int:
        return bisect.bisect_right(newlines, pos - 1) + 1

    mask = quote_mask(text)
    heads = [m for m in _PARAGRAF.finditer(text) if not mask[m.start()]]
    paras: list[regex.Match[str]] = []
    for m in heads:
        if (1 if m["l"] == "l" else int(m["l"])) == len(paras) + 1:  # "§ l": a typo for § 1 seen in LOV 471/2011
            paras.append(m)
    before = text[: paras[0].start()] if paras else text[:300]
    first_line = regex.sub(r"\s+", " ", before.strip().split("\n")[0] if "\n\n" not in before.strip() and "\n" in before.strip() and len(before) > 400 else before).strip()
    # own bilag: "Bilag 1" lines outside quotes after the last §
    end_of_body = len(text)
    bilag: dict[str, str] = {}
    if paras:
        own = [m for m in _OWN_BILAG.finditer(text, paras[-1].end()) if not mask[m.start()]]
        for i, m in enumerate(own):
            stop = own[i + 1].start() if i + 1 < len(own) else len(text)
            bilag[m["l"].strip()] = text[m.end():stop].strip()
        if own:
            end_of_body = own[0].start()
        sig = _SIGNATURE.search(text, paras[-1].end(), end_of_body)
        if sig and not mask[sig.start()]:
            end_of_body = sig.start()
    out: list[RawParagraf] = []
    for i, m in enumerate(paras):
        stop = paras[i + 1].start() if i + 1 < len(paras) else end_of_body
        out.append(_paragraf(text, mask, str(i + 1), m.end(), stop, line_of))
    return RawDoc(_meta(headers, first_line), tuple(out), bilag, file=file)


def _paragraf(text: str, mask: list[bool], label: str, start: int, stop: int, line_of) -> RawParagraf:  # type: ignore[no-untyped-def]
    body = text[start:stop]
    op = search_opening(body)
    if op and not mask[start + op.start()] and _only_heading(body[: op.start()]):
        heading = regex.sub(r"\s+", " ", body[: op.start()]).strip() or None
        items = _items(text, mask, start + op.end(), stop, line_of)
        return RawParagraf(label, regex.sub(r"\s+", " ", op["all"]).strip(), heading, tuple(items), (), line_of(start))
    stks = [m for m in _STK.finditer(body) if not mask[start + m.start()]]
    cuts = [0, *(m.start() for m in stks), len(body)]
    parts = [body[a:b] for a, b in itertools.pairwise(cuts)]
    parts = [_STK.sub("", p, count=1) if p.lstrip().startswith("Stk.") else p for p in parts]
    parts = [regex.sub(r"\s+", " ", p).strip() for p in parts]
    heading = None
    if parts and parts[0] and "\n" in body.strip() and not regex.search(r"[.:]$", body.strip().split("\n")[0].strip()):
        first = body.strip().split("\n")[0].strip()
        heading, parts[0] = first, regex.sub(r"\s+", " ", parts[0][len(first):]).strip()
    return RawParagraf(label, None, heading, (), tuple(p for p in parts if p), line_of(start))


def _only_heading(prefix: str) -> bool:
    """What precedes an opening may only be a short ministry heading (one line, no full stop)."""
    s = prefix.strip()
    return not s or (len(s) < 200 and not s.endswith("."))


_LAST_SOLID = regex.compile(r"\S", regex.REVERSE)  # searched from the end: the last non-space


def _tail_heading(text: str, start: int, stop: int) -> int | None:
    """Where _TAIL_HEADING starts in text[start:stop] (the "\n" before a last line that is a
    heading), or None. Only the last line is tried: an earlier line cannot be followed by nothing
    but space, and a match inside the trailing space would cut nothing but space. Linear, however
    long the trailing space (searching the whole slice retried it from every line start)."""
    last = _LAST_SOLID.search(text, start, stop)
    if last is None:
        return None
    line = text.rfind("\n", start, last.end())
    if line < 0:
        return None
    return line if _TAIL_HEADING.match(text, line, last.end()) else None


def _items(text: str, mask: list[bool], start: int, stop: int, line_of) -> list[RawItem]:  # type: ignore[no-untyped-def]
    starts: list[tuple[int, int]] = []
    for m in _ITEM.finditer(text, start, stop):
        if not mask[m.start()] and int(m["n"]) == len(starts) + 1:
            starts.append((m.start(), m.end()))
    items = []
    for i, (s, e) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else stop
        if i + 1 == len(starts):  # a ministry heading of the next § (omnibus laws) is not part of the item
            tail = _tail_heading(text, e, end)
            if tail is not None and not mask[tail + 1]:
                end = tail
        items.append(RawItem(i + 1, text[e:end].strip(), line_of(s)))
    return items
