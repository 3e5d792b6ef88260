"""Stage 2 (review, eval): the "act-mended" category — inside text an instruction wrote, the LBK prints
something other than the amending act's own words, while ours is the act's text verbatim (checked against
the act's source file read raw, independently of our parse).

Input: our and the LBK's § (nodes), its differing units (review.units), the operations of the
case and the raw text of each amending act (review.acts); output: Mended — per difference what the
act says and what the LBK prints (a lawyer can check it), or why the § stays "unexplained".

Real example: LOV 511/2012 § 1, nr. 1 inserts § 12, stk. 3 of the folkeskolelov ending »… træffes af
bopælskommunen.«; LBK 521/2013 prints "… træffes af bopælskommunen" (no full stop). Ours is the act's.

A difference (a run of differing tokens, neighbouring runs joined unless a word stands between them) is
the act's, mended by the LBK, when all of these hold; the first that fails is the reason it is not:
- "written": an operation on the § (the new text of a ReplaceText/InsertText, a payload's text) wrote it:
  that text occurs in our unit (but for the names of offices in it, renamed in ours as in the LBK: LOV
  1497/2014 § 1, nr. 29's »Klima-, energi- og bygningsministeren«) around the run wherever the run can
  equally stand (an LBK insertion strictly inside it; "og og" → "og" may drop the base's "og", LOV
  629/2010 § 1, nr. 3: not written), or
  the run is an LBK insertion at its join that lies inside what the act quotes: between an insertion's
  anchor and its new text, or the edge of a replacement's old text the new one left out (_kept: LOV
  268/2014 § 7, nr. 27, »63 a, stk. 1,« after »§ 63, stk. 1 og 2,«, LBK 1051/2015 § 190 prints "§ 63 a";
  LOV 718/2010 § 11, nr. 1, », eller forhandling …« til: »eller rekonstruktionsbehandling …«, LBK
  1062/2011 § 283 keeps the comma; not a comma after words that end on a citation left open: it closes
  the citation, a convention the amender keeps, textops._closing_comma); the source must show that
  »anchor« (»old«);
- "at the edge": whole words of that written text stand on each side, grown (up to 8 a side) until our
  stretch is unique in the act's source and the LBK's is in no act (a stretch still not unique when the
  written text has no more words is the act's words all the same: it stands verbatim in the act); at an edge of the written text the
  run must be ours (not an LBK insertion at the join, but as above), and the text must end the unit, or end in a word,
  or be a quotation whose »/« the source shows next to the mark (LOV 628/2010 § 1, nr. 12: »,
  medmindre …«, the LBK prints "der medmindre");
- "names an office": the differing words, or the words around them (3 a side) where a name's part differs
  ("Økonomi- og Indenrigsministeriet" → "Social- og Indenrigsministeriet"), name no ministry or authority
  (a rename is the ressort layer's);
- "not in the act": our stretch occurs verbatim in the writing act's source (review.acts.act_source, read
  raw): not where our reading differs from the act (»75.000 m³« read as "m 3");
- "the LBK's words are in an act / written by / quoted by an act" (review.elsewhere): the LBK's stretch
  occurs in no act's quotation (»…« or a payload's element: review.acts.act_quotations; a title or citation
  makes no LBK print words: LOV 627/2016 writes »… i lov arbejdsskadesikring«, its title says "lov om
  arbejdsskadesikring") and in no other operation's text (except inside an occurrence of ours: an LBK
  deletion of our words; or inside a text an instruction writes elsewhere, one instruction for each time
  the act quotes it: in a block amending another law, or in other §§ of the base where the LBK prints it:
  LOV 627/2016 § 1, nr. 32 writes "… i lov om arbejdsskadesikring," in § 62, stk. 1, and LBK 75/2017 prints
  it there); and no act of the case, at any context size, substitutes it for ours (»…ours…« til: »…LBK's…«:
  an instruction we may have dropped or put under another §);
- "another operation": no other operation of the base's change blocks (any act) addresses the unit in
  place (its target, group or span is the unit, contains it or lies inside it; a renumbering or an
  insertion beside it does not) or quotes words overlapping the run (»…« of an old text or anchor). A text
  operation (»A« til: »B«, efter »A« indsættes: »B«, »A« udgår) changes only the words it quotes, not its
  unit: it counts by those (and by its new words, the guard above), LOV 496/2013 § 1, nr. 18 (»stk. 3« in
  § 71, stk. 5, numbered before the act) leaves the full stop of the new stk. 5 of nr. 17 alone. An
  operation that names punktummer only (CaseOp.pkts) changes their words only: it counts by its new words
  touching the run (LOV 627/2016 § 1, nr. 24 replaces § 52, stk. 6, 5. and 6. pkt.; nr. 14's 4. pkt. is apart).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from lovkons.amender.textops import _open_citation as open_citation
from lovkons.model.document import Node
from lovkons.review.acts import ActCase, CaseOp, tokens_at
from lovkons.review.elsewhere import in_quotation, lbk_elsewhere, occurs, spans, written_elsewhere
from lovkons.review.renames import masked
from lovkons.review.units import Unit, UnitDiff, path_to, unit_label, unit_text
from lovkons.review.untouched import norm

ACT_MENDED = "act-mended"
_WORD = regex.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Mend:
    """One difference: the act's words (ours, verbatim in the act's source) and the LBK's there."""

    unit: str  # "stk. 3" ("§": the § itself)
    source: str  # the writing instruction, "LOV 511/2012 § 1, nr. 1"
    act_says: str
    lbk_prints: str


@dataclass(frozen=True, slots=True)
class Mended:
    """The verdict on one wrong §: `mends` when every difference is act-mended, else `reason` (why not)."""

    mends: tuple[Mend, ...] = ()
    reason: str = ""


def _covers(a: Unit, b: Unit) -> bool:
    """One unit contains the other (a prefix of its steps)."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _runs(ours: list[str], lbk: list[str]) -> list[tuple[int, int, int, int]]:
    """Differing runs (i1, i2, j1, j2); runs with no word between them are joined."""
    out: list[list[int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ours, lbk, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if out and not any(_WORD.match(t) for t in ours[out[-1][1]:i1]):
            out[-1][1], out[-1][3] = i2, j2
        else:
            out.append([i1, i2, j1, j2])
    return [(a, b, c, d) for a, b, c, d in out]


_MAX_WORDS = 8  # context words on a side, at most


@dataclass(frozen=True, slots=True)
class _Stretch:
    """Token bounds [a, b) of our text around a run, and what the act's source must show at an edge of
    the written text where no word of it stands: "»"/"«" (the quotation's edge), "" (the unit's edge)."""

    a: int
    b: int
    left: str | None = None  # None: a word of the written text stands there
    right: str | None = None


def _back(toks: list[regex.Match[str]], k: int, lo: int, n: int) -> tuple[int, int]:
    """Up to n whole words of [lo, k) before k: (the first token taken, words taken)."""
    taken, at = 0, k
    while taken < n and k > lo:
        k -= 1
        if _WORD.match(toks[k][0]):
            taken, at = taken + 1, k
    return at, taken


def _ahead(toks: list[regex.Match[str]], k: int, hi: int, n: int) -> tuple[int, int]:
    """Up to n whole words of [k, hi) after k: (the end of the last token taken, words taken)."""
    taken, at = 0, k
    while taken < n and k < hi:
        if _WORD.match(toks[k][0]):
            taken, at = taken + 1, k + 1
        k += 1
    return at, taken


def _context(toks: list[regex.Match[str]], run: tuple[int, int], bounds: tuple[int, int], words: int,
             quoted: bool, kept: bool = False) -> _Stretch | None:
    """Up to `words` whole words of the written text [lo, hi) on each side of the run [i1, i2) (a side the
    text ends on takes fewer). A side with none: the run is at the written text's edge, allowed when ours
    has tokens there (the act's, not an LBK insertion at the join, unless `kept`: _kept) and the text begins (ends) the unit or
    with a word, or is a quotation whose »/« the act's source must show next to a punctuation mark; the
    other side then holds twice the words. Else None."""
    (i1, i2), (lo, hi) = run, bounds
    (a, left), (b, right) = _back(toks, i1, lo, words), _ahead(toks, i2, hi, words)
    if left and right:
        return _Stretch(a, b)
    if (i1 == i2 and not kept) or not (left or right):
        return None
    if not left:
        edge = "" if lo == 0 or _WORD.match(toks[lo][0]) else "»" if quoted else None
        b, right = _ahead(toks, i2, hi, 2 * words)
        return _Stretch(lo, b, left=edge) if edge is not None and right > 1 else None
    edge = "" if hi == len(toks) or _WORD.match(toks[hi - 1][0]) else "«" if quoted else None
    a, left = _back(toks, i1, lo, 2 * words)
    return _Stretch(a, hi, right=edge) if edge is not None and left > 1 else None


def _pattern(text: str, left: str | None = None, right: str | None = None) -> regex.Pattern[str]:
    """The stretch in a source: whole words at its ends, or right after »/before « at a quotation's edge."""
    before = regex.escape(left) + r"\s?" if left else r"(?<!\w)"
    after = r"\s?" + regex.escape(right) if right else r"(?!\w)"
    return regex.compile(before + regex.escape(text) + after)


@dataclass(frozen=True, slots=True)
class _Unit:
    """One differing unit's texts and tokens (ours and the LBK's)."""

    key: str
    unit: Unit
    ours: str
    lbk: str
    to: list[regex.Match[str]]
    tl: list[regex.Match[str]]

    def stretch(self, a: int, b: int, *, lbk: bool = False) -> str:
        toks, text = (self.tl, self.lbk) if lbk else (self.to, self.ours)
        return text[toks[a].start():toks[b - 1].end()] if a < b else ""


def _placements(u: _Unit, run: tuple[int, int, int, int]) -> tuple[int, int]:
    """The leftmost start and rightmost end in our text of a pure deletion or insertion, over the places
    it can equally stand: "stk. 3 og og om" → "stk. 3 og om" drops either "og" (LOV 629/2010 § 1, nr. 3
    wrote the first, the base the second)."""
    i1, i2, j1, j2 = run
    if i1 < i2 and j1 < j2:
        return i1, i2
    seq, a, b = ([t[0] for t in u.to], i1, i2) if i1 < i2 else ([t[0] for t in u.tl], j1, j2)
    left, right = a, b
    while left > 0 and seq[left - 1] == seq[b - 1 - (a - left)]:
        left -= 1
    while right < len(seq) and seq[right] == seq[a + (right - b)]:
        right += 1
    return i1 - (a - left), i2 + (right - b)


_Writer = tuple[int, tuple[int, int, bool, bool], tuple[int, int, int, int]]


def _writers(u: _Unit, case: ActCase, run: tuple[int, int, int, int]) -> Iterator[_Writer]:
    """(op index, (start, end, quoted, kept), run) of each occurrence in our unit of a text an operation on the
    § wrote that holds the run wherever it can stand (an LBK insertion strictly inside it), or that an LBK
    insertion at its join restores the replaced words' edge of (_kept: the run moved to the join)."""
    words = [t[0] for t in u.to]
    i1, i2, j1, j2 = run
    lo, hi = _placements(u, run)
    for n, op in enumerate(case.ops):
        if not op.here(u.key):
            continue
        for text, quoted in op.written:
            for s, e in _occurrences(text, words, u):
                if s <= lo and hi <= e and (i1 < i2 or s < lo <= hi < e):
                    yield n, (s, e, quoted, False), run
                elif i1 == i2 and quoted and (at := _kept(u, run, op, (s, e), (lo, hi))) is not None:
                    yield n, (s, e, quoted, True), (at, at, j1 + at - i1, j2 + at - i1)


def _occurrences(text: str, words: list[str], u: _Unit) -> Iterator[tuple[int, int]]:
    """Token bounds of the written text in our unit; where it is not there verbatim, where it is but for the
    names of offices in it, each another name (the ressort layer renamed the office in ours, as the LBK
    did): LOV 1497/2014 § 1, nr. 29 writes § 29, stk. 1 of the CO2-kvotelov as »Klima-, energi- og
    bygningsministeren fører tilsyn …«, LBK 1605/2016 prints "Energi-, forsynings- og klimaministeren"."""
    tw = [t[0] for t in tokens_at(text)]
    found = [(s, s + len(tw)) for s in occurs(tw, words)]
    yield from found
    parts = _name_parts(text)
    if found or len(parts) < 2:
        return
    pattern = regex.compile("(.+?)".join(regex.escape(p) for p in parts))
    for m in pattern.finditer(u.ours, overlapped=True):
        if all(masked(m[g]) == "\x00" for g in range(1, len(parts))):
            inside = [k for k, t in enumerate(u.to) if m.start() <= t.start() and t.end() <= m.end()]
            if inside and (u.to[inside[0]].start(), u.to[inside[-1]].end()) == m.span():
                yield inside[0], inside[-1] + 1


@functools.lru_cache(maxsize=4096)
def _name_parts(text: str) -> tuple[str, ...]:
    """The text split at the names of offices in it (one part more than names)."""
    return tuple(masked(text).split("\x00"))


def _kept(u: _Unit, run: tuple[int, int, int, int], op: CaseOp, written: tuple[int, int],
          placed: tuple[int, int]) -> int | None:
    """The join of the written text [s, e) where the LBK's insertion can stand, when it lies inside what the
    act quotes: between an insertion's anchor and its new text (efter »A« indsættes: »B«: LOV 268/2014 § 7,
    nr. 27 inserts »63 a, stk. 1,« after »§ 63, stk. 1 og 2,« in § 190, stk. 1; LBK 1051/2015 prints
    "… og 2, § 63 a, stk. 1,"), or at a replacement's edge the LBK's words begin (end) the old text with
    (»A« til: »B«: the LBK kept words of A the act's B left out: LOV 718/2010 § 11, nr. 1 changes »,
    eller forhandling om tvangsakkord …« to »eller rekonstruktionsbehandling er indledt«; LBK 1062/2011
    § 283 keeps the comma)."""
    ins, was = [t[0] for t in u.tl[run[2]:run[3]]], [t[0] for t in tokens_at(op.old)]
    anchor, words = [t[0] for t in tokens_at(op.anchor)], [t[0] for t in u.to]
    (s, e), (lo, hi) = written, placed
    join: int | None = None
    if not ins:
        return None
    if anchor:
        at = words[e:e + len(anchor)] if op.before else words[s - len(anchor):s]
        join = (e if op.before else s) if at == anchor else None
    elif len(ins) < len(was):
        join = s if was[:len(ins)] == ins and lo <= s <= hi else e if was[-len(ins):] == ins else None
    if join is None or not lo <= join <= hi:
        return None
    # a comma after words that end on a citation left open closes it: a drafting convention the amender
    # keeps (textops._closing_comma), so the LBK's comma there is no slip of the act mended
    return None if ins == [","] and join and open_citation(u.ours[:u.to[join - 1].end()]) else join


def _judge(u: _Unit, case: ActCase, n: int, where: tuple[int, int, bool, bool],
           run: tuple[int, int, int, int]) -> Mend | str:
    """One run against the act of operation n that wrote our text at [s, e): a Mend, or why not."""
    i1, i2, j1, j2 = run
    s, e, quoted, kept = where
    op = case.ops[n]
    act = op.source.split(" §")[0]
    src = case.text(op.act)
    if src is None:
        return f"not in the act: the source of {act} cannot be read raw"
    quote = op.anchor or op.old
    if kept and not regex.search("»" + r"\s*".join(regex.escape(t[0]) for t in tokens_at(quote)) + "«", src):
        return f"not in the act: {act} does not quote »{quote}«"
    ours_diff = u.stretch(i1, i2)
    lbk_diff = u.stretch(j1, j2, lbk=True)
    wide_o, wide_l = u.stretch(max(i1 - 3, 0), min(i2 + 3, len(u.to))), u.stretch(max(j1 - 3, 0), min(j2 + 3, len(u.tl)), lbk=True)
    if "\x00" in masked(ours_diff) + masked(lbk_diff) or (masked(wide_o) == masked(wide_l) != wide_o):
        return f"names an office ({ours_diff!r} / {lbk_diff!r}): a rename, the ressort layer's to tell"
    to, tl = [t[0] for t in u.to], [t[0] for t in u.tl]
    found: tuple[_Stretch, str, str, list[tuple[int, int]], str] | None = None
    sticky = False
    for words in range(1, _MAX_WORDS + 1):
        ctx = _context(u.to, (i1, i2), (s, e), words, quoted, kept)
        if ctx is None:
            break
        la, lb = j1 - (i1 - ctx.a), j2 + (ctx.b - i2)
        if la < 0 or to[ctx.a:i1] != tl[la:j1] or to[i2:ctx.b] != tl[j2:lb]:
            break  # the context reaches another difference
        if found is not None and (ctx.a, ctx.b) == (found[0].a, found[0].b):
            break  # the written text has no more words
        ours, lbk = u.stretch(ctx.a, ctx.b), u.stretch(la, lb, lbk=True)
        mine = spans(_pattern(ours, ctx.left, ctx.right), src)
        writes = written_elsewhere(tuple(t.casefold() for t in tl[la:lb]),
                                    tuple(t.casefold() for t in to[ctx.a:ctx.b]), case, n, u.key)
        elsewhere = "in an act" if lbk and lbk_elsewhere(_pattern(lbk, ctx.left, ctx.right),
                                                          _pattern(ours, ctx.left, ctx.right), case, u.key) \
            else f"written by {writes}" if writes else ""
        if lbk and in_quotation(_pattern(lbk, ctx.left, ctx.right), case, ours):
            sticky = True
        if sticky:
            elsewhere = elsewhere or "quoted by an act"
        found = (ctx, ours, lbk, mine, elsewhere)
        if len(mine) <= 1 and not elsewhere:
            break
    if found is None:
        return "at the edge of the text the instruction wrote (no word of it on one side)"
    ctx, ours, lbk, mine, elsewhere = found
    if not mine:
        return f"not in the act: {_shown(ours, ctx)!r} is not in {act}"
    if elsewhere:
        return f"the LBK's words are {elsewhere}: {_shown(lbk, ctx)!r}"
    fo = [t.casefold() for t in to]
    for m, other in enumerate(case.ops):
        if m == n:
            continue
        if not (other.text_only or other.pkts) and any(k == u.key and _covers(unit, u.unit) for k, unit in other.units):
            return f"another operation addresses {unit_label(u.unit)}: {other.source}"
        if other.here(u.key) and any(p <= i2 and p + len(q) >= i1 for q in other.quoted for p in occurs(q, fo)):
            return f"another operation quotes the words there: {other.source}"
        if other.pkts and other.here(u.key) and any(p <= i2 and p + len(w) >= i1 for w in other.words for p in occurs(w, fo)):
            return f"another operation writes the words there: {other.source}"
    return Mend(unit_label(u.unit), op.source, _shown(ours, ctx), _shown(lbk, ctx))


def _shown(text: str, ctx: _Stretch) -> str:
    return f"{ctx.left or ''}{text}{ctx.right or ''}"


def mended(key: str, ours: Node, lbk: Node, units: Iterable[UnitDiff], case: ActCase) -> Mended:
    """Every difference of the § in an addressed unit is the act's text, mended by the LBK (module doc);
    units no instruction addressed, or where only words the base had differ (UnitDiff.lbk_edit), are
    left to the categories that read them."""
    mends: list[Mend] = []
    for diff in units:
        if not diff.aligned:
            return Mended(reason=f"{diff.label}: not aligned")
        if not diff.addressed or diff.lbk_edit:
            continue
        mine, theirs = path_to(ours, diff.unit), path_to(lbk, diff.unit)
        if mine is None or theirs is None:
            return Mended(reason=f"{diff.label}: not aligned")
        to, tl = norm(unit_text(mine[-1] if mine else ours)), norm(unit_text(theirs[-1] if theirs else lbk))
        u = _Unit(key, diff.unit, to, tl, tokens_at(to), tokens_at(tl))
        for run in _runs([t[0] for t in u.to], [t[0] for t in u.tl]):
            verdicts = [(n, _judge(u, case, n, where, at)) for n, where, at in _writers(u, case, run)]
            found = [(n, v) for n, v in verdicts if isinstance(v, Mend)]
            if not found:
                why = verdicts[-1][1] if verdicts else "not written: no instruction on the § wrote our text there"
                return Mended(reason=f"{diff.label}: {why}")
            # the instruction that addresses the unit, where the same text is written in several (LOV 627/2016
            # § 1, nr. 13 and 14 in § 33 of LBK 75/2017: stk. 1 is nr. 14's)
            own = [v for n, v in found if any(k == key and _covers(unit, u.unit) for k, unit in case.ops[n].units)]
            mends.append((own or [v for _, v in found])[0])
    return Mended(tuple(mends)) if mends else Mended(reason="no difference in an addressed unit")
