"""Stage 2 (review, eval), for the "act-mended" category (review.mended): where else the LBK's words may
come from. Input: a stretch of the LBK's text and of ours (patterns, or casefolded tokens), the case's
operations and acts (review.acts.ActCase), the § (key); output: whether an act of the case quotes the
LBK's words (other than inside ours, or as a text an instruction writes elsewhere: in another law, or in
another § where the LBK prints it), which other operation writes them, or whether an act substitutes
them for ours (»…ours…« til: »…the LBK's…«)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from lovkons.review.acts import ActCase, CaseOp
from lovkons.review.untouched import norm


def occurs(needle: Sequence[str], hay: Sequence[str]) -> Iterator[int]:
    n = len(needle)
    for i in range(len(hay) - n + 1) if n else ():
        if hay[i] == needle[0] and list(hay[i:i + n]) == list(needle):
            yield i


def spans(pattern: regex.Pattern[str], source: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(source, overlapped=True)]


def outside(found: list[tuple[int, int]], outer: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans not inside any of `outer`."""
    return [(x, y) for x, y in found if not any(p <= x and y <= q for p, q in outer)]


def lbk_elsewhere(lbk: regex.Pattern[str], ours: regex.Pattern[str], case: ActCase, key: str) -> bool:
    """The LBK's stretch occurs in what some act of the case quotes (ActCase.quoted: an act makes a
    consolidation print words only by quoting them; its title, citations and prose do not), other than
    inside an occurrence of ours (where the LBK's is a part of ours: its deletion of our words) or inside
    a text an instruction writes elsewhere (_written_there)."""
    for k in range(len(case.sources)):
        if text := case.quoted(k):
            lines = text.split("\n")
            for x, y in outside(spans(lbk, text), spans(ours, text)):
                start = text.rfind("\n", 0, x) + 1
                if not _written_there(lines[text.count("\n", 0, x)], (x - start, y - start), lines, k, key, case):
                    return True
    return False


def _written_there(line: str, span: tuple[int, int], lines: list[str], k: int, key: str, case: ActCase) -> bool:
    """The span of the quotation lies inside a text that instructions of act k write elsewhere, one for each
    time the act quotes it: in a change block amending another law (LOV 624/2010 § 5, nr. 1 writes
    »børne- og ungeydelsen« into the folkeskolelov, § 4, nr. 1 »børne- og ungeydelse« into the servicelov's
    § 57 a, where LBK 81/2011 prints "børne- og ungeydelsen"), or in other §§ of the base where the LBK prints
    it (LOV 627/2016 § 1, nr. 32's »… jf. § 55 i lov om arbejdsskadesikring,« in § 62, stk. 1; nr. 13 writes
    »… i lov arbejdsskadesikring,« in § 32, stk. 3, the LBK adds "om" there)."""
    there: set[str] = set()
    for op, other_law in [(op, True) for op in case.foreign] + [(op, False) for op in case.ops]:
        for text, _ in op.written if op.act == k else ():
            if text and (other_law or _printed_there(op, text, key, case)) and any(
                    x <= span[0] and span[1] <= x + len(text) for x in _finds(text, line)):
                there.add(op.source)
    return len(there) >= lines.count(line)


def _finds(needle: str, hay: str) -> Iterator[int]:
    at = hay.find(needle)
    while at >= 0:
        yield at
        at = hay.find(needle, at + 1)


def _printed_there(op: CaseOp, text: str, key: str, case: ActCase) -> bool:
    """The operation writes the text in other §§ than this one (not "overalt"), and the LBK prints it in each."""
    keys = [k for k in op.keys if k is not None]
    return (not op.here(key) and len(keys) == len(op.keys) > 0 and any(w == text for w, _ in op.written)
            and all(norm(text) in norm(case.printed(k) or "") for k in keys))


def written_elsewhere(lbk: tuple[str, ...], ours: tuple[str, ...], case: ActCase, n: int, key: str) -> str:
    """Another operation whose written text holds the LBK's stretch (casefolded tokens), other than inside
    an occurrence of ours, or than one the LBK prints where it puts it (_printed_there): its source, or ""."""
    for m, other in enumerate(case.ops):
        for (text, _), w in zip(other.written, other.words, strict=True) if m != n else ():
            mine = [(p, p + len(ours)) for p in occurs(ours, w)]
            if outside([(p, p + len(lbk)) for p in occurs(lbk, w)], mine) and \
                    not _printed_there(other, text, key, case):
                return other.source
    return ""


_QUOTE = regex.compile(r"»([^»«]*)«\s*til:?\s*»([^»«]*)«")


def in_quotation(lbk: regex.Pattern[str], case: ActCase, ours: str) -> bool:
    """Some act of the case substitutes the LBK's words for ours: »…ours…« til: »…the LBK's…«."""
    for k in range(len(case.sources)):
        text = case.text(k)
        if text:
            for q in _QUOTE.finditer(text):
                if ours in q[1] and lbk.search(q[2]):
                    return True
    return False
