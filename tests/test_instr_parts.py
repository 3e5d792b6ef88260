"""Parts of an amending act as the LBK intros write them ("med de ændringer, der følger af § 1, nr. 1-4
og nr. 6, i lov nr. …"), read by parsers.parts.parse_part — and parse_parts for the intros that name several
§§ of one act ("§§ 2 og 3 i lov nr. 564 af 18. juni 2012"); and eval going on past a bad manifest.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.cli.main import main
from lovkons.parsers.parts import Part, parse_part, parse_parts
from lovkons.renderers.text import render_text

ROOT = Path(__file__).resolve().parent.parent
LAWS = ROOT / "tests" / "data" / "laws"

# (part as printed in a real LBK intro of the 2010-2017 corpus, §, numbers, numbers incorporated in part)
PARTS = [
    ("§ 4", "4", None, ""),
    ("§ 12,", "12", None, ""),
    ("§ 132 c", "132 c", None, ""),
    ("§ 3, nr. 2,", "3", "2", ""),
    ("§ 1, nr. 2–7,", "1", "2-7", ""),
    ("§ 1, nr. 1-4 og nr. 6,", "1", "1-4,6", ""),  # LBK 1386/2013 (refused outright before)
    ("§ 1, nr. 1-29 og nr. 31-37,", "1", "1-29,31-37", ""),
    ("§ 1, nr. 1-7, nr. 9, nr. 11-14 og nr. 16-30,", "1", "1-7,9,11-14,16-30", ""),
    ("§ 3, nr. 3-5, og 8-11,", "3", "3-5,8-11", ""),
    ("§ 1, nr. 1-4, 6-20, 22-23, 24 delvis, 25, 26, 29, 30 og 34-40,", "1", "1-4,6-20,22-26,29,30,34-40", "24"),
    ("§ 1, nr. 1-5, nr. 6 (delvist) og nr. 7,", "1", "1-7", "6"),
    ("§ 1, nr. 12, og § 1, nr. 13 (delvist),", "1", "12,13", "13"),
    ("§ 1, nr. 15 og 17, § 1, nr. 20, og § 1, nr. 21", "1", "15,17,20,21", ""),
    ("§ 1, nr. 1-8, 10, 11 og nr. 13 vedrørende § 132 b og § 132 c", "1", "1-8,10,11,13", "13"),
    ("§ 18, stk. 1, nr. 5,", "18", "5", ""),
]


def _numbers(spec: str) -> set[int]:
    out: set[int] = set()
    for chunk in filter(None, spec.split(",")):
        lo, _, hi = chunk.partition("-")
        out.update(range(int(lo), int(hi or lo) + 1))
    return out


@pytest.mark.parametrize(("text", "paragraf", "numbers", "partly"), PARTS, ids=[p[0] for p in PARTS])
def test_part_as_lbk_intros_write_it(text: str, paragraf: str, numbers: str | None, partly: str) -> None:
    part = parse_part(text)
    assert part.paragraf == paragraf
    assert part.items == (None if numbers is None else _numbers(numbers))
    assert part.partly == _numbers(partly)


@pytest.mark.parametrize(("text", "reason"), [
    ("§§ 2 og 3", "one § of the amending act"),  # LBK intros do write this; one manifest entry per §
    ("§ 9 og § 12", "not § 9 and § 12"),
    ("nr. 5", "starts with the §"),
    ("§ 1, nr. 5-3", "not a range"),
    ("seven", "not a part"),
])
def test_what_is_not_a_part_is_named(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_part(text)


def _case(folder: Path, name: str, part: str) -> Path:
    """L-LBK-2011-964 (LBK 339/2011 + LOV 1609/2010 § 1, nr. 1 og 4 + LOV 275/2011 § 2), with `part`."""
    path = folder / f"{name}.yaml"
    path.write_text(f"name: {name}\nbase: {LAWS}/LBK-2011-339/LBK-2011-339.xml\namendments:\n"
                    f"- path: {LAWS}/LOV-2010-1609/LOV-2010-1609.xml\n  part: '{part}'\n"
                    f"- path: {LAWS}/LOV-2011-275/LOV-2011-275.xml\n  part: § 2\n"
                    f"expected: {LAWS}/LBK-2011-964/LBK-2011-964.xml\n", encoding="utf-8")
    return path


def test_repeated_nr_applies_as_the_plain_list(tmp_path: Path) -> None:
    plain = run_manifest(load_manifest(_case(tmp_path, "plain", "§ 1, nr. 1 og 4")))
    lbk = run_manifest(load_manifest(_case(tmp_path, "lbk", "§ 1, nr. 1 og nr. 4,")))
    assert lbk.result.document == plain.result.document
    assert [a.source for a in lbk.result.applied] == [a.source for a in plain.result.applied]
    assert len(lbk.result.applied) > 0


def test_eval_reports_a_bad_manifest_and_scores_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _case(tmp_path, "a_good", "§ 1, nr. 1 og nr. 4,")
    _case(tmp_path, "b_bad", "nr. 1 og 4")
    monkeypatch.setattr("sys.argv", ["lovkons", "eval", str(tmp_path), "--format", "json"])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert [c["case"] for c in data["cases"]] == ["a_good"] and data["cases"][0]["applied"] > 0
    assert [Path(f["manifest"]).name for f in data["failed"]] == ["b_bad.yaml"]
    assert "starts with the §" in data["failed"][0]["reason"]
    assert err.count("\n") == 1 and "b_bad.yaml" in err and "Traceback" not in err


# Several §§ of one act, as real LBK intros of the 2010-2017 corpus name them (LBK number of the intro)
SEVERAL = [
    ("§§ 2 og 3", [("2", None), ("3", None)]),  # LBK 1004/2012, lov nr. 564 af 18. juni 2012
    ("§§ 1-3", [("1", None), ("2", None), ("3", None)]),  # LBK 314/2011
    ("§ 9 og § 12", [("9", None), ("12", None)]),  # LBK 185/2014, lov nr. 1637 af 26. december 2013
    ("§ 2, nr. 31, § 4, nr. 1, 2, 4, 10, 12 og 14", [("2", "31"), ("4", "1,2,4,10,12,14")]),  # LBK 807/2015
    ("§§ 2 a og 3", [("2 a", None), ("3", None)]),
    # the same § named again is one part (as parse_part reads it)
    ("§ 1, nr. 12, og § 1, nr. 13 (delvist),", [("1", "12,13")]),
    ("§ 1, nr. 1-8, 10, 11 og nr. 13 vedrørende § 132 b og § 132 c", [("1", "1-8,10,11,13")]),
]


@pytest.mark.parametrize(("text", "parts"), SEVERAL, ids=[p[0] for p in SEVERAL])
def test_several_paragraffer_of_one_act(text: str, parts: list[tuple[str, str | None]]) -> None:
    assert [(p.paragraf, p.items) for p in parse_parts(text)] == [
        (par, None if numbers is None else _numbers(numbers)) for par, numbers in parts]


# What is not a part, refused with a reason before anything is applied (a manifest or a cases file then fails
# as one case; the others are scored):
NOT_PARTS = [
    ("§ 2 og 3", "without 'nr.'"),  # § 2, nr. 3? or §§ 2 og 3? Intros write "§§ 2 og 3" or "§ 2, nr. 3"
    ("§§ 12 a-12 c", "range of lettered"),  # which §§ lie between 12 a and 12 c is the act's to say
    ("§§ 18-25 k", "range of lettered"),
    ("§§ 1-100000000", "not a range"),  # no intro names more than some sixty changes in one range
    ("§ 1, nr. 1-100000000", "not a range"),
]


@pytest.mark.parametrize(("text", "reason"), NOT_PARTS, ids=[p[0] for p in NOT_PARTS])
def test_what_is_not_a_part_of_several_paragraffer_is_named(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_parts(text)


def test_one_paragraf_reads_as_parse_part_reads_it() -> None:
    for text, *_ in PARTS:
        assert parse_parts(text) == (parse_part(text),)
    assert parse_parts("§ 3, nr. 2,") == (Part("3", frozenset({2})),)


def _krigsmateriel(folder: Path, part: str) -> Path:
    """LOV 564/2012 §§ 2 and 3 (text shortened): § 2 amends lov om krigsmateriel, § 3 amends LOV 413/2011,
    an act that had amended it — LBK 1004/2012 incorporates "§§ 2 og 3 i lov nr. 564 af 18. juni 2012"."""
    data = ROOT / "tests" / "data" / "parts"
    path = folder / "m.yaml"
    path.write_text(f"name: krigsmateriel\nbase: {data}/krigsmateriel-base.txt\namendments:\n"
                    f"- path: {data}/lov-564-2012.txt\n  part: '{part}'\n", encoding="utf-8")
    return path


def test_a_part_of_several_paragraffer_applies_each(tmp_path: Path) -> None:
    both = run_manifest(load_manifest(_krigsmateriel(tmp_path, "§§ 2 og 3")))
    text = render_text(both.result.document)
    assert "§ 9 a. Justitsministeren kan certificere" in text  # § 2 applied
    assert "2) udførsel til andre lande." in text  # § 3's "§ 2, nr. 2, ophæves" is LOV 413/2011's, not the law's
    assert {p.code for p in both.result.refused} == {"AMENDS_OTHER_ACT"}
    assert both.result.document == run_manifest(load_manifest(_krigsmateriel(tmp_path, "§ 2"))).result.document
