"""Stage 1 (LexDania definition lists): the older laws' numbered definitions "1. Akseltryk: det
tryk, …" — the nr. printed with a full stop, the defined word in italics — that the XML of
Lovtidende marks as unlabelled Stk elements (a label Stk "1." + term, then a Stk with the
definition) → NR nodes under the stk that introduces them, so "§ 2, nr. 5" can be cited.

Real example: færdselsloven (LBK 1047/2011, LBK 1055/2012) § 2: "I denne lov forstås ved:" +
Stk "Par2_Stk1_2" = "1." "Akseltryk:" and Stk "Par2_Stk1_3" = "det tryk, der overføres til vejen
fra hjulene på en aksel." → nr. 1 "Akseltryk: det tryk, der overføres til vejen …".

Also (`definition_bodies`): a numbered definition whose defined term alone is the list item and whose
definition stands in the next, unnumbered element — selskabsloven (LBK 322/2011) § 5, stk. 1: Index
"17)" "Kapitalselskab:" then Exitus "Et anpartsselskab eller et aktieselskab, …" → nr. 17
"Kapitalselskab: Et anpartsselskab eller et aktieselskab, …", one unit as the law prints it (and as
LBK 610/2015 marks it: the term and its definition in one Indentatio), so that "I § 5, stk. 1, nr. 17,
…" and "indsættes som nr. 18" find the definition where it is.
"""

from __future__ import annotations

import regex

from lovkons.model.document import Kind, Node
from lovkons.parsers.node_factory import new_node

NR, LITRA, TEKST = Kind.NR, Kind.LITRA, Kind.TEKST

# ordered named table: the label line of one definition (a nr. with a full stop and the defined term)
DEFINITION_PATTERNS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    # "1. Akseltryk:", "16. Motorvej og motortrafikvej:", "5 a. Ladcykel:"
    (
        "numbered_term",
        regex.compile(
            r"""(?P<label> \d+ (?:\ ?[a-z])? ) \.\ (?P<term> [^:.]{1,80} : )""",
            regex.VERBOSE,
        ),
    ),
)


# a whole definition as an amending act quotes it: "»6. Førerret: retten til at føre motordrevet
# køretøj, hvortil der kræves kørekort, bortset fra lille knallert.«" (LOV 479/2011 § 1, nr. 1)
QUOTED_DEFINITION = regex.compile(
    r"""(?P<label> \d+ (?:\ ?[a-z])? ) \.\ (?P<text> [^:.]{1,80} : \s \S .* )""",
    regex.VERBOSE | regex.DOTALL,
)


# the list item that is only a defined term: "Kapitalselskab:", "Det centrale ledelsesorgan:"; its colon
# may be missing (LBK 322/2011 § 5, stk. 1, nr. 11 "Grænseoverskridende flytning af hjemsted", a slip LBK
# 610/2015 mends), never a list item's own ending ("," / ";" / "." / "og" / "eller")
_TERM = regex.compile(r"(?! .* \b (?:og|eller) $) [^:.,;]{1,80} :?", regex.VERBOSE)


def definition_bodies(intro: str, children: list[Node]) -> list[Node]:
    """The children of a unit whose text introduces definitions (ends with ":"), each nr. that is only a
    defined term joined with the unnumbered text after it (its definition) and the litra after that
    (årsregnskabsloven, LBK 323/2011 § 7, stk. 2, nr. 1 "Små virksomheder:" + "Virksomheder, som … to
    af følgende størrelsesgrænser:" + litra a-c), when they stand before the next nr. (or last, when the
    term has its colon); anything else as it was."""
    if not intro.endswith(":") or len(children) < 2 or all(kid.kind is not TEKST for kid in children):
        return children
    out: list[Node] = []
    i = 0
    while i < len(children):
        kid = children[i]
        body = children[i + 1] if i + 1 < len(children) else None
        end = i + 2
        while end < len(children) and children[end].kind is LITRA:
            end += 1
        after = children[end] if end < len(children) else None
        if (body is not None and kid.kind is NR and not kid.children and _TERM.fullmatch(kid.text)
                and body.kind is TEKST and not body.children and body.text and not body.text.startswith("|")
                and (after.kind is NR if after is not None else kid.text.endswith(":"))):
            out.append(kid.with_(text=f"{kid.text} {body.text}", children=children[i + 2:end]))
            i = end
            continue
        out.append(kid)
        i += 1
    return out


def quoted_definition(text: str) -> Node | None:
    """A new nr. of a definition list quoted with its full-stop number ("6. Førerret: …") as the NR
    node the XML reader makes of the same definition in the law; None for any other text."""
    m = QUOTED_DEFINITION.fullmatch(text)
    if m is None:
        return None
    return new_node(NR, label=m["label"], text=m["text"], id=f"nr{m['label'].replace(' ', '')}")


def _label_line(text: str) -> regex.Match[str] | None:
    for _name, pattern in DEFINITION_PATTERNS:
        m = pattern.fullmatch(text)
        if m is not None:
            return m
    return None


def _number(label: str) -> int:
    return int("".join(ch for ch in label if ch.isdigit()))


def numbered_definitions(stk: Node) -> Node:
    """The stk with its run of definition TEKST children read as NR nodes; unchanged unless the
    stk's own text introduces a list (ends with ":"), every child is TEKST, the first is the label
    line of nr. 1, each label line is followed by its definition and the numbers run 1, 2, 3 …
    (a lettered nr. "5 a." may stand after nr. 5)."""
    kids = stk.children
    if len(kids) < 2 or not stk.text.endswith(":") or kids[0].kind is not TEKST:
        return stk
    first = _label_line(kids[0].text)
    if first is None or first["label"] != "1":
        return stk
    items: list[tuple[str, list[str]]] = []  # (label, text parts)
    last = 0
    for kid in kids:
        if kid.kind is not TEKST or kid.children:
            return stk
        m = _label_line(kid.text)
        if m is not None:
            label = m["label"]
            n = _number(label)
            lettered = not label.isdigit()
            if not ((lettered and n == last) or (not lettered and n == last + 1)):
                return stk
            if items and len(items[-1][1]) < 2:
                return stk  # a label line with no definition after it
            last = n
            items.append((label, [m["term"]]))
        else:
            items[-1][1].append(kid.text)
    if len(items[-1][1]) < 2:
        return stk
    nrs = tuple(
        new_node(NR, label=label, text=" ".join(parts), id=f"{stk.id}-nr{label.replace(' ', '')}")
        for label, parts in items
    )
    return stk.with_(children=nrs)
