"""Stage 1 (parsers): one numbered item's text → operations (clauses, scope carry-over, rykning).

Lifts the quotes out, tolerates drafting typos (with warnings), splits compound items at ", og",
reads rykningsklausuler into Renumber assertions and runs each clause through formulas.RULES.
"""

from __future__ import annotations

import regex

from lovkons.model.document import Address, Level, Node, Problem, Source, normalize_label
from lovkons.model.edits import ChangeOfItem, Operation, Renumber
from lovkons.parsers.instructions.formulas import Ctx, apply_rules
from lovkons.parsers.instructions.payload import one_line, split_quotes
from lovkons.parsers.instructions.prefilter import Prefilter, required, sub_where_possible
from lovkons.parsers.instructions.targets import expand_labels
from lovkons.parsers.normalize import INVISIBLE_CHARS

_LEVELS = {"stk": Level.STK, "nr": Level.NR, "litra": Level.LITRA}
_RANK = {Level.STK: 2, Level.NR: 3, Level.LITRA: 4}

# "Stk. 2 og 3 bliver herefter stk. 3 og 4." / "Stk. 2, bliver herefter til stk. 3." / "Nr. 3 … nr. 2."
# / "Nr. 4 og 5 bliver herefter nr. 1 og 2, og nr. 10 og 11 bliver herefter nr. 3 og 4." (two clauses)
# "Nr. 10-17 bliver herefter 9-16." (LOV 1287/2012: the keyword left out) / "Stk. 13-22 bliver stk. 11-20." (LOV
# 612/2016: "herefter" left out, only as a sentence of its own after the new text; "Stk. 4-6 bliver til stk. 5-7.",
# LOV 790/2013) / "§ 25, stk. 7, bliver herefter § 25, stk. 6." (LOV 574/2011: the § named)
RYKNING = regex.compile(
    r"""(?: (?P<k>Stk|Nr|Litra)\.?\s+(?P<from>[\w\s,\-–]+?),?\s+bliver\s+herefter\s+(?:til\s+)?
          (?:(?:stk|nr|litra)\.?\s+)?(?P<to>[\w\s,\-–]+?)
      | (?:(?<=^)|(?<=[.«]\s)|(?<=Q\d+\s)) (?P<k>Stk|Nr|Litra)\.?\s+(?P<from>[\d\s,\-–a-z]+?)\s+bliver\s+
          (?:til\s+)?(?:stk|nr|litra)\.?\s+(?P<to>[\d\s,\-–a-z]+?)
      | (?:(?<=^)|(?<=[.«]\s)|(?<=Q\d+\s)) §\s*(?P<p>\d+(?:\s[a-z])?),\s+(?P<k>stk|nr)\.\s+(?P<from>[\d\s,\-–a-z]+?),?\s+
          bliver\s+herefter\s+(?:til\s+)?§\s*(?P=p),\s+(?:stk|nr)\.\s+(?P<to>[\d\s,\-–a-z]+?) )
    \s*(?:\.|$|,\s*og\s+(?=(?:stk|nr|litra)\.?\s))""",
    regex.X | regex.I,
)

# "der bliver stk. 9" names a target's new label: not a verb ("stk. 8, der bliver stk. 9, og stk. 9, …")
_VERB = regex.compile(r"\b(?:ændres|udgår|indsættes|affattes|ophæves|(?<!\b(?:der|som)\s+)bliver)\b|\btil:?\s+Q\d"
                     r"|^(?:efter|før)\s+Q\d+:\s*Q\d+$", regex.I)  # "… og efter »A«: »B«" inserts after its own text


# Slips of the amending act read as meant, each reported (code) once per item; every row is real.
_SLIPS: tuple[tuple[str, regex.Pattern[str], str], ...] = (
    ("TOLERATED_CITATION", regex.compile(r"(?<=\b\d+)\s+pkt\."), ". pkt."),  # "2 pkt." → "2. pkt."
    ("TOLERATED_CITATION", regex.compile(r"(stk\.\s*\d+)\.,?\s+(?=\d+\.\s*pkt)"), r"\1, "),  # "stk. 3. 1. pkt.",
    # "§ 39 A, stk. 4., 5. pkt., ophæves" (LOV 724/2010)
    ("TOLERATED_CITATION", regex.compile(r"\bstk(?=\s+\d)"), "stk."),  # "I § 797, stk 2, nr. 2" (LOV 414/2011)
    ("TOLERATED_CITATION", regex.compile(r"\bstk\.,\s*(?=\d)"), "stk. "),  # "I § 22, stk., 1, nr. 5" (LOV 1539/2014)
    ("TOLERATED_CITATION", regex.compile(r"\bs\s+tk\."), "stk."),  # "I § 9, s tk. 3" (LOV 746/2015)
    # "I § 15, stk. 2 og 3, § 15 a, stk. 1, og 15 c, stk. 1, ændres" (LOV 591/2012): a lettered number before
    # ", stk." in a list of §§ is a §
    ("TOLERATED_CITATION", regex.compile(r"(?<=§[^Q]*,\s+og\s+)(?=\d+\s[a-z],\s+stk\.\s*\d)"), "§ "),
    ("TOLERATED_CITATION", regex.compile(r"(?<=\b\d+),\s+pkt\."), ". pkt."),  # "stk. 5, 1, pkt." (LOV 1569/2015)
    # "I § 25, A, stk. 2, indsættes som nr. 6" (LOV 386/2016, where nr. 14 and 15 say "§ 25 A, stk. 2"): a capital
    # letter alone between commas after a § number is the § number's letter
    ("TOLERATED_CITATION", regex.compile(r"(?<=§\s*\d+),\s+(?=[A-Z],\s+(?:stk|nr)\.)"), " "),
    ("TOLERATED_CITATION", regex.compile(r"(?<=\b\d+)\s*[-–]\s*(?=\d+\.\s*pkt)"), ".-"),  # "og 2-4. pkt. ophæves" (LOV 612/2016)
    ("TOLERATED_PUNCTUATION", regex.compile(r"(?<=\bpkt)\s+\.\s*:"), ".:"),  # "efter 1. pkt . :" (LOV 1532/2014)
    ("TOLERATED_PUNCTUATION", regex.compile(r"\btil:?(?=Q\d)"), "til: "),  # "til:»B«", "til»B«" (LOV 1549/2016)
    ("TOLERATED_PUNCTUATION", regex.compile(r"(?<=Q\d+):\s+til\b"), " til:"),  # "»A«: til »B«" (LOV 720/2014)
    ("TOLERATED_PUNCTUATION", regex.compile(r"\b(efter|før):\s+(?=Q\d+:)"), r"\1 "),  # "efter: »A«: »B«" (LOV 833/2011)
    ("TOLERATED_PUNCTUATION", regex.compile(r"\bindsættes:(?=Q\d)"), "indsættes: "),  # "indsættes:»…«" (LOV 720/2014)
    ("TOLERATED_PUNCTUATION", regex.compile(r"(?<=Q\d+):(?=Q\d)"), ": "),  # "efter »muligt«:»…«" (LOV 1499/2014)
    ("TOLERATED_PUNCTUATION", regex.compile(r"(?<=\b(?:efter|før)\s+Q\d+);\s*(?=Q\d+\s*\.?$)"), ": "),  # "efter »A«; »B«"
    # (LOV 1556/2010)
    ("TOLERATED_PUNCTUATION", regex.compile(r"\budgår:\s+(?=Q\d)"), "udgår "),  # "udgår: »…«" (LOV 665/2016)
    ("TOLERATED_SLIP", regex.compile(r"\bindsætte\b"), "indsættes"),  # "I § 43, indsætte som stk. 12:" (LOV 385/2016)
    ("TOLERATED_SLIP", regex.compile(r"\baffates\b"), "affattes"),  # "§ 72, stk. 1, nr. 1, affates således:" (LOV 580/2015)
    ("TOLERATED_SLIP", regex.compile(r"\bændres\s+og\s+(?=Q\d)"), "ændres "),  # "ændres og »5-9« til:" (LOV 628/2016)
    # "indsættes efter »hjemmehørende her i landet« til: »…«" (LOV 650/2016): the new text after "til:"
    ("TOLERATED_SLIP", regex.compile(r"(?<=\bindsættes\s+(?:efter|før)\s+Q\d+)\s+til:?\s+(?=Q\d+\s*\.?$)"), ": "),
    # "I § 60, stk. 8, 1. pkt., bliver stk. 7, 1. pkt., ændres …" (LOV 1715/2016): "der" left out before "bliver"
    ("TOLERATED_SLIP", regex.compile(r"(?<=^I\s+§[^Q]*?),\s+bliver\s+(?=(?:stk|nr|litra)\.\s*\d[^Q]*?\b(?:ændres|udgår|indsættes)\b)"),
     ", der bliver "),
)
_MESSAGES = {"TOLERATED_CITATION": "a malformed citation was read leniently"}


# normalize_template's fixed rewrites, compiled once ("i kapitel 13 :", "stk. 2 , affattes", "§5")
_INVISIBLE = regex.compile(f"[{INVISIBLE_CHARS}]")
_SPACE_BEFORE_MARK = regex.compile(r"\s+([,:])")
_SPACE_BEFORE_STOP = regex.compile(r"(?<=\S)\s+\.(?=\s|$)")
_AENDRES_COLON = regex.compile(r"\bændres:\s+(?=Q\d)")
_PARAGRAF_GLUED = regex.compile(r"§(?=\d)")
_ORDENE = regex.compile(r"\bordene\s+(?=Q\d)", regex.I)


# "…, og i stedet indsættes" joins the clause before it (␟ marks the join); "udgår, og i stedet" is a slip
_OG_I_STEDET = regex.compile(r",\s*og\s+i\s+stedet\s+indsættes", regex.I)
_OPHAEVES_OG_I_STEDET = regex.compile(r"\bophæves\s+og\s+i\s+stedet\s+indsættes", regex.I)
# "§ 11 ophæves, og som nyt kapitel indsættes: »Kapitel 1 c … § 11. …«" (LOV 190/2017 § 1, nr. 17): the new kapitel
# takes the place of what goes, as "…, og i stedet indsættes" says it
_SOM_NYT_KAPITEL = regex.compile(r"\bophæves,\s*og\s+som\s+nyt\s+kapitel\s+indsættes(?=:?\s*Q\d+\s*$)", regex.I)
# "I kapitel 5 ophæves overskriften »Udpegning af drikkevandsforekomster«, og § 8 ophæves." (LOV 1631/2013 § 14, nr. 2):
# one change (formulas repeal_quoted_heading), not two clauses
_HEADING_AND_PARAGRAF = regex.compile(r"(?<=\bophæves\s+overskriften\s+Q\d+),\s*og\s+(?=§\s*\d+(?:\s*[a-z])?\s+ophæves\.?$)",
                                      regex.I)
_UDGAAR_I_STEDET = regex.compile(r"\budgår(?=␟og\s+i\s+stedet\s+indsættes)", regex.I)

# the fixed rewrites in order, each with the text it cannot match without (prefilter.required)
_TIDY = tuple((rx, repl, required(rx)) for rx, repl in (
    (_SPACE_BEFORE_MARK, r"\1"), (_SPACE_BEFORE_STOP, "."), (_AENDRES_COLON, "ændres "), (_PARAGRAF_GLUED, "§ "),
    (_ORDENE, ""),  # "…, ordene »A« ændres til: »B«" (LOV 895/2013)
))
_UDGAAR_REQUIRED = required(_UDGAAR_I_STEDET)
_SLIPS_PREFILTER = Prefilter([rx for _, rx, _ in _SLIPS])
_JOINS = tuple((rx, repl, required(rx)) for rx, repl in (
    (_OG_I_STEDET, "␟og i stedet indsættes"), (_OPHAEVES_OG_I_STEDET, "ophæves␟og i stedet indsættes"),
    (_SOM_NYT_KAPITEL, "ophæves␟og i stedet indsættes"), (_HEADING_AND_PARAGRAF, "␟og "),
))


def normalize_template(template: str, ctx: Ctx) -> str:
    """Whitespace and tolerated typos: "i kapitel 13 :" → "i kapitel 13:", "stk. 2 , affattes"."""
    s = one_line(_INVISIBLE.sub("", template.replace("\u00a0", " ")))
    for rx, replacement, req in _TIDY:
        s = sub_where_possible(rx, req, replacement, s)
    slips: dict[str, list[str]] = {}
    todo = _SLIPS_PREFILTER.candidates(s)  # the rows whose required text is there (again after each repair)
    while todo:
        i, todo = todo[0], todo[1:]
        code, rx, replacement = _SLIPS[i]
        fixed = rx.sub(replacement, s)
        if fixed != s:
            slips.setdefault(code, []).extend(m[0] for m in rx.finditer(s))
            s = fixed
            todo = tuple(j for j in _SLIPS_PREFILTER.candidates(s) if j > i)
    for code, seen in slips.items():
        ctx.warn(code, _MESSAGES.get(code) or "read as meant: " + ", ".join(f"'{x.strip()}'" for x in seen))
    for rx, replacement, req in _JOINS:
        s = sub_where_possible(rx, req, replacement, s)
    fixed = sub_where_possible(_UDGAAR_I_STEDET, _UDGAAR_REQUIRED, "ophæves", s)
    if fixed != s:  # "§ 32, stk. 1, 2. pkt., udgår, og i stedet indsættes: »…«" (LOV 579/2010)
        ctx.warn("TOLERATED_UDGAAR", "structural 'udgår, og i stedet indsættes' read as 'ophæves, og i stedet indsættes'")
    return fixed


def split_rykning(s: str) -> tuple[str, list[regex.Match[str]]]:
    """Take the rykningsklausuler out of the item template (they follow the payload)."""
    found = list(RYKNING.finditer(s))
    keep = [m for m in found if not regex.search(r"\b(?:der|som)\s*$", s[: m.start()])]
    for m in reversed(keep):
        s = s[: m.start()] + s[m.end():]
    return s.strip(), keep


# Where one clause of an item ends and the next begins.
_CLAUSE_END = regex.compile(
    r"""
    , \s* og \s+ | ; \s+                                  # "…, og …" / "…; …"
    | , \s+ (?= efter \s+ Q\d+ \s+ indsættes             # "…, efter »A« indsættes: »B«"
              | \w+ \s+ steder \s+ indsættes \s+ (?: efter | før ) \s+ Q\d+  # "…, to steder indsættes efter »A«: »B«"
              | i \s+ \d+ \. \s* pkt\.                    # "…, i 3. pkt. ændres …"
              | i \s+ (?: stk | nr ) \. \s* \d              # "…, i stk. 2 …"
              | i \s+ § \s* \d                              # "…, i § 124 a, stk. 1, 2. pkt., ændres …"
              | Q\d+ (?: (?: , | \s+ og ) \s+ Q\d+ )* \s+ (?: ændres | udgår ) \b )  # "…, »A« ændres til: »B«"
    | (?<= Q\d+ : \s* Q\d+ ) \s+ og \s+ (?= (?: efter | før ) \s+ Q\d+ : \s* Q\d+ \s* $ )  # "…: »B« og efter »C«: »D«"
    | (?<= Q\d+ ) , \s+ (?= (?: stk\. | nr\. | \d+ \. \s* pkt\. ) [^Q]*? \s ophæves \b )  # "…: »B«, 4. pkt. ophæves"
                                                                          # (LOV 612/2016)
    | (?<= : \s* Q\d+ ) \s+ og \s+ (?= (?: efter | før ) \s+ Q\d+ :? \s+ indsættes \b  # "til: »B« og efter »C« indsættes: »D«"
                                | i \s+ \d+ \. \s* pkt\. \s+ Q\d+ \s+ til \b  # "til: »B« og i 2. pkt. »C« til: »D«"
                                | Q\d+ \s+ (?: ændres | udgår ) \b )      # "…: »B« og »C« ændres til: »D«" (LOV 539/2015)
    """,
    regex.X,
)


# "I § 1, nr. 14, ændres i § 137 e, stk. 2 og 3, …, og stk. 4, og § 137 m, …, »A« til: »B«" (LOV 651/2013 § 2, nr. 1):
# the verb of a change of an earlier act's item stands before its list of units, which runs on to the quotes
_ITEM_VERB_FIRST = regex.compile(r"I\s+§\s*\d+(?:\s*[a-z](?![\w.]))?,\s+nr\.\s*\d+,\s+(?:ændres|udgår)\s+i\s+§[^Q]*$", regex.I)


def split_clauses(s: str) -> list[str]:
    """Split at ", og" / "; " between clauses; a part without a verb belongs to the next part."""
    parts = [p.strip() for p in _CLAUSE_END.split(s) if p.strip()]
    out: list[str] = []
    carry = ""
    for part in parts:
        if not _VERB.search(part) or (not carry and _ITEM_VERB_FIRST.match(part)):
            carry = f"{carry}, og {part}" if carry else part
            continue
        out.append(f"{carry}, og {part}" if carry else part)
        carry = ""
    if carry:
        if out:
            out[-1] = f"{out[-1]}, og {carry}"
        else:
            out.append(carry)
    return out


def parse_instruction(
    text: str, source: Source, *, bilag: dict[str, tuple[Node, ...]] | None = None
) -> tuple[tuple[Operation, ...], tuple[Problem, ...]]:
    """Read one numbered item (instruction, quotes, rykningsklausul). No operations = not understood."""
    quoted = split_quotes(text)
    ctx = Ctx(quotes=quoted.quotes, source=source, bilag=dict(bilag or {}), reread=apply_rules)
    if not quoted.balanced:
        ctx.warn("UNBALANCED_QUOTES", "guillemets are not balanced in this item")
    if quoted.repaired:
        ctx.warn("TOLERATED_GUILLEMET", "misprinted guillemets read as meant: " + "; ".join(quoted.repaired))
    if quoted.alt_quotes:
        ctx.warn("TOLERATED_QUOTES", "ASCII or curly quotes read as guillemets")
    s = normalize_template(quoted.template, ctx)
    s, rykning = split_rykning(s)
    s = s.rstrip(" .")
    ops: list[Operation] = []
    for clause in split_clauses(s) if s else []:
        clause = clause.strip().rstrip(".").strip()
        hit = apply_rules(clause, ctx)
        if hit is None:
            return (), (*ctx.problems, _unparsed(source, clause))
        _, clause_ops = hit
        ops.extend(clause_ops)
        if ctx.last_targets:
            ctx.base = ctx.last_targets[0].address
    for m in rykning:
        # "I § 1, nr. 9, ophæves § 16, nr. 6. Nr. 7-18 bliver herefter nr. 6-17.": the numbers of the item's text
        ops.extend(ChangeOfItem(ctx.item, r, ctx.source) if ctx.item else r for r in _renumber(m, ctx))
    if not ops:
        return (), (*ctx.problems, _unparsed(source, s))
    return tuple(ops), tuple(ctx.problems)


# Formulas understood but not read into operations, because no operation says them exactly (a guess would
# be a silent wrong §): the refusal names the convention. Every row is real.
_REFUSED: tuple[tuple[regex.Pattern[str], str], ...] = (
    # "I første bog ændres »Sjette afsnit. Advokater« til: »Syvende afsnit. Advokater«." (LOV 404/2010)
    (regex.compile(r"I\s+\w+\s+bog\s+(?:ændres|udgår|indsættes)\b", regex.I),
     "a change in a 'bog' of the act, a level the document model does not have"),
    # "I § 9 a, stk. , indsættes som nr. 4:" when no earlier item of the block names that § with a stk. (LOV 1563/2016
    # § 1, nr. 5, whose nr. 3 and 4 name § 9 a, stk. 1, is read: instructions/neighbours.py): a new unit needs its
    # place ("I § 30 B, stk. 1. pkt., indsættes efter »A«: »B«", LOV 1561/2010, changes words once in the § and is
    # read: formulas lost_number_text)
    (regex.compile(r"[^Q]*\bstk\.\s*(?:\d+\.\s*pkt\.|,)", regex.I),
     "a citation that lost a number ('stk. 1. pkt.', 'stk. ,')"),
    # "I overskriften til § 3, stk. 1, tabel A og B, ændres …" (LOV 1532/2014: one change in two parts), "§ 3, stk. 1,
    # tabelafsnit A, affattes således: »…«" (LOV 540/2015: a new section); a change of words made once in a part is
    # read (formulas unit_part_text)
    (regex.compile(r"[^Q]*\b(?:tabelafsnit|tabel|skemaet|skema)\b", regex.I),
     "a part of a table, which the document model does not divide"),
    # "Overskriften til kapitel 6 ophæves, og i stedet indsættes: »Kapitel 6 / Henstand ved ophør af skattepligt / § 17.
    # …«" (LOV 202/2015 § 4, nr. 1): new §§ in place of a kapitel's heading, where the old kapitel's §§ stand is not
    # said (a new heading and the one that opens the kapitel are read: formulas_headings.kapitel_heading_instead)
    (regex.compile(r"Overskriften\s+til\s+kapitel\s+[^Q␟]+ophæves␟og\s+i\s+stedet\s+indsættes\b", regex.I),
     "a quote in place of a kapitel's heading that is not its new heading and the heading that opens it "
     "(new §§ there: their place among the kapitel's §§ is not said)"),
    # "I bilag 1, liste A, indsættes som nr. 35: »35) …«" (LOV 247/2011), "Bilag 1, liste A, nr. 35, ophæves." (LOV
    # 1395/2012), "I bilag 1, A, indsættes før nr. 1 som nyt nummer: »1. Aktivt marked: …«" (LOV 738/2015 § 1, nr.
    # 178: part A of the bilag): a unit of a part of a bilag, which the document model does not divide
    (regex.compile(r"(?:I\s+)?bilag\s+\d+,\s+(?:liste|tabel|skema|(?-i:[A-Z])(?=,))\b[^Q]*"
                   r"\b(?:indsættes\s+(?:som\b|(?:før|efter)\s+nr\.)|ophæves\b)", regex.I),
     "a unit inside a part of a bilag ('liste A, nr. 35', 'A, … nr. 1'), which the document model does not divide"),
)


def _unparsed(source: Source, clause: str) -> Problem:
    why = next((reason for rx, reason in _REFUSED if rx.match(clause)), None)
    if why is not None:
        return Problem("UNPARSED_INSTRUCTION", f"refused: {why}: {clause!r}", "error", str(source))
    return Problem("UNPARSED_INSTRUCTION", f"instruction not understood: {clause!r}", "error", str(source))


def _renumber(m: regex.Match[str], ctx: Ctx) -> list[Operation]:
    level = _LEVELS[m["k"].lower()]
    olds, news = expand_labels(m["from"], level), expand_labels(m["to"], level)
    if len(olds) != len(news):
        ctx.warn("RYKNING_SHAPE", f"rykningsklausul maps {len(olds)} labels to {len(news)}")
        return []
    base = Address(((Level.PARAGRAF, normalize_label(m["p"])),)) if m["p"] else ctx.base or Address()
    parent = Address(tuple(st for st in base.steps if _RANK.get(st[0], 1) < _RANK[level] and st[0] is not Level.PKT))
    return [Renumber(parent.child(level, a), b, ctx.source) for a, b in zip(olds, news, strict=True)]
