"""Stage 2 (amender): where in a list the drafter's quoted text stands, and what the item's other
operations leave to a text operation.

Input: a Document, a text operation, its resolved Target, the item's operations; output: a Scope for
`amender.textops.apply_text` and the warning that names the reading. Each reading is a Danish drafting
convention seen in the official consolidations:
- a connector struck from a list item ("I § 58 g, nr. 4, udgår »eller«", LOV 248/2011 § 1, nr. 12, where
  nr. 4 reads "… nr. 2 eller 3, eller") is the one that joins the item to the next: the last one;
- a stk. cited for a text that stands both in its opening words and in one of its numbered items means the
  opening words: an item is cited by its number ("I § 90, stk. 1, indsættes efter »område,«", LOV 532/2015
  § 7, nr. 9: LBK 1074/2016 inserts in the opening words, not in nr. 1);
- the last item of a list cited for the words that close the list ("I … § 58, stk. 1, nr. 4, … ændres »§ 52,
  stk. 3, nr. 8«", LOV 628/2010 § 1, nr. 29, where those words follow nr. 4): the closing words are meant.
"""

from __future__ import annotations

from collections.abc import Sequence

from lovkons.amender.resolve import ResolveError, Resolver, Target
from lovkons.amender.slots import Scope, Slot, clean_quote, slots_for
from lovkons.amender.textops import Warning_
from lovkons.amender.tree import node_at
from lovkons.model.document import Document, Kind
from lovkons.model.edits import DeleteText, InsertText, Operation, ReplaceText

TextOp = ReplaceText | InsertText | DeleteText
_CONNECTORS = frozenset({"og", "eller", "samt", ", og", ", eller", ", samt"})
_LIST = (Kind.NR, Kind.LITRA)


def quoted(op: TextOp) -> str:
    return clean_quote(op.anchor if isinstance(op, InsertText) else op.old)


def item_scope(doc: Document, op: TextOp, resolver: Resolver, item_ops: Sequence[Operation]) -> Scope:
    """Sub-units another operation of the item names with the same quoted text (left to it), and the
    longer quoted texts of the item's operations on the same unit (their occurrences are theirs)."""
    mine = quoted(op)
    skip = []
    shadows = []
    steps = op.target.steps
    for other in item_ops:
        if other is op or not isinstance(other, ReplaceText | InsertText | DeleteText):
            continue
        theirs, others = quoted(other), other.target.steps
        related = others[: len(steps)] == steps or steps[: len(others)] == others
        if theirs == mine and len(others) > len(steps) and others[: len(steps)] == steps:
            try:
                sub = resolver.resolve(doc, other.target)
            except ResolveError:
                continue
            skip.append(sub.path)
        elif related and mine and mine in theirs and len(theirs) > len(mine):
            shadows.append(theirs)
    return Scope(tuple(skip), tuple(dict.fromkeys(shadows)))


def list_readings(doc: Document, target: Target, op: TextOp, err: ResolveError, scope: Scope) -> list[tuple[Scope, Warning_]]:
    """The list readings that apply to a refused text operation, in order (see the module docstring)."""
    if target.kind != "node":
        return []
    node = node_at(doc, target.path)
    out: list[tuple[Scope, Warning_]] = []
    mine = quoted(op)
    if err.code == "OCCURRENCE_MISMATCH" and node.kind in _LIST and mine in _CONNECTORS and op.count == 1:
        text = node.text.rstrip()
        if text.endswith(mine) and (mine[0] == "," or text[-len(mine) - 1 : -len(mine)] == " "):
            start = len(text) - len(mine)
            out.append((Scope(shadows=scope.shadows, only=(Slot("node", target.path, "text", start, len(text)),)),
                        ("CONNECTOR_AT_ITEM_END", f"»{mine}« occurs more than once in {op.target}; the one that "
                         "ends the item and joins it to the next was taken")))
    if err.code == "OCCURRENCE_MISMATCH" and any(c.kind in _LIST for c in node.children) and node.text:
        out.append((Scope(shadows=scope.shadows, only=(Slot("node", target.path),)),
                    ("OPENING_WORDS_MEANT", f"»{mine}« stands in the opening words of {op.target} and in its numbered "
                     "items; an item is cited by its number, so the opening words were taken")))
    if err.code == "TEXT_NOT_FOUND" and node.kind in _LIST:
        siblings = node_at(doc, target.path[:-1]).children
        i = target.path[-1]
        rest = siblings[i + 1 :]
        if rest and all(c.kind is Kind.TEKST for c in rest):  # the last item, followed by closing words
            only = tuple(s for k in range(i + 1, len(siblings))
                         for s in slots_for(doc, Target("node", (*target.path[:-1], k))))
            out.append((Scope(shadows=scope.shadows, only=only),
                        ("TOLERATED_CLOSING_WORDS", f"»{mine}« is not in {op.target} but in the words that close "
                         "the list after it; those were meant")))
    return out
