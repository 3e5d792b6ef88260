"""Stage 2 (amender): "affattes således" and "ophæves, og i stedet indsættes": a unit (or a run of
units) gives way to new text; the unit taking its place keeps its stable id.

Input: a Document, the resolved Target (and its group) and the payload; output: Outcome.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import regex

from lovkons.amender.headings import replace_string
from lovkons.amender.placement import check_order, paragraf_point, reuse_numbers
from lovkons.amender.punktum import replace_pkt, spaced, splice_pkts
from lovkons.amender.renumber import RENUMBERED
from lovkons.amender.resolve import ResolveError, Target
from lovkons.amender.textops import Warning_
from lovkons.amender.tree import (
    TreePath,
    children_at,
    headings_before,
    label_key,
    node_at,
    replace_at,
    run_continues,
    same_label,
    set_children,
    top_index,
)
from lovkons.amender.units import (
    Outcome,
    as_kind,
    content,
    group_payload,
    new_paragraf_labels,
    owner_id,
    paragraf_ids,
    parent_id,
    payload_text,
    splice,
    stamp,
    stamped_paragraf_ids,
    tombstone,
    used_ids,
)
from lovkons.model.document import Document, Kind, Node, Source
from lovkons.parsers.sentences import split_sentences


def replace(doc: Document, target: Target, payload: Sequence[Node], new: str | None,
            source: Source | None) -> Outcome:
    named = replace_string(doc, target, payload, new, source)
    if named is not None:
        return named
    if target.kind == "pkt":
        return replace_pkt(doc, target, payload_text(new, payload), source)
    if target.kind == "document":
        raise ResolveError("TARGET_NOT_FOUND", "the whole document cannot be recast")
    warnings: list[Warning_] = []
    old = node_at(doc, target.path)
    if old.kind is Kind.PARAGRAF and old.repealed:  # grammar R14: a repealed § comes back by insertion
        raise ResolveError("REPEALED_TARGET", f"§ {old.label} is repealed; it cannot be recast")
    items = group_payload(payload)
    if old.kind in (Kind.KAPITEL, Kind.AFSNIT):
        if not any(n.kind is old.kind for n in items):  # payload without the chapter line: keep it
            items = [old.with_(children=tuple(items))]
    elif old.kind in RENUMBERED:
        items, said = _label_without_mark(items, old)
        warnings += said
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
    if old.kind is Kind.PARAGRAF:  # the new §§ must fit where the old one stood (no duplicate live §)
        check_order(replace_at(doc, target.path, []), target.path, items)
    used = used_ids(doc, target.path)
    used.discard(old.id)
    stamped = list(stamp(items, source, used, parent_id(doc, target.path)))
    # the unit that takes the target's place keeps its stable id (provenance and diffs follow it)
    first = next(i for i, n in enumerate(stamped) if n.kind is old.kind)
    if old.kind is not Kind.PARAGRAF or same_label(stamped[first].label, old.label):
        stamped[first] = stamped[first].with_(id=old.id)
    else:
        warnings.append(("PAYLOAD_MISMATCH", f"recast of § {old.label} carries § {stamped[first].label}"))
    touched = {owner_id(doc, target.path)} | paragraf_ids(old) | stamped_paragraf_ids(stamped)
    new_doc = splice(doc, target.path[:-1], target.path[-1], target.path[-1] + 1, stamped)
    return Outcome(new_doc, warnings, touched)


# The number of a recast nr. written before its text without its parenthesis: "§ 55, stk. 2, nr. 2, affattes
# således: »2 der foreligger sådanne omstændigheder, …«" (LOV 326/2012 § 1, nr. 16; LBK 34/2013 prints "2) der
# foreligger …"). Only the unit's own number, before a word in lower case that is no measure ("2 uger", "2 pct.").
_BARE_LABEL = regex.compile(r"""(?P<n>\d{1,3})\s+(?!(?:pct|procent|kr|år|års|måned|måneder|måneders|uge|uger|ugers|dag|
    dage|dages|time|timer|timers|gang|gange|mio|mia|t|km|m|cm|kg|ton|tons|liter|personer|børn|
    eller|og|til|højst|mindst|af|ud|flere|færre)\b)(?=\p{Ll})""",  # "2 eller flere …" is a number
                            regex.VERBOSE)


def _label_without_mark(items: list[Node], old: Node) -> tuple[list[Node], list[Warning_]]:
    """A recast nr. whose new text begins with its number without the ")" (`_BARE_LABEL`): the number is the
    label, kept once (TOLERATED_LABEL). Not where the old text itself begins with a number."""
    if old.kind is not Kind.NR or len(items) != 1 or items[0].kind is not Kind.TEKST or items[0].label is not None:
        return items, []
    m = _BARE_LABEL.match(items[0].text)
    if m is None or m["n"] != (old.label or "").strip() or regex.match(r"\d", old.text.strip()):
        return items, []
    return [items[0].with_(text=items[0].text[m.end():])], [
        ("TOLERATED_LABEL", f"the new text of nr. {old.label} begins with its number without the parenthesis "
         f"({m[0].strip()!r}); read as the label")]


def unplaced(doc: Document, target: Target, group: Sequence[Target]) -> list[Target]:
    """The members of the group that `repeal_and_insert` would leave as they are: punktummer of another
    unit than the target's (`amender.places` gives each unit its own operation), a part of a unit in a run
    of whole units, or any other member when the target is not a unit that takes a run."""
    members = [g for g in group if g != target]
    if target.kind == "pkt":
        return [g for g in members if not (g.kind == "pkt" and g.path == target.path)]
    if target.kind == "node" and node_at(doc, target.path).kind in (*RENUMBERED, Kind.PARAGRAF):
        return [g for g in members if g.kind != "node"]
    return members


def repeal_and_insert(doc: Document, target: Target, group: Sequence[Target], payload: Sequence[Node],
                      new: str | None, source: Source | None, *, container: Target | None = None) -> Outcome:
    """`container`: "…, og i stedet indsættes i kapitel 7" — the new §§ go there, in § order."""
    members = [target, *[g for g in group if g != target]]
    if target.kind == "pkt":
        pkts = sorted({g.pkt for g in members if g.kind == "pkt" and g.path == target.path and g.pkt})
        if not pkts:
            raise ResolveError("TARGET_NOT_FOUND", "punktum does not exist")
        warnings = spaced(doc, target.path)
        doc = splice_pkts(doc, target.path, pkts[0], pkts[-1], split_sentences(payload_text(new, payload)), source,
                          warnings)
        return Outcome(doc, warnings, {owner_id(doc, target.path)})
    if target.kind != "node":
        return replace(doc, target, payload, new, source)
    old = node_at(doc, target.path)
    paths = sorted(g.path for g in members if g.kind == "node")
    if old.kind in RENUMBERED:
        parent = target.path[:-1]
        if any(p[:-1] != parent for p in paths):
            raise ResolveError("AMBIGUOUS_TARGET", "the repealed units are not siblings")
        nodes = as_kind([n for n in payload if n.kind is not Kind.OVERSKRIFT], old.kind)
        stamped = stamp(nodes, source, used_ids(doc, parent), node_at(doc, parent).id)
        adjacent = all(b[-1] == a[-1] + 1 for a, b in pairwise(paths))
        # (only units that stand together: "stk. 1 og 3 ophæves, og i stedet indsættes" puts the new ones at stk. 1's
        # place, so old stk. 3's id on the second would send a later "stk. 3" before stk. 2; review15)
        if adjacent and len(stamped) == len(paths) and all(n.kind is old.kind for n in stamped):
            # one new unit in the place of each (a recast of "stk. 2 og 3"): each keeps the stable id of the
            # unit it replaces, as a recast unit does (`replace`), so a later item of the act naming the old
            # unit finds it: LOV 1000/2015 § 1, nr. 35 and 36 both recast "§ 26, stk. 2 og 3, der bliver stk. 3
            # og 4" (1 September 2015 and 1 January 2016); LBK 468/2016 prints nr. 36's text
            stamped = tuple(n.with_(id=node_at(doc, p).id) for n, p in zip(stamped, paths, strict=True))
        # "stk. 1 og 3 ophæves, og i stedet indsættes": only the named units go (stk. 2 stays)
        for p in reversed(paths[1:]):
            doc = splice(doc, parent, p[-1], p[-1] + 1, [])
        doc = splice(doc, parent, paths[0][-1], paths[0][-1] + 1, stamped)
        return Outcome(doc, [], {owner_id(doc, parent)})
    if old.kind is not Kind.PARAGRAF:
        return replace(doc, target, payload, new, source)
    into = None
    if container is not None and container.kind == "node" and container.path != target.path[:-1]:
        into = node_at(doc, container.path).id
    return _recast_paragraffer(doc, paths, group_payload(payload), source, into)


def _recast_paragraffer(doc: Document, paths: list[tuple[int, ...]], items: list[Node],
                        source: Source | None, into: str | None = None) -> Outcome:
    """§§ at `paths` repealed and `items` put in the place of the first (or, with `into`, in that
    kapitel in § order); a repealed § whose number the new text uses again gives way instead of
    staying as a tombstone."""
    new_labels = {label_key(label) for label in new_paragraf_labels(items)}
    touched: set[str] = set()
    member_keys = {label_key(node_at(doc, p).label) for p in paths}
    joined = {p for p in paths[1:] if run_continues(doc, p, paths)}  # only a run ("§§ 7-9") loses
    for p in reversed(paths[1:]):  # the headings between; the others: tombstones (or room for new text)
        other = node_at(doc, p)
        touched.add(other.id)
        reused = label_key(other.label) in new_labels
        doc = replace_at(doc, p, [] if reused else [tombstone(other, source)])
        for head in reversed(headings_before(doc, p) if p in joined and not reused else ()):
            doc = replace_at(doc, head, [])
    # "§ 18 ophæves, og i stedet indsættes: »§ 18 … § 19 …«" with a § 19 tombstone: reused
    doc, first, gone = reuse_numbers(doc, new_labels - member_keys, paths[0])
    touched |= gone
    first_node = node_at(doc, first)
    touched.add(first_node.id)
    used = used_ids(doc, ())
    used.discard(first_node.id)
    stamped = list(stamp(items, source, used))
    for i, n in enumerate(stamped):
        if n.kind is Kind.PARAGRAF and same_label(n.label, first_node.label):
            stamped[i] = n.with_(id=first_node.id)
    keep = [] if label_key(first_node.label) in new_labels else [tombstone(first_node, source)]
    if into is not None:  # the kapitel is found again by its id: the removals above may move it
        doc = replace_at(doc, first, keep)
        holder = top_index(doc).by_id[into]
        point = paragraf_point(doc, holder, new_paragraf_labels(items))
        siblings = children_at(doc, holder)
        doc = set_children(doc, holder, (*siblings[: point[-1]], *stamped, *siblings[point[-1] :]))
        return Outcome(doc, [], touched | stamped_paragraf_ids(stamped))
    divisions = {n.kind for n in stamped if n.kind in (Kind.KAPITEL, Kind.AFSNIT)}
    if divisions and first[:-1] and node_at(doc, first[:-1]).kind in divisions:
        return _after_division(doc, first, keep, stamped, touched)
    heads = headings_before(doc, first)
    # the new text may bring its own heading: it then replaces the old one
    start = heads[0][-1] if stamped and stamped[0].kind is Kind.OVERSKRIFT and heads else first[-1]
    siblings = children_at(doc, first[:-1])
    doc = set_children(doc, first[:-1], (*siblings[:start], *keep, *stamped, *siblings[first[-1] + 1 :]))
    return Outcome(doc, [], touched | stamped_paragraf_ids(stamped))


def _after_division(doc: Document, first: TreePath, keep: list[Node], stamped: list[Node],
                    touched: set[str]) -> Outcome:
    """A new kapitel in place of a §: "§ 11 ophæves, og som nyt kapitel indsættes: »Kapitel 1 c … § 11. …«"
    (LOV 190/2017 § 1, nr. 17). A kapitel is never inside a kapitel: when the § was the last of its
    kapitel the new one follows that kapitel; when §§ follow it, where the new kapitel begins is not said
    (refused)."""
    holder = first[:-1]
    siblings = children_at(doc, holder)
    if any(n.kind is Kind.PARAGRAF and not n.repealed for n in siblings[first[-1] + 1 :]):
        raise ResolveError("PAYLOAD_MISMATCH", "a new kapitel in place of a § that other §§ of its kapitel follow:"
                           " where the new kapitel begins is not said")
    doc = set_children(doc, holder, (*siblings[: first[-1]], *keep, *siblings[first[-1] + 1 :]))
    outer = children_at(doc, holder[:-1])
    doc = set_children(doc, holder[:-1], (*outer[: holder[-1] + 1], *stamped, *outer[holder[-1] + 1 :]))
    return Outcome(doc, [], touched | stamped_paragraf_ids(stamped))
