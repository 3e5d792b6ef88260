"""Stage 2 (history): the sidecar `<file>.yaml` next to a corpus document → its checked values.

Input: the document's path. Output: a dict of the keys in SIDECAR_FIELDS (corpus/README.md), dates
as `datetime.date`, numbers as `int`; LovkonsError naming the sidecar for anything else.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from lovkons.model.document import LovkonsError

SIDECAR_FIELDS = (
    "id", "kind", "number", "year", "date", "title", "published", "in_force", "expires", "repealed", "note"
)  # fmt: skip


def read_sidecar(path: Path) -> dict[str, Any]:
    """`<file>.yaml` next to a document: only what the document does not say itself. Every value is
    checked here (LovkonsError naming the sidecar): dates become `datetime.date`, numbers `int`."""
    side = path.with_name(path.name + ".yaml")
    if not side.exists() and not side.is_symlink():
        return {}
    # YAML only when a sidecar is there (a warm command imports this module with the facts, not yaml)
    import yaml

    from lovkons.parsers.input_bytes import read_input
    from lovkons.parsers.yaml_text import load_yaml

    try:
        data = load_yaml(read_input(side).decode("utf-8")) or {}
    except UnicodeDecodeError:
        raise LovkonsError("bad sidecar: not UTF-8 text", file=str(side)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise LovkonsError(f"bad sidecar: not valid YAML ({getattr(exc, 'problem', None) or 'syntax'})",
                           file=str(side), line=line) from None  # fmt: skip
    except (ValueError, RecursionError) as exc:  # a YAML date that is no date (2011-99-01)
        raise LovkonsError(f"bad sidecar: {type(exc).__name__}: {exc}", file=str(side)) from None
    if not isinstance(data, dict) or set(data) - set(SIDECAR_FIELDS):
        raise LovkonsError(f"sidecar keys must be among {', '.join(SIDECAR_FIELDS)}", file=str(side))
    return {str(k): _sidecar_value(str(k), v, str(side)) for k, v in data.items()}


_SIDECAR_DATES = ("date", "published", "in_force", "expires")


def _sidecar_value(key: str, value: Any, file: str) -> Any:
    """One sidecar value, checked for its key's type (see corpus/README.md)."""
    if value is None:
        return None
    if key in _SIDECAR_DATES:
        return _sidecar_date(key, value, file)
    if key in ("number", "year"):
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 10**9:
            raise LovkonsError(f"sidecar '{key}' must be a whole number, not {value!r:.60}", file=file)
        return value
    if key == "repealed":
        if not isinstance(value, dict) or set(value) - {"by", "date"}:
            raise LovkonsError("sidecar 'repealed' must be {by: 'BEK 1305/2018', date: YYYY-MM-DD or null}", file=file)
        by = value.get("by")
        if by is not None and not isinstance(by, str):
            raise LovkonsError(f"sidecar 'repealed.by' must be text, not {by!r:.60}", file=file)
        return {"by": by, "date": _sidecar_date("repealed.date", value.get("date"), file)}
    if key == "note":
        return value
    if not isinstance(value, str) or (key in ("id", "kind") and not value.strip()):
        raise LovkonsError(f"sidecar '{key}' must be text, not {value!r:.60}", file=file)
    return value


def _sidecar_date(key: str, value: Any, file: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # YAML reads "2011-01-01 10:00:00" as a time of day
        raise LovkonsError(f"sidecar '{key}' must be a date YYYY-MM-DD without a time of day, not {value}", file=file)
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise LovkonsError(f"sidecar '{key}' must be a date YYYY-MM-DD, not {value!r:.60}", file=file) from None
