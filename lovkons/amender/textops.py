"""Stage 2 (amender): text operations (ændres … til / indsættes efter »A« / udgår) on a resolved Target.

Input: a Document, a Target and a ReplaceText/InsertText/DeleteText; output: the new Document and the
warnings. The occurrences are found by `amender.occurrences`; this module splices the new text in and
joins the words around it with one space (none before punctuation).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace as dc_replace

import regex

from lovkons.amender.occurrences import Warning_, find_matches, outside_provisions
from lovkons.amender.resolve import ResolveError, Resolver, Target, resolve_current
from lovkons.amender.slots import Scope, Slot, clean_quote, get_string, sentence_spans, set_string, slots_for
from lovkons.amender.tree import TreePath, node_at
from lovkons.model.document import Address, Document, Source
from lovkons.model.edits import DeleteText, InsertText, ReplaceText

# re-exported: the other amender modules import the slot and match names from here
__all__ = [
    "Scope",
    "Slot",
    "Warning_",
    "apply_text",
    "clean_quote",
    "find_matches",
    "get_string",
    "sentence_spans",
    "set_string",
    "slots_for",
]

_PUNCT_START = tuple(",.;:)!?]")


# A citation naming a stk., nr. or punktum ("§ 5, stk. 1", "§§ 101, 103 og 107-110") is closed by a comma
# when the sentence goes on ("efter § 5, stk. 1, kan ministeren"; Justitsministeriets vejledning om
# lovkvalitet on henvisninger). The words a citation is made of, after its last §:
_CITATION_WORD = regex.compile(r"§§?|\d+(?:-\d+)?\.?|\d+\.-\d+\.|[A-Za-z]|stk\.|nr\.|pkt\.|litra|og|eller")


def _open_citation(text: str) -> bool:
    """`text` ends on a citation with a comma inside that no comma closes yet: "… der efter § 5, stk. 1"."""
    at = text.rfind("§")
    tail = text[at:].rstrip()
    if at < 0 or "," not in tail or tail.endswith(","):
        return False
    return all(_CITATION_WORD.fullmatch(w) for w in regex.findall(r"[^\s,]+", tail))


def _closing_comma(left: str, gone: str, right: str) -> str:
    """"," when a quoted text that ended on the comma closing a citation goes, and the citation left
    before it still needs that comma: »og 5,« struck from "der efter § 5, stk. 1 og 5, § 10, stk. 1, …"
    (LOV 403/2014 § 4, nr. 31; LBK 1074/2016 § 191 prints "§ 5, stk. 1, § 10"), »§ 18, stk. 1-5,« changed
    to »§ 18, stk. 1-6« before "og regler" (LOV 1499/2014 § 1, nr. 95; LBK 831/2015 § 70, stk. 9). A
    citation without a comma inside is not closed ("Fradrag efter § 13 A er betinget", LBK 796/2011 § 14)."""
    goes_on = right.lstrip()[:1].isalnum() or right.lstrip().startswith("§")
    return "," if gone.rstrip().endswith(",") and goes_on and _open_citation(left) else ""


def join_delete(left: str, right: str, gone: str = "") -> str:
    """The text around words struck out, joined: one space, none before punctuation, one § where two meet."""
    left, right = left.rstrip(" "), right.lstrip(" ")
    if left.endswith("§") and right.startswith("§"):
        # »44 henholdsvis« struck from "efter § 44 henholdsvis § 45" (LOV 527/2015 § 1, nr. 46): one §
        left = left[:-1].rstrip(" ")
    if not left or not right:
        return left + right
    if right.startswith(".") and left.endswith(",") and gone.strip()[-1:].isalnum():
        # the comma closed a citation only because the struck words went on after it; a sentence that now ends
        # there ends with its full stop alone (Justitsministeriets vejledning om lovkvalitet on henvisninger: the
        # closing comma stands only where the sentence goes on): »eller § 144« struck from "i et botilbud, jf.
        # § 107, eller § 144." (LOV 629/2010 § 1, nr. 6, servicelovens § 52, stk. 3, nr. 4; LBK 81/2011 prints
        # "jf. § 107.")
        left = left[:-1]
    if right.startswith(_PUNCT_START) or left.endswith(("(", "[")):
        return left + right
    return left + _closing_comma(left, gone, right) + " " + right


_MARKS = ",.;:"


def _undouble(left: str, new: str, right: str) -> str:
    """The new text without a mark that would stand twice at a seam: »…, jf. § 55,« put before ", …"
    gives one comma, not ",," (LOV 395/2016 § 1, nr. 19 as LBK 216/2017 prints it; LOV 632/2016 § 1,
    nr. 33 starts its new text with ", " after "heraf,"). Letters and other text are never dropped."""
    if new[-1:] in _MARKS and right[:1] == new[-1:]:
        new = new[:-1].rstrip()
    if new[:1] in _MARKS and left.rstrip()[-1:] == new[:1]:
        new = new[1:].lstrip()
    return new


def _before_mark(left: str, new: str) -> str:
    """The text before a replacement, without the space before a new text that begins with a comma or
    a full stop: Danish sets no space before a punctuation mark. »som sammensat efter § 5, stk. 1, nr. 2,«
    to », som behandler sagen i en af nævnets afdelinger, …« after "Miljø- og Fødevareklagenævnet" (LOV
    1715/2016 § 42; LBK 9/2017 § 34 prints "Miljø- og Fødevareklagenævnet, som behandler sagen"), not
    "Fødevareklagenævnet , som". The same for ». Beskæftigelsesministeren fastsætter …« (LOV 326/2012)."""
    return left.rstrip(" ") if new.startswith(_PUNCT_START) else left


def _edit(doc: Document, matches: list[tuple[Slot, list[tuple[int, int]]]],
          splice: Callable[[str, int, int], str], source: Source | None) -> Document:
    # the spans of slots on one string (its text around an excepted punktum) are spliced together, last first
    strings: dict[tuple[str, TreePath, str], tuple[Slot, list[tuple[int, int]]]] = {}
    for slot, spans in matches:
        strings.setdefault((slot.where, slot.path, slot.attr), (slot, []))[1].extend(spans)
    for slot, spans in strings.values():
        s = get_string(doc, slot)
        for a, b in sorted(spans, reverse=True):
            s = splice(s, a, b)
        doc = set_string(doc, slot, s, source)
    return doc


def _except(doc: Document, slots: list[Slot], exceptions: tuple[Address, ...], before: Document | None = None
            ) -> tuple[list[Slot], list[Warning_]]:
    """The slots without the units "bortset fra" names: "Overalt i loven bortset fra § 8, stk. 8, ændres …" (LOV
    395/2016 § 3, nr. 1) leaves § 8, stk. 8 and all below it; "bortset fra i § 49, stk. 2, 1. pkt." (LOV 80/2017
    § 1, nr. 4) leaves that punktum and changes the rest of the stk. An exception the act does not have is refused.
    Its numbers are the law's before the order (`before`), as every address of an order's items. Returns the slots
    and the conventions an exception's address was read by (Target.reading), to be said."""
    said: list[Warning_] = []
    for address in exceptions:
        try:
            unit = Resolver(before).resolve(doc, address) if before is not None else resolve_current(doc, address)
        except ResolveError as err:
            raise ResolveError("TARGET_NOT_FOUND", f"the exception {address} ('bortset fra') cannot be found: "
                               f"{err.message}") from None
        if unit.reading is not None:
            said.append(unit.reading)
        if unit.kind == "pkt" and unit.pkt is not None:
            spans = sentence_spans(node_at(doc, unit.path).text)
            if not 1 <= unit.pkt <= len(spans):
                raise ResolveError("TARGET_NOT_FOUND", f"the exception {address} ('bortset fra') does not exist")
            lo, hi = spans[unit.pkt - 1]
            kept: list[Slot] = []
            for sl in slots:
                if sl.where != "node" or sl.path != unit.path or sl.attr != "text":
                    kept.append(sl)
                    continue
                end = sl.hi if sl.hi is not None else len(node_at(doc, sl.path).text)
                kept.extend(dc_replace(sl, lo=a, hi=b) for a, b in ((sl.lo, min(lo, end)), (max(hi, sl.lo), end)) if a < b)
            slots = kept
        elif unit.kind == "node":  # the unit and everything below it
            slots = [sl for sl in slots if not (sl.where == "node" and sl.path[: len(unit.path)] == unit.path)]
        elif unit.kind == "heading":
            slots = [sl for sl in slots if not (sl.where == "node" and sl.path in unit.headings)]
        elif unit.kind == "kapitel_heading":
            slots = [sl for sl in slots if not (sl.where == "node" and sl.path == unit.path and sl.attr == "heading")]
        else:
            raise ResolveError("TARGET_NOT_FOUND", f"the exception {address} ('bortset fra') is no unit of the act")
    return slots, said


def _sentence_capital(found: str, quoted: str, new: str) -> str:
    """»stk. 19, 2. pkt.,« til: »stk. 23, 2. pkt.,« where the text reads "Stk. 19, 2. pkt., …" at the start
    of a punktum (LOV 601/2011 § 1, nr. 12, on udlændingelovens § 9; LBK 947/2011): the quote was matched
    past its letter case (TOLERATED_CASE) and the punktum keeps its capital — a Danish sentence begins with one."""
    if found[:1].isupper() and quoted[:1].islower() and found[:1].lower() == quoted[:1] and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


def apply_text(doc: Document, target: Target, op: ReplaceText | InsertText | DeleteText, source: Source | None, *,
               before: Document | None = None, slips: bool = False, scope: Scope | None = None
               ) -> tuple[Document, list[Warning_]]:
    """The operation on the target's text; `scope` narrows what the item leaves to this operation."""
    scope = scope or Scope()
    slots = scope.narrow(slots_for(doc, target))
    said: list[Warning_] = []
    if op.exceptions:
        slots, said = _except(doc, slots, op.exceptions, before)
    if not slots:
        raise ResolveError("TEXT_NOT_FOUND", "the target has no text")
    anchor = clean_quote(op.anchor if isinstance(op, InsertText) else op.old)
    if not anchor:
        raise ResolveError("TEXT_NOT_FOUND", "empty quoted text")
    try:
        matches, warnings = find_matches(doc, slots, anchor, "all" if op.nth else op.count, before=before,
                                         slips=slips, shadows=scope.shadows)
        warnings = [*said, *warnings]
        if op.nth:
            matches = _nth(matches, anchor, op.nth)
    except ResolveError as err:
        # "Overalt i loven ændres »A« til »B«, og »As« til »Bs«": a form that occurs nowhere changes
        # nothing; reported, not refused (the item's other forms still apply)
        if target.kind != "document" or op.count != "all" or err.code != "TEXT_NOT_FOUND":
            raise
        return doc, [*said, ("OVERALT_NOT_FOUND", f"»{anchor}« occurs nowhere in the provisions; nothing changed"),
                     *outside_provisions(doc, anchor)]
    if target.kind == "document":
        warnings = [*warnings, *outside_provisions(doc, anchor)]
    if isinstance(op, ReplaceText) and clean_quote(op.new):
        new = clean_quote(op.new)

        def swap(s: str, a: int, b: int) -> str:
            # »…, jf. § 7« til: »efter denne lov«: a word never glues to the word before or after it
            text = _undouble(s[:a], new, s[b:])
            text = _sentence_capital(s[a:b], anchor, text)
            if text[-1:] not in _MARKS:
                text += _closing_comma(s[:a] + text, s[a:b], s[b:])
            head = _before_mark(s[:a], text)
            left = " " if head and head[-1].isalnum() and text[:1].isalnum() else ""
            right = " " if b < len(s) and s[b].isalnum() and text[-1:].isalnum() else ""
            return head + left + text + right + s[b:]

        genitives: list[tuple[Slot, list[tuple[int, int]]]] = []
        if target.kind == "document" and op.count == "all":
            genitives, more = overalt_genitive(doc, slots, anchor, new, scope.shadows)
            warnings = [*warnings, *more]
        genitive = anchor + "s"

        def splice(s: str, a: int, b: int) -> str:  # both found in the text before the change, edited last first
            return s[:a] + new + "s" + s[b:] if genitives and s[a:b] == genitive else swap(s, a, b)

        return _edit(doc, [*matches, *genitives], splice, source), warnings
    if isinstance(op, InsertText):
        new = clean_quote(op.new)
        if op.position == "after" and _already_after(doc, matches, new):
            return doc, [*warnings, ("TEXT_ALREADY_PRESENT", f"»{new}« already follows »{anchor}« (an earlier act "
                                     "inserted the same words there); not inserted twice")]
        if op.position == "before":
            sep = "" if anchor.startswith(_PUNCT_START) else " "
            return _edit(doc, matches, lambda s, a, b: s[:a] + _undouble(s[:a], new, s[a:]) + sep + s[a:],
                         source), warnings

        def after(s: str, a: int, b: int) -> str:
            left = s[:b]
            text = _undouble(left, new, s[b:])
            if text.startswith(_PUNCT_START) or left.endswith(" "):
                return left + text + s[b:]
            return left + " " + text + s[b:]

        return _edit(doc, matches, after, source), warnings
    return _edit(doc, matches, lambda s, a, b: join_delete(s[:a], s[b:], s[a:b]), source), warnings


def overalt_genitive(doc: Document, slots: list[Slot], old: str, new: str, shadows: tuple[str, ...]
                     ) -> tuple[list[tuple[Slot, list[tuple[int, int]]]], list[Warning_]]:
    """"Overalt i loven ændres »Natur- og Miljøklagenævnet« til: »Miljø- og Fødevareklagenævnet«" (LOV 1715/2016 § 42,
    nr. 1) changes the name in all its forms: the law's "Natur- og Miljøklagenævnets afgørelse" too (LBK 9/2017 § 31,
    stk. 3, 4 and 6). Danish forms a name's genitive by adding -s, and the same act lists the genitive beside the name in
    some §§ (its §§ 25, 26, 28) and not in others. Every LBK of the corpus that restates a law after such an item prints
    the new genitive (LBK 440/2013: »SDPI-løsningen« → »Nemrefusion«; LBK 1210/2013 and 680/2013: »Kort- og
    Matrikelstyrelsen« → »Geodatastyrelsen«; LBK 1317/2015: »Miljøklagenævnet« → »Natur- og Miljøklagenævnet«).
    Only a name (a capital first letter; "ejendommens" stays, LBK 1080/2013) whose item does not quote the genitive
    itself (then that operation changes it), and not where another name follows the genitive: "Statens
    Administrations Finansservicecenter" is another office's name (LBK 1507/2016 keeps it). Returns where the genitive
    stands in the slots (in the text before the change: an exception's punktum bounds them, "Overalt i loven bortset
    fra § 12, stk. 3, …", LOV 656/2016 § 3, nr. 1) and the warning; the caller edits them with the name's own matches."""
    if not old[:1].isupper() or not takes_s(old.replace("-", "")) or not takes_s(new.replace("-", "")):
        return [], []
    genitive = old + "s"
    if any(sh.startswith(genitive) for sh in shadows):
        return [], []
    pattern = regex.compile(rf"(?<![\w-]){regex.escape(genitive)}(?![\w-])(?!\s+\p{{Lu}})")
    matches = []
    for slot in slots:
        s = get_string(doc, slot)
        spans = [m.span() for m in pattern.finditer(s, slot.lo, slot.hi if slot.hi is not None else len(s))
                 if not s[: m.end()].endswith(new + "s")]  # the new name already there (it ends in the old one)
        if spans:
            matches.append((slot, spans))
    if not matches:
        return [], []
    count = sum(len(spans) for _, spans in matches)
    return matches, [(
        "OVERALT_GENITIVE", f"»{genitive}« (the genitive of »{old}«) changed to »{new}s« {count} "
        f"{'time' if count == 1 else 'times'}, as 'overalt' changes a name in all its forms")]


def takes_s(words: str) -> bool:
    """The words end in a letter a genitive -s can follow (not already an -s, nor an abbreviation)."""
    last = words.split()[-1] if words.split() else ""
    return len(last) >= 3 and last.isalpha() and not last.endswith(("s", "x", "z"))


def _nth(matches: list[tuple[Slot, list[tuple[int, int]]]], anchor: str,
         nth: int) -> list[tuple[Slot, list[tuple[int, int]]]]:
    """The `nth` occurrence only, in the order of the text: "§ 55, 2. pkt. og 3. pkt. første gang, … ændres
    »Arbejdsskadestyrelsen« til: »Arbejdsmarkedets Erhvervssikring«" (LOV 627/2016 § 1, nr. 7; LBK 75/2017 § 55
    changes the first of the two in 3. pkt.). Fewer occurrences than that refuse (OCCURRENCE_MISMATCH)."""
    every = [(slot, span) for slot, spans in matches for span in spans]
    if len(every) < nth:
        raise ResolveError("OCCURRENCE_MISMATCH", f"»{anchor}« occurs {len(every)} times; the instruction changes "
                           f"occurrence {nth} ('{_ORDINALS.get(nth, nth)} gang')")
    slot, span = every[nth - 1]
    return [(slot, [span])]


_ORDINALS = {1: "første", 2: "anden", 3: "tredje"}


def _already_after(doc: Document, matches: list[tuple[Slot, list[tuple[int, int]]]], new: str) -> bool:
    """Whether every anchor is already followed by the words to insert (two words at least).

    Drafting practice: two acts passed in the same session may make the same consequential insertion
    (LOV 922/2012 § 5, nr. 2, and LOV 1354/2012 § 10, nr. 2, both insert », fra en aldersopsparing«
    after »fra en opsparing i pensionsøjemed« in kursgevinstlovens § 35); the official consolidation
    (LBK 1113/2013) prints the words once. A single word ("og", "eller") is never judged so."""
    words = new.strip()
    if len(words.split()) < 2:
        return False
    for slot, spans in matches:
        s = get_string(doc, slot)
        if not all(s[b:].lstrip().startswith(words.lstrip()) if not words.startswith(_PUNCT_START)
                   else s[b:].startswith(words) for _, b in spans):
            return False
    return bool(matches)
