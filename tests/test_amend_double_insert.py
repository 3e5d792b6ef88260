"""Insertions that meet what is already there. The same words inserted by two acts after the same quoted
text stand once (amender.textops, TEXT_ALREADY_PRESENT): LOV 922/2012 § 5, nr. 2, and LOV 1354/2012 § 10,
nr. 2, both insert », fra en aldersopsparing« in kursgevinstlovens § 35; LBK 1113/2013 prints it once. A
unit inserted with the number of a repealed stk. printed "(Ophævet)" takes its place (amender.insertion).
Rows are real sentences."""

from __future__ import annotations

import pytest

from lovkons.amender.consolidate import consolidate, ensure_ids
from lovkons.model.document import Document, Meta, Source
from lovkons.model.edits import Item
from lovkons.parsers.instructions.clauses import parse_instruction
from tests.amender_trees import order, par, stk

TEXT = ("Udlodning af en fordring eller en kontrakt fra en rateopsparing i pensionsøjemed, fra en opsparing i "
        "pensionsøjemed eller en selvpensioneringsordning sidestilles med erhvervelse.")
ONCE = ("Udlodning af en fordring eller en kontrakt fra en rateopsparing i pensionsøjemed, fra en opsparing i "
        "pensionsøjemed, fra en aldersopsparing eller en selvpensioneringsordning sidestilles med erhvervelse.")

# (where, the sentence of each act, the provision afterwards, problem codes)
ROWS = [
    ("LOV 922/2012 § 5, nr. 2, then LOV 1354/2012 § 10, nr. 2: the same words once",
     ["I § 1 indsættes efter »fra en opsparing i pensionsøjemed«: », fra en aldersopsparing«.",
      "I § 1 indsættes efter »fra en opsparing i pensionsøjemed«: », fra en aldersopsparing«."],
     ONCE, ["TEXT_ALREADY_PRESENT"]),
    ("one act: inserted", ["I § 1 indsættes efter »fra en opsparing i pensionsøjemed«: », fra en aldersopsparing«."],
     ONCE, []),
    ("a single word is never judged so: inserted again",
     ["I § 1 indsættes efter »selvpensioneringsordning«: »mv.«.", "I § 1 indsættes efter »selvpensioneringsordning«: »mv.«."],
     TEXT.replace("selvpensioneringsordning", "selvpensioneringsordning mv. mv."), []),
]  # fmt: skip


def _base(text: str) -> Document:
    return ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), "", (par("1", stk("1", text)),)))


@pytest.mark.parametrize(("where", "sentences", "after", "codes"), ROWS, ids=[r[0] for r in ROWS])
def test_same_words_inserted_twice_stand_once(where: str, sentences: list[str], after: str, codes: list[str]) -> None:
    acts = []
    for n, sentence in enumerate(sentences, 1):
        ops, _ = parse_instruction(sentence, Source(f"LOV {n}/2012", "1", 1))
        assert ops, where
        acts.append(order(Item(1, sentence, ops), number=n))
    result = consolidate(_base(TEXT), acts)
    assert [p.code for p in result.problems] == codes, where
    assert result.document.children[0].children[0].text == after, where


# (where, the stykker of § 1 before, the sentence, the stykker afterwards)
STONES = [
    ("LOV 1385/2012 § 1, nr. 12 on konkurrencelovens § 16 (LBK 23/2013): the new stk. 2 takes the empty place",
     ["De påbud, som Konkurrencerådet kan udstede efter § 6, stk. 4, kan gå ud på ophævelse af aftaler.",
      "(Ophævet)."],
     "I § 1 indsættes som stk. 2: »Stk. 2. Konkurrencerådet kan udstede påbud, som er nødvendige for at sikre en "
     "rettidig og korrekt opfyldelse af de påbud, som rådet har udstedt efter stk. 1.«",
     ["De påbud, som Konkurrencerådet kan udstede efter § 6, stk. 4, kan gå ud på ophævelse af aftaler.",
      "Konkurrencerådet kan udstede påbud, som er nødvendige for at sikre en rettidig og korrekt opfyldelse af de "
      "påbud, som rådet har udstedt efter stk. 1."]),
    ("no placeholder: appended as usual",
     ["De påbud, som Konkurrencerådet kan udstede efter § 6, stk. 4, kan gå ud på ophævelse af aftaler."],
     "I § 1 indsættes som stk. 2: »Stk. 2. Konkurrencerådet kan udstede påbud.«",
     ["De påbud, som Konkurrencerådet kan udstede efter § 6, stk. 4, kan gå ud på ophævelse af aftaler.",
      "Konkurrencerådet kan udstede påbud."]),
]  # fmt: skip


@pytest.mark.parametrize(("where", "before", "sentence", "after"), STONES, ids=[r[0] for r in STONES])
def test_a_unit_inserted_with_a_repealed_number_takes_its_place(where: str, before: list[str], sentence: str,
                                                                 after: list[str]) -> None:
    ops, _ = parse_instruction(sentence, Source("LOV 1385/2012", "1", 12))
    assert ops, where
    base = ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), "",
                               (par("1", *(stk(str(i), t) for i, t in enumerate(before, 1))),)))
    result = consolidate(base, [order(Item(12, sentence, ops))])
    assert not result.problems, where
    assert [(s.label, s.text) for s in result.document.children[0].children] == [
        (str(i), t) for i, t in enumerate(after, 1)], where


# "I § 3 indsættes som stk. 2" where the base already has another stk. 2: LBK 654/2010 (lov om sikkerhed til
# søs) printed the stk. 2 of LOV 493/2010 § 1, nr. 5, which LOV 251/2011 § 4, nr. 1, repealed before it took
# effect; LOV 251/2011 § 2, nr. 2, then inserts its own stk. 2 (LBK 72/2014 prints only that one)
OCCUPIED_BEFORE = [
    "Økonomi- og erhvervsministeren kan fastsætte regler om skibes bygning, udstyr og drift.",
    "Økonomi- og erhvervsministeren kan for udenlandske skibe, der efter regler fastsat i medfør af § 1, stk. 3, er "
    "omfattet af loven, fastsætte regler om de forhold, som er omfattet af FN’s Internationale Arbejdsorganisations "
    "konvention om søfarendes arbejdsforhold."]
OCCUPIED_SENTENCE = (
    "I § 1 indsættes som stk. 2: »Stk. 2. Økonomi- og erhvervsministeren kan for udenlandske skibe, der efter regler "
    "fastsat i medfør af § 1, stk. 3, er omfattet af loven, fastsætte regler om de forhold, som er omfattet af FN’s "
    "Internationale Arbejdsorganisations konvention om søfarendes arbejdsforhold eller FN’s Internationale "
    "Arbejdsorganisations konvention om arbejdsforhold i fiskerisektoren.«")


def test_a_unit_added_at_the_end_with_a_number_the_base_holds_is_refused() -> None:
    ops, _ = parse_instruction(OCCUPIED_SENTENCE, Source("LOV 251/2011", "2", 2))
    assert ops
    base = ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), "",
                               (par("1", *(stk(str(i), t) for i, t in enumerate(OCCUPIED_BEFORE, 1))),)))
    result = consolidate(base, [order(Item(2, OCCUPIED_SENTENCE, ops))])
    assert [p.code for p in result.problems] == ["TARGET_OCCUPIED"]
    assert [s.text for s in result.document.children[0].children] == OCCUPIED_BEFORE  # left as it was
    # the same item where stk. 2 is free is applied as usual
    free = ensure_ids(Document(Meta("BEK", 1, 2019, title="Bekendtgørelse om tilsyn"), "",
                               (par("1", stk("1", OCCUPIED_BEFORE[0])),)))
    result = consolidate(free, [order(Item(2, OCCUPIED_SENTENCE, ops))])
    assert not result.problems
    assert [s.label for s in result.document.children[0].children] == ["1", "2"]
