"""lovkons: parse, amend and consolidate Danish legal documents.

The library API (see README "Library"; every name is loaded on first use, so `import lovkons` is
cheap):

- `read(path)` → ParseResult(document, problems): a bekendtgørelse, law or LBK from text, LexDania
  XML or Retsinformation HTML/JSON;
- `read_instructions(path)` → AmendingDocument: an amending order's changes as exact operations;
- `apply(base, orders, at=None)` → Consolidation(document, applied, problems, pending);
- `open_corpus(path=None)` → Corpus; `consolidate(doc, at=None, corpus=None)` → PointInTime;
- `timeline(doc, corpus=None)` → History (versions, applied and refused items, restatements);
- `diff(old, new)` / `diff_versions(doc, start, end, corpus=None)` → DocumentDiff;
- `evaluate(manifest)` → CaseScore against the official consolidation.

Bad input raises `LovkonsError`. The code lives in the sub-packages of this package (each also linked
from the top of the repository): `lovkons.model` (values), `lovkons.parsers`, `lovkons.amender`,
`lovkons.ressort` (ministry renames), `lovkons.history` (corpus and time), `lovkons.review` (diff,
eval), `lovkons.renderers`, `lovkons.cli`.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import Any


@cache
def _package_version() -> str:
    """The installed version, read on first use (importlib.metadata costs ~50 ms at every command's start)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lovkons")
    except PackageNotFoundError:  # pragma: no cover - running from a checkout without installing
        return "0+unknown"


_API = ("read", "read_instructions", "apply", "open_corpus", "consolidate", "timeline", "diff",
        "diff_versions", "evaluate")  # fmt: skip
_MODEL = {"Document": "lovkons.model.document", "Node": "lovkons.model.document",
          "Problem": "lovkons.model.document", "LovkonsError": "lovkons.model.document",
          "ParseResult": "lovkons.model.document", "AmendingDocument": "lovkons.model.edits",
          "Consolidation": "lovkons.amender.consolidate", "PointInTime": "lovkons.history.pointintime",
          "History": "lovkons.history.versions", "DocumentDiff": "lovkons.review.diff"}  # fmt: skip

__all__ = ["__version__", *_API, *_MODEL]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _package_version()
    if name in _API:
        return getattr(import_module("lovkons.api"), name)
    if name in _MODEL:
        return getattr(import_module(_MODEL[name]), name)
    raise AttributeError(f"module 'lovkons' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
