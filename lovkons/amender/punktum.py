"""Stage 2 (amender): operations on punktummer ("2. pkt. affattes / ophæves / indsættes som 3. pkt.").

Punktummer are not nodes: a unit's text is split with sentence_spans, changed and joined again.
Input: a Document and a Target of kind "pkt" (or a unit for "indsættes som nyt pkt."); output: Outcome.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from lovkons.amender.resolve import ResolveError, Target
from lovkons.amender.textops import Slot, Warning_, clean_quote, sentence_spans, set_string
from lovkons.amender.tree import TreePath, node_at, set_children
from lovkons.amender.units import Outcome, owner_id, stamp, used_ids
from lovkons.model.document import Document, Kind, Node, Source
from lovkons.parsers.sentences import split_sentences

_LABEL = regex.compile(r"(?:Stk\.\s*(\d+)\.|(\d+)\)|([a-zæøå])\))\s+")
# a punktum is a sentence and closes with its full stop: a new punktum whose quotation stops on a word
# ("§ 54, stk. 2, 2. pkt., affattes således: »… sker på grundlag af fordelingsmålere«", LOV 439/2014 § 4,
# nr. 9) takes the full stop of the punktum it replaces (LBK 228/2016 § 54, stk. 2 prints "fordelingsmålere.")
_OPEN_END = regex.compile(r"[\p{L}\d]$")


def punktummer(doc: Document, path: TreePath) -> list[str]:
    node = node_at(doc, path)
    return [node.text[a:b] for a, b in sentence_spans(node.text)]


def _write(doc: Document, path: TreePath, parts: list[str], source: Source | None) -> Document:
    text = " ".join(p.strip() for p in parts if p.strip())
    return set_string(doc, Slot("node", path), text, source)


def spaced(doc: Document, path: TreePath) -> list[Warning_]:
    """A unit whose punktummer are written again is joined with one space between them: where the source glued two
    punktummer ("stk. 2.Anmodning", parsers.sentences) the space is put in, and said (PKT_SPACE_PUT)."""
    spans = sentence_spans(node_at(doc, path).text)
    glued = [i + 2 for i, ((_, end), (start, _)) in enumerate(pairwise(spans)) if end == start]
    if not glued:
        return []
    return [("PKT_SPACE_PUT", f"the {', '.join(f'{k}. pkt.' for k in glued)} stood glued to the punktum before it, "
             "without a space; a space is put in where the punktummer are joined again")]


def splice_pkts(doc: Document, path: TreePath, first: int, last: int, sentences: list[str],
                source: Source | None, said: list[Warning_] | None = None) -> Document:
    """Punktummer first..last (1-based, inclusive) of the unit at `path` replaced by `sentences`; a list the
    last of them runs through goes with it (`chained_list`), said in `said`."""
    parts = punktummer(doc, path)
    if not 1 <= first <= last <= len(parts):
        raise ResolveError("TARGET_NOT_FOUND", f"{last}. pkt. does not exist ({len(parts)} pkt.)")
    chain = chained_list(node_at(doc, path), parts, last, sentences)
    parts[first - 1 : last] = sentences
    doc = _write(doc, path, parts, source)
    if chain:
        node = node_at(doc, path)
        gone = [c for c in node.children if c.kind in (Kind.NR, Kind.LITRA)]
        doc = set_children(doc, path, tuple(c for c in node.children if c.kind not in (Kind.NR, Kind.LITRA)))
        if said is not None:
            kind = gone[0].kind.value
            said.append(("PKT_WITH_ITS_LIST", f"the {last}. pkt. runs on into the list {kind}. {gone[0].label}-"
                         f"{gone[-1].label} (a sætningskæde: one sentence); the list goes with the punktum"))
    return doc


# the words before a sætningskæde's first member: no mark that ends a sentence or opens a punktopstilling
_LEADS_ON = regex.compile(r"[\p{L}\d,]$")


def chained_list(node: Node, parts: list[str], last: int, sentences: list[str]) -> bool:
    """Whether the list of `node` goes when its punktummer up to the `last` are replaced by `sentences`.

    Drafting convention (sætningskæde, Justitsministeriets vejledning om lovkvalitet 2.6.4.2): a list whose
    members begin in lower case and whose last member ends with the full stop is one sentence with the words that
    lead into it; the list is part of that punktum. "§ 140, stk. 3, 2. pkt., ophæves, og i stedet indsættes:
    »Handleplanen skal tage udgangspunkt i … voksenlivet.«" (LOV 628/2010 § 1, nr. 65) where the 2. pkt. reads
    "Handleplanen skal bygge på … i forhold til barnets eller den unges 1) udvikling og adfærd, … 6) andre relevante
    forhold.": LBK 81/2011 § 140, stk. 3 prints the new punktummer and no list. The list goes only where the new
    text closes its sentence (or none comes): new words that stop open lead into the list as the old ones did.
    A unit with text after its list (the list's closing words or further punktummer) is left as it is."""
    kids = node.children
    if not kids or last != len(parts) or any(c.kind not in (Kind.NR, Kind.LITRA) for c in kids):
        return False
    if not _LEADS_ON.search(parts[-1].rstrip()) or not kids[0].text.strip()[:1].islower():
        return False
    end = kids[-1]
    while end.children:
        end = end.children[-1]
    if not end.text.rstrip().endswith("."):
        return False
    return not sentences or sentences[-1].rstrip().endswith(".")


def replace_pkt(doc: Document, target: Target, text: str, source: Source | None) -> Outcome:
    assert target.pkt is not None
    warnings: list[Warning_] = []
    label = _LABEL.match(text)
    if target.pkt == 1 and label and node_at(doc, target.path).label in label.groups():
        # drafting slip: "§ 26, stk. 2, 1. pkt., affattes således: »Stk. 2. Den …«"
        warnings.append(("TOLERATED_LABEL", f"the new 1. pkt. repeats the label {label[0].strip()!r}; dropped"))
        text = text[label.end() :]
    old = punktummer(doc, target.path)
    if _OPEN_END.search(text.strip()) and 1 <= target.pkt <= len(old) and old[target.pkt - 1].strip().endswith("."):
        warnings.append(("TOLERATED_FULL_STOP", f"the new {target.pkt}. pkt. ends without a full stop; the one "
                         "of the punktum it replaces is kept"))
        text = text.strip() + "."
    warnings += spaced(doc, target.path)
    doc = splice_pkts(doc, target.path, target.pkt, target.pkt, [text], source, warnings)
    return Outcome(doc, warnings, {owner_id(doc, target.path)})


def repeal_pkt(doc: Document, target: Target, source: Source | None) -> Outcome:
    assert target.pkt is not None
    warnings = spaced(doc, target.path)
    doc = splice_pkts(doc, target.path, target.pkt, target.pkt, [], source, warnings)
    return Outcome(doc, warnings, {owner_id(doc, target.path)})


def insert_pkt(doc: Document, target: Target, position: str, text: str, source: Source | None) -> Outcome:
    """"indsættes som 2. pkt." / "indsættes efter 1. pkt." / "indsættes som nyt pkt." (at the end)."""
    path = target.path
    node = node_at(doc, path)
    if node.kind is Kind.PARAGRAF:
        stks = [(*path, i) for i, c in enumerate(node.children) if c.kind is Kind.STK]
        if not stks:
            raise ResolveError("TARGET_NOT_FOUND", f"§ {node.label} has no stk.")
        if len(stks) > 1:  # a new punktum in "§ 3" with stk. 1-3: which stk. is not said
            raise ResolveError("AMBIGUOUS_TARGET", f"§ {node.label} has {len(stks)} stk.; the new punktum "
                               "names none")
        path = stks[0]
        node = node_at(doc, path)
    count = len(sentence_spans(node.text))
    # a stk. with a list: its last introductory punktum runs through the list; punktummer after it
    # live in the TEKST child after the list ("I § 20, stk. 1, indsættes som 2. pkt.", LOV 590/2012)
    listed = [i for i, c in enumerate(node.children) if c.kind in (Kind.NR, Kind.LITRA)]
    tail = next((i for i, c in enumerate(node.children) if c.kind is Kind.TEKST and listed and i > listed[-1]), None)
    tail_count = len(sentence_spans(node.children[tail].text)) if tail is not None else 0
    if target.kind == "pkt" and target.pkt is not None:
        k = target.pkt
        if not 1 <= k <= count + tail_count + (1 if position != "after" else 0):
            raise ResolveError("TARGET_NOT_FOUND", f"{k}. pkt. does not exist ({count + tail_count} pkt.)")
        at = k if position == "after" else k - 1
    else:
        at = 0 if position == "before" else count + tail_count
    if listed and at >= count and (at > 0 or tail is not None):
        if tail is None:
            holder = node.id or owner_id(doc, path)
            new_tail = stamp([Node(Kind.TEKST, text=clean_quote(text))], source, used_ids(doc, path), holder)
            doc = set_children(doc, path, (*node.children, *new_tail))
            return Outcome(doc, [], {owner_id(doc, path)})
        path, at = (*path, tail), at - count
    warnings = spaced(doc, path)
    parts = punktummer(doc, path)
    parts[at:at] = split_sentences(text)
    doc = _write(doc, path, parts, source)
    return Outcome(doc, warnings, {owner_id(doc, path)})
