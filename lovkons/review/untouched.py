"""Stage 2 (review, eval): the LBK's own edit of words no instruction touched, inside a unit an instruction
addressed — a three-way comparison of one unit's text: base → ours (what the instructions did) and ours →
LBK (what is still wrong).

Input: the base's, our and the LBK's text of one unit (stk., nr., litra or the § itself) and the operations
of the case (all the orders bring: applied, refused or pending); output: whether every difference between
ours and the LBK lies at token spans (words and single punctuation marks) where our text is still the
base's — no operation wrote or deleted anything there or next to it (one token either side) — and no
operation of the case could be the instruction we failed to apply there. Then the difference is the LBK's
own edit of text no instruction touched (a comma or full stop it adds, a slip of the base it mends, words
of an act outside the case), not ours: review.evaluate counts the § "uninstructed" at word grain
(CaseScore.uninstructed_words). A difference inside words an instruction wrote stays "unexplained", even
when we wrote exactly the act's words: the eval cannot tell the act's slip from our reading of it.

Real example: LBK 97/2017 § 17, stk. 2 (tests/data/untouched/units.json): LOV 1749/2016 § 1, nr. 1 and 2
replaced amounts and years in the stk., which we wrote as the act did; the LBK also mends the base's
"end 2. pct." to "end 2 pct." in a punktum no instruction wrote.

Guards (each keeps the unit "unexplained", our possible bug), in `kept`:
- "written": tokens inside an occurrence of a text an operation on the § (its target, group, span or a §
  its payload brings) or on the whole act ("overalt") writes count as written even where they equal the
  base's (a payload that repeats the base's words);
- "quoted": an operation on the § quotes an old text or anchor (»…«) whose occurrence in our text overlaps
  or touches the span; or one on another § does, and it writes the LBK's words or quotes all of ours the
  LBK drops (LOV 624/2016 § 2, nr. 8 changes »selvvalgt« in § 118 a; the LBK has it in § 118 as well);
- "punctuation": a change of punctuation only, while an operation on the § writes only punctuation or
  changes nothing but punctuation ("»,« indsættes efter …"): it may be that one;
- "new words": the LBK's words are part of what an operation on the § writes, or the LBK prints there the
  whole of a text any operation of the case writes and we do not (LOV 1361/2010 § 10, nr. 1 rewrites
  "§ 3 a, stk. 4, 2. pkt., og § 3 b, stk. 3, 2. pkt."; LBK 124/2011 prints it in § 3 b, we do not).
Every guard compares casefolded tokens, and an item's own sentence counts with its »…« as an operation
that quotes and writes them (`item_texts`: a clause we did not read into an operation still guards).
A unit whose numbering a structural operation may have shifted (review.units.UnitScope.shifted) is never
compared with the base's unit of the same label.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import regex

from lovkons.amender.tree import label_key
from lovkons.model.document import Kind, Level, Node
from lovkons.model.edits import (
    AmendingDocument,
    ChangeOfItem,
    DeleteText,
    InsertText,
    Item,
    Operation,
    Repeal,
    ReplaceText,
)
from lovkons.parsers.normalize import INVISIBLE_CHARS

_INVISIBLE = regex.compile(f"[{INVISIBLE_CHARS}]")
_TOKEN = regex.compile(r"\w+|[^\w\s]")
_WORD = regex.compile(r"\w")


def norm(text: str) -> str:
    """Whitespace, soft hyphens and zero-width characters normalised away (the eval's comparison form;
    the readers keep note references out of the text, so nothing else is removed)."""
    text = _INVISIBLE.sub("", text.replace("\u00a0", " "))
    return regex.sub(r"\s+([,.;])", r"\1", regex.sub(r"\s+", " ", text)).strip()


def tokens(text: str) -> list[str]:
    """Words and single punctuation marks: "§ 4, stk. 2" → ["§", "4", ",", "stk", ".", "2"]."""
    return _TOKEN.findall(norm(text))


@dataclass(frozen=True, slots=True)
class OpTexts:
    """One operation's texts as tokens: the §§ it addresses (keys; None = the whole act, "overalt i
    loven"), the texts it writes (new text, payload) and the texts it quotes (old text, anchor)."""

    keys: frozenset[str | None]
    written: tuple[tuple[str, ...], ...]
    quoted: tuple[tuple[str, ...], ...]
    punctuation: bool  # writes only punctuation or changes only punctuation ("»,« indsættes efter …")

    def here(self, key: str) -> bool:
        """It addresses § `key` or the whole act."""
        return key in self.keys or None in self.keys


CaseTexts = tuple[OpTexts, ...]


def _items(orders: Iterable[AmendingDocument]) -> Iterator[Item]:
    for order in orders:
        for block in order.changes:
            yield from block.items


def _payload(nodes: Iterable[Node]) -> Iterator[Node]:
    for node in nodes:
        yield from node.walk()


def _unpunctuated(toks: Sequence[str]) -> list[str]:
    return [t for t in toks if _WORD.match(t)]


def op_texts(op: Operation) -> OpTexts:
    keys: set[str | None] = set()
    if any(level is Level.DOKUMENT for level, _ in op.target.steps):
        keys.add(None)
    if not isinstance(op, ChangeOfItem):  # an earlier act's item: not the base's §
        # its target, its group ("§ 3 a, stk. 4, 2. pkt., og § 3 b, stk. 3, 2. pkt., affattes således",
        # LOV 1361/2010 § 10, nr. 1) and the ends of its spans
        addresses = [op.target, *(getattr(op, "group", ()) or ()),
                     *(a for span in getattr(op, "spans", ()) or () for a in span)]
        keys |= {label_key(par) for a in addresses if (par := a.label_of(Level.PARAGRAF)) is not None}
    nodes = list(_payload(getattr(op, "payload", ()) or ()))
    keys |= {label_key(n.label) for n in nodes if n.kind is Kind.PARAGRAF and n.label}
    wrote = [getattr(op, "new", None) or "", *(n.text for n in nodes), *(n.heading or "" for n in nodes)]
    quotes = [op.old if isinstance(op, ReplaceText | DeleteText) else "",
              op.anchor if isinstance(op, InsertText) else "", op.words if isinstance(op, Repeal) else ""]
    punctuation = False
    if isinstance(op, ReplaceText | InsertText):
        n, before = tokens(op.new), tokens(op.old) if isinstance(op, ReplaceText) else []
        punctuation = bool(n) and _unpunctuated(n) == _unpunctuated(before) and n != before
    return OpTexts(frozenset(keys), tuple(_folded(t) for t in wrote if t), tuple(_folded(t) for t in quotes if t),
                   punctuation)


def _folded(text: str) -> tuple[str, ...]:
    """Tokens in casefolded form: a guard holds whatever the letter case (exact matching leaves a
    sentence-initial "Ministeren" alone where »ministeren« is changed; the LBK may change it)."""
    return tuple(t.casefold() for t in tokens(text))


_QUOTE = regex.compile(r"»([^«»]*)«")


def item_texts(keys: frozenset[str | None], text: str) -> OpTexts | None:
    """Every »…« of an item's own sentence, as texts it quotes and writes, for the §§ its operations
    address: a clause of the item we did not read into an operation still guards (its words quoted
    there, or the LBK's words among them)."""
    quoted = tuple(q for m in _QUOTE.finditer(text) if (q := _folded(m[1])))
    return OpTexts(keys, quoted, quoted, False) if quoted and keys else None


def case_texts(orders: Iterable[AmendingDocument]) -> CaseTexts:
    """Every operation of the case (applied, refused or pending alike: all the orders bring), and each
    item's own sentence (`item_texts`)."""
    ops: list[OpTexts] = []
    items: list[OpTexts] = []
    for item in _items(orders):
        own = [op_texts(op) for op in item.operations]
        ops += own
        ops += [op_texts(op.change) for op in item.operations if isinstance(op, ChangeOfItem)]
        if (texts := item_texts(frozenset(k for t in own for k in t.keys), item.text)) is not None:
            items.append(texts)
    return (*ops, *items)


def _occurrences(needle: Sequence[str], hay: Sequence[str]) -> Iterator[int]:
    n = len(needle)
    if not n:
        return
    first = needle[0]
    for i in range(len(hay) - n + 1):
        if hay[i] == first and list(hay[i:i + n]) == list(needle):
            yield i


def _inside(needle: Sequence[str], texts: Iterable[Sequence[str]]) -> bool:
    return any(next(_occurrences(needle, t), None) is not None for t in texts)


def lbk_edit(base: str, ours: str, lbk: str, key: str, case: CaseTexts) -> bool:
    """The unit's ours/LBK difference lies only where ours is the base's and no guard holds (module doc)."""
    return not kept(base, ours, lbk, key, case)


def kept(base: str, ours: str, lbk: str, key: str, case: CaseTexts) -> str:
    """Why the unit's difference is kept as possibly ours ("" = the LBK's own edit): "equal", "written"
    (we wrote or deleted there or next to it), "quoted", "punctuation", "new words" (the guards)."""
    tb, to, tl = tokens(base), tokens(ours), tokens(lbk)
    if to == tl:
        return "equal"
    touched = [False] * len(to)
    gaps: set[int] = set()  # boundaries in our text (before token j) where we deleted base text
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, tb, to, autojunk=False).get_opcodes():
        if tag != "equal":
            touched[j1:j2] = [True] * (j2 - j1)
            if j1 == j2:
                gaps.add(j1)
    fo, fl = [t.casefold() for t in to], [t.casefold() for t in tl]  # the guards compare casefolded
    near = [op for op in case if op.here(key)]
    for op in near:
        for text in op.written:
            for i in _occurrences(text, fo):
                touched[i:i + len(text)] = [True] * len(text)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, to, tl, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        lo, hi = max(0, i1 - 1), min(len(to), i2 + 1)
        if any(touched[lo:hi]) or any(lo <= g <= hi for g in gaps):
            return "written"  # written or deleted there or next to it: the instruction's words
        theirs, mine = fl[j1:j2], fo[i1:i2]
        for op in case:
            at = [q for q in op.quoted for s in _occurrences(q, fo) if s <= i2 and s + len(q) >= i1]
            if at and (op.here(key) or (_unpunctuated(theirs) and _inside(theirs, op.written))
                       or (not _unpunctuated(theirs) and _unpunctuated(mine) and _inside(mine, at))):
                # an instruction quotes the words there: one we failed to apply (on another §: one
                # that would write the LBK's words there, or delete ours)
                return "quoted"
        if not _unpunctuated(theirs) and not _unpunctuated(mine):
            if any(op.punctuation for op in near):
                return "punctuation"  # a change of punctuation, and an instruction on the § makes one
            continue
        if _unpunctuated(theirs) and any(_inside(theirs, op.written) for op in near):
            return "new words"  # the LBK's words are what an instruction on the § (or the act) writes
        for op in case:  # the LBK prints there the whole of what an instruction on any § writes, we do not
            if any(_unpunctuated(w) and not _inside(w, [fo]) and any(s <= j2 and s + len(w) >= j1 for s in _occurrences(w, fl))
                   for w in op.written):
                return "new words"
    return ""
