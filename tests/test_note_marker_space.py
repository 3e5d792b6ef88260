"""A superscript note marker ("2)") typed as a Char between two words is left out of the text and the words stay
two (parsers.xml_text._joined): "… finder loven om arbejdsskadeforsikring 2) tilsvarende anvendelse …" (LBK 1077/2016
§ 66, stk. 2) read "arbejdsskadeforsikringtilsvarende", and LOV 1746/2016 § 9, nr. 11 ("I § 66, stk. 1, 1. pkt.,
og stk. 2, 1. pkt., ændres »loven om arbejdsskadeforsikring« til: …") found its text only inside a longer word.
Real lines: tests/data/note_markers/lines.xml."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from lovkons.parsers.xml_text import line_text

LINES = [el for el in etree.parse(str(Path(__file__).resolve().parent / "data" / "note_markers" / "lines.xml"))
         .getroot() if el.tag == "Linea"]  # fmt: skip


def test_the_words_around_a_left_out_marker_stay_two() -> None:
    assert line_text(LINES[0]).startswith("Med hensyn til elevers skader")
    assert "finder loven om arbejdsskadeforsikring tilsvarende anvendelse, for så vidt" in line_text(LINES[0])
    assert line_text(LINES[1]) == "Øl, andre gærede drikkevarer, sodavand, mineralvand og alkoholsodavand:"


def test_a_marker_at_the_end_of_a_line_is_left_out_as_before() -> None:
    assert line_text(LINES[2]) == "Rumindhold (cl):"
