"""Stage 2 (amender): the apply/eval manifest (YAML, paths relative to the manifest) → Manifest, and
running one: read base and amendments, consolidate. Invalid manifests raise LovkonsError (exit 2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from lovkons.amender.consolidate import Consolidation
from lovkons.amender.item_part import parts_said, places
from lovkons.amender.orders import consolidate_orders
from lovkons.model.document import Document, LovkonsError, Problem
from lovkons.model.edits import AmendingDocument
from lovkons.parsers.concerning import units_text
from lovkons.parsers.not_incorporated import incorporated_by_base, said_not_incorporated
from lovkons.parsers.parts import parse_parts
from lovkons.parsers.yaml_text import load_yaml


@dataclass(frozen=True, slots=True)
class Amendment:
    path: Path
    part: str | None = None


@dataclass(frozen=True, slots=True)
class Manifest:
    file: Path
    base: Path
    amendments: tuple[Amendment, ...]
    expected: Path | None = None
    at: dt.date | None = None
    name: str = ""


def _checked_path(value: Any, root: Path, file: str, what: str, allowed: tuple[Path, ...] | None = None) -> Path:
    """A path of the manifest, relative to its folder. `allowed`: the folders it must stay in (after
    following links); None = anywhere (--follow-links)."""
    if not isinstance(value, str) or not value.strip() or "\0" in value:
        raise LovkonsError(f"{what} must be a path", file=file)
    path = (root / value).resolve()
    if allowed is not None and not any(path.is_relative_to(a) for a in allowed):
        raise LovkonsError(f"{what} {value!r:.100} leads outside the manifest's folder and the current folder:"
                           " not read (give --follow-links to read it)", file=file)  # fmt: skip
    if not path.is_file():
        raise LovkonsError(f"{what} {value!r:.100} does not exist", file=file)
    return path


def load_manifest(path: str | Path, *, follow_links: bool = False) -> Manifest:
    """Read and check a manifest. Its paths must stay inside the manifest's folder or the current
    folder (where a project keeps its cases and data), links followed, unless `follow_links`."""
    from lovkons.parsers.input_bytes import read_input

    file = Path(path)
    try:
        data = load_yaml(read_input(file, what="manifest").decode("utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise LovkonsError("not valid YAML", file=str(file), line=mark.line + 1 if mark else None) from None
    except UnicodeDecodeError:
        raise LovkonsError("cannot read manifest: not UTF-8 text", file=str(file)) from None
    except (ValueError, RecursionError) as err:  # a YAML date that is no date (at: 2011-99-01)
        raise LovkonsError(f"not a valid manifest: {err}", file=str(file)) from None
    if not isinstance(data, dict):
        raise LovkonsError("a manifest is a mapping with 'base' and 'amendments'", file=str(file))
    unknown = set(data) - {"base", "amendments", "expected", "at", "name"}
    if unknown:
        raise LovkonsError(f"unknown key(s): {', '.join(sorted(unknown))}", file=str(file))
    root = file.parent
    allowed = None if follow_links else (root.resolve(), Path.cwd().resolve())

    def _path(value: Any, root: Path, file: str, what: str) -> Path:
        return _checked_path(value, root, file, what, allowed)

    base = _path(data.get("base"), root, str(file), "base")
    raw = data.get("amendments")
    if not isinstance(raw, list):
        raise LovkonsError("'amendments' must be a list", file=str(file))
    amendments = []
    for i, entry in enumerate(raw, 1):
        if isinstance(entry, str):
            entry = {"path": entry}
        if not isinstance(entry, dict) or set(entry) - {"path", "part"}:
            raise LovkonsError(f"amendment {i}: expected 'path' and optional 'part'", file=str(file))
        part = entry.get("part")
        if part is not None and not isinstance(part, str):
            raise LovkonsError(f"amendment {i}: 'part' must be text like \"§ 7\"", file=str(file))
        if part is not None:
            try:
                parse_parts(part)
            except ValueError as err:
                raise LovkonsError(f"amendment {i}: {err}", file=str(file)) from None
        amendments.append(Amendment(_path(entry.get("path"), root, str(file), f"amendment {i}"), part))
    expected = _path(data["expected"], root, str(file), "expected") if data.get("expected") else None
    at = data.get("at")
    if isinstance(at, dt.datetime):  # YAML reads "2011-01-01 10:00:00" as a time of day
        raise LovkonsError(f"'at' must be a date YYYY-MM-DD without a time of day, not {at}", file=str(file))
    if at is not None and not isinstance(at, dt.date):
        try:
            at = dt.date.fromisoformat(str(at))
        except ValueError:
            raise LovkonsError(f"'at' must be a date YYYY-MM-DD, not {at!r}", file=str(file)) from None
    return Manifest(file, base, tuple(amendments), expected, at, str(data.get("name") or file.stem))


def read_doc(path: Path) -> Document:
    """Any supported document format (parsers.read detects it)."""
    from lovkons.parsers.read import read_document

    return read_document(path).document


def read_order(path: Path) -> AmendingDocument:
    from lovkons.parsers.instructions import read_amending_file

    return read_amending_file(path)


@dataclass(frozen=True, slots=True)
class Run:
    manifest: Manifest
    base: Document
    orders: tuple[AmendingDocument, ...]
    result: Consolidation
    expected: Document | None


def run_manifest(manifest: Manifest, *, at: dt.date | None = None, lenient: bool = False,
                 as_printed: bool = False) -> Run:
    """Read and consolidate. `lenient` (eval): an amendment the instruction reader rejects becomes an
    error Problem (its changes count as refused) instead of stopping the run. `as_printed` (eval): the
    changes the expected LBK says it has not incorporated are left pending (`parsers.not_incorporated`),
    each reported (ITEM_NOT_INCORPORATED, a warning); of a change it names with the units the left-out part
    concerns, the operations on those units (amender.item_part); one it names "delvis" and says not which part
    of is not applied (PARTIAL_NOT_APPLIED)."""
    base = read_doc(manifest.base)
    expected = read_doc(manifest.expected) if manifest.expected else None
    orders: list[AmendingDocument] = []
    parts: dict[str, str] = {}
    unread: list[Problem] = []
    for a in manifest.amendments:
        try:
            order = read_order(a.path)
        except LovkonsError as err:
            if not lenient:
                raise
            unread.append(Problem("UNREADABLE_ORDER", err.reason, "error", a.path.stem, None, str(a.path)))
            continue
        orders.append(order)
        if a.part:
            parts[order.meta.short] = a.part
    statements = said_not_incorporated(expected) if as_printed and expected is not None else ()
    base_says = said_not_incorporated(base)
    withheld = {(o.meta.short, b.paragraf, i.number): w for o in orders for b in o.changes for i in b.items
                for w in statements if w.covers(o, b.paragraf, i.number) and not w.units_of(i.number)}
    # "§ 1, nr. 1 delvis" with no unit named: which part is left out is not said, so nothing of it is applied
    unsaid = {(o.meta.short, b.paragraf, i.number): w for o in orders for b in o.changes for i in b.items
              for w in statements if w.names(o, b.paragraf, i.number) and not w.covers(o, b.paragraf, i.number)
              and not w.units_of(i.number) and (o.meta.short, b.paragraf, i.number) not in withheld}
    withheld |= unsaid
    in_part = parts_said(orders, statements, base_says, parts, as_printed)
    # an act the manifest names whole whose § the base LBK says it has incorporated but for some numbered changes
    in_base = {(o.meta.short, b.paragraf, i.number): w for o in orders if o.meta.short not in parts
               for b in o.changes for i in b.items
               if (w := incorporated_by_base(base_says, o, b.paragraf, i.number)) is not None}
    result, ready = consolidate_orders(base, orders, at=at or manifest.at, parts=parts, withheld=frozenset(withheld),
                                       in_base=frozenset(in_base), in_part=in_part)
    held = {str(p.source) for p in result.pending}
    said = [Problem("ITEM_IN_BASE", f"{short} § {par}, nr. {nr} not applied again: the base says "
                    f"»{_shortened(w.sentence)}«, so the §'s other changes are in its text", "warning",
                    f"{short} § {par}, nr. {nr}", None, str(manifest.base)) for (short, par, nr), w in in_base.items()]
    said += [Problem("ITEM_NOT_INCORPORATED", f"{short} § {par}, nr. {nr} left pending: the official consolidation "
                     f"says »{_shortened(w.sentence)}«", "warning", f"{short} § {par}, nr. {nr}", None,
                     str(manifest.expected))
             for (short, par, nr), w in withheld.items() if f"{short} § {par}, nr. {nr}" in held and (short, par, nr) not in unsaid]
    # the error names the places the item changes (the act's "§ 1, nr. 24" is in its source, not a § of the base)
    changes = {(o.meta.short, b.paragraf, i.number): [str(p) for op in i.operations for p in places(op) or ()]
               for o in orders for b in o.changes for i in b.items if (o.meta.short, b.paragraf, i.number) in unsaid}
    said += [Problem("PARTIAL_NOT_APPLIED", f"not applied (it changes {', '.join(changes[k]) or 'an unknown unit'}): the "
                     f"official consolidation says »{_shortened(w.sentence)}«, naming it only in part, and not which part",
                     "error", f"{k[0]} § {k[1]}, nr. {k[2]}", next(iter(changes[k]), None), str(manifest.expected))
             for k, w in unsaid.items()]
    done = held | {str(a.source) for a in result.applied}
    for (short, par, nr), part in in_part.items():
        item = f"{short} § {par}, nr. {nr}"
        if (short, par, nr) in withheld or item not in done:
            continue
        if part.held and item in held:
            said.append(Problem("ITEM_NOT_INCORPORATED", f"{item}: its operations on {units_text(part.held)} left "
                                f"pending: the official consolidation says »{_shortened(part.held_by)}«", "warning",
                                item, None, str(manifest.expected)))
        if part.only is not None:
            said.append(Problem("ITEM_IN_BASE", f"{item}: only its operations on {units_text(part.only)} applied: the "
                                f"base says »{_shortened(part.only_by)}«, so its others are in its text", "warning",
                                item, None, str(manifest.base)))
    if unread or said:
        result = replace(result, problems=(*unread, *said, *result.problems))
    return Run(manifest, base, ready, result, expected)


def _shortened(sentence: str, keep: int = 90) -> str:
    """The start and the end of a long sentence ("De ændringer, der følger af … er ikke indarbejdet")."""
    return sentence if len(sentence) <= 2 * keep + 5 else f"{sentence[:keep]} … {sentence[-keep:]}"
