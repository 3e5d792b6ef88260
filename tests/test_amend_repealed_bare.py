"""A repealed § printed "§ 35 a. Ophævet." (no brackets) is a tombstone like "(Ophævet)", and a new § of that number
takes its place (drafting-grammar 3.6: "Efter § 6 indsættes: »§ 7. …«" reuses the gap a repealed § 7 left).

LBK 854/2011 (folkeoplysningsloven) prints §§ 35 a, 36 and 37 so; LBK 877/2011 § 11 and LBK 735/2013 print the
same bare word. LOV 1553/2016 § 1, nr. 8, "Efter § 35 indsættes: »§ 35 a. Kommunalbestyrelsen offentliggør en
fortegnelse …«", was refused before (PAYLOAD_MISMATCH: "new §§ 35 a do not fit between § 35 and § 35 a")."""

from __future__ import annotations

from pathlib import Path

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import read_doc, read_order
from lovkons.amender.tree import is_placeholder
from lovkons.model.document import Kind, Node

LAWS = Path(__file__).parent / "data" / "amend" / "repealed-bare-2017"


def test_a_new_paragraf_takes_the_place_of_one_printed_ophaevet() -> None:
    base = read_doc(LAWS / "LBK-2011-854.xml")
    result = consolidate(base, [read_order(LAWS / "LOV-2016-1553.xml")], parts={"LOV 1553/2016": "§ 1"})
    assert not [p for p in result.problems if (p.address or "").startswith("§ 35")]
    labels = [p.label for p in result.document.paragraffer()]
    assert labels.count("35 a") == 1
    new = next(p for p in result.document.paragraffer() if p.label == "35 a")
    assert new.children[0].text.startswith("Kommunalbestyrelsen offentliggør en fortegnelse over foreninger")


def test_the_bare_word_is_a_placeholder_only_as_the_whole_text() -> None:
    assert is_placeholder(Node(Kind.STK, "1", None, "Ophævet."))
    assert is_placeholder(Node(Kind.STK, "5", None, "Ophævet"))
    assert not is_placeholder(Node(Kind.STK, "1", None, "Ophævet. Dog gælder § 3 fortsat."))
    assert not is_placeholder(Node(Kind.STK, "1", None, "Ophævet ved lov nr. 310 af 2014."))
