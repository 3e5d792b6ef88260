"""Stage 2 (amender): the safety net after consolidation: whatever no applied operation touched must
be exactly as in the base (title, indledning, title note, headings, kapitler, §§, bilag, notes).

Input: the base Document, the result and the touched ids; output: UNTOUCHED_CHANGED Problems.
"""

from __future__ import annotations

from collections.abc import Sequence

from lovkons.model.document import Document, Kind, Node, Problem

_STRINGS = (("title", "the title"), ("preamble", "the indledning"), ("titlenote", "the title note"))


def _string(doc: Document, kind: str) -> str | None:
    if kind == "title":
        return doc.meta.title
    return doc.preamble if kind == "preamble" else doc.title_note


def _shallow(node: Node) -> tuple[object, ...]:
    return (node.kind, node.label, node.text, node.heading, node.repealed)


def _name(node: Node) -> str:
    if node.kind is Kind.PARAGRAF:
        return f"§ {node.label}"
    if node.kind is Kind.OVERSKRIFT:
        return f"the heading »{node.text[:40]}«"
    return f"{node.kind.value} {node.label or ''}".strip()


def _problem(what: str, address: str | None) -> Problem:
    return Problem("UNTOUCHED_CHANGED", f"{what} changed although no operation touched it (a bug in the "
                   "amender)", "error", None, address)


def _heading_touched(siblings: Sequence[Node], i: int, touched: set[str]) -> bool:
    """A heading belongs to the § it stands before (and, for "efter § N", the one after which it stands)."""
    if siblings[i].id in touched:
        return True
    j = i + 1
    while j < len(siblings) and siblings[j].kind is Kind.OVERSKRIFT:
        j += 1
    k = i - 1
    while k >= 0 and siblings[k].kind is Kind.OVERSKRIFT:
        k -= 1
    return (j < len(siblings) and siblings[j].id in touched) or (k >= 0 and siblings[k].id in touched)


def _check(siblings: Sequence[Node], now: dict[str, Node], touched: set[str], out: list[Problem]) -> None:
    # a module function, not a closure that calls itself (a reference cycle the cyclic GC must free)
    for i, node in enumerate(siblings):
        after = now.get(node.id)
        if node.kind is Kind.PARAGRAF or node.kind is Kind.BILAG:
            if node.id not in touched and after != node:
                out.append(_problem(_name(node), _name(node)))
        elif node.kind is Kind.OVERSKRIFT:
            if not _heading_touched(siblings, i, touched) and after != node:
                out.append(_problem(_name(node), None))
        elif node.kind in (Kind.KAPITEL, Kind.AFSNIT):
            if node.id not in touched and (after is None or _shallow(after) != _shallow(node)):
                out.append(_problem(_name(node), _name(node)))
            _check(node.children, now, touched, out)
        elif node.id not in touched and after != node:
            out.append(_problem(_name(node), None))


def safety_net(base: Document, result: Document, touched: set[str]) -> list[Problem]:
    """Every unit no applied operation touched must be exactly as in the base."""
    now = {n.id: n for n in result.walk()}
    out = [_problem(name.capitalize(), None) for kind, name in _STRINGS
           if kind not in touched and _string(base, kind) != _string(result, kind)]
    _check(base.children, now, touched, out)
    return out
