"""Stage 0 (model): edit operations read from amending documents, as small frozen values.

Each class quotes the Danish formula it stands for. The instruction parser produces them, the
amender applies them, the JSON renderer prints them in the contract's Operation shape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from lovkons.model.document import Address, Meta, Node, Problem, Source
from lovkons.model.pickling import pickled_as_tuple

Count = int | Literal["all"]
Position = Literal["after", "before", "end"]


@dataclass(frozen=True, slots=True)
class ReplaceText:
    """`I § 3, stk. 2, ændres »A« til: »B«.` (count 2 for "To steder i", "all" for "Overalt").

    `exceptions`: the units left as they are by "Overalt i loven bortset fra § 8, stk. 8, ændres »A« til: »B«"
    (LOV 395/2016 § 3, nr. 1); a punktum ("bortset fra i § 49, stk. 2, 1. pkt.") keeps only that punktum.

    `nth`: "I … § 55, 2. pkt. og 3. pkt. første gang, … ændres »A« til: »B«" (LOV 627/2016 § 1, nr. 7): in that
    unit only the first occurrence of A is changed (the unit must hold at least that many); `count` is then
    not used. Left out of repr: the reading of every other operation stays byte-identical (bench gates)."""

    target: Address
    old: str
    new: str
    count: Count = 1
    source: Source | None = None
    exceptions: tuple[Address, ...] = ()
    nth: int | None = field(default=None, repr=False)  # "3. pkt. første gang": only that occurrence (docstring)
    op: str = field(default="replace_text", init=False)


@dataclass(frozen=True, slots=True)
class InsertText:
    """`I § 2, nr. 7, indsættes efter »A«: »B«.` (position "after") / `indsættes før »A«: »B«`."""

    target: Address
    anchor: str
    new: str
    position: Position = "after"
    count: Count = 1
    source: Source | None = None
    exceptions: tuple[Address, ...] = ()  # "Overalt i loven bortset fra … indsættes efter »A«: »B«" (see ReplaceText)
    nth: int | None = field(default=None, repr=False)  # "første gang" (see ReplaceText)
    op: str = field(default="insert_text", init=False)


@dataclass(frozen=True, slots=True)
class DeleteText:
    """`I § 8, stk. 1, udgår »75 pct.«.`"""

    target: Address
    old: str
    count: Count = 1
    source: Source | None = None
    exceptions: tuple[Address, ...] = ()  # "Overalt i loven bortset fra … udgår »A«" (see ReplaceText)
    nth: int | None = field(default=None, repr=False)  # "første gang" (see ReplaceText)
    op: str = field(default="delete_text", init=False)


@dataclass(frozen=True, slots=True)
class Replace:
    """`§ 5 affattes således: »§ 5. …«` — nyaffattelse of any unit (also title, indledning,
    heading, bilag). `payload` holds the parsed new units; for title/indledning/heading/pkt. the
    new text is in `new`."""

    target: Address
    payload: tuple[Node, ...] = ()
    new: str | None = None
    source: Source | None = None
    op: str = field(default="replace", init=False)


@dataclass(frozen=True, slots=True)
class Repeal:
    """`§ 7 ophæves.` / `I § 33 ophæves stk. 2.` / `Overskriften før § 10 ophæves.`

    `group` names the other targets repealed by the same item ("§§ 7-9 ophæves"): headings
    between them go too, the heading before the first stays."""

    target: Address
    group: tuple[Address, ...] = ()
    source: Source | None = None
    # "§§ 62-62 c ophæves": (first, last) of each range whose members the document decides; every live §
    # standing between them goes too (62 a, 62 b). Empty: the group is complete as written.
    spans: tuple[tuple[Address, Address], ...] = ()
    # "I kapitel 5 ophæves overskriften »Udpegning af drikkevandsforekomster«" (LOV 1631/2013): the heading's words
    # as the act quotes them; the repeal is refused when the heading reads otherwise
    words: str | None = None
    op: str = field(default="repeal", init=False)


@dataclass(frozen=True, slots=True)
class Insert:
    """`Efter § 42 indsættes: »§ 42 a. …«` / `I § 41 indsættes efter stk. 1 som nyt stykke: »…«`
    / `I § 2 indsættes som nr. 10: »10) …«` / `I § 42 indsættes som 4. pkt.: »…«`.

    `target` is the anchor ("after"/"before") or, with position "end", the container. `container`
    holds a placement word ("i kapitel 13", "i afsnit IV"); `heading` says where to stand relative
    to "overskriften før § M": "before_heading" or "after_heading" (with `heading_of` = § M)."""

    target: Address
    payload: tuple[Node, ...] = ()
    position: Position = "after"
    new: str | None = None  # new punktum text for pkt. insertions
    container: Address | None = None
    heading: str | None = None
    heading_of: Address | None = None
    source: Source | None = None
    op: str = field(default="insert", init=False)


@dataclass(frozen=True, slots=True)
class RepealAndInsert:
    """`§ 155 ophæves, og i stedet indsættes: »§ 155. … § 155 a. …«` (with `container` for
    "…, og i stedet indsættes i kapitel 7: »…«": the new units go into that kapitel)."""

    target: Address
    payload: tuple[Node, ...] = ()
    group: tuple[Address, ...] = ()
    new: str | None = None
    source: Source | None = None
    container: Address | None = None  # "…, og i stedet indsættes i kapitel 7"
    spans: tuple[tuple[Address, Address], ...] = ()  # "§§ 223 a-231 ophæves, og i stedet indsættes" (see Repeal)
    op: str = field(default="repeal_and_insert", init=False)


@dataclass(frozen=True, slots=True)
class Renumber:
    """`Stk. 2 og 3 bliver herefter stk. 3 og 4.` / `…, der bliver stk. 4,` — an assertion the
    amender checks against its own renumbering; never the only source of renumbering."""

    target: Address  # the unit by its label before the order
    new_label: str
    source: Source | None = None
    op: str = field(default="renumber", init=False)


@dataclass(frozen=True, slots=True)
class ReplaceBilag:
    """`Bilag 2 affattes som bilag 1 til denne bekendtgørelse.` / `Som bilag 2 indsættes bilag 1
    til denne bekendtgørelse.` — payload is the amending document's own bilag, resolved by the
    instruction parser (empty when it could not be found)."""

    target: Address
    payload: tuple[Node, ...] = ()
    insert: bool = False
    source: Source | None = None
    op: str = field(default="replace", init=False)


@dataclass(frozen=True, slots=True)
class Relabel:
    """`Kapitelbetegnelsen »Kapitel 5 a« ændres til: »Kapitel 5 b«.` (LOV 594/2011 § 85, nr. 5) — a kapitel (or
    afsnit) gets a new label; its heading and its units stay. Unlike Renumber an order, not an assertion."""

    target: Address
    new_label: str
    source: Source | None = None
    op: str = field(default="relabel", init=False)


@dataclass(frozen=True, slots=True)
class ChangeOfItem:
    """`I § 1, nr. 9, ophæves § 16, nr. 6.` in "I lov nr. 513 af 7. juni 2006 om ændring af opkrævningsloven …
    foretages følgende ændringer" (LOV 1560/2010 § 5, nr. 1): a change of a numbered change of an earlier amending
    act. `target` is that act's item (§ 1, nr. 9), `change` the operation on the text the item brings; its
    addresses are those of the act the item changes (§ 16, nr. 6 of opkrævningsloven). Applied to the item's
    new units before the item itself is applied, where the earlier act is at hand (amender.manifest)."""

    target: Address
    change: Operation
    source: Source | None = None
    op: str = field(default="change_of_item", init=False)


Operation = (
    ReplaceText | InsertText | DeleteText | Replace | Repeal | Insert | RepealAndInsert | Renumber | ReplaceBilag
    | ChangeOfItem | Relabel
)


@dataclass(frozen=True, slots=True)
class DocRef:
    """A cited document: "bekendtgørelse nr. 1676 af 19. december 2006 om …"."""

    kind: str | None  # "BEK", "LOV", "LBK"
    number: int | None
    date: dt.date | None
    title: str | None = None

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


@dataclass(frozen=True, slots=True)
class Item:
    """One numbered change (`1. I § 2, nr. 7, indsættes …`) with its operations."""

    number: int
    text: str
    operations: tuple[Operation, ...] = ()
    in_force: dt.date | None = None
    line: int | None = None
    # the later day the act says the change "har virkning fra" (LOV 433/2012 § 15, stk. 2: in force 1 July 2012,
    # § 10 has effect from 1 January 2013); an LBK of a day between may leave it out (history.timeline)
    effect: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ChangeBlock:
    """A § of an amending document whose opening cites a target ("I bekendtgørelse nr. … foretages
    følgende ændringer:")."""

    paragraf: str
    target: DocRef
    opening: str  # verbatim
    amended_by: tuple[DocRef, ...] = ()
    items: tuple[Item, ...] = ()
    heading: str | None = None  # ministry heading in omnibus laws


@dataclass(frozen=True, slots=True)
class Commencement:
    """`Bekendtgørelsen træder i kraft den 3. marts 2007.` — `applies_to` is "all" or an address
    of the amending document ("§ 1, nr. 4"); date None = undetermined (minister decides)."""

    date: dt.date | None
    applies_to: str
    text: str
    expires: dt.date | None = None  # "…, og ophæves den 1. juli 2013" (first day no longer in force)
    # True when `date` is the earliest possible day, not the known one: "dagen efter bekendtgørelsen
    # i Lovtidende" with the publication date missing from the document (the day after signing)
    earliest: bool = False


@dataclass(frozen=True, slots=True)
class Repeals:
    """`Bekendtgørelse nr. 1008 af 30. august 2015 om … ophæves.` — another document repealed."""

    target: DocRef
    text: str
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class AmendingDocument:
    meta: Meta
    changes: tuple[ChangeBlock, ...] = ()
    commencement: tuple[Commencement, ...] = ()
    repeals: tuple[Repeals, ...] = ()
    transitional: tuple[str, ...] = ()  # overgangsregler, kept as notes
    problems: tuple[Problem, ...] = ()


pickled_as_tuple(ReplaceText, InsertText, DeleteText, Replace, Repeal, Insert, RepealAndInsert, Renumber,  # the parse
                 ReplaceBilag, Relabel, ChangeOfItem, DocRef, Item, ChangeBlock, Commencement, Repeals,  # cache loads
                 AmendingDocument)  # them faster (model.pickling)
