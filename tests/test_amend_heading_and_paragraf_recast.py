"""A heading named with the § it stands before, recast in one item: "Overskriften før § 25 a og § 25 a affattes
således: »Leverancer af ydelser inden for EU § 25 a. …«" (LOV 277/2012 § 2, nr. 7, momsloven) reads as the same
words with "ophæves, og i stedet indsættes" (LOV 638/2013 § 1, nr. 6; LOV 647/2013 § 20, nr. 3): the heading goes
and the § gives way to the new text, which brings its own heading. It was one recast whose place was the heading,
and the § named with it was refused (GROUP_PLACE_UNAPPLIED). LBK 106/2013 prints the new heading and § 25 a."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.model.document import Document, Kind

LAWS = Path(__file__).parent / "data" / "amend" / "heading-and-paragraf-2012"


def _around(doc: Document, label: str) -> tuple[str | None, str]:
    """The heading right before § `label` and the § text."""
    def walk(nodes: tuple) -> tuple[str | None, str] | None:  # type: ignore[type-arg]
        before = None
        for n in nodes:
            if n.kind is Kind.PARAGRAF and n.label == label:
                return (before.text if before is not None and before.kind is Kind.OVERSKRIFT else None,
                        " ".join(c.text for c in n.walk() if c.text))
            if n.kind in (Kind.KAPITEL, Kind.AFSNIT) and (found := walk(n.children)) is not None:
                return found
            before = n
        return None
    found = walk(doc.children)
    assert found is not None
    return found


def test_the_heading_and_the_paragraf_are_recast_as_the_lbk_prints_them() -> None:
    base = read_doc(LAWS / "LBK-2011-287.xml")
    result = consolidate(base, [read_order(LAWS / "LOV-2012-277.xml")], parts={"LOV 277/2012": "§ 2"})
    assert not [p for p in result.problems if p.severity == "error" and "25 a" in (p.address or "")]
    assert _around(result.document, "25 a") == _around(read_doc(LAWS / "LBK-2013-106.xml"), "25 a")
    assert _around(result.document, "25 a")[0] == "Leverancer af ydelser inden for EU"
