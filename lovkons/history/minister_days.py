"""Stage 2 (history): the day an item whose act leaves its commencement to the minister came into force, as a corpus
LBK's note says it (parsers.set_in_force). The corpus lacks the bekendtgørelser that set those days; the official
LBKs print them: "§ 6, nr. 1, i lov nr. 625 af 14. juni 2011 er sat i kraft den 1. november 2011, jf.
bekendtgørelse nr. 998 af 25. oktober 2011." (LBK 418/2016, note 9).

A note is evidence only for the items of an act that the LBK's own law is amended by (a change block of the act
names a document of that law, history.law_chain.law_of), only for an item the act itself leaves undated (the
timeline asks for no other), and only when every such note agrees on the day.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from lovkons.history.law_chain import law_of, opening_law

if TYPE_CHECKING:
    from lovkons.history.corpus import Corpus
    from lovkons.history.set_days import SetDay


def _block_laws(corpus: Corpus, act: str) -> frozenset[str]:
    """The laws the change blocks of `act` amend: a corpus target's by its title, else as the opening names it."""
    f = corpus.facts.get(act)
    laws: set[str] = set()
    for block in f.blocks if f is not None else ():
        target = next((corpus.facts[t] for t in block.targets if t in corpus.facts), None)
        if target is not None:
            laws.add(law_of(target.title))
        elif law := opening_law(block.opening):  # "I lov om elforsyning, jf. lovbekendtgørelse nr. …" (LOV 625/2011 § 6)
            laws.add(law_of(law))
    return frozenset(laws)


def _index(corpus: Corpus) -> dict[str, list[tuple[str, SetDay]]]:
    """act → (LBK, what its note says), for notes of LBKs whose law the act amends; built once per corpus."""
    memo: dict[str, list[tuple[str, SetDay]]] | None = corpus.timelines.get("minister-days:")
    if memo is None:
        memo = {}
        for lbk in corpus.facts.values():
            for said in lbk.set_in_force:
                if law_of(lbk.title) in _block_laws(corpus, said[0]):
                    memo.setdefault(said[0], []).append((lbk.key, said))
        corpus.timelines["minister-days:"] = memo
    return memo


def minister_day(corpus: Corpus, order: str, paragraf: str, item: int) -> tuple[dt.date, tuple[str, ...]] | None:
    """(the day, the LBKs whose notes say it) for item `item` of § `paragraf` of act `order`; None when no note names
    it, or the notes disagree."""
    same = paragraf.replace(" ", "")
    found = [(day, lbk) for lbk, (_, par, items, day) in _index(corpus).get(order, ())
             if (par is None or par.replace(" ", "") == same) and (items is None or item in items)]
    days = {day for day, _ in found}
    if len(days) != 1:
        return None
    return dt.date.fromisoformat(days.pop()), tuple(sorted({lbk for _, lbk in found}))


def item_day(corpus: Corpus, order: str, paragraf: str, item: int, date: str | None
             ) -> tuple[dt.date | None, tuple[str, ...]]:
    """The day item `item` of § `paragraf` of act `order` takes effect: its own `date` (as the facts keep it), else the
    day a corpus LBK's note says the minister set, with those LBKs (`minister_day`), else None."""
    if date:
        return dt.date.fromisoformat(date), ()
    said = minister_day(corpus, order, paragraf, item)
    return said if said is not None else (None, ())
