"""A replacement whose count the cited unit does not bear out (amender.text_readings.every_occurrence):
the official consolidations change every occurrence of a name or a reference in the cited unit
(TOLERATED_COUNT); an ordinary word found more often than said stays refused. A quote closed by a comma
also stands where the quoted reference ends a punktum (text_readings.comma_at_punktum_end). Rows are real sentences
and provision texts (LOV 395/2016 on LBK 216/2017, LOV 268/2014 on LBK 1074/2016); a lawyer can add one."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.model.document import Document, Meta, Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import order, par, stk

_STK7 = ("Forvalteren skal … beholde denne del af pensionsydelsen i 5 år i form af instrumenter som nævnt i stk. 2, "
         "{0}. Stk. 5 og 6 finder tilsvarende anvendelse på de i 1. pkt. nævnte tilfælde. Hvis modtageren er medlem "
         "af det øverste ledelsesorgan …, skal forvalteren udbetale den variable del af pensionsydelsen til modtageren "
         "i form af de i stk. 2, {0}, nævnte instrumenter uden mulighed for afhændelse.")
_MOMS = ("Leveringsstedet for ydelser er her i landet, når ydelsen leveres til en afgiftspligtig person, der handler i "
         "denne egenskab, og som har etableret stedet for sin økonomiske virksomhed her i landet eller har et fast "
         "forretningssted her i landet, hvortil ydelsen leveres, eller i mangel heraf har sin bopæl eller sit "
         "sædvanlige opholdssted her i landet, og ydelsen leveres hertil, jf. dog stk. 2 og 3 og § 18, § 19, stk. 1, "
         "{0}, § 21 a og § 21 b.")  # momslovens § 16, stk. 1 (LBK 106/2013)
_UDL = ("Udlændingestyrelsen, Styrelsen for Fastholdelse og Rekruttering og statsforvaltningerne kan til brug for "
        "Arbejdsmarkedsstyrelsens overvågning af arbejdsmarkedet videregive oplysninger om udlændinge, der er meddelt "
        "opholdstilladelse eller arbejdstilladelse efter denne lov, og oplysninger om udenlandske arbejdstagere, der "
        "har fået udstedt registreringsbevis på baggrund af beskæftigelse efter denne lov.")
_VEJ = ("Vejtransportrådet træffer afgørelse i sager af principiel karakter eller af betydelig almen interesse, for "
        "så vidt angår udstedelse af tilladelse til erhvervsmæssig personbefordring efter § 1, stk. 1, ")

# (where, sentence, text of the provision, the provision afterwards (None: refused), problem codes)
ROWS = [
    ("LOV 395/2016 § 1, nr. 7: a renamed authority named twice, the item says once",
     "I § 1 ændres »Arbejdsskadestyrelsen« til: »Arbejdsmarkedets Erhvervssikring«.",
     "Arbejdsskadestyrelsen træffer afgørelse om dispensation ved anmeldelser af erhvervssygdomme, uanset om de er "
     "sendt til Arbejdsskadestyrelsen eller til Arbejdstilsynet.",
     "Arbejdsmarkedets Erhvervssikring træffer afgørelse om dispensation ved anmeldelser af erhvervssygdomme, uanset "
     "om de er sendt til Arbejdsmarkedets Erhvervssikring eller til Arbejdstilsynet.", ["TOLERATED_COUNT"]),
    ("LOV 268/2014 § 4, nr. 14: \"to steder\" where the unit holds the reference once",
     "I § 1 ændres »stk. 2, nr. 3,« to steder til: »stk. 2, nr. 4,«.",
     "Den variable løndel, jf. stk. 2, nr. 3, kan udbetales i form af andele.",
     "Den variable løndel, jf. stk. 2, nr. 4, kan udbetales i form af andele.", ["TOLERATED_COUNT"]),
    ("LOV 268/2014 § 4, nr. 14 on § 20, stk. 7 (LBK 1074/2016): the second reference ends a punktum",
     "I § 1 ændres »stk. 2, nr. 3,« to steder til: »stk. 2, nr. 4,«.",
     _STK7.format("nr. 3"), _STK7.format("nr. 4"), ["TOLERATED_COMMA_AS_FULL_STOP"]),
    ("LOV 471/2011 § 2, nr. 1 on § 2 a, stk. 1: the quote's comma is the full stop that ends the punktum",
     "I § 1 ændres »og § 13, stk. 1, 3 og 4, til udlejning m.v. efter § 1 a, om godkendelse som ansvarlig leder i "
     "et selskab m.v. efter § 13, stk. 2, om fornyelse af en tilladelse samt om tilbagekaldelse af en tilladelse "
     "eller en godkendelse efter § 14, stk. 1-4 og 6,« til: »til udlejning m.v. efter § 1 a, om godkendelse som "
     "transportleder i en virksomhed, om fornyelse af en tilladelse og om tilbagekaldelse af en tilladelse eller "
     "en godkendelse.«",
     _VEJ + "og § 13, stk. 1, 3 og 4, til udlejning m.v. efter § 1 a, om godkendelse som ansvarlig leder i et "
     "selskab m.v. efter § 13, stk. 2, om fornyelse af en tilladelse samt om tilbagekaldelse af en tilladelse eller "
     "en godkendelse efter § 14, stk. 1-4 og 6.",
     _VEJ + "til udlejning m.v. efter § 1 a, om godkendelse som transportleder i en virksomhed, om fornyelse af en "
     "tilladelse og om tilbagekaldelse af en tilladelse eller en godkendelse.", ["TOLERATED_COMMA_AS_FULL_STOP"]),
    ("LOV 922/2012 § 7, nr. 1 on personskattelovens § 13, stk. 5 (LBK 382/2013): an insertion after a comma quote "
     "that ends a punktum",
     "I § 1 indsættes efter »§ 16, stk. 1,«: »3. pkt.,«.",
     "Der kan ikke ske overførsel efter stk. 4 af den del af underskuddet, der modsvares af beløb omfattet af "
     "beløbsgrænsen i pensionsbeskatningslovens § 16, stk. 1. Bestemmelsen finder dog ikke anvendelse.",
     "Der kan ikke ske overførsel efter stk. 4 af den del af underskuddet, der modsvares af beløb omfattet af "
     "beløbsgrænsen i pensionsbeskatningslovens § 16, stk. 1, 3. pkt. Bestemmelsen finder dog ikke anvendelse.",
     ["TOLERATED_COMMA_AS_FULL_STOP"]),
    ("LOV 738/2015 § 1, nr. 77 on årsregnskabslovens § 49, stk. 2, nr. 6 (LBK 1580/2015): the new text ends in a "
     "connector, the unit runs on into the new nr. 7: no full stop after it",
     "I § 1 ændres »jf. § 52, stk. 2,« til: »jf. § 52, stk. 2, og«.",
     "tilbageførsel på grund af væsentlige fejl, jf. § 52, stk. 2.",
     "tilbageførsel på grund af væsentlige fejl, jf. § 52, stk. 2, og", ["TOLERATED_COMMA_AS_FULL_STOP"]),
    ("LOV 430/2013 § 1, nr. 33 on udlændingelovens § 44 a, stk. 10 (LBK 984/2012): a comma after words, not after a "
     "citation; no LBK prints the insertion (LBK 863/2013): refused",
     "I § 1 indsættes efter »beskæftigelse efter denne lov,«: »oplysninger om udlændinge, der har opnået "
     "beskæftigelse i medfør af § 14 a,«.", _UDL, None, ["TEXT_NOT_FOUND"]),
    ("the insertion where the comma stands: no tolerance needed",
     "I § 1 indsættes efter »§ 16, stk. 1,«: »3. pkt.,«.",
     "Beløb omfattet af pensionsbeskatningslovens § 16, stk. 1, medregnes ikke.",
     "Beløb omfattet af pensionsbeskatningslovens § 16, stk. 1, 3. pkt., medregnes ikke.", []),
    ("a comma quote said twice whose full-stop form stands inside a punktum (an abbreviation): every "
     "occurrence of the quote only",
     "I § 1 ændres »stk. 2, nr. 3,« to steder til: »stk. 2, nr. 4,«.",
     "Instrumenter som nævnt i stk. 2, nr. 3, kan anvendes; jf. stk. 2, nr. 3.a i bilaget.",
     "Instrumenter som nævnt i stk. 2, nr. 4, kan anvendes; jf. stk. 2, nr. 3.a i bilaget.", ["TOLERATED_COUNT"]),
    ("LOV 554/2014 § 1, nr. 2 on momslovens § 16, stk. 1 (LBK 760/2016): »§ 21« is not in \"§ 21 a\" nor \"§ 21 b\"",
     "I § 1 ændres »§ 21« til: »§ 21, stk. 1«.", _MOMS.format("§ 21"), _MOMS.format("§ 21, stk. 1"), []),
    ("\"§ 21 i lov om …\": the preposition, not a § 21 i", "I § 1 ændres »§ 21« to steder til: »§ 22«.",
     "Efter § 21 i lov om social service og § 21 a ydes hjælp, jf. § 21.",
     "Efter § 22 i lov om social service og § 21 a ydes hjælp, jf. § 22.", []),
    ("the count holds: no tolerance needed",
     "I § 1 ændres »Arbejdsskadestyrelsen« to steder til: »Arbejdsmarkedets Erhvervssikring«.",
     "Arbejdsskadestyrelsen træffer afgørelse, også når sagen er sendt til Arbejdsskadestyrelsen.",
     "Arbejdsmarkedets Erhvervssikring træffer afgørelse, også når sagen er sendt til Arbejdsmarkedets "
     "Erhvervssikring.", []),
    ("an ordinary word said once and found twice may mean one of them: refused",
     "I § 1 ændres »kan« til: »skal«.",
     "Ministeren kan fastsætte regler om anmeldelse, og styrelsen kan træffe afgørelse herom.",
     None, ["OCCURRENCE_MISMATCH"]),
]  # fmt: skip


def _base(text: str) -> Document:
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), "", (par("1", stk("1", text)),)))


@pytest.mark.parametrize(("where", "sentence", "before", "after", "codes"), ROWS, ids=[r[0] for r in ROWS])
def test_count_the_unit_does_not_bear_out(where: str, sentence: str, before: str, after: str | None,
                                          codes: list[str]) -> None:
    ops, _ = parse_instruction(sentence, Source("LOV 395/2016", "1", 7))
    assert ops, where
    result = consolidate(_base(before), [order(Item(1, sentence, ops))])
    assert [p.code for p in result.problems] == codes, where
    assert result.document.children[0].children[0].text == (after or before), where


def test_an_occurrence_another_item_of_the_act_changes_is_left_to_it() -> None:
    # LOV 395/2016 § 1, nr. 7 renames »Arbejdsskadestyrelsen« once in § 34, stk. 5 (which names it
    # twice), because its nr. 21 changes »Direktøren for Arbejdsskadestyrelsen fastsætter« there (LBK 216/2017)
    text = ("Arbejdsskadestyrelsen skal underrettes af Sundhedsstyrelsen om anmeldelser af særlige kræftdiagnoser. "
            "Direktøren for Arbejdsskadestyrelsen fastsætter regler om underretningen.")
    sentences = ["I § 1 ændres »Arbejdsskadestyrelsen« til: »Arbejdsmarkedets Erhvervssikring«.",
                 "I § 1 ændres »Direktøren for Arbejdsskadestyrelsen fastsætter« til: »Beskæftigelsesministeren "
                 "fastsætter«."]
    items = [Item(n, s, parse_instruction(s, Source("LOV 395/2016", "1", n))[0]) for n, s in ((7, sentences[0]),
                                                                                            (21, sentences[1]))]
    result = consolidate(_base(text), [order(*items)])
    assert [p.code for p in result.problems] == ["TOLERATED_COUNT"]
    assert result.document.children[0].children[0].text == (
        "Arbejdsmarkedets Erhvervssikring skal underrettes af Sundhedsstyrelsen om anmeldelser af særlige "
        "kræftdiagnoser. Beskæftigelsesministeren fastsætter regler om underretningen.")
