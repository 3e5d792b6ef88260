"""Stage 2 (amender): a quoted text that an earlier item of the same act has already changed.

Input: a Document, a text operation whose quoted text is not in the unit it names, its resolved Target,
the order's snapshot Resolver and the operations earlier items of the act applied; output: an Outcome
with a READ_AS_LEFT_BY_EARLIER_ITEM warning, or None.

Drafting convention: the items of one amending act quote the law as it stood before the act (as their
labels do, amender.resolve). Where two items overlap, a general change applied first (an "Overalt" or a
renaming listing many units) and a later item quoting a longer phrase around the changed words, the
later item's quote is no longer in the text once the earlier item applied. The official consolidations
apply both: the later item to the text as the earlier one left it. Real examples:
- LOV 1499/2014 § 1, nr. 3, "Overalt i loven ændres »sørge for« til: »sikre«", then nr. 17, "I § 11,
  stk. 2 og 3, indsættes efter »Anlægschefen skal sørge for«: »og føre tilsyn med«": LBK 831/2015 § 11,
  stk. 2, reads "Anlægschefen skal sikre og føre tilsyn med, at …";
- LOV 395/2016 § 1, nr. 20, changes »Arbejdsmarkedets Erhvervssygdomssikring« to »Arbejdsmarkedets
  Erhvervssikring« in a list of units that names § 66, stk. 5, and its nr. 61 changes the same words
  there to »bestyrelsen for Arbejdsmarkedets Erhvervssikring«: LBK 216/2017 § 66, stk. 5, has the latter;
- an earlier deletion: LOV 1605/2013 § 40, nr. 2, "I § 1, stk. 1, § 2 a og § 11, stk. 4, udgår
  »folkehøjskoler,«", then nr. 22, "I § 11, stk. 4, udgår »på folkehøjskoler, husholdningsskoler og
  håndarbejdsskoler og for elever på efterskoler«": LBK 785/2015 § 11, stk. 4, reads "For elever, der
  ikke modtager statslig elevstøtte, …";
- an insertion after the very words an earlier item renamed: LOV 656/2016 § 3, nr. 1, "Overalt i loven …
  ændres »Patientombuddet« til: »Styrelsen for Patientsikkerhed«", then nr. 8, "I § 12 a, stk. 2, 2. pkt.,
  indsættes efter »Patientombuddet«: »eller dennes stedfortræder«": LBK 84/2017 § 12 a, stk. 2, reads
  "Direktøren for Styrelsen for Patientsikkerhed eller dennes stedfortræder";
- whole words only, as the earlier change found them: LOV 1520/2014 § 158, nr. 1 "Overalt … ændres
  »vejbestyrelse« til: »vejmyndighed«", nr. 2 "Overalt … ændres »vejbestyrelsen« til: »vejmyndigheden«",
  nr. 5 "I § 92 a, stk. 3, ændres »vejbestyrelsen eller vejmyndigheden« til: »vejmyndigheden«": nr. 2 (not
  nr. 1 inside the longer word) left "vejmyndigheden eller vejmyndigheden"; LBK 38/2017 § 92 a, stk. 3, reads
  "kan vejmyndigheden over for politiet".
Taken only when the quote is in the unit before the act (the snapshot) and its form after the earlier
changes is in the unit now, and, where both items quote the very same words, only when the later one
builds on the earlier (see below); said as a warning naming both forms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace as dc_replace

import regex

from lovkons.amender.list_readings import quoted
from lovkons.amender.resolve import ResolveError, Resolver, Target
from lovkons.amender.slots import Scope, clean_quote
from lovkons.amender.textops import Warning_, apply_text, join_delete
from lovkons.model.address import Level
from lovkons.model.document import Document, Source
from lovkons.model.edits import DeleteText, InsertText, Operation, ReplaceText

TextOp = ReplaceText | InsertText | DeleteText


def _words(old: str) -> regex.Pattern[str]:
    """The quoted words as the earlier change found them: whole words, never inside a longer one (an
    "Overalt" change of »vejbestyrelse« leaves "vejbestyrelsen" alone: LOV 1520/2014 § 158, nr. 1 and 2)."""
    head = r"(?<![\p{L}\p{N}])" if old[:1].isalnum() else ""
    tail = r"(?![\p{L}\p{N}])" if old[-1:].isalnum() else ""
    return regex.compile(head + regex.escape(old) + tail)


def first_step(op: Operation) -> tuple[Level, str] | None:
    """The first step of the operation's address: the § (or "Overalt": the document)."""
    steps = op.target.steps
    return steps[0] if steps else None


def as_left_by_earlier(doc: Document, target: Target, op: TextOp, resolver: Resolver, scope: Scope,
                       source: Source | None, earlier: Sequence[Operation]) -> tuple[Document, list[Warning_]] | None:
    """The operation applied with its quote as the earlier items of the act left it, or None."""
    quote = quoted(op)
    if not quote:
        return None
    rewritten = quote
    by: list[ReplaceText | DeleteText] = []
    for other in earlier:
        # a change of the whole document ("Overalt") or of the same §
        if not isinstance(other, ReplaceText | DeleteText):
            continue
        where = first_step(other)
        if where is None or (where[0] is not Level.DOKUMENT and where != first_step(op)):
            continue
        old = clean_quote(other.old)
        if not old:
            continue
        words = _words(old)
        if isinstance(other, DeleteText):
            # words struck out by the earlier item: the quote as the deletion left it, joined as a
            # deletion joins the text around it
            hit = words.search(rewritten)
            while hit is not None:
                left = rewritten[:hit.start()]
                rewritten = join_delete(left, rewritten[hit.end():], old)
                by.append(other)
                hit = words.search(rewritten, len(left.rstrip(" ")))
            continue
        new = clean_quote(other.new)
        if new and old != new and words.search(rewritten):
            rewritten = words.sub(new.replace("\\", "\\\\"), rewritten)
            by.append(other)
    if not by or rewritten == quote or not rewritten.strip():
        return None
    # two items that change the very same words: the later one must build on what the earlier one made
    # (its new text holds the earlier new text: LOV 395/2016 § 1, nr. 61, »bestyrelsen for Arbejdsmarkedets
    # Erhvervssikring« after nr. 20's »Arbejdsmarkedets Erhvervssikring»); where they put different words
    # in the same place (LOV 1499/2014 § 1, nr. 36 »anlæg eller en rørledning« and nr. 54 »anlæg« for
    # »offshoreanlæg« in § 40, stk. 1: LBK 831/2015 kept the first) it stays refused. A later item quoting
    # a longer phrase takes the earlier change along (an insertion keeps it, a replacement subsumes it).
    # An insertion after the very words renamed goes after their new form: it adds to them, it puts no
    # other words in their place (LOV 656/2016 § 3, nr. 8 after nr. 1; LBK 84/2017 § 12 a, stk. 2).
    same = [other for other in by if isinstance(other, ReplaceText) and clean_quote(other.old) == quote]
    if same and (isinstance(op, DeleteText) or (isinstance(op, ReplaceText)
                 and not all(clean_quote(other.new) in clean_quote(op.new) for other in same))):
        return None
    try:  # the quote stood in the unit before the act
        before = resolver.snapshot
        apply_text(before, resolver.resolve(before, op.target), op, source)
    except ResolveError:
        return None
    moved = dc_replace(op, anchor=rewritten) if isinstance(op, InsertText) else dc_replace(op, old=rewritten)
    try:
        new_doc, warnings = apply_text(doc, target, moved, source, scope=Scope(shadows=scope.shadows))
    except ResolveError:
        return None
    return new_doc, [*warnings, ("READ_AS_LEFT_BY_EARLIER_ITEM",
                                 f"»{quote}« is not in {op.target}: an earlier item of the act changed it to "
                                 f"»{rewritten}«; the items of an act quote the text before it, so that was meant")]


def _holds(other: Operation, op: TextOp) -> bool:
    """`other` changes the unit `op` names: the same unit, one that holds it, or the whole document."""
    where, here = other.target.steps, op.target.steps
    return bool(where) and (where[0][0] is Level.DOKUMENT or here[:len(where)] == where)


def left_to_longer_quote(doc: Document, target: Target, op: TextOp, resolver: Resolver, scope: Scope,
                         act_ops: Sequence[Operation]) -> tuple[Document, list[Warning_]] | None:
    """No change, where every occurrence of the quote in the cited unit lies inside a longer quote that
    another item of the same act strikes or rewrites in that unit: those words are that item's to change.

    Drafting convention: a renaming over a list of units ("I § 29, stk. 2, 2. pkt., § 35, stk. 1 og 7, …,
    § 42, stk. 2, … ændres »Arbejdsmarkedets Erhvervssygdomssikring« til: »Arbejdsmarkedets
    Erhvervssikring«", LOV 395/2016 § 1, nr. 20) names every unit that holds the old name, also those where
    another item of the act strikes the phrase around it: its nr. 1 strikes »Arbejdsmarkedets
    Erhvervssygdomssikring,« in § 35, stk. 1 (before nr. 20: the words are gone), its nr. 32 strikes
    », Arbejdsmarkedets Erhvervssygdomssikring« twice in § 42, stk. 2 (after nr. 20: renaming them first
    would leave nr. 32 nothing to strike). LBK 216/2017 prints both units as nr. 1 and nr. 32 leave them.
    The partial case (some occurrences inside, the rest renamed) is `text_readings.every_occurrence`'s.
    Taken only for a replacement or a deletion, when the other operation strikes the longer words or
    rewrites them without the quote, targets this unit (or one holding it, or the whole law), and the unit
    as it stood before the act held the quote, every time inside those longer words; said as a warning
    naming both quotes."""
    if not isinstance(op, ReplaceText | DeleteText):
        return None
    quote = clean_quote(op.old)
    longer = tuple(dict.fromkeys(
        clean_quote(other.old) for other in act_ops
        if other is not op and isinstance(other, ReplaceText | DeleteText) and _holds(other, op)
        and not other.nth  # "første gang": the other occurrences are not its (review19 #5)
        and quote and quote in clean_quote(other.old) and len(clean_quote(other.old)) > len(quote)
        and (isinstance(other, DeleteText) or quote not in clean_quote(other.new))))
    if not longer:
        return None
    every = dc_replace(op, count="all")
    inside = Scope(scope.skip, (*scope.shadows, *longer), scope.only)
    before = resolver.snapshot
    try:
        unit = resolver.resolve(before, op.target)
        apply_text(before, unit, every, None, scope=scope)  # the quote stood in the unit before the act …
    except ResolveError:
        return None
    for text, where in ((before, unit), (doc, target)):  # … only inside the longer words, then and now
        try:
            apply_text(text, where, every, None, scope=inside)
        except ResolveError:
            continue
        return None
    return doc, [("LEFT_TO_LONGER_QUOTE", f"»{quote}« stands in {op.target} only inside »{'«, »'.join(longer)}«, "
                  "which another item of the act changes there: those words are that item's, nothing left to change")]
