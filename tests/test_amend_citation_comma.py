"""Amender: a citation naming a stk., nr. or punktum ("§ 5, stk. 1") is closed by a comma when the
sentence goes on (Justitsministeriets vejledning om lovkvalitet on henvisninger). When a quoted text that
ended on that closing comma is struck or changed to a text without it, the citation left before the seam
keeps its comma, as the LBK prints it; a citation without a comma inside, or no citation, is not closed.
Rows are real sentences; a lawyer can add one: the text before, the instruction, the text after."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.model.document import Document, Kind, Meta, Node, Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import order

# (source, the stk. before, the instruction (on § 7, stk. 1 of a stand-in law), the stk. after)
_FORVALTER = ("Undlader en forvalter af en alternativ investeringsfond i rette tid at efterkomme de pligter over for "
             "Finanstilsynet, der efter § 5, stk. 1{} § 10, stk. 1, § 11, stk. 1, § 61, stk. 2, nr. 2, § 67, stk. 1-5, "
             "§ 68, stk. 1-3, og § 73, stk. 1, nr. 3, og stk. 6, påhviler forvalteren, eller undlader en depositar i "
             "rette tid at efterkomme de pligter, kan Finanstilsynet pålægge tvangsbøder.")
_FRADRAG = ("Fradrag efter § 13 A{} er betinget af, at told- og skatteforvaltningen inden udløbet af "
            "selvangivelsesfristen for det indkomstår, hvor erhvervelsen har fundet sted, har modtaget oplysning.")
_ANKE = ("Ankestyrelsen{} kan beslutte, at kommunalbestyrelsen skal orientere styrelsen eller nævnet om "
         "kommunalbestyrelsens behandling.")
_ENERET = ("{} i § 2, stk. 1, 2. pkt., {}finder ikke anvendelse på virksomhed, der udøves i henhold til "
           "eneretsbevilling af 8. juli 1962 til efterforskning og indvinding af kulbrinter i Danmarks undergrund.")

# (source, the stk. before, the instruction (on § 7, stk. 1 of a stand-in law), the stk. after); each text is
# the base's as the LBK read it (shortened after the seam only)
COMMAS = [
    ("LOV 403/2014 § 4, nr. 31 on LOV 598/2013 § 191 (LBK 1074/2016 prints '§ 5, stk. 1, § 10')",
     _FORVALTER.format(" og 5,"), "I § 7, stk. 1, udgår »og 5,«.", _FORVALTER.format(",")),
    ("LOV 1499/2014 § 1, nr. 95 on § 70, stk. 9 (LBK 831/2015 prints '§ 18, stk. 1-6, og regler')",
     "Forældelsesfristen for strafansvaret er 5 år ved overtrædelse af § 18, stk. 1-5, og regler udstedt i "
     "henhold til § 18, stk. 6.",
     "I § 7, stk. 1, ændres »§ 18, stk. 1-5,« til: »§ 18, stk. 1-6«, og »§ 18, stk. 6« ændres til: »§ 18, stk. 7«.",
     "Forældelsesfristen for strafansvaret er 5 år ved overtrædelse af § 18, stk. 1-6, og regler udstedt i "
     "henhold til § 18, stk. 7."),
    ("LOV 724/2010 § 3, nr. 3 on § 14 (LBK 796/2011): '§ 13 A' has no comma inside, nothing to close",
     _FRADRAG.format(" og § 22, stk. 2,"), "I § 7, stk. 1, udgår »og § 22, stk. 2,«.", _FRADRAG.format("")),
    ("LOV 493/2013 § 1, nr. 52 on § 79 a, stk. 2 (LBK 983/2013): no citation before the seam",
     _ANKE.format(" eller det nævn, der har foretaget en undersøgelse som nævnt i stk. 1,"),
     "I § 7, stk. 1, udgår »eller det nævn, der har foretaget en undersøgelse som nævnt i stk. 1,«.",
     _ANKE.format("")),
    ("LOV 1636/2013 § 3, nr. 7 on § 6, stk. 2 (LBK 277/2014): the comma before the struck text stays, none is added",
     _ENERET.format("Bestemmelserne", "og § 3, stk. 5, "),
     "I § 7, stk. 1, ændres »Bestemmelserne« til: »Bestemmelsen«, og »og § 3, stk. 5,« udgår.",
     _ENERET.format("Bestemmelsen", "")),
]  # fmt: skip


def _law(text: str) -> Document:  # the stk. in a stand-in document the order of tests.amender_trees cites
    par = Node(Kind.PARAGRAF, "7", children=(Node(Kind.STK, "1", text=text),))
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), None, (par,)))


@pytest.mark.parametrize(("name", "before", "sentence", "after"), COMMAS, ids=[r[0] for r in COMMAS])
def test_a_citation_keeps_its_closing_comma(name: str, before: str, sentence: str, after: str) -> None:
    ops, problems = parse_instruction(sentence, Source("LOV 1/2014", "1", 1))
    assert problems == ()
    result = consolidate(_law(before), [order(Item(1, sentence, tuple(ops), line=3))])
    assert result.problems == ()
    assert result.document.children[0].children[0].text == after


# (source, the stk. before, the instruction, the stk. after): struck words after a citation's closing comma that
# ended the sentence leave the full stop alone, no ",." (the comma closed the citation only as the sentence went on)
ENDS = [
    ("LOV 629/2010 § 1, nr. 6 on servicelovens § 52, stk. 3, nr. 4 (LBK 81/2011 prints 'jf. § 107.')",
     "Døgnophold, jf. § 55, for både forældremyndighedsindehaveren, barnet eller den unge og andre medlemmer af "
     "familien i en plejefamilie, på et godkendt opholdssted eller på en døgninstitution, jf. § 66, nr. 1, 4 og 5, "
     "eller i et botilbud, jf. § 107, eller § 144.",
     "I § 7, stk. 1, udgår »eller § 144«.",
     "Døgnophold, jf. § 55, for både forældremyndighedsindehaveren, barnet eller den unge og andre medlemmer af "
     "familien i en plejefamilie, på et godkendt opholdssted eller på en døgninstitution, jf. § 66, nr. 1, 4 og 5, "
     "eller i et botilbud, jf. § 107."),
]  # fmt: skip


@pytest.mark.parametrize(("name", "before", "sentence", "after"), ENDS, ids=[r[0] for r in ENDS])
def test_no_comma_before_the_full_stop_that_ends_the_sentence(name: str, before: str, sentence: str,
                                                              after: str) -> None:
    ops, problems = parse_instruction(sentence, Source("LOV 1/2014", "1", 1))
    assert problems == ()
    result = consolidate(_law(before), [order(Item(1, sentence, tuple(ops), line=3))])
    assert result.problems == ()
    assert result.document.children[0].children[0].text == after
