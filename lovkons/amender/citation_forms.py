"""Stage 2 (amender): a quoted citation that the provision writes in the other customary form.

Drafting convention (henvisninger): the same units are cited in more than one customary form, and the
quote of an instruction may use another form than the provision it changes:
- the plural sign before a list of §§: "§§ 354 og 356" / "§ 354 og § 356" (LOV 268/2014 § 10, nr. 4 quotes
  »§ 354 og § 356« where LBK 1065/2013 § 49, stk. 1, reads "§§ 354 og 356"); "§§ 35 a og 35 b" / "§ 35 a og
  § 35 b" (LOV 294/2011 § 1, nr. 37, "To steder i § 35 c, stk. 1, ændres »§§ 35 a og 35 b« til: »§ 35 b«",
  where LBK 878/2010 reads "jf. § 35 a og § 35 b" and "uanset § 35 a og § 35 b");
- two neighbouring units as a range: "stk. 1 og 2" / "stk. 1-2" (LOV 557/2012 § 3, nr. 2, "I § 9, stk. 1, og
  § 14, stk. 2, indsættes efter »§ 10 B, stk. 1 og 2,«: »§ 10 E, stk. 1,«" where LBK 819/2011 reads "§ 10 B,
  stk. 1-2,"; LBK 1264/2013 prints "§ 10 B, stk. 1 og 2, § 10 E, stk. 1,");
- one § of a "§§" list quoted with its own sign: "I § 71, stk. 1, udgår », § 63 b«" where the law reads
  "§§ 63, 63 a, 63 b og 64-70 c" (LOV 395/2016 § 1, nr. 66; LBK 216/2017 § 71 strikes it); "udgår »§ 8 X,
  stk. 1,«" from "§§ 7 F, …, 8 V, 8 X, stk. 1, 8 Æ, …" (LOV 1884/2015 § 1, nr. 5, on LBK 1264/2013 § 9 A,
  stk. 3); "I § 35, stk. 2, indsættes efter »§ 13 a«: », jf. dog § 40 a, stk. 1 og 2«" where the stk. reads
  "efter §§ 8 a, 13 eller 13 a" (LOV 894/2013 § 1, nr. 53, on LBK 190/2012; LBK 806/2015 prints "§§ 8 a, 13
  eller 13 a, jf. dog § 40 a, stk. 1 og 2"). Such a member is taken only where it stands in a list (after a
  comma, or last after "og"/"eller", the list led by "§§" or by a § of the same form) and every occurrence
  of it does.
The numbers and letters cited are the same in both forms by construction. Read so only where the exact
quote is not in the unit and its other form is there exactly as often as the item says; said as
CITATION_FORM, naming both forms.

Input: the document, the resolved target, the text operation; output: the changed document and warnings,
or None when no other form fits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace as dc_replace

import regex

from lovkons.amender.resolve import ResolveError, Target
from lovkons.amender.slots import Scope, clean_quote
from lovkons.amender.textops import Warning_, apply_text, get_string, slots_for
from lovkons.model.document import Document, Source
from lovkons.model.edits import DeleteText, InsertText, ReplaceText

TextOp = ReplaceText | InsertText | DeleteText

_L = r"\d+(?:\s[A-Za-zÆØÅæøå](?!\w))?"  # one § label: "354", "35 a", "8 X"
_SINGLES = regex.compile(rf"(?<!§)§\s(?P<first>{_L})(?P<more>(?:,\s§\s{_L})*)\s(?P<conj>og|eller)\s§\s(?P<last>{_L})(?![\w-])")
_PLURAL = regex.compile(rf"§§\s(?P<first>{_L})(?P<more>(?:,\s{_L})*)\s(?P<conj>og|eller)\s(?P<last>{_L})(?![\w-])")
_PAIR = regex.compile(r"(?P<w>stk\.|nr\.)\s(?P<a>\d+)\s(?P<conj>og)\s(?P<b>\d+)(?![\w-])")
_RANGE = regex.compile(r"(?P<w>stk\.|nr\.)\s(?P<a>\d+)-(?P<b>\d+)(?![\w-])")
_MEMBER = regex.compile(rf"(?P<lead>,\s)?§\s(?P<rest>{_L}.*)", regex.DOTALL)
# the words of a citation between the sign that leads a list and one of its members
_CITATION_RUN = regex.compile(rf"\s*(?:(?:{_L}(?:-{_L})?|stk\.|nr\.|pkt\.|\d+\.(?:-\d+\.)?|og|eller)[\s,]*)*")


def _other_forms(quote: str) -> Iterator[tuple[str, str]]:
    """(other form, what convention) for the citations in the quote, one change at a time."""
    for m in _SINGLES.finditer(quote):
        members = [m["first"], *regex.findall(_L, m["more"])]
        plural = f"§§ {', '.join(members)} {m['conj']} {m['last']}"
        yield quote[:m.start()] + plural + quote[m.end():], "§§"
    for m in _PLURAL.finditer(quote):
        members = [m["first"], *regex.findall(_L, m["more"])]
        singles = ", ".join(f"§ {x}" for x in members) + f" {m['conj']} § {m['last']}"
        yield quote[:m.start()] + singles + quote[m.end():], "§§"
    for m in _PAIR.finditer(quote):
        if int(m["b"]) == int(m["a"]) + 1:
            yield quote[:m.start()] + f"{m['w']} {m['a']}-{m['b']}" + quote[m.end():], "range"
    for m in _RANGE.finditer(quote):
        if int(m["b"]) == int(m["a"]) + 1:
            yield quote[:m.start()] + f"{m['w']} {m['a']} og {m['b']}" + quote[m.end():], "range"


_UNIT_WORD = regex.compile(r"\b(?:stk|nr|pkt)\.")


def _in_list(text: str, at: int) -> bool:
    """The member at `at` stands in a list of §§: after a comma (or, the last member, after "og"/"eller"),
    the list led by "§§" with only citation words between, or by a § whose label alone comes before it
    ("§ 8 V, 8 X, stk. 1")."""
    if not text[:at].endswith((", ", " og ", " eller ")):
        return False
    sign = text.rfind("§", 0, at)
    if sign < 0:
        return False
    between = text[sign + 1:at]
    if sign > 0 and text[sign - 1] == "§":
        # a number after a "stk."/"nr."/"pkt." of the run is a member of that list, not a §: "§§ 3 og 4, stk. 1, nr. 2
        # og 13" holds no § 13 (review15)
        return bool(_CITATION_RUN.fullmatch(between)) and not _UNIT_WORD.search(between)
    return bool(regex.fullmatch(rf"\s{_L},\s", between))


def _member_form(quote: str, op: TextOp, texts: list[str]) -> tuple[TextOp, str] | None:
    """The op with a quoted "§ N …" read as the member "N …" of a list of §§, or None."""
    m = _MEMBER.fullmatch(quote)
    if m is None:
        return None
    short = (m["lead"] or "") + m["rest"]
    member = m["rest"]
    body = regex.compile(rf"(?<![\w§])(?<!§\s){regex.escape(member)}(?![\w-])(?!\s[A-Za-zÆØÅæøå](?!\w))")
    spots = [(t, hit.start()) for t in texts for hit in body.finditer(t)]
    if not spots or not all(_in_list(t, at) for t, at in spots):
        return None
    if isinstance(op, ReplaceText):
        n = _MEMBER.fullmatch(clean_quote(op.new))
        if n is None or bool(n["lead"]) != bool(m["lead"]):
            return None  # the new text is no § of the list: it cannot lose its sign
        return dc_replace(op, old=short, new=(n["lead"] or "") + n["rest"]), short
    if isinstance(op, DeleteText):
        return dc_replace(op, old=short), short
    return dc_replace(op, anchor=short), short


def citation_form(doc: Document, target: Target, op: TextOp, source: Source | None, scope: Scope,
                  before: Document | None = None) -> tuple[Document, list[Warning_]] | None:
    """The operation with its quote read in the provision's form of the same citation, or None."""
    quote = clean_quote(op.anchor if isinstance(op, InsertText) else op.old)
    texts = [get_string(doc, slot)[slot.lo:slot.hi] for slot in scope.narrow(slots_for(doc, target))]
    tries: list[tuple[TextOp, str]] = []
    for other, _ in _other_forms(quote):
        if isinstance(op, InsertText):
            tries.append((dc_replace(op, anchor=other), other))
        else:
            tries.append((dc_replace(op, old=other), other))
    member = _member_form(quote, op, texts)
    if member is not None:
        tries.append(member)
    for changed, form in tries:
        try:
            new_doc, warnings = apply_text(doc, target, changed, source, before=before, scope=scope)
        except ResolveError:
            continue
        return new_doc, [*warnings, ("CITATION_FORM", f"»{quote}« read as »{form}«: the same units cited in the "
                                     "form the provision uses")]
    return None
