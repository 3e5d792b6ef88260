"""Stage 2 (amender): a text operation on the unit its address names, with the readings a drafter meant.

Input: Document, ReplaceText/InsertText/DeleteText, the order's snapshot Resolver; output: an Outcome.
When the quoted text is not where the pre-order labels point, the unit carrying the label now or the
renumbered punktum is taken, only when the quoted text proves it, and reported as a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace as dc_replace

import regex

from lovkons.amender.citation_forms import citation_form
from lovkons.amender.earlier_items import as_left_by_earlier, first_step, left_to_longer_quote
from lovkons.amender.genitive import genitive_form, genitive_quoted
from lovkons.amender.list_readings import item_scope, list_readings, quoted
from lovkons.amender.older_act import in_other_stk
from lovkons.amender.own_citation import list_member_citation, own_paragraf_citation
from lovkons.amender.resolve import ResolveError, Resolver, Target, resolve_current
from lovkons.amender.slots import Scope
from lovkons.amender.textops import (
    Warning_,
    apply_text,
    clean_quote,
    find_matches,
    get_string,
    sentence_spans,
    slots_for,
)
from lovkons.amender.tree import node_at
from lovkons.amender.units import Outcome, owner_id
from lovkons.model.document import Address, Document, Kind, Level, Source
from lovkons.model.edits import DeleteText, InsertText, Operation, ReplaceText


def text_op(doc: Document, op: ReplaceText | InsertText | DeleteText, resolver: Resolver,
            source: Source | None, item_ops: Sequence[Operation] = (), act_ops: Sequence[Operation] = (),
            earlier: Sequence[Operation] = (), *, older: bool = False) -> Outcome:
    """The readings in turn: the unit the pre-order labels name, the renumbered punktum, the unit the
    label names now; then where in a list the text stands (`amender.list_readings`); last, the named
    unit read past an obvious slip in the quoted text (TOLERATED_*); the quote as an earlier item of the
    act left it (`amender.earlier_items`), as the § cites itself (`amender.own_citation`), in the other
    customary form of the same citation (`amender.citation_forms`), or in the genitive (`amender.genitive`). The item's
    other operations narrow what this one may change (`list_readings.item_scope`)."""
    try:
        scope = item_scope(doc, op, resolver, item_ops)
    except ResolveError:
        scope = Scope()
    scope = genitive_quoted(op, scope, act_ops)
    try:
        return _text_op(doc, op, resolver, source, scope)
    except ResolveError as err:
        if err.code == "AMBIGUOUS_TARGET" and (first := _first_stk(op)) is not None:
            return _in_first_stk(doc, op, first, resolver, source, scope, err)
        if err.code not in ("TEXT_NOT_FOUND", "OCCURRENCE_MISMATCH"):
            raise
        try:
            target = resolver.resolve(doc, op.target)
        except ResolveError:
            raise err from None
        readings: list[tuple[Scope, Warning_ | None]] = [*list_readings(doc, target, op, err, scope)]
        if err.code == "TEXT_NOT_FOUND":
            readings.append((scope, None))
        for narrowed, said in readings:
            try:
                new_doc, warnings = apply_text(doc, target, op, source, before=resolver.snapshot, slips=said is None,
                                               scope=narrowed)
            except ResolveError:
                continue
            return Outcome(new_doc, [*warnings, *([said] if said else [])], _touched_by_text(doc, new_doc, target))
        counted = comma_at_punktum_end(doc, target, op, err, resolver, scope, source)
        if counted is None:
            counted = every_occurrence(doc, target, op, err, resolver, scope, source, act_ops)
        if counted is not None:
            return counted
        left = as_left_by_earlier(doc, target, op, resolver, scope, source, earlier) \
            if err.code == "TEXT_NOT_FOUND" else None
        if left is None:
            left = left_to_longer_quote(doc, target, op, resolver, scope, act_ops)
        if left is None and err.code == "TEXT_NOT_FOUND":
            left = own_paragraf_citation(doc, target, op, source, scope, resolver.snapshot) or \
                list_member_citation(doc, target, op, source, scope, resolver.snapshot) or \
                citation_form(doc, target, op, source, scope, resolver.snapshot) or \
                genitive_form(doc, target, op, source, scope, resolver.snapshot)
        if left is not None:
            return Outcome(left[0], left[1], _touched_by_text(doc, left[0], target))
        other = _other_pkt(doc, target, op, source) if err.code == "TEXT_NOT_FOUND" else None
        if other is not None and not _pkt_named_by_item(op, other.pkt, item_ops):
            new_doc, warnings = apply_text(doc, other, op, source, scope=Scope(shadows=scope.shadows))
            warnings = [*warnings, ("TEXT_IN_OTHER_PKT", f"»{quoted(op)}« is not in {op.target} but only in the "
                                    f"{other.pkt}. pkt. of the same unit; that punktum was taken")]
            return Outcome(new_doc, warnings, _touched_by_text(doc, new_doc, other))
        moved = in_other_stk(doc, op, source, act_ops) if older and err.code == "TEXT_NOT_FOUND" else None
        if moved is not None:  # an act older than its base: the stk. that holds the quote (amender.older_act)
            return Outcome(moved[0], moved[1], _touched_by_text(doc, moved[0], moved[2]))
        raise


def _first_stk(op: ReplaceText | InsertText | DeleteText) -> Address | None:
    """"§ 60, 1. pkt." → "§ 60, stk. 1, 1. pkt." (the first punktum of a § is the first of its stk. 1); "§ 11 a,
    nr. 2" → "§ 11 a, stk. 1, nr. 2" (a list cited as the §'s own is that of its first stk.: "stk. 1" is left out
    while a § has one stk., and the § may have gained more since the act was drafted)."""
    steps = op.target.steps
    if len(steps) == 2 and steps[0][0] is Level.PARAGRAF and (steps[1] == (Level.PKT, "1") or steps[1][0] is Level.NR):
        return Address((steps[0], (Level.STK, "1"), steps[1]))
    return None


def _in_first_stk(doc: Document, op: ReplaceText | InsertText | DeleteText, first: Address, resolver: Resolver,
                  source: Source | None, scope: Scope, err: ResolveError) -> Outcome:
    """"I … § 60, 1. pkt., … ændres »Arbejdsskadestyrelsen« til: »Arbejdsmarkedets Erhvervssikring«" (LOV
    395/2016 § 1, nr. 7) where § 60 has two stk.: a citation that names no stk. of a § that has several, but the
    first punktum of a § is the first of its stk. 1 (LBK 216/2017 § 60, stk. 1, 1. pkt.). Taken only where the
    quoted text stands there as often as said (the text proves the place), said as PKT_OF_FIRST_STK; else the
    citation stays ambiguous (AMBIGUOUS_TARGET)."""
    try:
        done = _text_op(doc, dc_replace(op, target=first), resolver, source, scope)
    except ResolveError:
        raise err from None
    if op.target.last[0] is Level.NR:  # LOV 221/2015 § 1, nr. 4; LBK 1351/2015 § 11 a, stk. 1, nr. 2
        if _also_in_other_stk(doc, op, resolver, source, scope):
            raise err from None  # the quoted text stands in another stk.'s nr. too: still ambiguous (review19 #3)
        said = (f"{op.target} names no stk. of a § that has several; read as the list of its stk. 1 (the § as "
                "cited while it had one stk.), where the quoted text stands")
        return Outcome(done.doc, [*done.warnings, ("NR_OF_FIRST_STK", said)], done.touched)
    said = (f"{op.target} names no stk. of a § that has several; its first punktum is that of stk. 1, "
            "where the quoted text stands")
    return Outcome(done.doc, [*done.warnings, ("PKT_OF_FIRST_STK", said)], done.touched)


def _also_in_other_stk(doc: Document, op: ReplaceText | InsertText | DeleteText, resolver: Resolver,
                       source: Source | None, scope: Scope) -> bool:
    """Whether the operation would apply as well to the nr. of the same number in a stk. other than the first."""
    paragraf, nr = op.target.steps[0], op.target.steps[-1]
    try:
        node = node_at(doc, resolver.resolve(doc, Address((paragraf,))).path)
    except ResolveError:
        return False
    for stk in node.children:
        if stk.kind is not Kind.STK or stk.label in (None, "1"):
            continue
        try:
            _text_op(doc, dc_replace(op, target=Address((paragraf, (Level.STK, stk.label), nr))), resolver, source, scope)
        except ResolveError:
            continue
        return True
    return False


# A name ("Arbejdsskadestyrelsen", "Natur- og Miljøklagenævnet") or a reference ("stk. 2, nr. 3,"): what
# a renaming or a consequential renumbering changes wherever the cited unit mentions it
_NAME_OR_REFERENCE = regex.compile(r"^\p{Lu}|\d")


def every_occurrence(doc: Document, target: Target, op: ReplaceText | InsertText | DeleteText, err: ResolveError,
                     resolver: Resolver, scope: Scope, source: Source | None,
                     act_ops: Sequence[Operation] = ()) -> Outcome | None:
    """A replacement whose count the cited unit does not bear out changes every occurrence in that unit.

    Drafting convention (a navneændring / konsekvensændring): "I § 34, stk. 1, stk. 2, 1. og 3. pkt.,
    og stk. 3-5, … ændres »Arbejdsskadestyrelsen« til: »Arbejdsmarkedets Erhvervssikring«" (LOV 395/2016
    § 1, nr. 7) renames the authority wherever the cited units name it; the count words ("to steder")
    are the drafter's tally, and where the tally is off the official consolidations change every
    occurrence: in all 24 mismatches of the development cases (LBK 216/2017 § 34, stk. 3: two where the
    item says one; § 55, stk. 6: one where it says "to steder"; LBK 118/2017 § 53 j: eleven »Natur- og
    Miljøklagenævnet«) the LBK keeps none of the old text. Taken only for a replacement, and where the
    unit holds more occurrences than said, only for a name or a reference (a capital letter, a digit):
    an ordinary word said once but found twice may mean one of them, and stays refused. Said as
    TOLERATED_COUNT, with both counts.

    The drafter's tally may leave out an occurrence that another item of the same act changes in a
    longer quote: LOV 395/2016 § 1, nr. 7, renames »Arbejdsskadestyrelsen« once in § 34, stk. 5, which
    names it twice, because its nr. 21 changes »Direktøren for Arbejdsskadestyrelsen fastsætter« there.
    Occurrences inside such a longer quote of an operation of the act on the same § are left to it;
    when that makes the count right, only the rest is changed (said so too)."""
    if err.code != "OCCURRENCE_MISMATCH" or not isinstance(op, ReplaceText) or err.counts is None or op.count == "all":
        return None
    found, said = err.counts
    paragraf = first_step(op)
    longer = tuple(dict.fromkeys(
        text for other in act_ops if other is not op and first_step(other) == paragraf
        for text in (getattr(other, "old", None), getattr(other, "anchor", None))
        if text and op.old in text and len(text) > len(op.old)))
    scope = Scope(scope.skip, (*scope.shadows, *longer), scope.only) if longer else scope
    if longer:
        try:
            new_doc, warnings = apply_text(doc, target, op, source, before=resolver.snapshot, scope=scope)
            left = "«, »".join(longer)
            warnings = [*warnings, ("TOLERATED_COUNT", f"»{op.old}« occurs {found} times in {op.target}, the item "
                                    f"says {said}: the occurrences inside »{left}«, which another item of the act "
                                    "changes, were left to it")]
            return Outcome(new_doc, warnings, _touched_by_text(doc, new_doc, target))
        except ResolveError:
            pass
    if found > said and not _NAME_OR_REFERENCE.search(op.old):
        return None
    try:
        new_doc, warnings = apply_text(doc, target, dc_replace(op, count="all"), source, before=resolver.snapshot,
                                       scope=scope)
    except ResolveError:
        return None
    warnings = [*warnings, ("TOLERATED_COUNT", f"»{op.old}« occurs {found} times in {op.target}, the item says "
                            f"{said}: every occurrence was changed, as the official consolidations do")]
    return Outcome(new_doc, warnings, _touched_by_text(doc, new_doc, target))


def comma_at_punktum_end(doc: Document, target: Target, op: ReplaceText | InsertText | DeleteText,
                         err: ResolveError, resolver: Resolver, scope: Scope, source: Source | None) -> Outcome | None:
    """A quoted reference closed by a comma also stands where the reference ends its punktum.

    Drafting convention: the comma that closes a quoted citation (»stk. 2, nr. 3,«) is the punctuation
    after the cited words; where they end a punktum that punctuation is its full stop. LOV 268/2014 § 4,
    nr. 14 changes »stk. 2, nr. 3,« "to steder" to »stk. 2, nr. 4,« in § 20, stk. 7 of the law on
    forvaltere af alternative investeringsfonde, which reads "… som nævnt i stk. 2, nr. 3, …" once and
    "… i form af instrumenter som nævnt i stk. 2, nr. 3. Stk. 5 og 6 …" once; LBK 1074/2016 changes both
    and keeps the full stop ("stk. 2, nr. 4."). LOV 471/2011 § 2, nr. 1 quotes »… efter § 14, stk. 1-4
    og 6,« where § 2 a, stk. 1 ends "… § 14, stk. 1-4 og 6." and writes its new text with the full stop.
    Taken only when the count the item says is reached with the occurrences ending a punktum (a full
    stop followed by the end of the unit or a space); there the new text closes with the full stop.
    Said as TOLERATED_COMMA_AS_FULL_STOP, with both spellings.

    An insertion after such a quote is the same change: "I § 7, stk. 1, 3 og 7, og § 13, stk. 3 og 5,
    indsættes efter »§ 16, stk. 1,«: »3. pkt.,«" (LOV 922/2012 § 7, nr. 1) where personskattelovens § 13,
    stk. 5 ends "… pensionsbeskatningslovens § 16, stk. 1."; LBK 382/2013 prints "§ 16, stk. 1, 3. pkt.".

    Only a citation's comma: the quote ends in the number (or lettered number) of what it cites. "I § 44 a, stk.
    10, 1. pkt., indsættes efter »beskæftigelse efter denne lov,«: »oplysninger om udlændinge, der har opnået
    beskæftigelse i medfør af § 14 a,«" (LOV 430/2013 § 1, nr. 33) where the punktum ends "… på baggrund af
    beskæftigelse efter denne lov.": no LBK prints the words (LBK 863/2013, 412/2016); refused.

    A new text that ends in a connector (»jf. § 52, stk. 2, og«: the unit no longer ends the list, a new nr.
    follows) keeps no full stop: LOV 738/2015 § 1, nr. 77 on årsregnskabslovens § 49, stk. 2, nr. 6 ("…, jf. § 52,
    stk. 2.") with nr. 78 adding nr. 7; LBK 1580/2015 prints "…, jf. § 52, stk. 2, og"."""
    if (isinstance(op, InsertText) and op.position == "after" and not op.nth and clean_quote(op.anchor).endswith(",")
            and not clean_quote(op.new).startswith((",", ".", ";", ":"))):
        anchor = clean_quote(op.anchor)
        op = ReplaceText(op.target, anchor, f"{anchor} {clean_quote(op.new)}", op.count, op.source, op.exceptions)
    if not isinstance(op, ReplaceText) or not isinstance(op.count, int) or err.code not in (
            "TEXT_NOT_FOUND", "OCCURRENCE_MISMATCH"):
        return None
    old, new = clean_quote(op.old).rstrip(), clean_quote(op.new).rstrip()
    found = err.counts[0] if err.counts else 0
    if not _CITATION_COMMA.search(old) or found >= op.count:
        return None
    stop_old = old[:-1] + "."
    stop_new = new[:-1] if new.endswith((",", ".")) else new
    if not _CONNECTOR_END.search(stop_new):
        stop_new += "" if stop_new.endswith(".") else "."  # »3. pkt.,« ends the punktum as "3. pkt.": one full stop
    try:
        doc1, warnings = (apply_text(doc, target, dc_replace(op, count=found), source, before=resolver.snapshot,
                                     scope=scope) if found else (doc, []))
        stop = ReplaceText(op.target, stop_old, stop_new, op.count - found, op.source, op.exceptions)
        if not _at_punktum_end(doc1, target, stop, scope):
            return None
        new_doc, more = apply_text(doc1, target, stop, source, before=resolver.snapshot, scope=scope)
    except ResolveError:
        return None
    said = (f"»{old}« occurs {found} times in {op.target}, the item says {op.count}; " if found else
            f"»{old}« is not in {op.target}; ")
    return Outcome(new_doc, [*warnings, *more, ("TOLERATED_COMMA_AS_FULL_STOP", said + f"read as »{stop_old}« where "
                             f"it ends a punktum ({op.count - found} times), changed to »{stop_new}«")],
                   _touched_by_text(doc, new_doc, target))


# a quote that ends in a citation and its comma: »stk. 2, nr. 3,«, »§ 14, stk. 1-4 og 6,«, »side 17,«, »nr. 2 a,«
_CITATION_COMMA = regex.compile(r"\d+(?:\s?[a-zA-ZæøåÆØÅ])?,$")
# a new text that ends in a list's connector: the unit runs on into the next one
_CONNECTOR_END = regex.compile(r",?\s(?:og|eller|samt)$")


def _at_punktum_end(doc: Document, target: Target, op: ReplaceText, scope: Scope) -> bool:
    """Every occurrence of the quote ends a punktum: its full stop is followed by the end or a space."""
    slots = scope.narrow(slots_for(doc, target))
    matches, _ = find_matches(doc, slots, clean_quote(op.old), op.count, shadows=scope.shadows)
    return all(get_string(doc, slot)[b:b + 1] in ("", " ", "\n") for slot, spans in matches for _, b in spans)


def _text_op(doc: Document, op: ReplaceText | InsertText | DeleteText, resolver: Resolver,
             source: Source | None, scope: Scope) -> Outcome:
    try:
        target = resolver.resolve(doc, op.target)
    except ResolveError as err:
        # the unit named before the order is gone: the unit carrying the label now is taken only
        # when the quoted text proves it (a warning names the reading)
        if err.code != "TARGET_NOT_FOUND" or not (op.anchor if isinstance(op, InsertText) else op.old):
            raise
        try:
            now = resolve_current(doc, op.target)
            new_doc, warnings = apply_text(doc, now, op, source, scope=Scope(shadows=scope.shadows))
        except ResolveError:
            raise err from None
        warnings = [*warnings, *([now.reading] if now.reading else []),
                    ("RESOLVED_BY_CURRENT_LABEL", f"{op.target}: the unit it named before the "
                     "order was removed by an earlier item; read with the current labels")]
        return Outcome(new_doc, warnings, _touched_by_text(doc, new_doc, now))
    try:
        new_doc, warnings = apply_text(doc, target, op, source, before=resolver.snapshot, scope=scope)
    except ResolveError as err:
        shifted = _shifted_pkt(doc, target, op, source)
        if shifted is not None:
            new_doc, warnings = apply_text(doc, shifted, op, source, scope=Scope(shadows=scope.shadows))
            warnings = [*warnings, ("PKT_RENUMBERED", f"{op.target}: the punktummer were renumbered by an earlier "
                                    f"item of this order; the quoted text is in {shifted.pkt}. pkt. now")]
            return Outcome(new_doc, warnings, _touched_by_text(doc, new_doc, shifted))
        # labels follow the pre-order numbering, but a drafter may have used the new label:
        # accept the unit that carries the label now only if the quoted text proves it
        if err.code != "TEXT_NOT_FOUND" or target.via != "snapshot":
            raise
        try:
            now = resolve_current(doc, op.target)
            if now.path == target.path:
                raise err from None
            new_doc, warnings = apply_text(doc, now, op, source, scope=Scope(shadows=scope.shadows))
        except ResolveError:
            raise err from None
        warnings = [*warnings, *([now.reading] if now.reading else []),
                    ("RESOLVED_BY_CURRENT_LABEL", f"{op.target} read with the labels after the earlier items of this order")]
        target = now
    touched = _touched_by_text(doc, new_doc, target)
    return Outcome(new_doc, warnings, touched)


def _one_other_pkt(doc: Document, text: str, target: Target, op: ReplaceText | InsertText | DeleteText,
                   source: Source | None) -> Target | None:
    """The punktum of the unit, other than the cited one, where the operation applies — when exactly one does."""
    fits = []
    for k in range(1, len(sentence_spans(text)) + 1):
        if k == target.pkt:
            continue
        try:
            apply_text(doc, Target("pkt", target.path, pkt=k, via=target.via), op, source)
        except ResolveError:
            continue
        fits.append(k)
    return Target("pkt", target.path, pkt=fits[0], via=target.via) if len(fits) == 1 else None


def _shifted_pkt(doc: Document, target: Target, op: ReplaceText | InsertText | DeleteText,
                 source: Source | None) -> Target | None:
    """"I § 351, stk. 6, 3. pkt., der bliver 2. pkt., …" after an earlier item of the same order merged
    punktummer: pkt. numbers count from before the order. When the unit was changed by this order and
    the quoted text fits exactly one other punktum, that punktum is meant."""
    if target.kind != "pkt" or source is None or not (op.anchor if isinstance(op, InsertText) else op.old):
        return None
    node = node_at(doc, target.path)
    if not any(s.document == source.document for s in node.changed_by):
        return None
    return _one_other_pkt(doc, node.text, target, op, source)


def _other_pkt(doc: Document, target: Target, op: ReplaceText | InsertText | DeleteText,
               source: Source | None) -> Target | None:
    """The one other punktum of the cited unit that holds the quoted text, when the cited one does not.

    A punktum number is the drafter's count, and the quote names the place: LOV 616/2013 § 1, nr. 13,
    "I … § 144, stk. 4, 2. pkt., … ændres »årsrapport« til: »årsregnskab m.v.«", where the word stands
    in 3. pkt. only (LBK 610/2015 § 144, stk. 4, 3. pkt., reads "årsregnskab m.v."). Taken only when
    exactly one other punktum fits; said as TEXT_IN_OTHER_PKT."""
    if target.kind != "pkt" or not quoted(op):
        return None
    return _one_other_pkt(doc, node_at(doc, target.path).text, target, op, source)


def _pkt_named_by_item(op: ReplaceText | InsertText | DeleteText, pkt: int | None,
                       item_ops: Sequence[Operation]) -> bool:
    """Another operation of the same item names that punktum of the unit itself: its quote there is that
    operation's, not a slip of this one. LOV 296/2016 § 1, nr. 2, "I § 13, stk. 11, 1. og 6. pkt., og § 54 a,
    stk. 1, 1. og 5. pkt., ændres »5 uger« til: »4 uger«": the 1. pkt. reads "5 ugers" (amender.genitive);
    its change had been put in the 5. pkt., whose own change was then refused."""
    steps = op.target.steps
    if pkt is None or not steps or steps[-1][0] is not Level.PKT:
        return False
    mine = (*steps[:-1], (Level.PKT, str(pkt)))
    return any(other is not op and getattr(other, "target", None) is not None and other.target.steps == mine
               for other in item_ops)


def _touched_by_text(old: Document, new: Document, target: Target) -> set[str]:
    if target.kind in ("title", "preamble", "titlenote"):
        return {target.kind}
    if target.kind != "document":
        return {owner_id(old, target.path)}
    before = {n.id: n for n in old.walk()}  # "Overalt": §§, headings and kapitler it changed
    changed = {n.id for n in new.walk() if before.get(n.id) is not n}
    return changed | {k for k in ("title", "preamble", "titlenote") if getattr(old, k, None) != getattr(new, k, None)}
