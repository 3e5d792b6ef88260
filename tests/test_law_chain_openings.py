"""The LBKs of a law the corpus lacks, as the openings of the acts amending them cite them (history.law_chain.
cited_outside): by the law's name, commas and all, and by the day most acts give. Real openings of the corpus."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any, cast

from lovkons.history.law_chain import cited_outside

PENSION = ("I lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension m.v., jf. lovbekendtgørelse "
           "nr. 11 af 12. januar 2015, foretages følgende ændring:")  # LOV 174/2015 § 33 (also LOV 1000/2015 § 9)
POSTING = "I lov om udstationering af lønmodtagere m.v., jf. lovbekendtgørelse nr. 342 af {day} april 2014, {rest}"


def _corpus(*blocks: tuple[str, str], date: str = "2016-06-08") -> Any:
    """A corpus whose acts (of `date`) have these change blocks (opening, the LBK it amends), none of the LBKs in it."""
    facts = {f"LOV {n}/2015": SimpleNamespace(date=date, blocks=[SimpleNamespace(opening=o, targets=(t,))])
             for n, (o, t) in enumerate(blocks, 1)}
    return cast(Any, SimpleNamespace(facts=facts, timelines={}))


def test_a_law_whose_name_holds_commas_is_read() -> None:
    """LBK 1232/2013 (førtidspension) ends on 12 January 2015, when LBK 11/2015 restated it (before, the opening was
    not read and the 2013 text stood in force to this day)."""
    assert cited_outside(_corpus((PENSION, "LBK 11/2015"))) == {
        "lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension m.v.": {
            "LBK 11/2015": dt.date(2015, 1, 12)}}


def test_the_day_most_acts_cite_wins_whatever_the_order_of_the_files() -> None:
    """LOV 175/2015 and LOV 626/2016 cite LBK 342/2014 as of 3 April 2014, LOV 1717/2016 as of 4 April."""
    three = (POSTING.format(day="3.", rest="foretages følgende ændring:"), "LBK 342/2014")
    four = (POSTING.format(day="4.", rest="som ændret ved lov nr. 175 af 24. februar 2015, foretages …"), "LBK 342/2014")
    for order in ((four, three, three), (three, four, three)):
        assert cited_outside(_corpus(*order))["lov om udstationering af lønmodtagere m.v."] == {
            "LBK 342/2014": dt.date(2014, 4, 3)}


def test_an_lbk_dated_after_the_act_citing_it_is_a_slip_not_read() -> None:
    """An act cites the LBK in force when it was passed: LOV 174/2015 of 24 February 2015 cites LBK 11/2015 of 12
    January 2015; the same opening in an act of 2014 would name an LBK that did not yet exist."""
    assert cited_outside(_corpus((PENSION, "LBK 11/2015"), date="2015-02-24")) != {}
    assert cited_outside(_corpus((PENSION, "LBK 11/2015"), date="2014-12-19")) == {}
