"""Stage 2 (amender): a change of words by an act older than its base, in the stk. of the cited § that holds the
quoted text when the cited stk. does not.

Drafting fact: an amending act cites the units as they stood when it was passed. When the base is a consolidation
published after the act (the act's change was left out of it, not yet in force or to be set in force by the
minister), acts in between may have renumbered the stykker, and the text the act cites them in is not at hand.
LOV 1631/2013 § 3, nr. 1 changes »vandplaner efter miljømålsloven« in vandløbslovens "§ 12, stk. 3"; the base,
LBK 1579/2015, has the words in § 12, stk. 4 (a stk. on Gudenåen stands before it now), and LBK 1219/2016 changes
them there. The quote is the proof: taken only when the cited stk. does not hold it and exactly one other stk. of
the same § holds it as often as said, and that stk. is a neighbour of the cited one (K-1 or K+1: one stk. inserted
or repealed before it moves it by one; on the 195 development cases the rule fires once, 3 → 4, above); said as
TEXT_IN_OTHER_STK. Input: the document, the text operation whose
address is "§ N, stk. K"; output: the document and warnings, or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace as dc_replace

from lovkons.amender.earlier_items import first_step
from lovkons.amender.resolve import ResolveError, Target, resolve_current
from lovkons.amender.textops import Warning_, apply_text
from lovkons.amender.tree import node_at
from lovkons.model.document import Document, Kind, Level, Source
from lovkons.model.edits import DeleteText, InsertText, Operation, ReplaceText

_WORDS = frozenset({"replace_text", "insert_text", "delete_text"})  # changes of words: no label moves


def in_other_stk(doc: Document, op: ReplaceText | InsertText | DeleteText, source: Source | None,
                 act_ops: Sequence[Operation] = ()) -> tuple[Document, list[Warning_], Target] | None:
    """The operation made in the one other stk. of the cited § that holds the quoted text (module docstring).
    Not when the act itself changes the stykker of that § (a new, repealed or rewritten unit): then the labels
    are the act's own count (LOV 628/2010 § 1, nr. 29 cites servicelovens § 140, stk. 6 as its nr. 50-52 make
    it; LBK 81/2011 keeps »§ 52, stk. 3, nr. 8« in § 140, stk. 4)."""
    steps = op.target.steps
    if len(steps) != 2 or steps[0][0] is not Level.PARAGRAF or steps[1][0] is not Level.STK:
        return None
    if any(other.op not in _WORDS and first_step(other) == steps[0] for other in act_ops):
        return None
    try:
        paragraf = resolve_current(doc, op.target.parent)
    except ResolveError:
        return None
    node = node_at(doc, paragraf.path)
    fits: list[tuple[Document, list[Warning_], Target]] = []
    for i, child in enumerate(node.children):
        if child.kind is not Kind.STK or (child.label or "1") == steps[1][1]:
            continue
        target = Target("node", (*paragraf.path, i), via="current")
        try:
            new_doc, warnings = apply_text(doc, target, op, source)
        except ResolveError:
            continue
        fits.append((new_doc, warnings, target))
    if len(fits) != 1:
        return None
    new_doc, warnings, target = fits[0]
    label = node.children[target.path[-1]].label or "1"
    if not _neighbours(label, steps[1][1]):
        return None  # a quote two or more stykker away proves no renumbering by one act
    moved = dc_replace(op.target, steps=(steps[0], (Level.STK, label)))
    return new_doc, [*warnings, ("TEXT_IN_OTHER_STK", f"»{_quote(op)}« is not in {op.target} but only in {moved}; "
                                 "the act is older than its base and cites the stykker as they stood then")], target


def _neighbours(label: str, cited: str) -> bool:
    """Stk. `label` is next to stk. `cited` ("4" and "3"); labels that are not numbers are not."""
    return label.isdigit() and cited.isdigit() and abs(int(label) - int(cited)) == 1


def _quote(op: ReplaceText | InsertText | DeleteText) -> str:
    return op.anchor if isinstance(op, InsertText) else op.old
