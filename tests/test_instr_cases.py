"""Shapes read since issue 15, applied on real cases and compared with the official consolidation (LBK):
the § the shape acts on comes out as the LBK prints it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from lovkons.amender.manifest import load_manifest, run_manifest
from lovkons.review.evaluate import paragraf_map

DATA = Path(__file__).parent / "data" / "instr"

# (base, amending act, part, expected LBK, the §§ the shape acts on)
CASES = [
    # "Efter § 15 indsættes som ny paragraf: »§ 15 a. …«" (LOV 623/2016 § 18, nr. 1; LBK 738/2016)
    ("LBK-2010-987", "LOV-2016-623", "§ 18", "LBK-2016-738", ["15 a"]),
    # "Seks steder i § 24 og i § 25, stk. 2, ændres …": six in § 24, one in § 25, stk. 2 (LOV 562/2012 § 2,
    # nr. 6; LBK 815/2012) — read as six in each before, and refused
    ("LBK-2011-1101", "LOV-2012-562", "§ 2", "LBK-2012-815", ["24", "25"]),
]


@pytest.mark.parametrize(("base", "act", "part", "lbk", "paragraffer"), CASES, ids=[c[3] for c in CASES])
def test_shape_applied_as_the_lbk_has_it(tmp_path: Path, base: str, act: str, part: str, lbk: str,
                                         paragraffer: list[str]) -> None:
    manifest = tmp_path / "case.yaml"
    manifest.write_text(f"base: {DATA / base}.xml\namendments:\n- path: {DATA / act}.xml\n  part: '{part}'\n"
                        f"expected: {DATA / lbk}.xml\n", encoding="utf-8")
    run = run_manifest(load_manifest(manifest))
    assert run.expected is not None
    ours, official = paragraf_map(run.result.document), paragraf_map(run.expected)
    for label in paragraffer:
        key = label.replace(" ", "")
        assert ours[key] == official[key]
    assert not [p for p in run.result.refused if any(f"§ {x}" in (p.address or "") for x in paragraffer)]


# (base, amending act, part, expected LBK, §, stk.): where the LBK also renames a ministry elsewhere in the §
# (the ressort layer's business), the stykke the shape acts on
STYKKER = [
    # "I § 28, stk. 7, der bliver stk. 8, ændres i 1. pkt. »A.« til: »B.«, og i 2. pkt. og to gange i 3. pkt. ændres
    # »A« til: »B,«." — a count written "to gange i" before one punktum of a list (LOV 1497/2014 § 1, nr. 28; LBK
    # 1605/2016), not read before
    ("LOV-2012-1095", "LOV-2014-1497", "§ 1", "LBK-2016-1605", "28", "8"),
]


def _stykke(text: str, stk: str) -> str:
    return next(part for part in regex.split(r"(?=Stk\. \d+\. )", text) if part.startswith(f"Stk. {stk}. "))


@pytest.mark.parametrize(("base", "act", "part", "lbk", "paragraf", "stk"), STYKKER, ids=[c[3] for c in STYKKER])
def test_shape_applied_in_its_stykke(tmp_path: Path, base: str, act: str, part: str, lbk: str, paragraf: str,
                                     stk: str) -> None:
    manifest = tmp_path / "case.yaml"
    manifest.write_text(f"base: {DATA / base}.xml\namendments:\n- path: {DATA / act}.xml\n  part: '{part}'\n"
                        f"expected: {DATA / lbk}.xml\n", encoding="utf-8")
    run = run_manifest(load_manifest(manifest))
    assert run.expected is not None
    ours, official = paragraf_map(run.result.document)[paragraf], paragraf_map(run.expected)[paragraf]
    assert ours is not None and official is not None
    assert ours != official  # (the ministry the LBK renames)
    assert _stykke(ours, stk) == _stykke(official, stk)
    assert not [p for p in run.result.refused if f"§ {paragraf}" in (p.address or "")]
