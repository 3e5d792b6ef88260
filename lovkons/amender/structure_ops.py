"""Stage 2 (amender): structural operations (ophæves, indsættes, affattes, bilag) on the resolved targets.

Input: Document, Repeal/RepealAndInsert/Insert/ReplaceBilag, the order's snapshot Resolver; output: an
Outcome. Holds what the instruction adds to the tree edits: ranges and groups, pkt. groups, a new unit
put at the end of a list, and where a new bilag goes.
"""

from __future__ import annotations

from lovkons.amender.amending_items import repeal_numbered_change
from lovkons.amender.insertion import insert
from lovkons.amender.recast import repeal_and_insert, replace, unplaced
from lovkons.amender.repeal import repeal
from lovkons.amender.resolve import ResolveError, Resolver, Target
from lovkons.amender.textops import Warning_
from lovkons.amender.tree import node_at, replace_at, top_index
from lovkons.amender.units import Outcome, owner_id, stamp
from lovkons.model.document import Address, Document, Kind, Level, Node, Source
from lovkons.model.edits import Insert, Repeal, RepealAndInsert, ReplaceBilag


def _resolve(doc: Document, resolver: Resolver, address: Address | None) -> Target | None:
    return resolver.resolve(doc, address) if address is not None else None


def repeal_op(doc: Document, op: Repeal, resolver: Resolver, done: set[tuple[str, str]],
              source: Source | None) -> Outcome:
    """"§ 4 ophæves", "§§ 7-9 ophæves", "§ 39, stk. 1, 2. og 3. pkt., ophæves"; `done` holds the
    (source, address) pairs already applied as part of a group."""
    if op.target.steps and op.target.last[0] is Level.PKT:
        return _repeal_pkts(doc, op, resolver, done, source)
    try:
        target = resolver.resolve(doc, op.target)
    except ResolveError:
        in_text = repeal_numbered_change(doc, op, resolver, source)
        if in_text is not None:  # "§ 69, nr. 1, ophæves" on an amending § of the base (amender.amending_items)
            return in_text
        covering = _repealed_with(doc, resolver, op)
        if covering is None:
            raise
        # "§ 29 og § 29, stk. 3, ophæves": the stk. went with its § (as in "§ 29, stk. 3, og § 29")
        return Outcome(doc, [("ALREADY_REPEALED", f"{op.target} went with {covering}, which the same "
                              "instruction repeals")], set())
    if op.words is not None:
        _check_heading_words(doc, target, op.words)
    group = _group(doc, resolver, op.group)
    gaps = _range_gaps(doc, op.group, [target, *[g for g in group if g.kind == "node" and g.path > target.path][:1]])
    outcome = repeal(doc, target, group, source)
    for gap in reversed(gaps):  # tombstones keep the paths of the §§ before them
        more = repeal(outcome.doc, gap, [target], source)
        outcome = Outcome(more.doc, [*outcome.warnings, *more.warnings], outcome.touched | more.touched)
    outcome.warnings += _gap_warnings(doc, gaps, op.group)
    return outcome


def _check_heading_words(doc: Document, target: Target, words: str) -> None:
    """A heading the act names by its words is repealed only when it reads so (case and spacing aside)."""
    def norm(text: str | None) -> str:
        return " ".join((text or "").split()).strip(" .").casefold()
    found: list[str | None]
    if target.kind == "heading":
        found = [node_at(doc, p).text for p in target.headings]
    elif target.kind == "kapitel_heading":
        found = [node_at(doc, target.path).heading]
    else:
        found = []
    if not any(norm(text) == norm(words) for text in found):
        now = " / ".join(f"»{t}«" for t in found if t) or "no heading"
        raise ResolveError("TEXT_NOT_FOUND", f"the heading the act names »{words}« reads {now} here")


def _repeal_pkts(doc: Document, op: Repeal, resolver: Resolver, done: set[tuple[str, str]],
                 source: Source | None) -> Outcome:
    """"§ 39, stk. 1, 2. og 3. pkt., ophæves": the punktummer are counted before the item, so the
    whole group of one unit goes at once (the later operations of the group are then done)."""
    key = (str(source), str(op.target))
    if key in done:
        return Outcome(doc, [], set())
    target = resolver.resolve(doc, op.target)
    same = [a for a in op.group if a.steps[:-1] == op.target.steps[:-1] and a.last[0] is Level.PKT]
    pkts = sorted({int(a.last[1]) for a in same} | {target.pkt or 0}, reverse=True)
    said: list[Warning_] = []
    for k in pkts:
        outcome = repeal(doc, Target("pkt", target.path, pkt=k, via=target.via), [], source)
        doc, said = outcome.doc, [*said, *(w for w in outcome.warnings if w not in said)]
    done |= {(str(source), str(a)) for a in same}  # in place: the context's own set
    return Outcome(doc, said, {owner_id(doc, target.path)})


def _repealed_with(doc: Document, resolver: Resolver, op: Repeal) -> Address | None:
    """The unit of the same group that holds the target and is repealed now, if any."""
    for address in op.group:
        if len(address.steps) < len(op.target.steps) and op.target.steps[: len(address.steps)] == address.steps:
            try:
                holder = resolver.resolve(doc, address)
            except ResolveError:
                continue
            if holder.kind == "node" and node_at(doc, holder.path).repealed:
                return address
    return None


def _group(doc: Document, resolver: Resolver, group: tuple[Address, ...]) -> list[Target]:
    out = []
    for address in group:
        try:
            out.append(resolver.resolve(doc, address))
        except ResolveError:
            continue
    return out


def _places(doc: Document, resolver: Resolver, op: RepealAndInsert) -> dict[Address, Target]:
    """Every place of a repeal-and-insert resolved; one that does not resolve refuses the operation by its
    name (it would otherwise be left out unnoticed)."""
    out: dict[Address, Target] = {}
    for address in op.group:
        try:
            out[address] = resolver.resolve(doc, address)
        except ResolveError as err:
            raise ResolveError(err.code, f"{address} (one of the places of the instruction): {err.message}") from err
    return out


def _range_gaps(doc: Document, group: tuple[Address, ...], members: list[Target]) -> list[Target]:
    """"§§ 5-8 ophæves" takes the lettered §§ inside the range too (§ 6 a; LOV 326/2012 § 9, nr. 11):
    the live §§ standing between the members, for a group of consecutive plain § numbers."""
    labels = [a.last[1] for a in group if len(a.steps) == 1 and a.last[0] is Level.PARAGRAF]
    if len(labels) < 2 or len(labels) != len(group) or not all(x.isdigit() for x in labels):
        return []
    if [int(x) for x in labels] != list(range(int(labels[0]), int(labels[0]) + len(labels))):
        return []
    paths = sorted(t.path for t in members if t.kind == "node")
    if len(paths) < 2:
        return []
    every = sorted(p for ps in top_index(doc).paragraf.values() for p in ps)
    return [Target("node", p) for p in every
            if paths[0] < p < paths[-1] and p not in paths and not node_at(doc, p).repealed]


def _gap_warnings(doc: Document, gaps: list[Target], group: tuple[Address, ...]) -> list[tuple[str, str]]:
    if not gaps:
        return []
    names = ", ".join(f"§ {node_at(doc, g.path).label}" for g in gaps)
    return [("RANGE_INCLUDES", f"{names} lie(s) inside {group[0]}-{group[-1].last[1]} and went with the range")]


def repeal_and_insert_op(doc: Document, op: RepealAndInsert, resolver: Resolver,
                         source: Source | None) -> Outcome:
    """"§ 5 ophæves, og i stedet indsættes: »§ 5. …«", with the lettered §§ inside a range."""
    target = resolver.resolve(doc, op.target)
    placed = _places(doc, resolver, op)
    if target.kind == "heading" and target.after and op.payload:
        return _units_in_heading_place(doc, target, op, source)
    group = list(placed.values())
    left = unplaced(doc, target, group)
    if left:  # never a place of the operation passed over in silence (LOV 1361/2010 § 10, nr. 1)
        names = ", ".join(str(a) for a, t in placed.items() if t in left)
        raise ResolveError("GROUP_PLACE_UNAPPLIED", f"{names}, named by the same instruction, would not get "
                           "the new text: refused rather than applied at part of its places")
    gaps = _range_gaps(doc, op.group, [target, *group])
    container = _resolve(doc, resolver, op.container)
    outcome = repeal_and_insert(doc, target, [*group, *gaps], op.payload, op.new, source, container=container)
    outcome.warnings += _gap_warnings(doc, gaps, op.group)
    return outcome


def _units_in_heading_place(doc: Document, target: Target, op: RepealAndInsert, source: Source | None) -> Outcome:
    """"Overskriften efter § 5 udgår, og i stedet indsættes: »§ 6. …«" (LOV 584/2012 § 1, nr. 3): the heading right
    after § 5 goes and the new §§ stand where it stood, right after § 5; refused whole when they do not fit there."""
    if len(target.headings) != 1:
        raise ResolveError("AMBIGUOUS_TARGET", f"{len(target.headings)} headings stand after the §, one is named")
    gone = node_at(doc, target.headings[0]).id
    outcome = insert(replace_at(doc, target.headings[0], []), Target("node", target.path), "after", op.payload, None,
                     source)
    outcome.touched |= {gone, owner_id(doc, target.path)}
    return outcome


def insert_op(doc: Document, op: Insert, resolver: Resolver, source: Source | None) -> Outcome:
    try:
        target = resolver.resolve(doc, op.target)
    except ResolveError:
        # "indsættes som nyt stk. 3" where the § has two stk.: the new unit goes at the end
        if op.position != "before" or len(op.target.steps) < 2 or op.target.last[0] is Level.PARAGRAF:
            raise
        target = resolver.resolve(doc, op.target.parent)
        _check_next_label(doc, target, op.target)
        op = Insert(op.target.parent, op.payload, "end", op.new, op.container, op.heading, op.heading_of, op.source)
    container = _resolve(doc, resolver, op.container)
    heading_of = _resolve(doc, resolver, op.heading_of)
    return insert(doc, target, op.position, op.payload, op.new, source, container=container,
                  heading=op.heading, heading_of=heading_of)


_LISTED = {Level.STK: Kind.STK, Level.NR: Kind.NR, Level.LITRA: Kind.LITRA}


def _check_next_label(doc: Document, holder: Target, missing: Address) -> None:
    """A unit inserted "before" a unit that does not exist goes to the end of the list only when it then
    carries exactly the label the instruction names ("som stk. 3" in a § with two stk.); else refused."""
    level, label = missing.last
    kind = _LISTED.get(level)
    if kind is None or holder.kind != "node":
        raise ResolveError("TARGET_NOT_FOUND", f"{missing} does not exist")
    node = node_at(doc, holder.path)
    if kind is not Kind.STK and node.kind is Kind.PARAGRAF:
        stks = [c for c in node.children if c.kind is Kind.STK]
        node = stks[0] if len(stks) == 1 else node
    count = sum(c.kind is kind for c in node.children)
    nxt = chr(ord("a") + count) if kind is Kind.LITRA else str(count + 1)
    if label.replace(" ", "") != nxt:
        raise ResolveError("TARGET_NOT_FOUND", f"{missing} does not exist, and a unit put at the end would "
                           f"be {kind.value} {nxt}")


def replace_bilag_op(doc: Document, op: ReplaceBilag, resolver: Resolver,
                     source: Source | None) -> Outcome:
    if not op.payload:
        raise ResolveError("TARGET_NOT_FOUND", "the amending document's own bilag was not found")
    label = op.target.last[1]
    payload = tuple(n.with_(label=label) if n.kind is Kind.BILAG else n for n in op.payload)
    if not any(n.kind is Kind.BILAG for n in payload):
        payload = (Node(Kind.BILAG, label=label, children=payload),)
    if not op.insert:
        return replace(doc, resolver.resolve(doc, op.target), payload, None, source)
    index = top_index(doc)
    if any(node_at(doc, p).label == label for p in index.bilag):
        raise ResolveError("LABEL_CONFLICT", f"bilag {label} already exists")
    before = [p for p in index.bilag if _bilag_no(node_at(doc, p).label) < _bilag_no(label)]
    if before:
        anchor = Target("node", before[-1], via="current")
        return insert(doc, anchor, "after", payload, None, source)
    at = index.bilag[0][-1] if index.bilag else len(doc.children)
    stamped = stamp(payload, source, set(index.by_id))
    new_doc = doc.with_(children=(*doc.children[:at], *stamped, *doc.children[at:]))
    return Outcome(new_doc, [], {n.id for n in stamped})


def _bilag_no(label: str | None) -> int:
    digits = "".join(ch for ch in label or "" if ch.isdigit())
    return int(digits) if digits else 0
