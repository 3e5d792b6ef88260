"""Stage 2 (amender): an obvious spelling slip between the quoted text and the provision, read as meant.

Input: the strings of the target provision and the quoted text; output: the spans that the quoted text
clearly means, or None. Tolerant in reading, exact in applying, always said (TOLERATED_SPELLING): the
amending act or the base has a typing slip (LOV 433/2012 § 1 quotes »investeroningsforeningernes« for
"investeringsforeningernes"; LBK 1148/2016 prints "Landskatteretten" where LOV 1574/2015 quotes
»Landsskatteretten«; LOV 223/2011 § 51, nr. 3 quotes »anmeldelse af betalingsstandsning« where the law
says "anmeldelse af betalingsstandsningen"). A slip is accepted only when all of this holds:
- the quoted text is at least 6 characters and the candidate lies on word boundaries;
- at most k character edits (1 up to 15 characters, 2 up to 40, 3 beyond);
- the numbers are the same ("stk. 2" is never "stk. 3") and at most one word differs, a word of at least
  5 letters ("af" is never "på"); punctuation and spacing may differ besides; another ending of the same
  word ("Kommune"/"Kommunen") only inside a quote of at least three words; punctuation at the ends of
  the quote may be missing in the provision but never another mark (»§ 16, stk. 1,« is not "§ 16, stk. 1.");
- the provision holds exactly as many such candidates as the instruction expects (one, "to steder" two).
"""

from __future__ import annotations

from dataclasses import replace

import regex

from lovkons.model.document import Problem
from lovkons.model.edits import Count, InsertText, Item, Operation, ReplaceText

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_DIGITS = regex.compile(r"\p{N}+")
_HEAD = regex.compile(r"^[^\p{L}\p{N}\s]*")
_TAIL = regex.compile(r"[^\p{L}\p{N}\s]*$")


def _budget(old: str) -> int:
    return 1 if len(old) <= 15 else 2 if len(old) <= 40 else 3


def distance(a: str, b: str) -> int:
    """Levenshtein distance (insert, delete, substitute one character each cost 1)."""
    if len(a) < len(b):
        a, b = b, a
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _snap(text: str, a: int, b: int, old: str) -> tuple[int, int]:
    """Widen a match to whole words where the quoted text starts/ends inside a word (no spaces at its ends)."""
    while a < b and text[a].isspace() and not old[:1].isspace():
        a += 1
    while b > a and text[b - 1].isspace() and not old[-1:].isspace():
        b -= 1
    if old[:1].isalnum():
        while a > 0 and text[a - 1].isalnum():
            a -= 1
    if old[-1:].isalnum():
        while b < len(text) and text[b].isalnum():
            b += 1
    return a, b


_LEAD = regex.compile(r"[\p{L}\p{N}]+\s*")  # the word a fuzzy match took for the quote's leading mark
_TRAIL = regex.compile(r"\s*[\p{L}\p{N}]+$")  # … or for its closing mark


def _candidates(text: str, a: int, b: int, old: str) -> list[tuple[int, int]]:
    """The match, then (when the quote begins or ends with a mark the provision lacks there) the match
    without the word the fuzzy search counted as that mark: »,  36, 37, 37 a og 38-42« in "efter §§ 35 a,
    35 b 36, 37, 37 a og 38-42" (LOV 744/2015 § 1, nr. 9, on LBK 1288/2014 § 43, stk. 4, whose comma after
    "35 b" is missing; LBK 1141/2016 prints "35 b og 36-42") is found as "b 36, …" with one substitution:
    the slip is "36, 37, 37 a og 38-42", the missing comma."""
    out = [(a, b)]
    if old[:1] in _MARKS and a < b and text[a].isalnum() and (lead := _LEAD.match(text, a, b)):
        out.append((lead.end(), b))
    start = a + 1 + len(text[a + 1:b]) - len(text[a + 1:b].lstrip())
    if old[:1] in _MARKS and a < b and text[a] in _MARKS and text[a] != old[0] and start < b \
            and text[start] == old[1:].lstrip()[:1]:
        # … or the mark ending the words before it: », eller stk. 8, 1. pkt.« in "jf. stk. 7, 3. pkt. eller stk.
        # 8, 1. pkt.," (LOV 189/2017 § 1, nr. 6, on udlændingelovens § 42 a, stk. 10, nr. 3): found as ". eller …"
        # with the full stop of "3. pkt." for the comma; the slip is the missing comma, the words start after it
        # (with the quote's own first letter: after a full stop that ends a sentence a capital follows)
        out.append((start, b))
    if old[-1:] in _MARKS and a < b and text[b - 1].isalnum() and (trail := _TRAIL.search(text, a, b)):
        out.append((a, trail.start()))
    return out


_MARKS = ",.;:"


def is_slip(old: str, found: str) -> bool:
    """Whether `found` is `old` with an obvious slip (see the module docstring)."""
    if old == found or len(old) < 6 or distance(old, found) > _budget(old):
        return False
    if _DIGITS.findall(old) != _DIGITS.findall(found):
        return False
    for end in (_HEAD, _TAIL):  # "stk. 1," is never "stk. 1." (a sentence ends there); a missing comma may be
        a, b = end.search(old)[0], end.search(found)[0]
        if a and b and a != b:
            return False
    words_old, words_found = _WORD.findall(old), _WORD.findall(found)
    if "".join(words_old).casefold() == "".join(words_found).casefold():
        return True  # only punctuation, spacing or case
    if len(words_old) != len(words_found):
        return False
    differ = [(x, y) for x, y in zip(words_old, words_found, strict=True) if x != y]
    if len(differ) != 1 or min(len(differ[0][0]), len(differ[0][1])) < 5:
        return False
    x, y = differ[0]
    # another ending of the same word ("Kommune"/"Kommunen") is a slip only where the words around it
    # prove the place: a quote of at least three words
    return not (x.startswith(y) or y.startswith(x)) or len(words_old) >= 3


def slip_spans(strings: list[tuple[str, int, int]], old: str, count: Count) -> list[list[tuple[int, int]]] | None:
    """Per string (text, lo, hi), the spans of the candidates `old` clearly means, or None when there is
    not exactly the expected number of them (any number ≥ 1 for "all")."""
    if len(old) < 6:
        return None
    fuzzy = regex.compile(f"(?:{regex.escape(old)}){{e<={_budget(old)}}}", regex.ENHANCEMATCH)
    found: list[list[tuple[int, int]]] = []
    total = 0
    for text, lo, hi in strings:
        spans: list[tuple[int, int]] = []
        for m in fuzzy.finditer(text, lo, hi):
            start, stop = m.span()
            for a, b in _candidates(text, *_snap(text, start, stop, old), old):
                if a < lo or b > hi or (spans and a < spans[-1][1]):
                    continue
                if is_slip(old, text[a:b]):
                    spans.append((a, b))
                    break
        found.append(spans)
        total += len(spans)
    ok = total >= 1 if count == "all" else total == count
    return found if ok else None


def unclosed_quote_stop(item: Item, ops: tuple[Operation, ...]) -> tuple[tuple[Operation, ...], list[Problem]]:
    """An item whose last quote is never closed: its final full stop is the instruction's own.

    Drafting convention: a change instruction is a sentence ending in "." after the closing »
    ("… ændres »A« til: »B«."); new words put into running text bring no full stop of their own unless
    the words they replace or follow end one. LOV 1715/2016 § 42, nr. 1, reads "Overalt i loven ændres
    »Natur- og Miljøklagenævnet« til: »Miljø- og Fødevareklagenævnet." (no closing «): the law gets
    "Miljø- og Fødevareklagenævnet", not "Fødevareklagenævnet." in mid-sentence (LBK 9/2017 § 30).
    Only the item's last text operation is read so, when its new words are the end of the item and
    the quoted words it replaces or follows do not end in a full stop; said as TOLERATED_UNCLOSED_QUOTE."""
    text = item.text.rstrip()
    if not ops or text.rfind("»") <= text.rfind("«"):
        return ops, []
    last = ops[-1]
    if not isinstance(last, ReplaceText | InsertText):
        return ops, []
    before = last.old if isinstance(last, ReplaceText) else last.anchor
    if not last.new.endswith(".") or last.new.endswith("..") or before.rstrip().endswith(".") \
            or not text.endswith(last.new.strip()):
        return ops, []
    fixed = replace(last, new=last.new[:-1])
    problem = Problem("TOLERATED_UNCLOSED_QUOTE", f"»{last.new[-40:]} is not closed by «: the final full stop "
                      f"ends the instruction, so »{fixed.new[-40:]}« was applied", "warning",
                      str(last.source) if last.source else None, str(last.target))
    return (*ops[:-1], fixed), [problem]
