"""Stage 0 (model): the frozen document tree, sources and problems shared by every stage.

Nodes are immutable; every version of a document is a new tree that shares unchanged subtrees with
the previous one, so "did this provision change?" is `==`. Addresses live in `model.address`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum

from lovkons.model.address import Address, AddressError, Level, normalize_label, parse_address
from lovkons.model.pickling import pickled_as_tuple

# re-exported: every stage imports the address names from the model
from lovkons.model.problems import is_registered

__all__ = [
    "Address",
    "AddressError",
    "Document",
    "Kind",
    "Level",
    "LovkonsError",
    "Meta",
    "Node",
    "ParseResult",
    "Problem",
    "Source",
    "display_label",
    "normalize_label",
    "one_line_text",
    "parse_address",
    "show_folder_as",
    "shown_path",
]


class Kind(StrEnum):
    """The node kinds, in the order of the legal hierarchy (Danish names, as cited)."""

    DOKUMENT = "dokument"
    AFSNIT = "afsnit"
    KAPITEL = "kapitel"
    OVERSKRIFT = "overskrift"  # mellemoverskrift: a heading standing before a §
    PARAGRAF = "paragraf"
    STK = "stk"
    NR = "nr"
    LITRA = "litra"
    TEKST = "tekst"  # free text: a bilag's body, text after a list, a table rendered as text
    BILAG = "bilag"
    UNDERSKRIFT = "underskrift"
    NOTE = "note"  # editorial/official note (fodnote, "(Ophævet)" comments, Ikraft notes)


# the kinds of unit an address names by their own label (a heading, a note or a pkt. has none)
UNIT_LEVELS = {Kind.PARAGRAF: Level.PARAGRAF, Kind.STK: Level.STK, Kind.NR: Level.NR, Kind.LITRA: Level.LITRA,
               Kind.KAPITEL: Level.KAPITEL, Kind.AFSNIT: Level.AFSNIT, Kind.BILAG: Level.BILAG}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Source:
    """Where an edit (or a node's last change) comes from: "BEK 1072/2008 § 1, nr. 4"."""

    document: str  # "BEK 1072/2008", "LOV 341/2011"
    paragraf: str | None = None  # the amending document's own §, "1"
    item: int | None = None  # the numbered item (nr.) of the change block
    in_force: dt.date | None = None
    text: str = ""  # the instruction sentence, verbatim

    def __str__(self) -> str:
        out = self.document
        if self.paragraf is not None:
            out += f" § {self.paragraf}"
            if self.item is not None:
                out += f", nr. {self.item}"
        return out


@dataclass(frozen=True, slots=True)
class Node:
    """One unit of a legal text.

    `text` is the node's own text (for a stk. or nr. with a list: the introduction before the list),
    without label and without children. Punktummer (pkt.) are not nodes: they are the sentences of
    `text`, counted by `parsers.sentences.split_sentences`, so XML and text routes agree.
    `id` is a stable identity that survives renumbering (set by the parser from the original
    address, by the amender for inserted units). `changed_by` is the provenance of the last change.
    """

    kind: Kind
    label: str | None = None
    heading: str | None = None
    text: str = ""
    children: tuple[Node, ...] = ()
    repealed: bool = False
    id: str = ""
    changed_by: tuple[Source, ...] = ()

    def with_(self, **changes: object) -> Node:
        return replace(self, **changes)  # type: ignore[arg-type]

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # pickled as its field values, rebuilt by `_restore_node`: the parse cache stores whole
        # trees, and a frozen slots dataclass's own __getstate__/__setstate__ run Python per field
        return _restore_node, (self.kind, self.label, self.heading, self.text, self.children, self.repealed,
                               self.id, self.changed_by)  # fmt: skip

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, in document order (depth first)."""
        yield self
        if self.children:
            yield from _below(self.children)

    def full_text(self) -> str:
        """Own text plus all descendants' text, labels included, one unit per line."""
        parts = [self.text] if self.text else []
        for child in self.children:
            lbl = display_label(child)
            sub = child.full_text()
            parts.append(f"{lbl} {sub}".strip() if lbl else sub)
        return "\n".join(p for p in parts if p)


_new_object = object.__new__
_set_kind, _set_label, _set_heading, _set_text, _set_children, _set_repealed, _set_id, _set_changed_by = (
    Node.__dict__[name].__set__ for name in Node.__slots__  # the slot descriptors
)


def _restore_node(kind: Kind, label: str | None, heading: str | None, text: str, children: tuple[Node, ...],
                  repealed: bool, id: str, changed_by: tuple[Source, ...]) -> Node:
    """A Node from its field values in declaration order (what `Node.__reduce__` pickles)."""
    node: Node = _new_object(Node)
    _set_kind(node, kind)
    _set_label(node, label)
    _set_heading(node, heading)
    _set_text(node, text)
    _set_children(node, children)
    _set_repealed(node, repealed)
    _set_id(node, id)
    _set_changed_by(node, changed_by)
    return node


def _below(nodes: tuple[Node, ...]) -> Iterator[Node]:
    """`nodes` and their descendants in document order, with one stack instead of a generator per
    level (a recursive `yield from` passes every node up through each level above it)."""
    stack = list(reversed(nodes))
    pop, push = stack.pop, stack.extend
    while stack:
        node = pop()
        yield node
        if node.children:
            push(reversed(node.children))


_PARAGRAF = Kind.PARAGRAF


def display_label(node: Node) -> str:
    """The label as printed in running text: "§ 5 a.", "Stk. 2.", "3)", "a)"."""
    if node.label is None:
        return ""
    match node.kind:
        case Kind.PARAGRAF:
            return f"§ {node.label}."
        case Kind.STK:
            return "" if node.label == "1" else f"Stk. {node.label}."
        case Kind.NR | Kind.LITRA:
            return f"{node.label})"
        case Kind.KAPITEL:
            return f"Kapitel {node.label}"
        case Kind.AFSNIT:
            return f"Afsnit {node.label}"
        case Kind.BILAG:
            return f"Bilag {node.label}"
        case _:
            return node.label


@dataclass(frozen=True, slots=True)
class Meta:
    """Document metadata: kind is one of BEK, "BEK Æ", LOV, "LOV Æ", LBK, other."""

    kind: str = "other"
    number: int | None = None
    year: int | None = None
    date: dt.date | None = None  # date of signature (DiesSigni)
    title: str | None = None
    published: dt.date | None = None  # Lovtidende publication date, when known
    ministry: str | None = None
    source: str | None = None  # file path it was read from

    @property
    def short(self) -> str:
        """"BEK 1292/2007" (the usual short identifier) or the title when unnumbered."""
        if self.number is not None and self.year is not None:
            return f"{self.kind.split()[0]} {self.number}/{self.year}"
        return self.title or "(unknown document)"


@dataclass(frozen=True, slots=True)
class Document:
    meta: Meta
    preamble: str | None = None  # indledning ("I medfør af … fastsættes:") / hymne for laws
    children: tuple[Node, ...] = ()
    title_note: str | None = None  # EU-note to the title ("1) Bekendtgørelsen indeholder …")

    def with_(self, **changes: object) -> Document:
        return replace(self, **changes)  # type: ignore[arg-type]

    def walk(self) -> Iterator[Node]:
        """Every node, in document order (depth first)."""
        return _below(self.children)

    def paragraffer(self) -> list[Node]:
        return [n for n in _below(self.children) if n.kind is _PARAGRAF]

    def paragraf_count(self) -> int:
        """`len(self.paragraffer())` without walking inside the §§: no reader puts a § inside a §
        (a § quoted in an amending instruction is text of the instruction; checked over every
        corpus file and every document in tests/data, and by tests/test_paragraf_count.py), so the
        stk., nr. and litra below the §§, most of the nodes, need not be visited."""
        count = 0
        stack = list(self.children)
        pop, push = stack.pop, stack.extend
        while stack:
            node = pop()
            if node.kind is _PARAGRAF:
                count += 1
            elif node.children:
                push(node.children)
        return count


# ---------------------------------------------------------------------------------------- problems


@dataclass(frozen=True, slots=True)
class Problem:
    """A structured problem: tests assert on `code` and `address`, never on wording."""

    code: str
    message: str
    severity: str = "error"  # "error" | "warning"
    source: str | None = None  # "BEK 581/2016 § 1, nr. 7"
    address: str | None = None  # "§ 29, stk. 2"
    file: str | None = None
    line: int | None = None

    def __post_init__(self) -> None:
        if not is_registered(self.code):  # every code is in model/problems.py, with its meaning
            raise ValueError(f"problem code {self.code!r} is not in the registry (model/problems.py)")

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "source": self.source,
            "address": self.address,
            "file": self.file,
            "line": self.line,
        }

    def one_line(self) -> str:
        where = ":".join(str(x) for x in (shown_path(self.file), self.line) if x is not None)
        extra = ", ".join(x for x in (self.source, self.address) if x)
        head = f"{where}: " if where else ""
        tail = f" [{one_line_text(extra)}]" if extra else ""
        return f"{head}{self.severity} {self.code}: {one_line_text(self.message)}{tail}"


_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\x0b": " ", "\x0c": " ", "\x85": " ", "\u2028": " ", "\u2029": " "})


def one_line_text(text: str) -> str:
    """A message on one line: line breaks (libxml2 ends its messages with one) become spaces."""
    return text.translate(_BREAKS).strip() if text else text


_SHOWN_AS: dict[str, str] = {}  # a folder unpacked from an archive → the archive (history.cache.corpus_folder)


def show_folder_as(folder: str, name: str) -> None:
    """Print the files under `folder` as under `name`: a corpus unpacked from an archive into the cache (or, with
    --no-cache, a temporary folder gone at exit) is named by the archive: "love.tar.xz/love/2015/2015-536.xml"."""
    _SHOWN_AS[folder.rstrip("/")] = name


def shown_path(path: str | None) -> str | None:
    """A file name as printed on a message line: control characters (a newline in a file name)
    escaped like Python does ("a\\nb"), so the line stays one line and names the file exactly."""
    if path is not None and _SHOWN_AS:
        for folder, name in _SHOWN_AS.items():
            if path == folder or path.startswith(folder + "/"):
                path = name + path[len(folder):]
                break
    if path is None or path.isprintable():
        return path
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)


class LovkonsError(Exception):
    """Bad input (exit code 2): unreadable, not a legal document, wrong kind, bad manifest.

    str() is the one line shown to the user: "file: reason" (the reason folded to one line, the
    file name's control characters escaped).
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.reason = one_line_text(message)
        where = ":".join(str(x) for x in (shown_path(file), line) if x is not None)
        super().__init__(f"{where}: {self.reason}" if where else self.reason)


@dataclass(frozen=True, slots=True)
class ParseResult:
    document: Document
    problems: tuple[Problem, ...] = field(default=())


pickled_as_tuple(Source, Meta, Document, Problem, ParseResult)  # the parse cache loads them faster
