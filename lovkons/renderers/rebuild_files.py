"""Stage 3 (renderers): the files of a rebuild — each version's `<from-date>.md` and `.json`, each
document's index entry and report section, and the corpus-wide `index.json` and `report.md` — as
deterministic bytes (sorted keys, no timestamps). `REBUILD_FILES` is what `lovkons rebuild` hands to
`lovkons.history.rebuild.rebuild` (it is also callable as the version renderer, `render_version`).
"""

from __future__ import annotations

from typing import Any

from lovkons.history.corpus import Corpus
from lovkons.history.facts import Facts
from lovkons.history.fates import spans
from lovkons.history.outputs import DocumentRecord, VersionOut
from lovkons.history.rebuild import RebuildStats
from lovkons.model.document import Problem, one_line_text, shown_path
from lovkons.renderers.history_words import applied_json, carried_lines, change_json, status_json
from lovkons.renderers.json_out import (
    PIECES,
    NodeMemo,
    PieceMemo,
    date_json,
    document_json,
    dumps_bytes,
    node_piece,
    problems_json,
    stamped,
)
from lovkons.renderers.markdown import BlockMemo, render_markdown


def _where(p: Problem) -> str:
    """" (laws/x.xml:12)": the corpus file (and line) a corpus-level problem is about."""
    place = ":".join(str(x) for x in (shown_path(p.file), p.line) if x is not None)
    return f" ({place})" if place else ""


def _bytes(obj: dict[str, Any], compact: bool = False) -> bytes:
    """The JSON of a rebuild file: sorted keys, UTF-8; pretty (indent 2) or, `compact`, one line
    without spaces (the same values, about 30 % fewer bytes), ending in a newline either way."""
    return dumps_bytes(obj, sort_keys=True, compact=compact)


def _header(v: VersionOut) -> str:
    span = f"{v.start.isoformat() if v.start else 'undated'} – {v.end.isoformat() if v.end else ''}".rstrip(" –")
    orders = ", ".join(v.included) or "none"
    return f"<!-- {v.key} as in force {span}; orders included: {orders} -->\n\n"


def compact(changes: list[dict[str, Any]]) -> list[str]:
    """"LOV 576/2012 § 1, nr. 1-27" for runs of items of the same order and §."""
    groups: dict[tuple[str, str], list[int]] = {}
    for c in changes:
        groups.setdefault((c["order"], c["paragraf"]), []).append(int(c["nr"]))
    return [f"{order} § {par}, nr. {spans(nrs)}" for (order, par), nrs in groups.items()]


# Where a top-level unit of the document stands in a pretty version file: {"document": {"children": [
_UNIT_INDENT = " " * 6
MEMO_LIMIT = 200_000  # nodes per memo: a document larger than that starts its memos again


class _Memo:
    """The Markdown text, JSON values and JSON text of the nodes of the document being written (its
    versions share most of their nodes; a worker writes one document's versions after another):
    see render_markdown's `memo`, node_json's and node_piece's. Cleared for the next document."""

    def __init__(self, key: str | None = None) -> None:
        self.key = key
        self.md: BlockMemo = {}
        self.json: NodeMemo = {}
        self.pieces: dict[bool, PieceMemo] = {False: {}, True: {}}  # pretty, compact

    def full(self) -> bool:
        return max(len(self.md), len(self.json), *map(len, self.pieces.values())) > MEMO_LIMIT


_MEMO = _Memo()


def _memo(key: str) -> _Memo:
    """The memo for a version of document `key`: the same as for its previous version, else new."""
    global _MEMO
    if _MEMO.key != key or _MEMO.full():
        _MEMO = _Memo(key)
    return _MEMO


class RebuildFiles:
    """The rebuild's renderer (history.outputs.RebuildRenderer); a plain value, so it pickles to
    workers. `compact`: JSON files on one line (rebuild --compact-json)."""

    compact = False

    def __call__(self, version: VersionOut) -> dict[str, bytes]:
        """One version → {".md": Markdown bytes, ".json": the version object (lovkons.version/1)}."""
        v = version
        memo = _memo(v.key)
        md = _header(v) + render_markdown(v.document, memo=memo.md)
        obj = stamped("version", {
            "document": None,
            "version": {"from": date_json(v.start), "to": date_json(v.end)},
            "orders": list(v.included),
            "status": status_json(v.status),
            "applied": [applied_json(a) for a in v.applied],
            "problems": problems_json(list(v.problems)),
            "editorial": [c.to_json() for c in v.editorial],  # ressortændringer (lovkons.ressort), not instructed
        })  # fmt: skip
        return {".md": md.encode(), ".json": self._json(obj, v, memo)}

    def _json(self, obj: dict[str, Any], v: VersionOut, memo: _Memo) -> bytes:
        """The version file's JSON: its top-level units as finished text from the memo (PIECES), the
        same bytes as of the plain values (those decide when orjson cannot take the rest)."""
        if PIECES:
            pieces, indent = memo.pieces[self.compact], None if self.compact else _UNIT_INDENT
            try:
                units = [node_piece(c, indent=indent, memo=pieces) for c in v.document.children]
                obj["document"] = document_json(v.document, children=units)
                return _bytes(obj, self.compact)
            except TypeError:  # a value orjson does not take: json writes the plain values
                pass
        obj["document"] = document_json(v.document, memo=memo.json)
        return _bytes(obj, self.compact)

    def entry(self, record: DocumentRecord) -> dict[str, Any]:
        facts, tl = record.facts, record.timeline
        return {
            "id": facts.doc_id,
            "key": facts.key,
            "kind": facts.kind,
            "title": facts.title,
            "source": facts.rel,
            "in_force": facts.in_force,
            "end": status_json(tl.end),
            "orders": list(tl.orders),
            "versions": [{"from": date_json(v.start), "to": date_json(v.end), "files": list(v.files),
                          "orders": list(v.orders)} for v in record.versions],
            "pending": [change_json(c) for c in tl.pending],
            "lapsed": [change_json(c) for c in tl.lapsed],
            "carried": [change_json(c) for c in tl.carried],
            "incorporated": [change_json(c) for c in tl.incorporated],
            "notes": carried_lines(tl),
            "problems": [dict(p.to_json(), version=v) for p, v in record.problems],
            "problem_count": len(record.problems),
            "refused_count": record.refused,
        }

    def failed(self, facts: Facts, problem: Problem, error: str) -> dict[str, Any]:
        """The entry of a document whose consolidation raised (a bug): no versions, the error."""
        return {"id": facts.doc_id, "key": facts.key, "kind": facts.kind, "title": facts.title, "source": facts.rel,
                "in_force": facts.in_force, "end": None, "orders": [], "versions": [], "pending": [], "lapsed": [],
                "carried": [], "incorporated": [], "notes": [], "problems": [dict(problem.to_json(), version=None)],
                "problem_count": 1, "refused_count": 1, "error": error}  # fmt: skip

    def section(self, entry: dict[str, Any]) -> str:
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

    def index(self, corpus: Corpus, entries: list[dict[str, Any]]) -> bytes:
        sources = [
            {"key": f.key, "file": f.rel, "hash": f.sha, "role": f.role, "kind": f.kind, "title": f.title}
            for f in sorted(corpus.facts.values(), key=lambda f: f.rel)
        ]
        edges = [{"kind": e.kind, "source": e.source, "target": e.target, "date": date_json(e.date), "detail": e.detail}
                 for e in corpus.edges if e.target in corpus.facts or e.kind == "repeals"]  # fmt: skip
        return _bytes(stamped("index", {
            "documents": sorted(entries, key=lambda e: e["id"]),
            "sources": sources,
            "graph": edges,
            "problems": [p.to_json() for p in corpus.problems],
        }), self.compact)  # fmt: skip

    def report(self, corpus: Corpus, sections: list[str]) -> bytes:
        head = ["# Rebuild report", "", "Refused, unparsed and pending instructions per document.", ""]
        if corpus.problems:
            head += ["## Corpus", ""] + [f"- {p.severity} `{p.code}`{_where(p)}: {one_line_text(p.message)}"
                                         for p in corpus.problems] + [""]  # fmt: skip
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


REBUILD_FILES = RebuildFiles()


def summary_rows(stats: RebuildStats) -> list[tuple[str, str]]:
    """The rebuild's summary (stderr): (name, value) per line."""
    return [
        ("documents", str(stats.documents)),
        ("versions", str(stats.versions)),
        ("recomputed", str(len(stats.recomputed))),
        ("reused", str(len(stats.reused))),
        ("files parsed", str(stats.scanned)),
        ("refused instructions", str(stats.refused)),
        ("problems", str(stats.problems)),
        ("internal errors", str(len(stats.errors))),
        ("output written", "yes" if stats.written else "no (up to date)"),
    ]
