"""An LBK's introduction as corpus keys: the document it restates and the acts whose changes it incorporates
(parsers.lbk_intro reads the text), the `consolidates`, `consolidates_date` and `incorporates` of the corpus scan's facts
(history.facts).
"""

from __future__ import annotations

from lovkons.history.identifiers import key_of


def lbk_intro_keys(preamble: str | None) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """(the key of the document restated, or none; the keys of the acts incorporated, once each, in order; the date
    of the document restated as the introduction cites it, "jf. lovbekendtgørelse nr. 584 af 1. juni 2014" →
    "2014-06-01" (LBK 748/2015): the day that document took over, when the corpus lacks it)."""
    from lovkons.parsers.lbk_intro import read_lbk_intro  # a scan's (see _scan)

    intro = read_lbk_intro(preamble)
    first = [k for r in (intro.restates,) if r and (k := key_of(r.kind, r.number, r.year))]
    later = [k for r in intro.incorporates if (k := key_of(r.kind, r.number, r.year))]
    day = intro.restates.date.isoformat() if first and intro.restates and intro.restates.date else None
    return tuple(first), tuple(dict.fromkeys(later)), day


def lbk_refs(preamble: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the key of the document restated, or none; the keys of the acts incorporated, once each, in order)."""
    restates, incorporates, _ = lbk_intro_keys(preamble)
    return restates, incorporates
