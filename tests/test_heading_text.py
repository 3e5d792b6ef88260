"""Overskrift or sentence? A table of real lines ending in an abbreviation ("m.v.", "m.m.", "m.fl."),
and the real flattened payloads whose stk. text was read as the heading of the next §.

Danish drafting: an overskrift is a noun phrase and stands before a § or a chapter; a stk. text is a
sentence, and a "Stk. N." label is always followed by its own text.
"""

import pytest

from lovkons.model.document import Kind
from lovkons.parsers.text import parse_fragment
from lovkons.parsers.text_patterns import is_heading_text

# (text, is it a heading?) — headings from the LBKs of the 2010-2017 corpus, sentences from amending acts
HEADING_ROWS = [
    ("Børnehuse m.v.", True),
    ("Indretning af investeringsforeninger og SIKAV’er m.v.", True),
    (
        "Ret og pligt til tilbud for personer, der modtager dagpenge efter lov om arbejdsløshedsforsikring m.v.",
        True,
    ),
    ("Lovens ikrafttræden, ophævelse og ændring af andre love, overgangsbestemmelser m.v.", True),
    ("Tilskud til behandling hos tandlæge, kiropraktor, fysioterapeut, fodterapeut, psykolog m.fl.", True),
    # LOV 496/2013 § 1, nr. 7: stk. 2 of the new § 50 a
    (
        "Social- og integrationsministeren kan fastsætte nærmere regler om børnehusenes indretning, drift, "
        "finansiering og opgaver m.v.",
        False,
    ),
    # LOV 478/2012 § 1, nr. 3: stk. 2 of the new § 24 f
    (
        "Søfartsstyrelsen kan fastsætte regler om betaling for deltagelse i kurser omfattet af denne lov, "
        "herunder for aflæggelse af eksamen, prøver m.v.",
        False,
    ),
]


@pytest.mark.parametrize(("text", "heading"), HEADING_ROWS, ids=[t[:40] for t, _ in HEADING_ROWS])
def test_heading_or_sentence(text: str, heading: bool) -> None:
    assert is_heading_text(text) is heading


# Real payloads (the quoted text of the numbered changes, as the instruction reader flattens them)
LOV_496_2013_NR_7 = (
    "§ 50 a. Kommunalbestyrelserne i regionen skal oprette et børnehus i hver region til undersøgelse af et "
    "barns eller en ungs forhold, når barnet eller den unge har været udsat for overgreb, eller ved mistanke "
    "herom. Stk. 2. Social- og integrationsministeren kan fastsætte nærmere regler om børnehusenes indretning, "
    "drift, finansiering og opgaver m.v. § 50 b. Når et barn eller en ung har været udsat for overgreb, eller "
    "ved mistanke herom, skal kommunalbestyrelsen til brug for den børnefaglige undersøgelse efter § 50 benytte "
    "det børnehus, som kommunen er tilknyttet, jf. § 50 a."
)
LOV_478_2012_NR_3 = (
    "Kapitel 7 c Forskellige bestemmelser vedrørende uddannelser og kurser § 24 f. Søfartsstyrelsen kan opkræve "
    "betaling for godkendelse og kvalitetssikring af kursusudbydere og uddannelsesinstitutioner. Stk. 2. "
    "Søfartsstyrelsen kan fastsætte regler om betaling for deltagelse i kurser omfattet af denne lov, herunder "
    "for aflæggelse af eksamen, prøver m.v. § 24 g. Søfartsstyrelsen kan indhente de nødvendige oplysninger fra "
    "kursusudbyderne og uddannelsesinstitutionerne om undervisningen, kursusdeltagerne, personalet, økonomien "
    "og udstyret m.v. til brug for gennemførelse af Søfartsstyrelsens opgaver efter loven, herunder "
    "kvalitetssikring og udarbejdelse af statistik."
)
# Stk. 2 made of two sentences, the last ending in "m.v." (the last sentence is no heading either)
TWO_SENTENCES = LOV_496_2013_NR_7.replace("Stk. 2. ", "Stk. 2. Beredskabet skal udformes skriftligt. ")

PAYLOAD_ROWS = [
    (LOV_496_2013_NR_7, "50 a", "opgaver m.v."),
    (LOV_478_2012_NR_3, "24 f", "prøver m.v."),
    (TWO_SENTENCES, "50 a", "opgaver m.v."),
]


@pytest.mark.parametrize(
    ("payload", "label", "ending"), PAYLOAD_ROWS, ids=["496-2013", "478-2012", "two-pkt"]
)
def test_stk_text_ending_in_abbreviation_stays_in_the_stk(payload: str, label: str, ending: str) -> None:
    nodes = [n for top in parse_fragment(payload) for n in top.walk()]
    assert not [n.text for n in nodes if n.kind is Kind.OVERSKRIFT]
    paragraf = next(n for n in nodes if n.kind is Kind.PARAGRAF and n.label == label)
    stk2 = next(c for c in paragraf.children if c.label == "2")
    assert stk2.text.endswith(ending)
    assert len([n for n in nodes if n.kind is Kind.PARAGRAF]) == 2
