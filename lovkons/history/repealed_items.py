"""Stage 4 (history): numbered changes of an amending act that a later act repeals before they take effect.

Drafting convention (ændring af en ændringslov): "I lov nr. 179 af 24. februar 2015 om ændring af lov om
planlægning og lov om naturbeskyttelse (…) foretages følgende ændring: 1. § 2, nr. 2-6, og § 5, stk. 2, ophæves."
(LOV 396/2016 § 1, in force 1 July 2016): the numbers are the amending act's, and its § 2, nr. 2-6 (a new § 3 a of
naturbeskyttelsesloven from 1 September 2017, § 5, stk. 2) never take effect. The later act names only the
amending act, so the law's own timeline never meets it: its repeals of the earlier act's numbered changes are read
here, and the item lapses from the day of the repeal (ITEM_OF_ACT_REPEALED). As in amender.other_acts, the days are
not compared: a legislature repeals only changes not yet in force (the repeal of a spent amending provision would
undo nothing), and the day read for the repealed change is often one a later act postponed: LOV 904/2013 § 3 repeals
LOV 1257/2012 § 1, nr. 14 (from 15 July 2013) and in its nr. 2 moves that act's day from 1 July to 1 September 2013;
LOV 577/2015 § 3 repeals LOV 633/2014 § 1, nr. 2-6, 17, 19, 26, 44 and 50 and postpones the rest.
Until LBK introductions were read right (history.lbk_keys), LBK 1529/2015 'restated' LOV 179/2015 and these items
lapsed by accident.
A repeal whose act leaves its day to the minister counts from the day a corpus LBK's note gives it (history.
minister_days): LOV 641/2013 § 5, nr. 1 repeals LOV 576/2012 § 2, nr. 1, 3 og 4; "§ 5, nr. 1, i lov nr. 641 af 12.
juni 2013 er sat i kraft den 13. november 2013, jf. bekendtgørelse nr. 1270 af 7. november 2013" (LBK 418/2016).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from lovkons.amender.items_of_acts import numbered_change
from lovkons.history.minister_days import item_day
from lovkons.model.document import Address, Level
from lovkons.model.edits import Repeal

if TYPE_CHECKING:
    from lovkons.history.corpus import Corpus

Repealed = dict[tuple[str, str, int], tuple[str, dt.date]]  # (order, its §, nr.) → (repealing item, from)


def repealed_items(corpus: Corpus, orders: list[str]) -> Repealed:
    """The numbered changes of `orders` that a later act's change block naming the order repeals, with the
    repealing item and its in-force day (undated repeals are left out: when they act is not known)."""
    out: Repealed = {}
    for earlier in orders:
        for later in corpus.orders_for(earlier):
            dates = {(b.paragraf, n): d for b in later.blocks
                     if next((t for t in b.targets if t in corpus.facts), None) == earlier for n, d in b.items}
            if not dates:
                continue
            for block in corpus.order(later.key).changes:
                for item in block.items:
                    if (block.paragraf, item.number) not in dates:
                        continue
                    # left to the minister: an LBK's note may say the day
                    day, _ = item_day(corpus, later.key, block.paragraf, item.number, dates[(block.paragraf, item.number)])
                    if day is None:
                        continue
                    for op in item.operations:
                        if not isinstance(op, Repeal):
                            continue
                        for address in (op.target, *op.group):
                            for at in _changes_at(corpus, earlier, address, day):
                                out.setdefault((earlier, at[0], at[1]), (
                                    f"{later.key} § {block.paragraf}, nr. {item.number}", day))
    return out


def _changes_at(corpus: Corpus, earlier: str, address: Address, day: dt.date) -> list[tuple[str, int]]:
    """The numbered changes of `earlier` an address of it names: "§ 1, nr. 14" that one; a whole § that is one of its
    change blocks every numbered change in it not in force before `day`, the repeal's — "§ 8 ophæves." (LOV 744/2015
    § 6, nr. 1, in force 28 November 2015 by LBK 418/2016's note) repeals LOV 903/2013 § 8 ("I lov om elforsyning …
    foretages følgende ændring: 1. …") before the minister put it in force. A whole § may be repealed as spent (its
    changes made long before): those changes stay."""
    at = numbered_change(address)
    if at is not None:
        return [at]
    steps = address.steps
    if len(steps) != 1 or steps[0][0] is not Level.PARAGRAF:
        return []
    label = steps[0][1].replace(" ", "")
    out = []
    for b in corpus.facts[earlier].blocks:
        if b.paragraf.replace(" ", "") != label:
            continue
        for n, date in b.items:
            start, _ = item_day(corpus, earlier, b.paragraf, n, date)
            if start is None or start >= day:
                out.append((b.paragraf, n))
    return out
