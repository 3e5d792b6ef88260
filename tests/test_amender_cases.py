"""Amender on real data: the 45 official consolidations (guarding the measured level), the BEK chain
against elov's unofficial consolidation, golden consolidated texts, manifests and the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import regex

from lovkons.amender.consolidate import consolidate
from lovkons.amender.manifest import load_manifest, read_doc, read_order, run_manifest
from lovkons.model.document import LovkonsError
from lovkons.review.evaluate import norm, paragraf_map, score

HERE = Path(__file__).parent
CASES = HERE / "cases"
DATA = HERE / "data"
GOLDEN = HERE / "golden" / "amender"

# The ratchet, per case: (touched §§ identical, untouched §§ damaged, wrong §§ "uninstructed", wrong §§
# "unexplained"; see review.evaluate for the categories), regenerated from a fresh
# `lovkons eval tests/cases --format json` (amend pass: touched identical 324/717, 324/414 of the touched §§
# some instruction addresses, 641/717 counting §§ that differ only by what the LBK did without an
# instruction; 0 untouched §§ damaged; wrong: 11 refused, 316 editorial, 26 typo-fix, 21 uninstructed,
# 19 unexplained). A case may improve (then regenerate the table to raise the bar), never fall back:
# fewer identical §§, more uninstructed §§ (an instruction lost) or more unexplained §§ fail. text11 moved
# L-LBK-2012-400 § 10 and L-LBK-2016-1141 § 37 to "uninstructed" at unit grain (review.units.outside: the
# LBK's own comma / full stop in a unit no instruction addressed) and raised the bar of three more cases.
# eval15 moved L-LBK-2012-950 § 17 and L-LBK-2013-1210 § 2 to "uninstructed" at word grain (review.untouched:
# the LBK's own comma / full stop at words of an addressed stk. or nr. no instruction wrote, each read), and
# (this test runs without the ressort layer) L-LBK-2016-891 § 23: the ministry the LBK names in words no
# instruction wrote, beside LOV 1744/2015 § 5, nr. 2's »revisorloven«, and L-LBK-2016-1141 § 66: the LBK's
# apostrophe in the base's "Energinet.dk’s", words away from what LOV 744/2015 § 1, nr. 37 inserted.
MEASURED: dict[str, tuple[int, int, int, int]] = {
    "L-LBK-2009-196": (1, 0, 0, 0), "L-LBK-2010-1352": (1, 0, 0, 0), "L-LBK-2011-1062": (6, 0, 3, 1),
    "L-LBK-2011-415": (1, 0, 0, 0), "L-LBK-2011-416": (1, 0, 0, 0), "L-LBK-2011-964": (2, 0, 1, 0),
    "L-LBK-2012-1009": (10, 0, 1, 0), "L-LBK-2012-1051": (18, 0, 0, 1), "L-LBK-2012-146": (2, 0, 0, 0),
    "L-LBK-2012-400": (4, 0, 2, 0), "L-LBK-2012-782": (2, 0, 0, 0), "L-LBK-2012-950": (1, 0, 2, 1),
    "L-LBK-2013-1210": (7, 0, 2, 0), "L-LBK-2013-1274": (38, 0, 0, 1), "L-LBK-2013-1330": (6, 0, 0, 0),
    "L-LBK-2013-16": (2, 0, 0, 0), "L-LBK-2013-298": (2, 0, 0, 0), "L-LBK-2013-500": (7, 0, 0, 0),
    "L-LBK-2013-521": (10, 0, 1, 3), "L-LBK-2013-680": (3, 0, 1, 0), "L-LBK-2013-753": (5, 0, 0, 0),
    "L-LBK-2013-771": (25, 0, 0, 0), "L-LBK-2013-990": (2, 0, 1, 0), "L-LBK-2015-1054": (3, 0, 0, 0),
    "L-LBK-2015-122": (8, 0, 1, 0), "L-LBK-2015-1657": (0, 0, 0, 0), "L-LBK-2015-765": (1, 0, 2, 1),
    "L-LBK-2016-1": (5, 0, 0, 2), "L-LBK-2016-1141": (4, 0, 3, 1), "L-LBK-2016-119": (21, 0, 0, 1),
    "L-LBK-2016-1230": (4, 0, 0, 0), "L-LBK-2016-124": (12, 0, 0, 0), "L-LBK-2016-1257": (64, 0, 0, 0),
    "L-LBK-2016-1288": (3, 0, 0, 0), "L-LBK-2016-201": (3, 0, 0, 0), "L-LBK-2016-388": (0, 0, 0, 0),
    "L-LBK-2016-609": (14, 0, 0, 0), "L-LBK-2016-801": (11, 0, 0, 0), "L-LBK-2016-891": (0, 0, 5, 0),
    "L-LBK-2017-21": (1, 0, 0, 0), "L-LBK-2017-224": (1, 0, 0, 0), "L-LBK-2017-62": (1, 0, 0, 0),
    "L-LBK-2017-63": (1, 0, 0, 0), "L-LBK-2017-64": (2, 0, 0, 0), "L-LBK-2017-70": (9, 0, 0, 0),
}  # fmt: skip


def test_every_case_has_a_manifest() -> None:
    assert sorted(p.stem for p in CASES.glob("L-*.yaml")) == sorted(MEASURED)


@pytest.mark.parametrize("case", sorted(MEASURED))
def test_case_never_falls_below_its_ratchet(case: str) -> None:
    run = run_manifest(load_manifest(CASES / f"{case}.yaml"), lenient=True)
    assert run.expected is not None
    s = score(case, run.base, run.result, run.expected, orders=run.orders)
    touched_ok, damaged, uninstructed, unexplained = MEASURED[case]
    assert s.touched_ok >= touched_ok
    assert s.untouched_damaged <= damaged
    assert s.uninstructed <= uninstructed
    assert s.unexplained <= unexplained
    # the categories partition the wrong §§: refused + silent, silent = the six silent categories
    assert s.refused + s.silent == len(s.wrong)
    assert s.silent == s.renamed + s.editorial + s.typo_fixed + s.uninstructed + s.act_mended + s.unexplained
    assert s.touched_ok <= s.touched_instructed <= s.touched
    assert not [p for p in run.result.problems if p.code == "UNTOUCHED_CHANGED"]


def _elov(text: str) -> str:
    text = text.replace("•••", "").replace("•", "")
    text = regex.sub(r"^§\s*(\d+)(?: ?([A-Z])(?![a-zæøå]))?\s*",
                     lambda m: f"§ {m[1]}{' ' + m[2] if m[2] else ''}. ", text.strip())  # fmt: skip
    return norm(regex.sub(r"Stk\. (\d+) ", r"Stk. \1. ", text))


def bek_chain() -> tuple[object, dict[str, str | None]]:
    case = json.loads((DATA / "cases" / "B-BEK-2007-1292" / "case.json").read_text(encoding="utf-8"))
    base = read_doc((DATA / case["paths"]["base"]).with_suffix(".txt"))
    orders = [read_order((DATA / p).with_suffix(".txt")) for p in case["paths"]["amendments"]]
    result = consolidate(base, orders)
    return result, paragraf_map(result.document)


def test_bek_chain_matches_unofficial_consolidation() -> None:
    result, got = bek_chain()
    pages = json.loads((DATA / "unofficial" / "elov_byggeskadeforsikring_excerpts.json").read_text())["pages"]
    assert len(pages) == 12
    for page in pages:
        key = page["paragraf"].replace(" ", "").casefold()
        assert got.get(key) == _elov(page["text"]), page["paragraf"]
    assert [p.code for p in result.problems if p.severity == "error"] == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("case", ["L-LBK-2011-416", "L-LBK-2016-124", "L-LBK-2013-771"])
def test_golden_consolidation(case: str) -> None:
    from lovkons.renderers.text import render_text

    run = run_manifest(load_manifest(CASES / f"{case}.yaml"), lenient=True)
    text = render_text(run.result.document)
    golden = GOLDEN / f"{case}.txt"
    if os.environ.get("LOVKONS_REGEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("base: [1, 2]\n", "base must be a path"),
        ("base: nope.xml\namendments: []\n", "does not exist"),
        ("- a\n", "a manifest is a mapping"),
        ("base: x\nbogus: 1\n", "unknown key"),
        ("base: {{{\n", "not valid YAML"),
    ],
)
def test_bad_manifest_is_lovkons_error(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LovkonsError, match=reason):
        load_manifest(path)


def test_cli_apply_exit_codes(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lovkons.cli.main import app

    runner = CliRunner()
    ok = runner.invoke(app, ["apply", str(CASES / "L-LBK-2011-416.yaml"), "--format", "json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["applied"][0]["source"] == "LOV 341/2011 § 7, nr. 1"
    refused = runner.invoke(app, ["apply", str(CASES / "L-LBK-2016-1257.yaml"), "--format", "json"])
    assert refused.exit_code == 3
    bad = tmp_path / "bad.yaml"
    bad.write_text("base: nope.xml\namendments: []\n", encoding="utf-8")
    assert runner.invoke(app, ["apply", str(bad)]).exit_code == 2
