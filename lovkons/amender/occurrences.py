"""Stage 2 (amender): finding the quoted text of a text operation, exactly the expected number of times.

Input: a Document, its Slots, the quoted text and the expected Count; output: the match spans per slot
plus warnings. Occurrences are counted exactly, at word boundaries; a tolerant pass (no-break spaces,
dash, quote and minister-title variants) is only used when the exact one fails, and is reported.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

import regex

from lovkons.amender.resolve import ResolveError
from lovkons.amender.slips import slip_spans
from lovkons.amender.slots import Slot, get_string, walk_paths
from lovkons.amender.tree import follow_ids, ids_along
from lovkons.model.document import Document, Kind
from lovkons.model.edits import Count

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
# quotes and apostrophes ("SIKAVʼen" / "SIKAV’en"; "DONG Oil Pipe A/Sˊ" with the modifier letter acute accent,
# LOV 630/2016 § 3, where LBK 277/2014 prints "DONG Oil Pipe A/S’")
_QUOTES = "\"'»«“”„‘’\u02bc\u02ca\u00b4`\u1fbd"

Warning_ = tuple[str, str]  # (code, message)


# A minister's title ("social- og indenrigsministeren", "Klima-, energi- og bygningsministerens"). After
# a change of ressort the order cites the new title while the base still prints the old one; the LBK
# applies the item all the same (LOV 1741/2015 § 10 on retsplejeloven).
_MINISTER = regex.compile(r"(?<![\p{L}-])(?:\p{L}+-(?:,? \p{L}+-)* og )?\p{L}+minister(en|ens|iet|iets)(?![\p{L}])")


# The number of an EU act after its kind, with or without "nr.": "Rådets direktiv 85/611/EØF" and "Rådets direktiv
# nr. 85/611/EØF" are the same citation (older acts print "nr."; LOV 433/2012 § 1, nr. 24 quotes it without where
# aktieavancebeskatningslovens § 27, stk. 1 has it, and LBK 1298/2013 makes the change)
_EU_NUMBER = regex.compile(r"(?<=\b(?:direktiv|forordning|beslutning)(?:s|er|erne)?)\s+(?:nr\.\s+)?(?=\d+/\d+)")


@lru_cache(maxsize=8192)  # a pure function of its arguments; a rebuild asks for ~10k, mostly the same
def _pattern(old: str, tolerant: bool | str) -> regex.Pattern[str]:
    if tolerant == "eu":
        pieces = [_pattern(piece, True).pattern for piece in _EU_NUMBER.split(old)]
        inner = [p.removeprefix(r"(?<![\p{L}\p{N}])") if i else p for i, p in enumerate(pieces)]
        inner = [p.removesuffix(r"(?![\p{L}\p{N}])") if i < len(inner) - 1 else p for i, p in enumerate(inner)]
        return regex.compile(r"\s*(?:nr\.\s*)?".join(inner))
    if tolerant == "minister":
        pieces, at = [], 0
        for m in _MINISTER.finditer(old):
            pieces.append(_pattern(old[at:m.start()], True).pattern.removeprefix(r"(?<![\p{L}\p{N}])")
                          .removesuffix(r"(?![\p{L}\p{N}])") if m.start() > at else "")
            first = r"\p{Lu}" if old[m.start()].isupper() else r"\p{Ll}"
            pieces.append(rf"(?<![\p{{L}}-])(?:{first}\p{{L}}*-(?:,? \p{{L}}+-)* og )?(?:{first}\p{{L}}*|\p{{L}}+)minister{m[1]}(?!\p{{L}})")
            at = m.end()
        tail = _pattern(old[at:], True).pattern if at < len(old) else ""
        tail = tail.removeprefix(r"(?<![\p{L}\p{N}])")
        return regex.compile("".join(pieces) + tail)
    parts: list[str] = []
    for i, ch in enumerate(old):
        if tolerant and ch.isspace():
            parts.append(r"\s*")
            continue
        if tolerant and i and not old[i - 1].isspace() and not (ch.isalnum() and old[i - 1].isalnum()):
            parts.append(r"\s*")  # spacing around punctuation: "§§ 41- 44 a" for »§§ 41-44 a«, "stk.1"
        if tolerant and ch in _DASHES:
            parts.append(f"[{regex.escape(_DASHES)}]")
        elif tolerant and ch in _QUOTES:
            parts.append(f"[{regex.escape(_QUOTES)}]")
        else:
            parts.append(regex.escape(ch))
    body = "".join(parts)
    if old[:1].isalnum():
        body = r"(?<![\p{L}\p{N}])" + body
    elif old[:1] == "§":
        body = r"(?<!§)" + body  # »§ 92« is not the end of "§§ 92" (LOV 1000/2015 § 2, nr. 14)
    if old[-1:].isalnum():
        body = body + r"(?![\p{L}\p{N}])"
    if _NUMBERED.search(old):
        body = body + f"(?!{_LETTER_LABEL})"
    return regex.compile(body)


_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")

# A quote that ends in the number of a § or a nr. ("§ 21", "nr. 2") cites that unit, not the lettered one after
# it: "§ 21" does not stand in "§ 21 a" (an inserted §, drafting-grammar 1.4), as "§ 92" does not stand in
# "§§ 92". LOV 554/2014 § 1, nr. 2 changes »§ 21« once in momslovens § 16, stk. 1 ("… § 19, stk. 1, § 21, § 21 a
# og § 21 b."); LBK 760/2016 changes that one and keeps "§ 21 a og § 21 b". The letter "i" is a label only where no
# word follows it: "§ 21 i lov om …" is the preposition.
_NUMBERED = regex.compile(r"(?:§|\bnr\.)\s*\d+$")
_LETTER_LABEL = r"[ \u00a0]+(?:[a-hj-zæøåA-HJ-ZÆØÅ]|[iI](?![ \u00a0]+\p{L}))(?![\p{L}\p{N}])"
_LETTERED = regex.compile(_LETTER_LABEL)


def exact_spans(s: str, old: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans `_pattern(old, False).finditer(s, lo, hi)` finds, by `str.find` (no pattern to compile:
    a rebuild quotes ~4,000 different texts): non-overlapping, left to right, at a word boundary where
    `old` begins or ends with a letter or digit (the boundary may look before `lo` but not past `hi`,
    as the pattern's lookarounds do), »§ 92« not inside "§§ 92", and »§ 21« not inside "§ 21 a"."""
    before, after, section = old[:1].isalnum(), old[-1:].isalnum(), old[:1] == "§"
    numbered = _NUMBERED.search(old) is not None
    spans: list[tuple[int, int]] = []
    i = s.find(old, lo, hi)
    while i >= 0:
        end = i + len(old)
        word_before = i > 0 and ((before and _WORD_CHAR.match(s, i - 1) is not None) or (section and s[i - 1] == "§"))
        if word_before or (after and end < hi and _WORD_CHAR.match(s, end) is not None) \
                or (numbered and _LETTERED.match(s, end, hi) is not None):
            i = s.find(old, i + 1, hi)
            continue
        spans.append((i, end))
        i = s.find(old, end, hi)
    return spans


def _loose_is_exact(old: str) -> bool:
    """The tolerant pattern of a text of letters and digits only is its exact pattern (no space, dash,
    quote or punctuation for it to read otherwise)."""
    return old.isalnum()


def _count_ok(found: int, count: Count) -> bool:
    return found >= 1 if count == "all" else found == count


def _describe(count: Count) -> str:
    return "at least 1" if count == "all" else str(count)


def _original_spans(doc: Document, before: Document, slot: Slot, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans whose text was already there before the order (not written by an earlier item of it)."""
    if slot.where != "node":
        return spans
    path = follow_ids(before, ids_along(doc, slot.path))
    if path is None:
        return []
    now, then = get_string(doc, slot), get_string(before, Slot("node", path, slot.attr))
    kept = [(b, b + n) for a, b, n in difflib.SequenceMatcher(None, then, now, autojunk=False).get_matching_blocks() if n]
    return [(a, b) for a, b in spans if any(lo <= a and b <= hi for lo, hi in kept)]


def _unshadowed(s: str, lo: int, hi: int, spans: list[tuple[int, int]], shadows: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans not lying inside a longer quoted text of another operation of the same item."""
    if not shadows or not spans:
        return spans
    covered = [m.span() for sh in shadows for m in _pattern(sh, True).finditer(s, lo, hi)]
    return [(a, b) for a, b in spans if not any(x <= a and b <= y for x, y in covered)]


def find_matches(doc: Document, slots: list[Slot], old: str, count: Count, *, before: Document | None = None,
                 slips: bool = False, shadows: tuple[str, ...] = ()) -> tuple[list[tuple[Slot, list[tuple[int, int]]]],
                                                                       list[Warning_]]:
    """Matches per slot with exactly the expected count, else ResolveError (TEXT_NOT_FOUND /
    OCCURRENCE_MISMATCH). Tries exact, then tolerant matching (reported as a warning). With `before`
    (the document before the order), occurrences an earlier item of the same order wrote are not
    counted when that makes the count right: every item cites the text as it was before the order.
    With `slips`, a text found nowhere is read past an obvious slip (letter case, one misspelt word);
    callers try that last, after every other reading of the target. `shadows` are the longer quoted
    texts of the same item that hold this one ("ændres »børnefamilieydelse« til: … og »lov om en
    børnefamilieydelse« til: …", LOV 624/2010 § 4, nr. 1): occurrences inside them are theirs."""
    strings = [get_string(doc, s) for s in slots]
    exact_total = 0
    modes: list[bool | str] = [False, True, "minister"] if _MINISTER.search(old) else [False, True]
    if _EU_NUMBER.search(old):
        modes.append("eu")
    for tolerant in modes:
        pat = _pattern(old, tolerant) if tolerant or not old else None
        found: list[tuple[Slot, list[tuple[int, int]]]] = []
        total = 0
        for slot, s in zip(slots, strings, strict=True):
            hi = slot.hi if slot.hi is not None else len(s)
            spans = (exact_spans(s, old, slot.lo, hi) if pat is None
                     else [m.span() for m in pat.finditer(s, slot.lo, hi)])
            spans = _unshadowed(s, slot.lo, hi, spans, shadows)
            if spans:
                found.append((slot, spans))
                total += len(spans)
        if not tolerant:
            exact_total = total
        if _count_ok(total, count):
            warnings = [("TOLERANT_MATCH", f"»{old}« read as »{_seen(strings, slots, found)}« (space, dash or "
                         "quote glyph differ)")] if tolerant else []
            if count == "all" and not tolerant and not _loose_is_exact(old):
                loose = _pattern(old, True)
                more = sum(len(list(loose.finditer(st, sl.lo, sl.hi if sl.hi is not None else len(st))))
                           for sl, st in zip(slots, strings, strict=True)) - total
                if more > 0:
                    warnings.append(("VARIANTS_NOT_CHANGED", f"»{old}« also occurs {more} time(s) with another "
                                     "space/dash/quote form; those were not changed"))
            if tolerant == "eu":
                seen = sorted({get_string(doc, sl)[a:b] for sl, spans in found for a, b in spans})
                warnings = [("TOLERATED_EU_NUMBER", f"»{old}« read as »{'«, »'.join(seen)}«: an EU act cited with "
                             "and without \"nr.\" before its number")]
            if tolerant == "minister":
                seen = sorted({get_string(doc, sl)[a:b] for sl, spans in found for a, b in spans})
                warnings = [("MINISTER_TITLE_TOLERATED", f"»{old}« matched as »{'«, »'.join(seen)}«: the base "
                             "still names the minister before a change of ressort")]
            return found, warnings
        if not tolerant and total > (1 if count == "all" else count) and before is not None and before is not doc:
            kept = [(sl, _original_spans(doc, before, sl, sp)) for sl, sp in found]
            kept = [(sl, sp) for sl, sp in kept if sp]
            if kept and _count_ok(sum(len(sp) for _, sp in kept), count):
                return kept, [("EARLIER_ITEM_TEXT_SKIPPED", f"»{old}« also occurs in text an earlier item of this "
                               "order wrote; only the occurrences from before the order were changed")]
        if not tolerant and total:
            break  # the exact text is there, only the count is wrong: do not guess further
    if exact_total:
        raise ResolveError("OCCURRENCE_MISMATCH", f"»{old}« occurs {exact_total} times, expected {_describe(count)}",
                           counts=(exact_total, count) if isinstance(count, int) else None)
    slipped = _slipped(slots, strings, old, count) if slips else None
    if slipped is not None:
        return slipped
    loose = sum(len(regex.findall(regex.escape(old), s)) for s in strings) if old else 0
    hint = f" (only inside longer words: {loose} times)" if loose else ""
    raise ResolveError("TEXT_NOT_FOUND", f"»{old}« not found{hint}")


def _seen(strings: list[str], slots: list[Slot], found: list[tuple[Slot, list[tuple[int, int]]]]) -> str:
    texts = {strings[slots.index(sl)][a:b] for sl, spans in found for a, b in spans}
    return "«, »".join(sorted(texts))


def _slipped(slots: list[Slot], strings: list[str], old: str,
             count: Count) -> tuple[list[tuple[Slot, list[tuple[int, int]]]], list[Warning_]] | None:
    """The quoted text read past an obvious slip of the amending act or the base: a difference only in
    letter case ("Kommunale" for "kommunale"), then one misspelt word (`amender.slips`). Reported with
    both spellings (TOLERATED_CASE / TOLERATED_SPELLING)."""
    bounds = [(s, sl.lo, sl.hi if sl.hi is not None else len(s)) for sl, s in zip(slots, strings, strict=True)]
    pat = regex.compile(_pattern(old, True).pattern, regex.IGNORECASE)
    spans_per = [[m.span() for m in pat.finditer(s, lo, hi)] for s, lo, hi in bounds]
    code = "TOLERATED_CASE"
    if not _count_ok(sum(map(len, spans_per)), count):
        code, maybe = "TOLERATED_SPELLING", slip_spans(bounds, old, count)
        if maybe is None:
            return None
        spans_per = maybe
    found = [(sl, sp) for sl, sp in zip(slots, spans_per, strict=True) if sp]
    kind = "letter case" if code == "TOLERATED_CASE" else "spelling"
    return found, [(code, f"»{old}« read as »{_seen(strings, slots, found)}«: the {kind} differs (an obvious "
                    "slip of the amending act or the base)")]


def outside_provisions(doc: Document, old: str) -> list[Warning_]:
    """"Overalt i …" changes the provisions and headings; occurrences in the title, title note,
    indledning and bilag are reported, not changed (drafting-grammar 3.8)."""
    pat = _pattern(old, False)
    places = [(name, get_string(doc, Slot(name))) for name in ("title", "titlenote", "preamble")]
    for i, top in enumerate(doc.children):
        if top.kind is Kind.BILAG:
            label = f"bilag {top.label}" if top.label else "bilag"
            places += [(label, sub.heading or "") for _, sub in walk_paths(top, (i,))]
            places += [(label, sub.text) for _, sub in walk_paths(top, (i,))]
    hits: dict[str, int] = {}
    for name, text in places:
        n = len(pat.findall(text or ""))
        if n:
            hits[name] = hits.get(name, 0) + n
    if not hits:
        return []
    where = ", ".join(f"{name} ({n}×)" for name, n in hits.items())
    return [("OVERALT_OUTSIDE_PROVISIONS", f"»{old}« also occurs outside the provisions and was not changed "
             f"there: {where}")]
