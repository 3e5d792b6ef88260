"""Stage 2 (amender): a quoted noun that the provision holds only in its genitive (-s) form.

Danish forms the genitive by adding -s to the whole word, definite form included ("rådet" → "rådets",
"5 uger" → "5 ugers"). An instruction that changes a noun phrase quotes it in its base form and means it
in the provision also where the provision writes it in the genitive; the new words then take the -s:
- LOV 268/2014 § 16, nr. 3: "I § 71, stk. 2, ændres »Det Finansielle Råd« til: »Finanstilsynets
  bestyrelse«, »rådet« ændres til: »bestyrelsen« …" where the stk. reads "inden for rådets
  kompetenceområde": LBK 216/2017 § 71, stk. 2, prints "inden for bestyrelsens kompetenceområde";
- LOV 296/2016 § 1, nr. 2: "I § 13, stk. 11, 1. og 6. pkt., og § 54 a, stk. 1, 1. og 5. pkt., ændres »5 uger«
  til: »4 uger«" where each 1. pkt. reads "op til 5 ugers ferie": LBK 468/2016 prints "op til 4 ugers ferie".
Read so only for a change of words (ReplaceText) whose quote and new text both end in a letter and not in
-s, where the quote does not stand in the unit as a word of its own and its genitive stands there exactly
as often as the item says; said as GENITIVE_FORM, naming both forms.

Input: the document, the resolved target, the ReplaceText; output: the changed document and warnings, or
None when the reading does not apply or does not fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace as dc_replace

import regex

from lovkons.amender.list_readings import quoted
from lovkons.amender.resolve import ResolveError, Target
from lovkons.amender.slots import Scope, clean_quote
from lovkons.amender.textops import Warning_, apply_text, takes_s
from lovkons.model.document import Document, Level, Source
from lovkons.model.edits import DeleteText, InsertText, Operation, ReplaceText

# A noun phrase, whose -s form is its genitive: a definite noun ("rådet", "bestyrelsen", "kommunerne"), a name
# ("Finanstilsynet"), or a number and its noun ("5 uger"). A verb's -s form is its passive ("betale" → "betales") and a
# noun's -s before a hyphen joins a compound ("forsikrings- og pensionsselskaber"): neither is read (review15).
_DEFINITE = ("en", "et", "ne", "erne", "ene")


def _noun_phrase(words: str) -> bool:
    parts = words.split()
    return bool(parts) and (parts[-1].endswith(_DEFINITE) or parts[0][:1].isupper() or parts[0].isdigit())


def genitive_form(doc: Document, target: Target, op: ReplaceText | InsertText | DeleteText, source: Source | None,
                  scope: Scope, before: Document | None = None) -> tuple[Document, list[Warning_]] | None:
    """The change of words applied to the genitive of the quoted noun, or None (module docstring)."""
    if not isinstance(op, ReplaceText):
        return None
    old, new = clean_quote(op.old), clean_quote(op.new)
    if not takes_s(old) or not takes_s(new) or not _noun_phrase(old):
        return None
    changed = dc_replace(op, old=old + "s", new=new + "s")
    try:
        new_doc, warnings = apply_text(doc, target, changed, source, before=before, scope=scope, slips=False)
    except ResolveError:
        return None
    return new_doc, [*warnings, ("GENITIVE_FORM", f"»{old}« stands in {op.target} only in its genitive "
                                 f"»{old}s«; changed to »{new}s«")]


def genitive_quoted(op: ReplaceText | InsertText | DeleteText, scope: Scope, act_ops: Sequence[Operation]) -> Scope:
    """An "Overalt" change of a name changes its genitive too (textops.overalt_genitive), unless an item of the act
    quotes the genitive itself: LOV 1392/2012 § 3, nr. 1 changes »Kort- og Matrikelstyrelsen« overalt and its nr. 2
    »Kort- og Matrikelstyrelsens« in § 1, stk. 2, nr. 4. That genitive is then the other item's (a shadow)."""
    steps = op.target.steps
    if not isinstance(op, ReplaceText) or not steps or steps[0][0] is not Level.DOKUMENT:
        return scope
    genitive = clean_quote(op.old) + "s"
    word = regex.compile(rf"(?<!\w){regex.escape(genitive)}(?!\w)")  # also inside a longer quote: »Xs afgørelse«
    if any(word.search(quoted(o)) for o in act_ops if o is not op and isinstance(o, ReplaceText | InsertText | DeleteText)):
        return dc_replace(scope, shadows=(*scope.shadows, genitive))
    return scope
