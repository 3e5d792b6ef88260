"""Stage 1 (parsers): one instruction clause (quotes lifted out as Q0, Q1 …) → edit operations.

The ordered table RULES is the grammar: the first rule whose pattern matches the whole clause (and
whose reader yields operations) wins. Every pattern is `regex.VERBOSE` with a comment per group; the
reader it names (formulas_text / formulas_units) quotes a real sentence of the formula in its docstring.
"""

from __future__ import annotations

import regex

from lovkons.model.edits import Operation
from lovkons.parsers.instructions import formulas_text as txt
from lovkons.parsers.instructions import formulas_units as units
from lovkons.parsers.instructions.context import Ctx, Rule
from lovkons.parsers.instructions.targets import COUNTS

__all__ = ["RULES", "Ctx", "apply_rules"]

# ------------------------------------------------------------------------- pieces of the formulas


def _q(name: str) -> str:
    """A quote placeholder "Q3" whose number is captured as group `name`."""
    return rf"Q(?P<{name}>\d+)"


# the document itself: "Overalt i loven", "i bekendtgørelsen"
_DOC = r"(?: bekendtgørelsen | loven | anordningen | regulativet )"
# an occurrence count: "to steder", "3 steder" (group cnt = the number word or digits)
_COUNT = rf"(?P<cnt> {'|'.join(COUNTS)} | \d+ ) \s+ steder"
# the target part before the verb: "§ 5, stk. 2, 1. pkt." (group t; read by targets.parse_targets)
_T = r"(?P<t> .+? )"
# what stands before the target: "I", or "To steder i", or nothing ("§ 5 ophæves")
_I = rf"(?: (?: {_COUNT} \s+ i | I | i ) \s+ )?"
# the kind of new unit: "som nyt stykke", "som nye numre" (group unit)
_UNIT_WORDS = r"(?P<unit> stykke | stykker | nummer | numre | litra | litraer | punktum | punktummer )"
# a kapitel or afsnit: "kapitel 4", "kapitel 12 a", "afsnit IV"
_CHAPTER = r"(?: kapitel | afsnit ) \s+ \w+ (?: \s+ \w (?![\w.]) )?"
# the unit an insertion is placed next to: "stk. 1", "nr. 3", "litra b", "2. pkt." (group anchor),
# maybe renamed by the same act: "stk. 3, der bliver stk. 4"
_ANCHOR = r"""
    (?P<anchor> (?: stk\. | nr\. | litra ) \s* \w+ (?: \s+ \w (?![\w.]) )?
              | \d+ \. \s* pkt\. )
    (?: ,? \s+ (?: der | som ) \s+ bliver \s+ [^,:]+? )?
    (?= [\s,:] )"""
# a new unit named by its number: "som stk. 4", "som nr. 10 og 11", "som 2. pkt.", "som 2. og 3. pkt." (group unit)
_NEW_UNIT = r"""
    (?P<unit> (?: stk\. | nr\. | litra ) \s* [\w\s,\-–]+?
            | \d+ \. \s* (?: (?: og | - | – ) \s* \d+ \. \s* )? pkt\. )"""
# the quoted payload at the end of a clause, after an optional colon: ": Q1" (group p)
_PAYLOAD = rf"\s* :? \s* {_q('p')}"
# one quote or a list of them: "Q2", "Q2, Q3 og Q4" (group rest)
_QUOTES = r"(?P<rest> Q\d+ (?: (?: , | \s+ og ) \s+ Q\d+ )* )"
# an act's own bilag as the new text: "… bilag 1 til denne bekendtgørelse"
_OWN_BILAG = r"bilag \s+ (?P<k>\S+) \s+ til \s+ denne \s+ (?: bekendtgørelse | lov | anordning )"
# the end of a repealed target and the start of its replacement: "ophæves, og i stedet indsættes"
# (clauses.normalize_template has joined them with ␟ so that the item is not split there)
_INSTEAD = r"ophæves ␟og \s+ i \s+ stedet \s+ indsættes"


def _rx(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.I | regex.V1 | regex.X)


# ------------------------------------------------------------------------------------ the table

RULES: tuple[tuple[str, regex.Pattern[str], Rule], ...] = (
    ("overalt_replace", _rx(rf"""
        Overalt \s+ i \s+ (?: {_DOC} | (?P<t> §.+? ) )   # the whole act, or "i § 5" (group t)
        (?: \s+ og \s+ bilag \s+ \S+ )?                 # "og bilag 1": the bilag goes with it
        ,? \s+ ændres \s+ (?P<rest> Q.+ )                # the substitutions: "Q0 til: Q1" (group rest)
        """), txt.overalt_replace),
    ("overalt_delete", _rx(rf"""
        Overalt \s+ i \s+ (?: {_DOC} | (?P<t> §.+? ) )   # the whole act, or "i § 5" (group t)
        ,? \s+ udgår \s+ {_QUOTES}                       # the texts that go (group rest)
        """), txt.overalt_delete),
    ("bilag_recast", _rx(rf"""
        Bilag \s+ (?P<n>\S+) \s+ affattes \s+ som \s+    # the target's bilag (group n)
        {_OWN_BILAG}                                     # … the amending act's bilag (group k)
        """), units.bilag_recast),
    ("bilag_insert", _rx(rf"""
        Som \s+ bilag \s+ (?P<n>\S+) \s+ indsættes \s+   # the new bilag's number (group n)
        {_OWN_BILAG}                                     # … the amending act's bilag (group k)
        """), units.bilag_insert),
    ("footnote_insert", _rx(rf"""
        Som \s+ fodnote \s+ til \s+ \w+ \s+ titel \s+ indsættes :? \s+ {_q('p')}  # the note text (group p)
        """), txt.footnote_insert),
    ("replace_text", _rx(rf"""
        {_I} {_T} ,? \s+ ændres \s+                      # "I § 5, stk. 2, ændres" (group t, maybe cnt)
        (?: {_COUNT} \s+ )?                              # "ændres to steder" (group cnt)
        (?: i \s+ (?P<sub> [^Q]+? ) \s+ )?               # "ændres i 2. pkt." narrows the targets (group sub)
        (?P<rest> Q\d+ .* )                              # the substitutions: "Q0 til: Q1" (group rest)
        """), txt.replace_text),
    ("delete_text", _rx(rf"""
        {_I} {_T} ,? \s+ udgår \s+                       # "I § 8, stk. 1, udgår" (group t, maybe cnt)
        (?: {_COUNT} \s+ )?                              # "udgår to steder" (group cnt)
        (?: i \s+ (?P<sub> [^Q]+? ) \s+ )?               # "udgår i 1. pkt." (group sub)
        {_QUOTES}                                        # the texts that go (group rest)
        """), txt.delete_text),
    ("insert_text", _rx(rf"""
        {_I} {_T} ,? \s+ indsættes \s+                   # "I § 2, nr. 7, indsættes" (group t, maybe cnt)
        (?: {_COUNT} \s+ )?                              # "indsættes to steder" (group cnt)
        (?: i \s+ (?P<sub> [^Q]+? ) \s+ )?               # "indsættes i 1. pkt." (group sub)
        (?P<pos> efter | før ) \s+ {_q('a')} :? \s+      # next to which text (groups pos, a)
        {_q('b')}                                        # the new text (group b)
        """), txt.insert_text),
    ("insert_unit_at", _rx(rf"""
        {_I} {_T} ,? \s+ indsættes \s+                   # "I § 41 indsættes" (group t)
        (?P<pos> efter | før ) \s+ {_ANCHOR} ,? \s*      # "efter stk. 1" (groups pos, anchor)
        (?: som \s+ (?: et \s+ )? (?: nyt | nye | ny ) \s+ {_UNIT_WORDS} (?: \s+ \S+ )? )?  # "som nyt stykke"
        {_PAYLOAD}                                       # the new unit (group p)
        """), units.insert_unit_at),
    ("insert_as", _rx(rf"""
        {_I} {_T} ,? \s+ indsættes \s+ som \s+           # "I § 2 indsættes som" (group t)
        (?P<nyt> nyt \s+ | ny \s+ )?                     # "som nyt stk. 2": before the old stk. 2 (group nyt)
        {_NEW_UNIT}                                      # "nr. 10", "2. pkt." (group unit)
        {_PAYLOAD}                                       # the new unit (group p)
        """), units.insert_as),
    ("insert_new_units", _rx(rf"""
        {_I} {_T} ,? \s+ indsættes \s+ som \s+           # "I § 3 indsættes som" (group t)
        (?: et \s+ )? (?: nyt | nye | ny ) \s+ {_UNIT_WORDS}  # "nye stykker" (group unit)
        {_PAYLOAD}                                       # the new units, at the end (group p)
        """), units.insert_new_units),
    ("repeal_object", _rx(rf"""
        I \s+ {_T} ,? \s+ ophæves \s+                    # "I § 33 ophæves" (group t)
        (?P<obj> (?: stk\. | nr\. | litra | \d+ \. \s* pkt ) .* )  # the unit that goes: "stk. 2" (group obj)
        """), units.repeal_object),
    ("insert_after_unit", _rx(rf"""
        (?P<pos> Efter | Før ) \s+ {_T} ,? \s+ indsættes  # "Efter § 134 indsættes" (groups pos, t)
        (?: \s+ som \s+ (?P<ovs> ny \s+ overskrift )     # "som ny overskrift": a heading alone (group ovs)
          | \s+ som \s+ (?: et \s+ )? (?: nyt | nye | ny ) \s+ {_UNIT_WORDS} )?  # "som nyt stykke" (group unit)
        (?: \s+ i \s+ (?P<cont> {_CHAPTER} ) )?          # "i kapitel 4": where the new § goes (group cont)
        (?: \s+ før \s+ {_CHAPTER} )?                    # "før kapitel 5": said, not needed
        (?: \s+ (?P<hpos> før | efter ) \s+ overskriften  # next to a heading (group hpos) …
            \s+ (?: Q\d+                                  # … quoted: "overskriften »Tilsyn«"
                  | (?: før | til ) \s+ (?P<hof> § \s* \d+ (?: \s* \w (?![\w.]) )? ) ) )?  # … "før § 66" (group hof)
        {_PAYLOAD}                                       # the new units (group p)
        """), units.insert_after_unit),
    ("heading_after_repeal", _rx(rf"""
        Efter \s+ {_T} \s+ udgår \s+ overskriften        # "Efter § 22 udgår overskriften" (group t)
        (?: \s+ Q\d+ )?                                  # the heading quoted
        """), units.heading_after_repeal),
    ("repeal_and_insert", _rx(rf"""
        (?: I \s+ )? {_T} ,? \s+ {_INSTEAD}              # "§ 155 ophæves, og i stedet indsættes" (group t)
        (?: \s+ som \s+ [^:Q]+?                          # "som stk. 2-5": said, the payload labels itself
          | \s+ i \s+ (?P<cont> {_CHAPTER} ) )?          # "i kapitel 7" (group cont)
        {_PAYLOAD}                                       # the new units (group p)
        """), units.repeal_and_insert),
    ("insert_as_clause", _rx(rf"""
        (?: og \s+ )? som \s+                            # "(…, og) som stk. 5 indsættes"
        (?P<unit> (?: stk\. | nr\. | litra ) \s* [\w\s\-–]+? | \d+ \. \s* pkt\. )  # the new unit (group unit)
        \s+ indsættes {_PAYLOAD}                         # the new text (group p)
        """), units.insert_as_clause),
    ("recast", _rx(rf"""
        {_T} ,? \s+ affattes \s+ således \s*             # "§ 42, stk. 1, affattes således" (group t)
        (?: (?P<dot> \. ) | : )?                         # "således." is a tolerated slip (group dot)
        \s* {_q('p')}                                    # the new text (group p)
        """), units.recast),
    ("repeal", _rx(rf"""
        {_T} ,? \s+ (?P<verb> ophæves | udgår )          # "§ 47, stk. 4 og 5, ophæves" (groups t, verb)
        """), units.repeal),
    ("insert_in_container", _rx(rf"""
        I \s+ (?P<cont> {_CHAPTER} )                     # "I kapitel 10" (group cont)
        \s+ efter \s+ overskriften \s+ Q\d+              # "efter overskriften »Administration m.v.«"
        \s+ indsættes \s+ (?P<pos> før | efter ) \s+ {_T}  # "indsættes før § 53" (groups pos, t)
        {_PAYLOAD}                                       # the new units (group p)
        """), units.insert_in_container),
    ("repeal_object_and_insert", _rx(rf"""
        I \s+ {_T} ,? \s+ ophæves \s+                    # "I § 7, stk. 2, ophæves" (group t)
        (?P<obj> (?: stk\. | nr\. | litra | \d+ \. ) .*? ) ,?  # "2. pkt." (group obj)
        ␟og \s+ i \s+ stedet \s+ indsættes               # ", og i stedet indsættes"
        {_PAYLOAD}                                       # the new text (group p)
        """), units.repeal_object_and_insert),
    # continuations of the same item: the targets of the previous clause
    ("delete_more", _rx(rf"""
        {_QUOTES} \s+ udgår                              # "og »A« udgår" (group rest)
        """), txt.delete_more),
    ("delete_next_to_more", _rx(rf"""
        (?P<pos> efter | før ) \s+ {_q('a')}             # "og efter »tilsyn med«" (groups pos, a)
        \s+ udgår \s+ {_q('b')}                          # "udgår »stedet eller«" (group b)
        """), txt.delete_next_to_more),
    ("insert_text_more", _rx(rf"""
        (?P<pos> efter | før ) \s+ {_q('a')} :?          # "efter »fjernkøling«:" (groups pos, a)
        \s+ indsættes :? \s+ {_q('b')}                   # "indsættes: »…«" (group b)
        """), txt.insert_text_more),
    ("substitution_more", _rx(rf"""
        {_q('a')} \s+ (?: ændres \s+ )?                  # "og »landet og« ændres" (group a)
        (?: {_COUNT} \s+ )?                              # "to steder" (group cnt)
        til :? \s+ {_q('b')}                             # "til: »landet,«" (group b)
        """), txt.substitution_more),
)


def apply_rules(clause: str, ctx: Ctx) -> tuple[str, list[Operation]] | None:
    """Try the rules in order; the first that matches the whole clause and yields operations wins."""
    for name, rx, rule in RULES:
        m = rx.fullmatch(clause)
        if not m:
            continue
        try:
            ops = rule(m, ctx)
        except ValueError:  # TargetError / substitution shape: try the next rule
            continue
        if ops:
            return name, ops
    return None
