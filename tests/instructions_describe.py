"""Test helper: one compact, readable line per operation ("insert § 41, stk. 1 @after {stk 2}")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lovkons.model.edits import Operation
from lovkons.renderers.instructions_out import operation_json


def describe(ops: Sequence[Operation]) -> str:
    out = []
    for o in ops:
        out.append(_line(operation_json(o)))
    return " ; ".join(out)


def _line(j: dict[str, Any]) -> str:
    if j["op"] == "change_of_item":  # a change of an earlier act's item: "in § 1, nr. 9: repeal § 16, nr. 6"
        return f"in {j['target']}: {_line(j['change'])}"
    s = f"{j['op']} {j['target']}"
    if j["position"]:
        s += f" @{j['position']}"
    if j.get("container"):
        s += f" in {j['container']}"
    if j.get("heading"):
        s += f" {j['heading']}"
    if j.get("insert"):
        s += " +insert"
    old = j["old"] or j.get("anchor")  # an insert_text's anchor, shown where the old text would be
    if old or j["new"]:
        s += f" [{old or ''} → {j['new'] or ''}]"
    if j["count"] not in (None, 1):
        s += f" x{j['count']}"
    if j.get("exceptions"):  # "Overalt i loven bortset fra § 10": the units left alone
        s += " except " + ", ".join(j["exceptions"])
    units = [f"{p['type']} {p['label'] or ''}".strip() for p in j["payload"] or () if p["type"] != "overskrift"]
    if units:
        s += " {" + ",".join(units) + "}"
    return s
