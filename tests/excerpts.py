"""Reading a § of a real LexDania excerpt in tests/data, the way the tests of the XML reader look at it."""

from __future__ import annotations

from pathlib import Path

from lovkons.model.document import Node
from lovkons.parsers.lexdania import parse_lexdania


def paragraf(path: Path, label: str) -> Node:
    """The § labelled `label` of the LexDania file at `path`."""
    doc = parse_lexdania(path.read_bytes(), file=str(path)).document
    return next(p for p in doc.paragraffer() if p.label == label)


def paragraf_text(path: Path, label: str) -> str:
    """The texts of that § and every unit in it, joined by one space."""
    return " ".join(node.text for node in paragraf(path, label).walk() if node.text)
