"""Stage 2 (amender): the files of a rebuild: every version of one document (rendered by an injected
renderer, since the amender does not import renderers), its index entry and report section, and the
corpus-wide index.json / report.md. Bytes are deterministic: sorted keys, no timestamps.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lovkons.history.corpus import Corpus
from lovkons.history.fates import carried_lines, fate_problems, spans
from lovkons.history.pointintime import versions as versions_of
from lovkons.history.timeline import Change, Status, timeline
from lovkons.model.document import Document, Problem


@dataclass(frozen=True, slots=True)
class VersionOut:
    """One version of a document, as handed to the renderer."""

    key: str
    doc_id: str
    start: dt.date | None
    end: dt.date | None  # first day of the next version (or of the end), None = open
    document: Document
    applied: tuple[Any, ...]
    problems: tuple[Problem, ...]
    included: tuple[str, ...]
    status: Status
    editorial: tuple[Any, ...] = ()  # lovkons.ressort.layer.EditorialChange: ressortændringer in the text


def dumps(data: Any) -> bytes:
    return (json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n").encode()


def status_json(st: Status | None) -> dict[str, Any] | None:
    if st is None:
        return None
    return {"state": st.state, "since": st.since.isoformat() if st.since else None, "by": st.by}


def applied_json(a: Any) -> dict[str, Any]:
    """The contract's Applied shape from amender.consolidate.Applied."""
    return {"source": str(getattr(a, "source", "")), "op": getattr(a, "op", ""), "target": getattr(a, "target", "")}


def change_json(c: Change) -> dict[str, Any]:
    out: dict[str, Any] = {"item": c.label, "order": c.order, "paragraf": c.paragraf, "nr": c.item,
                           "in_force": c.in_force.isoformat() if c.in_force else None}  # fmt: skip
    if c.via:
        out["via"] = c.via  # the consolidation the order names, which this one replaced
    if c.to:
        out.update(to=c.to, incorporated=c.incorporated)
    if c.lapsed:
        out.update(lapsed=c.lapsed.isoformat(), why=c.why)
    return out


def compact(changes: list[dict[str, Any]]) -> list[str]:
    """"LOV 576/2012 § 1, nr. 1-27" for runs of items of the same order and §."""
    groups: dict[tuple[str, str], list[int]] = {}
    for c in changes:
        groups.setdefault((c["order"], c["paragraf"]), []).append(int(c["nr"]))
    return [f"{order} § {par}, nr. {spans(nrs)}" for (order, par), nrs in groups.items()]


def _corpus_relative(p: Problem, root: Path) -> Problem:
    """File names relative to the corpus root, so output does not depend on how the corpus was named."""
    if not p.file:
        return p
    try:
        rel = Path(p.file).resolve().relative_to(root.resolve())
    except ValueError:
        return p
    return dataclasses.replace(p, file=rel.as_posix())


def _problem_key(p: Problem) -> tuple[str, str, str, str]:
    return (p.code, p.source or "", p.address or "", p.message)


def document_outputs(
    corpus: Corpus, key: str, render: Callable[[VersionOut], dict[str, bytes]], *, literal: bool = False
) -> tuple[dict[str, bytes], dict[str, Any], str]:
    """(files, index entry, report section) for every version of the main document `key` (with the
    ministers and authorities in office on each version's first day, unless `literal`)."""
    facts = corpus.facts[key]
    tl = timeline(corpus, key)
    files: dict[str, bytes] = {}
    versions: list[dict[str, Any]] = []
    seen: dict[tuple[str, str, str, str], tuple[Problem, str]] = {}
    previous: Document | None = None
    stop = tl.end.since if tl.end else None
    found = versions_of(corpus, tl, stop, literal=literal)  # an exception fails the whole document
    for i, version in enumerate(found):
        start = version.start
        end = found[i + 1].start if i + 1 < len(found) else stop
        day = start or dt.date.min
        doc, applied, problems = version.document, version.applied, version.problems
        problems = tuple(_corpus_relative(p, corpus.root) for p in problems)
        included = tuple(k for k in tl.orders if any(c.order == k for c in tl.in_force_at(day)))
        name = start.isoformat() if start else "undated"
        for p in problems:
            seen.setdefault(_problem_key(p), (p, name))
        if previous is not None and doc == previous and versions:
            versions[-1]["to"] = end.isoformat() if end else None  # nothing changed that day
            continue
        previous = doc
        st = tl.status_at(day) if start else Status("in_force")
        out = VersionOut(key, facts.doc_id, start, end, doc, applied, problems, included, st, version.editorial)
        rendered = render(out)
        paths = {suffix: f"{facts.doc_id}/{name}{suffix}" for suffix in sorted(rendered)}
        for suffix, data in rendered.items():
            files[paths[suffix]] = data
        versions.append({"from": start.isoformat() if start else None, "to": end.isoformat() if end else None,
                         "files": sorted(paths.values()), "orders": list(included)})  # fmt: skip
    mine = {(c.order, c.paragraf) for c in (*tl.changes, *tl.pending, *tl.lapsed)}
    reported = {(p.code, p.source) for p, _ in seen.values()}
    for order in tl.orders:
        for pj in corpus.facts[order].problems:
            src = str(pj.get("source") or "")
            ours = any(src == f"{o} § {par}" or src.startswith(f"{o} § {par},") for o, par in mine if o == order)
            if pj.get("code") == "UNPARSED_INSTRUCTION" and ours and (pj["code"], src) not in reported:
                p = Problem(str(pj["code"]), str(pj.get("message", "")), str(pj.get("severity", "error")),
                            pj.get("source"), pj.get("address"), pj.get("file"), pj.get("line"))
                seen.setdefault(_problem_key(p), (p, "order"))
    if tl.start is None:
        p = Problem("COMMENCEMENT_UNKNOWN", f"{key} does not state its commencement date (e.g. the minister "
                    "sets it); its first version is undated", "warning", source=key, file=facts.rel)  # fmt: skip
        seen.setdefault(_problem_key(p), (p, "undated"))
    for p in fate_problems(tl, file=facts.rel):
        seen.setdefault(_problem_key(p), (p, "timeline"))
    errors = [(p, v) for p, v in seen.values() if p.severity == "error"]
    entry = {
        "id": facts.doc_id,
        "key": key,
        "kind": facts.kind,
        "title": facts.title,
        "source": facts.rel,
        "in_force": facts.in_force,
        "end": status_json(tl.end),
        "orders": list(tl.orders),
        "versions": versions,
        "pending": [change_json(c) for c in tl.pending],
        "lapsed": [change_json(c) for c in tl.lapsed],
        "carried": [change_json(c) for c in tl.carried],
        "incorporated": [change_json(c) for c in tl.incorporated],
        "notes": carried_lines(tl),
        "problems": [dict(p.to_json(), version=v) for p, v in sorted(seen.values(), key=lambda x: _problem_key(x[0]))],
        "problem_count": len(seen),
        "refused_count": len(errors),
    }
    return files, entry, report_section(entry)


def report_section(entry: dict[str, Any]) -> str:
    lines = [f"## {entry['key']} — {entry['title'] or ''}".rstrip(" —"), ""]
    lines.append(f"- versions: {len(entry['versions'])}; orders: {', '.join(entry['orders']) or 'none'}")
    if entry["end"]:
        e = entry["end"]
        lines.append(f"- ends: {e['state']} from {e['since']}" + (f" by {e['by']}" if e["by"] else ""))
    lines.extend(f"- pending (no in-force date): {x}" for x in compact(entry["pending"]))
    ended = [c for c in entry["lapsed"] if c.get("why") == "order_ended"]
    lines.extend(f"- lapsed (the order ended first): {x}" for x in compact(ended))
    lines.extend(f"- {x}" for x in entry.get("notes", []))
    for p in entry["problems"]:
        where = ", ".join(x for x in (p["source"], p["address"]) if x)
        lines.append(f"- {p['severity']} `{p['code']}` (from {p['version']}){' [' + where + ']' if where else ''}: "
                     f"{p['message']}")  # fmt: skip
    return "\n".join(lines) + "\n"


def index_json(corpus: Corpus, entries: list[dict[str, Any]]) -> bytes:
    sources = [
        {"key": f.key, "file": f.rel, "hash": f.sha, "role": f.role, "kind": f.kind, "title": f.title}
        for f in sorted(corpus.facts.values(), key=lambda f: f.rel)
    ]
    edges = [{"kind": e.kind, "source": e.source, "target": e.target,
              "date": e.date.isoformat() if e.date else None, "detail": e.detail}
             for e in corpus.edges if e.target in corpus.facts or e.kind == "repeals"]  # fmt: skip
    return dumps({
        "documents": sorted(entries, key=lambda e: e["id"]),
        "sources": sources,
        "graph": edges,
        "problems": [p.to_json() for p in corpus.problems],
    })  # fmt: skip


def report_md(corpus: Corpus, sections: list[str]) -> bytes:
    head = ["# Rebuild report", "", "Refused, unparsed and pending instructions per document.", ""]
    if corpus.problems:
        head += ["## Corpus", ""] + [f"- {p.severity} `{p.code}`: {p.message}" for p in corpus.problems] + [""]
    orphans = [f for f in sorted(corpus.facts.values(), key=lambda f: f.doc_id)
               if f.role == "amending" and not any(t in corpus.facts for b in f.blocks for t in b.targets)]  # fmt: skip
    if orphans:
        head += ["## Orders whose target is not in the corpus", ""]
        for f in orphans:
            items = sum(len(b.items) for b in f.blocks)
            unparsed = [p for p in f.problems if p.get("code") == "UNPARSED_INSTRUCTION"]
            head.append(f"- {f.key} ({f.rel}): {items} items read, {len(unparsed)} not understood")
            head += [f"  - `{p['code']}` [{p.get('source') or ''}]: {p['message']}" for p in unparsed]
        head.append("")
    return ("\n".join(head) + "\n" + "\n".join(sorted(sections))).encode()
