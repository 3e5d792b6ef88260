"""The ressort layer on real sentences: each kind of change (whole ministry renamed, area transferred,
split, authority merged or renamed), who is responsible for a law on a day, the rules that keep an
old name (quoted, past office, title of an act, part of another name), and what is never touched.

Each case: a real sentence (from the LBK or law named), the law's title, the evidence of its ministry
(who signed it, when), the day consolidated, and the sentence as the official consolidation prints it
on that day. A legal reader can add a case without writing Python.
"""

from __future__ import annotations

import datetime as dt

import pytest

from lovkons.model.document import Document, Kind, Meta, Node
from lovkons.ressort.guards import GUARDS, kept_by
from lovkons.ressort.layer import apply_ressort
from lovkons.ressort.register import default_register
from lovkons.ressort.responsible import Evidence, law_title, responsibility

D = dt.date.fromisoformat


def law(title: str, *texts: str, notes: tuple[str, ...] = ()) -> Document:
    """A law with one § per text (and the LBK's notes after them)."""
    paragraffer = tuple(Node(Kind.PARAGRAF, str(i), children=(Node(Kind.STK, "1", text=t),))
                        for i, t in enumerate(texts, 1))
    return Document(Meta("LBK", 1, 2010, D("2010-01-01"), title), children=(
        *paragraffer, *(Node(Kind.NOTE, text=n) for n in notes)))  # fmt: skip


def text_of(doc: Document) -> list[str]:
    return [n.text for n in doc.walk() if n.kind is Kind.STK]


# (id, law title, who signed (day, ministry), the day, the sentence as enacted, as the LBK prints it, basis)
CASES = [
    ("whole ministry renamed (LBK 782/2012)", "Bekendtgørelse af lov om folkekirkens økonomi",
     [("2010-12-05", "Kirkeministeriet")], "2012-07-06",
     "Kirkeministeren kan fastsætte nærmere regler om menighedsrådets afholdelse af udgifter.",
     "Ministeren for ligestilling og kirke kan fastsætte nærmere regler om menighedsrådets afholdelse af udgifter.",
     "kgl. res. af 3. oktober 2011"),
    ("group genitive (LBK 782/2012)", "Bekendtgørelse af lov om folkekirkens økonomi",
     [("2010-12-05", "Kirkeministeriet")], "2012-07-06",
     "Beløbet fastsættes efter kirkeministerens bestemmelse.",
     "Beløbet fastsættes efter ministeren for ligestilling og kirkes bestemmelse.", "kgl. res. af 3. oktober 2011"),
    ("renamed twice (LBK 750/2016)", "Bekendtgørelse af lov om institutioner for almengymnasiale uddannelser",
     [("2010-06-14", "Undervisningsministeriet")], "2016-06-21",
     "Undervisningsministeren fastsætter nærmere regler om Tipsungdomsnævnets virke.",
     "Ministeren for børn, undervisning og ligestilling fastsætter nærmere regler om Tipsungdomsnævnets virke.",
     "kgl. res. af 28. juni 2015"),  # the name last ended then (it was back in office 2013-2015)
    ("renamed back (LBK 144/2017)", "Bekendtgørelse af lov om kommunale særlige tilbud om grundskoleundervisning",
     [("2016-06-08", "Ministeriet for Børn, Undervisning og Ligestilling")], "2017-02-03",
     "Ministeren for børn, undervisning og ligestilling kan fastsætte nærmere regler om vejledningen efter stk. 1-4.",
     "Undervisningsministeren kan fastsætte nærmere regler om vejledningen efter stk. 1-4.",
     "kgl. res. af 28. november 2016"),
    ("area transferred, title keyword (LBK 260/2013)", "Bekendtgørelse af lov om hold af malkekvæg og afkom af malkekvæg",
     [("2010-05-26", "Justitsministeriet")], "2013-03-08",
     "Justitsministeren kan i særlige tilfælde helt eller delvis undtage bedrifter eller kreaturer fra loven.",
     "Ministeren for fødevarer, landbrug og fiskeri kan i særlige tilfælde helt eller delvis undtage bedrifter eller "
     "kreaturer fra loven.", "kgl. res. af 14. december 2011"),
    ("area not transferred: other laws of the old ministry", "Bekendtgørelse af udlændingeloven",
     [("2010-05-26", "Justitsministeriet")], "2013-03-08",
     "Justitsministeren kan bestemme, at de oplysninger, der er indgået i vurderingen efter stk. 1, af "
     "sikkerhedsmæssige grunde ikke kan videregives til den udlænding, vurderingen angår.",
     "Justitsministeren kan bestemme, at de oplysninger, der er indgået i vurderingen efter stk. 1, af "
     "sikkerhedsmæssige grunde ikke kan videregives til den udlænding, vurderingen angår.", None),
    ("area transferred, law listed (LBK 466/2013)", "Bekendtgørelse af lov om maritime uddannelser",
     [("2011-03-04", "Økonomi- og Erhvervsministeriet")], "2013-05-08",
     "Økonomi- og erhvervsministeren kan fastsætte regler om uddannelseskrav til fritidssejlere.",
     "Ministeren for forskning, innovation og videregående uddannelser kan fastsætte regler om uddannelseskrav til "
     "fritidssejlere.", "kgl. res. af 3. oktober 2011"),
    ("split, title keyword (LBK 127/2013)", "Bekendtgørelse af lov om kommunale og regionale valg",
     [("2011-02-08", "Indenrigs- og Sundhedsministeriet")], "2013-02-11",
     "Indenrigs- og sundhedsministeren fastsætter regler om valgbøgernes indhold og udformning.",
     "Økonomi- og indenrigsministeren fastsætter regler om valgbøgernes indhold og udformning.",
     "kgl. res. af 3. oktober 2011"),
    ("split, the title names two areas: its subject decides (LBK 770/2015 § 26)",
     "Bekendtgørelse af lov om regioner og om nedlæggelse af amtskommunerne, Hovedstadens Udviklingsråd og "
     "Hovedstadens Sygehusfællesskab (regionsloven)", [("2010-11-01", "Indenrigs- og Sundhedsministeriet")],
     "2015-06-09", "Indenrigs- og sundhedsministeren kan fastsætte regler om regionernes låntagning og lignende "
     "dispositioner.",
     "Økonomi- og indenrigsministeren kan fastsætte regler om regionernes låntagning og lignende dispositioner.",
     "kgl. res. af 3. oktober 2011"),
    ("split, the law's later signature decides", "Bekendtgørelse af lov om noget tredje",
     [("2011-02-08", "Indenrigs- og Sundhedsministeriet"), ("2012-05-01", "Ministeriet for Sundhed og Forebyggelse")],
     "2013-02-11", "Indenrigs- og sundhedsministeren fastsætter regler om valgbøgernes indhold og udformning.",
     "Ministeren for sundhed og forebyggelse fastsætter regler om valgbøgernes indhold og udformning.",
     "kgl. res. af 3. oktober 2011"),
    ("authorities merged (LBK 23/2013)", "Bekendtgørelse af konkurrenceloven",
     [("2010-08-13", "Økonomi- og Erhvervsministeriet")], "2013-01-17",
     "Konkurrencestyrelsen offentliggør:", "Konkurrence- og Forbrugerstyrelsen offentliggør:",
     "sammenlægning af Konkurrencestyrelsen og Forbrugerstyrelsen pr. 1. januar 2010"),
    ("authority renamed by a law, in force", "Bekendtgørelse af lov om aktindsigt i miljøoplysninger",
     [("2015-08-18", "Miljø- og Fødevareministeriet")], "2017-03-01",
     "Klage til Natur- og Miljøklagenævnet indgives skriftligt til den myndighed, der har truffet afgørelsen.",
     "Klage til Miljø- og Fødevareklagenævnet indgives skriftligt til den myndighed, der har truffet afgørelsen.",
     "lov nr. 1715 af 27. december 2016"),
    ("authority renamed by a law, not yet in force", "Bekendtgørelse af lov om aktindsigt i miljøoplysninger",
     [("2015-08-18", "Miljø- og Fødevareministeriet")], "2017-01-26",
     "Klage til Natur- og Miljøklagenævnet indgives skriftligt til den myndighed, der har truffet afgørelsen.",
     "Klage til Natur- og Miljøklagenævnet indgives skriftligt til den myndighed, der har truffet afgørelsen.", None),
    ("authority renamed (footnote of LBK 260/2013 § 36)",
     "Bekendtgørelse af lov om hold af malkekvæg og afkom af malkekvæg",
     [("2010-05-26", "Justitsministeriet")], "2013-03-08",
     "Afgørelser efter § 35, stk. 1, kan påklages til Sekretariatet for Fødevare- og Veterinærklager.",
     "Afgørelser efter § 35, stk. 1, kan påklages til Fødevareministeriets Klagecenter.",
     "navneændring (fodnoter i LBK nr. 252, 255, 256 og 260 af 8. marts 2013 og LBK nr. 874 af 29. juni 2013)"),
    ("authority renamed, first shown by an LBK (LBK 761/2016 § 14)",
     "Bekendtgørelse af lov om godtgørelse og tilskud til befordring ved deltagelse i erhvervsrettet voksen- og "
     "efteruddannelse", [("2012-06-15", "Ministeriet for Børn og Undervisning")], "2016-06-22",
     "Kvalitets- og Tilsynsstyrelsen kan til brug for administrationen af godtgørelse og tilskud til befordring få "
     "terminaladgang til de nødvendige oplysninger i indkomstregisteret.",
     "Styrelsen for Undervisning og Kvalitet kan til brug for administrationen af godtgørelse og tilskud til "
     "befordring få terminaladgang til de nødvendige oplysninger i indkomstregisteret.",
     "navneændring (første dokument med det nye navn er LBK nr. 748 af 16. maj 2015)"),
    ("another ministry's name stays (LBK 255/2014)", "Bekendtgørelse af lov om radio- og fjernsynsvirksomhed",
     [("2013-09-23", "Kulturministeriet")], "2014-03-20",
     "Efter forhandling med socialministeren kan kulturministeren fastsætte regler om nedsættelse eller bortfald af "
     "licensen for grupper af personer.",
     "Efter forhandling med socialministeren kan kulturministeren fastsætte regler om nedsættelse eller bortfald af "
     "licensen for grupper af personer.", None),
    ("the law's own ministry under its former name (LBK 748/2016 § 64)",
     "Bekendtgørelse af lov om dag-, fritids- og klubtilbud m.v. til børn og unge (dagtilbudsloven)",
     [("2015-02-20", "Ministeriet for Børn, Ligestilling, Integration og Sociale Forhold")], "2016-06-20",
     "Undervisningsministeren fastsætter regler om tilskud og egenbetaling efter bestemmelserne i dette kapitel.",
     "Ministeren for børn, undervisning og ligestilling fastsætter regler om tilskud og egenbetaling efter "
     "bestemmelserne i dette kapitel.", "kgl. res. af 28. juni 2015"),
    ("a merger keeps the other ministry's name (LBK 123/2017 § 51)",
     "Bekendtgørelse af lov om beskyttelse af de ydre koge i Tøndermarsken",
     [("2015-12-10", "Miljø- og Fødevareministeriet")], "2017-01-26",
     "Det forlængede forbud gælder dog for græsarealer inden for de i § 5 nævnte områder, medmindre miljøministeren "
     "bestemmer andet.",
     "Det forlængede forbud gælder dog for græsarealer inden for de i § 5 nævnte områder, medmindre miljøministeren "
     "bestemmer andet.", None),
    ("the title of an act stays (LBK 200/2016)", "Bekendtgørelse af lov om de gymnasiale uddannelser",
     [("2015-06-09", "Undervisningsministeriet")], "2016-03-08",
     "Regler, der er ophævet ved lov om ændring af forskellige love på Undervisningsministeriets område, forbliver "
     "i kraft.", "Regler, der er ophævet ved lov om ændring af forskellige love på Undervisningsministeriets område, "
     "forbliver i kraft.", None),
    ("a minister's new title, the ministry keeping its name (LBK 84/2017 § 14, stk. 3)",
     "Bekendtgørelse af lov om klage- og erstatningsadgang inden for sundhedsvæsenet",
     [("2011-11-07", "Ministeriet for Sundhed og Forebyggelse")], "2017-01-17",
     "Ministeren for sundhed og forebyggelse beskikker et af ministeren fastsat antal medlemmer efter indstilling fra "
     "Danske Patienter, Danske Handicaporganisationer og Forbrugerrådet.",
     "Sundhedsministeren beskikker et af ministeren fastsat antal medlemmer efter indstilling fra Danske Patienter, "
     "Danske Handicaporganisationer og Forbrugerrådet.", "kgl. res. af 28. juni 2015 og 28. november 2016"),
    ("before that day the minister has the ministry's title (as LBK 1188/2016 prints it)",
     "Bekendtgørelse af lov om klage- og erstatningsadgang inden for sundhedsvæsenet",
     [("2011-11-07", "Ministeriet for Sundhed og Forebyggelse")], "2016-09-21",
     "Ministeren for sundhed og forebyggelse beskikker et af ministeren fastsat antal medlemmer.",
     "Sundheds- og ældreministeren beskikker et af ministeren fastsat antal medlemmer.", "kgl. res. af 28. juni 2015"),
    ("the ministry's own title written shortly before the new one (LOV 1737/2016 § 1, nr. 4)",
     "Bekendtgørelse af sundhedsloven", [("2016-06-08", "Sundheds- og Ældreministeriet")], "2017-01-17",
     "Sundheds- og ældreministeren fastsætter regler om tilbageførsel af provenuet efter stk. 5.",
     "Sundhedsministeren fastsætter regler om tilbageførsel af provenuet efter stk. 5.", "kgl. res. af 28. november 2016"),
    ("another ministry's minister keeps the title the law wrote (as other ministries' names do)",
     "Bekendtgørelse af lov om vandløb", [("2016-06-08", "Miljø- og Fødevareministeriet")], "2017-01-17",
     "Sundheds- og ældreministeren fastsætter regler om tilbageførsel af provenuet efter stk. 5.",
     "Sundheds- og ældreministeren fastsætter regler om tilbageførsel af provenuet efter stk. 5.", None),
    ("a misprinted title the register reads (LOV 527/2015 § 1, nr. 10; LBK 1058/2015 § 11 a)",
     "Bekendtgørelse af lov om friplejeboliger", [("2015-04-29", "Ministeriet for By, Bolig og Landdistrikter")],
     "2015-08-31",
     "Ministeren for by, boliger og landdistrikter kan meddele tilsagn om ydelsesstøtte til certificerede "
     "friplejeboligleverandører.",
     "Udlændinge-, integrations- og boligministeren kan meddele tilsagn om ydelsesstøtte til certificerede "
     "friplejeboligleverandører.", "kgl. res. af 28. juni 2015"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "signed", "day", "enacted", "printed", "basis"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_the_names_in_office_on_the_day(title: str, signed: list[tuple[str, str]], day: str, enacted: str,
                                        printed: str, basis: str | None) -> None:
    evidence = [Evidence(D(d), office, f"signed {d}") for d, office in signed]
    doc = law(title, enacted)
    r = apply_ressort(doc, D(day), evidence=evidence)
    assert text_of(r.document) == [printed]
    if basis is None:
        assert r.changes == () and r.document is doc
        return
    (change,) = r.changes
    assert change.label == f"redaktionel ændring (ressortændring, {basis})"
    assert change.address == "§ 1"
    paragraf = r.document.children[0]
    assert paragraf.children[0].changed_by[-1].document == change.label  # provenance, apart from instructions


def test_a_split_without_a_successor_for_this_law_keeps_the_name_and_says_so() -> None:
    doc = law("Bekendtgørelse af lov om noget tredje", "Indenrigs- og sundhedsministeren fastsætter regler om "
              "valgbøgernes indhold og udformning.")
    r = apply_ressort(doc, D("2013-02-11"), evidence=[Evidence(D("2011-02-08"), "Indenrigs- og Sundhedsministeriet", "x")])
    assert r.document is doc
    assert [p.code for p in r.problems] == ["RESSORT_NO_SUCCESSOR"]


def test_a_signature_the_register_cannot_explain_is_followed_with_a_warning() -> None:
    resp = responsibility(default_register(), "lov om folkekirkens økonomi",
                          [Evidence(D("2010-12-05"), "Kirkeministeriet", "LBK 1352/2010"),
                           Evidence(D("2011-05-01"), "Skatteministeriet", "LOV 9/2011")], D("2012-01-01"))
    assert resp.office == "Skatteministeriet"
    assert [p.code for p in resp.problems] == ["RESSORT_EVIDENCE_CONFLICT"]


def test_an_omnibus_act_of_another_ministry_says_nothing() -> None:
    resp = responsibility(default_register(), "lov om individuel boligstøtte",
                          [Evidence(D("2011-06-14"), "Beskæftigelsesministeriet", "LBK 1/2011"),
                           Evidence(D("2012-06-01"), "Skatteministeriet", "LOV 2/2012", "weak")], D("2013-01-18"))
    assert resp.office == "Social- og Integrationsministeriet" and resp.problems == ()
    assert resp.offices() == ["Beskæftigelsesministeriet", "Social- og Integrationsministeriet"]


def test_after_the_register_ends_a_warning() -> None:
    doc = law("Bekendtgørelse af lov om folkekirkens økonomi", "Kirkeministeren kan fastsætte regler.")
    r = apply_ressort(doc, D("2024-01-01"), evidence=[Evidence(D("2015-01-01"), "Kirkeministeriet", "x")])
    assert "RESSORT_REGISTER_ENDS" in [p.code for p in r.problems]


def test_notes_and_the_title_are_never_touched() -> None:
    note = ("Ved kongelig resolution af 3. oktober 2011 er kirkeministerens opgaver overført til ministeren for "
            "ligestilling og kirke.")
    doc = law("Bekendtgørelse af lov om Kirkeministeriets område", "Kirkeministeren kan fastsætte regler.",
              notes=(note,))
    r = apply_ressort(doc, D("2012-01-01"), evidence=[Evidence(D("2010-12-05"), "Kirkeministeriet", "x")])
    assert text_of(r.document) == ["Ministeren for ligestilling og kirke kan fastsætte regler."]
    assert [n.text for n in r.document.walk() if n.kind is Kind.NOTE] == [note]
    assert r.document.meta.title == doc.meta.title


def test_a_quoted_name_is_never_changed() -> None:
    text = "I § 5 ændres »Kirkeministeriet« til: »Kirkeministeriet og Kirkeministeren«."
    doc = law("Bekendtgørelse af lov om folkekirkens økonomi", text)
    r = apply_ressort(doc, D("2012-01-01"), evidence=[Evidence(D("2010-12-05"), "Kirkeministeriet", "x")])
    assert text_of(r.document) == [text]


@pytest.mark.parametrize("guard", GUARDS, ids=[g.name for g in GUARDS])
def test_every_rule_keeping_a_name_holds_on_its_real_example(guard: object) -> None:
    """Each rule's example (a real sentence) is kept by that rule, for a name in it that ended before."""
    import regex

    example = guard.example  # type: ignore[attr-defined]
    names = r"Erhvervs- og Selskabsstyrelsen|socialministerens|miljøministerens|Jugoslavien|ministeren for fødevarer, landbrug og fiskeri|Naturklagenævnet|Erhvervsministeriets|Undervisningsministeriets"
    m = regex.search(names, example)
    assert m is not None
    assert kept_by(example, m.start(), m.end(), D("2011-10-03")) == guard.name  # type: ignore[attr-defined]


def test_a_decision_dated_before_the_change_keeps_its_maker() -> None:
    """LBK 750/2016 § 63 (after kgl. res. af 28. juni 2015) prints the decision as it was made."""
    # § 63, stk. 9 as the base (LBK 777/2015) prints it
    sentence = ("Undervisningsministeren fastsætter regler om indholdet af åbningsbalancen for en amtskommunal "
                "institution, der ved lovens ikrafttræden udbyder uddannelsen til studentereksamen (stx), uddannelsen "
                "til højere forberedelseseksamen (hf) eller almen voksenuddannelse, herunder om indholdet af "
                "åbningsbalancen for en institution, som efter undervisningsministerens beslutning den 1. januar 2007 "
                "inddrages i en institution for erhvervsrettet uddannelse, jf. § 14, stk. 4, i lov nr. 590 af 24. "
                "juni 2005.")
    start = sentence.index("undervisningsministerens")
    assert kept_by(sentence, start, start + len("undervisningsministerens"), D("2015-06-28")) == "dated-act"
    assert kept_by(sentence, 0, len("Undervisningsministeren"), D("2015-06-28")) is None
    # a decision dated after the change was the new office's
    later = sentence.replace("2007", "2016")
    assert kept_by(later, start, start + len("undervisningsministerens"), D("2015-06-28")) is None


@pytest.mark.parametrize("sentence", [
    "Justitsministeren kan fastsætte regler med henblik på opfyldelse af Det Europæiske Fællesskabs direktiver.",
    "Efter forhandling med socialministeren kan kulturministeren fastsætte regler om nedsættelse af licensen.",
    "Indenrigs- og sundhedsministeren fastsætter nærmere regler om udarbejdelsen af valglisterne.",
    # the minister who holds a power in a commencement provision is the one in office (LBK 418/2016 § 93)
    "Tidspunktet for lovens ikrafttræden fastsættes af klima-, energi- og bygningsministeren.",
    # an authority's power over the transition is its power now (LBK 1253/2013 § 166, stk. 5)
    "Erhvervs- og Selskabsstyrelsen kan fravige overgangsbestemmelserne i denne lov og fastsætte yderligere "
    "overgangsbestemmelser.",
])  # fmt: skip
def test_no_rule_keeps_a_name_in_an_ordinary_sentence(sentence: str) -> None:
    from lovkons.ressort.forms import name_forms

    m = name_forms(default_register()).pattern.search(sentence)
    assert m is not None and kept_by(sentence, m.start(), m.end(), D("2011-10-03")) is None


def test_law_title_is_read_from_an_lbk_title() -> None:
    assert law_title("Bekendtgørelse af lov om  hunde") == "lov om hunde"
