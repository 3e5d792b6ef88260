"""LexDania XML reader: metadata, every Paragraf reproduced, hardened loading (real data)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from lxml import etree

from lovkons.model.document import Kind, LovkonsError, Node
from lovkons.parsers.lexdania import load_xml, parse_lexdania
from lovkons.parsers.xml_meta import kapitel_label, paragraf_label
from tests.xml_oracle import tree_stk, xml_paragraffer

DATA = Path(__file__).parent / "data"
XML_FILES = [*sorted((DATA / "laws").glob("*/*.xml")), DATA / "bek/BEK-2024-227/BEK-2024-227.xml"]
KIND_BY_PREFIX = {"LOV": "LOV", "LBK": "LBK", "BEK": "BEK"}


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


@pytest.mark.parametrize("path", XML_FILES, ids=_ids(XML_FILES))
def test_metadata_matches_meta_element(path: Path) -> None:
    root = etree.fromstring(path.read_bytes())
    meta = parse_lexdania(path.read_bytes(), file=str(path)).document.meta
    doctype = root.findtext("Meta/DocumentType") or ""
    expected_kind = {"LOV Æ": "LOV Æ", "LOV H": "LOV", "LBK H": "LBK", "BEK H": "BEK"}[doctype[:5]]
    assert meta.kind == expected_kind
    assert meta.number == int(root.findtext("Meta/Number") or "0")
    assert meta.year == int(root.findtext("Meta/Year") or "0")
    assert meta.date == dt.date.fromisoformat(root.findtext("Meta/DiesSigni") or "")
    assert meta.ministry == (root.findtext("Meta/Ministry") or "").strip()
    kind, year, number = path.stem.split("-")
    assert (KIND_BY_PREFIX[kind], meta.year, meta.number) == (meta.kind.split()[0], int(year), int(number))
    doc_title = (root.findtext("Meta/DocumentTitle") or "").replace("\\n", " ")  # literal "\n"
    assert meta.title == " ".join(doc_title.split())


# ------------------------------------------------------------------ every § reproduced (oracle)
# The expected structure is read straight from the XML by the independent oracle in
# tests/xml_oracle.py (lxml itertext, whitespace squashed, note markers left out).

_OPHAEVET = re.compile(r"\([Oo]phævet\.?\)\.?")

# Drafting slips the reader tolerates, each seen exactly where listed (file → (§, typed line)):
# a text line that is only "Stk. 4." / "§ 17 f." (typed instead of an Explicatus) starts a new
# stk / §. Anywhere else such a line would be kept as text and this test would fail.
TYPED_LABEL_LINES = {"LBK-2011-339": [("6", "Stk. 4.")], "LBK-2013-753": [("17 e", "§ 17 f.")]}
# "§ 3" standing alone, its body in the next, unlabelled § element: one § (file → [§]).
SPLIT_PARAGRAF = {"LOV-2012-511": ["3"], "LOV-2013-1465": ["4"]}
# "§ l" (the letter l typed for the digit 1) is read as § 1.
LETTER_L = {"LOV-2011-471"}


@pytest.mark.parametrize("path", XML_FILES, ids=_ids(XML_FILES))
def test_every_paragraf_is_reproduced_stk_by_stk(path: Path) -> None:
    """§ labels in document order, per § the stk. labels, per stk. its nr./litra labels, and the
    text of every stk./nr./litra equal what the XML holds."""
    data = path.read_bytes()
    expected, slips, split = xml_paragraffer(etree.fromstring(data), letter_l=path.stem in LETTER_L)
    assert slips == TYPED_LABEL_LINES.get(path.stem, []), slips
    assert split == SPLIT_PARAGRAF.get(path.stem, []), split
    doc = parse_lexdania(data).document
    tree = [
        p for top in doc.children if top.kind is not Kind.NOTE for p in top.walk() if p.kind is Kind.PARAGRAF
    ]
    assert [p.label for p in tree] == [label for label, _ in expected]
    for par, (label, stks) in zip(tree, expected, strict=True):
        if par.repealed:  # "§ 12. (Ophævet)" → a tombstone without stk.s
            assert par.children == () and len(stks) == 1 and _OPHAEVET.fullmatch(stks[0][1]), label
            continue
        assert [c.kind for c in par.children] == [Kind.STK] * len(par.children), label
        assert len(par.children) == len(stks), f"§ {label}"
        got = tuple(tree_stk(s, x[1].startswith("dense:")) for s, x in zip(par.children, stks, strict=True))
        assert got == stks, f"§ {label}"


def test_amending_law_shape() -> None:
    path = DATA / "laws/LOV-2011-1382/LOV-2011-1382.xml"
    doc = parse_lexdania(path.read_bytes()).document
    paras = doc.paragraffer()
    assert [p.label for p in paras] == [str(n) for n in range(1, 17)]
    stk = paras[0].children[0]
    assert stk.text.startswith("I lov om påligningen af indkomstskat til staten (ligningsloven)")
    assert (
        "1. § 7 A ophæves. 2. § 7 H ophæves. 3. § 7 M, stk. 3, affattes således: »Stk. 3. Uanset" in stk.text
    )
    assert "7. I § 8 V indsættes efter stk. 4 som nyt stykke: »Stk. 5. Der kan" in stk.text
    assert "hvor arbejdet udføres.« Stk. 5 bliver herefter stk. 6. 8. I § 16" in stk.text
    assert [s.label for s in paras[-1].children] == [str(n) for n in range(1, 14)]
    assert doc.preamble and doc.preamble.startswith("VI MARGRETHE DEN ANDEN")
    assert doc.children[-1].kind is Kind.UNDERSKRIFT


def test_lbk_structure_notes_and_lists() -> None:
    path = DATA / "laws/LBK-2010-1086/LBK-2010-1086.xml"
    doc = parse_lexdania(path.read_bytes()).document
    assert doc.meta.title == "Bekendtgørelse af lov om godskørsel"
    assert doc.preamble and doc.preamble.startswith("Herved bekendtgøres lov om godskørsel")
    assert doc.title_note and doc.title_note.startswith("1) Loven indeholder bestemmelser")
    first = doc.children[0]
    assert (first.kind, first.text, first.id) == (Kind.OVERSKRIFT, "Lovens område m.v.", "h-p1")
    p1 = doc.paragraffer()[0]
    assert "af transportministeren fastsat vægtgrænse" in p1.children[0].text  # note marker 2) left out
    nrs = p1.children[1].children
    assert [(n.kind, n.label, n.id) for n in nrs] == [
        (Kind.NR, "1", "p1-stk2-nr1"),
        (Kind.NR, "2", "p1-stk2-nr2"),
    ]
    p4 = next(p for p in doc.paragraffer() if p.label == "4")
    litra = p4.children[4].children[1].children
    assert [n.label for n in litra] == ["a", "b", "c"] and litra[0].kind is Kind.LITRA
    notes = [n for n in doc.children if n.kind is Kind.NOTE]
    assert [n.label for n in notes if n.label] == ["1", "2", "3"]
    assert any(n.text.startswith("Lov nr. 386 af 22. maj 1996") for n in notes)


def test_tombstone_table_chapter_labels() -> None:
    doc = parse_lexdania((DATA / "laws/LBK-2010-1235/LBK-2010-1235.xml").read_bytes()).document
    kapitler = [n for n in doc.walk() if n.kind is Kind.KAPITEL]
    assert kapitler[0].label == "1" and kapitler[0].heading == "Indledende bestemmelser"
    p55 = next(p for p in doc.paragraffer() if p.label == "55")
    rows = [c.text for c in p55.children[0].children]
    assert rows[:2] == ["Bøden: | Forvandlings- straffen:", "0 - 499 kr. | 2 dage"]
    assert rows[-1].startswith("For andre bøder")
    repealed = [p for p in doc.paragraffer() if p.repealed]
    assert repealed and all(p.children == () for p in repealed)


@pytest.mark.parametrize(
    ("label", "expected"), [("§ 5 a.", "5 a"), ("§ 12.", "12"), ("§\u00a07", "7"), ("§ 78-79.", "78-79"),
                            # a full stop typed between number and letter: selskabsskattelovens § 5 E in LBK 149/2015
                            # and LBK 680/2015 ("<Explicatus>§ 5. E</Explicatus>"; LBK 1164/2016 prints "§ 5 E.")
                            ("§ 5. E", "5 E"), ("§ 7 Å.", "7 Å"),
                            ("§ 20 A,", "20 A"), ("§ 31 D,", "31 D")]  # a comma for the full stop: LBK 1148/2016, 1178/2016
)
def test_paragraf_label(label: str, expected: str) -> None:
    assert paragraf_label(label.replace("\u00a0", " ")) == expected


BAD_XML = {
    "malformed": b"<Dokument><Meta></Dokument>",
    "entity-bomb": b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<d>&b;</d>',
    "external-file": b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<d>&x;</d>',
    "external-net": b'<?xml version="1.0"?>\n<!DOCTYPE d SYSTEM "http://127.0.0.1:9/x.dtd">\n<d/>',
    "doctype-after-prolog": b"<?xml version='1.0'?>\n<?pi x?>\n<!-- c -->\n<!DOCTYPE d>\n<d/>",
    "no-meta": b"<Dokument><DokumentIndhold/></Dokument>",
    "empty": b"",
}


@pytest.mark.parametrize("name", sorted(BAD_XML))
def test_bad_xml_raises_lovkons_error(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_io(*_a: object, **_k: object) -> None:
        raise AssertionError("the XML reader tried to open a file or a socket")

    monkeypatch.setattr("socket.socket.connect", no_io)
    with pytest.raises(LovkonsError) as err:
        parse_lexdania(BAD_XML[name], file="bad.xml")
    assert err.value.file == "bad.xml"
    assert "passwd" not in str(err.value) and "root:" not in str(err.value)


def test_malformed_xml_reports_line() -> None:
    with pytest.raises(LovkonsError) as err:
        load_xml(b"<a>\n<b>\n</a>", file="x.xml")
    assert err.value.line == 3
    assert re.match(r"malformed XML: line 3: ", err.value.reason)


def test_size_bound() -> None:
    with pytest.raises(LovkonsError, match="too large"):
        load_xml(b"<a>" + b" " * (50 * 1024 * 1024) + b"</a>")


def test_bom_is_accepted() -> None:
    assert load_xml(b"\xef\xbb\xbf<?xml version='1.0' encoding='UTF-8'?><a/>").tag == "a"


def test_doctype_after_prolog_reports_its_line() -> None:
    with pytest.raises(LovkonsError, match="DTD") as err:
        load_xml(BAD_XML["doctype-after-prolog"], file="x.xml")
    assert err.value.line == 4


def test_heading_inside_ikraft_paragraf_stands_before_it() -> None:
    """LOV 341/2011: <IkraftCentreretParagraf>§ 18 + Rubrica "Ikrafttræden m.v." → OVERSKRIFT, §."""
    path = DATA / "laws/LOV-2011-341/LOV-2011-341.xml"
    children = parse_lexdania(path.read_bytes()).document.children
    i = next(i for i, n in enumerate(children) if n.kind is Kind.PARAGRAF and n.label == "18")
    assert (children[i - 1].kind, children[i - 1].text) == (Kind.OVERSKRIFT, "Ikrafttræden m.v.")
    assert children[i - 1].id == "h-p18"


def test_letter_l_in_amending_paragraf_reads_as_1() -> None:
    path = DATA / "laws/LOV-2011-471/LOV-2011-471.xml"
    result = parse_lexdania(path.read_bytes())
    assert [p.label for p in result.document.paragraffer()][:2] == ["1", "2"]
    assert any(p.code == "XML_LABEL" for p in result.problems)


def test_table_and_list_in_bilag_text_are_one_line_per_row_and_item() -> None:
    """LBK 1235/2010 bilag: a table of contents; LOV 294/2011 bilag 1: a numbered list."""
    toc = parse_lexdania((DATA / "laws/LBK-2010-1235/LBK-2010-1235.xml").read_bytes()).document
    bilag = next(n for n in toc.children if n.kind is Kind.BILAG)
    assert [c.text for c in bilag.children[:2]] == [
        "Almindelig del",
        "1. | kapitel | Indledende bestemmelser | §§ | 1-2",
    ]
    lov = parse_lexdania((DATA / "laws/LOV-2011-294/LOV-2011-294.xml").read_bytes()).document
    texts = [c.text[:3] for c in next(n for n in lov.children if n.kind is Kind.BILAG).children]
    assert texts[3:8] == ["1) ", "2) ", "3) ", "4) ", "5) "]


_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def _all_text(nodes: tuple[Node, ...]) -> list[str]:
    return [t for n in nodes for t in (n.text, n.heading or "", *_all_text(n.children))]


@pytest.mark.parametrize("name", ["LBK-2015-765", "LBK-2015-1255", "LOV-2012-326"])
def test_zero_width_characters_are_removed(name: str) -> None:
    path = DATA / f"laws/{name}/{name}.xml"
    assert _INVISIBLE.search(path.read_text(encoding="utf-8").lstrip("\ufeff"))  # the data has them
    doc = parse_lexdania(path.read_bytes()).document
    assert not any(_INVISIBLE.search(t) for t in _all_text(doc.children))


def test_zero_width_joiner_inside_a_word() -> None:
    path = DATA / "laws/LBK-2015-765/LBK-2015-765.xml"
    doc = parse_lexdania(path.read_bytes()).document
    stk4 = next(p for p in doc.paragraffer() if p.label == "1").children[3]
    assert "elevernes" in stk4.text


def test_italic_line_ending_a_paragraf_is_the_next_heading() -> None:
    path = DATA / "laws/LBK-2016-1288/LBK-2016-1288.xml"
    result = parse_lexdania(path.read_bytes())
    assert [(p.code, p.address) for p in result.problems if p.code == "XML_TRAILING_HEADING"] == [
        ("XML_TRAILING_HEADING", "§ 20")
    ]
    nodes = _flat(result.document.children)
    i = next(k for k, n in enumerate(nodes) if n.kind is Kind.PARAGRAF and n.label == "21")
    heading = nodes[i - 1]
    assert (heading.kind, heading.id) == (Kind.OVERSKRIFT, "h-p21")
    assert heading.text.startswith("Garantifond til støtte af finansiering")
    p20 = next(p for p in result.document.paragraffer() if p.label == "20")
    assert [c.kind for c in p20.children[1].children] == [Kind.NR] * 4


def _flat(nodes: tuple[Node, ...]) -> list[Node]:
    out: list[Node] = []
    for n in nodes:
        out.append(n)
        if n.kind in (Kind.AFSNIT, Kind.KAPITEL):
            out.extend(_flat(n.children))
    return out


@pytest.mark.parametrize(
    ("name", "headings"),
    [("LOV-2011-294", ["»Bilag 1", "»Bilag 2"]), ("LOV-2012-1353", ["»Bilag 6", "»Bilag 6"])],
)
def test_quoted_bilag_opener_is_the_bilag_heading(name: str, headings: list[str]) -> None:
    doc = parse_lexdania((DATA / f"laws/{name}/{name}.xml").read_bytes()).document
    bilags = [n for n in doc.children if n.kind is Kind.BILAG]
    assert [b.heading for b in bilags] == headings
    assert not any(b.children[0].text.startswith("»Bilag") for b in bilags)


@pytest.mark.parametrize(("explicatus", "expected"), [
    ("Kapitel 12 a", "12 a"), ("7. kapitel", "7"), ("Kapitel X A", "X A"),
    # the level word typed otherwise (the Explicatus of a Kapitel names its number after it)
    ("Kap. X A", "X A"),  # lejeloven, LBK 963/2010
    ("Kapital 3", "3"),  # LBK 1113/2013
    ("Kapite1 15 a", "15 a"),  # the digit 1 for the letter l, LBK 1291/2015
])
def test_kapitel_label(explicatus: str, expected: str) -> None:
    assert kapitel_label(explicatus) == expected
