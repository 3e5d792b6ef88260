"""Stage 2 (amender): a quoted citation of the § the change is made in, read as that § cites itself.

Drafting convention (henvisninger inden for samme paragraf): a provision cites a stk. of its own § without
the § ("Ved beregningen af størrelserne i stk. 1, 2. pkt., …"), while an instruction that changes the same
citation in several §§ quotes it whole: "I § 9, stk. 4, § 135, stk. 4, § 135 a, stk. 1, 2. pkt., og § 164,
stk. 2, ændres »§ 135, stk. 1, 2. pkt.« til: »§ 135, stk. 1, 3. pkt.«" (LOV 1232/2012 § 1, nr. 1); LBK
1253/2013 § 135, stk. 4 prints "i stk. 1, 3. pkt.". So in § N, where the quote »§ N, stk. …« is not found,
it is read without "§ N, " (a new text must cite the same § and loses it too), found exactly as often as
the item says, and said (OWN_PARAGRAF_CITATION, both spellings).

Input: the document, the resolved target, the text operation; output: the changed document and warnings,
or None when the reading does not apply or does not fit.
"""

from __future__ import annotations

from dataclasses import replace as dc_replace

import regex

from lovkons.amender.earlier_items import first_step
from lovkons.amender.resolve import ResolveError, Target
from lovkons.amender.slots import Scope, clean_quote
from lovkons.amender.textops import Warning_, apply_text
from lovkons.model.document import Document, Level, Source
from lovkons.model.edits import DeleteText, InsertText, ReplaceText

# "§ 135, " before "stk.": the § a citation names (group n), then the stk. it cites in it
_OWN = regex.compile(r"§\s*(?P<n>\d+(?:\s*[A-Za-z](?![\w.]))?),\s+(?=stk\.)")


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
    try:
        new_doc, warnings = apply_text(doc, target, changed, source, before=before, scope=scope)
    except ResolveError:
        return None
    return new_doc, [*warnings, ("OWN_PARAGRAF_CITATION", f"»{quote}« read as »{short}«: § {m['n']} cites its "
                                 "own stk. without the §")]
