"""Stage 2 (amender): a quoted citation of the § the change is made in, read as that § cites itself.

Drafting convention (henvisninger inden for samme paragraf): a provision cites a stk. of its own § without
the § ("Ved beregningen af størrelserne i stk. 1, 2. pkt., …"), while an instruction that changes the same
citation in several §§ quotes it whole: "I § 9, stk. 4, § 135, stk. 4, § 135 a, stk. 1, 2. pkt., og § 164,
stk. 2, ændres »§ 135, stk. 1, 2. pkt.« til: »§ 135, stk. 1, 3. pkt.«" (LOV 1232/2012 § 1, nr. 1); LBK
1253/2013 § 135, stk. 4 prints "i stk. 1, 3. pkt.". So in § N, where the quote »§ N, stk. …« is not found,
it is read without "§ N, " (a new text must cite the same § and loses it too), found exactly as often as
the item says, and said (OWN_PARAGRAF_CITATION, both spellings).

The same holds for a member of a list of numbers, quoted with the level word the list begins with: "I § 175,
stk. 12, 1. pkt., ændres »nr. 23-26« til: »nr. 24-27«, og i 2. pkt. ændres »nr. 26« til: »nr. 27«" (LOV 532/2015
§ 8, nr. 8) where the punktummer read "efter stk. 6, nr. 6, 7, 11-13, 17-19 og 23-26," and "stk. 6, nr. 13, 19
og 26,"; LBK 1051/2015 prints "… og 24-27" and "… og 27". Read as the member without the word, only where it
stands in a list after that word, and exactly as often as said (LIST_MEMBER_CITATION).

Input: the document, the resolved target, the text operation; output: the changed document and warnings,
or None when the reading does not apply or does not fit.
"""

from __future__ import annotations

from dataclasses import replace as dc_replace

import regex

from lovkons.amender.earlier_items import first_step
from lovkons.amender.resolve import ResolveError, Target
from lovkons.amender.slots import Scope, clean_quote
from lovkons.amender.textops import Warning_, apply_text, get_string, slots_for
from lovkons.model.document import Document, Level, Source
from lovkons.model.edits import DeleteText, InsertText, ReplaceText

# "§ 135, " before "stk.": the § a citation names (group n), then the stk. it cites in it
_OWN = regex.compile(r"§\s*(?P<n>\d+(?:\s*[A-Za-z](?![\w.]))?),\s+(?=stk\.)")


def _other_cites(text: str, short: str) -> bool:
    """The short quote stands somewhere in the text right after a § number ("§ 4, stk. 1"), where it cites
    that § and not the provision's own (review10: »§ 5, stk. 1« in § 5 must not change "§ 4, stk. 1")."""
    after_par = regex.compile(rf"§\s*\d+(?:\s*[A-Za-z](?![\w.]))?,?\s+{regex.escape(short)}")
    return bool(after_par.search(text))


def _same(a: str, b: str) -> bool:
    return a.replace(" ", "").lower() == b.replace(" ", "").lower()


def own_paragraf_citation(doc: Document, target: Target, op: ReplaceText | InsertText | DeleteText,
                          source: Source | None, scope: Scope,
                          before: Document | None = None) -> tuple[Document, list[Warning_]] | None:
    """The operation with its quote read as the § cites itself (see the module docstring), or None."""
    step = first_step(op)
    quote = clean_quote(op.anchor if isinstance(op, InsertText) else op.old)
    m = _OWN.match(quote)
    if m is None or step is None or step[0] is not Level.PARAGRAF or not _same(m["n"], step[1]):
        return None
    short = quote[m.end():]
    changed: ReplaceText | InsertText | DeleteText
    if isinstance(op, ReplaceText):
        new = clean_quote(op.new)
        n = _OWN.match(new)
        if n is None or not _same(n["n"], m["n"]):
            return None  # the new text cites another §: it cannot lose the §
        changed = dc_replace(op, old=short, new=new[n.end():])
    elif isinstance(op, DeleteText):
        changed = dc_replace(op, old=short)
    else:
        changed = dc_replace(op, anchor=short)
    texts = [get_string(doc, slot)[slot.lo:slot.hi] for slot in scope.narrow(slots_for(doc, target))]
    if any(_other_cites(t, short) for t in texts):
        return None  # »stk. 1« also stands after another §'s number ("efter § 4, stk. 1"): not proved its own
    try:
        new_doc, warnings = apply_text(doc, target, changed, source, before=before, scope=scope)
    except ResolveError:
        return None
    return new_doc, [*warnings, ("OWN_PARAGRAF_CITATION", f"»{quote}« read as »{short}«: § {m['n']} cites its "
                                 "own stk. without the §")]


# "nr. 23-26": the level word (group w) and one member of a list, a number or a range (group m)
_MEMBER = regex.compile(r"(?P<w>nr\.|stk\.)\s+(?P<m>\d+(?:\s?[a-z])?(?:\s?-\s?\d+(?:\s?[a-z])?)?)")
# what may stand between the level word and a later member of its list: "6, 7, 11-13, 17-19 og "
_LIST_BETWEEN = r"(?:\d+(?:\s?[a-z])?(?:\s?-\s?\d+(?:\s?[a-z])?)?\s*(?:,|og|eller)\s*)*"


def list_member_citation(doc: Document, target: Target, op: ReplaceText | InsertText | DeleteText,
                         source: Source | None, scope: Scope,
                         before: Document | None = None) -> tuple[Document, list[Warning_]] | None:
    """The operation with its quote read as a member of a list after its level word (module docstring), or None."""
    if not isinstance(op, ReplaceText):
        return None
    m, n = _MEMBER.fullmatch(clean_quote(op.old)), _MEMBER.fullmatch(clean_quote(op.new))
    if m is None or n is None or m["w"] != n["w"]:
        return None
    member = regex.compile(rf"(?<![\w-]){regex.escape(m['m'])}(?![\w-])")
    inside = regex.compile(rf"{regex.escape(m['w'])}\s+{_LIST_BETWEEN}{regex.escape(m['m'])}(?![\w-])")
    texts = [get_string(doc, slot)[slot.lo:slot.hi] for slot in scope.narrow(slots_for(doc, target))]
    loose = regex.compile(rf"(?<!\w){regex.escape(m['m'])}(?!\w)")  # also inside a range ("23-26")
    found = [sum(len(rx.findall(t)) for t in texts) for rx in (member, inside, loose)]
    if not found[0] or len(set(found)) != 1:
        return None  # the number stands outside a list or inside a range too: not proved to be the member meant
    try:
        new_doc, warnings = apply_text(doc, target, dc_replace(op, old=m["m"], new=n["m"]), source, before=before,
                                       scope=scope)
    except ResolveError:
        return None
    return new_doc, [*warnings, ("LIST_MEMBER_CITATION", f"»{op.old}« read as »{m['m']}«, a member of the list after "
                                 f"»{m['w']}« there")]
