"""Stage 1 (parsers): a Retsinformation API record (`*.retsinfo-api.json`) → its checked fields.

Input: the file's bytes. Output: `Record` (documentHtml, title, shortName, metadata pairs). Both the
document reader and the instruction reader decode records here, with the same checks: nesting depth
bounded before decoding (no recursion over the input's depth), every field of the expected type.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from typing import Any

from lovkons.model.document import LovkonsError

# A real record nests 4 levels (record → metadata → entry → value); 64 is far above any real one.
MAX_DEPTH = 64
# A JSON string (its brackets are text). An unclosed one runs to the end, so every match succeeds
# and the scan stays linear (no attempt that fails after reading to the end, once per quote).
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*+(?:"|\\?\Z)', re.S)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_SQUARE = bytes.maketrans(b"{}", b"[]")


@dataclass(frozen=True, slots=True)
class Record:
    html: str
    title: str
    short_name: str
    metadata: tuple[tuple[str, str], ...]  # (displayName, displayValue)


def check_depth(data: bytes, file: str | None, limit: int = MAX_DEPTH) -> None:
    """LovkonsError when the JSON in `data` nests deeper than `limit`. Without recursion and in
    linear time: with the strings blanked out only brackets are left, and every pass deletes the
    innermost pairs, so what is left after `limit` passes nests deeper than `limit`."""
    brackets = _STRING.sub(b"", data).translate(_SQUARE, _NOT_BRACKETS)  # "{}" nest like "[]"
    deep = b"[" * (limit + 1) in brackets  # the usual attack, found at once
    for _ in range(0 if deep else limit):
        if not brackets:
            return
        shorter = brackets.replace(b"[]", b"")  # one level: replace() does not rescan what it joined
        if shorter == brackets:  # unbalanced: the decoder reports where
            return
        brackets = shorter
    if deep or brackets:
        raise LovkonsError(f"JSON nested deeper than {limit} levels: not a Retsinformation record", file=file)


def load_json(data: bytes, file: str | None) -> Any:
    """Decode JSON bytes (UTF-8, a BOM allowed) with bounded depth; LovkonsError with the line."""
    check_depth(data, file)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise LovkonsError(f"not a JSON record: not UTF-8 (byte {exc.start})", file=file) from None
    except json.JSONDecodeError as exc:
        raise LovkonsError(f"not a JSON record: {exc.msg} (column {exc.colno})", file=file, line=exc.lineno) from None
    except (ValueError, RecursionError, MemoryError) as exc:  # e.g. a number too long to convert
        raise LovkonsError(f"not a JSON record: {type(exc).__name__}", file=file) from None


def _text(record: dict[str, Any], key: str, file: str | None) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise LovkonsError(f"JSON record: {key!r} must be text, not {_type(value)}", file=file)
    return str(value)


def _type(value: Any) -> str:
    names = {dict: "an object", list: "a list", bool: "true/false", str: "text", int: "a number",
             float: "a number", type(None): "null"}  # fmt: skip
    return names.get(type(value), type(value).__name__)


def _metadata(raw: Any, file: str | None) -> tuple[tuple[str, str], ...]:
    """The API `metadata` field: a list of {displayName, displayValue}, or a string holding one
    (parsed as JSON or as a Python literal, never run)."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        try:
            check_depth(raw.encode("utf-8", "replace"), file)
            raw = json.loads(raw)
        except ValueError:
            try:
                raw = ast.literal_eval(raw) if len(raw) < 1_000_000 else None
            except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                return ()  # an unreadable metadata string: the record still has its HTML
        if raw is None:
            return ()
    if not isinstance(raw, list):
        raise LovkonsError(f"JSON record: 'metadata' must be a list of entries, not {_type(raw)}", file=file)
    out = []
    for i, entry in enumerate(raw, 1):
        if not isinstance(entry, dict):
            raise LovkonsError(f"JSON record: 'metadata' entry {i} must be an object, not {_type(entry)}", file=file)
        name, value = entry.get("displayName"), entry.get("displayValue")
        for key, v in (("displayName", name), ("displayValue", value)):
            if v is not None and not isinstance(v, str):
                raise LovkonsError(f"JSON record: 'metadata' entry {i}: {key!r} must be text, not {_type(v)}",
                                   file=file)  # fmt: skip
        out.append((name or "", value or ""))
    return tuple(out)


def read_record(data: bytes, *, file: str | None = None) -> Record:
    """A Retsinformation API record → Record; LovkonsError (one line) for anything else."""
    record = load_json(data, file)
    if not isinstance(record, dict) or "documentHtml" not in record:
        raise LovkonsError("JSON record without a documentHtml field", file=file)
    if not isinstance(record["documentHtml"], str):
        raise LovkonsError(f"JSON record: 'documentHtml' must be text, not {_type(record['documentHtml'])}", file=file)
    return Record(record["documentHtml"], _text(record, "title", file), _text(record, "shortName", file),
                  _metadata(record.get("metadata"), file))  # fmt: skip
