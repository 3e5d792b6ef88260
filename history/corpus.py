"""Stage 2 (amender): a corpus folder → `Corpus`: every document's facts and the document graph
(which order amends which document, which document repeals / consolidates which, and whether each
"som ændret ved" list is complete). Documents themselves are parsed lazily, on demand.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from lovkons.history.facts import (
    UNREADABLE_HASH,
    Facts,
    Scanned,
    code_version,
    read_base,
    scan_file,
    sha256_file,
)
from lovkons.history.identifiers import Identifier, parse_identifier
from lovkons.history.listing import SUFFIXES as SUFFIXES  # re-exported: the CLI lists files with it
from lovkons.history.listing import corpus_files as corpus_files
from lovkons.history.listing import list_corpus
from lovkons.history.workers import worker_pool
from lovkons.model.document import Document, LovkonsError, Problem
from lovkons.model.edits import AmendingDocument


@dataclass(frozen=True, slots=True)
class Edge:
    """`source` amends / repeals / consolidates `target` (a key, possibly not in the corpus)."""

    kind: str  # "amends" | "repeals" | "consolidates"
    source: str
    target: str
    date: dt.date | None = None
    detail: str = ""  # the order's § for "amends"


def file_hash(root: Path, rel: str) -> str:
    """Hash of a document and its sidecar (either changing invalidates the facts). A file that cannot
    be read gets UNREADABLE_HASH + its path: never taken from a cache, read (and named) by the scan."""
    side = root / (rel + ".yaml")
    try:
        return sha256_file(root / rel) + (sha256_file(side)[:16] if side.exists() else "")
    except (OSError, LovkonsError):
        return UNREADABLE_HASH + rel


def _d(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


@dataclass
class Corpus:
    root: Path
    facts: dict[str, Facts]  # by key
    problems: list[Problem] = field(default_factory=list)
    _docs: dict[str, Document] = field(default_factory=dict, repr=False)
    _orders: dict[str, AmendingDocument] = field(default_factory=dict, repr=False)
    # history.timeline's memo (key → Timeline); typed loosely so the corpus does not import the timeline
    timelines: dict[str, Any] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ lookup
    def resolve(self, identifier: str | Identifier) -> Facts:
        """Find a document by any usual identifier; LovkonsError when it is not in the corpus."""
        ident = parse_identifier(identifier) if isinstance(identifier, str) else identifier
        for f in self.facts.values():
            if ident.path is not None and (self.root / f.rel).resolve() == ident.path.resolve():
                return f
            if ident.name is not None and ident.name in (f.key, f.doc_id):
                return f
            if ident.matches(f.kind, f.number, f.year):
                return f
        raise LovkonsError(f"{ident.key} is not in the corpus", file=str(self.root))

    def document(self, key: str) -> Document:
        if key not in self._docs:
            self._docs[key] = read_base(self.root / self.facts[key].rel)[0]
        return self._docs[key]

    def subset(self, keys: Iterable[str]) -> Corpus:
        """The same corpus carrying only the parsed documents of `keys` (cheap to send to a worker)."""
        wanted = set(keys)
        return Corpus(self.root, self.facts, self.problems,
                      {k: v for k, v in self._docs.items() if k in wanted},
                      {k: v for k, v in self._orders.items() if k in wanted})  # fmt: skip

    def order(self, key: str) -> AmendingDocument:
        if key not in self._orders:
            from lovkons.parsers.instructions import read_amending_file

            self._orders[key] = read_amending_file(self.root / self.facts[key].rel)
        return self._orders[key]

    # ------------------------------------------------------------------ graph
    @cached_property
    def edges(self) -> tuple[Edge, ...]:
        out: list[Edge] = []
        for f in self.facts.values():
            for block in f.blocks:
                target = next((t for t in block.targets if t in self.facts), block.targets[0] if block.targets else "")
                if target:
                    out.append(Edge("amends", f.key, target, _d(f.in_force), f"§ {block.paragraf}"))
            out.extend(Edge("repeals", f.key, k, _d(d)) for k, d in f.repeals)
            if f.repealed and f.repealed[0]:
                out.append(Edge("repeals", f.repealed[0], f.key, _d(f.repealed[1]), "sidecar"))
            out.extend(Edge("consolidates", f.key, k, _d(f.date)) for k in f.consolidates)
        return tuple(sorted(out, key=lambda e: (e.kind, e.target, e.date or dt.date.min, e.source)))

    def bases(self) -> list[Facts]:
        return sorted((f for f in self.facts.values() if f.role == "base"), key=lambda f: f.doc_id)

    def orders_for(self, key: str) -> list[Facts]:
        """Orders with a change block citing `key`, in publication order (date, number)."""
        keys = {e.source for e in self.edges if e.kind == "amends" and e.target == key}
        found = [self.facts[k] for k in keys if k in self.facts]
        return sorted(found, key=lambda f: (f.date or "", f.number or 0, f.key))

    def ended_by(self, key: str) -> list[Edge]:
        """Edges that end a document: repeals of it and later consolidations (LBK) of it."""
        return [e for e in self.edges if e.target == key and e.kind in ("repeals", "consolidates")]

    def graph_problems(self) -> list[Problem]:
        """Missing bases, and orders named in a "som ændret ved" list but missing from the corpus."""
        out: list[Problem] = []
        for f in sorted(self.facts.values(), key=lambda f: f.doc_id):
            hits = [b for b in f.blocks if any(t in self.facts for t in b.targets)]
            if f.blocks and not hits:
                cited = ", ".join(dict.fromkeys(b.targets[0] for b in f.blocks if b.targets)) or "an uncited document"
                out.append(Problem("MISSING_BASE", f"{f.key} amends {cited}, which is not in the corpus", "warning",
                                   source=f.key, file=f.rel))  # fmt: skip
            for block in hits:
                for k in block.amended_by:
                    if k not in self.facts:
                        out.append(Problem("MISSING_ORDER", f"{f.key} § {block.paragraf} says its target was "
                                           f"amended by {k}, which is not in the corpus", "warning",
                                           source=f.key, file=f.rel))  # fmt: skip
        return out


def scan(
    root: Path, rels: Iterable[str], hashes: Mapping[str, str], cache: Mapping[str, Facts], jobs: int
) -> tuple[list[Facts], dict[str, Document], dict[str, AmendingDocument]]:
    """Facts for every file: from the cache when its hash is known, else parsed (in parallel).
    Also returns the documents parsed on the way (by key), so nothing is parsed twice."""
    rels = list(rels)
    # a cached fact is reused only for the same content at the same place (the key and the output
    # folder of an unnumbered document come from its path)
    known = {r: cache[hashes[r]] for r in rels if hashes[r] in cache and cache[hashes[r]].rel == r}
    # largest first, so no worker is left with one big file at the end
    todo = sorted((r for r in rels if r not in known), key=lambda r: (-_size(root / r), r))
    fresh: dict[str, Scanned] = {}
    if jobs > 1 and len(todo) > 1:
        with worker_pool(min(jobs, len(todo))) as pool:
            for r, got in zip(todo, pool.map(scan_file, [root] * len(todo), todo, [hashes[r] for r in todo]), strict=True):
                fresh[r] = got
    else:
        for r in todo:
            fresh[r] = scan_file(root, r, hashes[r])
    facts = [known[r] if r in known else fresh[r][0] for r in rels]
    docs = {f.key: d for f, d, _ in fresh.values() if d is not None}
    orders = {f.key: o for f, _, o in fresh.values() if o is not None}
    return facts, docs, orders


def build_corpus(
    root: Path,
    facts: Iterable[Facts],
    docs: Mapping[str, Document] | None = None,
    orders: Mapping[str, AmendingDocument] | None = None,
    listing_problems: Iterable[Problem] = (),
) -> Corpus:
    """The corpus of these facts. `listing_problems`: inputs that could not even be listed or were
    refused (history.listing); they head the corpus problems with those of unreadable files."""
    by_key: dict[str, Facts] = {}
    problems: list[Problem] = list(listing_problems)
    for f in facts:
        if f.role == "unreadable":
            problems.extend(Problem(str(p["code"]), str(p["message"]), "error", file=f.rel, line=p.get("line"))
                            for p in f.problems)
            continue
        if f.key in by_key:
            problems.append(Problem("DUPLICATE_DOCUMENT", f"{f.key} appears twice ({by_key[f.key].rel}, {f.rel})",
                                    "warning", file=f.rel))  # fmt: skip
            continue
        by_key[f.key] = f
    corpus = Corpus(root, by_key, problems, dict(docs or {}), dict(orders or {}))
    corpus.problems.extend(corpus.graph_problems())
    return corpus


def default_cache_file(root: Path) -> Path:
    """Per-user facts cache for a corpus folder, under the platform cache folder (history.cache)."""
    from lovkons.history.cache import facts_cache_file

    return facts_cache_file(root)


def _read_facts_cache(path: Path, code: str) -> dict[str, Facts]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("code") != code:
            return {}
        return {sha: Facts.from_json(f) for sha, f in data["facts"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _write_facts_cache(path: Path, code: str, facts: Iterable[Facts]) -> None:
    kept = [f for f in facts if not any(p.get("code") == "INTERNAL_ERROR" for p in f.problems)
            and not f.sha.startswith(UNREADABLE_HASH)]  # retry bugs and files that could not be read
    data = {"code": code, "facts": {f.sha: f.to_json() for f in sorted(kept, key=lambda f: f.sha)}}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        tmp.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # a cache that cannot be written only costs time
        pass


def load_corpus(
    root: str | Path, *, jobs: int = 1, cache_file: Path | None = None, follow_links: bool = False
) -> Corpus:
    """Read a corpus folder (see corpus/README.md for the layout). With `cache_file`, the facts of
    unchanged files are taken from it (and it is refreshed), so only changed files are parsed now;
    documents are then parsed on demand. Links leading outside the corpus are refused (named
    among the corpus problems) unless `follow_links`."""
    base = Path(root)
    if not base.is_dir():
        raise LovkonsError("corpus folder not found", file=str(root))
    listing = list_corpus(base, follow_links=follow_links)
    rels = listing.files
    hashes = {r: file_hash(base, r) for r in rels}
    code = code_version() if cache_file else ""
    cached = _read_facts_cache(cache_file, code) if cache_file else {}
    facts, docs, orders = scan(base, rels, hashes, cached, max(1, jobs or os.cpu_count() or 1))
    if cache_file and any(hashes[r] not in cached for r in rels):
        _write_facts_cache(cache_file, code, facts)
    return build_corpus(base, facts, docs, orders, listing.problems)
