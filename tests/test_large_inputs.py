"""Large and adversarial inputs give the right result: many units glued on one line (flattened
payloads, one-line laws), many "jf. § N" references, many "foretages følgende ændringer" keys.
Results only, never timings (bench/bench_adversarial.py measures the growth)."""

import regex

from lovkons.model.document import Kind
from lovkons.model.edits import Replace
from lovkons.parsers.instructions import read_amending_bytes
from lovkons.parsers.instructions.opening import OPENING, search_opening
from lovkons.parsers.text import parse_fragment, parse_text

STKS = 1500  # far beyond the old recursion limit (~330 glued units per line)


def _flat_paragraf(stks: int) -> str:
    return "§ 5. Tekst. " + " ".join(f"Stk. {k}. Tekst om {k}, jf. § 4." for k in range(2, stks + 1))


def test_flattened_payload_with_many_stk_keeps_every_stk() -> None:
    (par,) = parse_fragment(_flat_paragraf(STKS))
    assert par.kind is Kind.PARAGRAF and par.label == "5"
    assert [s.label for s in par.children] == [str(k) for k in range(1, STKS + 1)]
    assert par.children[-1].text == f"Tekst om {STKS}, jf. § 4."


def test_one_line_law_with_many_glued_paragraffer_keeps_every_paragraf() -> None:
    n = 1200
    text = "Bekendtgørelse om prøver\n\n" + " ".join(f"Overskrift {k} § {k}. Tekst {k}." for k in range(1, n + 1))
    doc = parse_text(text + "\n").document
    pars = doc.paragraffer()
    assert [p.label for p in pars] == [str(k) for k in range(1, n + 1)]
    assert pars[-1].children[0].text == f"Tekst {n}."
    # what precedes each glued "§ k." heads it (as on a short line: the parse is the same at any length)
    headings = [c.text for c in doc.children if c.kind is Kind.OVERSKRIFT]
    assert headings[:2] == ["Overskrift 1", "Tekst 1. Overskrift 2"] and len(headings) == n
    assert headings[-1] == f"Tekst {n - 1}. Overskrift {n}"


def test_many_references_before_the_next_paragraf_are_not_units() -> None:
    refs = " ".join("jf. § 4," for _ in range(3000))
    (first, second) = parse_fragment(f"§ 5. Tekst {refs} slut. § 6. Mere tekst.")
    assert (first.label, second.label) == ("5", "6")
    assert first.children[0].text.count("jf. § 4,") == 3000


def test_huge_payload_of_an_amending_order_is_parsed_into_units() -> None:
    stks = 800
    body = "\n".join(f"Stk. {k}. Tekst om {k}, jf. § 4." for k in range(2, stks + 1))
    text = (
        "Bekendtgørelse om ændring af bekendtgørelse om prøver\n\n§ 1\n\n"
        "I bekendtgørelse nr. 1 af 2. januar 2020 om prøver foretages følgende ændringer:\n\n"
        f"1. § 5 affattes således:\n»§ 5. Tekst.\n{body}«\n\n§ 2\n\nBekendtgørelsen træder i kraft den 1. juli 2020.\n"
    )
    doc = read_amending_bytes(text.encode("utf-8"))
    (op,) = doc.changes[0].items[0].operations
    assert isinstance(op, Replace)
    (par,) = op.payload
    assert par.kind is Kind.PARAGRAF and len(par.children) == stks


def _naive_search_opening(text: str) -> regex.Match[str] | None:
    """The definition search_opening implements: the first key phrase with an opening before it."""
    key = regex.compile(r"\s+foretages\s+følgende\s+ændring(?:er)?\s*[:.;]", regex.I)
    for k in key.finditer(text):
        if m := OPENING.search(text, 0, k.end()):
            return m
    return None


def test_many_keys_without_an_opening_then_a_real_opening() -> None:
    noise = "ord foretages følgende ændringer: tekst. " * 20000
    text = noise + "I lov om prøver foretages følgende ændringer:"
    m = search_opening(text)
    assert m is not None and m["cited"] == "lov om prøver"


def test_search_opening_agrees_with_its_definition_on_edge_cases() -> None:
    cases = [
        "I foretages følgende ændringer: I x foretages følgende ændringer:",
        "I  foretages følgende ændringer: og foretages følgende ændringer:",
        "a foretages følgende ændringer: I, foretages følgende ændringer.",
        "xI y foretages følgende ændringer: I z foretages følgende ændringer;",
        "I\n\nfoo foretages følgende ændringer: bar foretages følgende ændring:",
        "ord foretages følgende ændringer: " * 50 + "i loven foretages følgende ændringer:",
    ]
    for text in cases:
        got, want = search_opening(text), _naive_search_opening(text)
        assert (got and got.span()) == (want and want.span()), text
