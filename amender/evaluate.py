"""Stage 2 (amender): score a consolidation against the official one, § by §.

Input: base, Consolidation, expected Document; output: CaseScore. Texts are compared after whitespace
and soft-hyphen normalisation; a repealed § and an absent § count as the same ("not in force").
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from amender.consolidate import Consolidation
from amender.editorial import (
    Substitution,
    apply_substitutions,
    editorial_substitutions,
    squash,
    title_renames,
    tokens,
    untokens,
)
from parsers.model import Document, Kind, Node, Problem, display_label
from parsers.normalize import INVISIBLE_CHARS

_PAR = regex.compile(r"§\s*(\d+(?:\s*[a-zA-Z](?![a-zæøå]))?)")


_INVISIBLE = regex.compile(f"[{INVISIBLE_CHARS}]")
# a note reference glued to the word it annotates in LBK text ("kvælstof.1)", "Landbrugsraadet2) ,")
_NOTE_REF = regex.compile(r"(?<=[\p{L}.,;)])\d{1,2}\)(?=[\s,;]|$)")
# a § printed as repealed ("§ 38. (Ophævet)") is not in force, like a tombstone
_REPEALED = regex.compile(r"§ [^.]+\. \((?:Ophævet|Ophævede|Udgået)\)\.?")


# note references at the start of a § or stk. ("§ 116 a. 5) Den …", "Stk. 3. 8) Retten …"); a real
# list never starts at a number above 1
_LEADING_NOTE = regex.compile(r"((?:^§ [0-9]+(?: [A-Za-z])?\.|Stk\. \d+\.) )(?!1\))(?:\d{1,2}\) ?)+")


def norm(text: str) -> str:
    """Whitespace, soft hyphens/zero-width characters and glued note references normalised away."""
    text = _NOTE_REF.sub("", _INVISIBLE.sub("", text.replace("\u00a0", " ")))
    return regex.sub(r"\s+([,.;])", r"\1", regex.sub(r"\s+", " ", text)).strip()


def _key(label: str | None) -> str:
    return regex.sub(r"\s+", "", label or "").casefold()


def paragraf_text(node: Node) -> str:
    """"§ 5. text Stk. 2. … 1) …" without notes; the comparison form of one §."""
    def walk(n: Node) -> list[str]:
        out = [n.text] if n.text else []
        for child in n.children:
            if child.kind is Kind.NOTE:
                continue
            out.append(" ".join(x for x in (display_label(child), *walk(child)) if x))
        return out

    return _LEADING_NOTE.sub(r"\1", norm(" ".join([f"§ {node.label}.", *walk(node)])))


def paragraf_map(doc: Document) -> dict[str, str | None]:
    """§ label → comparison text (None for a tombstone or "(Ophævet)"), §§ in bilag left out; a label
    that occurs twice maps to all its texts joined."""
    seen: dict[str, list[str | None]] = {}

    def visit(nodes: tuple[Node, ...]) -> None:
        for node in nodes:
            if node.kind is Kind.PARAGRAF:
                text = None if node.repealed else paragraf_text(node)
                seen.setdefault(_key(node.label), []).append(None if text and _REPEALED.fullmatch(text) else text)
            elif node.kind in (Kind.KAPITEL, Kind.AFSNIT):
                visit(node.children)

    visit(doc.children)
    # a label printed twice (a new § beside the tombstone it should have replaced) never matches
    return {key: values[0] if len(values) == 1 else
            None if not any(values) else " ‖ ".join(v or f"§ {key}. (tombstone)" for v in values)
            for key, values in seen.items()}


@dataclass(frozen=True, slots=True)
class Wrong:
    label: str
    touched: bool  # base ≠ expected
    refused: bool  # an error was reported for it
    editorial: bool  # differs only by what the LBK did without any instruction (see `why`)
    expected: str | None
    got: str | None
    # "substitution": equal once the LBK's uninstructed wording changes (ministry names …) are applied;
    # "omitted": the LBK prints the § or some stk. as "(Udelades)"; "renumbered": the LBK moved the text
    # to another § number (§§ never renumber by instruction); "typo-fix" (NOT editorial, never counted as
    # identical, reported apart): equal once spacing inside words, hyphenation and glyphs (’/', –/-) are
    # ignored and the minister/ministry titles the LBK renamed in some untouched § are applied
    why: str = ""


@dataclass(frozen=True, slots=True)
class CaseScore:
    name: str
    touched: int = 0
    touched_ok: int = 0
    untouched: int = 0
    untouched_ok: int = 0
    spurious: int = 0
    applied: int = 0
    errors: int = 0
    warnings: int = 0
    wrong: tuple[Wrong, ...] = field(default=())
    substitutions: tuple[Substitution, ...] = field(default=())  # editorial, see amender.editorial

    @property
    def untouched_damaged(self) -> int:
        return self.untouched - self.untouched_ok

    @property
    def silent(self) -> int:
        return sum(1 for w in self.wrong if not w.refused)

    @property
    def editorial(self) -> int:
        return sum(1 for w in self.wrong if w.editorial)

    @property
    def typo_fixed(self) -> int:
        """silent wrong §§ in the separate "typo-fix" category (see Wrong.why)"""
        return sum(1 for w in self.wrong if not w.refused and w.why == TYPO_FIX)

    @property
    def unexplained(self) -> int:
        """silent wrong §§ that are neither editorial nor typo-fix: the ones to work on"""
        return sum(1 for w in self.wrong if not w.refused and not w.editorial and w.why != TYPO_FIX)

    @property
    def touched_adjusted(self) -> int:
        """touched §§ identical, counting §§ that differ only editorially as identical"""
        return self.touched_ok + sum(1 for w in self.wrong if w.touched and w.editorial)

    @property
    def refused(self) -> int:
        return sum(1 for w in self.wrong if w.refused)


def problem_labels(problems: tuple[Problem, ...]) -> set[str]:
    """§ labels an error Problem is about (its address, or the § cited in its message/source)."""
    out: set[str] = set()
    for p in problems:
        if p.severity != "error":
            continue
        for text in (p.address or "", p.message):
            out |= {_key(m) for m in _PAR.findall(text)}
    return out


def score(name: str, base: Document, result: Consolidation, expected: Document) -> CaseScore:
    b, r, e = paragraf_map(base), paragraf_map(result.document), paragraf_map(expected)
    flagged = problem_labels(result.problems)
    pairs = editorial_substitutions(b, r, e, flagged)
    titles = title_renames(b, r, e, flagged)
    touched = touched_ok = untouched = untouched_ok = spurious = 0
    wrong: list[Wrong] = []
    for label in sorted(set(b) | set(r) | set(e), key=_sort_key):
        bv, rv, ev = b.get(label), r.get(label), e.get(label)
        if bv is None and rv is None and ev is None:
            continue
        if rv is not None and ev is None:
            spurious += 1
        is_touched = bv != ev
        ok = rv == ev
        if is_touched:
            touched += 1
            touched_ok += ok
        else:
            untouched += 1
            untouched_ok += ok
        if not ok:
            why = ("substitution" if pairs and ev is not None and apply_substitutions(rv, pairs) == tokens(ev)
                   else _uninstructed(label, rv, ev, r, e))
            if not why and _typo_fix(rv, ev, [*pairs, *titles]):
                wrong.append(Wrong(label, is_touched, label in flagged, False, ev, rv, TYPO_FIX))
                continue
            wrong.append(Wrong(label, is_touched, label in flagged, bool(why), ev, rv, why))
    errors = sum(1 for p in result.problems if p.severity == "error")
    return CaseScore(name, touched, touched_ok, untouched, untouched_ok, spurious, len(result.applied),
                     errors, len(result.problems) - errors, tuple(wrong), tuple(pairs))


TYPO_FIX = "typo-fix"


def _typo_fix(got: str | None, expected: str | None, pairs: list[Substitution]) -> bool:
    """got and expected differ only by spacing inside words, hyphenation, glyph variants and (when
    given) the title renames: the "typo-fix" category."""
    if got is None or expected is None:
        return False
    if squash(got) == squash(expected):
        return True
    fixed = apply_substitutions(got, sorted(pairs, key=lambda p: (-len(p[0]), p)))
    return fixed is not None and squash(untokens(fixed)) == squash(expected)


_OMITTED = regex.compile(r"(?:^§ [^.]+\.|Stk\. [0-9-]+\.?) \((?:Udelades|Udeladt)\)")


def _uninstructed(label: str, got: str | None, expected: str | None, result: dict[str, str | None],
                  official: dict[str, str | None]) -> str:
    """Why a wrong § is editorial beyond substitutions ("omitted" / "renumbered"), or ""."""
    if expected is not None and _OMITTED.search(expected):
        if _OMITTED.match(expected) and "-" in label:  # "§ 43 b-43 d. (Udelades)": a range the LBK left out
            return "omitted"
        body = regex.escape(expected)
        for m in reversed(list(_OMITTED.finditer(expected))):  # each omitted unit stands for any text
            unit = r"Stk\. \d+\..*?" if m[0].startswith("Stk.") else regex.escape(m[0].split(" (")[0]) + r"(?: .*?)?"
            body = body.replace(regex.escape(m[0]), unit, 1)
        if got is not None and regex.fullmatch(body, got):
            return "omitted"
    def strip(text: str | None) -> str | None:
        if not text or _OMITTED.match(text):  # "(Udelades)" alone says nothing about where a text went
            return None
        return regex.sub(r"^§ [^.]+\.", "§", text)
    mine = {strip(v) for k, v in result.items() if k != label and v}
    theirs = {strip(v) for k, v in official.items() if k != label and v}
    moved = (expected is None or strip(expected) in mine) and (got is None or strip(got) in theirs)
    if moved and (strip(got) or strip(expected)):
        return "renumbered"
    return ""


def _sort_key(label: str) -> tuple[int, str]:
    m = regex.match(r"\d+", label)
    return (int(m[0]) if m else 10**9, label)


def total(scores: list[CaseScore]) -> CaseScore:
    return CaseScore(
        "TOTAL",
        sum(s.touched for s in scores),
        sum(s.touched_ok for s in scores),
        sum(s.untouched for s in scores),
        sum(s.untouched_ok for s in scores),
        sum(s.spurious for s in scores),
        sum(s.applied for s in scores),
        sum(s.errors for s in scores),
        sum(s.warnings for s in scores),
        tuple(w for s in scores for w in s.wrong),
        tuple(dict.fromkeys(p for s in scores for p in s.substitutions)),
    )
