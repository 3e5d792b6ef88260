"""Stage 1 (parsers): a number the act left out of an item's citation, supplied by its neighbouring item.

Convention: a change block's items run through the amended law in its order, and consecutive items that change
one list name the same § and stk. When an item cites "§ 9 a, stk. ," — the stk. number left out, a slip of the
print — and the nearest preceding item of the same change block names the same § with a stk., that stk. is the
one meant (LOV 1563/2016 § 1: nr. 3 "I § 9 a, stk. 1, nr. 2, udgår »og«", nr. 4 "I § 9 a, stk. 1, nr. 3,
indsættes …", nr. 5 "I § 9 a, stk. , indsættes som nr. 4: »4) donationer til skolen.«" — the list of stk. 1 the
two items before it close gets its nr. 4). Read so with a TOLERATED_CITATION warning naming both items; without
such a neighbour the item stays refused (clauses._REFUSED: "a citation that lost a number"). The amender still
checks that the new unit fits where it is put (an "indsættes som nr. 4" in a stk. whose list is not nr. 1-3 is
refused there).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from lovkons.model.address import Address
from lovkons.model.document import Level, normalize_label
from lovkons.model.edits import Item

# "I § 9 a, stk. , indsættes som nr. 4:" — the § (group p) and the empty stk. (group gap), before the first quote
_EMPTY_STK = regex.compile(r"^(?P<head>\s*I\s+§\s*(?P<p>\d+(?:\s*[a-zA-Z](?![\w.]))?),\s+stk\.)(?P<gap>\s*,)(?=[^»]*\bindsættes\b)")


def supply_empty_stk(text: str, earlier: Sequence[Item]) -> tuple[str, str] | None:
    """The item text with the empty stk. number filled from the nearest preceding item naming the same §, and the
    warning's message; None when the text has no empty stk. or no earlier item of the block names that § with a
    stk. (the nearest item naming the § decides: when it names no stk., or only the stk. itself and not a unit in
    it, nothing is supplied)."""
    m = _EMPTY_STK.match(text)
    if m is None:
        return None
    par = normalize_label(m["p"])
    for item in reversed(earlier):
        named = [op.target for op in item.operations if _key(op.target.label_of(Level.PARAGRAF)) == _key(par)]
        if not named:
            continue
        stks = {t.label_of(Level.STK) for t in named}
        if len(stks) != 1 or None in stks or not all(_inside_stk(t) for t in named):
            return None
        stk = stks.pop()
        assert stk is not None
        fixed = f"{text[: m.end('head')]} {stk},{text[m.end('gap'):]}"
        return fixed, (f"'§ {par}, stk. ,' lost its number: read as stk. {stk}, the stk. of § {par} the nearest "
                       f"preceding item (nr. {item.number}) names")
    return None


def _inside_stk(target: Address) -> bool:
    """A unit inside the stk. (its nr., litra or pkt.: the list the items run through), not the stk. itself —
    a neighbour that repeals, recasts or renumbers stk. 3 says nothing of where a new nr. goes."""
    return any(target.label_of(level) is not None for level in (Level.NR, Level.LITRA, Level.PKT))


def _key(label: str | None) -> str:
    return normalize_label(label or "").casefold().replace(" ", "")
