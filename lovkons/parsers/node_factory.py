"""Stage 1 (parsers): `new_node`, the Node constructor of the readers' hot paths.

It returns the same frozen `Node` that `Node(kind, label=…, …)` returns (equal, same type, every
field set), without the keyword-argument call of a dataclass `__init__`: on CPython 3.11 calling a
class with keywords costs about three times as much as this function, and reading the 2,094 laws
of the 2010–2017 corpus builds some 400,000 nodes. `tests/test_parser_fast_paths.py` checks that
the fields and defaults here are Node's.

How: a frozen dataclass can only have its slots set through the slot descriptors, one method call
per field. `_Draft` has the same slots (same names, same order, same base), so `new_node` sets a bare
`_Draft`'s slots by plain attribute stores, which the interpreter does without a call; the finished draft then
becomes a Node by `__class__` assignment, which Python allows between two classes of the same slot
layout. Nothing else ever sees a `_Draft`.
"""

from __future__ import annotations

from dataclasses import fields

from lovkons.model.document import Kind, Node, Source

# Node's fields in declaration order; checked at import so that a field added to Node cannot be
# left unset here.
FIELDS = ("kind", "label", "heading", "text", "children", "repealed", "id", "changed_by")
if tuple(f.name for f in fields(Node)) != FIELDS or Node.__slots__ != FIELDS:  # pragma: no cover
    raise ImportError("parsers.node_factory: Node's fields changed; update FIELDS and new_node")


class _Draft:
    """A Node under construction: Node's slots, settable (see the module's docstring)."""

    __slots__ = FIELDS
    kind: Kind
    label: str | None
    heading: str | None
    text: str
    children: tuple[Node, ...]
    repealed: bool
    id: str
    changed_by: tuple[Source, ...]


_new = object.__new__


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
    """`Node(kind, label, heading, text, children, repealed, id, changed_by)`, built faster.

    (A bare `_Draft` and eight slot stores here: a third less than calling a Python `__init__`.)"""
    node = _new(_Draft)
    node.kind = kind
    node.label = label
    node.heading = heading
    node.text = text
    node.children = children
    node.repealed = repealed
    node.id = id
    node.changed_by = changed_by
    node.__class__ = Node  # type: ignore[assignment]  # same slot layout (module docstring)
    return node  # type: ignore[return-value]


def with_id(node: Node, id: str) -> Node:
    """`node.with_(id=id)` (a `dataclasses.replace`, which costs some ten times as much)."""
    return new_node(node.kind, node.label, node.heading, node.text, node.children, node.repealed, id, node.changed_by)
