"""Stage 2 (amender): "ophæves" / "udgår" on every level. A § (and the §§ of a kapitel) leaves a
tombstone (§§ never renumber); stk./nr./litra are removed and their followers renumbered.

Input: a Document, the resolved Target and the Targets of its group ("§§ 7-9"); output: Outcome.
"""

from __future__ import annotations

from collections.abc import Sequence

from lovkons.amender.headings import repeal_string
from lovkons.amender.punktum import repeal_pkt
from lovkons.amender.renumber import RENUMBERED
from lovkons.amender.resolve import ResolveError, Target
from lovkons.amender.textops import Warning_
from lovkons.amender.tree import headings_before, node_at, replace_at, run_continues
from lovkons.amender.units import Outcome, owner_id, paragraf_ids, splice, tombstone, with_prov
from lovkons.model.document import Document, Kind, Source


def repeal(doc: Document, target: Target, group: Sequence[Target], source: Source | None) -> Outcome:
    named = repeal_string(doc, target, source)
    if named is not None:
        return named
    if target.kind == "pkt":
        return repeal_pkt(doc, target, source)
    if target.kind == "document":
        raise ResolveError("TARGET_NOT_FOUND", "the whole document cannot be repealed by an item")
    warnings: list[Warning_] = []
    old = node_at(doc, target.path)
    touched = {owner_id(doc, target.path)} | paragraf_ids(old)
    if old.kind is Kind.PARAGRAF:
        if old.repealed:
            warnings.append(("ALREADY_REPEALED", f"§ {old.label} was already repealed"))
        # the §§ of the group, read before the change ("§ 29 og § 29, stk. 3, ophæves": the stk. is
        # no member of a run, and its path is gone once § 29 is a tombstone)
        members = [g.path for g in group if g.kind == "node" and node_at(doc, g.path).kind is Kind.PARAGRAF]
        doc = replace_at(doc, target.path, [tombstone(old, source)])
        # "§§ 7-9 ophæves": the headings between the repealed §§ go too, not the one before § 7;
        # "§ 1 og § 5 ophæves" (no run) keeps the heading before § 5
        if run_continues(doc, target.path, members):
            for head in reversed(headings_before(doc, target.path)):
                doc = replace_at(doc, head, [])
        return Outcome(doc, warnings, touched)
    if old.kind in (Kind.KAPITEL, Kind.AFSNIT):
        stones = tuple(tombstone(n, source) for n in old.walk() if n.kind is Kind.PARAGRAF)
        dead = with_prov(old.with_(repealed=True, heading=None, children=stones), source)
        # an afsnit's kapitler go with it ("Afsnit VI ophæves.", LOV 493/2013 § 9, nr. 1: kapitel 8 in it)
        touched |= {n.id for n in old.walk() if n.kind in (Kind.KAPITEL, Kind.AFSNIT)}
        return Outcome(replace_at(doc, target.path, [dead]), warnings, touched)
    if old.kind in RENUMBERED:
        parent = target.path[:-1]
        doc = splice(doc, parent, target.path[-1], target.path[-1] + 1, [])
        holder = node_at(doc, parent)
        if holder.kind is Kind.PARAGRAF and not any(k.kind is Kind.STK for k in holder.children):
            doc = replace_at(doc, parent, [tombstone(holder, source)])
        return Outcome(doc, warnings, touched)
    return Outcome(replace_at(doc, target.path, []), warnings, touched)
