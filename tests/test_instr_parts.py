"""Parts of an amending act as the LBK intros write them ("med de ændringer, der følger af § 1, nr. 1-4
og nr. 6, i lov nr. …"), read by amender.consolidate.parse_part; and eval going on past a bad manifest.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lovkons.amender.consolidate import parse_part
from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.cli.main import main

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
    _case(tmp_path, "b_bad", "§§ 1 og 2")
    monkeypatch.setattr("sys.argv", ["lovkons", "eval", str(tmp_path), "--format", "json"])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert [c["case"] for c in data["cases"]] == ["a_good"] and data["cases"][0]["applied"] > 0
    assert [Path(f["manifest"]).name for f in data["failed"]] == ["b_bad.yaml"]
    assert "one § of the amending act" in data["failed"][0]["reason"]
    assert err.count("\n") == 1 and "b_bad.yaml" in err and "Traceback" not in err
