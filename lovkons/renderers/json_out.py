"""Stage 3 (renderers): model values → the contract's JSON shapes (plain dicts, json-ready), and
THE one way lovkons writes JSON: `dumps` (one indent, UTF-8 text) and `stamped` (the `"schema"` key
every top-level object carries: `"lovkons.<shape>/<version>"`, e.g. "lovkons.consolidate/1").

The text is made by orjson when it is installed (the standard library's encoder falls back to pure Python
when it indents: a third of a corpus rebuild's time went into it) and by `json` otherwise; the bytes
are the same either way (checked on every JSON file of a corpus rebuild, and in the tests). A value
orjson would treat otherwise (a non-string key, an integer beyond 64 bits, a dataclass) goes to `json`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is a dependency; the standard library gives the same bytes
    orjson = None  # type: ignore[assignment]

from lovkons.model.document import Document, Kind, Meta, Node, Problem, Source

INDENT = 2  # every pretty JSON lovkons writes, on stdout and in files
SCHEMA_VERSION = 1  # raised when a shape changes incompatibly (adding keys does not)
SHAPES = ("parse", "instructions", "apply", "consolidate", "timeline", "diff", "eval", "version", "index",
          "cache", "error")


def schema(shape: str) -> str:
    """"lovkons.consolidate/1": the value of the `"schema"` key of a top-level object."""
    if shape not in SHAPES:
        raise ValueError(f"unknown JSON shape {shape!r}")
    return f"lovkons.{shape}/{SCHEMA_VERSION}"


def stamped(shape: str, body: dict[str, Any]) -> dict[str, Any]:
    """A top-level object: `{"schema": "lovkons.<shape>/1", **body}` (the schema key first)."""
    return {"schema": schema(shape), **body}


def _fast_bytes(value: Any, *, indent: bool, sort_keys: bool) -> bytes | None:
    """The UTF-8 text orjson makes (its only indent is 2, INDENT's value), or None: orjson is missing
    or the value is not a plain JSON value for it (`json` decides then)."""
    if orjson is None or (indent and INDENT != 2):
        return None
    option = (orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_SUBCLASS
              | (orjson.OPT_INDENT_2 if indent else 0) | (orjson.OPT_SORT_KEYS if sort_keys else 0))
    try:
        return orjson.dumps(value, option=option)
    except TypeError:  # orjson.JSONEncodeError
        return None


def _fast(value: Any, *, indent: bool, sort_keys: bool) -> str | None:
    data = _fast_bytes(value, indent=indent, sort_keys=sort_keys)
    return None if data is None else data.decode("utf-8")


def dumps_bytes(value: Any, *, sort_keys: bool = False, compact: bool = False) -> bytes:
    """`dumps` (or, `compact`, `dumps_line`) as UTF-8 bytes: orjson's own, not decoded and encoded
    again (a file of a rebuild is written as bytes)."""
    data = _fast_bytes(value, indent=not compact, sort_keys=sort_keys)
    if data is None:
        return (dumps_line if compact else dumps)(value, sort_keys=sort_keys).encode()
    return data + b"\n"


def dumps(value: Any, *, sort_keys: bool = False) -> str:
    """Pretty JSON text (indent INDENT, non-ASCII kept), ending in a newline."""
    text = _fast(value, indent=True, sort_keys=sort_keys)
    if text is None:
        text = json.dumps(value, ensure_ascii=False, indent=INDENT, sort_keys=sort_keys)
    return text + "\n"


def dumps_line(value: Any, *, sort_keys: bool = False) -> str:
    """One compact object on one line (JSON Lines, for several documents), ending in a newline."""
    text = _fast(value, indent=False, sort_keys=sort_keys)
    if text is None:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys)
    return text + "\n"


def date_json(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def meta_json(meta: Meta) -> dict[str, Any]:
    return {
        "kind": meta.kind,
        "number": meta.number,
        "year": meta.year,
        "date": date_json(meta.date),
        "title": meta.title,
    }


def source_json(source: Source) -> dict[str, Any]:
    return {"source": str(source), "in_force": date_json(source.in_force), "text": source.text}


# id(node) → (the node, kept alive; its JSON): the versions of one document share most of their nodes
# (frozen trees), so a renderer writing them all can give each node's JSON once. One provenance setting
# per memo; the values are shared between the documents rendered, never to be changed.
NodeMemo = dict[int, tuple[Node, dict[str, Any]]]


_KIND_VALUE = {k: k.value for k in Kind}  # a dict look-up is quicker than the enum's property


def node_json(node: Node, *, provenance: bool = True, memo: NodeMemo | None = None) -> dict[str, Any]:
    """The node's JSON; `memo`: the values of the nodes with children made before (a leaf is made
    again as fast as it is looked up)."""
    return _node_json(node, provenance, memo)


def _node_json(node: Node, provenance: bool, memo: NodeMemo | None, kids: list[Any] | None = None) -> dict[str, Any]:
    """The node's JSON; `kids`: its children's values when made already (then it is not kept in `memo`)."""
    children = node.children
    if children and memo is not None and kids is None:
        hit = memo.get(id(node))
        if hit is not None and hit[0] is node:
            return hit[1]
    out: dict[str, Any] = {
        "type": _KIND_VALUE[node.kind],
        "label": node.label,
        "heading": node.heading,
        "text": node.text,
        "children": kids if kids is not None else [_node_json(c, provenance, memo) for c in children],
    }
    if node.repealed:
        out["repealed"] = True
    if node.id:
        out["id"] = node.id
    if provenance and node.changed_by:
        out["changed_by"] = [source_json(s) for s in node.changed_by]
    if children and memo is not None and kids is None:
        memo[id(node)] = (node, out)
    return out


def document_json(doc: Document, *, provenance: bool = True, memo: NodeMemo | None = None,
                  children: list[Any] | None = None) -> dict[str, Any]:  # fmt: skip
    """The document's JSON; `children`: the values of its top-level units when made already (e.g.
    node_piece's), else node_json's."""
    out: dict[str, Any] = {
        "type": "document",
        "meta": meta_json(doc.meta),
        "preamble": doc.preamble,
        "children": children if children is not None
        else [_node_json(c, provenance, memo) for c in doc.children],
    }
    if doc.title_note:
        out["title_note"] = doc.title_note
    return out


# Pieces of finished JSON text (orjson.Fragment, orjson ≥ 3.9) that orjson copies into the text it makes.
PIECES = orjson is not None and hasattr(orjson, "Fragment")
# id(node) → (the node, kept alive; the indent it was made for; its JSON text as an orjson.Fragment):
# see node_piece
PieceMemo = dict[int, tuple[Node, str | None, Any]]

# Units whose children are pieces of their own (a changed kapitel is written again from the pieces
# of its §§, most of them unchanged): a node holding any of these
_UNITS = frozenset({Kind.PARAGRAF, Kind.KAPITEL, Kind.AFSNIT, Kind.BILAG})
_CHILD_INDENT = " " * (2 * INDENT)  # a child's object in its parent's "children" list, pretty


def node_piece(node: Node, *, indent: str | None, memo: PieceMemo, nodes: NodeMemo | None = None) -> Any:
    """node_json(node) with sorted keys as finished text (an orjson.Fragment, PIECES), made once per
    node of the memo (and indent). `indent`: the spaces before the node's lines where it stands in a
    pretty file (INDENT 2; JSON strings hold no raw line break, so every line break of the text is
    orjson's); None: compact. A node holding §§ or larger units is made of its children's pieces. The
    file's text is then the one orjson makes of the plain values."""
    hit = memo.get(id(node))
    if hit is not None and hit[0] is node and hit[1] == indent:
        return hit[2]
    if any(c.kind in _UNITS for c in node.children):
        inner = None if indent is None else _CHILD_INDENT  # this node's own text is indented below
        kids = [node_piece(c, indent=inner, memo=memo, nodes=nodes) for c in node.children]
        value = _node_json(node, True, nodes, kids)
    else:
        value = node_json(node, memo=nodes)
    if indent is None:
        text = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    else:
        text = orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
        text = text.replace(b"\n", b"\n" + indent.encode())
    piece = orjson.Fragment(text)
    memo[id(node)] = (node, indent, piece)
    return piece


def problems_json(problems: tuple[Problem, ...] | list[Problem]) -> list[dict[str, object]]:
    return [p.to_json() for p in problems]
