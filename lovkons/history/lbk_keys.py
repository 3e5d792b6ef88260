"""An LBK's introduction as corpus keys: the document it restates and the acts whose changes it incorporates
(parsers.lbk_intro reads the text), the `consolidates` and `incorporates` of the corpus scan's facts (history.facts).
"""

from __future__ import annotations

from lovkons.history.identifiers import key_of


def lbk_refs(preamble: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the key of the document restated, or none; the keys of the acts incorporated, once each, in order)."""
    from lovkons.parsers.lbk_intro import read_lbk_intro  # a scan's (see _scan)

    intro = read_lbk_intro(preamble)
    first = [k for r in (intro.restates,) if r and (k := key_of(r.kind, r.number, r.year))]
    later = [k for r in intro.incorporates if (k := key_of(r.kind, r.number, r.year))]
    return tuple(first), tuple(dict.fromkeys(later))
