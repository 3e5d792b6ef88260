"""Every .txt rendering in tests/data/laws and tests/data/bek parses; metadata and numbering hold."""

import itertools
from pathlib import Path

import pytest
import regex

from lovkons.model.document import Kind, Node
from lovkons.parsers.text import parse_fragment, parse_text
from lovkons.parsers.text_patterns import label_key

DATA = Path(__file__).parent / "data"
FILES = sorted([*DATA.glob("laws/*/*.txt"), *DATA.glob("bek/*/*.txt")])
LABEL_AT_START = regex.compile(r"(?:Stk\.\s*\d+(?:\s?[a-z])?|§\s*\d+(?:\s?[a-zA-Z])?)\.(?:\s|$)")
KINDS = {"LOV H": "LOV", "LOV Æ": "LOV Æ", "LBK H": "LBK"}


def _header(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("# "):
            break
        key, _, value = line[2:].partition(": ")
        out[key] = value
    return out


def _expected_kind(h: dict[str, str]) -> str:
    doctype = h["DocumentType"].split("#")[0].strip()
    if doctype in KINDS:
        return KINDS[doctype]
    if doctype == "Ændringsbekendtgørelse" or "om ændring af" in h.get("DocumentTitle", ""):
        return "BEK Æ"
    return "BEK"


@pytest.fixture(scope="module", params=FILES, ids=[f.stem for f in FILES])
def parsed(request: pytest.FixtureRequest) -> tuple[Path, object]:
    path: Path = request.param
    return path, parse_text(path.read_text(encoding="utf-8"), file=str(path)).document


def test_there_are_files() -> None:
    assert len(FILES) >= 150


def test_meta(parsed: tuple) -> None:
    path, doc = parsed
    h = _header(path)
    assert doc.meta.kind == _expected_kind(h)
    kortnavn = regex.search(r"nr (\d+) af \d+/\d+/(\d{4})", h["DokumentKortNavn"])
    assert kortnavn is not None
    assert (doc.meta.number, doc.meta.year) == (int(kortnavn[1]), int(kortnavn[2]))
    assert doc.meta.date is not None
    assert doc.meta.title == h["DocumentTitle"]


def test_paragraf_labels_strictly_increase(parsed: tuple) -> None:
    _path, doc = parsed
    keys = [label_key(p.label or "") for p in doc.paragraffer()]
    assert keys, "no paragraf found"
    assert keys[0][0] == 1 or doc.meta.kind in ("LOV Æ", "BEK Æ")
    assert all(b > a for a, b in itertools.pairwise(keys))


def test_no_label_inside_stk_text(parsed: tuple) -> None:
    _path, doc = parsed
    bad = [n.id for n in doc.walk() if n.kind is Kind.STK and LABEL_AT_START.match(n.text)]
    assert bad == []


def test_every_paragraf_has_stk_or_is_tombstone(parsed: tuple) -> None:
    _path, doc = parsed
    for p in doc.paragraffer():
        assert p.children or p.repealed, p.id
        assert all(c.kind is Kind.STK for c in p.children), p.id


def test_ids_unique(parsed: tuple) -> None:
    _path, doc = parsed
    ids = [n.id for n in doc.walk()]
    assert len(ids) == len(set(ids))


def _by_id(nodes: tuple[Node, ...] | list[Node], node_id: str) -> Node:
    for top in nodes:
        for n in top.walk():
            if n.id == node_id:
                return n
    raise KeyError(node_id)


def test_lbk_structure_retsplejeloven() -> None:
    path = DATA / "laws/LBK-2016-1257/LBK-2016-1257.txt"
    doc = parse_text(path.read_text(encoding="utf-8")).document
    assert doc.preamble is not None and doc.preamble.startswith("Herved bekendtgøres lov om rettens pleje")
    afsnit = [n for n in doc.children if n.kind is Kind.AFSNIT]
    assert (afsnit[0].label, afsnit[0].heading) == ("I", "Domstolenes ordning")
    kap1 = _by_id(doc.children, "kap1")
    assert kap1.heading == "Retterne"
    p1a = _by_id(doc.children, "p1a")
    assert [c.label for c in p1a.children[0].children] == [str(i) for i in range(1, 8)]
    assert _by_id(doc.children, "p1022a").repealed
    assert any(n.kind is Kind.NOTE for n in doc.children)


def test_bek_signature_and_bilag() -> None:
    path = DATA / "bek/BEK-2007-1292/BEK-2007-1292.txt"
    doc = parse_text(path.read_text(encoding="utf-8")).document
    kinds = [n.kind for n in doc.children]
    assert Kind.UNDERSKRIFT in kinds and Kind.BILAG in kinds
    assert kinds.index(Kind.UNDERSKRIFT) < kinds.index(Kind.BILAG)
    assert doc.preamble is not None and doc.preamble.startswith("I medfør af § 25 B")


def test_amending_law_keeps_items_in_stk_text() -> None:
    path = DATA / "laws/LOV-2008-1336/LOV-2008-1336.txt"
    doc = parse_text(path.read_text(encoding="utf-8")).document
    p2 = doc.paragraffer()[1]
    text = p2.children[0].text
    assert (
        "3. § 86, stk. 11, 2. og 3. pkt., og stk. 12 og 13, ophæves. Stk. 14 bliver herefter stk. 12." in text
    )
    assert doc.children[0].kind is Kind.OVERSKRIFT and doc.children[0].text == "Beskæftigelsesministeriet"


@pytest.mark.parametrize(
    ("payload", "expect", "want"),
    [
        ("Stk. 5. For personer. Stk. 6. For andre.", None, [(Kind.STK, "5"), (Kind.STK, "6")]),
        ("10) personer, der ikke er i beskæftigelse.", None, [(Kind.NR, "10")]),
        ("a) noget, eller b) andet.", None, [(Kind.LITRA, "a"), (Kind.LITRA, "b")]),
        ("eller lov om førtidspension m.v.", None, [(Kind.TEKST, None)]),
        ("Den nye tekst.", Kind.STK, [(Kind.STK, None)]),
        ("§ 42 a. Den individuelle jobsamtale.\nStk. 2. Til samtalen.", None, [(Kind.PARAGRAF, "42 a")]),
    ],
)
def test_fragments(payload: str, expect: Kind | None, want: list) -> None:
    assert [(n.kind, n.label) for n in parse_fragment(payload, expect=expect)] == want
