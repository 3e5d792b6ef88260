"""A § the LexDania XML gives no label — no Explicatus, an empty one, a lone "§ " or an invisible character — is read
without a label, as before, and said with its place (XML_NO_LABEL: the kapitel, the § before it): no number is
guessed. A "§ 3" standing alone and the unlabelled element after it are one § (XML_SPLIT_PARAGRAF) and say nothing
more. Real excerpts; most are a "(Ophævet)" standing for the §§ of a repealed kapitel (LBK 1054/2010 kapitel 5)."""

from __future__ import annotations

import pytest

from lovkons.model.document import Kind
from lovkons.parsers.lexdania import parse_lexdania


def _read(body: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The labels of the §§ and (code, message) of the problems of a LexDania document with this body."""
    data = (f"<Dokument><Meta><DocumentType>LBK H#LOKDOK03</DocumentType></Meta><DokumentIndhold>{body}"
            "</DokumentIndhold></Dokument>").encode()
    result = parse_lexdania(data, file="lbk.xml")
    labels = [n.label for n in result.document.walk() if n.kind is Kind.PARAGRAF]
    return labels, [(p.code, p.message) for p in result.problems]


def _par(label: str, text: str, explicatus: str | None = None) -> str:
    """A § of one stk.; without a label, an Explicatus only when one is given (" ", "\u200c")."""
    if label:
        explicatus = f"§ {label}."
    shown = "" if explicatus is None else f"<Explicatus>{explicatus}</Explicatus>"
    return f"<Paragraf>{shown}<Stk><Exitus><Linea><Char>{text}</Char></Linea></Exitus></Stk></Paragraf>"


def _kapitel(label: str, *paragraffer: str) -> str:
    return f"<Kapitel><Explicatus>Kapitel {label}</Explicatus><ParagrafGruppe>{''.join(paragraffer)}</ParagrafGruppe>" \
           "</Kapitel>"


CASES = {
    "LBK 1054/2010 kapitel 5": (
        _kapitel("4", _par("37 a", "Kommunalbestyrelsen nedsætter et handicapråd.")) + _kapitel("5", _par("", "(Ophævet).")),
        "kapitel 5, after § 37 a"),
    "LBK 930/2012 kapitel 5": (
        _kapitel("4", _par("37 a", "Kommunalbestyrelsen nedsætter et handicapråd."))
        + _kapitel("5", _par("", "(Ophævet).", explicatus=" ")), "kapitel 5, after § 37 a"),
    "LBK 1156/2016 kapitel VII": (
        _kapitel("VI", _par("38", "Loven gælder ikke for Færøerne og Grønland.")) + _kapitel("VII", _par("", "(Ophævet)",
                                                                                                       "\u200c")),
        "kapitel VII, after § 38"),
    "LBK 769/2015 kapitel VIII": (  # "§ 62-62 c." names several §§: not one label
        _kapitel("VIII", _par("61", "Simpelt uagtsom pligttilsidesættelse straffes dog ikke."),
                 "<Paragraf><Explicatus>§ </Explicatus><Stk><Exitus><Linea><Char formaChar=\"Bold\">§ 62-62 c.</Char>"
                 "</Linea><Linea><Char>(Ophævet)</Char></Linea></Exitus></Stk></Paragraf>"),
        "kapitel VIII, after § 61"),
    "LOV 643/2013": (
        "<AendringCentreretParagraf><Explicatus> </Explicatus><Exitus><Linea><Char>Lov nr. 399 af 7. juni 1989 om "
        "anvendelse af Christianiaområdet ophæves den 15. juli 2013.</Char></Linea></Exitus></AendringCentreretParagraf>",
        "before the first §"),
}


@pytest.mark.parametrize(("body", "place"), CASES.values(), ids=CASES.keys())
def test_a_paragraf_without_label_is_said_with_its_place_and_given_no_number(body: str, place: str) -> None:
    labels, problems = _read(body)
    assert "" in labels and [c for c, _ in problems] == ["XML_NO_LABEL"] and f"({place})" in problems[0][1]


def test_a_paragraf_split_in_two_elements_is_joined_and_says_only_that() -> None:
    """LOV 244/2010: "<AendringCentreretParagraf><Explicatus>§ 3</Explicatus></AendringCentreretParagraf>" and then
    its text in an IkraftCentreretParagraf without a label."""
    labels, problems = _read(
        "<AendringCentreretParagraf><Explicatus>§ 3</Explicatus></AendringCentreretParagraf><IkraftCentreretParagraf>"
        "<Stk><Explicatus>Stk. 1.</Explicatus><Exitus><Linea><Char>Loven træder i kraft den 1. juli 2010.</Char>"
        "</Linea></Exitus></Stk></IkraftCentreretParagraf>")
    assert labels == ["3"] and [c for c, _ in problems] == ["XML_SPLIT_PARAGRAF"]
