"""Generate tests/cases/<case>.yaml (one apply/eval manifest per L-* case in tests/data/cases).

Run: .venv/bin/python bench/make_manifests.py  (idempotent; paths are relative to the manifest).
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "cases"
OUT = ROOT / "tests" / "cases"


def manifest(case: dict[str, object]) -> dict[str, object]:
    paths = case["paths"]
    assert isinstance(paths, dict)
    amendments = []
    for entry, path in zip(case["amendments"], paths["amendments"], strict=True):  # type: ignore[call-overload]
        part = str(entry.get("part_incorporated") or "").strip().rstrip(",").strip()
        item: dict[str, str] = {"path": f"../data/{path}"}
        if part and part != "whole act":
            item["part"] = part
        amendments.append(item)
    return {
        "name": case["case_id"],
        "base": f"../data/{paths['base']}",
        "amendments": amendments,
        "expected": f"../data/{paths['consolidated']}",
    }


def main() -> None:
    OUT.mkdir(exist_ok=True)
    n = 0
    for case_file in sorted(CASES.glob("L-*/case.json")):
        case = json.loads(case_file.read_text(encoding="utf-8"))
        text = yaml.safe_dump(manifest(case), allow_unicode=True, sort_keys=False)
        (OUT / f"{case['case_id']}.yaml").write_text(text, encoding="utf-8")
        n += 1
    print(f"{n} manifests written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
