"""Stage 2 (amender): "indsættes": new stk./nr./litra (renumbering the list), punktummer, §§, headings,
kapitler and bilag, placed per the anchor, the container and the heading the item names.

Input: a Document, the resolved Target (and container / heading Targets) and the payload; output: Outcome.
"""

from __future__ import annotations

from collections.abc import Sequence

from lovkons.amender.headings import DOCUMENT_STRINGS
from lovkons.amender.placement import (
    check_order,
    label_keys,
    place_in_list,
    place_paragraf,
    reuse_numbers,
    take_from_run,
)
from lovkons.amender.printed_ahead import printed_in_part
from lovkons.amender.punktum import insert_pkt
from lovkons.amender.renumber import RENUMBERED
from lovkons.amender.resolve import ResolveError, Target
from lovkons.amender.textops import Slot, Warning_, clean_quote, get_string, set_string
from lovkons.amender.title_notes import NOTE_MARK
from lovkons.amender.tree import (
    TreePath,
    children_at,
    is_placeholder,
    label_key,
    node_at,
    replace_at,
    set_children,
)
from lovkons.amender.units import (
    Outcome,
    as_kind,
    group_payload,
    new_paragraf_labels,
    owner_id,
    payload_text,
    same_unit_key,
    splice,
    stamp,
    stamped_paragraf_ids,
    used_ids,
    with_prov,
)
from lovkons.model.document import Document, Kind, Node, Source


def insert(doc: Document, target: Target, position: str, payload: Sequence[Node], new: str | None,
           source: Source | None, *, container: Target | None = None, heading: str | None = None,
           heading_of: Target | None = None) -> Outcome:
    items = group_payload(payload)
    units = [n for n in items if n.kind is not Kind.OVERSKRIFT]
    if target.kind in DOCUMENT_STRINGS:
        return _insert_string(doc, target.kind, payload_text(new, payload), source)
    if target.kind == "pkt" or (not payload and new):
        return insert_pkt(doc, target, position, payload_text(new, payload), source)
    if target.kind == "kapitel_heading" and position == "after" and items and not units:
        return _head_of_kapitel(doc, target.path, items, source)
    if target.kind == "heading" and not target.after and target.headings and heading_of is None \
            and position in ("before", "after") and any(n.kind is Kind.PARAGRAF for n in units):
        # HEADING_AS_ANCHOR: "Før overskriften før § 25 indsættes: »Uddannelseshjælp § 23. …«" (LOV 894/2013 § 1,
        # nr. 33; LBK 806/2015 prints the new heading and § 23-24 before the heading of § 25), "Efter overskriften
        # før § 69 indsættes: »§ 68. …«": new §§ placed as "før/efter overskriften før § 25" places them
        target, heading_of = Target("node", target.path), Target("node", target.path)
        heading = "before_heading" if position == "before" else "after_heading"
    if target.kind != "node":
        raise ResolveError("TARGET_NOT_FOUND", f"cannot insert at a {target.kind}")
    if not items:
        raise ResolveError("PAYLOAD_MISMATCH", "nothing to insert")
    anchor = node_at(doc, target.path)
    kind = units[0].kind if units else Kind.OVERSKRIFT
    if kind is Kind.TEKST and anchor.kind in RENUMBERED:
        kind = anchor.kind
    if kind in RENUMBERED:
        return _insert_listed(doc, target, position, as_kind(units, kind), kind, source)
    # §§, headings, chapters, bilag: placed in the list that holds the anchor
    said: list[tuple[str, str]] = []
    point = place_paragraf(doc, target, position, container, heading_of, heading, said)
    if kind is Kind.OVERSKRIFT and anchor.kind is Kind.PARAGRAF and position == "before" and not heading:
        point = target.path  # a new heading goes right before the §
    in_part = printed_in_part(doc, point, items) if kind is Kind.PARAGRAF else None
    if in_part is not None:
        return _in_place_of(doc, in_part, items, source)
    doc, point, run = take_from_run(doc, point, items, said)
    check_order(doc, point, items)
    used = used_ids(doc, ())
    keys = label_keys(new_paragraf_labels(items))
    # a place fixed by a heading ("før overskriften før § 11") stays where it is: the tombstone of a number the new
    # §§ take goes, the heading stays the next §'s (LOV 536/2015 § 1, nr. 2 on LBK 116/2015: LBK 1168/2015 prints
    # the new heading, §§ 10-10 b, then "Økonomi" and § 11); else the new § takes the tombstone's place
    doc, point, touched = reuse_numbers(doc, keys, point, into_gap=not (heading_of is not None and heading))
    stamped = list(stamp(items, source, used))
    doc = _put(doc, point, stamped, anchor, kind)
    return Outcome(doc, said, touched | run | stamped_paragraf_ids(stamped))


def _in_place_of(doc: Document, in_part: tuple[TreePath, list[str]], items: Sequence[Node],
                 source: Source | None) -> Outcome:
    """The item's § put in the place of the one the base printed in part (amender.printed_ahead.printed_in_part)."""
    path, left_out = in_part
    old = node_at(doc, path)
    doc = replace_at(doc, path, [])
    stamped = list(stamp(items, source, used_ids(doc, ())))
    siblings = children_at(doc, path[:-1])
    doc = set_children(doc, path[:-1], (*siblings[: path[-1]], *stamped, *siblings[path[-1]:]))
    return Outcome(doc, [("ITEM_PRINTED_IN_PART", f"§ {old.label} stands in the base as this item's text with "
                          f"{' and '.join(left_out)} left out as not yet in force; the item's whole § takes its "
                          "place")], {old.id} | stamped_paragraf_ids(stamped))


def _head_of_kapitel(doc: Document, path: TreePath, items: Sequence[Node], source: Source | None) -> Outcome:
    """New headings right after the heading of the kapitel at `path`, before its first unit: the mellemoverskrift
    that opens the kapitel ("Overskriften til kapitel 1 ophæves, og i stedet indsættes: »Kapitel 1 / Lovens
    anvendelsesområde og definitioner / Anvendelsesområde«", LOV 631/2016 § 1, nr. 2; LBK 1167/2016 prints
    »Anvendelsesområde« before § 1). Refused when the kapitel already opens with a heading (which one goes is not
    said)."""
    kids = children_at(doc, path)
    if kids and kids[0].kind is Kind.OVERSKRIFT:
        raise ResolveError("TARGET_OCCUPIED", f"kapitel {node_at(doc, path).label} already opens with the heading "
                           f"»{kids[0].text[:60]}«; the item does not say whether the new one replaces it")
    stamped = list(stamp(items, source, used_ids(doc, ())))
    return Outcome(set_children(doc, path, (*stamped, *kids)), [], {node_at(doc, path).id})


def _insert_string(doc: Document, kind: str, text: str, source: Source | None) -> Outcome:
    """"Som fodnote til lovens titel indsættes": only into an empty slot; an existing title, title note
    or indledning is never overwritten by an insertion (refused: it needs "affattes")"""
    slot = Slot(kind)
    old = get_string(doc, slot).strip()
    if old and old == clean_quote(text).strip():
        return Outcome(doc, [("ALREADY_PRESENT", f"the {kind} already reads so; not inserted again")], set())
    if old and kind == "titlenote" and _next_note(old, clean_quote(text).strip()):
        # NEXT_TITLE_NOTE: "Som fodnote 2 til lovens titel indsættes: »2) I loven er der medtaget visse bestemmelser
        # fra Rådets forordning …«" (LOV 554/2014 § 1, nr. 1, on momsloven, whose title has note 1): a further note
        # after the title's notes, not one in place of them (LBK 760/2016 prints notes 1) and 2))
        return Outcome(set_string(doc, slot, f"{old} {clean_quote(text).strip()}", source), [], {kind})
    if old:
        raise ResolveError("TARGET_OCCUPIED", f"the document already has a {kind} ({old[:60]!r}); "
                           "inserting would overwrite it")
    return Outcome(set_string(doc, slot, text, source), [], {kind})


def _insert_listed(doc: Document, target: Target, position: str, nodes: list[Node], kind: Kind,
                   source: Source | None) -> Outcome:
    """New stk./nr./litra: into their list, the followers renumbered."""
    point = place_in_list(doc, target, position, kind, nodes[0].label)
    parent, index = point[:-1], point[-1]
    # a unit that is already there word for word (a parallel law inserted it first: LOV 1609/2010
    # "indsættes som nr. 6 og 7" where nr. 6 came from LOV 624/2010) is not inserted twice
    # (only the list-end punctuation may differ: "…standses." there, "…standses, og" in the payload)
    kids = children_at(doc, parent)
    present = {same_unit_key(c): i for i, c in enumerate(kids) if c.kind is kind}
    dupes = [(n, present[same_unit_key(n)]) for n in nodes if same_unit_key(n) in present]
    nodes = [n for n in nodes if same_unit_key(n) not in present]
    warnings: list[Warning_] = [("ALREADY_PRESENT", f"{kind.value} {n.label} is already there with the same "
                                 "text; not inserted again") for n, _ in dupes]
    if dupes:
        earlier = _earlier_forms(kids, nodes, kind)
        dupes += earlier
        nodes = [n for n in nodes if not any(n is e for e, _ in earlier)]
        warnings += [("EARLIER_FORM_EXTENDED", f"{kind.value} {n.label} is there as the start of the new text (an "
                      "earlier form of the same insertion): its text made the new one") for n, _ in earlier]
    for n, i in dupes:
        if kids[i].text != n.text:
            doc = replace_at(doc, (*parent, i), [with_prov(kids[i].with_(text=n.text), source)])
        if i >= index:
            index = i + 1  # the new units follow the one already there
    if not nodes:
        return Outcome(doc, warnings, {owner_id(doc, parent)} if dupes else set())
    if position == "end" and not dupes:
        _check_free(kids, nodes, kind)
    holder_id = node_at(doc, parent).id if parent else ""
    # A repealed stk./nr. printed "(Ophævet)" keeps its number, as a repealed § does; a unit inserted
    # with that number takes the empty place instead of pushing the placeholder on: LOV 1385/2012 § 1,
    # nr. 12, "I § 16 indsættes som stk. 2" where konkurrencelovens § 16 held "Stk. 2. (Ophævet)."
    # (LBK 23/2013 prints the new stk. 2 and no placeholder).
    stones = {label_key(c.label): i for i, c in enumerate(children_at(doc, parent))
              if c.kind is kind and is_placeholder(c)}
    stamped = stamp(nodes, source, used_ids(doc, parent), holder_id)
    if not dupes and all(label_key(n.label) in stones for n in stamped):
        for n in stamped:
            doc = replace_at(doc, (*parent, stones[label_key(n.label)]), [n])
        return Outcome(doc, warnings, {owner_id(doc, parent)})
    doc = splice(doc, parent, index, index, stamped)
    # the payload's own label ("som nyt stk. 4") must be the label the unit gets where it lands
    landed = {c.id: c.label for c in children_at(doc, parent)}
    for n in stamped:
        now = landed.get(n.id)
        if n.label is not None and now is not None and n.label.replace(" ", "") != now.replace(" ", ""):
            if dupes:  # part of the payload is there already, the rest would land elsewhere: the base
                raise ResolveError("PARTLY_PRESENT", f"{kind.value} {dupes[0][0].label} is already there, but "
                                   f"the new {kind.value} {n.label} would become {kind.value} {now}; the base "
                                   "seems to hold an earlier form of this insertion")
            warnings.append(("LABEL_MISMATCH", f"the new text is {kind.value} {n.label}, but where the "
                             f"instruction puts it, it becomes {kind.value} {now}"))
    return Outcome(doc, warnings, {owner_id(doc, parent)})


def _earlier_forms(kids: Sequence[Node], nodes: Sequence[Node], kind: Kind) -> list[tuple[Node, int]]:
    """Units of an insertion another of whose units is there word for word (the caller's dupes), that stand
    under the same label with the new text's first punktummer only: the base printed an earlier form of the
    same insertion. LOV 590/2012 § 7, nr. 1 put registreringslovens § 7, stk. 7 and 8 in (LBK 1009/2012);
    LOV 1353/2012 § 11, nr. 1 "I § 7 indsættes som stk. 7 og 8" brings stk. 8 word for word and stk. 7 with a
    3. pkt. added; LBK 16/2013 prints the later stk. 7. Only whole punktummer count, and no unit with lower
    units of its own."""
    found: list[tuple[Node, int]] = []
    for n in nodes:
        same = [i for i, c in enumerate(kids) if c.kind is kind and c.label is not None and n.label is not None
                and label_key(c.label) == label_key(n.label)]
        if len(same) != 1 or n.children or kids[same[0]].children:
            continue
        old, new = kids[same[0]].text.strip(), n.text.strip()
        if old and old.endswith(".") and len(new) > len(old) and new.startswith(old) and new[len(old)] == " ":
            found.append((n, same[0]))
    return found


def _check_free(kids: Sequence[Node], nodes: Sequence[Node], kind: Kind) -> None:
    """"I § 3 indsættes som stk. 2: »Stk. 2. …«" adds the unit at the end of its list: the drafter saw no
    stk. 2 there, else the item would say where ("efter stk. 1 som nyt stykke") and renumber the rest ("Stk. 2
    bliver herefter stk. 3"). When the base holds a unit of that number with other text, it is not the law the
    drafter amended (LBK 654/2010 printed a stk. 2 of LOV 493/2010 § 1, nr. 5, which LOV 251/2011 § 4 repealed
    before it took effect; LOV 251/2011 § 2, nr. 2, then inserts "som stk. 2"): refused, TARGET_OCCUPIED,
    rather than pushing the old unit on. A repealed unit printed "(Ophævet)" gives its number up; a unit that
    already reads so is ALREADY_PRESENT (the caller)."""
    taken = {label_key(c.label): c for c in kids if c.kind is kind and c.label is not None
             and not is_placeholder(c)}
    for n in nodes:
        old = taken.get(label_key(n.label)) if n.label is not None else None
        if old is not None:
            raise ResolveError("TARGET_OCCUPIED", f"{kind.value} {n.label} is to be added at the end, but the "
                               f"base already has a {kind.value} {old.label} ({old.text[:60]!r}); the item does "
                               "not renumber it")


def _put(doc: Document, point: TreePath, stamped: list[Node], anchor: Node, kind: Kind) -> Document:
    """Insert §§/headings/kapitler at `point`. A new KAPITEL after a § inside a kapitel closes that
    kapitel and opens the new one beside it, taking the rest of the old one's units."""
    parent, index = point[:-1], point[-1]
    pre = [n for n in stamped if n.kind not in (Kind.KAPITEL, Kind.AFSNIT)] if kind is Kind.PARAGRAF else stamped
    chapters = [n for n in stamped if n not in pre]
    holder = node_at(doc, parent) if parent else None
    if chapters and holder is not None and holder.kind is Kind.KAPITEL and anchor.kind is Kind.PARAGRAF:
        kids = children_at(doc, parent)
        rest = kids[index:]
        doc = set_children(doc, parent, (*kids[:index], *pre))
        last = chapters[-1]
        chapters[-1] = last.with_(children=(*last.children, *rest))
        grand, at = parent[:-1], parent[-1] + 1
        siblings = children_at(doc, grand)
        return set_children(doc, grand, (*siblings[:at], *chapters, *siblings[at:]))
    siblings = children_at(doc, parent)
    return set_children(doc, parent, (*siblings[:index], *stamped, *siblings[index:]))


def _next_note(old: str, new: str) -> bool:
    """`new` is note n+1 ("2) …") of a title whose notes are 1) … n) in order (`old`)."""
    first = NOTE_MARK.match(new)
    marks = [int(m[1]) for m in NOTE_MARK.finditer(old)]
    return bool(first) and old.startswith("1)") and bool(marks) and marks[-1] + 1 == int(first[1]) \
        and marks == sorted(set(marks)) and marks[0] == 1
