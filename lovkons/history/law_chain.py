"""Stage 2 (history): one law's documents by its title, across the LBKs of it the corpus lacks. A later corpus LBK
that restates only documents outside the corpus goes on with an older corpus document of the same law
(`same_law_successor`); the LBKs between them are known from that LBK's introduction ("jf. lovbekendtgørelse nr. 584
af 1. juni 2014", LBK 748/2015) and from the openings of the acts that amend them, which cite a law by its title and
its latest LBK (Lovteknisk vejledning: "I lov om kommunernes styrelse, jf. lovbekendtgørelse nr. 885 af 29. august
2012, foretages følgende ændringer:", LOV 1252/2012 § 1): `first_outside`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

import regex

from lovkons.history.identifiers import key_of

if TYPE_CHECKING:
    from lovkons.history.corpus import Corpus
    from lovkons.history.facts import Facts

# "I <the law's title>, jf. lovbekendtgørelse nr. N af <date>, …" at the head of a change block's opening
# a law's name may hold commas: "I lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension m.v., jf.
# lovbekendtgørelse nr. 11 af 12. januar 2015, …" (LOV 1000/2015)
_LAW_HEAD = r"^\s*I\s+(?P<law>.+?),\s+jf\.\s"
_HEAD = regex.compile(_LAW_HEAD, regex.I)
_OPENING = regex.compile(_LAW_HEAD + r"\s*lovbekendtgørelse\s+nr\.\s*(?P<n>\d+)\s+af\s+"
                         r"(?P<date>\d{1,2}\.\s*\p{L}+\s+\d{4})", regex.I)


def opening_law(opening: str) -> str | None:
    """The law a change block's opening names before its "jf." ("I lov om elforsyning, jf. …"), or None."""
    m = _HEAD.match(opening)
    return m["law"] if m else None


def law_of(title: str | None) -> str:
    """A document's law, by its title: "Bekendtgørelse af lov om råstoffer" and "Lov om råstoffer" are one law."""
    return " ".join((title or "").casefold().removeprefix("bekendtgørelse af ").split())


def by_law(corpus: Corpus) -> dict[str, list[Facts]]:
    """The base documents of the corpus by their law (`law_of`), built once per corpus."""
    memo: dict[str, list[Facts]] | None = corpus.timelines.get("laws:")
    if memo is None:
        memo = {}
        for g in corpus.facts.values():
            if g.role == "base":
                memo.setdefault(law_of(g.title), []).append(g)
        corpus.timelines["laws:"] = memo
    return memo


def restates_outside(corpus: Corpus, f: Facts) -> bool:
    """An LBK every document of whose restatement is outside the corpus (the chain before it runs through them)."""
    return f.kind.startswith("LBK") and bool(f.consolidates) and all(t not in corpus.facts for t in f.consolidates)


def same_law_successor(corpus: Corpus, key: str) -> Facts | None:
    """The first later LBK of the corpus that restates the same law as `key` through documents the corpus lacks:
    LBK 1017/2013 (emballageafgiftsloven) is restated by an LBK outside the corpus, which LBK 1236/2016 restates; the
    corpus links them by nothing but the law's title. Without this the two chains stood in force side by side (38
    laws of the corpus), and `consolidate "LBK 1017/2013" --at 2017-01-01` gave the 2013 text. Only an LBK whose
    restated documents are all outside the corpus, dated after `key`, of a base document with the same law title
    (the yearly laws on indfødsret share a title but are no LBKs)."""
    f = corpus.facts[key]
    law, day = law_of(f.title), f.date or ""
    if f.role != "base" or not law or not day:
        return None
    later = [g for g in by_law(corpus).get(law, ()) if g.key != key and (g.date or "") > day
             and restates_outside(corpus, g)]
    return min(later, key=lambda g: (g.date or "", g.key), default=None)


def cited_outside(corpus: Corpus) -> dict[str, dict[str, dt.date]]:
    """The LBKs the corpus lacks that the acts' change blocks amend, by the law their opening names: law → {LBK: its
    date as cited}, built once per corpus."""
    memo: dict[str, dict[str, dt.date]] | None = corpus.timelines.get("cited-lbks:")
    if memo is None:
        # imported when first asked (an answer kept on disk needs no parser)
        from lovkons.parsers.dates import parse_danish_date

        days: dict[str, dict[str, Counter[dt.date]]] = {}
        for f in corpus.facts.values():
            for block in f.blocks:
                m = _OPENING.match(block.opening)
                day = parse_danish_date(m["date"]) if m else None
                # an act cites an LBK of its day or before (a later date is a slip of the opening, not read)
                if m is None or day is None or not block.targets or block.targets[0] in corpus.facts \
                        or (f.date is not None and day.isoformat() > f.date):
                    continue
                if key_of("LBK", int(m["n"]), day.year) == block.targets[0]:
                    days.setdefault(law_of(m["law"]), {}).setdefault(block.targets[0], Counter())[day] += 1
        # acts may cite an LBK's date differently (LBK 342/2014 as of 3 and of 4 April 2014): the day most cite, of
        # equals the earliest — not the first file read
        memo = {law: {lbk: min(c, key=lambda d: (-c[d], d)) for lbk, c in lbks.items()} for law, lbks in days.items()}
        corpus.timelines["cited-lbks:"] = memo
    return memo


def first_outside(corpus: Corpus, f: Facts, later: Facts | None) -> tuple[str, dt.date] | None:
    """The first LBK of `f`'s law the corpus lacks, after `f` and before `later` (same_law_successor; None: no corpus
    LBK of the law comes later), with its date: the one `later`'s introduction restates, or one an act amends — LBK
    1440/2010 (lov om kommunernes styrelse) is restated by LBK 885/2012 (LOV 1252/2012 § 1 amends it), LBK 971/2013
    (LOV 1470/2013), then LBK 186/2014, which LBK 769/2015 restates; LBK 1235/2010 (straffeloven) by LBK 1062/2011,
    which LOV 112/2012 amends, and by no corpus LBK. Only for a base document (not an amending act's own title)."""
    if f.role != "base" or not f.date:
        return None
    found = dict(cited_outside(corpus).get(law_of(f.title), {}))
    if later is not None and later.consolidates and later.consolidates_date and later.consolidates[0].startswith("LBK "):
        found[later.consolidates[0]] = dt.date.fromisoformat(later.consolidates_date)
    start = dt.date.fromisoformat(f.date)
    stop = dt.date.fromisoformat(later.date or "0001-01-01") if later is not None else dt.date.max
    between = [(day, key) for key, day in found.items() if start < day < stop and key != f.key]
    first = min(between, default=None)  # by day, then key
    return (first[1], first[0]) if first else None


def cited_before(corpus: Corpus, key: str) -> list[tuple[str, dt.date]]:
    """The LBKs of `key`'s law the corpus lacks that acts amend (cited_outside), dated after the law's last corpus
    document before `key` (there must be one) and restated by no other corpus LBK: `key` is the first corpus LBK after them,
    so the items of their acts from its day on come to it (as history.timeline.first_restated's). LOV 427/2016 § 3 amends "lov om
    råstoffer, jf. lovbekendtgørelse nr. 1585 af 10. december 2015" from 16 May 2017; LBK 124/2017 (26 January 2017)
    restates LBK 1218/2016 and says § 3 of LOV 427/2016 is not incorporated; the corpus has neither LBK."""
    f = corpus.facts[key]
    if f.role != "base" or not f.date:
        return []
    law = law_of(f.title)
    earlier = [g.date for g in by_law(corpus).get(law, ()) if g.key != key and g.date and g.date < f.date]
    if not earlier:  # the law's first corpus document: what came before it is not known (retsplejeloven, LBK 1255/2015)
        return []
    after = max(earlier)
    day = dt.date.fromisoformat(f.date)
    out = []
    for lbk, cited in cited_outside(corpus).get(law, {}).items():
        first = corpus.first_restatement(lbk)
        if after < cited.isoformat() < f.date and (first is None or first.source == key):
            out.append((lbk, day))
    return out
