"""The name pattern of the ressort layer (ressort.forms._pattern) is written as a tree of the forms'
common beginnings; it must find exactly what the flat alternation of the forms, longest first, finds:
every text of the real documents in tests/data/replay and the sentences below."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from lovkons.parsers.read import read_document
from lovkons.ressort.forms import name_forms
from lovkons.ressort.register import default_register

DATA = Path(__file__).resolve().parent / "data" / "replay"

SENTENCES = [
    "Ministeren for børn og undervisning fastsætter regler herom.",  # the longer form, not "ministeren for børn"
    "Klima-, energi- og bygningsministeren kan bemyndige Energistyrelsen.",
    "efter forhandling med social- og integrationsministeren og ministeren for børn, ligestilling, integration "
    "og sociale forhold",
    "Miljø- og Fødevareministeriet",  # not "Fødevareministeriet" at the end of a compound
    "undervisningsministerens  og  Undervisningsministeriets",
]


def _flat(texts: list[str]) -> regex.Pattern[str]:
    alts = "|".join(r"\s+".join(regex.escape(w) for w in t.split(" ")) for t in sorted(texts, key=lambda t: (-len(t), t)))
    return regex.compile(rf"(?<![\p{{L}}\d-])(?<!-,?\s+(?:og|eller)\s+)(?<!-,\s+)(?:{alts})(?![\p{{L}}\d])",
                         regex.IGNORECASE)  # fmt: skip


def _texts() -> list[str]:
    out = list(SENTENCES)
    for f in sorted(DATA.rglob("*.xml")):
        out += [n.text for n in read_document(f).document.walk() if n.text]
        out += [n.heading for n in read_document(f).document.walk() if n.heading]
    return out


@pytest.mark.parametrize("method", ["finditer", "match"])
def test_tree_pattern_finds_what_the_flat_list_finds(method: str) -> None:
    forms = name_forms(default_register())
    flat = _flat(list(forms.forms))
    texts = _texts()
    found = 0
    for text in texts:
        if method == "finditer":
            want = [m.span() for m in flat.finditer(text)]
            got = [m.span() for m in forms.pattern.finditer(text)]
        else:
            want = [(m.span() if (m := flat.match(text, i)) else None) for i in range(0, len(text), 7)]
            got = [(m.span() if (m := forms.pattern.match(text, i)) else None) for i in range(0, len(text), 7)]
        assert got == want, text
        found += sum(1 for g in got if g)
    assert found > 20
