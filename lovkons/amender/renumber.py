"""Stage 2 (amender): automatic renumbering (rykning) of stk., nr. and litra after an insert or repeal.

Input: a sibling tuple and the index of the first changed unit; output: the siblings relabelled so
that numbers run on from the unit before the change. §§ never renumber (drafting rule, VLK 2.3.6.6).
"""

from __future__ import annotations

import regex

from lovkons.model.document import Kind, Node

RENUMBERED = (Kind.STK, Kind.NR, Kind.LITRA)
LETTERS = "abcdefghijklmnopqrstuvwxyzæøå"
_NUMERIC = regex.compile(r"(\d+)(?:\s*([A-Za-zæøåÆØÅ]))?")


def _number(label: str | None) -> tuple[int, str] | None:
    m = _NUMERIC.fullmatch(label or "")
    return (int(m[1]), m[2] or "") if m else None


def is_letter_label(label: str | None) -> bool:
    return bool(label) and label is not None and label.lower() in LETTERS and len(label) == 1


def renumber(children: tuple[Node, ...], kind: Kind, start: int) -> tuple[Node, ...]:
    """Relabel the `kind` siblings from index `start` on, continuing the numbering before `start`.

    Plain numbers count up ("2" → "3"); lettered ones ("2 a") keep their letter and follow the
    number before them; litra run a, b, c … A node whose label the scheme does not understand stops
    the renumbering (better to leave the rest as found than to guess)."""
    if kind not in RENUMBERED:
        return children
    out = list(children)
    prev_num = 0
    prev_letter = -1
    for i, node in enumerate(children):
        if node.kind is not kind:
            continue
        if kind is Kind.LITRA:
            if i >= start:
                new = LETTERS[prev_letter + 1] if prev_letter + 1 < len(LETTERS) else node.label
                if node.label is not None and not is_letter_label(node.label):
                    break
                if new != node.label:
                    out[i] = node.with_(label=new)
                prev_letter += 1
            else:
                label = (node.label or "").lower()
                prev_letter = LETTERS.index(label) if is_letter_label(label) else prev_letter + 1
            continue
        parsed = _number(node.label)
        if i < start:
            if parsed:
                prev_num = parsed[0]
            else:
                prev_num += 1
            continue
        if node.label is not None and parsed is None:
            break
        if parsed and parsed[1]:
            new_label = f"{prev_num} {parsed[1]}"
        else:
            prev_num += 1
            new_label = str(prev_num)
        if new_label != node.label:
            out[i] = node.with_(label=new_label)
    return tuple(out)


def first_of_kind(children: tuple[Node, ...], kind: Kind) -> int:
    for i, node in enumerate(children):
        if node.kind is kind:
            return i
    return len(children)
