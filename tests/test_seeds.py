"""The messy seed extractions (PDF/HTML text): exact structure of seeds 001-003, rejection of 000/004."""

from pathlib import Path

import pytest

from lovkons.model.document import Document, Kind, LovkonsError
from lovkons.parsers.normalize import normalize
from lovkons.parsers.read import read_document
from lovkons.parsers.text import parse_fragment, parse_text

SEEDS = Path(__file__).parent / "data" / "seeds"


def _seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def _doc(prefix: str) -> Document:
    return parse_text(_seed(prefix).read_text(encoding="utf-8"), file=str(_seed(prefix))).document


def _stk_counts(doc: Document) -> dict[str, int]:
    return {p.label or "": len(p.children) for p in doc.paragraffer()}


def _nr_lists(doc: Document) -> dict[str, list[str]]:
    return {
        s.id: [c.label or "" for c in s.children if c.kind is Kind.NR]
        for p in doc.paragraffer()
        for s in p.children
        if any(c.kind is Kind.NR for c in s.children)
    }


def test_seed001_paragraffer_and_stk() -> None:
    doc = _doc("001")
    counts = {"1": 2, "2": 4, "3": 5, "4": 7, "5": 5, "6": 5, "7": 5, "8": 5, "9": 6, "10": 8, "11": 2}
    assert _stk_counts(doc) == counts
    assert doc.meta.kind == "BEK"
    assert doc.meta.title == "Bekendtgørelse om forsøg på beskæftigelsesområdet"
    assert doc.preamble is not None and doc.preamble.startswith("I medfør af § 116")


def test_seed001_nr_lists() -> None:
    nrs = _nr_lists(_doc("001"))
    assert {k: len(v) for k, v in nrs.items()} == {
        "p2-stk3": 3, "p6-stk1": 32, "p6-stk3": 7, "p6-stk4": 4, "p7-stk1": 14,
        "p8-stk1": 10, "p8-stk2": 3, "p9-stk1": 16, "p9-stk2": 2, "p9-stk4": 2,
    }  # fmt: skip
    assert all(v == [str(i) for i in range(1, len(v) + 1)] for v in nrs.values())


def test_seed001_inline_lists() -> None:
    doc = _doc("001")
    stk = next(n for n in doc.walk() if n.id == "p8-stk2")
    assert stk.text.endswith("som er")
    assert [c.text for c in stk.children] == [
        "under 30 år og har en erhvervskompetencegivende uddannelse, og som har mindst 6 måneders ledighed,",
        "mellem 30 og 50, og som har mindst 6 måneders ledighed, eller",
        "fyldt 50 år.",
    ]
    nr5 = next(n for n in doc.walk() if n.id == "p6-stk3-nr5")
    assert [(c.kind, c.label) for c in nr5.children] == [(Kind.LITRA, "a"), (Kind.LITRA, "b")]


def test_seed001_stacked_headings() -> None:
    doc = _doc("001")
    heads = [(n.id, n.text) for n in doc.children if n.kind is Kind.OVERSKRIFT]
    assert ("h-p2", "Rimelighedskravet") in heads
    assert ("h-p2-2", "Førtidspensionister ansat med løntilskud") in heads
    assert heads[0] == ("h-p1", "Udvidet varslingsindsats")
    assert len(heads) == 11


def test_seed002_chapters() -> None:
    doc = _doc("002")
    chapters = [(k.label, k.heading) for k in doc.children if k.kind is Kind.KAPITEL]
    assert chapters == [
        ("1", "Jobhjælp og jobformidlingsforløb med personlig jobformidler"),
        ("2", "Forsøg med rådighedssamtaler og jobsamtaler under forløb efter kapitel 1"),
        ("3", "Forsøg med jobrotation, opkvalificeringsjob og virksomhedsrettede tilbud"),
        ("4", "Ikrafttræden"),
    ]
    kap1 = doc.children[0]
    assert [(c.kind, c.label or c.text) for c in kap1.children[:2]] == [
        (Kind.OVERSKRIFT, "Målgruppe"),
        (Kind.PARAGRAF, "1"),
    ]


def test_seed002_paragraffer_and_nr() -> None:
    doc = _doc("002")
    assert _stk_counts(doc) == {
        "1": 2,
        "2": 2,
        "3": 3,
        "4": 2,
        "5": 5,
        "6": 4,
        "7": 2,
        "8": 2,
        "9": 2,
        "10": 3,
    }
    assert _nr_lists(doc) == {"p5-stk5": ["1", "2", "3", "4"], "p6-stk4": ["1", "2"]}


def test_seed002_reference_is_not_a_paragraf() -> None:
    """ "…, jf. § 4." ends § 3, stk. 3; "Intensive … jobcenteret" is the heading of the real § 4."""
    doc = _doc("002")
    p3 = next(p for p in doc.paragraffer() if p.label == "3")
    assert p3.children[2].text.endswith("personlig jobformidler, jf. § 4.")
    kap1 = [n for n in doc.children[0].children]
    i = next(i for i, n in enumerate(kap1) if n.kind is Kind.PARAGRAF and n.label == "4")
    assert kap1[i - 1].kind is Kind.OVERSKRIFT
    assert kap1[i - 1].text == "Intensive jobformidlingsforløb med personlig jobformidler i jobcenteret"
    assert kap1[i].children[0].text.startswith("Den ledige har ret til en personlig jobformidler")


@pytest.mark.parametrize("prefix", ["001", "002"])
def test_no_heading_text_inside_units(prefix: str) -> None:
    doc = _doc(prefix)
    headings = [n.text for n in doc.walk() if n.kind is Kind.OVERSKRIFT]
    headings += [n.heading for n in doc.walk() if n.kind is Kind.KAPITEL and n.heading]
    for n in doc.walk():
        if n.kind in (Kind.STK, Kind.NR, Kind.LITRA):
            assert not any(n.text.endswith(" " + h) or n.text.startswith(h + " ") for h in headings), n.id


def test_seed003_amending_document() -> None:
    doc = _doc("003")
    assert doc.meta.kind == "BEK Æ"
    assert [p.label for p in doc.paragraffer()] == ["1", "2"]
    p1, p2 = doc.paragraffer()
    assert len(p1.children) == 1
    text = p1.children[0].text
    assert text.startswith("I bekendtgørelse nr. 1676 af 19. december 2006")
    assert "1. I § 2, nr. 7, indsættes efter »lov om social pension«:" in text
    assert "31. I § 203, stk. 3, ændres »1. januar 2008« til: »1. januar 2009«." in text
    assert [s.label for s in p2.children] == ["1", "2"]


def test_seed003_item24_payload() -> None:
    raw = normalize(_seed("003").read_text(encoding="utf-8"))
    at = raw.index("Kapitel 12 a Tilbud")
    start = raw.rindex("»", 0, at)
    payload = raw[start + 1 : raw.index("«", at)]
    nodes = parse_fragment(payload)
    kinds = [(n.kind, n.label) for n in nodes]
    assert (Kind.KAPITEL, "12 a") in kinds
    kap = next(n for n in nodes if n.kind is Kind.KAPITEL)
    assert kap.heading == "Tilbud til ledige selvforsørgende"
    assert next(c.label for c in kap.children if c.kind is Kind.PARAGRAF) == "134 d"


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_non_legal_rejected(prefix: str) -> None:
    with pytest.raises(LovkonsError, match="not a legal document"):
        read_document(_seed(prefix))


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_non_legal_lenient(prefix: str) -> None:
    doc = read_document(_seed(prefix), lenient=True).document
    assert doc.meta.kind == "other"
    assert doc.paragraffer() == []
