"""Stage 1 (parsers): one instruction clause (quotes lifted out as Q0, Q1 …) → edit operations.

The ordered table RULES is the grammar: the first rule whose pattern matches the whole clause (and
whose reader yields operations) wins. Every pattern is `regex.VERBOSE` with a comment per group; the
reader it names (formulas_text / formulas_units; here the one rule that reads a narrowed clause through
the table again) quotes a real sentence of the formula in its docstring.
"""

from __future__ import annotations

import regex

from lovkons.model.edits import Operation
from lovkons.parsers.instructions import formulas_headings as headings
from lovkons.parsers.instructions import formulas_parts as parts
from lovkons.parsers.instructions import formulas_text as txt
from lovkons.parsers.instructions import formulas_units as units
from lovkons.parsers.instructions.context import Ctx, Rule
from lovkons.parsers.instructions.formulas_items import change_of_item
from lovkons.parsers.instructions.prefilter import Prefilter
from lovkons.parsers.instructions.targets import COUNTS

__all__ = ["RULES", "Ctx", "apply_rules"]

# ------------------------------------------------------------------------- pieces of the formulas


def _q(name: str) -> str:
    """A quote placeholder "Q3" whose number is captured as group `name`."""
    return rf"Q(?P<{name}>\d+)"


# the document itself: "Overalt i loven", "i bekendtgørelsen"
_DOC = r"(?: bekendtgørelsen | loven | anordningen | regulativet )"
# the units a change everywhere leaves alone: "bortset fra § 8, stk. 8,", "bortset fra i § 10" (group exc)
_EXCEPT = r"(?: \s+ bortset \s+ fra \s+ (?: i \s+ )? (?P<exc> §§? [^Q␟]+? ) )?"
# an occurrence count: "to steder", "3 steder" (group cnt = the number word or digits)
_COUNT = rf"(?P<cnt> {'|'.join(COUNTS)} | \d+ ) \s+ steder"
# the same after the verb: "ændres to steder", "indsættes i alt tre steder" (groups vcnt, valt)
_VCOUNT = rf"(?P<valt> i \s+ alt \s+ )? (?P<vcnt> {'|'.join(COUNTS)} | \d+ ) \s+ steder"
# the target part before the verb: "§ 5, stk. 2, 1. pkt." (group t; read by targets.parse_targets)
_T = r"(?P<t> .+? )"
# what stands before the target: "I", or "To steder i" (group cnt; it counts in the first target), or
# nothing ("§ 5 ophæves")
_I = rf"(?: (?: {_COUNT} \s+ i | I ) \s+ )?"
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
            | \d+ \. \s* (?: (?: , | og | - | – ) \s* \d+ \. \s* )* pkt\. )"""
# the label a new unit gets, said after its place: "som stk. 5", "som stk. 10-12", "som 4.-7. pkt." (group as)
_AS_LABEL = r"""(?P<as> (?: stk\. | nr\. | litra ) \s* \w+ (?: \s* [-–] \s* \w+ | \s+ og \s+ \w+ )?
                    | \d+ \. (?: \s* (?: , | og | - | – ) \s* \d+ \. )* \s* pkt\. )"""
# the quoted payload at the end of a clause, after an optional colon: ": Q1" (group p)
_PAYLOAD = rf"\s* :? \s* {_q('p')}"
# one quote or a list of them: "Q2", "Q2, Q3 og Q4" (group rest)
_QUOTES = r"(?P<rest> Q\d+ (?: (?: , | \s+ og ) \s+ Q\d+ )* )"
# a list of bilag numbers: "2", "1 a, 4 og 5", "1-3", "1 og bilag 2" (group named by the caller)
_BILAG_LIST = (r"(?P<{}> \w+ (?: \s+ [a-z] (?![\w.]) )? (?: (?: , | \s+ og | \s* [-–] ) \s* (?: bilag \s+ )?"
               r" \w+ (?: \s+ [a-z] (?![\w.]) )? )* )")
# an act's own bilag as the new text: "… bilag 1 til denne bekendtgørelse", "… bilag 1 og 2 til denne lov"
_OWN_BILAG = rf"bilag \s+ {_BILAG_LIST.format('k')} \s+ til \s+ denne \s+ (?: bekendtgørelse | lov | anordning )"
# next to a heading (group hpos), quoted ("før overskriften »Tilsyn«") or by its § ("før overskriften
# før § 66", "før overskrifterne før § 20"; group hof)
_BY_HEADING = r"""(?P<hpos> før | efter ) \s+ overskrift(?:en|erne)
    \s+ (?: Q\d+ | (?: før | til | for ) \s+ (?P<hof> § \s* \d+ (?: \s* \w (?![\w.]) )? ) )"""  # "for": LOV 1520/2014
# "§ 65 med tilhørende overskrift": the heading before the § goes with it (group wh; "overskrifter": each)
_WITH_HEADINGS = r"(?: \s+ med \s+ tilhørende \s+ (?P<wh> overskrift (?: er )? ) )?"
# the end of a repealed target and the start of its replacement: "ophæves, og i stedet indsættes"
# (clauses.normalize_template has joined them with ␟ so that the item is not split there)
_INSTEAD = r"ophæves ␟og \s+ i \s+ stedet \s+ indsættes"


def _rx(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.I | regex.V1 | regex.X)


# ------------------------------------------------------------------------------------ the table

RULES: tuple[tuple[str, regex.Pattern[str], Rule], ...] = (
    ("overalt_replace", _rx(rf"""
        Overalt \s+ i \s+ (?: {_DOC} | (?P<t> (?: § | kapitel | afsnit ) .+? ) )  # the act, "i § 5", "i kapitel 8 a"
        (?: \s+ og \s+ bilag \s+ \S+ )?                 # "og bilag 1": the bilag goes with it
        {_EXCEPT}                                        # "bortset fra § 8, stk. 8," (group exc)
        ,? \s+ ændres \s+ (?P<rest> Q.+ )                # the substitutions: "Q0 til: Q1" (group rest)
        """), txt.overalt_replace),
    ("overalt_delete", _rx(rf"""
        Overalt \s+ i \s+ (?: {_DOC} | (?P<t> (?: § | kapitel | afsnit ) .+? ) )  # the act, "i § 5" (group t)
        {_EXCEPT}                                        # "bortset fra § 8, stk. 8," (group exc)
        ,? \s+ udgår \s+ {_QUOTES}                       # the texts that go (group rest)
        """), txt.overalt_delete),
    ("overalt_insert", _rx(rf"""
        Overalt \s+ i \s+ (?: {_DOC} | (?P<t> (?: § | kapitel | afsnit ) .+? ) )  # the act, "i § 5" (group t)
        {_EXCEPT}                                        # "bortset fra § 6, stk. 4 og 11, …" (group exc)
        ,? \s+ indsættes \s+ (?P<pos> efter | før ) \s+   # "indsættes efter" (group pos)
        (?P<anchors> Q\d+ (?: (?: , | \s+ og ) \s+ Q\d+ )* ) :? \s+ {_q('b')}  # "»A«: »B«" (groups anchors, b)
        """), txt.overalt_insert),
    ("bilag_recast", _rx(rf"""
        (?: Lovens \s+ )? Bilag \s+ {_BILAG_LIST.format('n')} \s+ affattes \s+ som \s+  # the target's bilag (group n)
        {_OWN_BILAG}                                     # … the amending act's bilag (group k)
        """), units.bilag_recast),
    ("bilag_insert", _rx(rf"""
        (?: Som \s+ bilag \s+ {_BILAG_LIST.format('n')} (?: \s+ til \s+ {_DOC} )? \s+ indsættes \s+  # "Som bilag 2 (til
                                                         # loven) indsættes" (group n; LOV 594/2012)
          | Efter \s+ bilag \s+ \S+ \s+ indsættes \s+ bilag \s+ {_BILAG_LIST.format('n')}  # "Efter bilag 1 indsættes
            , \s+ der \s+ affattes \s+ som \s+ (?: henholdsvis \s+ )? )  # bilag 2 og 3, der affattes som …"
        {_OWN_BILAG}                                     # … the amending act's bilag (group k)
        """), units.bilag_insert),
    ("bilag_repeal_and_insert", _rx(rf"""
        (?: Lovens \s+ )? bilag \s+ {_BILAG_LIST.format('old')} \s+ {_INSTEAD} \s+  # "Bilag 1 ophæves, og i stedet
        bilag \s+ {_BILAG_LIST.format('n')}                # indsættes bilag 1 og 2" (groups old, n) …
        (?: , \s+ der \s+ affattes \s+ som \s+ bilag \s+ {_BILAG_LIST.format('k')} )?  # "…, der affattes som bilag 1-3
        \s+ til \s+ denne \s+ (?: bekendtgørelse | lov | anordning )  # til denne lov" (group k; else the same)
        """), units.bilag_repeal_and_insert),
    ("bilag_insert_quoted", _rx(rf"""
        (?: Som \s+ bilag \s+ (?P<n> \w+ (?: \s+ [a-z] (?![\w.]) )? ) \s+ indsættes  # "Som bilag 2 indsættes" (group n)
          | Efter \s+ bilag \s+ \S+ \s+ indsættes \s+ som \s+ bilag \s+ (?P<n> \w+ (?: \s+ [a-z] (?![\w.]) )? ) )
        {_PAYLOAD}                                       # "Efter bilag 3 indsættes som bilag 3 a: »…«" (group p)
        """), units.bilag_insert_quoted),
    ("relabel_chapter", _rx(rf"""
        (?: Kapitel | Afsnit ) betegnelsen \s+ {_q('a')}   # "Kapitelbetegnelsen »Kapitel 5 a«" (group a)
        \s+ ændres \s+ til :? \s+ {_q('b')} \.?            # "ændres til: »Kapitel 5 b«." (group b)
        """), headings.relabel_chapter),
    ("footnote_insert", _rx(rf"""
        Som \s+ fodnote (?: \s+ (?: nr\. \s* )? \d+ )? \s+ til \s+ \w+ \s+ titel  # "Som fodnote (nr.) (2) til lovens titel"
        \s+ indsættes :? \s+ {_q('p')}                   # the note text (group p)
        """), txt.footnote_insert),
    ("change_of_item", _rx(r"""
        I \s+ (?P<item> § \s* \d+ (?: \s* [a-z] (?![\w.]) )? , \s+ nr\. \s* \d+ ) , \s+  # "I § 1, nr. 9,": an item of an
                                                         # earlier amending act (group item) …
        (?P<inner> (?: ophæves | udgår | indsættes | ændres | affattes ) \s+  # … the verb first, then a § of the
                   (?: (?: i | efter | før ) \s+ )? (?: \w+s \s+ )? § .+ )  # item's text: "ophæves § 16, nr. 6" (inner)
        """), change_of_item),
    ("replace_text", _rx(rf"""
        {_I} {_T} ,? \s+ ændres \s+                      # "I § 5, stk. 2, ændres" (group t, maybe cnt)
        (?: {_VCOUNT} \s+ )?                             # "ændres to steder" (groups vcnt, valt)
        (?: i \s+ (?P<sub> [^Q]+? ) \s+ )?               # "ændres i 2. pkt." narrows the targets (group sub)
        (?P<rest> Q\d+ .* )                              # the substitutions: "Q0 til: Q1" (group rest)
        """), txt.replace_text),
    ("delete_text", _rx(rf"""
        {_I} {_T} ,? \s+ udgår \s+                       # "I § 8, stk. 1, udgår" (group t, maybe cnt)
        (?: {_VCOUNT} \s+ )?                             # "udgår to steder" (groups vcnt, valt)
        (?: i \s+ (?P<sub> [^Q]+? ) \s+ )?               # "udgår i 1. pkt." (group sub)
        {_QUOTES}                                        # the texts that go (group rest)
        (?: \s+ {_VCOUNT} )?                             # "udgår »§ 146 a, stk. 2,« to steder"
        """), txt.delete_text),
    ("replace_text_instead", _rx(rf"""
        {_I} {_T} ,? \s+ udgår \s+ {_q('a')}             # "I § 75, stk. 3, 1. pkt., udgår », der har«" (groups t, a)
        ␟og \s+ i \s+ stedet \s+ indsættes :? \s+ {_q('b')}  # ", og i stedet indsættes: »…«" (group b)
        """), txt.replace_text_instead),
    ("insert_text", _rx(rf"""
        {_I} {_T} ,? \s+ indsættes \s+                   # "I § 2, nr. 7, indsættes" (group t, maybe cnt)
        (?: {_VCOUNT} \s+ )?                             # "indsættes i alt tre steder" (groups vcnt, valt)
        (?: i \s+ (?P<sub> [^Q]+? ) \s+ )?               # "indsættes i 1. pkt." (group sub)
        (?P<pos> efter | før ) \s+                        # next to which text (group pos) …
        (?P<anchors> Q\d+ (?: (?: , | \s+ og ) \s+ (?: efter \s+ )? Q\d+ )* )  # … "»A«", "»A« og (efter) »B«"
        (?: \s+ {_VCOUNT} )? :? \s+                      # "efter »A« to steder:" (groups anchors, vcnt)
        {_q('b')}                                        # the new text (group b)
        """), txt.insert_text),
    ("insert_unit_at", _rx(rf"""
        {_I} {_T} ,? \s+ indsættes \s+                   # "I § 41 indsættes" (group t)
        (?P<pos> efter | før ) \s+ {_ANCHOR} ,? \s*      # "efter stk. 1" (groups pos, anchor)
        (?: som \s+ (?: et \s+ )? (?: nyt | nye | ny ) \s+ {_UNIT_WORDS} (?: \s+ \S+ )?  # "som nyt stykke"
          | som \s+ {_AS_LABEL} )?                       # "efter stk. 2, der bliver stk. 4, som stk. 5" (said)
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
        (?P<obj> (?: stk\. | nr\. | litra | \d+ \. (?: \s* (?: , | og | - | – ) \s* \d+ \. )* \s* pkt ) .* )  # "stk. 2",
                                                         # "3. og 4. pkt." (group obj)
        """), units.repeal_object),
    ("repeal_quoted_unit", _rx(rf"""
        I \s+ {_T} ,? \s+ ophæves \s+ {_q('p')}          # "I § 289, stk. 1, ophæves »6) …«" (groups t, p)
        """), units.repeal_quoted_unit),
    ("insert_after_unit", _rx(rf"""
        (?P<pos> Efter | Før ) \s+ {_T}                   # "Efter § 134" (groups pos, t)
        (?: \s+ og \s+ {_BY_HEADING} )?                  # "Efter § 14 og før overskriften »…« indsættes"
        ,? \s+ indsættes
        (?: \s+ som \s+ (?P<ovs> (?: ny \s+ )? overskrift )  # "som (ny) overskrift": a heading alone (group ovs)
          | \s+ som \s+ {_AS_LABEL}                      # "Efter § 13, stk. 7, indsættes som stk. 8" (group as)
          | \s+ som \s+ (?: et \s+ )? (?: nyt | nye | ny ) \s+   # "som nyt stykke" (group unit),
            (?: {_UNIT_WORDS} | kapitel | afsnit | paragraf )  # "som nyt kapitel: »Kapitel 71 a … § 781 a. …«"
          | \s+ i \s+ (?P<cont> {_CHAPTER} )              # "i kapitel 4": where the new § goes (group cont)
          | \s+ før \s+ {_CHAPTER}                        # "før kapitel 5": said, not needed
          | \s+ {_BY_HEADING} )*                          # "før overskriften før § 66" (groups hpos, hof)
        {_PAYLOAD}                                       # the new units (group p)
        """), units.insert_after_unit),
    ("heading_after_repeal", _rx(rf"""
        Efter \s+ {_T} \s+ udgår \s+ overskriften        # "Efter § 22 udgår overskriften" (group t)
        (?: \s+ Q\d+ )?                                  # the heading quoted
        """), headings.heading_after_repeal),
    ("repeal_and_insert", _rx(rf"""
        (?: I \s+ )? {_T} {_WITH_HEADINGS} ,? \s+ {_INSTEAD}  # "§ 155 ophæves, og i stedet indsættes" (group t)
        (?: \s+ som \s+ [^:Q]+?                          # "som stk. 2-5": said, the payload labels itself
          | \s+ i \s+ (?P<cont> {_CHAPTER} ) )?          # "i kapitel 7" (group cont)
        {_PAYLOAD}                                       # the new units (group p)
        """), units.repeal_and_insert),
    ("repeal_and_insert_elsewhere", _rx(rf"""
        {_T} ,? \s+ {_INSTEAD} \s+                        # "Kapitel 12 a ophæves, og i stedet indsættes" (group t)
        (?P<pos> efter | før ) \s+                       # "efter § 85 b", "efter kapitel 2" (groups pos, at)
        (?P<at> § \s* \d+ (?: \s* [a-z] (?![\w.]) )? | (?P<chapter> {_CHAPTER} ) )
        (?: \s+ i \s+ (?P<cont> {_CHAPTER} ) )?          # "i kapitel 12" (group cont)
        (?(chapter) \s+ som \s+ nyt \s+ kapitel (?: \s+ (?: før | efter ) \s+ {_CHAPTER} )? )  # "som nyt kapitel
                                                         # før afsnit II" (said by the new text itself)
        {_PAYLOAD}                                       # the new §§ or kapitel (group p)
        """), units.repeal_and_insert_elsewhere),
    ("insert_as_paragraf", _rx(rf"""
        Som \s+ (?P<t> § \s* \d+ (?: \s* [a-z] (?![\w.]) )? ) \s+ indsættes  # "Som § 23 indsættes" (group t)
        {_PAYLOAD}                                       # "»§ 23. …«" (group p)
        """), units.insert_as_paragraf),
    ("insert_as_clause", _rx(rf"""
        (?: og \s+ )? som \s+                            # "(…, og) som stk. 5 indsættes"
        (?P<unit> (?: stk\. | nr\. | litra ) \s* [\w\s\-–]+?  # the new unit: "stk. 5", "2.-4. pkt." (group unit)
                | \d+ \. \s* (?: (?: , | og | - | – ) \s* \d+ \. \s* )* pkt\. )
        \s+ indsættes {_PAYLOAD}                         # the new text (group p)
        """), units.insert_as_clause),
    ("recast", _rx(rf"""
        {_T} {_WITH_HEADINGS} ,? \s+ affattes \s+ således \s*  # "§ 42, stk. 1, affattes således" (group t)
        (?: (?P<dot> \. ) | : )?                         # "således." is a tolerated slip (group dot)
        \s* {_q('p')}                                    # the new text (group p)
        """), units.recast),
    ("repeal", _rx(rf"""
        {_T} {_WITH_HEADINGS} ,? \s+ (?P<verb> ophæves | udgår )  # "§ 47, stk. 4 og 5, ophæves" (groups t, verb)
        """), units.repeal),
    ("insert_in_container", _rx(rf"""
        I \s+ (?P<cont> {_CHAPTER} )                     # "I kapitel 10" (group cont)
        (?P<aft> \s+ efter \s+ overskriften \s+ Q\d+ )?  # "efter overskriften »Administration m.v.«" (group aft)
        \s+ indsættes \s+ (?P<pos> før | efter ) \s+ {_T}  # "indsættes før § 53" (groups pos, t)
        {_PAYLOAD}                                       # the new units (group p)
        """), units.insert_in_container),
    ("insert_after_chapter_heading", _rx(rf"""
        Efter \s+ overskriften \s+ til \s+ (?P<cont> {_CHAPTER} )  # "Efter overskriften til kapitel 13" (group cont)
        \s+ indsættes \s+ før \s+ {_T}                   # "indsættes før § 69" (group t)
        {_PAYLOAD}                                       # a heading or new §§ (group p)
        """), units.insert_after_chapter_heading),
    ("repeal_object_and_insert", _rx(rf"""
        I \s+ {_T} ,? \s+ ophæves \s+                    # "I § 7, stk. 2, ophæves" (group t)
        (?P<obj> (?: stk\. | nr\. | litra | \d+ \. ) .*? ) ,?  # "2. pkt." (group obj)
        ␟og \s+ i \s+ stedet \s+ indsættes               # ", og i stedet indsættes"
        {_PAYLOAD}                                       # the new text (group p)
        """), units.repeal_object_and_insert),
    ("bilag_part_text", _rx(r"""
        I \s+ (?: lovens \s+ )? bilag \s+ (?P<n> \d+ (?: \s+ [a-z] (?![\w.]) )? | [A-Z] (?![\w.]) )  # "I bilag 1" (group n)
        (?P<part> (?: ,? \s+ (?! ændres | udgår | indsættes ) [^Q␟]+? )+ ) ,?  # ", liste A, nr. 22" (group part)
        \s+ (?P<verb> ændres | udgår | indsættes ) \s+ (?P<rest> .* )   # "ændres »A« til: »B«" (groups verb, rest)
        """), parts.bilag_part_text),
    ("bilag_part_text_after", _rx(r"""
        I \s+ (?: lovens \s+ )? bilag \s+ (?P<n> \d+ (?: \s+ [a-z] (?![\w.]) )? )  # "I bilag 2" (group n)
        \s+ (?P<verb> ændres | udgår ) \s+ i \s+       # "ændres i" (group verb) …
        (?P<part> \d+ \. \s+ afsnit )                   # … "2. afsnit": a paragraph of the bilag (group part)
        \s+ (?P<rest> Q\d+ .* )                          # "»A« til: »B«" (group rest)
        """), parts.bilag_part_text),
    ("unit_part_text", _rx(r"""
        I \s+ (?P<t> § [^Q␟]+? ) , \s+                   # "I § 4, stk. 1," (group t)
        (?P<part> tabelafsnit \s+ (?-i: [A-Z] )          # "tabelafsnit D": a section of a table,
                | (?-i: [IVX]+ , \s+ [A-Z] )              # "II, A": one of a table's divisions,
                | sidste \s+ (?: pkt\. | punktum ) ) ,? \s+  # "sidste pkt.": no number to address (group part)
        (?P<verb> ændres | udgår ) \s+ (?P<rest> Q\d+ .* )  # "ændres »560« til: »570«" (groups verb, rest)
        """), parts.unit_part_text),
    ("table_heading_text", _rx(r"""
        I \s+ overskrift (?: en | erne ) \s+ til \s+ (?P<t> § [^Q␟]+? ) , \s+  # "I overskriften til § 3, stk. 1," (t)
        (?P<part> tabel (?: lerne )? \s+ (?P<tables> (?-i: [A-Z] ) (?: (?: , | \s+ og ) \s+ (?-i: [A-Z] ) )* ) ) ,? \s+
                                                         # "tabel A og B": the tables whose headings (groups part, tables)
        (?P<verb> ændres | udgår ) \s+ (?P<rest> Q\d+ .* )  # "ændres »personbiler m.v.« til: »biler m.v.«"
        """), parts.table_heading_text),
    ("lost_number_text", _rx(r"""
        I \s+ (?P<t> § \s* \d+ (?: \s* [A-Za-z] (?![\w.]) )? ) , \s+  # "I § 30 B," (group t): the unit certainly meant
        (?P<part> stk\. \s* \d+ \. \s* pkt\. | stk\. \s* , ) ,? \s+  # "stk. 1. pkt.": a number lost (group part)
        (?P<verb> ændres | udgår | indsættes ) \s+ (?P<rest> (?: efter | før ) \s+ Q\d+ .* | Q\d+ .* )  # (groups verb, rest)
        """), parts.lost_number_text),
    ("unit_part_text_after", _rx(r"""
        I \s+ (?P<t> § [^Q␟]+? ) ,? \s+                  # "I § 6, stk. 2," (group t)
        (?P<verb> ændres | udgår ) \s+ i \s+             # "ændres i" (group verb) …
        (?P<part> skemaet \s+ med \s+ titlen \s+ [^Q␟]+? )  # … "skemaet med titlen Øvrige skibe" (group part)
        \s+ (?P<rest> Q\d+ .* )                          # "»A« til: »B«" (group rest)
        """), parts.unit_part_text),
    ("heading_named_replace", _rx(r"""
        (?P<t> Overskrift (?: en | erne )? \s+ (?: før | til ) \s+ [^Q␟]+? )  # "Overskriften før §§ 36 og 36 a" (t)
        ,? \s+ Q(?P<a>\d+) ,? \s+                        # ", »Definitioner af tobaksvarer m.v.«," (group a)
        ændres \s+ til :? \s+ Q(?P<b>\d+)                # "ændres til: »…«" (group b)
        """), txt.heading_named_replace),
    ("heading_between_replace", _rx(r"""
        Overskriften \s+ efter \s+ (?P<t> § \s* \d+ (?: \s* [a-z] (?![\w.]) )? ) \s+  # "Overskriften efter § 61" (t)
        før \s+ overskriften \s+ (?: til | før ) \s+ (?P<n> § \s* \d+ (?: \s* [a-z] (?![\w.]) )? ) \s+  # "før
                                                         # overskriften til § 62": § 62's own stays (group n)
        affattes \s+ således :? \s+ Q(?P<p>\d+)           # the new words (group p)
        """), headings.heading_between_replace),
    ("repeal_quoted_heading", _rx(rf"""
        I \s+ {_CHAPTER} \s+ ophæves \s+ overskriften \s+ Q(?P<h>\d+)  # "I kapitel 5 ophæves overskriften »…«" (group h)
        ␟og \s+ (?P<t> § \s* \d+ (?: \s* [a-z] (?![\w.]) )? ) \s+ ophæves  # ", og § 8 ophæves" (joined; group t)
        """), headings.repeal_quoted_heading),
    ("repeal_in_container", _rx(rf"""
        I \s+ {_CHAPTER} \s+ (?P<verb> ophæves ) \s+      # "I kapitel 4 a ophæves" (group verb)
        (?P<t> §§? [^Q␟]+? ) {_WITH_HEADINGS}             # "§§ 24-24 c og 24 e-24 j med tilhørende overskrifter"
        (?: \s+ og \s+ overskriften \s+ (?: til | før ) \s+  # "og overskriften til § 24 d" (group hof)
            (?P<hof> § \s* \d+ (?: \s* [a-z] (?![\w.]) )? ) )?
        """), units.repeal_in_container),
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
    ("sub_substitution_more", _rx(r"""
        i \s+ (?P<sub> \d+ \. \s* pkt\. ) \s+               # "(…, og) i 2. pkt." (group sub) …
        (?P<rest> Q\d+ \s+ til :? \s+ Q\d+ )              # … "»§ 126, stk. 1,« til: »§ 126,«" (group rest)
        """), txt.sub_substitution_more),
    ("substitutions_more", _rx(r"""
        (?P<rest> (?: (?: i \s+ alt \s+ )? \w+ \s+ sted (?: er )? \s+ | ændres \s+ )*  # "(og) to steder ændres" …
                  Q\d+ .* )                              # … "»A« til: »B«" (group rest; a substitution list)
        """), txt.substitutions_more),
    ("insert_text_counted_more", _rx(rf"""
        {_VCOUNT} \s+ indsættes \s+                     # "(…, og) to steder indsættes" (groups vcnt, valt)
        (?P<pos> efter | før ) \s+ {_q('a')} :? \s* {_q('b')}  # "efter »koncernen«: »eller gruppen«" (groups pos, a, b)
        """), txt.insert_text_counted_more),
    ("insert_text_next", _rx(rf"""
        (?P<pos> efter | før ) \s+ {_q('a')} :           # "(… og) efter »fra platformene«:" (groups pos, a)
        \s* {_q('b')}                                    # "»eller rørledningerne«" (group b)
        """), txt.insert_text_more),
)


# the text each rule's pattern cannot match without ("indsættes", "ophæves" or "udgår"): a rule whose
# text the clause lacks is not tried (prefilter.required; the same results, fewer patterns run)
_PREFILTER = Prefilter([rx for _, rx, _ in RULES])


def apply_rules(clause: str, ctx: Ctx) -> tuple[str, list[Operation]] | None:
    """Try the rules in order; the first that matches the whole clause and yields operations wins."""
    for i in _PREFILTER.candidates(clause):
        name, rx, rule = RULES[i]
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
