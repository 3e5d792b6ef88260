"""The corpus-wide scorecard: `lovkons eval` over all 195 development cases, in parallel.

Cases: the 45 manifests of tests/cases and the 150 cases of ../shared/data/corpus/cases.json (their
documents are in love-2010-2017.tar.xz, unpacked once into bench/.corpus/). Each case runs as its own
`lovkons eval MANIFEST --format json` process, so one bad case is a failed row, never a stopped run.

Prints one row per case and the totals per set (tests/cases, corpus) and overall, with the figures
the fidelity issue sets targets for. `--json FILE` writes every case's eval JSON and the totals.
After them, one block more: the same totals without the corpus cases that carry a data slip changing what they
apply (bench/case_slips.py `applied_slips`: a case lacking an act its LBK incorporates, a part naming another §
…), naming those cases; the JSON lists them (`slip_cases`) with those totals (`totals_without_slips`). The
targets are measured on the totals above it: the block says which wrong §§ are the data's.

Run: .venv/bin/python bench/scorecard.py [--jobs N] [--only corpus|cases] [--json FILE] [--quiet] [--literal]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "corpus"
UNPACKED = ROOT / "bench" / ".corpus"
MANIFESTS = UNPACKED / "manifests"
SUMMED = (
    "touched", "touched_identical", "touched_identical_editorial", "untouched", "untouched_preserved",
    "untouched_damaged", "spurious", "wrong_refused", "wrong_silent", "wrong_rename", "wrong_rename_touched", "wrong_editorial", "wrong_typo_fix",
    "wrong_uninstructed", "wrong_act_mended", "wrong_unexplained", "wrong_unexplained_punctuation", "wrong_unexplained_outside", "touched_instructed", "touched_instructed_identical",
    "applied", "errors", "warnings", "ressort_renames", "ressort_paragraphs",
)  # fmt: skip


def unpack() -> Path:
    """The corpus tarball unpacked once (love/YYYY/YYYY-N.xml under bench/.corpus/)."""
    marker = UNPACKED / ".unpacked"
    if not marker.exists():
        UNPACKED.mkdir(parents=True, exist_ok=True)
        with tarfile.open(SHARED / "love-2010-2017.tar.xz") as tar:
            tar.extractall(UNPACKED, filter="data")
        marker.touch()
    return UNPACKED


def write_manifest(case: dict[str, Any], folder: Path) -> Path:
    """A case of the cases.json shape (id, base, amendments [{path, part}], expected; paths inside the
    corpus) as a manifest in `folder`, absolute paths into the unpacked corpus ("" parts left out);
    rewritten only when its text changes. bench/holdout.py writes its cases with it too."""
    root = unpack()
    amendments = []
    for a in case["amendments"]:
        item = {"path": str(root / a["path"])}
        if a.get("part"):
            item["part"] = a["part"]
        amendments.append(item)
    data = {"name": case["id"], "base": str(root / case["base"]), "amendments": amendments,
            "expected": str(root / case["expected"])}
    path = folder / f"{case['id']}.yaml"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def corpus_manifests() -> list[Path]:
    """One manifest per case of cases.json, absolute paths into the unpacked corpus."""
    unpack()
    MANIFESTS.mkdir(parents=True, exist_ok=True)
    cases = json.loads((SHARED / "cases.json").read_text(encoding="utf-8"))["cases"]
    return [write_manifest(case, MANIFESTS) for case in cases]


def run_case(manifest: Path, literal: bool = False) -> dict[str, Any]:
    extra = ["--literal"] if literal else []
    proc = subprocess.run([sys.executable, "-m", "lovkons", "eval", str(manifest), "--format", "json", *extra],
                          capture_output=True, text=True, cwd=ROOT)
    row: dict[str, Any] = {"manifest": manifest.name, "exit": proc.returncode}
    try:
        data = json.loads(proc.stdout)
        row["eval"] = data["cases"][0] if data.get("cases") else None
    except (json.JSONDecodeError, KeyError, IndexError):
        row["eval"] = None
    if row["eval"] is None:  # no JSON, or JSON without a case (a manifest refused: exit 2): its reason
        row["stderr"] = proc.stderr.strip().splitlines()[-1:] if proc.stderr.strip() else []
    return row


def pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100 * a / b:.1f} %" if b else f"{a}/0"


def totals(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    t: dict[str, Any] = dict.fromkeys(SUMMED, 0)
    t["cases"] = t["failed_cases"] = t["refused_runs"] = t["wrong_uninstructed_units"] = 0
    t["wrong_uninstructed_words"] = 0
    why: dict[str, int] = {}
    t["editorial_why"] = why  # editorial §§ by what the LBK did: substitution, placeholder, omitted, renumbered
    for r in rows:
        t["cases"] += 1
        if r["exit"] not in (0, 3) or r["eval"] is None:
            t["failed_cases"] += 1
            continue
        for k in SUMMED:
            t[k] += int(r["eval"].get(k, 0))
        for w in r["eval"].get("wrong", ()):
            # uninstructed at unit grain: an instruction addressed the §, none the units that differ; at
            # word grain: an addressed unit differs only at words no instruction touched (review.untouched)
            grain = w.get("category") == "uninstructed" and bool(w.get("instructed"))
            words = grain and bool(w.get("untouched_words"))
            t["wrong_uninstructed_units"] += grain and not words
            t["wrong_uninstructed_words"] += words
            if w.get("category") == "editorial":
                why[w.get("why", "")] = why.get(w.get("why", ""), 0) + 1
    return t


def print_totals(name: str, t: dict[str, Any]) -> None:
    instructed_wrong = t["touched_instructed"] - t["touched_instructed_identical"]
    print(f"\n== {name}: {t['cases']} cases, {t['failed_cases']} failed runs (exit not 0/3)")
    print(f"  touched §§ identical (strict)          {pct(t['touched_identical'], t['touched'])}")
    print(f"  touched §§ identical (with editorial)  {pct(t['touched_identical_editorial'], t['touched'])}")
    print(f"  instructed touched §§ identical        {pct(t['touched_instructed_identical'], t['touched_instructed'])}")
    print(f"  instructed touched §§ refused          {pct(t['wrong_refused'], t['touched_instructed'])}")
    print(f"  instructed wrong without an error      {pct(t['wrong_unexplained'], t['touched_instructed'])}"
          f"  (all instructed wrong: {instructed_wrong})")
    print(f"  untouched §§ preserved                 {pct(t['untouched_preserved'], t['untouched'])}"
          f"  damaged {t['untouched_damaged']}")
    print(f"  wrong by category: refused {t['wrong_refused']}, rename {t['wrong_rename']}, editorial "
          f"{t['wrong_editorial']}, typo-fix {t['wrong_typo_fix']}, uninstructed {t['wrong_uninstructed']} "
          f"(at unit grain: {t.get('wrong_uninstructed_units', 0)}, at word grain: {t.get('wrong_uninstructed_words', 0)}), "
          f"act-mended {t['wrong_act_mended']}, unexplained {t['wrong_unexplained']} "
          f"(of which punctuation only: {t.get('wrong_unexplained_punctuation', 0)})")
    print("  editorial by what the LBK did: " + ", ".join(f"{k} {n}" for k, n in sorted(
        t["editorial_why"].items(), key=lambda kv: -kv[1])))
    print(f"  touched §§ whose only difference is a ministry/authority name  {t['wrong_rename_touched']}"
          f"  (untouched: {t['wrong_rename'] - t['wrong_rename_touched']})")
    print(f"  ressort layer: {t['ressort_renames']} names changed in {t['ressort_paragraphs']} §§ (editorial "
          "changes, kgl. res.); rename = wrong §§ that differ from the LBK only by such a name")
    print(f"  operations applied {t['applied']}, errors {t['errors']}, warnings {t['warnings']}, "
          f"spurious §§ {t['spurious']}")


def slip_cases() -> dict[str, list[list[str]]]:
    """Corpus case id → its data slips that change what it applies ([kind, evidence], bench/case_slips.py)."""
    from case_slips import applied_slips

    cases = json.loads((SHARED / "cases.json").read_text(encoding="utf-8"))["cases"]
    return {str(c["id"]): found for c in cases if (found := [list(f) for f in applied_slips(c)])}


def print_slips(slips: dict[str, list[list[str]]], rows: list[dict[str, Any]]) -> None:
    from case_slips import SLIP_KINDS

    print(f"\n-- the totals once more, without the {len(slips)} corpus cases with a data slip that changes what they "
          f"apply ({', '.join(SLIP_KINDS)}: bench/case_slips.py); the targets are measured on the totals above")
    evals = {r["manifest"][:-5]: r["eval"] or {} for r in rows}
    for case, found in slips.items():
        e = evals.get(case, {})
        kinds = ", ".join(f"{k} {n}" for k, n in collections.Counter(k for k, _ in found).items())
        print(f"  {case:<18} {kinds}  (its wrong §§: refused {e.get('wrong_refused', '?')}, "
              f"unexplained {e.get('wrong_unexplained', '?')}, all instructed wrong "
              f"{e.get('touched_instructed', 0) - e.get('touched_instructed_identical', 0)})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--only", choices=("cases", "corpus"))
    ap.add_argument("--json", type=Path, help="write every case's eval and the totals here")
    ap.add_argument("--quiet", action="store_true", help="totals only")
    ap.add_argument("--literal", action="store_true", help="eval --literal: without the ressort layer")
    args = ap.parse_args()
    sets: dict[str, list[Path]] = {}
    if args.only != "corpus":
        sets["tests/cases"] = sorted((ROOT / "tests" / "cases").glob("*.yaml"))
    if args.only != "cases":
        sets["corpus"] = corpus_manifests()
    start = time.perf_counter()
    with ThreadPoolExecutor(args.jobs) as pool:
        running = {name: pool.map(lambda m: run_case(m, args.literal), manifests) for name, manifests in sets.items()}
        slips = slip_cases() if "corpus" in sets else {}  # read while the cases run
        results = {name: list(rows) for name, rows in running.items()}
    wall = time.perf_counter() - start
    if not args.quiet:
        print(f"{'case':<22} exit  touched  ident  instr  i-ok  refused  unexpl  damaged")
        for rows in results.values():
            for r in rows:
                e = r["eval"]
                if e is None:
                    print(f"{r['manifest'][:-5]:<22} {r['exit']:>4}  FAILED {' '.join(r.get('stderr', []))[:90]}")
                    continue
                print(f"{r['manifest'][:-5]:<22} {r['exit']:>4}  {e['touched']:>7}  {e['touched_identical']:>5}"
                      f"  {e['touched_instructed']:>5}  {e['touched_instructed_identical']:>4}"
                      f"  {e['wrong_refused']:>7}  {e['wrong_unexplained']:>6}  {e['untouched_damaged']:>7}")
    all_rows = [r for rows in results.values() for r in rows]
    summary = {name: totals(rows) for name, rows in results.items()}
    summary["all"] = totals(all_rows)
    for name, t in summary.items():
        print_totals(name, t)
    clean: dict[str, Any] = {}
    if slips:
        print_slips(slips, results["corpus"])
        kept = [r for r in results["corpus"] if r["manifest"][:-5] not in slips]
        clean = {"corpus": totals(kept), "all": totals([*results.get("tests/cases", []), *kept])}
        for name, t in clean.items():
            print_totals(f"{name} without data slips", t)
    print(f"\n{len(all_rows)} cases in {wall:.1f} s with {args.jobs} jobs")
    if args.json:
        data = {"totals": summary, "cases": results, "slip_cases": [
            {"case": case, "slips": found} for case, found in slips.items()], "totals_without_slips": clean}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
