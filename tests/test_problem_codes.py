"""The problem-code registry (model/problems.py): one naming style, a meaning for every code, the
generated docs table up to date, and Problem refusing a code that is not registered."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from lovkons.model.document import Problem
from lovkons.model.problems import CODES, REGISTRY, markdown_table

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["cli", "parsers", "model", "amender", "history", "review", "renderers", "ressort"]


def test_every_code_is_upper_snake_with_a_meaning() -> None:
    assert len(REGISTRY) == len(CODES)
    for c in CODES:
        assert regex.fullmatch(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+", c.code), c.code
        assert c.severity in ("error", "warning") and c.meaning and c.stage


def test_unregistered_code_is_refused() -> None:
    with pytest.raises(ValueError, match="not in the registry"):
        Problem("paragraf-gap", "old style")
    assert Problem("PARAGRAF_GAP", "§ 5 follows § 3", "warning").code == "PARAGRAF_GAP"


def test_every_code_literal_in_the_code_is_registered() -> None:
    literals: set[str] = set()
    for folder in SOURCES:
        for f in (ROOT / folder).rglob("*.py"):
            if f.name == "problems.py":
                continue
            literals |= {a or b for a, b in regex.findall(r"(?:Problem\(\s*|code, message, line = )\"([A-Z][A-Z0-9_]+)\"|\"([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)\"", f.read_text(encoding="utf-8"))}
    not_codes = {"LOVKONS_CACHE_DIR", "LOVKONS_CORPUS", "LOVKONS_DEBUG", "LOVKONS_PAGER", "NO_COLOR", "FORCE_COLOR",
                 "XDG_CACHE_HOME", "LOVKONS_LOCK_WAIT"}  # environment variable names
    assert literals - not_codes <= set(REGISTRY)


def test_docs_table_is_generated_from_the_registry() -> None:
    assert (ROOT / "docs" / "problem-codes.md").read_text(encoding="utf-8") == markdown_table()
