"""Stage 2 (amender): which operations of one numbered item stand or fall together.

Input: the operations of an Item; output: a group number per operation. "Never half-applied" holds
for one provision: the operations of an item on the same § (its text, its stk./nr./pkt., the heading
before it, its rykningsklausul) are one group. Operations on different §§ are independent, so "I §§ 3,
7 og 12 ændres »medlemmer« til: »investorer«" still changes §§ 3 and 12 when § 7 lacks the word.

What depends on what (the drafting conventions that tie operations on different units together):
- a rykningsklausul ("Stk. 3 bliver herefter stk. 4", "…, der bliver stk. 5,") names a unit of the §
  whose insertion or repeal moved it, so it is keyed to that § and falls with it;
- an insertion cites its anchor only to say where ("Efter § 42 indsættes: »§ 42 a. …«"): it is keyed
  to the §§ it brings, and joins the group of another operation of the item only when that operation
  brings the anchor ("Efter § 42 indsættes: »§ 42 a …«, og efter den nye § 42 a indsættes …");
- "§§ 62-62 c ophæves, og i stedet indsættes: »§ 62. …«" is one operation: all its §§ are one group;
- an operation on the whole document ("Overalt i loven ændres …") stands alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from lovkons.amender.tree import label_key
from lovkons.model.document import Address, Kind, Level, Node
from lovkons.model.edits import Insert, Operation, RepealAndInsert

Key = tuple[str, str]  # ("§", "62a"), ("kapitel", "3"), ("bilag", "1"), ("titel", "")


def _key(address: Address) -> Key | None:
    """The top unit an address lies in: its §, else its kapitel/afsnit/bilag, else the special target."""
    steps = address.steps
    for level, label in steps:
        if level is Level.PARAGRAF:
            return ("§", label_key(label))
    if not steps:
        return None
    level, label = steps[0]
    if level is Level.DOKUMENT:
        return None  # "Overalt": every provision, a group of its own
    return (level.value, label_key(label))


def _payload_keys(payload: Sequence[Node]) -> set[Key]:
    out: set[Key] = set()
    for node in payload:
        for n in node.walk():
            if n.kind is Kind.PARAGRAF and n.label:
                out.add(("§", label_key(n.label)))
            elif n.kind in (Kind.KAPITEL, Kind.AFSNIT, Kind.BILAG) and n.label:
                out.add((n.kind.value, label_key(n.label)))
    return out


def _is_anchor(op: Operation) -> bool:
    """An insertion beside a top unit ("Efter § 42 indsættes: »§ 42 a. …«") only cites the unit."""
    if not isinstance(op, Insert) or op.position not in ("after", "before") or not op.target.steps:
        return False
    last = op.target.steps[-1][0]
    return last in (Level.PARAGRAF, Level.KAPITEL, Level.AFSNIT, Level.BILAG) and bool(_payload_keys(op.payload))


def _keys(op: Operation) -> tuple[set[Key], set[Key], set[Key]]:
    """(the units the operation changes, the units its payload brings, the units it cites as anchor)."""
    own: set[Key] = set()
    cited: set[Key] = set()
    key = _key(op.target)
    if key is not None:
        (cited if _is_anchor(op) else own).add(key)
    if isinstance(op, RepealAndInsert):
        own |= {k for k in map(_key, op.group) if k is not None}
    brought = _payload_keys(getattr(op, "payload", ()) or ())
    return own | brought, brought, cited


def groups(operations: Sequence[Operation]) -> list[int]:
    """The group of each operation (an index into the operations: its group's first member)."""
    parent = list(range(len(operations)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    keys = [_keys(op) for op in operations]
    owner: dict[Key, int] = {}
    for i, (own, _, _) in enumerate(keys):
        for k in own:
            if k in owner:
                union(owner[k], i)
            else:
                owner[k] = i
    for i, (_, _, cited) in enumerate(keys):
        for j, (_, brought, _) in enumerate(keys):
            if j != i and cited & brought:
                union(i, j)
    return [find(i) for i in range(len(operations))]
