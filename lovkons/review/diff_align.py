"""Stage 2 (amender): helpers for review.diff — sibling alignment by identity and word-level diffs.

Input: two tuples of sibling Nodes (or two strings); output: index pairs (or word edits).
"""

from __future__ import annotations

import difflib
import itertools
from collections.abc import Callable, Sequence

import regex

from lovkons.model.document import Kind, Node

Words = tuple[tuple[str, str], ...]  # (op, text) with op "equal" | "delete" | "insert"
Pair = tuple[int | None, int | None]

# A word diff compares phrases a reader cites as one: "§ 31 D", "stk. 2", "nr. 3", "2. pkt.",
# "litra a", "1. januar 2009"; else words and punctuation marks, each with the spaces after it.
_MONTH = r"(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)"
_TOKEN = regex.compile(
    r"""(?:§§?\s\d+(?:\s(?![iå]\s)[a-zA-ZæøÆØ]\b)?  # § 31 D, § 5 a (a § with its letter, not "i")
         | stk\.\s\d+                             # stk. 2
         | nr\.\s\d+(?:\s(?![iå]\s)[a-zæø]\b)?      # nr. 3 a
         | \d+\.\s(?:pkt|afsnit)\.?             # 2. pkt.
         | litra\s[a-zæøå]\b                     # litra a
         | \d{1,2}\.\s""" + _MONTH + r"""\s\d{4}  # 1. januar 2009
         | \w+ | [^\w\s]
        )\s*
      | \s+""",
    regex.VERBOSE,
)
_SIMILAR = 0.5  # word-similarity above which two unmatched siblings count as the same provision
_MAX_SIMILARITY_CELLS = 2500  # skip content matching for huge gaps (tables, long lists)


def node_text(node: Node) -> str:
    """The full text of a unit as shown for an inserted or repealed provision."""
    body = node.full_text()
    if node.kind in (Kind.BILAG, Kind.KAPITEL, Kind.AFSNIT) and node.heading:
        return f"{node.heading}\n{body}" if body else node.heading
    return body


def word_diff(old: str, new: str) -> Words:
    """Word-level edits turning `old` into `new`.

    Tokens are words and punctuation marks, each with the spaces after it; matching is on the bare
    token (spaces as tokens of their own make difflib quadratic on long provisions)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    ka, kb = [t.rstrip() or t for t in a], [t.rstrip() or t for t in b]
    chunks: list[tuple[str, str, str]] = []  # ("equal", text, "") or ("change", deleted, inserted)
    for tag, i1, i2, j1, j2 in opcodes(ka, kb):
        if tag != "equal":
            chunks.append(("change", "".join(a[i1:i2]), "".join(b[j1:j2])))
            continue
        for ta, tb, key in zip(a[i1:i2], b[j1:j2], ka[i1:i2], strict=True):
            chunks.append(("equal", ta, "") if ta == tb else ("equal", key, ""))
            if ta != tb:  # same word, different spacing after it (end of the text)
                chunks.append(("change", ta[len(key):], tb[len(key):]))
    merged: list[tuple[str, str, str]] = []
    for kind, x, y in chunks:
        if merged and merged[-1][0] == kind:
            _, px, py = merged.pop()
            x, y = px + x, py + y
        merged.append((kind, x, y))
    out: list[tuple[str, str]] = []
    carry = ""  # spaces common to the end of a deletion and an insertion belong to the text after
    for kind, x, y in merged:
        if kind == "equal":
            if carry + x:
                out.append(("equal", carry + x))
            carry = ""
            continue
        if x and y:
            tail = len(x) - len(x.rstrip())
            tail = min(tail, len(y) - len(y.rstrip()))
            if tail and x[-tail:] == y[-tail:]:
                carry, x, y = x[-tail:], x[:-tail], y[:-tail]
        if x:
            out.append(("delete", x))
        if y:
            out.append(("insert", y))
    if carry:
        out.append(("equal", carry))
    return semantic_cleanup(tuple(out))


Opcode = tuple[str, int, int, int, int]
# positions of `a` scanned per token of a and b before opcodes() hands over to difflib (the same answer): the
# real word diffs of the slowest questions scan at most 2–4 per token, a table whose every rate changed (9,600
# tokens) a few; 4,000 distinct tokens every other one changed scan ~n²/2 (n³ time: 10.8 s against difflib's
# 0.76 s, review11; with the hand-over 1.3 s)
_BUDGET = 16


def opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), the same answer, quicker.

    difflib takes the longest matching run (ties: the first in `a`, then the first in `b`), then
    does the same left and right of it; its loop visits every position in `b` of each token of `a`
    (a table of contents has "|" 345 times). Here each distinct token is one character and the
    longest run starting at each position of `a` is grown while str.find still finds it in `b`'s
    range: str.find gives the first position, so the same run is taken. Then difflib's own steps:
    the runs in order, neighbours joined, the opcodes between them."""
    codes: dict[str, int] = {}
    ta = "".join(_char(codes.setdefault(t, len(codes))) for t in a)
    tb = "".join(_char(codes.setdefault(t, len(codes))) for t in b)
    find = tb.find
    runs: list[tuple[int, int, int]] = []
    queue = [(0, len(ta), 0, len(tb))]
    budget = _BUDGET * (len(ta) + len(tb)) + 4096  # positions scanned before difflib's loop is the quicker
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        budget -= ahi - alo
        if budget < 0:  # many short runs far apart (review11: every other token changed): difflib, same answer
            return _difflib(a, b)
        i, size, x = alo, 0, alo
        while x + size < ahi:  # a run starting at x can still be longer than the longest so far
            if find(ta[x : x + size + 1], blo, bhi) >= 0:
                i, size = x, _grown(ta, find, x, size + 1, ahi, blo, bhi)
            x += 1
        if not size:
            continue
        j = find(ta[i : i + size], blo, bhi)
        runs.append((i, j, size))
        if alo < i and blo < j:
            queue.append((alo, i, blo, j))
        if i + size < ahi and j + size < bhi:
            queue.append((i + size, ahi, j + size, bhi))
    runs.sort()
    joined: list[tuple[int, int, int]] = []
    for i, j, size in runs:
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            joined[-1] = (joined[-1][0], joined[-1][1], joined[-1][2] + size)
        else:
            joined.append((i, j, size))
    joined.append((len(ta), len(tb), 0))
    out: list[Opcode] = []
    i = j = 0
    for ai, bj, size in joined:
        tag = "replace" if i < ai and j < bj else "delete" if i < ai else "insert" if j < bj else ""
        if tag:
            out.append((tag, i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            out.append(("equal", ai, i, bj, j))
    return out


def _difflib(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    matcher: difflib.SequenceMatcher[str] = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return list(matcher.get_opcodes())


def _grown(ta: str, find: Callable[[str, int, int], int], x: int, size: int, ahi: int, blo: int, bhi: int) -> int:
    """The longest run of `ta` from x found in b[blo:bhi], knowing `size` tokens are: doubling steps,
    then halving ones (a run found has every shorter start found too)."""
    step = 1
    while x + size + step <= ahi and find(ta[x : x + size + step], blo, bhi) >= 0:
        size, step = size + step, step * 2
    while step > 1:
        step //= 2
        if x + size + step <= ahi and find(ta[x : x + size + step], blo, bhi) >= 0:
            size += step
    return size


def _char(code: int) -> str:
    """A token's character: any code point but the surrogates (not characters of a str)."""
    return chr(code if code < 0xD800 else code + 0x800)


def semantic_cleanup(words: Words) -> Words:
    """Whole phrases instead of fragments (after diff-match-patch's cleanupSemantic): an unchanged
    stretch between two changes that is no longer than the changes on both sides is folded into
    them, so "[-på grund af-] {+som følge af+}" is not split around a lone shared word."""
    groups: list[list[str]] = []  # ["equal", text] or ["change", deleted, inserted]
    for op, text in words:
        if op == "equal":
            groups.append(["equal", text])
        elif groups and groups[-1][0] == "change":
            groups[-1][1 if op == "delete" else 2] += text
        else:
            groups.append(["change", text if op == "delete" else "", text if op == "insert" else ""])
    changed = True
    while changed:
        changed = False
        for i in range(1, len(groups) - 1):
            before, eq, after = groups[i - 1], groups[i], groups[i + 1]
            if eq[0] != "equal" or before[0] != "change" or after[0] != "change":
                continue
            size = len(eq[1].strip())
            if size <= max(len(before[1]), len(before[2])) and size <= max(len(after[1]), len(after[2])):
                merged = ["change", before[1] + eq[1] + after[1], before[2] + eq[1] + after[2]]
                groups[i - 1 : i + 2] = [merged]
                changed = True
                break
    out: list[tuple[str, str]] = []
    for g in groups:
        if g[0] == "equal":
            out.append(("equal", g[1]))
            continue
        if g[1]:
            out.append(("delete", g[1]))
        if g[2]:
            out.append(("insert", g[2]))
    return tuple(out)


def similarity(a: str, b: str) -> float:
    ta, tb = a.split(), b.split()
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    if matcher.real_quick_ratio() < _SIMILAR or matcher.quick_ratio() < _SIMILAR:
        return 0.0
    return matcher.ratio()


class _Signatures:
    """Content signature of a subtree without ids and provenance: equal signature = same text."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[object, ...]] = {}
        self._keep: list[Node] = []  # keep nodes alive so id() stays unique during one alignment

    def __call__(self, node: Node) -> tuple[object, ...]:
        key = id(node)
        if key not in self._cache:
            self._keep.append(node)
            kids = tuple((c.label, self(c)) for c in node.children)
            self._cache[key] = (node.kind, node.heading, node.text, node.repealed, kids)
        return self._cache[key]


def _lcs(ois: list[int], nis: list[int], same: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Longest common subsequence of two index lists under the predicate `same`."""
    n, m = len(ois), len(nis)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for x in range(n - 1, -1, -1):
        for y in range(m - 1, -1, -1):
            if same(ois[x], nis[y]):
                table[x][y] = table[x + 1][y + 1] + 1
            else:
                table[x][y] = max(table[x + 1][y], table[x][y + 1])
    out, x, y = [], 0, 0
    while x < n and y < m:
        if same(ois[x], nis[y]) and table[x][y] == table[x + 1][y + 1] + 1:
            out.append((ois[x], nis[y]))
            x, y = x + 1, y + 1
        elif table[x + 1][y] >= table[x][y + 1]:
            x += 1
        else:
            y += 1
    return out


def align(old: Sequence[Node], new: Sequence[Node]) -> list[Pair]:
    """Pair siblings old[i] ↔ new[j]; unmatched ones pair with None. Result in document order.

    Matching rounds, each only inside the gaps left by the previous ones: same id and same content;
    same content (a renumbered but unchanged stk.); same stable id; same label; similar words.
    """
    sig = _Signatures()

    def same_id(i: int, j: int) -> bool:
        return bool(old[i].id) and old[i].id == new[j].id

    def same_content(i: int, j: int) -> bool:
        return old[i].kind is new[j].kind and sig(old[i]) == sig(new[j])

    def same_label(i: int, j: int) -> bool:
        return old[i].kind is new[j].kind and old[i].label is not None and old[i].label == new[j].label

    def similar(i: int, j: int) -> bool:
        return old[i].kind is new[j].kind and similarity(node_text(old[i]), node_text(new[j])) >= _SIMILAR

    rounds: list[Callable[[int, int], bool]] = [
        lambda i, j: same_id(i, j) and same_content(i, j), same_content, same_id, same_label, similar,
    ]
    matched: dict[int, int] = {}
    gaps = [(list(range(len(old))), list(range(len(new))))]
    for same in rounds:
        next_gaps = []
        for ois, nis in gaps:
            if not ois or not nis:
                continue
            if same is similar and len(ois) * len(nis) > _MAX_SIMILARITY_CELLS:
                continue
            pairs = _lcs(ois, nis, same)
            matched.update(pairs)
            bounds = [(ois[0] - 1, nis[0] - 1), *pairs, (ois[-1] + 1, nis[-1] + 1)]
            for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
                next_gaps.append(([i for i in ois if i0 < i < i1], [j for j in nis if j0 < j < j1]))
        gaps = next_gaps
    return _in_order(len(old), len(new), matched)


def _in_order(n_old: int, n_new: int, matched: dict[int, int]) -> list[Pair]:
    """Merge pairs into document order; a removed sibling follows the partner of its predecessor."""
    keyed: list[tuple[tuple[int, int, int], Pair]] = []
    last = -1
    for i in range(n_old):
        if i in matched:
            last = matched[i]
        else:
            keyed.append(((last, 1, i), (i, None)))
    back = {j: i for i, j in matched.items()}
    keyed += [((j, 0, 0), (back.get(j), j)) for j in range(n_new)]
    return [pair for _, pair in sorted(keyed, key=lambda k: k[0])]
