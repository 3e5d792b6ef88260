"""Stage 2 (amender): score a consolidation against the official one, § by §.

Input: base, Consolidation, expected Document (and the orders); output: CaseScore. Texts are compared
after whitespace and soft-hyphen normalisation; a repealed § and an absent § count as the same ("not in
force"). Each wrong § falls in exactly one category, first match wins: refused (an error names it) >
rename (only the name of a ministry or authority differs, see review.renames) > editorial (equal once
the LBK's own edits are undone: substitution, omitted, renumbered) > typo-fix >
uninstructed (no applied, refused or pending operation addressed the § or anything in it, and our text
is the base's) > unexplained (instructed, silent, none of the above: where amender bugs live).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

import regex

from lovkons.amender.consolidate import Consolidation
from lovkons.amender.slips import is_slip
from lovkons.amender.tree import label_key
from lovkons.model.document import Document, Kind, Node, Problem, display_label
from lovkons.model.edits import AmendingDocument
from lovkons.parsers.normalize import INVISIBLE_CHARS
from lovkons.review.editorial import (
    Substitution,
    apply_substitutions,
    editorial_substitutions,
    squash,
    title_renames,
    tokens,
    untokens,
)
from lovkons.review.instructed import cited_keys, instructed_scope, refused_order_keys
from lovkons.review.renames import name_only
from lovkons.review.units import UnitDiff, outside, paragraf_nodes, unit_scope, where

_INVISIBLE = regex.compile(f"[{INVISIBLE_CHARS}]")
# a § printed as repealed ("§ 38. (Ophævet)") is not in force, like a tombstone
_REPEALED = regex.compile(r"§ [^.]+\. \((?:Ophævet|Ophævede|Udgået)\)\.?")


def norm(text: str) -> str:
    """Whitespace, soft hyphens and zero-width characters normalised away (the readers keep note
    references out of the text, so nothing else is removed)."""
    text = _INVISIBLE.sub("", text.replace("\u00a0", " "))
    return regex.sub(r"\s+([,.;])", r"\1", regex.sub(r"\s+", " ", text)).strip()


_key = label_key


def paragraf_text(node: Node) -> str:
    """"§ 5. text Stk. 2. … 1) …" without notes; the comparison form of one §."""
    def walk(n: Node) -> list[str]:
        out = [n.text] if n.text else []
        for child in n.children:
            if child.kind is Kind.NOTE:
                continue
            out.append(" ".join(x for x in (display_label(child), *walk(child)) if x))
        return out

    return norm(" ".join([f"§ {node.label}.", *walk(node)]))


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
    # ignored and the minister/ministry titles the LBK renamed in some untouched § are applied;
    # "uninstructed": none of these, and no instruction addressed the § (see `category`)
    why: str = ""
    instructed: bool = True  # some applied, refused or pending operation addressed the § or a unit in it
    renamed: bool = False  # only names of ministries or authorities differ (review.renames)
    units: tuple[UnitDiff, ...] = ()  # where ours and the LBK's text differ (review.units)

    @property
    def outside(self) -> bool:
        """Every differing unit (stk., nr., litra) is aligned and no instruction addressed it: the LBK's
        own edit where no instruction touched the § (reported apart inside "unexplained")."""
        return outside(self.units)

    @property
    def punctuation_only(self) -> bool:
        """Ours and the LBK's text differ only by commas, full stops, colons or semicolons (reported
        apart inside "unexplained": often the LBK's own silent punctuation fix, sometimes ours)."""
        if self.expected is None or self.got is None:
            return False
        return _unpunctuated(self.expected) == _unpunctuated(self.got)

    @property
    def category(self) -> str:
        """The one category of the wrong §, first match wins (see the module docstring)."""
        if self.refused:
            return "refused"
        if self.renamed:
            return RENAME
        if self.editorial:
            return "editorial"
        if self.why == TYPO_FIX:
            return TYPO_FIX
        return "unexplained" if self.instructed else UNINSTRUCTED


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
    substitutions: tuple[Substitution, ...] = field(default=())  # editorial, see review.editorial
    renames: int = 0  # names the ressort layer changed (occurrences), lovkons.ressort
    renamed_paragraphs: int = 0  # §§ in which it changed one
    touched_renamed_ok: int = 0  # touched §§ identical that only the ressort layer changed (no instruction)

    @property
    def untouched_damaged(self) -> int:
        return self.untouched - self.untouched_ok

    @property
    def silent(self) -> int:
        return sum(1 for w in self.wrong if not w.refused)

    def _count(self, category: str) -> int:
        return sum(1 for w in self.wrong if w.category == category)

    @property
    def renamed(self) -> int:
        """wrong §§ whose only difference is the name of a ministry or authority"""
        return self._count(RENAME)

    @property
    def renamed_touched(self) -> int:
        """touched §§ among them (the figure issue 11 sets its target for)"""
        return sum(1 for w in self.wrong if w.touched and w.category == RENAME)

    @property
    def editorial(self) -> int:
        """silent wrong §§ that differ only by what the LBK did without an instruction"""
        return self._count("editorial")

    @property
    def typo_fixed(self) -> int:
        """silent wrong §§ in the separate "typo-fix" category (see Wrong.why)"""
        return self._count(TYPO_FIX)

    @property
    def uninstructed(self) -> int:
        """silent wrong §§, not editorial or typo-fix, that no instruction addressed: the LBK changed
        them without any instruction we were given"""
        return self._count(UNINSTRUCTED)

    @property
    def unexplained(self) -> int:
        """silent wrong §§ that some instruction addressed and that are neither editorial nor typo-fix:
        the ones to work on"""
        return self._count("unexplained")

    @property
    def unexplained_punctuation(self) -> int:
        """unexplained §§ whose only difference is punctuation (see Wrong.punctuation_only)"""
        return sum(1 for w in self.wrong if w.category == "unexplained" and w.punctuation_only)

    @property
    def unexplained_outside(self) -> int:
        """unexplained §§ that differ only in units no instruction addressed (see Wrong.outside)"""
        return sum(1 for w in self.wrong if w.category == "unexplained" and w.outside)

    @property
    def touched_instructed(self) -> int:
        """touched §§ that some instruction addressed (an identical touched § is, unless only the ressort
        layer changed it)"""
        return self.touched - sum(1 for w in self.wrong if w.touched and not w.instructed) - self.touched_renamed_ok

    @property
    def touched_instructed_ok(self) -> int:
        """touched §§ identical that some instruction addressed"""
        return self.touched_ok - self.touched_renamed_ok

    @property
    def touched_adjusted(self) -> int:
        """touched §§ identical, counting §§ that differ only editorially as identical"""
        return self.touched_ok + sum(1 for w in self.wrong if w.touched and w.editorial)

    @property
    def refused(self) -> int:
        return sum(1 for w in self.wrong if w.refused)


# Problems about another act than the base: their addresses and the §§ their messages cite are that act's
OTHER_ACT_CODES = frozenset({"AMENDS_OTHER_ACT", "ITEM_OF_ACT_REPEALED"})
# Problems whose message cites the earlier act's item ("§ 1, nr. 14 of LOV 495/2013"): only their address is the base's
ADDRESS_ONLY_CODES = frozenset({"ITEM_OF_ACT_ABSENT", "ITEM_OF_ACT_UNCHANGED"})


def problem_labels(problems: tuple[Problem, ...]) -> set[str]:
    """§ labels an error Problem is about (its address, or the § cited in its message/source)."""
    out: set[str] = set()
    for p in problems:
        if p.severity != "error":
            continue
        for text in (p.address or "", "" if p.code in ADDRESS_ONLY_CODES else p.message):
            out |= cited_keys(text)
    return out


def score(name: str, base: Document, result: Consolidation, expected: Document, *,
          orders: Sequence[AmendingDocument] = (), renames: int = 0, renamed: Collection[str] = ()) -> CaseScore:
    """Score one case; `orders` (the amending documents given) let an insertion's new §§ count as
    addressed instead of its anchor (without them the anchor counts too: fewer "uninstructed");
    `renames` = names the ressort layer changed, in the §§ `renamed` (addresses "§ 5 a, stk. 2"): a §
    that differs from the base only by those names is not counted as instructed."""
    b, r, e = paragraf_map(base), paragraf_map(result.document), paragraf_map(expected)
    errors = sum(1 for p in result.problems if p.severity == "error")
    warnings = len(result.problems) - errors
    # a refusal of a change of another act (AMENDS_OTHER_ACT: "§ 7" of LOV 633/2014) addresses no § of the base
    result = replace(result, problems=tuple(p for p in result.problems if p.code not in OTHER_ACT_CODES))
    flagged = problem_labels(result.problems) | refused_order_keys(base, result, orders)
    scope = instructed_scope(base, result, orders)
    units = unit_scope(base, result, orders, unknown=scope.unknown)
    nb, nr, ne = paragraf_nodes(base), paragraf_nodes(result.document), paragraf_nodes(expected)
    pairs = editorial_substitutions(b, r, e, flagged)
    titles = title_renames(b, r, e, flagged)
    touched = touched_ok = untouched = untouched_ok = spurious = renamed_ok = 0
    by_layer = {_key(a.split(",")[0].removeprefix("§").strip()) for a in renamed if a.startswith("§")}
    wrong: list[Wrong] = []
    for label in sorted(set(b) | set(r) | set(e), key=_sort_key):
        bv, rv, ev = b.get(label), r.get(label), e.get(label)
        if bv is None and rv is None and ev is None:
            continue
        if rv is not None and ev is None:
            spurious += 1
        is_touched = bv != ev
        ok = rv == ev
        # changed by an instruction: not only by the ressort layer's renames
        changed = rv != bv and not (label in by_layer and name_only(rv, bv))
        instructed = label in flagged or changed or scope.addresses(label)
        if is_touched:
            touched += 1
            touched_ok += ok
            renamed_ok += ok and not instructed
        else:
            untouched += 1
            untouched_ok += ok
        if not ok:
            ours, theirs = nr.get(label), ne.get(label)
            diff = where(label, ours, theirs, nb.get(label), units, renamed=label in by_layer) if rv and ev and ours and theirs else ()
            why = ("substitution" if pairs and ev is not None and apply_substitutions(rv, pairs) == tokens(ev)
                   else _editorial_reason(label, rv, ev, r, e))
            names = name_only(rv, ev)
            if not why and not names and _typo_fix(rv, ev, [*pairs, *titles]):
                wrong.append(Wrong(label, is_touched, label in flagged, False, ev, rv, TYPO_FIX, instructed,
                                   units=diff))
                continue
            why = why or ("" if instructed else UNINSTRUCTED)
            wrong.append(Wrong(label, is_touched, label in flagged, why not in ("", UNINSTRUCTED), ev, rv, why,
                               instructed, names, diff))
    return CaseScore(name, touched, touched_ok, untouched, untouched_ok, spurious, len(result.applied),
                     errors, warnings, tuple(wrong), tuple(pairs), renames, len(by_layer),
                     renamed_ok)


_PUNCTUATION = regex.compile(r"[,.;:]")


def _unpunctuated(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text).split())


RENAME = "rename"
TYPO_FIX = "typo-fix"
UNINSTRUCTED = "uninstructed"


def _typo_fix(got: str | None, expected: str | None, pairs: list[Substitution]) -> bool:
    """got and expected differ only by spacing inside words, hyphenation, glyph variants, (when given)
    the title renames, or a spelling slip in a word or two: the "typo-fix" category."""
    if got is None or expected is None:
        return False
    if squash(got) == squash(expected) or _spelling_only(got, expected):
        return True
    fixed = apply_substitutions(got, sorted(pairs, key=lambda p: (-len(p[0]), p)))
    return fixed is not None and squash(untokens(fixed)) == squash(expected)


_SLIPPED_WORDS = 2  # more differing words than this is no longer a slip


def _spelling_only(got: str, expected: str) -> bool:
    """The same words but one or two, each an obvious spelling slip of the other by the amender's own
    test (amender.slips.is_slip, what TOLERATED_SPELLING reads past): the LBK silently mended a typing
    slip of the amending act (»etableringtilladelse«, LOV 641/2013 § 1, printed "etableringstilladelse"
    in LBK 122/2015 § 13) or an earlier LBK's ("investeringsinsitut", LBK 1082/2015 § 23, mended in LBK
    1148/2016), or made one of its own ("redunderes", LBK 504/2013 § 19). Another ending or another short
    word ("afgørelsen"/"afgørelse", "denne"/"disse") is another word, not a slip, and stays unexplained."""
    a, b = got.split(), expected.split()
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    # a comma or full stop more or less is punctuation, not spelling (reported apart, see Wrong.punctuation_only)
    return 0 < len(differ) <= _SLIPPED_WORDS and all(
        _unpunctuated(x) != _unpunctuated(y) and is_slip(x, y) for x, y in differ)


_OMITTED = regex.compile(r"(?:^§ [^.]+\.|Stk\. [0-9-]+\.?) \((?:Udelades|Udeladt)\)")
# a § of the base act that amends another law ("ændringsbestemmelse"): an LBK leaves it out, printed
# "(Udelades)" (LBK 1605/2016 §§ 40-42) or not at all (LBK 1074/2016 §§ 197-201, LBK 860/2012 §§ 22-27,
# LBK 336/2016 §§ 51-54), and may number the §§ after it on (LBK 1074/2016 § 200 = LOV 598/2013 § 202)
_AMENDS_OTHER_LAW = regex.compile(r"§ [^.]+\. I (?:lov|lovbekendtgørelse|bekendtgørelse)\b[^»]{0,800}?"
                                  r"\bforetages følgende ændring(?:er)?:")


def _editorial_reason(label: str, got: str | None, expected: str | None, result: dict[str, str | None],
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
    if expected is None and got is not None and _AMENDS_OTHER_LAW.match(got):
        return "omitted"
    def strip(text: str | None) -> str | None:
        if not text or _OMITTED.match(text):  # "(Udelades)" alone says nothing about where a text went
            return None
        return regex.sub(r"^§ [^.]+\.", "§", text)
    mine = {strip(v) for k, v in result.items() if k != label and v}
    theirs = {strip(v) for k, v in official.items() if k != label and v}
    left_out = got is None or strip(got) in theirs or bool(_AMENDS_OTHER_LAW.match(got))
    moved = (expected is None or strip(expected) in mine) and left_out
    if moved and (strip(got) or strip(expected)):
        return "renumbered"
    return ""


_uninstructed = _editorial_reason  # the former name, used by tests/test_amender_rules.py


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
        sum(s.renames for s in scores),
        sum(s.renamed_paragraphs for s in scores),
        sum(s.touched_renamed_ok for s in scores),
    )
