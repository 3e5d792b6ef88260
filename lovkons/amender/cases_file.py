"""Stage 2 (amender): a file of cases, as ../shared/data/corpus/cases.json ships the development cases —
{"cases": [{"id", "base", "amendments": [{"path", "part"}], "expected", …}]}, paths relative to a corpus
folder (the unpacked love-2010-2017.tar.xz) — read into one Manifest per case, checked as a manifest is
(amender.manifest). A case that does not read is returned as its LovkonsError, so `eval` reports it and goes
on with the others.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lovkons.amender.manifest import Amendment, Manifest
from lovkons.model.document import LovkonsError
from lovkons.parsers.parts import parse_parts


def is_cases_file(path: Path) -> bool:
    """A .json file (the manifests are YAML): read as a file of cases."""
    return path.suffix.lower() == ".json"


def read_cases(path: Path) -> list[Any]:
    """The case entries of a cases file; LovkonsError when it is not one."""
    from lovkons.parsers.input_bytes import read_input

    try:
        data = json.loads(read_input(path, what="cases file").decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as err:
        raise LovkonsError(f"not a JSON file of cases: {err}", file=str(path)) from None
    cases = data.get("cases") if isinstance(data, dict) else data
    if not isinstance(cases, list):
        raise LovkonsError("a cases file is {\"cases\": [{\"id\", \"base\", \"amendments\", \"expected\"}, …]}",
                           file=str(path))  # fmt: skip
    return cases


def first_path(cases: list[Any]) -> str | None:
    """The base of the first case (to tell whether a folder holds the corpus the cases name)."""
    for case in cases:
        if isinstance(case, dict) and isinstance(case.get("base"), str):
            return str(case["base"])
    return None


def case_manifest(case: Any, i: int, root: Path, file: Path) -> Manifest:
    """Case number `i` (from 1) as a Manifest, its paths in the corpus folder `root`."""
    where = f"case {i}" + (f" ({case.get('id')})" if isinstance(case, dict) and case.get("id") else "")
    if not isinstance(case, dict):
        raise LovkonsError(f"{where}: a case is an object with 'base', 'amendments' and 'expected'", file=str(file))

    def _path(value: Any, what: str) -> Path:
        if not isinstance(value, str) or not value.strip() or "\0" in value or Path(value).is_absolute():
            raise LovkonsError(f"{where}: {what} must be a path inside the corpus folder", file=str(file))
        path = (root / value).resolve()
        if not path.is_relative_to(root.resolve()) or not path.is_file():
            raise LovkonsError(f"{where}: {what} {value!r:.100} is not in the corpus folder {root}", file=str(file))
        return path

    raw = case.get("amendments")
    if not isinstance(raw, list):
        raise LovkonsError(f"{where}: 'amendments' must be a list", file=str(file))
    amendments = []
    for k, entry in enumerate(raw, 1):
        entry = {"path": entry} if isinstance(entry, str) else entry
        if not isinstance(entry, dict):
            raise LovkonsError(f"{where}: amendment {k} must be an object with 'path' and 'part'", file=str(file))
        part = entry.get("part") or None  # "" = the whole act
        if part is not None:
            if not isinstance(part, str):
                raise LovkonsError(f"{where}: amendment {k}: 'part' must be text like \"§ 7\"", file=str(file))
            try:
                parse_parts(part)
            except ValueError as err:
                raise LovkonsError(f"{where}: amendment {k}: {err}", file=str(file)) from None
        amendments.append(Amendment(_path(entry.get("path"), f"amendment {k}"), part))
    if not case.get("expected"):
        raise LovkonsError(f"{where}: the case has no 'expected' document", file=str(file))
    return Manifest(file, _path(case.get("base"), "base"), tuple(amendments), _path(case["expected"], "expected"),
                    None, str(case.get("id") or f"{file.stem}-{i}"))
