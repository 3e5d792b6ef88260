"""Stage 2 (amender): a corpus folder → `Corpus`: every document's facts and the document graph
(which order amends which document, which document repeals / consolidates which, and whether each
"som ændret ved" list is complete). Documents themselves are parsed lazily, on demand.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from lovkons.history.cache import sha256_file
from lovkons.history.facts import (
    Facts,
    Scanned,
    code_version,
    read_base,
    read_order,
    scan_file,
)
from lovkons.history.identifiers import Identifier, parse_identifier
from lovkons.history.index import UNREADABLE_HASH, ParseCache, parse_cache, read_index, write_index
from lovkons.history.listing import SUFFIXES as SUFFIXES  # re-exported: the CLI lists files with it
from lovkons.history.listing import corpus_files as corpus_files
from lovkons.history.listing import list_corpus
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


# lookups of one document's edges after which the whole graph is built at once (a point in time, a timeline
# or a diff asks about a few documents; a rebuild about every one)
WHOLE_GRAPH_AFTER = 64


def _sorted_edges(edges: list[Edge]) -> tuple[Edge, ...]:
    """By kind, target, date and source; equal ones in the order given (a stable sort: the edges of one
    key sorted alone keep the order they have among all the corpus's edges)."""
    return tuple(sorted(edges, key=lambda e: (e.kind, e.target, e.date or dt.date.min, e.source)))


@dataclass
class Corpus:
    root: Path
    facts: dict[str, Facts]  # by key
    problems: list[Problem] = field(default_factory=list)
    _docs: dict[str, Document] = field(default_factory=dict, repr=False)
    _orders: dict[str, AmendingDocument] = field(default_factory=dict, repr=False)
    # history.timeline's memo (key → Timeline); typed loosely so the corpus does not import the timeline
    timelines: dict[str, Any] = field(default_factory=dict, repr=False)
    parsed: ParseCache | None = field(default=None, repr=False)  # parsed trees on disk (history.index)
    # finished answers on disk (history.results.ResultCache), set by the commands that ask again
    results: Any = field(default=None, repr=False)

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
        raise LovkonsError(f"{ident.key} is not in the corpus", file=str(self.root))  # printed under the archive it came from (shown_path)

    def document(self, key: str) -> Document:
        if key not in self._docs:
            self._docs[key] = self._load(key, "doc", lambda path: read_base(path)[0])
        return self._docs[key]

    def _load(self, key: str, what: str, read: Any) -> Any:
        """A parsed tree: from the parse cache when it holds this file's content, else read (and kept)."""
        f = self.facts[key]
        path = self.root / f.rel
        if self.parsed is None:
            return read(path)
        found = self.parsed.get(path, f.sha, what)
        if found is None:
            found = read(path)
            self.parsed.put(path, f.sha, what, found)
        return found

    def forget(self) -> None:
        """Drop the parsed trees held in memory (a rebuild worker between two document families),
        when the parse cache can give them back (without it, they were parsed once and are kept)."""
        if self.parsed is None:
            return
        self._docs.clear()
        self._orders.clear()
        self.timelines.clear()

    def subset(self, keys: Iterable[str]) -> Corpus:
        """The same corpus carrying only the parsed documents of `keys` (cheap to send to a worker)."""
        wanted = set(keys)
        return Corpus(self.root, self.facts, self.problems,
                      {k: v for k, v in self._docs.items() if k in wanted},
                      {k: v for k, v in self._orders.items() if k in wanted}, parsed=self.parsed)  # fmt: skip

    def order(self, key: str) -> AmendingDocument:
        """The change blocks of `key`, read as the scan read them (with the sidecar's publication date)."""
        if key not in self._orders:
            self._orders[key] = self._load(key, "order", read_order)
        return self._orders[key]

    # ------------------------------------------------------------------ graph
    def _edges_of(self, f: Facts) -> list[Edge]:
        """The edges one file's facts give, in the order `edges` takes them before sorting."""
        out: list[Edge] = []
        for block in f.blocks:
            target = next((t for t in block.targets if t in self.facts), block.targets[0] if block.targets else "")
            if target:
                out.append(Edge("amends", f.key, target, _d(f.in_force), f"§ {block.paragraf}"))
        out.extend(Edge("repeals", f.key, k, _d(d)) for k, d in f.repeals)
        if f.repealed and f.repealed[0]:
            out.append(Edge("repeals", f.repealed[0], f.key, _d(f.repealed[1]), "sidecar"))
        out.extend(Edge("consolidates", f.key, k, _d(f.date)) for k in f.consolidates)
        return out

    @cached_property
    def edges(self) -> tuple[Edge, ...]:
        return _sorted_edges([e for f in self.facts.values() for e in self._edges_of(f)])

    def bases(self) -> list[Facts]:
        return sorted((f for f in self.facts.values() if f.role == "base"), key=lambda f: f.doc_id)

    @cached_property
    def _givers(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Which files give an edge to each key, and which an edge from it (their keys in the order of
        `facts`): a command asks about one document's edges, so only those are built (`_edges_at`)."""
        to: dict[str, list[str]] = {}
        from_: dict[str, list[str]] = {}
        facts = self.facts
        for f in facts.values():
            key = f.key
            if f.blocks or f.repeals or f.consolidates:
                from_.setdefault(key, []).append(key)
                for b in f.blocks:  # every target it may cite (_edges_of takes the first in the corpus)
                    for t in b.targets:
                        if t is b.targets[0] or t in facts:
                            to.setdefault(t, []).append(key)
                for t, _ in f.repeals:
                    to.setdefault(t, []).append(key)
                for t in f.consolidates:
                    to.setdefault(t, []).append(key)
            if f.repealed and f.repealed[0]:
                to.setdefault(key, []).append(key)
                from_.setdefault(f.repealed[0], []).append(key)
        return to, from_  # (a key given more than once: _edges_at reads each giver once)

    def _edges_at(self, key: str, side: int) -> list[Edge]:
        """The edges whose target (side 0) or source (side 1) is `key`, in the order of `edges`."""
        memo: dict[tuple[str, int], list[Edge]] = self.__dict__.setdefault("_edge_memo", {})
        found = memo.get((key, side))
        if found is None and len(memo) >= WHOLE_GRAPH_AFTER:  # a rebuild asks about every document
            found = memo[(key, side)] = self._whole_graph[side].get(key, [])
        elif found is None:
            givers = dict.fromkeys(self._givers[side].get(key, ()))
            mine = [e for g in givers for e in self._edges_of(self.facts[g])
                    if (e.source if side else e.target) == key]  # fmt: skip
            found = memo[(key, side)] = list(_sorted_edges(mine))
        return found

    @cached_property
    def _whole_graph(self) -> tuple[dict[str, list[Edge]], dict[str, list[Edge]]]:
        """Every edge by target and by source, each list in the order of `edges`."""
        by_target: dict[str, list[Edge]] = {}
        by_source: dict[str, list[Edge]] = {}
        for e in self.edges:
            by_target.setdefault(e.target, []).append(e)
            by_source.setdefault(e.source, []).append(e)
        return by_target, by_source

    def edges_from(self, key: str) -> list[Edge]:
        """Edges whose source is `key` (what the document amends, repeals or restates)."""
        return self._edges_at(key, 1)

    def orders_for(self, key: str) -> list[Facts]:
        """Orders with a change block citing `key`, in publication order (date, number)."""
        keys = {e.source for e in self._edges_at(key, 0) if e.kind == "amends"}
        found = [self.facts[k] for k in keys if k in self.facts]
        return sorted(found, key=lambda f: (f.date or "", f.number or 0, f.key))

    def ended_by(self, key: str) -> list[Edge]:
        """Edges that end a document: repeals of it and later consolidations (LBK) of it."""
        return [e for e in self._edges_at(key, 0) if e.kind in ("repeals", "consolidates")]

    def first_restatement(self, key: str) -> Edge | None:
        """The edge of the first LBK of the corpus restating `key` (dated): for `key` outside the corpus, the LBK
        history.timeline.first_restated hands the items of the acts amending `key` to, from that day on."""
        takers = [e for e in self.ended_by(key) if e.kind == "consolidates" and e.source in self.facts and e.date]
        return min(takers, key=lambda e: (e.date or dt.date.max, e.source), default=None)

    def graph_problems(self) -> list[Problem]:
        """Missing bases, and orders named in a "som ændret ved" list but missing from the corpus."""
        out: list[Problem] = []
        for f in sorted(self.facts.values(), key=lambda f: f.doc_id):
            hits = [b for b in f.blocks if any(t in self.facts for t in b.targets)]
            if f.blocks and not hits:
                targets = list(dict.fromkeys(b.targets[0] for b in f.blocks if b.targets))
                cited = ", ".join(targets) or "an uncited document"
                firsts = [(t, e) for t in targets if (e := self.first_restatement(t)) is not None]
                reached = "; ".join(f"{t} is restated by {e.source} from {e.date}: its items from then on go there"
                                    for t, e in firsts)
                out.append(Problem("MISSING_BASE", f"{f.key} amends {cited}, which is not in the corpus"
                                   + (f" ({reached})" if reached else ""), "warning", source=f.key, file=f.rel))
            for block in hits:
                for k in block.amended_by:
                    if k not in self.facts:
                        out.append(Problem("MISSING_ORDER", f"{f.key} § {block.paragraf} says its target was "
                                           f"amended by {k}, which is not in the corpus", "warning",
                                           source=f.key, file=f.rel))  # fmt: skip
        return out


Progress = Callable[[int, int], None]  # (files read, files to read)


def scan_one(root: Path, rel: str, sha: str, parsed: ParseCache | None, keep: bool) -> Scanned:
    """Worker: one file's facts; its parsed trees go to the parse cache (and are returned if `keep`)."""
    facts, doc, order = scan_file(root, rel, sha)
    if parsed is not None:
        parsed.put(root / rel, sha, "doc", doc)
        parsed.put(root / rel, sha, "order", order)
    return (facts, doc, order) if keep else (facts, None, None)


def scan(
    root: Path, rels: Iterable[str], hashes: Mapping[str, str], cache: Mapping[str, Facts], jobs: int, *,
    parsed: ParseCache | None = None, keep: bool = True, progress: Progress | None = None,
) -> tuple[list[Facts], dict[str, Document], dict[str, AmendingDocument]]:
    """Facts for every file: from the cache when its hash is known, else parsed (in parallel). With
    `keep`, also returns the documents parsed on the way (by key), so nothing is parsed twice; else
    the workers send back only the facts (the trees go to `parsed`, the parse cache)."""
    rels = list(rels)
    # a cached fact is reused only for the same content at the same place (the key and the output
    # folder of an unnumbered document come from its path)
    known = {r: cache[hashes[r]] for r in rels if hashes[r] in cache and cache[hashes[r]].rel == r}
    # largest first, so no worker is left with one big file at the end
    todo = sorted((r for r in rels if r not in known), key=lambda r: (-_size(root / r), r))
    fresh: dict[str, Scanned] = {}
    if jobs > 1 and len(todo) > 1:
        from lovkons.history.workers import worker_pool  # the process pool only when files are parsed

        with worker_pool(min(jobs, len(todo))) as pool:
            n = len(todo)
            results = pool.map(scan_one, [root] * n, todo, [hashes[r] for r in todo], [parsed] * n, [keep] * n,
                               chunksize=4)
            for r, got in zip(todo, results, strict=True):
                fresh[r] = got
                if progress:
                    progress(len(fresh), n)
    else:
        for r in todo:
            fresh[r] = scan_one(root, r, hashes[r], parsed, keep)
            if progress:
                progress(len(fresh), len(todo))
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
    *,
    graph: bool = True,
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
    if graph:  # missing bases and orders (a rebuild reports them; a point in time does not show them)
        corpus.problems.extend(corpus.graph_problems())
    return corpus


def default_cache_file(root: Path) -> Path:
    """Per-user facts cache for a corpus folder, under the platform cache folder (history.cache)."""
    from lovkons.history.cache import facts_cache_file

    return facts_cache_file(root)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@dataclass
class Indexed:
    """The corpus index as read now: every file's facts, the trees parsed on the way (when kept), and
    how many files were parsed (0 when every file was known) or hashed (the rest known by their stat)."""

    facts: list[Facts]
    docs: dict[str, Document]
    orders: dict[str, AmendingDocument]
    parsed: ParseCache | None
    scanned: int
    hashed: int


def index_corpus(
    root: Path, rels: list[str], *, jobs: int, cache_file: Path | None, keep: bool = False,
    progress: Progress | None = None, known: tuple[dict[str, str], int] | None = None,
    listed: Mapping[str, Any] | None = None,
) -> Indexed:
    """Facts of every file of the corpus through the shared index (history.index): unchanged files
    (known by their stat, else by their hash) from `cache_file`, the others parsed in `jobs` processes
    (their trees stored in the parse cache); the index is written back when anything changed.
    Without `cache_file` nothing is read from or written to the cache. `known`: the hashes of `rels`
    and how many were read, when already taken (history.results.corpus_state); `listed`: the stats
    taken by the listing (history.listing.Listing.stats)."""
    code = code_version() if cache_file else ""
    index = read_index(cache_file, code)
    if known is not None:
        hashes, index.reads = known
    else:
        hashes = index.hashes(root, rels, file_hash, listed)
    parsed = parse_cache(code) if cache_file else None
    todo = sum(1 for r in rels if hashes[r] not in index.facts or index.facts[hashes[r]].rel != r)
    facts, docs, orders = scan(root, rels, hashes, index.facts, max(1, jobs or os.cpu_count() or 1),
                               parsed=parsed, keep=keep or parsed is None, progress=progress)
    if cache_file and (todo or index.reads or set(index.stats) != set(rels)):
        write_index(cache_file, code, root, facts, index.seen or listed)
        if parsed is not None and todo:
            parsed.prune()
    return Indexed(facts, docs, orders, parsed, todo, index.reads)


def load_corpus(
    root: str | Path, *, jobs: int = 1, cache_file: Path | None = None, follow_links: bool = False,
    progress: Progress | None = None, state: Any = None, graph: bool = True,
) -> Corpus:
    """Read a corpus folder (see corpus/README.md for the layout). With `cache_file`, the facts of
    unchanged files are taken from it (and it is refreshed), so only changed files are parsed now;
    documents are then loaded on demand (from the parse cache, else parsed). `progress(done, total)`
    is called as files are parsed. Links leading outside the corpus are refused (named
    among the corpus problems) unless `follow_links`. `state`: the folder already listed and hashed
    (history.results.CorpusState, with the same `follow_links`). `graph`: check the document graph
    (Corpus.graph_problems) into the corpus problems."""
    base = Path(root)
    if not base.is_dir():
        raise LovkonsError("corpus folder not found", file=str(root))
    listing = state.listing if state is not None else list_corpus(base, follow_links=follow_links)
    known = (state.hashes, state.reads) if state is not None else None
    found = index_corpus(base, listing.files, jobs=jobs, cache_file=cache_file, progress=progress, known=known,
                         listed=listing.stats)
    corpus = build_corpus(base, found.facts, found.docs, found.orders, listing.problems, graph=graph)
    corpus.parsed = found.parsed
    return corpus
