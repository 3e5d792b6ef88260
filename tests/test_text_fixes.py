"""Regressions of the text route on real data: payload fragments, LBK front matter, tombstones,
ikraft notes, headings of amending laws, tables, and the classifier's first-character pre-filter."""

from pathlib import Path

import pytest

from lovkons.model.document import Document, Kind, Node
from lovkons.parsers.normalize import normalize
from lovkons.parsers.segment import RULES, Token, classify
from lovkons.parsers.text import parse_fragment, parse_text

DATA = Path(__file__).parent / "data"
LAWS = DATA / "laws"


def _doc(ident: str) -> Document:
    path = LAWS / ident / f"{ident}.txt"
    return parse_text(path.read_text(encoding="utf-8"), file=str(path)).document


def _node(doc: Document, node_id: str) -> Node:
    return next(n for n in doc.walk() if n.id == node_id)


def _payload(ident: str, instruction: str) -> list[str]:
    """The quoted lines »…« that follow the instruction line starting with `instruction`."""
    lines = normalize((LAWS / ident / f"{ident}.txt").read_text(encoding="utf-8")).split("\n")
    i = next(i for i, ln in enumerate(lines) if ln.startswith(instruction))
    out = []
    for ln in lines[i + 1 :]:
        out.append(ln)
        if ln.rstrip().endswith(("«", "«.")):
            break
    out = [ln.strip() for ln in out]
    out[0] = out[0].removeprefix("»")
    out[-1] = out[-1].removesuffix(".").removesuffix("«")
    return out


def _shape(nodes: tuple[Node, ...]) -> list[tuple[Kind, str | None, int]]:
    return [(n.kind, n.label, len(n.children)) for n in nodes]


def test_unlabelled_stk_followed_by_stk() -> None:
    assert _shape(parse_fragment("A. Stk. 2. B.", expect=Kind.STK)) == [
        (Kind.STK, None, 0),
        (Kind.STK, "2", 0),
    ]


@pytest.mark.parametrize("flat", [True, False], ids=["flattened", "lines"])
@pytest.mark.parametrize(
    ("ident", "instruction", "want"),
    [
        ("LOV-2015-1867", "6. I § 148 b indsættes før stk. 1", [(Kind.STK, None, 0), (Kind.STK, "2", 0)]),
        ("LOV-2015-1867", "8. § 153, stk. 1, ophæves", [(Kind.STK, None, 0), (Kind.STK, "2", 0)]),
        ("LOV-2016-167", "5. § 745 e, stk. 1, ophæves", [(Kind.STK, None, 4), (Kind.STK, "2", 0)]),
    ],
)
def test_new_stykker_payloads_keep_every_stk(ident: str, instruction: str, want: list, flat: bool) -> None:
    lines = _payload(ident, instruction)
    nodes = parse_fragment(" ".join(lines) if flat else "\n".join(lines), expect=Kind.STK)
    assert _shape(nodes) == want
    if ident == "LOV-2016-167":
        nr2 = nodes[0].children[1]
        assert [(c.kind, c.label) for c in nr2.children] == [(Kind.LITRA, "a"), (Kind.LITRA, "b")]
        assert nodes[1].text == "Forsvareren skal være til stede under videoafhøringen."


def test_reference_at_payload_end_is_not_a_paragraf() -> None:
    """ "… reguleres efter personskattelovens § 20." in a payload of § 1 a (LOV 920/2012)."""
    nodes = parse_fragment(" ".join(_payload("LOV-2012-920", "1. Efter § 1 indsættes")))
    assert [(n.kind, n.label) for n in nodes] == [(Kind.PARAGRAF, "1 a")]
    assert [s.label for s in nodes[0].children] == ["1", "2", "3", "4"]
    assert nodes[0].children[3].text == "Bundfradraget i stk. 1 reguleres efter personskattelovens § 20."


def test_reference_out_of_order_inside_sentence() -> None:
    nodes = parse_fragment("§ 18. Foo bar. Stk. 2. Se § 20. Dette gælder ikke. § 19. Baz.")
    assert [n.label for n in nodes] == ["18", "19"]
    assert nodes[0].children[1].text == "Se § 20. Dette gælder ikke."


def test_flattened_payload_heading_between_paragraffer() -> None:
    """LOV 493/2013: "… i sagen. Afgørelser på møder § 52 b. …" flattened to one line."""
    lines = _payload("LOV-2013-493", "7. Efter § 52 indsættes")
    nodes = parse_fragment(" ".join(lines))
    assert [(n.kind, n.label or n.text) for n in nodes] == [
        (Kind.OVERSKRIFT, "Ankestyrelsens afgørelser"),
        (Kind.PARAGRAF, "52 a"),
        (Kind.OVERSKRIFT, "Afgørelser på møder"),
        (Kind.PARAGRAF, "52 b"),
        (Kind.PARAGRAF, "52 c"),
    ]


def test_flattened_payload_afsnit_with_chapter() -> None:
    lines = _payload("LOV-2010-718", "11. Kapitel 2 ophæves")
    afsnit = parse_fragment(" ".join(lines))[0]
    assert (afsnit.kind, afsnit.label, afsnit.heading) == (Kind.AFSNIT, "I A", "Rekonstruktion")
    kap = afsnit.children[0]
    assert (kap.kind, kap.label, kap.heading) == (Kind.KAPITEL, "2", "Indholdet af en rekonstruktion")
    assert [p.label for p in kap.children if p.kind is Kind.PARAGRAF][:2] == ["10", "10 a"]


def test_lbk_hermed_preamble_tombstones_and_repealed_bilag() -> None:
    doc = _doc("LBK-2010-18")
    assert doc.preamble is not None and doc.preamble.startswith("Hermed bekendtgøres lov om jordbrugets")
    assert _node(doc, "p1-stk1").text.startswith("Loven har til formål")
    for label in ("19", "20"):
        p = _node(doc, f"p{label}")
        assert p.repealed and p.children == ()
    bilag = _node(doc, "bilag1")
    assert bilag.heading is None and [(c.kind, c.text) for c in bilag.children] == [
        (Kind.TEKST, "(Ophævet.)")
    ]


@pytest.mark.parametrize(
    ("ident", "last_stk", "note_start"),
    [
        ("LBK-2012-905", "p19-stk1", "Lov nr. 530 af 11. juni 2012 (Chikanesager"),  # marker 1) left out
        ("LBK-2012-950", "p35-stk1", "Lov nr. 543 af. 17. juni 2008"),  # "af." slip
        ("LBK-2013-771", "p50-stk1", "Lov nr. 347 af 3. . april 2013"),  # ". ." slip
        ("LBK-2017-224", "p11-stk1", "Lov nr. 150 (Nedsættelse af miljøbidrag)"),  # no date
    ],
)
def test_ikraft_note_after_last_paragraf(ident: str, last_stk: str, note_start: str) -> None:
    doc = _doc(ident)
    assert "indeholder" not in _node(doc, last_stk).text
    assert any(n.kind is Kind.NOTE and n.text.startswith(note_start) for n in doc.children)


def test_range_paragraf_and_spaced_stk_label() -> None:
    p = _node(_doc("LBK-2015-122"), "p43b43d")
    assert (p.label, p.children[0].text) == ("43 b-43 d", "(Udelades)")
    p8 = _node(_doc("LBK-2010-670"), "p8")  # "Stk. 2 . Staten yder …"
    assert [s.label for s in p8.children] == ["1", "2", "3", "4", "5", "6"]
    assert p8.children[0].text.endswith("For enkeltfag fastsættes særlige takster.")


def test_unnumbered_afsnit_tables_and_text_after_list() -> None:
    doc = _doc("LBK-2010-1235")
    assert [(n.kind, n.label, n.heading) for n in doc.children[:2]] == [
        (Kind.AFSNIT, None, "Almindelig del"),
        (Kind.AFSNIT, None, "Særlig del"),
    ]
    stk = _node(doc, "p55-stk1")
    assert stk.text.endswith("afsones efter følgende skala:")
    assert stk.children[-1].kind is Kind.TEKST and stk.children[-1].text.startswith("For andre bøder")
    stk = _node(doc, "p114b-stk1")
    assert [c.kind for c in stk.children] == [Kind.NR, Kind.NR, Kind.NR, Kind.TEKST]
    assert stk.children[2].text.endswith("til rådighed for")


def test_list_laid_out_as_table() -> None:
    stk = _node(_doc("LBK-2015-1255"), "p353-stk1")
    rows = [c.text for c in stk.children]
    assert all(c.kind is Kind.TEKST for c in stk.children)
    assert rows[0].startswith("1) | parternes stilling") and rows[4] == "samt eventuelt"


def test_repealed_chapter_note_is_a_heading() -> None:
    kap = _node(_doc("LBK-2015-867"), "kap3a")
    assert (kap.heading, kap.children[0].kind, kap.children[0].text) == (
        "Skrotningsbidrag",
        Kind.OVERSKRIFT,
        "(Ophævet)",
    )


def test_ministry_headings_of_an_omnibus_law() -> None:
    doc = _doc("LOV-2011-341")
    assert [(n.kind, n.label or n.text) for n in doc.children[:2]] == [
        (Kind.OVERSKRIFT, "Økonomi- og Erhvervsministeriet"),
        (Kind.PARAGRAF, "1"),
    ]
    assert _node(doc, "p1-stk1").text.startswith("I årsregnskabsloven")
    labels = [p.label for p in _doc("LOV-2008-1336").paragraffer()]
    assert labels == [str(i) for i in range(1, len(labels) + 1)] and "9" in labels


def test_unclosed_quote_does_not_swallow_the_next_paragraf() -> None:
    doc = _doc("LOV-2016-1715")
    assert _node(doc, "p42-stk1").text.endswith("4. § 34, stk. 2-4, ophæves.")
    assert _node(doc, "p43-stk1").text.startswith("I lov om dyrkning m.v. af genetisk modificerede afgrøder")


def test_amending_item_tombstone_is_not_a_heading() -> None:
    doc = _doc("LBK-2016-119")
    assert _node(doc, "p70-stk1").text.endswith("»Tilsyn, kontrol og klage« 2. (Ophævet)")
    assert not any(n.id == "h-p71" for n in doc.walk())


def _brute(line: str, n: int) -> Token:
    for name, pattern in RULES:
        m = pattern.match(line)
        if m is not None:
            g = m.groupdict()
            label = g.get("label") or g.get("label2") or g.get("roman")
            rest = line if name in ("text", "table", "underskrift", "ikraft") else g.get("rest") or ""
            return Token(name, label.strip() if label else None, rest.strip(), n)
    raise AssertionError


def test_first_character_prefilter_changes_no_classification() -> None:
    files = sorted([*LAWS.glob("*/*.txt"), *DATA.glob("bek/*/*.txt"), *DATA.glob("seeds/*.txt")])
    lines = [ln for f in files for ln in normalize(f.read_text(encoding="utf-8")).split("\n")]
    assert len(lines) > 30_000
    assert [classify(ln, 0) for ln in lines] == [_brute(ln, 0) for ln in lines]


_TITLE = "Bekendtgørelse om prøver"
_NOTE = "1) Bekendtgørelsen indeholder bestemmelser, der gennemfører direktiv 2005/36/EF."


@pytest.mark.parametrize(
    ("lines", "title_note", "preamble"),
    [
        ([f"# DocumentTitle: {_TITLE}", "", _TITLE, _NOTE, "", "I medfør af § 2 fastsættes:"], _NOTE,
         "I medfør af § 2 fastsættes:"),
        ([_TITLE, _NOTE, "", "I medfør af § 2 fastsættes:"], _NOTE, "I medfør af § 2 fastsættes:"),
        ([_TITLE, "1) Bekendtgørelsen indeholder bestemmelser,", "der gennemfører direktiv 2005/36/EF.",
          "I medfør af § 2 fastsættes:"], _NOTE, "I medfør af § 2 fastsættes:"),  # a note broken over lines
        ([f"# DocumentTitle: {_TITLE}", "", _TITLE, _NOTE], _NOTE, None),
        # X05: a "1)" line inside the preamble is the preamble's, not a note to the title
        ([_TITLE, "I medfør af § 2 i", "1) lov om prøver fastsættes:"], None,
         "I medfør af § 2 i\n1) lov om prøver fastsættes:"),
    ],
)  # fmt: skip
def test_note_to_the_title_follows_the_title(
    lines: list[str], title_note: str | None, preamble: str | None
) -> None:
    doc = parse_text("\n".join([*lines, "", "§ 1. Tekst."])).document
    assert (doc.meta.title, doc.title_note, doc.preamble) == (_TITLE, title_note, preamble)


def test_list_item_in_a_paragraf_is_not_a_title_note() -> None:
    doc = parse_text(f"{_TITLE}\n\n§ 1. Reglerne gælder for\n{_NOTE}\n").document
    assert doc.title_note is None and doc.children[0].children[0].children[0].kind is Kind.NR


_PLAIN = [_TITLE, "", "§ 1. Tekst.", "Stk. 2. Mere.", "", "Bilag 1", "Skema", "Linje."]


@pytest.mark.parametrize(
    "provenance",
    ["[BEK 1072/2008 § 1, nr. 4, i kraft 2009-07-01]", "[LOV 341/2011 § 7 a; BEK 1/2009]",
     "[Bekendtgørelse om noget § 2, nr. 1]"],
)  # fmt: skip
def test_provenance_lines_are_skipped(provenance: str) -> None:
    plain = parse_text("\n".join(_PLAIN)).document
    noted = [x for line in _PLAIN for x in ([line, provenance] if line else [line])]
    assert parse_text("\n".join(noted)).document == plain


def test_bracketed_text_that_is_not_provenance_is_kept() -> None:
    doc = parse_text(f"{_TITLE}\n\n§ 1. Tekst.\n[Officielle noter]\n").document
    assert doc.children[0].children[0].text == "Tekst. [Officielle noter]"


@pytest.mark.parametrize(
    ("after_label", "heading", "body"),
    [
        (["Skema"], "Skema", []),
        (["", "Skema"], None, ["Skema"]),
        (["", "Skema", "Linje."], None, ["Skema", "Linje."]),
    ],
)
def test_blank_line_after_bilag_label_means_no_heading(
    after_label: list[str], heading: str | None, body: list[str]
) -> None:
    text = "\n".join(["# DocumentType: BEK H", "", _TITLE, "", "§ 1. Tekst.", "", "Bilag 1", *after_label])
    bilag = parse_text(text).document.children[-1]
    assert (bilag.kind, bilag.heading, [c.text for c in bilag.children]) == (Kind.BILAG, heading, body)
