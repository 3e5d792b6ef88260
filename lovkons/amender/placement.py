"""Stage 2 (amender): where new units go: stk./nr./litra in their list, §§ after/before an anchor or
in a kapitel, around headings; numbers of repealed §§ used again; the § order new §§ must keep.

Input: a Document, resolved Targets, the payload; output: (parent path, index) places or ResolveError.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import regex

from lovkons.amender.resolve import ResolveError, Target, heading_past_repealed, past_repealed
from lovkons.amender.tree import (
    TreePath,
    children_at,
    headings_before,
    label_key,
    node_at,
    replace_at,
    same_label,
    shift_path,
    top_index,
)
from lovkons.amender.units import new_paragraf_labels, par_order
from lovkons.model.document import Document, Kind, Node


def nr_container(doc: Document, path: TreePath, kind: Kind, label: str | None) -> TreePath:
    """Where "I § 2 indsættes som nr. 10" puts the nr.: the stk. whose list it continues."""
    node = node_at(doc, path)
    if node.kind is not Kind.PARAGRAF:
        return path
    stks = [(*path, i) for i, c in enumerate(node.children) if c.kind is Kind.STK]
    with_list = [p for p in stks if any(c.kind is kind for c in node_at(doc, p).children)]
    if label and label.isdigit():
        prev = str(int(label) - 1)
        for p in with_list:
            if any(same_label(c.label, prev) for c in node_at(doc, p).children if c.kind is kind):
                return p
    if len(stks) == 1 or not with_list:
        return stks[0] if stks else path
    return with_list[0]


def place_in_list(doc: Document, target: Target, position: str, kind: Kind, label: str | None) -> TreePath:
    """(parent…, index) for new stk./nr./litra: beside an anchor of the same kind, or in the unit's list
    (first / after the last; "indsættes som nr. 3" at the end goes to the place of nr. 3)."""
    anchor = node_at(doc, target.path)
    if anchor.kind is kind:
        return (*target.path[:-1], target.path[-1] + (0 if position == "before" else 1))
    parent = target.path
    if kind is not Kind.STK:
        parent = nr_container(doc, parent, kind, label)
    kids = children_at(doc, parent)
    same = [i for i, c in enumerate(kids) if c.kind is kind]
    index = (same[0] if same else 0) if position == "before" else (same[-1] + 1 if same else len(kids))
    if position == "end" and label and label.isdigit() and same and int(label) <= len(same):
        index = same[int(label) - 1]
    return (*parent, index)


def place_paragraf(doc: Document, target: Target, position: str, container: Target | None,
                   heading_of: Target | None, heading: str | None,
                   said: list[tuple[str, str]] | None = None) -> TreePath:
    """(parent…, index) where new §§ go, per "efter § 7", "i kapitel 2", "før overskriften før § 8"; a drafting
    convention the place was found by is appended to `said`."""
    path = target.path
    node = node_at(doc, path)
    if node.kind in (Kind.KAPITEL, Kind.AFSNIT, Kind.BILAG) and position == "end":
        return (*path, len(node.children))
    if heading_of is not None and heading:
        hpath, heads = heading_of.path, headings_before(doc, heading_of.path)
        if not heads:  # "før overskriften før § 69" where the heading stands before a repealed § 68 (LOV 738/2015)
            hpath, heads = heading_past_repealed(doc, hpath)
            if heads and said is not None:
                said.append(past_repealed(doc, hpath, f"the heading before § {node_at(doc, heading_of.path).label}"))
        if heading == "before_heading" and heads:
            return (*hpath[:-1], heads[0][-1])
        return hpath
    parent = path[:-1]
    if position == "before":
        heads = headings_before(doc, path) if node.kind is Kind.PARAGRAF else ()
        index = heads[0][-1] if heads else path[-1]
    else:
        index = path[-1] + 1
    if container is not None and container.kind == "node" and container.path != parent:
        cpath = container.path
        if _letter_dropped(doc, cpath, parent, node, position):
            if said is not None:
                said.append(("TOLERATED_KAPITEL", f"the item puts the new § in kapitel {node_at(doc, cpath).label}, "
                             f"but § {node.label} stands in kapitel {node_at(doc, parent).label}; placed after "
                             f"§ {node.label} there"))
            return (*parent, index)
        if cpath[: len(parent)] == parent or cpath > path:
            return (*cpath, 0)
        return (*cpath, len(node_at(doc, cpath).children))
    return (*parent, index)


def _letter_dropped(doc: Document, cpath: TreePath, parent: TreePath, anchor: Node, position: str) -> bool:
    """"Efter § 27 d indsættes i kapitel 4: »§ 27 e. …«" (LOV 463/2011 § 1, nr. 10) where § 27 d is the last § of
    kapitel 4 a, the lettered kapitel after kapitel 4: the act named the kapitel without its letter. The place the
    § names is the one the new number fits (§ 27 e after § 27 d; at the end of kapitel 4 it would stand before
    § 27 b): LBK 947/2011 prints § 27 e after § 27 d in kapitel 4 a. Only for "efter §" where the anchor ends its
    kapitel and that kapitel's label is the named one with a letter added (also LOV 1490/2014 § 7, nr. 3:
    "Efter § 10 k indsættes i kapitel 5" where § 10 k ends kapitel 5 a)."""
    if position != "after" or anchor.kind is not Kind.PARAGRAF or not parent:
        return False
    named, holder = node_at(doc, cpath), node_at(doc, parent)
    if named.kind is not Kind.KAPITEL or holder.kind is not Kind.KAPITEL:
        return False
    m = regex.fullmatch(r"(\d+)\s*[a-zæøå]", (holder.label or "").strip())
    if m is None or m[1] != (named.label or "").strip():
        return False
    live = [c for c in holder.children if c.kind is Kind.PARAGRAF and not c.repealed]
    return bool(live) and live[-1] is anchor


def paragraf_point(doc: Document, holder: TreePath, labels: Sequence[str | None]) -> TreePath:
    """Where §§ `labels` go inside the kapitel/afsnit at `holder` by § order: after the last § before
    them, else before the first § (and its headings), else at the end."""
    kids = children_at(doc, holder)
    key = par_order(labels[0] if labels else None)
    pars = [i for i, c in enumerate(kids) if c.kind is Kind.PARAGRAF]
    before = [i for i in pars if par_order(kids[i].label) < key]
    if before:
        return (*holder, before[-1] + 1)
    if pars:
        heads = headings_before(doc, (*holder, pars[0]))
        return (*holder, heads[0][-1] if heads else pars[0])
    return (*holder, len(kids))


def reuse_numbers(doc: Document, keys: Iterable[str], point: TreePath, *,
                  into_gap: bool = False) -> tuple[Document, TreePath, set[str]]:
    """A repealed § number may be used again: the tombstones carrying `keys` give way (a live § with
    such a number is a LABEL_CONFLICT). `point` (a node path or an insertion point) is returned as it
    is after the removals; with `into_gap` an insertion point moves onto a tombstone that follows it
    behind nothing but headings (the new § takes the tombstone's place). Returns the removed ids too."""
    touched: set[str] = set()
    for key in sorted(keys):  # a set from the callers: a fixed order keeps messages deterministic
        for old_path in sorted(top_index(doc).paragraf.get(key, []), reverse=True):
            old = node_at(doc, old_path)
            if not old.repealed:
                raise ResolveError("LABEL_CONFLICT", f"§ {old.label} already exists")
            touched.add(old.id)
            parent, index = point[:-1], point[-1]
            if into_gap and old_path[:-1] == parent and old_path[-1] >= index and all(
                children_at(doc, parent)[i].kind is Kind.OVERSKRIFT for i in range(index, old_path[-1])
            ):
                point = old_path
            doc = replace_at(doc, old_path, [])
            point = shift_path(point, old_path)
    return doc, point, touched


def check_order(doc: Document, at: TreePath, items: Sequence[Node]) -> None:
    """New §§ must fit between the §§ around the place they go (§§ never renumber); a payload that
    breaks this was misread (a "§ 20." reference taken for a new §) and is refused, not applied."""
    new = new_paragraf_labels(items)
    if not new:
        return
    paths = sorted(p for ps in top_index(doc).paragraf.values() for p in ps)
    live = [p for p in paths if not node_at(doc, p).repealed]
    before = [node_at(doc, p).label for p in live if p < at]
    after = [node_at(doc, p).label for p in live if p >= at]
    keys = [par_order(label) for label in new]
    low = par_order(_run_end(before[-1], last=True)) if before else (-2, "")
    high = par_order(_run_end(after[0], last=False)) if after else (10**9, "")
    if keys != sorted(keys) or len(set(keys)) != len(keys) or keys[0] <= low or keys[-1] >= high:
        where = f"between § {before[-1] if before else '-'} and § {after[0] if after else '-'}"
        raise ResolveError("PAYLOAD_MISMATCH", f"new §§ {', '.join(str(x) for x in new)} do not fit {where}")


def label_keys(labels: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(label_key(label) for label in labels))


# A run of unused or repealed § numbers an LBK prints as one unit: "§§ 432-440. (Ubenyttede)." (LBK 856/2010,
# søloven), "§§ 16- 24. (Ophævet)" (LBK 190/2012, aktivloven); its whole text is the note.
_RUN = regex.compile(r"(?P<low>\d+)\s*[-–]\s*(?P<high>\d+)")
_RUN_NOTE = regex.compile(r"\((?:Ubenyttede?|Ophævede?|Udgået)\)\.?")


def _run_of(node: Node) -> tuple[int, int] | None:
    m = _RUN.fullmatch((node.label or "").strip())
    if node.kind is not Kind.PARAGRAF or m is None:
        return None
    if node.repealed and not node.children:  # "§§ 16- 24. (Ophævet)", read as a repealed run (LBK 190/2012)
        return int(m["low"]), int(m["high"])
    texts = [node.text, *(c.text for c in node.children if not c.children)]
    if len(node.children) > 1 or not _RUN_NOTE.fullmatch(" ".join(t.strip() for t in texts if t.strip())):
        return None
    return int(m["low"]), int(m["high"])


def take_from_run(doc: Document, at: TreePath, items: Sequence[Node],
                  said: list[tuple[str, str]] | None = None) -> tuple[Document, TreePath, set[str]]:
    """UNUSED_RUN_GIVES_WAY: new §§ numbered up to the end of the run of unused numbers they follow take those
    numbers, and the run is printed shorter: "Efter § 431 indsættes i afsnit IV: »Kapitel 15 a … § 440. …«"
    (LOV 1384/2012 § 1, nr. 5) where LBK 856/2010 prints "§§ 432-440. (Ubenyttede)." after § 431 — LBK 75/2014
    prints "§§ 432-439. (Ubenyttede)." and then kapitel 15 a with § 440; "Før overskriften før § 25 indsættes:
    »Uddannelseshjælp § 23. … § 24. …«" (LOV 894/2013 § 1, nr. 33) after "§§ 16- 24. (Ophævet)" — LBK 806/2015
    prints "§§ 16-22. (Ophævet)". A run right after the place ("efter § 431" when the run follows it) is passed
    over; new §§ from the start of the run they precede take its first numbers. A number in the middle of a run
    (the numbers after it would be lost) is left for check_order to refuse. Returns the place (moved past a run
    passed over) and the run's id; the run's new label is said (UNUSED_RUN_GIVES_WAY) in `said`."""
    numbers = [int(k) for k in (label_key(x) for x in new_paragraf_labels(items)) if k.isdigit()]
    if not numbers:
        return doc, at, set()
    paths = sorted(p for ps in top_index(doc).paragraf.values() for p in ps)
    before = [p for p in paths if p < at]
    after = [p for p in paths if p >= at]
    low, high = min(numbers), max(numbers)
    if before and (run := _run_of(node_at(doc, before[-1]))) and run[0] < low <= run[1] <= high:
        doc, ids = _relabel_run(doc, before[-1], run[0], low - 1, said)
        return doc, at, ids
    if after and (run := _run_of(node_at(doc, after[0]))):
        path = after[0]
        if run[0] < low <= run[1] <= high and path[:-1] == at[:-1] and all(
                c.kind is Kind.OVERSKRIFT for c in children_at(doc, at[:-1])[at[-1]:path[-1]]):
            doc, ids = _relabel_run(doc, path, run[0], low - 1, said)
            return doc, (*path[:-1], path[-1] + 1), ids
        if low <= run[0] <= high < run[1]:
            doc, ids = _relabel_run(doc, path, high + 1, run[1], said)
            return doc, at, ids
    return doc, at, set()


def _relabel_run(doc: Document, path: TreePath, low: int, high: int,
                 said: list[tuple[str, str]] | None) -> tuple[Document, set[str]]:
    node = node_at(doc, path)
    label = f"{low}-{high}" if low < high else str(low)
    if said is not None:
        said.append(("UNUSED_RUN_GIVES_WAY", f"the run §§ {node.label} (unused or repealed numbers) now reads "
                     f"§{'§' if low < high else ''} {label}: the new §§ take the numbers at its end"))
    return replace_at(doc, path, [node.with_(label=label)]), {node.id}


def _run_end(label: str | None, *, last: bool) -> str | None:
    """The last (or first) number of a run's label "432-439"; any other label as it is."""
    m = _RUN.fullmatch((label or "").strip())
    return label if m is None else m["high" if last else "low"]
