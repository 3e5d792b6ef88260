"""The rebuild renders the versions of a document with a memo of the nodes they share (frozen trees):
the Markdown and JSON are those rendered without it, and a shared node is rendered once. A real law
(LBK 1352/2010, folkekirkens økonomi) and a version of it with one § inside a kapitel replaced (the
path down to it new, as the amender makes it); and the eight versions of LBK 1005/2012 (våbenloven)
consolidated from the five real acts amending it (tests/data/replay)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.history.corpus import load_corpus
from lovkons.history.outputs import VersionOut, document_outputs
from lovkons.model.document import Document, Kind, Node
from lovkons.parsers.read import read_document
from lovkons.renderers import markdown, rebuild_files
from lovkons.renderers.json_out import NodeMemo, document_json, dumps
from lovkons.renderers.markdown import BlockMemo, render_markdown
from lovkons.renderers.rebuild_files import RebuildFiles
from lovkons.renderers.rebuild_formats import renderer

DATA = Path(__file__).resolve().parent / "data"
LAW = DATA / "laws" / "LBK-2010-1352" / "LBK-2010-1352.xml"


def versions() -> tuple[Document, Document]:
    """The law and a version with the first § of its first kapitel replaced (a new kapitel node
    holding the same other §§)."""
    doc = read_document(LAW).document
    i, kapitel = next((i, c) for i, c in enumerate(doc.children) if c.kind is Kind.KAPITEL)
    j = next(j for j, c in enumerate(kapitel.children) if c.kind is Kind.PARAGRAF)
    new = Node(
        Kind.PARAGRAF, "1", children=(Node(Kind.STK, "1", text="Menighedsrådet udarbejder et budget."),)
    )
    kapitel2 = kapitel.with_(children=(*kapitel.children[:j], new, *kapitel.children[j + 1 :]))
    return doc, doc.with_(children=(*doc.children[:i], kapitel2, *doc.children[i + 1 :]))


def test_with_the_memo_the_same_markdown_and_json() -> None:
    for notes in (False, True):
        md: BlockMemo = {}
        js: NodeMemo = {}
        for doc in versions():
            assert render_markdown(doc, notes=notes, memo=md) == render_markdown(doc, notes=notes)
            assert dumps(document_json(doc, memo=js), sort_keys=True) == dumps(
                document_json(doc), sort_keys=True
            )


def test_a_node_both_versions_hold_is_rendered_once(monkeypatch: pytest.MonkeyPatch) -> None:
    base, amended = versions()
    js: NodeMemo = {}
    document_json(base, memo=js)
    after_base = len(js)
    document_json(amended, memo=js)
    assert len(js) == after_base + 2  # only the new kapitel and § (a leaf, the stk., is not kept)
    rendered: list[Node] = []
    real = markdown._MarkdownWriter.paragraf

    def counted(w: markdown._MarkdownWriter, node: Node) -> None:
        rendered.append(node)
        real(w, node)

    monkeypatch.setattr(markdown._MarkdownWriter, "paragraf", counted)
    md: BlockMemo = {}
    render_markdown(base, memo=md)
    assert len(rendered) > 10
    rendered.clear()
    render_markdown(amended, memo=md)
    assert [n.label for n in rendered] == ["1"]  # the other §§ of the kapitel come from the memo


@pytest.mark.parametrize("compact", [False, True])
def test_every_version_of_a_real_document_as_rendered_without_the_memo(
    compact: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files of every version (Markdown, JSON pretty or compact) with the memo and the JSON
    pieces are those rendered afresh for each version from the plain JSON values."""
    corpus = load_corpus(DATA / "replay")
    seen: list[VersionOut] = []

    class Fresh(RebuildFiles):
        def __call__(self, version: VersionOut) -> dict[str, bytes]:
            seen.append(version)
            rebuild_files._MEMO.key = None  # a new memo for every version: each rendered in full
            return super().__call__(version)

    with monkeypatch.context() as m:
        m.setattr(rebuild_files, "PIECES", False)
        expected, _, _ = document_outputs(
            corpus, "LBK 1005/2012", Fresh() if not compact else _fresh_compact(Fresh)
        )
    rebuild_files._MEMO.key = None
    got, _, _ = document_outputs(corpus, "LBK 1005/2012", renderer(("md", "json"), compact))
    assert len(seen) >= 6 and len(got) == 2 * len(seen)
    assert got == expected
    assert rebuild_files.PIECES  # the pieces were used (orjson ≥ 3.9)
    # the versions share their unchanged §§: the memo holds far fewer than all versions' §§
    paragrafs = sum(1 for v in seen for n in v.document.walk() if n.kind is Kind.PARAGRAF)
    kept = sum(1 for n, _ in rebuild_files._MEMO.md.values() if n.kind is Kind.PARAGRAF)
    assert kept < paragrafs / 2


def _fresh_compact(cls: type[RebuildFiles]) -> RebuildFiles:
    r = cls()
    r.compact = True
    return r
