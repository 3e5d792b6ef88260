"""lovkons: parse, amend and consolidate Danish legal documents.

The code lives in the repository's top-level folders, installed as sub-packages of `lovkons`:

- `lovkons.model`: the values every stage shares (Node, Document, Address, Problem, edits);
- `lovkons.parsers`: input → model (raw text, LexDania XML, Retsinformation HTML/JSON, instructions);
- `lovkons.amender`: operations → new trees (resolve, apply, renumber, consolidate);
- `lovkons.history`: the corpus and time (document graph, dating, timeline, point in time, rebuild);
- `lovkons.review`: diffs between versions and scoring against official consolidations (eval);
- `lovkons.renderers`: every output shape (text, Markdown, JSON, HTML, terminal);
- `lovkons.cli`: the `lovkons` command.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

try:
    __version__ = _version("lovkons")
except PackageNotFoundError:  # pragma: no cover - running from a checkout without installing
    __version__ = "0+unknown"

__all__ = ["__version__"]
