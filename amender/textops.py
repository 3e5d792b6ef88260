"""Stage 2 (amender): text operations (ændres … til / indsættes efter »A« / udgår) on a resolved Target.

Input: a Document, a Target and a ReplaceText/InsertText/DeleteText; output: the new Document, the
warnings, the touched § ids. Occurrences are counted exactly, at word boundaries; a tolerant pass
(no-break spaces, dash and quote variants) is only used when the exact one fails, and is reported.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from dataclasses import replace as dataclass_replace

import regex

from amender.resolve import ResolveError, Target
from amender.tree import TreePath, follow_ids, ids_along, node_at, replace_at
from parsers.edits import Count, DeleteText, InsertText, ReplaceText
from parsers.model import Document, Kind, Node, Source
from parsers.sentences import split_sentences

_PUNCT_START = tuple(",.;:)!?]")
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_QUOTES = "\"'»«“”„‘’"
_NO_PROVISION = (Kind.BILAG, Kind.NOTE, Kind.UNDERSKRIFT)

Warning_ = tuple[str, str]  # (code, message)

def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each punktum of `text` (as split_sentences counts them)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, pos)
        if start < 0:
            start = pos
        spans.append((start, start + len(sentence)))
        pos = start + len(sentence)
    return spans


@dataclass(frozen=True, slots=True)
class Slot:
    """A string the operation may search: node text/heading, title, preamble or title note, limited
    to [lo, hi) (a punktum)."""

    where: str  # "node" | "title" | "preamble" | "titlenote"
    path: TreePath = ()
    attr: str = "text"
    lo: int = 0
    hi: int | None = None


def clean_quote(text: str) -> str:
    """Quoted instruction text as node text is stored: NBSP → space, no soft hyphen, single spaces."""
    return regex.sub(r"\s+", " ", text.replace("\u00ad", "").replace("\u00a0", " ")).strip()


def _walk(node: Node, path: TreePath) -> Iterator[tuple[TreePath, Node]]:
    yield path, node
    for i, child in enumerate(node.children):
        yield from _walk(child, (*path, i))


def slots_for(doc: Document, target: Target) -> list[Slot]:
    match target.kind:
        case "title" | "preamble" | "titlenote":
            return [Slot(target.kind)]
        case "kapitel_heading":
            return [Slot("node", target.path, "heading")]
        case "heading":
            return [Slot("node", p) for p in target.headings]
        case "pkt":
            node = node_at(doc, target.path)
            spans = sentence_spans(node.text)
            assert target.pkt is not None
            if not 1 <= target.pkt <= len(spans):
                raise ResolveError("TARGET_NOT_FOUND", f"{target.pkt}. pkt. does not exist ({len(spans)} pkt.)")
            lo, hi = spans[target.pkt - 1]
            return [Slot("node", target.path, "text", lo, hi)]
        case "document":
            out: list[Slot] = []
            for i, top in enumerate(doc.children):
                if top.kind in _NO_PROVISION:
                    continue
                for path, node in _walk(top, (i,)):
                    if node.heading and node.kind in (Kind.KAPITEL, Kind.AFSNIT):
                        out.append(Slot("node", path, "heading"))
                    if node.text:
                        out.append(Slot("node", path))
            return out
    node = node_at(doc, target.path)
    out = []
    for path, sub in _walk(node, target.path):
        if sub.kind is Kind.BILAG and sub.heading:
            out.append(Slot("node", path, "heading"))
        if sub.text and sub.kind is not Kind.NOTE:
            out.append(Slot("node", path))
    return out


def get_string(doc: Document, slot: Slot) -> str:
    if slot.where == "title":
        return doc.meta.title or ""
    if slot.where == "preamble":
        return doc.preamble or ""
    if slot.where == "titlenote":
        return doc.title_note or ""
    value = getattr(node_at(doc, slot.path), slot.attr)
    return value or ""


def set_string(doc: Document, slot: Slot, value: str, source: Source | None) -> Document:
    if slot.where == "title":
        return doc.with_(meta=dataclass_replace(doc.meta, title=value))
    if slot.where == "preamble":
        return doc.with_(preamble=value)
    if slot.where == "titlenote":
        return doc.with_(title_note=value)
    node = node_at(doc, slot.path)
    prov = (*node.changed_by, source) if source else node.changed_by
    return replace_at(doc, slot.path, [node.with_(**{slot.attr: value}, changed_by=prov)])



# A minister's title ("social- og indenrigsministeren", "Klima-, energi- og bygningsministerens"). After
# a change of ressort the order cites the new title while the base still prints the old one; the LBK
# applies the item all the same (LOV 1741/2015 § 10 on retsplejeloven).
_MINISTER = regex.compile(r"(?<![\p{L}-])(?:\p{L}+-(?:,? \p{L}+-)* og )?\p{L}+minister(en|ens|iet|iets)(?![\p{L}])")


def _pattern(old: str, tolerant: bool | str) -> regex.Pattern[str]:
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
    for ch in old:
        if tolerant and ch.isspace():
            parts.append(r"\s*")
        elif tolerant and ch in _DASHES:
            parts.append(f"[{regex.escape(_DASHES)}]")
        elif tolerant and ch in _QUOTES:
            parts.append(f"[{regex.escape(_QUOTES)}]")
        else:
            parts.append(regex.escape(ch))
    body = "".join(parts)
    if old[:1].isalnum():
        body = r"(?<![\p{L}\p{N}])" + body
    if old[-1:].isalnum():
        body = body + r"(?![\p{L}\p{N}])"
    return regex.compile(body)


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


def find_matches(doc: Document, slots: list[Slot], old: str, count: Count, *,
                 before: Document | None = None) -> tuple[list[tuple[Slot, list[tuple[int, int]]]], list[Warning_]]:
    """Matches per slot with exactly the expected count, else ResolveError (TEXT_NOT_FOUND /
    OCCURRENCE_MISMATCH). Tries exact, then tolerant matching (reported as a warning). With `before`
    (the document before the order), occurrences an earlier item of the same order wrote are not
    counted when that makes the count right: every item cites the text as it was before the order."""
    strings = [get_string(doc, s) for s in slots]
    exact_total = 0
    modes: list[bool | str] = [False, True, "minister"] if _MINISTER.search(old) else [False, True]
    for tolerant in modes:
        pat = _pattern(old, tolerant)
        found: list[tuple[Slot, list[tuple[int, int]]]] = []
        total = 0
        for slot, s in zip(slots, strings, strict=True):
            spans = [m.span() for m in pat.finditer(s, slot.lo, slot.hi if slot.hi is not None else len(s))]
            if spans:
                found.append((slot, spans))
                total += len(spans)
        if not tolerant:
            exact_total = total
        if _count_ok(total, count):
            warnings = [("TOLERANT_MATCH", f"»{old}« matched only with space/dash/quote tolerance")] if tolerant else []
            if count == "all" and not tolerant:
                loose = _pattern(old, True)
                more = sum(len(list(loose.finditer(st, sl.lo, sl.hi if sl.hi is not None else len(st))))
                           for sl, st in zip(slots, strings, strict=True)) - total
                if more > 0:
                    warnings.append(("VARIANTS_NOT_CHANGED", f"»{old}« also occurs {more} time(s) with another "
                                     "space/dash/quote form; those were not changed"))
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
        raise ResolveError("OCCURRENCE_MISMATCH", f"»{old}« occurs {exact_total} times, expected {_describe(count)}")
    loose = sum(len(regex.findall(regex.escape(old), s)) for s in strings) if old else 0
    hint = f" (only inside longer words: {loose} times)" if loose else ""
    raise ResolveError("TEXT_NOT_FOUND", f"»{old}« not found{hint}")


def _join_delete(left: str, right: str) -> str:
    left, right = left.rstrip(" "), right.lstrip(" ")
    if not left or not right:
        return left + right
    if right.startswith(_PUNCT_START) or left.endswith(("(", "[")):
        return left + right
    return left + " " + right


def _edit(doc: Document, matches: list[tuple[Slot, list[tuple[int, int]]]],
          splice: Callable[[str, int, int], str], source: Source | None) -> Document:
    for slot, spans in matches:
        s = get_string(doc, slot)
        for a, b in reversed(spans):
            s = splice(s, a, b)
        doc = set_string(doc, slot, s, source)
    return doc


def _outside_provisions(doc: Document, old: str) -> list[Warning_]:
    """"Overalt i …" changes the provisions and headings; occurrences in the title, title note,
    indledning and bilag are reported, not changed (drafting-grammar 3.8)."""
    pat = _pattern(old, False)
    places = [(name, get_string(doc, Slot(name))) for name in ("title", "titlenote", "preamble")]
    for i, top in enumerate(doc.children):
        if top.kind is Kind.BILAG:
            label = f"bilag {top.label}" if top.label else "bilag"
            places += [(label, sub.heading or "") for _, sub in _walk(top, (i,))]
            places += [(label, sub.text) for _, sub in _walk(top, (i,))]
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


def apply_text(doc: Document, target: Target, op: ReplaceText | InsertText | DeleteText,
               source: Source | None, *, before: Document | None = None) -> tuple[Document, list[Warning_]]:
    slots = slots_for(doc, target)
    if not slots:
        raise ResolveError("TEXT_NOT_FOUND", "the target has no text")
    anchor = clean_quote(op.anchor if isinstance(op, InsertText) else op.old)
    if not anchor:
        raise ResolveError("TEXT_NOT_FOUND", "empty quoted text")
    try:
        matches, warnings = find_matches(doc, slots, anchor, op.count, before=before)
    except ResolveError as err:
        # "Overalt i loven ændres »A« til »B«, og »As« til »Bs«": a form that occurs nowhere changes
        # nothing; reported, not refused (the item's other forms still apply)
        if target.kind != "document" or op.count != "all" or err.code != "TEXT_NOT_FOUND":
            raise
        return doc, [("OVERALT_NOT_FOUND", f"»{anchor}« occurs nowhere in the provisions; nothing changed"),
                     *_outside_provisions(doc, anchor)]
    if target.kind == "document":
        warnings = [*warnings, *_outside_provisions(doc, anchor)]
    if isinstance(op, ReplaceText) and clean_quote(op.new):
        new = clean_quote(op.new)

        def swap(s: str, a: int, b: int) -> str:
            # »…, jf. § 7« til: »efter denne lov«: a word never glues to the word before or after it
            left = " " if a and s[a - 1].isalnum() and new[:1].isalnum() else ""
            right = " " if b < len(s) and s[b].isalnum() and new[-1:].isalnum() else ""
            return s[:a] + left + new + right + s[b:]

        return _edit(doc, matches, swap, source), warnings
    if isinstance(op, InsertText):
        new = clean_quote(op.new)
        if op.position == "before":
            sep = "" if anchor.startswith(_PUNCT_START) else " "
            return _edit(doc, matches, lambda s, a, b: s[:a] + new + sep + s[a:], source), warnings

        def after(s: str, a: int, b: int) -> str:
            left = s[:b]
            if new.startswith(_PUNCT_START) or left.endswith(" "):
                return left + new + s[b:]
            return left + " " + new + s[b:]

        return _edit(doc, matches, after, source), warnings
    return _edit(doc, matches, lambda s, a, b: _join_delete(s[:a], s[b:]), source), warnings
