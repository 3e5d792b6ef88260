""""Overskriften til § N": a § without a heading of its own is headed by the heading that stands before it
(amender.resolve). "I overskriften til § 159 a ændres »Fondsrådets kontrol« til: »Kontrol«." (LOV 1287/2012
§ 7, nr. 2) on årsregnskabsloven, whose readers give § 159 a no heading and put "Fondsrådets kontrol med
årsrapporter …" before it (LBK 1253/2013 prints "Kontrol med årsrapporter …"). Excerpts: LBK 323/2011 § 159 a
(bilag left out); LOV 1287/2012 § 7, nr. 2 (tests/data/amend/heading-til-2012)."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.consolidate import ensure_ids
from lovkons.amender.manifest import load_manifest, read_doc, run_manifest
from lovkons.amender.resolve import resolve_current
from lovkons.model.document import Address, Document, Kind, Level, Meta, Node

DATA = Path(__file__).parent / "data" / "amend" / "heading-til-2012"


def _headings(doc: Document) -> list[str]:
    return [n.text or n.heading or "" for n in doc.walk() if n.kind is Kind.OVERSKRIFT]


def test_the_heading_before_the_paragraf_is_changed() -> None:
    run = run_manifest(load_manifest(DATA / "manifest.yaml", follow_links=True))
    assert not run.result.problems
    heads = _headings(run.result.document)
    assert any(h.startswith("Kontrol med årsrapporter og delårsrapporter") for h in heads)
    assert not any("Fondsrådets kontrol" in h for h in heads)
    assert any("Fondsrådets kontrol" in h for h in _headings(read_doc(DATA / "base.xml")))


def test_a_paragraf_with_a_heading_of_its_own_keeps_it_as_the_target() -> None:
    own = Node(Kind.PARAGRAF, "5", heading="Tilsyn", children=(Node(Kind.STK, "1", text="Kommunen fører tilsyn."),))
    plain = Node(Kind.PARAGRAF, "6", children=(Node(Kind.STK, "1", text="Klage sker til ministeren."),))
    law = ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), None,
                              (own, Node(Kind.OVERSKRIFT, None, text="Klage"), plain)))
    assert resolve_current(law, _til("5")).kind == "kapitel_heading"  # the § node's own heading
    assert resolve_current(law, _til("6")).kind == "heading"  # "Klage", before § 6


def _til(label: str) -> Address:
    """"overskriften til § N" as the instruction reader gives it."""
    return Address(((Level.PARAGRAF, label), (Level.OVERSKRIFT, "til")))
