"""Stage 1 (parsers): `new_node`, the Node constructor of the readers' hot paths.

It returns the same frozen `Node` that `Node(kind, label=…, …)` returns (equal, same type, every
field set), without the keyword-argument call of a dataclass `__init__`: on CPython 3.11 calling a
class with keywords costs about three times as much as this function, and reading the 2,094 laws
of the 2010–2017 corpus builds some 400,000 nodes. `tests/test_node_factory.py` checks that the
fields and defaults here are Node's.
"""

from __future__ import annotations

from dataclasses import fields

from lovkons.model.document import Kind, Node, Source

# Node's fields in declaration order; checked at import so that a field added to Node cannot be
# left unset here.
FIELDS = ("kind", "label", "heading", "text", "children", "repealed", "id", "changed_by")
if tuple(f.name for f in fields(Node)) != FIELDS:  # pragma: no cover - guards a model change
    raise ImportError("parsers.node_factory: Node's fields changed; update FIELDS and new_node")

_new = object.__new__
_kind, _label, _heading, _text, _children, _repealed, _id, _changed_by = (
    Node.__dict__[name].__set__ for name in FIELDS  # the slot descriptors (Node is frozen)
)


def new_node(
    kind: Kind,
    label: str | None = None,
    heading: str | None = None,
    text: str = "",
    children: tuple[Node, ...] = (),
    repealed: bool = False,
    id: str = "",
    changed_by: tuple[Source, ...] = (),
) -> Node:
    """`Node(kind, label, heading, text, children, repealed, id, changed_by)`, built faster."""
    node: Node = _new(Node)
    _kind(node, kind)
    _label(node, label)
    _heading(node, heading)
    _text(node, text)
    _children(node, children)
    _repealed(node, repealed)
    _id(node, id)
    _changed_by(node, changed_by)
    return node
