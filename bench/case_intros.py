"""The LBK intro of a corpus case as the product reads it, for bench/case_slips.py (issue 15): the acts its
sentence that says "bekendtgøres" incorporates (parsers.lbk_intro) and the part of each (parsers.parts, as
parsers.not_incorporated reads it), the changes it says it withholds (parsers.not_incorporated), and whether a
case's part is the act's part the LBK incorporates (the act's change blocks as parsers.instructions reads it).
"""
from __future__ import annotations

import collections
import functools
from pathlib import Path

import regex

CORPUS = Path(__file__).resolve().parent / ".corpus"
# the sentence split of parsers.lbk_intro (a full stop or colon, then a capital), and the words after which an
# LBK's intro lists the acts it incorporates ("med de ændringer, der følger af", "…, som ændret ved", as there)
SENTENCE_END = regex.compile(r"(?<=[.:])\s+(?=\p{Lu})")
TURN = regex.compile(r"følger\s+af|,\s*som\s+ændret\s+(?:senest\s+)?ved", regex.IGNORECASE)


def withheld(preamble: str) -> dict[str, set[tuple[str, int]]]:
    """The changes an LBK's intro says it has not incorporated (parsers.not_incorporated), by the act's path:
    (§ of the act, "" for the whole act; numbered change, 0 for the whole §). A change named in part ("nr. 13
    vedrørende § 132 a") counts as that change."""
    from lovkons.parsers.not_incorporated import not_incorporated

    out: dict[str, set[tuple[str, int]]] = collections.defaultdict(set)
    for n in not_incorporated(preamble):
        par = _key(n.paragraf or "")
        items = {0} if not par or (n.items is None and not n.partly) else (n.items or frozenset()) | n.partly
        out[act_path(n.number, n.year)] |= {(par, i) for i in items}
    return out


def released(base: str, lbk: str) -> list[str]:
    """The acts whose changes the base LBK's intro (`base`) says it has not incorporated and the later LBK's
    (`lbk`) no longer withholds, not all of them: changes that came in between (L-LBK-2016-434: LBK 895/2015
    withholds § 12, nr. 1, 3, 4 and 6, and § 13 of LOV 1631/2013, LBK 434/2016 only § 12, nr. 3 and 6). An act
    both withhold alike (LOV 572/2010 § 1, nr. 6 in LBK 1061/2010 and 947/2011) brought nothing in; one the later
    LBK says was repealed before it came into force ("er efterfølgende ophævet … derfor ikke indarbejdet") neither."""
    later = withheld(lbk)
    return [rel for rel, changes in withheld(base).items()
            if any(("", 0) not in later[rel] and (par, 0) not in later[rel] and (par, i) not in later[rel]
                   for par, i in changes)]


@functools.cache
def lbk_preamble(rel: str) -> str:
    """An LBK's intro as the product reads it (Document.preamble: the <Indledning> without its notes); "" when
    the document does not read."""
    from lovkons.model.document import LovkonsError
    from lovkons.parsers.read import read_document

    try:
        return read_document(CORPUS / rel, lenient=True).document.preamble or ""
    except LovkonsError:
        return ""


def incorporating_sentence(preamble: str) -> str:
    """The sentence of an LBK's intro that says "bekendtgøres" ("Herved bekendtgøres …, jf. lovbekendtgørelse nr.
    …, med de ændringer, der følger af …"): the acts it incorporates. The later sentences name acts not
    incorporated, or the act a § comes into force by ("jf. § 9, stk. 4, i lov nr. 542 af 8. juni 2006",
    LBK 1036/2013), which parsers.lbk_intro's `incorporates` would also list."""
    line = next((x for x in preamble.split("\n") if "bekendtgøres" in x), "")
    return SENTENCE_END.split(line, maxsplit=1)[0]


def act_path(number: int, year: int) -> str:
    return f"love/{year}/{year}-{number}.xml"


def incorporated(sentence: str) -> list[str]:
    """The paths of the acts ("lov nr. N af …") the sentence incorporates, in order, once each, as
    parsers.lbk_intro reads them."""
    from lovkons.parsers.lbk_intro import read_lbk_intro

    refs = read_lbk_intro(sentence).incorporates
    return list(dict.fromkeys(act_path(r.number, r.date.year) for r in refs
                              if r.kind == "LOV" and r.number is not None and r.date is not None))


def intro_parts(sentence: str) -> dict[str, frozenset[str] | None]:
    """The §§ the sentence names of each act (None: the whole act), by the act's path: the part before each
    act as parsers.not_incorporated reads it (parsers.parts). An act whose part does not read is left out."""
    from lovkons.parsers.not_incorporated import named_changes

    turn = TURN.search(sentence)
    out: dict[str, frozenset[str] | None] = {}
    for n in named_changes(sentence[turn.end():] if turn else sentence, sentence):
        rel, had = act_path(n.number, n.year), out.get(act_path(n.number, n.year), frozenset())
        out[rel] = None if n.paragraf is None or had is None else had | {n.paragraf}
    return out


@functools.cache
def change_blocks(rel: str) -> frozenset[str] | None:
    """The §§ of an act that hold its change blocks, as the apply reads the act (parsers.instructions); None when
    it does not read."""
    from lovkons.model.document import LovkonsError
    from lovkons.parsers.instructions import read_amending_file

    try:
        return frozenset(b.paragraf for b in read_amending_file(CORPUS / rel).changes)
    except LovkonsError:
        return None


def _key(label: str) -> str:
    return label.replace(" ", "")


def part_other(part: str, named: frozenset[str] | None, blocks: frozenset[str] | None) -> str | None:
    """Why a case's part is another than the act's part the LBK incorporates, else None. The part is read as the
    apply reads it (parsers.parts; one that does not read is the apply's BAD_PART, not this slip): a § of it that
    is no change block of the act (`blocks`, None: not read) leaves the act unapplied (BASE_NOT_CITED "LOV 565/2012
    has no change block § 132 c"); a § the LBK's intro does not name for the act (`named`, None: the whole act or
    not read) applies changes the LBK did not incorporate (LOV 577/2015 § 3 in L-LBK-2016-418, whose intro
    incorporates "§ 1, nr. 1-6 og 8-19, i lov nr. 577")."""
    from lovkons.parsers.parts import parse_parts

    if not part.strip():
        return None
    try:
        ours = [s.paragraf for s in parse_parts(part)]
    except ValueError:
        return None
    why = []
    if blocks is not None and (none := [p for p in ours if _key(p) not in {_key(b) for b in blocks}]):
        shown = ", ".join(sorted(blocks, key=lambda b: (len(_key(b)), _key(b))))
        why.append(f"the act has no change block § {', § '.join(none)} (its change blocks: §§ {shown})")
    if named is not None and (other := [p for p in ours if _key(p) not in {_key(n) for n in named}]):
        why.append(f"the LBK's intro names § {', § '.join(sorted(named))} of the act, not § {', § '.join(other)}")
    return "; ".join(why) or None
