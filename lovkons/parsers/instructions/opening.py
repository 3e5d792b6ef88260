"""Stage 1 (parsers): the opening of a change block → the target DocRef and its "som ændret ved" list.

"I bekendtgørelse nr. 1676 af 19. december 2006 om … foretages følgende ændringer:",
"I lov om X, jf. lovbekendtgørelse nr. 196 af 12. marts 2009, som ændret ved …, foretages …".
"""

from __future__ import annotations

import regex

from lovkons.model.edits import DocRef
from lovkons.parsers.citations import find_docref_spans, loose_lbk

# "foretages følgende ændringer:" — in a bekendtgørelse the consultation and delegation clauses of its
# indledning (VAF 2.6.2: "… og efter forhandling med …", "efter bemyndigelse") may stand between the
# verb and its object: "… foretages efter forhandling med Beskæftigelsesrådet og efter bemyndigelse
# følgende ændringer:"
_KEY_PHRASE = r"""
    \s+ foretages
    (?: \s+ efter \s+ [^:;»«]{1,200}? )?   # "efter forhandling med Beskæftigelsesrådet og efter bemyndigelse"
    \s+ følgende \s+ ændring(?:er)? \s* [:.;]"""
# The opening sentence of a change block; group "cited" is everything between "I" and "foretages".
# "cited" grows by a whole run of spaces or one other character at a time, and the key phrase is
# tried only where a run of spaces starts: a long run is walked once, not once per space in it.
OPENING = regex.compile(
    rf"""(?P<all> (?<![\w]) I \s+ (?P<cited> (?:\s++|\S)+? ) ,?   # "I bekendtgørelse nr. 1676 af 19. december 2006 om …"
         {_KEY_PHRASE} )""",
    regex.S | regex.I | regex.X,
)
_KEY = regex.compile(r"(?<!\s)" + _KEY_PHRASE, regex.I | regex.X)


def search_opening(text: str) -> regex.Match[str] | None:
    """The first opening in `text`. The key phrase is found first and bounds the search, so a long
    text without any opening (a big § of a consolidated act) costs one linear scan, not one lazy
    scan per word "i". After a key without an opening, the next search starts at that key: an "I"
    further back would have ended its lazy "cited" at that key already (hence one pass in all)."""
    begin = 0
    for key in _KEY.finditer(text):
        if m := OPENING.search(text, begin, key.end()):
            return m
        begin = max(0, key.start() - 3)  # "I" + one space + one character of "cited" before the key
    return None

# "som ændret ved", "som senest ændret ved", "som ændret senest ved" (687 times in the corpus: "I lov om aktiv
# socialpolitik, jf. lovbekendtgørelse nr. 1193 af 13. november 2014, som ændret senest ved § 27 i lov nr. 174 af 24.
# februar 2015, foretages …", LOV 523/2015 § 3), "som ændret bl.a. ved"
_AMENDED = regex.compile(r",?\s+som\s+(?:senest\s+)?ændret\s+(?:senest\s+)?(?:bl\.\s*a\.?\s+)?ved\s+", regex.I)


_SPACES = regex.compile(r"\s+")
_JF = regex.compile(r",?\s+jf\.\s+")  # "lov om X, jf. lovbekendtgørelse nr. N"
_LAW_TITLE = regex.compile(r"(?:lov\b|\w+loven\b)", regex.I)  # "lov om X" / "økologiloven"


def _clean(s: str) -> str:
    return _SPACES.sub(" ", s.replace("\u00a0", " ")).strip(" ,")


def parse_opening(cited: str) -> tuple[DocRef, tuple[DocRef, ...]]:
    """The cited part of an opening → (target, amended_by)."""
    text = _clean(cited)
    m = _AMENDED.search(text)
    head, tail = (text[: m.start()], text[m.end():]) if m else (text, "")
    amended_by = tuple(ref for ref, _, _ in find_docref_spans(tail))
    refs = find_docref_spans(head)
    jf = _JF.search(head)
    if refs and jf and jf.start() < refs[0][1]:
        # "lov om X, jf. lovbekendtgørelse nr. N af D" / "økologiloven, jf. …": the LBK, titled by the law
        ref = refs[0][0]
        return DocRef(ref.kind, ref.number, ref.date, _clean(head[: jf.start()])), amended_by
    if refs:
        ref, start, _ = refs[0]
        popular = _clean(head[:start])
        title = ref.title or (popular or None)
        return DocRef(ref.kind, ref.number, ref.date, title), amended_by
    if jf and (loose := loose_lbk(head[jf.end():])):  # "jf. lovbekendtgørelse af 1184 af 12. oktober 2010"
        return DocRef(loose.kind, loose.number, loose.date, _clean(head[: jf.start()])), amended_by
    # "I lov om X foretages …" without number: title only
    kind = "LOV" if _LAW_TITLE.match(head) else None
    return DocRef(kind, None, None, head or None), amended_by
