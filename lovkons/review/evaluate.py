"""Stage 2 (amender): score a consolidation against the official one, § by §.

Input: base, Consolidation, expected Document (and the orders); output: CaseScore. Texts are compared
after whitespace and soft-hyphen normalisation; a repealed § and an absent § count as the same ("not in
force"). Each wrong § falls in exactly one category, first match wins: refused (an error names it) >
rename (only the name of a ministry or authority differs, see review.renames) > editorial (equal once
the LBK's own edits are undone: substitution, placeholder, omitted, renumbered; review.editorial) >
typo-fix (the same words written otherwise: spacing, hyphenation, glyphs, letter case, table cells; review.typo) >
uninstructed (no applied, refused or pending operation addressed the § or anything in it, and our text
is the base's; or, at unit grain, every unit where ours and the LBK differ is aligned, no operation
addressed it and our text of it is the base's: review.units.outside; or, at word grain, every differing
unit is aligned and either unaddressed or differs from the LBK only at words where ours is still the
base's, no operation wrote or deleted anything there or next to it, and no operation of the case could be
one we failed to apply there: review.untouched, the LBK's own edit of text no instruction touched) >
act-mended (every difference lies inside text an instruction wrote, ours is the amending act's text verbatim
as its source file reads, and the LBK prints something else that no act of the case says: review.mended) >
unexplained (instructed, silent, none of the above: where amender bugs live).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

import regex

from lovkons.amender.consolidate import Consolidation
from lovkons.amender.tree import label_key
from lovkons.model.document import Document, Kind, Node, Problem, display_label
from lovkons.model.edits import AmendingDocument
from lovkons.review.acts import ActCase, act_case, base_blocks
from lovkons.review.editorial import (
    AMENDS_OTHER_LAW,
    Substitution,
    apply_substitutions,
    editorial_reason,
    editorial_substitutions,
    title_renames,
    tokens,
)
from lovkons.review.instructed import cited_keys, instructed_scope, refused_order_keys
from lovkons.review.mended import ACT_MENDED, Mend, mended
from lovkons.review.renames import name_only
from lovkons.review.typo import typo_fix, unpunctuated
from lovkons.review.units import UnitDiff, outside, paragraf_nodes, unit_scope, untouched_words, where
from lovkons.review.untouched import case_texts, norm

# a § printed as repealed ("§ 38. (Ophævet)") is not in force, like a tombstone
_REPEALED = regex.compile(r"§ [^.]+\. \((?:Ophævet|Ophævede|Udgået)\)\.?")


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
    # "placeholder": equal once the units the LBK (or ours, from the base) prints as "Stk. 6. (Ophævet)"
    # are left out, a repealed stk./nr./litra whose number an LBK may keep (editorial.without_placeholders);
    # "omitted": the LBK prints the § or some stk. as "(Udelades)"; "renumbered": the LBK moved the text
    # to another § number (§§ never renumber by instruction); "typo-fix" (NOT editorial, never counted as
    # identical, reported apart): equal once spacing inside words, hyphenation, glyphs (’/', –/-), letter
    # case and table cell marks are ignored and the minister/ministry titles the LBK renamed in some
    # untouched § are applied, or a word or two differ by a spelling slip (review.typo);
    # "uninstructed": none of these, and no instruction addressed the § or every differing unit, or the
    # differences lie only in words no instruction touched (see `category`)
    why: str = ""
    instructed: bool = True  # some applied, refused or pending operation addressed the § or a unit in it
    renamed: bool = False  # only names of ministries or authorities differ (review.renames)
    units: tuple[UnitDiff, ...] = ()  # where ours and the LBK's text differ (review.units)
    # "act-mended" (review.mended): per difference the act's words (ours) and the LBK's; else, for a § that
    # would be "unexplained", why it is not act-mended (`unmended`)
    mended: tuple[Mend, ...] = ()
    unmended: str = ""

    @property
    def outside(self) -> bool:
        """Every differing unit (stk., nr., litra) is aligned, no instruction addressed it and our text of it
        is the base's (we did not touch it): the LBK's own edit (or that of an act outside the case), as
        for a § no instruction addressed. Such a § is "uninstructed" at unit grain (see `category`)."""
        return outside(self.units)

    @property
    def untouched_words(self) -> bool:
        """An instruction addressed some differing unit, but there ours and the LBK differ only at words
        where ours is still the base's, none written or deleted next to them and no operation of the case
        could have meant them (review.untouched): the LBK's own edit of text no instruction touched.
        Such a § is "uninstructed" at word grain (see `category`)."""
        return untouched_words(self.units)

    @property
    def punctuation_only(self) -> bool:
        """Ours and the LBK's text differ only by commas, full stops, colons or semicolons (reported
        apart inside "unexplained": often the LBK's own silent punctuation fix, sometimes ours)."""
        if self.expected is None or self.got is None:
            return False
        return unpunctuated(self.expected) == unpunctuated(self.got)

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
        # at unit grain (Wrong.outside): LBK 400/2012 § 10 adds a comma in stk. 4 ("§ 4, stk. 2, retten"),
        # which no instruction addressed and we left as the base had it, while LOV 160/2012 § 1, nr. 8
        # changed its stk. 1 exactly as the LBK prints it
        # at word grain (Wrong.untouched_words): LBK 1121/2012 § 4 prints "Samtidig" for the base's
        # "Samtidigt" in the stk. whose other words LOV 1541/2010 § 1, nr. 4 replaced
        if not self.instructed or self.outside or self.untouched_words:
            return UNINSTRUCTED
        # LBK 1/2016 § 3, stk. 3: LOV 1571/2015 § 1, nr. 1 writes »… i udlandet og …«, the LBK prints "udlandet, og"
        return ACT_MENDED if self.mended else "unexplained"


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
        """silent wrong §§, not editorial or typo-fix, that no instruction addressed (the § or, at unit
        grain, the units that differ, or, at word grain, the words that differ): the LBK changed them
        without any instruction we were given"""
        return self._count(UNINSTRUCTED)

    @property
    def uninstructed_units(self) -> int:
        """uninstructed §§ that came in at unit grain: an instruction addressed the §, but none of the units
        where ours and the LBK's text differ, and there ours is the base's (see Wrong.outside)"""
        return sum(1 for w in self.wrong if w.category == UNINSTRUCTED and w.instructed and w.outside)

    @property
    def uninstructed_words(self) -> int:
        """uninstructed §§ that came in at word grain: an instruction addressed a differing unit, but ours and
        the LBK's text differ there only where ours is the base's and no operation could have meant the
        LBK's words (see Wrong.untouched_words, review.untouched)"""
        return sum(1 for w in self.wrong if w.category == UNINSTRUCTED and w.instructed and w.untouched_words)

    @property
    def act_mended(self) -> int:
        """silent wrong §§ whose every difference lies inside text an instruction wrote, where ours is the
        amending act's own text (its source read raw) and the LBK prints something else (review.mended)"""
        return self._count(ACT_MENDED)

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
        """the former part of "unexplained" that differed only in units no instruction addressed: now
        "uninstructed" at unit grain, the same count as `uninstructed_units` (kept for the JSON field
        wrong_unexplained_outside)"""
        return self.uninstructed_units

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
# a quote in a message is the act's words, not a place of the base: "»§ 52, stk. 3, nr. 8« not found" (TEXT_NOT_FOUND
# of LOV 628/2010 § 1, nr. 29 on servicelovens § 140) is about § 140, not § 52
_QUOTED = regex.compile(r"»[^«]*«")


def problem_labels(problems: tuple[Problem, ...]) -> set[str]:
    """§ labels an error Problem is about (its address, or the § cited in its message/source, outside quotes)."""
    out: set[str] = set()
    for p in problems:
        if p.severity != "error":
            continue
        for text in (p.address or "", "" if p.code in ADDRESS_ONLY_CODES else _QUOTED.sub("", p.message)):
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
    texts = case_texts(orders) if orders else None  # without the operations no guard can hold: no word grain
    nb, nr, ne = paragraf_nodes(base), paragraf_nodes(result.document), paragraf_nodes(expected)
    pairs = editorial_substitutions(b, r, e, flagged)
    titles = title_renames(b, r, e, flagged)
    touched = touched_ok = untouched = untouched_ok = spurious = renamed_ok = 0
    acts: ActCase | None = None  # the operations and the acts' raw sources, read for the first candidate
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
            diff = where(label, ours, theirs, nb.get(label), units, renamed=label in by_layer,
                         case=texts) if rv and ev and ours and theirs else ()
            why = ("substitution" if pairs and ev is not None and apply_substitutions(rv, pairs) == tokens(ev)
                   else editorial_reason(label, rv, ev, r, e))
            names = name_only(rv, ev)
            if not why and not names and typo_fix(rv, ev, [*pairs, *titles]):
                wrong.append(Wrong(label, is_touched, label in flagged, False, ev, rv, TYPO_FIX, instructed,
                                   units=diff))
                continue
            why = why or ("" if instructed else UNINSTRUCTED)
            found = Wrong(label, is_touched, label in flagged, why not in ("", UNINSTRUCTED), ev, rv, why,
                          instructed, names, diff)
            if found.category == "unexplained" and orders and ours and theirs:
                acts = acts or act_case(orders, blocks=base_blocks(base, result), printed=e.get)
                verdict = mended(_key(label), ours, theirs, diff, acts)
                found = replace(found, mended=verdict.mends, unmended=verdict.reason)
            wrong.append(found)
    return CaseScore(name, touched, touched_ok, untouched, untouched_ok, spurious, len(result.applied),
                     errors, warnings, tuple(wrong), tuple(pairs), renames, len(by_layer),
                     renamed_ok)


RENAME = "rename"
TYPO_FIX = "typo-fix"
UNINSTRUCTED = "uninstructed"
# the former private names, used by tests
_typo_fix, _editorial_reason, _uninstructed, _AMENDS_OTHER_LAW = typo_fix, editorial_reason, editorial_reason, AMENDS_OTHER_LAW


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
