"""The ressort name search skips texts that hold none of the names' last words: it must find exactly what
the full pattern finds, on every form of the register and on the text of real laws."""

from __future__ import annotations

from pathlib import Path

import pytest

from lovkons.parsers.read import read_document
from lovkons.ressort.forms import name_forms
from lovkons.ressort.register import default_register

LAWS = Path(__file__).resolve().parent / "data" / "laws"


def spans(found: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m[0]) for m in found]  # type: ignore[attr-defined]


def test_every_form_of_the_register_is_found_through_the_gate() -> None:
    forms = name_forms(default_register())
    for written in forms.forms:
        for text in (f"Det fastsættes af {written} efter høring.", f"{written.upper()}.", f"({written}, jf. § 2)"):
            assert spans(forms.finditer(text)) == spans(forms.pattern.finditer(text)) != [], text


@pytest.mark.parametrize("path", sorted(LAWS.glob("*/*.xml"))[:12], ids=lambda p: p.stem)
def test_real_law_texts_give_the_same_matches(path: Path) -> None:
    forms = name_forms(default_register())
    doc = read_document(path).document
    texts = [t for n in doc.walk() for t in (n.text, n.heading) if t]
    assert texts
    assert [spans(forms.finditer(t)) for t in texts] == [spans(forms.pattern.finditer(t)) for t in texts]


def test_the_grouped_gate_is_the_gate_of_every_piece() -> None:
    """The pieces searched in groups under the ending they share ("styrelsen", "klagenævnet"): a text
    holds a piece exactly when the grouped search says so, on every piece, every form, real sentences."""
    forms = name_forms(default_register())
    assert sorted(p for part, members in forms.groups for p in (members or (part,))) == sorted(forms.pieces)
    assert all(all(m.endswith(part) for m in members) for part, members in forms.groups)
    texts = [*forms.pieces, *forms.forms, "sager, der ikke er færdigbehandlet af Naturklagenævnet",
             "Miljøstyrelsen kan fastsætte regler", "Styrelsen for Arbejdsmarked og Rekruttering",
             "telestyrelsen", "Erhvervs- og Selskabsstyrelsen", "Arbejdsskadestyrelsen", "kvalitetsrapport", ""]
    for text in texts:
        folded = text.casefold()
        assert forms.holds_piece(folded) == any(p in folded for p in forms.pieces), text
