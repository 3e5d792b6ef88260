"""Stage 3 (renderers): the AKN `<meta>` block of a Publication — FRBR identification (AKN URIs and
the Retsinformation ELI), publication, lifecycle (one event per version date), passive
modifications (one textualMod per applied operation, destination = the eId it changed), temporal
data (the in-force periods), references and notes (provenance, pending, refused, editorial).
"""

from __future__ import annotations

import datetime as dt

import regex
from lxml import etree

from lovkons.model.address import AddressError, Level, parse_address
from lovkons.model.document import Meta, Source
from lovkons.parsers.akn import ACT_NAMES, UNKNOWN_DATE
from lovkons.renderers.akn_layout import E, Layout, Placed, num_part
from lovkons.renderers.publication import Mod, Publication

AGENT = "#lovkons"  # who made the markup: every meta section names it as its source

# An operation of ours as an AKN textualMod type, and the Danish word for the note.
MOD_TYPES: dict[str, tuple[str, str]] = {
    "replace_text": ("substitution", "Ændret"),
    "insert_text": ("insertion", "Tekst indsat"),
    "delete_text": ("repeal", "Tekst udgået"),
    "replace": ("substitution", "Affattet"),
    "repeal": ("repeal", "Ophævet"),
    "insert": ("insertion", "Indsat"),
    "repeal_and_insert": ("substitution", "Ophævet og nyt indsat"),
    "renumber": ("renumbering", "Nyt nummer"),
}


def act_name(kind: str) -> str:
    return ACT_NAMES.get(kind, "other")


def work_uri(meta: Meta) -> str:
    """"/akn/dk/act/bek/2007/1292" (an amending BEK shares the BEK number space)."""
    subtype = act_name(meta.kind).split("-")[0]
    year = meta.year or (meta.date.year if meta.date else None)
    number = str(meta.number) if meta.number is not None else "nn"
    return f"/akn/dk/act/{subtype}/{year or 'nd'}/{number}"


def eli(meta: Meta) -> str | None:
    """The Retsinformation ELI of a Lovtidende A document: "eli/lta/2007/1292"."""
    if meta.number is None or meta.year is None or meta.kind == "other":
        return None
    return f"eli/lta/{meta.year}/{meta.number}"


def source_uri(source: Source) -> str:
    """The amending act's item as an AKN reference: "/akn/dk/act/bek/2008/1072/!main#sec_1__point_4"
    (a numbered change of an amending § is a `point` of that section)."""
    m = regex.fullmatch(r"(?P<kind>[A-ZÆØÅ]+)\s+(?P<n>\d+)/(?P<y>\d{4})", source.document)
    base = f"/akn/dk/act/{m['kind'].lower()}/{m['y']}/{m['n']}" if m else "/akn/dk/act/nd/nn"
    if source.paragraf is None:
        return f"{base}/!main"
    anchor = f"sec_{num_part(source.paragraf)}"
    return f"{base}/!main#{anchor}" + (f"__point_{source.item}" if source.item is not None else "")


def _slug(text: str) -> str:
    return regex.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def identification(pub: Publication, component: str = "main") -> etree._Element:
    meta = pub.document.meta
    work = work_uri(meta)
    day = pub.expression_date
    expr = f"{work}/dan@{day.isoformat() if day else ''}"
    if meta.date:
        signed = E("FRBRdate", date=meta.date.isoformat(), name="signature")
    else:  # the schema wants a date: the version's (or 1 January of the year), marked unknown
        signed = E("FRBRdate", date=(day or dt.date(meta.year or 1900, 1, 1)).isoformat(), name=UNKNOWN_DATE)
    aliases = [E("FRBRalias", value=x, name="eli") for x in [eli(meta)] if x]
    aliases += [E("FRBRalias", value=meta.short, name="short")] if meta.number is not None else []
    numbers = [E("FRBRnumber", value=str(meta.number))] if meta.number is not None else []
    author = "#ministry" if meta.ministry else AGENT
    frbr_work = E("FRBRWork", E("FRBRthis", value=f"{work}/!{component}"), E("FRBRuri", value=work), *aliases,
                  signed, E("FRBRauthor", href=author), E("FRBRcountry", value="dk"),
                  E("FRBRsubtype", value=act_name(meta.kind)), *numbers)  # fmt: skip
    expr_date = E("FRBRdate", date=(day or meta.date or dt.date(meta.year or 1900, 1, 1)).isoformat(),
                  name="version" if day else UNKNOWN_DATE)
    frbr_expr = E("FRBRExpression", E("FRBRthis", value=f"{expr}/!{component}"), E("FRBRuri", value=expr), expr_date,
                  E("FRBRauthor", href=AGENT), E("FRBRlanguage", language="dan"))  # fmt: skip
    manif_date = E("FRBRdate", date=expr_date.get("date", ""), name="transform")
    frbr_manif = E("FRBRManifestation", E("FRBRthis", value=f"{expr}/!{component}.xml"),
                   E("FRBRuri", value=f"{expr}.akn"), manif_date, E("FRBRauthor", href=AGENT))  # fmt: skip
    return E("identification", frbr_work, frbr_expr, frbr_manif, source=AGENT)


# ------------------------------------------------------------------------------------ destinations


def _steps(target: str) -> tuple[tuple[str, str], ...] | None:
    """A cited target as citation-key steps ("§ 26, stk. 2, 2. pkt." → paragraf 26, stk 2: a pkt.
    is a sentence of its unit), or None for a target that is no unit ("titlen", "overalt")."""
    try:
        address = parse_address(target)
    except AddressError:
        return None
    steps = tuple((lvl.value, label) for lvl, label in address.steps if lvl is not Level.PKT)
    return steps or None


def _top(found: list[Placed]) -> list[str]:
    """The outermost of the units found (an inserted § carries its source on every stk. too)."""
    eids = [p.eid for p in found]
    return [e for e in eids if not any(e != o and e.startswith(o + "__") for o in eids)]


def destinations(mod: Mod, lay: Layout) -> list[str]:
    """The eIds an applied operation changed, in this version.

    The unit carrying the operation's source whose citation equals the target; else those inside
    the target (a new stk. in § 28); else every unit the item's source marks (a new § 42 a after
    § 42); else the unit now at the target (a repealed stk. is gone: the eId it had, under its §)."""
    placed = list(lay.walk())
    marked = [p for p in placed if any(_same(s, mod.source) for s in p.node.changed_by)]
    steps = _steps(mod.target)
    special = {"titlen": "longTitle", "indledningen": "preamble"}
    if steps is not None:
        exact = [p for p in marked if p.key == steps]
        if exact:
            return [exact[0].eid]
        inside = [p for p in marked if p.key[: len(steps)] == steps and len(p.key) > len(steps)]
        if inside:
            return _top(inside)
    if marked:
        return _top(marked)
    if steps is None:
        return [special.get(mod.target, "body")]
    by_key = {p.key: p.eid for p in placed if p.key}
    for cut in range(len(steps), 0, -1):
        if steps[:cut] in by_key:
            prefixes = {"stk": "subsec", "nr": "para", "litra": "point", "paragraf": "sec"}
            rest = "".join(f"__{prefixes.get(lvl, lvl)}_{num_part(lab)}" for lvl, lab in steps[cut:])
            return [by_key[steps[:cut]] + rest]
    return ["body"]


def _same(a: Source, b: Source) -> bool:
    return (a.document, a.paragraf, a.item) == (b.document, b.paragraf, b.item)


# ------------------------------------------------------------------------------------ meta block


def _events(pub: Publication) -> tuple[list[etree._Element], dict[dt.date, str], dict[str, str]]:
    """eventRefs, the eId of the first event per date, and the reference eId per document."""
    refs: dict[str, str] = {}
    own = pub.key or pub.document.meta.short
    events: list[etree._Element] = []
    first: dict[dt.date, str] = {}
    for i, (day, document) in enumerate(pub.events, 1):
        ref = refs.setdefault(document, "original" if document == own else f"src_{_slug(document)}")
        eid = f"evt_{i}"
        first.setdefault(day, eid)
        events.append(E("eventRef", eId=eid, date=day.isoformat(), source=f"#{ref}",
                        type="generation" if document == own else "amendment"))  # fmt: skip
    return events, first, refs


def _note(eid: str, cls: str, *blocks: etree._Element) -> etree._Element:
    return E("note", *blocks, eId=eid, class_=cls)


def _source_text(source: Source) -> str:
    when = f" (i kraft {source.in_force.isoformat()})" if source.in_force else ""
    return f"{when}: {source.text}" if source.text else when


def meta_block(pub: Publication, lay: Layout) -> etree._Element:
    meta = pub.document.meta
    parts = [identification(pub)]
    if meta.published:
        parts.append(E("publication", date=meta.published.isoformat(), name="lta", showAs="Lovtidende A",
                       **({"number": str(meta.number)} if meta.number is not None else {})))  # fmt: skip
    events, first, refs = _events(pub)
    if events:
        parts.append(E("lifecycle", *events, source=AGENT))
    mods, notes = [], []
    periods: dict[dt.date, str] = {}
    for i, mod in enumerate(pub.applied, 1):
        kind, word = MOD_TYPES.get(mod.op, ("substitution", mod.op))
        ref = E("ref", text=str(mod.source), eId=f"ref_pmod_{i}", href=source_uri(mod.source))
        line = E("p", text=f"{word} ved ")
        line.append(ref)
        ref.tail = _source_text(mod.source)
        notes.append(_note(f"note_pmod_{i}", "provenance", line))
        force = []
        day = mod.source.in_force
        if day is not None and day in first:
            force = [E("force", period=f"#period_{day.isoformat()}")]
            periods[day] = f"period_{day.isoformat()}"
        dests = [E("destination", href=f"#{d}") for d in destinations(mod, lay)]
        mods.append(E("textualMod", E("source", href=f"#ref_pmod_{i}"), *dests, *force, eId=f"pmod_{i}", type=kind))
    if mods:
        parts.append(E("analysis", E("passiveModifications", *mods), source=AGENT))
    if periods:
        groups = [E("temporalGroup", E("timeInterval", refersTo="#inForce", start=f"#{first[d]}"), eId=eid)
                  for d, eid in sorted(periods.items())]
        parts.append(E("temporalData", *groups, source=AGENT))
    parts.append(_references(pub, refs))
    notes += _outstanding(pub)
    if notes:
        parts.append(E("notes", *notes, source=AGENT))
    return E("meta", *parts)


def _references(pub: Publication, refs: dict[str, str]) -> etree._Element:
    meta = pub.document.meta
    own = pub.key or meta.short
    out = []
    for document, eid in refs.items():
        tag = "original" if document == own else "passiveRef"
        uri = work_uri(meta) if document == own else source_uri(Source(document)).removesuffix("/!main")
        out.append(E(tag, eId=eid, href=uri, showAs=document))
    out.append(E("TLCOrganization", eId="lovkons", href="/ontology/organization/lovkons", showAs="lovkons"))
    if meta.ministry:
        out.append(E("TLCOrganization", eId="ministry", href=f"/ontology/organization/dk/{_slug(meta.ministry)}",
                     showAs=meta.ministry))  # fmt: skip
    out.append(E("TLCConcept", eId="inForce", href="/ontology/concept/inForce", showAs="i kraft"))
    return E("references", *out, source=AGENT)


def _outstanding(pub: Publication) -> list[etree._Element]:
    """Pending, upcoming and refused items, and editorial notes (ressort renames), as notes."""
    out = []
    for i, item in enumerate(pub.pending, 1):
        text = f"Afventer (ingen ikrafttrædelsesdato): {item.label}" + (f": {item.text}" if item.text else "")
        out.append(_note(f"note_pending_{i}", "pending", E("p", text=text)))
    for i, item in enumerate(pub.upcoming, 1):
        when = item.in_force.isoformat() if item.in_force else "?"
        text = f"Senere ændring (i kraft {when}): {item.label}" + (f": {item.text}" if item.text else "")
        out.append(_note(f"note_upcoming_{i}", "upcoming", E("p", text=text)))
    for i, p in enumerate(pub.refused, 1):
        where = ", ".join(x for x in (p.source, p.address) if x)
        text = f"Ikke gennemført ({p.code}){' [' + where + ']' if where else ''}: {p.message}"
        out.append(_note(f"note_refused_{i}", "refused", E("p", text=text)))
    for i, ed in enumerate(pub.editorial, 1):
        when = f" (fra {ed.date.isoformat()})" if ed.date else ""
        where = f"{ed.target}: " if ed.target else ""
        text = f"Redaktionel ændring{when}: {where}{ed.text}. Hjemmel: {ed.basis}"
        out.append(_note(f"note_editorial_{i}", "editorial", E("p", text=text)))
    return out
