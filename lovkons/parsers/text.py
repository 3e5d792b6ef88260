"""Stage 2 (parsers): plain-text legal documents and amending payloads → model tree.

Input: text (clean .txt renderings with "# Key: value" headers, or messy PDF/HTML extractions).
Output: ParseResult(Document(meta, preamble, children)) / a tuple of Nodes for a payload.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import regex

from lovkons.model.document import Document, Kind, LovkonsError, Meta, Node, ParseResult, Problem
from lovkons.parsers.bilag_lists import list_drafts
from lovkons.parsers.build import Builder
from lovkons.parsers.draft import Draft, expand_inline, freeze, next_paragraf_labels
from lovkons.parsers.input_bytes import check_digit_runs
from lovkons.parsers.normalize import normalize, squash
from lovkons.parsers.note_markers import strip_note_markers
from lovkons.parsers.text_patterns import PREAMBLE, PROVENANCE, label_key
from lovkons.parsers.xml_definitions import quoted_definition

# "# Key: value". The value is read to the line's end and stripped after: a lazy value before
# "\s*$" tried the rest of the line again from every space of a long run (quadratic).
_HEADER = regex.compile(r"^#\s*(?P<key>[^:]{1,60}):\s*(?P<value>.*)$")
_LEGAL_TITLE = regex.compile(
    r"^\s*(?:Bekendtgørelse|Lov|Lovbekendtgørelse|Anordning|Cirkulære|Regulativ|Forordning)\b"
)
_KORTNAVN = regex.compile(
    r"(?P<kind>[A-ZÆØÅ]+)\s+nr\.?\s*(?P<num>\d+)\s+af\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
)
# The marker of the note to the title: "1) Loven indeholder …" (a footnote, not a list item).
_TITLE_NOTE = regex.compile(r"^(?:\d{1,2}|\*{1,3})\)\s+\S")
MAX_LINES = 2_000_000


def parse_text(text: str, *, file: str | None = None, lenient: bool = False) -> ParseResult:
    """Parse a plain-text legal document into a Document.

    Raises LovkonsError when the text is not a legal document (no § 1 and no Kapitel/Stk.
    structure), unless `lenient` (then Meta kind "other" and the lines as TEKST nodes).
    """
    check_digit_runs(text, file)
    lines = normalize(text).split("\n")
    if len(lines) > MAX_LINES:
        raise LovkonsError(f"too many lines ({len(lines)})", file=file)
    header, start = _read_header(lines)
    body = strip_note_markers(lines, start)[start:]
    amending = "følgende ændring" in "\n".join(body)  # (one search, not one per line)
    b = Builder(track_quotes=amending, clean=header is not None)
    feed = b.feed
    for i, line in enumerate(body, start=start + 1):
        if line[:1] == "[" and PROVENANCE.match(line):
            continue  # "[BEK 1072/2008 § 1, nr. 4, i kraft …]": provenance printed by render_text
        feed(line, i)
    b.finish()
    if header is None:
        expand_inline(b.root)
    list_drafts(b.root)  # a bilag's numbered list as nr. units, as the XML route reads it (parsers.bilag_lists)
    title, title_note, preamble = _front_matter(
        [t for t, _b, _n in b.front], header.get("DocumentTitle") if header else None
    )
    meta = _meta(header or {}, title, file)
    problems: list[Problem] = []
    pars = _paragrafs(b.root)
    if not _is_legal(pars, title):
        if not lenient:
            raise LovkonsError("not a legal document: no § 1 and no Kapitel/Stk. structure", file=file)
        return ParseResult(_lenient(lines[start:], meta), ())
    used: set[str] = set()
    children = _freeze_children(b.root, used)
    if not preamble:
        preamble = None
    problems.extend(_order_problems(pars, file))
    doc = Document(meta=meta, preamble=preamble, children=children, title_note=title_note)
    return ParseResult(doc, tuple(problems))


def parse_fragment(text: str, *, expect: Kind | None = None) -> tuple[Node, ...]:
    """Parse an amending payload (the text inside »…«) into nodes.

    "§ 5 a. …" → PARAGRAF (with OVERSKRIFT / KAPITEL nodes when the payload has them),
    "Stk. 5. …" → STK, "10) …" → NR, "a) …" → LITRA; unlabelled text → STK(label None) with
    expect=STK, else TEKST.
    """
    src = normalize(text).strip().strip("»«").strip()
    if not src:
        return ()
    if expect is Kind.NR and (definition := quoted_definition(src)) is not None:
        return (definition,)  # "6. Førerret: …": a numbered definition (the nr. with a full stop)
    lines = src.split("\n")
    first = lines[0].lstrip()
    if regex.match(r"(?:Stk\.\s*\d|\d+\s?[a-z]?\)|[a-zæøå]\))", first) or (
        expect in (Kind.STK, Kind.NR, Kind.LITRA)
    ):
        return _fragment_units(lines, expect)
    b = Builder(fragment=True)
    for i, line in enumerate(lines, start=1):
        b.feed(line, i)
    b.finish()
    expand_inline(b.root)
    nodes = _freeze_children(b.root, set())
    if expect is Kind.STK:
        return tuple(n.with_(kind=Kind.STK, label=None) if n.kind is Kind.TEKST else n for n in nodes)
    return nodes


def _fragment_units(lines: list[str], expect: Kind | None) -> tuple[Node, ...]:
    """Payload of stk./nr./litra units: parse them inside a synthetic § and lift them out."""
    b = Builder(fragment=True)
    b.feed("§ 1.", 0)
    first = lines[0].lstrip()
    if not first.startswith("Stk."):
        b.stk = b.paragraf.children[0] if b.paragraf else None
    for i, line in enumerate(lines, start=1):
        b.feed(line, i)
    b.finish()
    expand_inline(b.root)
    par = b.root.children[0]
    stks = par.children
    units: list[Draft]
    if first.startswith("Stk."):
        units = [s for s in stks if s.parts or s.children or s.label != "1"]
    elif expect is Kind.STK and stks and stks[0].parts:
        # "A: 1) … 2) … Stk. 2. B.": the unnumbered first stk. keeps its list; later stk. follow
        stks[0].label = None
        units = stks
    else:
        units = stks[0].children if stks else []
        lead = stks[0].text if stks else ""
        if lead:
            kind = Kind.STK if expect is Kind.STK else Kind.TEKST
            units = [Draft(kind, None, parts=[lead]), *units]
        units.extend(stks[1:])  # "4) … Stk. 2. …": never drop what follows the list
    used: set[str] = set()
    return tuple(freeze(u, "", used) for u in units)


def _freeze_children(root: Draft, used: set[str]) -> tuple[Node, ...]:
    labels = next_paragraf_labels(root.children)
    return tuple(freeze(child, "", used, nxt) for child, nxt in zip(root.children, labels, strict=True))


def _paragrafs(root: Draft) -> list[Draft]:
    """The PARAGRAF drafts under `root` in document order. The builder opens a § only in the
    document, an afsnit or a kapitel (`Builder._container`), never inside another unit: the walk
    does not go below a §."""
    out: list[Draft] = []
    stack = [root]
    paragraf = Kind.PARAGRAF  # (read once: an enum attribute look-up costs)
    while stack:
        d = stack.pop()
        if d.kind is paragraf:
            out.append(d)
        elif d.children:
            stack.extend(reversed(d.children))
    return out


def _read_header(lines: list[str]) -> tuple[dict[str, str] | None, int]:
    header: dict[str, str] = {}
    i = 0
    while i < len(lines):
        m = _HEADER.match(lines[i])
        if not m:
            break
        header[m["key"].strip()] = m["value"].rstrip()  # normalized text: every space is " "
        i += 1
    return (header or None), i


def _front_matter(front: list[str], known_title: str | None) -> tuple[str | None, str | None, str | None]:
    """Split the lines before the first unit into the title, its note and the preamble (indledning).

    The note to the title ("1) Loven indeholder bestemmelser, der gennemfører …") is the first
    line after the title that starts with a note marker; it comes before the preamble.
    """
    if not front:
        return known_title, None, None
    title_lines: list[str] = []
    pre_lines: list[str] = []
    note: str | None = None
    for n, line in enumerate(front):
        m = PREAMBLE.search(line)
        if m and not (known_title and n == 0 and squash(line) == squash(known_title)):
            head = line[: m.start("p")].strip()
            if head:
                title_lines.append(head)
            pre_lines = [line[m.start("p") :].strip(), *front[n + 1 :]]
            break
        if note is None and title_lines and _TITLE_NOTE.match(line) and _is_title(title_lines, known_title):
            note = squash(line)
            continue
        if note is not None and line[:1].islower():  # the note broken over lines (PDF extraction)
            note = squash(f"{note} {line}")
            continue
        title_lines.append(line)
    title = squash(" ".join(title_lines)) or known_title
    preamble = "\n".join(squash(p) for p in pre_lines if p.strip()) or None
    return title, note, preamble


def _is_title(lines: list[str], known_title: str | None) -> bool:
    """Are `lines` the whole title (the header's title when there is one)?"""
    return known_title is None or squash(" ".join(lines)) == squash(known_title)


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = regex.match(r"(\d{4})-(\d{2})-(\d{2})", value) or None
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = regex.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def _kind(doctype: str | None, title: str | None) -> str:
    t = (title or "").strip()
    d = (doctype or "").split("#")[0].strip()
    if d.startswith("LOV Æ"):
        return "LOV Æ"
    if d.startswith("LOV"):
        return "LOV"
    if d.startswith("LBK"):
        return "LBK"
    if d.startswith("Ændringsbekendtgørelse") or (
        d.startswith(("Bekendtgørelse", "BEK")) and "om ændring af" in t
    ):
        return "BEK Æ"
    if d.startswith(("Bekendtgørelse", "BEK")):
        return "BEK"
    if d:
        return "other"
    if regex.match(r"Bekendtgørelse\s+af\s+lov", t):
        return "LBK"
    if regex.match(r"Bekendtgørelse\b", t):
        return "BEK Æ" if "om ændring af" in t else "BEK"
    if regex.match(r"Lov\b", t):
        return "LOV Æ" if regex.match(r"Lov\s+om\s+ændring\s+af", t) else "LOV"
    return "other"


def _meta(h: dict[str, str], title: str | None, file: str | None) -> Meta:
    kn = _KORTNAVN.search(h.get("DokumentKortNavn", ""))
    number = int(h["Number"]) if h.get("Number", "").isdecimal() else (int(kn["num"]) if kn else None)
    year = int(h["Year"]) if h.get("Year", "").isdecimal() else (int(kn["y"]) if kn else None)
    date = _date(h.get("DiesSigni")) or _date(h.get("Dato for underskrift"))
    if date is None and kn:
        date = _date(f"{kn['d']}/{kn['m']}/{kn['y']}")
    doc_title = h.get("DocumentTitle") or title
    return Meta(
        kind=_kind(h.get("DocumentType"), doc_title),
        number=number,
        year=year,
        date=date,
        title=doc_title,
        published=_date(h.get("Offentliggørelsesdato")),
        ministry=h.get("Ministry") or None,
        source=file,
    )


def _is_legal(pars: list[Draft], title: str | None) -> bool:
    """Legal = a run of §§ starting at § 1 (or ≥ 2 increasing §§ under a legal title)."""
    if not pars:
        return False
    keys = [label_key(p.label or "") for p in pars]
    if keys[0][0] == 1:
        return True
    return len(keys) >= 2 and keys[1] > keys[0] and bool(title and _LEGAL_TITLE.match(title))


def _lenient(lines: list[str], meta: Meta) -> Document:
    kids = tuple(
        Node(Kind.TEKST, text=squash(ln), id=f"tekst{i}")
        for i, ln in enumerate((x for x in lines if x.strip()), 1)
    )
    return Document(meta=replace(meta, kind="other"), children=kids)


def _order_problems(pars: list[Draft], file: str | None) -> list[Problem]:
    out = []
    prev: tuple[int, str] | None = None
    for p in pars:
        key = label_key(p.label or "")
        if prev is not None and key[0] > prev[0] + 1 and not key[1]:
            out.append(
                Problem("PARAGRAF_GAP", f"§ {p.label} follows § {prev[0]}{' ' + prev[1] if prev[1] else ''}",
                        "warning", address=f"§ {p.label}", file=file, line=p.line)
            )  # fmt: skip
        prev = key
    return out
