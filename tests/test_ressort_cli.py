"""The ressort layer through the commands: consolidate, diff, apply --at, rebuild and eval with and
without --literal, and the eval's "rename" category (review.renames)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lovkons.cli.main import app
from lovkons.history.rebuild import rebuild
from lovkons.renderers.version_files import render_version
from lovkons.review.renames import name_only

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CASE = ROOT / "tests" / "cases" / "L-LBK-2012-146.yaml"  # lov om menighedsråd: Kirkeministeriet → 2011
LABEL = "redaktionel ændring (ressortændring, kgl. res. af 3. oktober 2011)"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout


# (official text, our text, only the name of a ministry or authority differs) — real § texts
PAIRS = [
    ("§ 2. Ministeren for ligestilling og kirke kan fastsætte nærmere regler.",
     "§ 2. Kirkeministeren kan fastsætte nærmere regler.", True),
    ("§ 4. Klage kan indbringes for Miljø- og Fødevareklagenævnet.",
     "§ 4. Klage kan indbringes for Natur- og Miljøklagenævnet.", True),
    ("§ 9. Klima-, energi- og bygningsministeren kan fastsætte regler.",
     "§ 9. Klima- og energiministeren kan fastsætte regler.", True),
    ("§ 5. Søfartsstyrelsen kan fastsætte regler.", "§ 5. Ministeren kan fastsætte regler.", False),
    ("§ 5. Miljøministeren kan fastsætte regler.", "§ 5. Ministeren kan fastsætte regler.", False),
    ("§ 7. Kirkeministeren kan fastsætte regler.", "§ 7. Kirkeministeren kan fastsætte regler.", False),
    ("§ 2. Ministeren for ligestilling og kirke kan fastsætte nærmere regler.",
     "§ 2. Kirkeministeren kan fastsætte regler.", False),
]  # fmt: skip


@pytest.mark.parametrize(("official", "ours", "renamed"), PAIRS)
def test_the_rename_category_is_a_name_and_nothing_else(official: str, ours: str, renamed: bool) -> None:
    assert name_only(ours, official) is renamed


def test_eval_counts_renames_apart_and_literal_turns_the_layer_off() -> None:
    code, out = run("eval", str(CASE), "--format", "json")
    assert code == 0
    total = json.loads(out)["total"]
    assert total["ressort_renames"] > 0 and total["ressort_paragraphs"] > 0
    assert total["wrong_rename"] == 0 and total["touched_identical"] == total["touched"]
    code, out = run("eval", str(CASE), "--format", "json", "--literal")
    literal = json.loads(out)["total"]
    assert literal["ressort_renames"] == 0 and literal["wrong_rename"] > 0
    assert literal["touched_identical"] + literal["wrong_rename"] == total["touched_identical"]
    assert {w["category"] for w in json.loads(out)["cases"][0]["wrong"]} == {"rename"}
    code, out = run("eval", str(CASE))
    assert "rename" in out and "renamed" in out


def test_consolidate_names_the_minister_in_office_and_cites_the_resolution() -> None:
    args = ["consolidate", "LBK 1352/2010", "--at", "2012-01-01", "--corpus", str(CORPUS), "--format", "json"]
    code, out = run(*args)
    assert code == 0
    data = json.loads(out)
    assert data["version_from"] == "2011-10-03"  # the day of the resolution, not of an amending act
    assert data["editorial"] and {e["label"] for e in data["editorial"]} == {LABEL}
    assert all(e["basis"] == ["kgl. res. af 3. oktober 2011"] and e["kind"] == "ressort" for e in data["editorial"])
    assert "Ministeren for ligestilling og kirke kan" in texts(data) and "Kirkeministeren" not in texts(data)
    code, out = run(*args, "--literal")
    data = json.loads(out)
    assert data["editorial"] == [] and "Kirkeministeren kan" in texts(data)


def texts(data: dict[str, object]) -> str:
    """The law's text in a JSON result (provenance and the LBK's own notes left out)."""
    def walk(node: object) -> list[str]:
        if isinstance(node, dict) and node.get("type") != "note":
            return [str(node.get("text") or ""), *(t for c in node.get("children", []) for t in walk(c))]
        return []

    return " ".join(walk(data["document"]))


def test_diff_shows_the_rename_as_an_editorial_change() -> None:
    args = ["diff", "LBK 1352/2010", "--from", "2011-06-01", "--to", "2012-01-01", "--corpus", str(CORPUS)]
    code, out = run(*args, "--format", "text")
    assert code == 0 and f"Kilde: {LABEL}" in out
    code, out = run(*args, "--format", "json")
    changes = json.loads(out)["changes"]
    assert changes and all(c["editorial"] == [LABEL] for c in changes)
    code, out = run(*args, "--format", "json", "--literal")
    assert json.loads(out)["changes"] == []


def test_apply_renames_only_on_a_day() -> None:
    outputs = [run("apply", str(CASE), "--format", "json", *extra)[1]
               for extra in ([], ["--at", "2012-02-24"], ["--at", "2012-02-24", "--literal"])]
    assert [bool(json.loads(out)["editorial"]) for out in outputs] == [False, True, False]


def test_rebuild_starts_a_version_on_the_day_of_the_resolution_unless_literal(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / "laws" / "LBK-2010-1352", corpus / "laws" / "LBK-2010-1352")
    rebuild(corpus, tmp_path / "out", render=render_version, jobs=1)
    rebuild(corpus, tmp_path / "literal", render=render_version, jobs=1, literal=True)
    assert (tmp_path / "out" / "LBK-2010-1352" / "2011-10-03.md").is_file()
    assert not (tmp_path / "literal" / "LBK-2010-1352" / "2011-10-03.md").exists()
    version = json.loads((tmp_path / "out" / "LBK-2010-1352" / "2011-10-03.json").read_text(encoding="utf-8"))
    assert version["editorial"] and version["editorial"][0]["label"] == LABEL
