"""The rebuild renders the versions of a document with a memo of the nodes they share (frozen trees):
the Markdown and JSON are those rendered without it, and a shared node is rendered once. A real law
(LBK 1352/2010, folkekirkens økonomi) and a version of it with its first § replaced."""

from __future__ import annotations

from pathlib import Path

from lovkons.model.document import Document, Kind, Node
from lovkons.parsers.read import read_document
from lovkons.renderers.json_out import NodeMemo, document_json, dumps
from lovkons.renderers.markdown import BlockMemo, render_markdown

LAW = Path(__file__).resolve().parent / "data" / "laws" / "LBK-2010-1352" / "LBK-2010-1352.xml"


def versions() -> tuple[Document, Document]:
    doc = read_document(LAW).document
    first = next(i for i, c in enumerate(doc.children) if c.kind is Kind.PARAGRAF or c.kind is Kind.KAPITEL)
    new = Node(Kind.PARAGRAF, "1", children=(Node(Kind.STK, "1", text="Menighedsrådet udarbejder et budget."),))
    return doc, doc.with_(children=(*doc.children[:first], new, *doc.children[first + 1:]))


def test_with_the_memo_the_same_markdown_and_json() -> None:
    md: BlockMemo = {}
    js: NodeMemo = {}
    for doc in versions():
        assert render_markdown(doc, memo=md) == render_markdown(doc)
        assert dumps(document_json(doc, memo=js), sort_keys=True) == dumps(document_json(doc), sort_keys=True)


def test_a_node_both_versions_hold_is_rendered_once() -> None:
    base, amended = versions()
    js: NodeMemo = {}
    document_json(base, memo=js)
    after_base = len(js)
    document_json(amended, memo=js)
    assert len(js) == after_base + 2  # only the new § and its stk.
    md: BlockMemo = {}
    render_markdown(base, memo=md)
    render_markdown(amended, memo=md)
    assert len(md) == len(base.children) + 1
