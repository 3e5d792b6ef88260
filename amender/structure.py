"""Stage 2 (amender): structural operations (affattes / ophæves / indsættes / ophæves, og i stedet
indsættes) on every level: §, stk., nr., litra, pkt., kapitel, afsnit, heading, title, indledning, bilag.

Input: a Document, a resolved Target and an operation with its prepared payload; output: the new
Document, warnings and touched § ids. Refusals raise ResolveError (the tree is then not changed).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from amender.renumber import RENUMBERED, renumber
from amender.resolve import (
    ResolveError,
    Target,
    TreePath,
    children_at,
    headings_before,
    node_at,
    replace_at,
    same_label,
    set_children,
    top_index,
)
from amender.textops import Slot, Warning_, clean_quote, sentence_spans, set_string
from parsers.model import Address, Document, Kind, Node, Source

Resolve = Callable[[Address], Target]


@dataclass(slots=True)
class Outcome:
    doc: Document
    warnings: list[Warning_]
    touched: set[str]


def paragraf_ids(node: Node) -> set[str]:
    return {n.id for n in node.walk() if n.kind is Kind.PARAGRAF}


def content(node: Node) -> Node:
    """The node without ids and provenance (what a text comparison sees)."""
    return node.with_(id="", changed_by=(), children=tuple(content(c) for c in node.children))


def owner_id(doc: Document, path: TreePath) -> str:
    """The id of the § that holds `path` (or the unit itself above § level)."""
    children = doc.children
    last = ""
    for i in path:
        node = children[i]
        last = node.id
        if node.kind is Kind.PARAGRAF:
            return node.id
        children = node.children
    return last


# ----------------------------------------------------------------------------------------- payloads


def stamp(nodes: Sequence[Node], source: Source | None, used: set[str], parent_id: str = "") -> tuple[Node, ...]:
    """Give inserted nodes fresh unique ids (`p5a`, `p3-stk2~1`) and provenance."""
    prefix = {Kind.PARAGRAF: "p", Kind.STK: "stk", Kind.NR: "nr", Kind.LITRA: "litra", Kind.KAPITEL: "kap",
              Kind.AFSNIT: "afsnit", Kind.BILAG: "bilag", Kind.OVERSKRIFT: "h", Kind.TEKST: "tekst"}
    out = []
    for node in nodes:
        label = "".join(ch for ch in (node.label or "") if ch.isalnum())
        stem = prefix.get(node.kind, node.kind.value) + label
        base = f"{parent_id}-{stem}" if parent_id and node.kind not in (Kind.PARAGRAF, Kind.KAPITEL) else stem
        ident, n = base, 1
        while ident in used:
            ident, n = f"{base}~{n}", n + 1
        used.add(ident)
        prov = (*node.changed_by, source) if source else node.changed_by
        children = node.children
        if node.kind is Kind.PARAGRAF and any(c.kind is Kind.STK and c.label is None for c in children):
            children = renumber(children, Kind.STK, 0)  # the unwritten first stk. is "1"
        kids = stamp(children, source, used, ident)
        out.append(node.with_(id=ident, children=kids, changed_by=prov))
    return tuple(out)


def group_payload(nodes: Sequence[Node]) -> list[Node]:
    """Flat payloads ("Kapitel 12 a" marker, heading, §§) → KAPITEL containers holding what follows."""
    out: list[Node] = []
    for node in nodes:
        if node.kind in (Kind.KAPITEL, Kind.AFSNIT) and not node.children:
            out.append(node)
        elif out and out[-1].kind in (Kind.KAPITEL, Kind.AFSNIT) and node.kind in (Kind.OVERSKRIFT, Kind.PARAGRAF):
            holder = out[-1]
            out[-1] = holder.with_(children=(*holder.children, node))
        else:
            out.append(node)
    return out


def payload_text(new: str | None, payload: Sequence[Node]) -> str:
    if new:
        return clean_quote(new)
    texts = [n.full_text() if n.kind is not Kind.OVERSKRIFT else n.text for n in payload]
    return clean_quote(" ".join(t for t in texts if t))


def as_kind(nodes: Sequence[Node], kind: Kind) -> list[Node]:
    """Unlabelled text payloads (TEKST, STK without label) where a unit of `kind` is expected."""
    out = []
    for node in nodes:
        if node.kind in (Kind.TEKST, Kind.STK) and node.kind is not kind and kind in RENUMBERED:
            node = node.with_(kind=kind)
        out.append(node)
    return out


def _used_ids(doc: Document, path: TreePath) -> set[str]:
    used = set(top_index(doc).by_id)
    if path:
        holder = node_at(doc, path[:1])
        used |= {n.id for n in holder.walk()}
    return used


# ------------------------------------------------------------------------------------------ helpers


def _splice(doc: Document, parent: TreePath, start: int, stop: int, new: Sequence[Node]) -> tuple[Document, tuple[Node, ...]]:
    siblings = children_at(doc, parent)
    kids = (*siblings[:start], *new, *siblings[stop:])
    kinds = {n.kind for n in new} | {siblings[i].kind for i in range(start, stop)}
    for kind in RENUMBERED:
        if kind in kinds:
            kids = renumber(kids, kind, start)
    return set_children(doc, parent, kids), kids


def _with_prov(node: Node, source: Source | None) -> Node:
    return node.with_(changed_by=(*node.changed_by, source)) if source else node


def tombstone(node: Node, source: Source | None) -> Node:
    return _with_prov(node.with_(repealed=True, children=(), text=""), source)


def _set_pkt(doc: Document, target: Target, sentences_new: list[str] | None, source: Source | None,
             *, insert_at: int | None = None) -> Document:
    """Replace (or, with insert_at, insert before that index) punktummer of the node at target.path."""
    node = node_at(doc, target.path)
    spans = sentence_spans(node.text)
    parts = [node.text[a:b] for a, b in spans]
    new = [s for s in (sentences_new or []) if s]
    if insert_at is not None:
        parts[insert_at:insert_at] = new
    else:
        assert target.pkt is not None
        if not 1 <= target.pkt <= len(parts):
            raise ResolveError("TARGET_NOT_FOUND", f"{target.pkt}. pkt. does not exist ({len(parts)} pkt.)")
        parts[target.pkt - 1 : target.pkt] = new
    text = " ".join(p.strip() for p in parts if p.strip())
    return set_string(doc, Slot("node", target.path), text, source)


# ------------------------------------------------------------------------------------------ replace


def replace(doc: Document, target: Target, payload: Sequence[Node], new: str | None,
            source: Source | None) -> Outcome:
    warnings: list[Warning_] = []
    if target.kind in ("title", "preamble", "titlenote"):
        text = payload_text(new, payload)
        return Outcome(set_string(doc, Slot(target.kind), text, source), warnings, {target.kind})
    if target.kind == "pkt":
        text = payload_text(new, payload)
        unit = node_at(doc, target.path)
        label = regex.match(r"(?:Stk\.\s*(\d+)\.|(\d+)\)|([a-zæøå])\))\s+", text)
        if target.pkt == 1 and label and unit.label in label.groups():
            # drafting slip: "§ 26, stk. 2, 1. pkt., affattes således: »Stk. 2. Den …«"
            warnings.append(("TOLERATED_LABEL", f"the new 1. pkt. repeats the label {label[0].strip()!r}; dropped"))
            text = text[label.end() :]
        return Outcome(_set_pkt(doc, target, [text], source), warnings, {owner_id(doc, target.path)})
    if target.kind == "heading":
        text = payload_text(new, payload)
        if len(target.headings) > 1:
            warnings.append(("AMBIGUOUS_TARGET", "several headings stand before the §; the nearest was changed"))
        nearest = target.headings[0] if target.after else target.headings[-1]
        return Outcome(set_string(doc, Slot("node", nearest), text, source), warnings,
                       {owner_id(doc, target.path)})
    if target.kind == "kapitel_heading":
        holder = node_at(doc, target.path)
        heads = [n for n in payload if n.kind in (Kind.KAPITEL, Kind.AFSNIT)]
        text = heads[0].heading if heads and heads[0].heading else payload_text(new, payload)
        prefix = f"{holder.kind.value} {holder.label}".casefold()
        if text and text.casefold().startswith(prefix):
            text = text[len(prefix) :].strip()
        return Outcome(set_string(doc, Slot("node", target.path, "heading"), text or "", source), warnings,
                       {holder.id})
    if target.kind == "document":
        raise ResolveError("TARGET_NOT_FOUND", "the whole document cannot be recast")
    old = node_at(doc, target.path)
    items = group_payload(payload)
    if old.kind in (Kind.KAPITEL, Kind.AFSNIT):
        if not any(n.kind is old.kind for n in items):  # payload without the chapter line: keep it
            items = [old.with_(children=tuple(items))]
    elif old.kind in RENUMBERED:
        items = as_kind(items, old.kind)
    elif old.kind is Kind.BILAG and not any(n.kind is Kind.BILAG for n in items):
        items = [old.with_(children=tuple(items), text="")]
    if len(items) == 1 and content(items[0]) == content(old):
        return Outcome(doc, [], set())  # nothing to change: no new provenance either
    same = [n for n in items if n.kind is old.kind]
    if not same:
        raise ResolveError("PAYLOAD_MISMATCH", f"the new text holds no {old.kind.value}")
    if old.kind in RENUMBERED and same[0].label is None:
        items[items.index(same[0])] = same[0].with_(label=old.label)
    used = _used_ids(doc, target.path)
    used.discard(old.id)
    stamped = list(stamp(items, source, used, _parent_id(doc, target.path)))
    # the unit that takes the target's place keeps its stable id (provenance and diffs follow it)
    first = next(i for i, n in enumerate(stamped) if n.kind is old.kind)
    if old.kind is not Kind.PARAGRAF or same_label(stamped[first].label, old.label):
        stamped[first] = _reid(stamped[first], old.id)
    elif old.kind is Kind.PARAGRAF:
        warnings.append(("PAYLOAD_MISMATCH", f"recast of § {old.label} carries § {stamped[first].label}"))
    touched = {owner_id(doc, target.path)} | paragraf_ids(old) | {i for n in stamped for i in paragraf_ids(n)}
    new_doc, _ = _splice(doc, target.path[:-1], target.path[-1], target.path[-1] + 1, stamped)
    return Outcome(new_doc, warnings, touched)


def _reid(node: Node, ident: str) -> Node:
    return node.with_(id=ident)


def _parent_id(doc: Document, path: TreePath) -> str:
    return node_at(doc, path[:-1]).id if len(path) > 1 else ""


# ------------------------------------------------------------------------------------------- repeal


def repeal(doc: Document, target: Target, group: Sequence[Target], source: Source | None) -> Outcome:
    warnings: list[Warning_] = []
    if target.kind in ("title", "preamble", "titlenote"):
        return Outcome(set_string(doc, Slot(target.kind), "", source), warnings, {target.kind})
    if target.kind == "pkt":
        return Outcome(_set_pkt(doc, target, None, source), warnings, {owner_id(doc, target.path)})
    if target.kind == "heading":
        if len(target.headings) > 1:
            warnings.append(("AMBIGUOUS_TARGET", "several headings stand before the §; the nearest was repealed"))
        nearest = target.headings[0] if target.after else target.headings[-1]
        return Outcome(replace_at(doc, nearest, []), warnings, {owner_id(doc, target.path)})
    if target.kind == "kapitel_heading":
        return Outcome(set_string(doc, Slot("node", target.path, "heading"), "", source), warnings,
                       {node_at(doc, target.path).id})
    if target.kind == "document":
        raise ResolveError("TARGET_NOT_FOUND", "the whole document cannot be repealed by an item")
    old = node_at(doc, target.path)
    touched = {owner_id(doc, target.path)} | paragraf_ids(old)
    if old.kind is Kind.PARAGRAF:
        if old.repealed:
            warnings.append(("ALREADY_REPEALED", f"§ {old.label} was already repealed"))
        doc = replace_at(doc, target.path, [tombstone(old, source)])
        # "§§ 7-9 ophæves": the headings between the repealed §§ go too, not the one before § 7
        if any(g.kind == "node" and g.path < target.path for g in group):
            for head in reversed(headings_before(doc, target.path)):
                doc = replace_at(doc, head, [])
        return Outcome(doc, warnings, touched)
    if old.kind in (Kind.KAPITEL, Kind.AFSNIT):
        stones = tuple(tombstone(n, source) for n in old.walk() if n.kind is Kind.PARAGRAF)
        dead = _with_prov(old.with_(repealed=True, heading=None, children=stones), source)
        return Outcome(replace_at(doc, target.path, [dead]), warnings, touched)
    if old.kind in RENUMBERED:
        parent = target.path[:-1]
        doc, kids = _splice(doc, parent, target.path[-1], target.path[-1] + 1, [])
        holder = node_at(doc, parent)
        if holder.kind is Kind.PARAGRAF and not any(k.kind is Kind.STK for k in kids):
            doc = replace_at(doc, parent, [tombstone(holder, source)])
        return Outcome(doc, warnings, touched)
    return Outcome(replace_at(doc, target.path, []), warnings, touched)


# ------------------------------------------------------------------------------------------- insert


def _shift(path: TreePath, removed: TreePath) -> TreePath:
    """`path` after the node at `removed` was deleted."""
    d = len(removed)
    if len(path) >= d and path[: d - 1] == removed[:-1] and path[d - 1] > removed[-1]:
        return (*path[: d - 1], path[d - 1] - 1, *path[d:])
    return path


def _nr_container(doc: Document, path: TreePath, kind: Kind, label: str | None) -> TreePath:
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


def _insert_pkt(doc: Document, target: Target, position: str, text: str, source: Source | None) -> Outcome:
    from amender.textops import split_sentences

    path = target.path
    node = node_at(doc, path)
    if node.kind is Kind.PARAGRAF:
        stks = [(*path, i) for i, c in enumerate(node.children) if c.kind is Kind.STK]
        if not stks:
            raise ResolveError("TARGET_NOT_FOUND", f"§ {node.label} has no stk.")
        path = stks[0]
        node = node_at(doc, path)
    count = len(sentence_spans(node.text))
    # a stk. with a list: its last introductory punktum runs through the list; punktummer after it
    # live in the TEKST child after the list ("I § 20, stk. 1, indsættes som 2. pkt.", LOV 590/2012)
    listed = [i for i, c in enumerate(node.children) if c.kind in (Kind.NR, Kind.LITRA)]
    tail = next((i for i, c in enumerate(node.children) if c.kind is Kind.TEKST and listed and i > listed[-1]), None)
    tail_count = len(sentence_spans(node.children[tail].text)) if tail is not None else 0
    if target.kind == "pkt" and target.pkt is not None:
        k = target.pkt
        if not 1 <= k <= count + tail_count + (1 if position != "after" else 0):
            raise ResolveError("TARGET_NOT_FOUND", f"{k}. pkt. does not exist ({count + tail_count} pkt.)")
        at = k if position == "after" else k - 1
    else:
        at = 0 if position == "before" else count + tail_count
    if listed and at >= count and (at > 0 or tail is not None):
        if tail is None:
            holder = node.id or owner_id(doc, path)
            new_tail = stamp([Node(Kind.TEKST, text=clean_quote(text))], source, _used_ids(doc, path), holder)
            doc = set_children(doc, path, (*node.children, *new_tail))
            return Outcome(doc, [], {owner_id(doc, path)})
        path, at = (*path, tail), at - count
    new_target = Target("node", path)
    doc = _set_pkt(doc, new_target, split_sentences(text), source, insert_at=at)
    return Outcome(doc, [], {owner_id(doc, path)})


def _place_paragraf(doc: Document, target: Target, op_position: str, container: Target | None,
                    heading_of: Target | None, heading: str | None) -> tuple[TreePath, int]:
    """(parent path, index) where new §§ go, per "efter § 7", "i kapitel 2", "før overskriften før § 8"."""
    path = target.path
    node = node_at(doc, path)
    if node.kind in (Kind.KAPITEL, Kind.AFSNIT, Kind.BILAG) and op_position == "end":
        return path, len(node.children)
    if heading_of is not None and heading:
        heads = headings_before(doc, heading_of.path)
        if heading == "before_heading" and heads:
            return heading_of.path[:-1], heads[0][-1]
        return heading_of.path[:-1], heading_of.path[-1]
    parent = path[:-1]
    if op_position == "before":
        heads = headings_before(doc, path) if node.kind is Kind.PARAGRAF else ()
        index = heads[0][-1] if heads else path[-1]
    else:
        index = path[-1] + 1
    if container is not None and container.kind == "node" and container.path != parent:
        cpath = container.path
        if cpath[: len(parent)] == parent or cpath > path:
            return cpath, 0
        return cpath, len(node_at(doc, cpath).children)
    return parent, index


def insert(doc: Document, target: Target, position: str, payload: Sequence[Node], new: str | None,
           source: Source | None, *, container: Target | None = None, heading: str | None = None,
           heading_of: Target | None = None) -> Outcome:
    items = group_payload(payload)
    units = [n for n in items if n.kind is not Kind.OVERSKRIFT]
    if target.kind in ("title", "preamble", "titlenote"):
        return Outcome(set_string(doc, Slot(target.kind), payload_text(new, payload), source), [], {target.kind})
    if target.kind == "pkt" or (not payload and new):
        return _insert_pkt(doc, target, position, payload_text(new, payload), source)
    if target.kind != "node":
        raise ResolveError("TARGET_NOT_FOUND", f"cannot insert at a {target.kind}")
    if not items:
        raise ResolveError("PAYLOAD_MISMATCH", "nothing to insert")
    anchor = node_at(doc, target.path)
    kind = units[0].kind if units else Kind.OVERSKRIFT
    if kind is Kind.TEKST and anchor.kind in RENUMBERED:
        kind = anchor.kind
    if kind in RENUMBERED:
        nodes = as_kind(units, kind)
        if anchor.kind is kind:
            parent = target.path[:-1]
            index = target.path[-1] + (0 if position == "before" else 1)
        else:
            parent = target.path
            if kind is not Kind.STK:
                parent = _nr_container(doc, parent, kind, nodes[0].label)
            kids = children_at(doc, parent)
            same = [i for i, c in enumerate(kids) if c.kind is kind]
            index = (same[0] if same else 0) if position == "before" else (same[-1] + 1 if same else len(kids))
            wanted = nodes[0].label
            if position == "end" and wanted and wanted.isdigit() and same and int(wanted) <= len(same):
                index = same[int(wanted) - 1]
        # a unit that is already there word for word (a parallel law inserted it first: LOV 1609/2010
        # "indsættes som nr. 6 og 7" where nr. 6 came from LOV 624/2010) is not inserted twice
        # (only the list-end punctuation may differ: "…standses." there, "…standses, og" in the payload)
        kids = children_at(doc, parent)
        present = {_same_unit_key(c): i for i, c in enumerate(kids) if c.kind is kind}
        dupes = [(n, present[_same_unit_key(n)]) for n in nodes if _same_unit_key(n) in present]
        nodes = [n for n in nodes if _same_unit_key(n) not in present]
        dup_warnings: list[Warning_] = [("ALREADY_PRESENT", f"{kind.value} {n.label} is already there with the same "
                                     "text; not inserted again") for n, _ in dupes]
        for n, i in dupes:
            if kids[i].text != n.text:
                doc = replace_at(doc, (*parent, i), [_with_prov(kids[i].with_(text=n.text), source)])
            if i >= index:
                index = i + 1  # the new units follow the one already there
        if not nodes:
            return Outcome(doc, dup_warnings, {owner_id(doc, parent)} if dupes else set())
        holder_id = node_at(doc, parent).id if parent else ""
        stamped = list(stamp(nodes, source, _used_ids(doc, parent), holder_id))
        doc, _ = _splice(doc, parent, index, index, stamped)
        return Outcome(doc, dup_warnings, {owner_id(doc, parent)})
    # §§, headings, chapters, bilag: placed in the list that holds the anchor
    cont = container
    parent, index = _place_paragraf(doc, target, position, cont, heading_of, heading)
    if kind is Kind.OVERSKRIFT and anchor.kind is Kind.PARAGRAF and position == "before" and not heading:
        parent, index = target.path[:-1], target.path[-1]  # a new heading goes right before the §
    _check_order(doc, (*parent, index), items)
    warnings: list[Warning_] = []
    touched: set[str] = set()
    used = _used_ids(doc, ())
    for unit in (n for item in items for n in item.walk() if n.kind is Kind.PARAGRAF):
        for old_path in top_index(doc).paragraf.get(_label_key(unit.label), []):
            old = node_at(doc, old_path)
            if not old.repealed:
                raise ResolveError("LABEL_CONFLICT", f"§ {unit.label} already exists")
            # reuse of a repealed number: the tombstone gives way to the new §
            touched.add(old.id)
            if old_path[:-1] == parent and old_path[-1] >= index and all(
                children_at(doc, parent)[i].kind is Kind.OVERSKRIFT for i in range(index, old_path[-1])
            ):
                index = old_path[-1]
            doc = replace_at(doc, old_path, [])
            parent = _shift((*parent, 10**9), old_path)[:-1] if parent else parent
            if old_path[:-1] == parent and old_path[-1] < index:
                index -= 1
    stamped = list(stamp(items, source, used))
    pre = [n for n in stamped if n.kind not in (Kind.KAPITEL, Kind.AFSNIT)] if kind is Kind.PARAGRAF else stamped
    chapters = [n for n in stamped if n not in pre]
    holder = node_at(doc, parent) if parent else None
    if chapters and holder is not None and holder.kind is Kind.KAPITEL and anchor.kind is Kind.PARAGRAF:
        # a new KAPITEL after § 134 closes the current kapitel and opens the new one beside it
        kids = children_at(doc, parent)
        rest = kids[index:]
        doc = set_children(doc, parent, (*kids[:index], *pre))
        last = chapters[-1]
        chapters[-1] = last.with_(children=(*last.children, *rest))
        grand, at = parent[:-1], parent[-1] + 1
        siblings = children_at(doc, grand)
        doc = set_children(doc, grand, (*siblings[:at], *chapters, *siblings[at:]))
    else:
        siblings = children_at(doc, parent)
        doc = set_children(doc, parent, (*siblings[:index], *stamped, *siblings[index:]))
    touched |= {i for n in stamped for i in paragraf_ids(n)}
    return Outcome(doc, warnings, touched)


def par_order(label: str | None) -> tuple[int, str]:
    """Sort key of a § label: § 5 < § 5 a < § 5 b < § 6."""
    digits = "".join(ch for ch in (label or "") if ch.isdigit())
    letters = "".join(ch for ch in (label or "") if ch.isalpha()).lower()
    return (int(digits) if digits else -1, letters)


def _check_order(doc: Document, at: TreePath, items: Sequence[Node]) -> None:
    """New §§ must fit between the §§ around the place they go (§§ never renumber); a payload that
    breaks this was misread (a "§ 20." reference taken for a new §) and is refused, not applied."""
    new = [n.label for item in items for n in item.walk() if n.kind is Kind.PARAGRAF]
    if not new:
        return
    paths = sorted(p for ps in top_index(doc).paragraf.values() for p in ps)
    live = [p for p in paths if not node_at(doc, p).repealed]
    before = [node_at(doc, p).label for p in live if p < at]
    after = [node_at(doc, p).label for p in live if p >= at]
    keys = [par_order(label) for label in new]
    low = par_order(before[-1]) if before else (-2, "")
    high = par_order(after[0]) if after else (10**9, "")
    if keys != sorted(keys) or len(set(keys)) != len(keys) or keys[0] <= low or keys[-1] >= high:
        where = f"between § {before[-1] if before else '-'} and § {after[0] if after else '-'}"
        raise ResolveError("PAYLOAD_MISMATCH", f"new §§ {', '.join(str(x) for x in new)} do not fit {where}")


def _same_unit_key(node: Node) -> tuple[str | None, Node]:
    """A unit's label and content, its list-end punctuation ("," / ", og" / ".") left out."""
    text = regex.sub(r"(?:[,;.]|,? (?:og|eller))$", "", node.text.strip())
    return node.label, content(node.with_(text=text))


def _label_key(label: str | None) -> str:
    from amender.resolve import _key

    return _key(label)


# --------------------------------------------------------------------------------- repeal + insert


def repeal_and_insert(doc: Document, target: Target, group: Sequence[Target], payload: Sequence[Node],
                      new: str | None, source: Source | None) -> Outcome:
    from amender.textops import split_sentences

    members = [target, *[g for g in group if g != target]]
    if target.kind == "pkt":
        pkts = sorted({g.pkt for g in members if g.kind == "pkt" and g.path == target.path and g.pkt})
        node = node_at(doc, target.path)
        spans = sentence_spans(node.text)
        if not pkts or pkts[-1] > len(spans):
            raise ResolveError("TARGET_NOT_FOUND", "punktum does not exist")
        parts = [node.text[a:b] for a, b in spans]
        parts[pkts[0] - 1 : pkts[-1]] = split_sentences(payload_text(new, payload))
        text = " ".join(p.strip() for p in parts if p.strip())
        return Outcome(set_string(doc, Slot("node", target.path), text, source), [], {owner_id(doc, target.path)})
    if target.kind != "node":
        return replace(doc, target, payload, new, source)
    old = node_at(doc, target.path)
    paths = sorted(g.path for g in members if g.kind == "node")
    if old.kind in RENUMBERED:
        parent = target.path[:-1]
        if any(p[:-1] != parent for p in paths):
            raise ResolveError("AMBIGUOUS_TARGET", "the repealed units are not siblings")
        nodes = as_kind([n for n in payload if n.kind is not Kind.OVERSKRIFT], old.kind)
        stamped = list(stamp(nodes, source, _used_ids(doc, parent), node_at(doc, parent).id))
        doc, _ = _splice(doc, parent, paths[0][-1], paths[-1][-1] + 1, stamped)
        return Outcome(doc, [], {owner_id(doc, parent)})
    if old.kind is not Kind.PARAGRAF:
        return replace(doc, target, payload, new, source)
    items = group_payload(payload)
    new_labels = {_label_key(n.label) for item in items for n in item.walk() if n.kind is Kind.PARAGRAF}
    touched: set[str] = set()
    member_keys = {_label_key(node_at(doc, p).label) for p in paths}
    for p in reversed(paths[1:]):  # the other repealed §§: tombstones (or room for their new text)
        other = node_at(doc, p)
        touched.add(other.id)
        doc = replace_at(doc, p, [] if _label_key(other.label) in new_labels else [tombstone(other, source)])
        for head in reversed(headings_before(doc, p) if _label_key(other.label) not in new_labels else ()):
            doc = replace_at(doc, head, [])
    first = paths[0]
    for key in new_labels - member_keys:  # "§ 18 ophæves, og i stedet indsættes: »§ 18 … § 19 …«" with
        for p in sorted(top_index(doc).paragraf.get(key, []), reverse=True):  # § 19 a tombstone: reused
            other = node_at(doc, p)
            if not other.repealed:
                raise ResolveError("LABEL_CONFLICT", f"§ {other.label} already exists")
            touched.add(other.id)
            doc = replace_at(doc, p, [])
            first = _shift(first, p)
    first_node = node_at(doc, first)
    touched.add(first_node.id)
    used = _used_ids(doc, ())
    used.discard(first_node.id)
    stamped = list(stamp(items, source, used))
    for i, n in enumerate(stamped):
        if n.kind is Kind.PARAGRAF and same_label(n.label, first_node.label):
            stamped[i] = _reid(n, first_node.id)
    keep = [] if _label_key(first_node.label) in new_labels else [tombstone(first_node, source)]
    heads = headings_before(doc, first)
    # the new text may bring its own heading: it then replaces the old one
    start = heads[0][-1] if stamped and stamped[0].kind is Kind.OVERSKRIFT and heads else first[-1]
    siblings = children_at(doc, first[:-1])
    doc = set_children(doc, first[:-1], (*siblings[:start], *keep, *stamped, *siblings[first[-1] + 1 :]))
    touched |= {i for n in stamped for i in paragraf_ids(n)}
    return Outcome(doc, [], touched)
