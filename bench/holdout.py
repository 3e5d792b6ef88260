"""The held-out cases (issue 15): every LBK of the corpus that is not a development case, read into a case the
way cases.json was built, and scored with `lovkons eval` exactly as bench/scorecard.py scores the 195.

The corpus (bench/.corpus/love) holds 764 lovbekendtgørelser; 150 are the development cases of
../shared/data/corpus/cases.json. Each other LBK's intro names its base and the acts it incorporates:
"Herved bekendtgøres lov om sygedagpenge, jf. lovbekendtgørelse nr. 920 af 22. august 2011, med de
ændringer, der følger af § 1, nr. 8, i lov nr. 275 af 5. april 2011 og lov nr. 1599 af 22. december 2010."
→ base love/2011/2011-920.xml, acts 2011-275 (part "§ 1, nr. 8,") and 2010-1599 (part "": the whole act).
The intro is read from the LBK's <Indledning> without its notes (<Nota>: "1) Berigtigelse ved …" stands in
the middle of the sentence otherwise), only its first sentence: the later ones name acts NOT incorporated
("De ændringer, der følger af … er ikke indarbejdet"), acts that come into force later, or explain.
A case is kept only when its base and every act are in the corpus; each skipped LBK is named with why.

These cases were never tuned on: read them, do not fix the amender to them (a failed run is a bug to report).

Run: .venv/bin/python bench/holdout.py [--jobs 2] [--json FILE] [--quiet] [--skipped] [--literal]
     .venv/bin/python bench/holdout.py --check-known   (the reader on the 150 cases of cases.json: agreement)
     .venv/bin/python bench/holdout.py --groups [--show WORD]   (the wrong §§ by category and likely cause)
Manifests go to bench/.corpus/holdout/ (never committed).
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from case_slips import CASES, CITATION, MONTHS, NOT_INCORPORATED, citation_date, corpus_docs, intro_cut, meta  # noqa: E402
from scorecard import print_totals, run_case, totals, unpack, write_manifest  # noqa: E402

CORPUS = ROOT / "bench" / ".corpus"
HOLDOUT = CORPUS / "holdout"

# the words that join the base to the acts the LBK incorporates (all variants of the 764 intros):
# "…, jf. lovbekendtgørelse nr. 920 af 22. august 2011, med de ændringer, der følger af lov nr. 1599 …",
# "med den ændring, som følger af § 55 i lov nr. 1715 …", "…, jf. lovbekendtgørelse nr. 255 af 8. marts 2013,
# som ændret ved § 13 i lov nr. 1459 af 17. december 2013 og lov nr. 83 af 28. januar 2014." (LBK 77/2015)
# "med de ændringer og tilføjelser, der følger af" (LBK 143/2011), "med de ændringer, følger af" (LBK 1696/2015)
INCORPORATES = regex.compile(r"""\bmed\s+den?\s+ændring(?:er)?(?:\s+og\s+tilføjelser)?,?\s+(?:(?:der|som)\s+)?følger\s+af
    |\bsom\s+ændret\s+ved""", regex.VERBOSE | regex.IGNORECASE)
# slips of an intro's citations, mended before it is read (each case read after a repair names it): name,
# pattern, replacement; each with its real example
REPAIRS: tuple[tuple[str, regex.Pattern[str], str | Callable[[regex.Match[str]], str]], ...] = (
    # "jf. lovbekendtørelse nr. 198 af 8. marts 2016" (LBK 725/2016)
    ("lovbekendtørelse", regex.compile(r"\blovbekendtørelse\b"), "lovbekendtgørelse"),
    # "jf. lovbekendtgørelse 1696 af 14. december 2015" (LBK 785/2016): no "nr."
    ("no nr.", regex.compile(r"\b(lov(?:bekendtgørelse)?)\s+(?=\d+\s+af\s+\d{1,2}\.)"), r"\1 nr. "),
    # "§ 56 i 1715 af 27. december 2016" (LBK 32/2017): no "lov nr."
    ("no lov nr.", regex.compile(r"(§[^§]*?\bi)\s+(?=\d+\s+af\s+\d{1,2}\.)"), r"\1 lov nr. "),
    # "jf. lovbekendtgørelse nr. 680 20. maj 2015" (LBK 1164/2016): no "af"
    ("no af", regex.compile(r"(\bnr\.\s*\d+)\s+(?=\d{1,2}\.\s*[a-zæøå]+\s+\d{4})"), r"\1 af "),
    # "§ 1 i lov nr. 378 af 28. april af 2012" (LBK 521/2013): "af" before the year
    ("af twice", regex.compile(r"(\baf\s+\d{1,2}\.\s*[a-zæøå]+)\s+af\s+(?=\d{4})"), r"\1 "),
    # a date's punctuation: "lov nr. 1338 af. 19. december 2008" (LBK 1047/2011), "af 31 marts 2004" (LBK
    # 1184/2010), "af 26, marts 2014" (LBK 149/2015), "af 11. april. 2012" (LBK 39/2014)
    ("date punctuation", regex.compile(r"""\baf\.?\s+(\d{1,2})(?:\.|,|(?=\s))\s*([a-zæøå]+)\.?\s+(?=\d{4})"""),
     r"af \1. \2 "),
    # "§ 19 i lov om nr. 1273 af 21. december 2011" (LBK 678/2013)
    ("lov om nr.", regex.compile(r"\blov\s+om\s+(?=nr\.\s*\d+\s+af\b)"), "lov "),
    # "lov nr. 1548 af 13. decemer 2016" (LBK 221/2017): a month misspelt
    ("month", regex.compile(r"(?<=\baf\s+\d{1,2}\.\s*)(?P<m>[a-zæøå]+)(?=\s+\d{4})"),
     lambda m: m[0] if m[0] in MONTHS else next(iter(difflib.get_close_matches(m[0], MONTHS, 1, 0.8)), m[0])),
)
# a new sentence: a full stop, then a capital letter. Not before "§" (case_slips splits there too): "…, jf.
# § 15, stk. 3, i lov nr. 434 af 8. maj 2006." is one sentence (LBK 1054/2010)
SENTENCE = regex.compile(r"(?<=\.)\s+(?=[A-ZÆØÅ])")
# the part the intro names before "i lov nr.": "§ 1, nr. 8, i " → "§ 1, nr. 8,"; "§ 3 lov nr. 1283" (LBK
# 418/2016, without "i"). From the first "§" after the previous act: that act's title may stand between
# ("§ 92 i lov nr. 1715 af 27. december 2016 om Miljø- og Fødevareklagenævnet og § 3 i lov nr. …")
PART = regex.compile(r"""(?:^|[\s,])(?P<part>§.*?)\s*(?:\bi\s*)?$""", regex.VERBOSE)
# what may stand between two acts besides a part: separators, the previous act's title ("om …")
JOINER = regex.compile(r"""^[\s,]*(?:(?:og|samt)\s+)?$|^[\s,]*om\s""", regex.VERBOSE)
# a citation CITATION did not read (a slip REPAIRS does not know): it must not pass for a part
UNREAD = regex.compile(r"\blov\b|\bnr\.\s*\d+\s+af\b", regex.IGNORECASE)
# an act the intro says it incorporates as it was amended by another ("lov nr. 716 af 25. juni 2010, som ændret
# ved § 2 i lov nr. 479 af 23. maj 2011"): two acts in one, not a case of the manifest's shape
NESTED = regex.compile(r"\bsom\s+(?:ændret|affattet|indsat)\s+ved\b", regex.IGNORECASE)


@dataclass
class Reading:
    """An LBK's intro read into a case (cases.json's shape) or the reason it is not one."""

    rel: str
    intro: str = ""
    case: dict[str, Any] | None = None
    reason: str = ""  # kind of skip: no-act, intro-cut, base-not-read, base-missing, act-missing, part-not-read, …
    detail: str = ""
    repairs: list[str] = field(default_factory=list)  # the REPAIRS its intro needed, the dates it slipped on
    acts: list[tuple[str, str]] = field(default_factory=list)


def intro_of(rel: str) -> str:
    """The LBK's intro: its <Indledning> read raw without its notes, in the eval's comparison form."""
    from lxml import etree

    from lovkons.review.acts import xml_text
    from lovkons.review.untouched import norm

    root = etree.parse(str(CORPUS / rel), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    el = next(root.iter("Indledning"), None)
    return norm(xml_text(el, frozenset({"Nota"}))) if el is not None else ""


def path_of(m: regex.Match[str]) -> str:
    return f"love/{m['year']}/{m['year']}-{int(m['no'])}.xml"


def repaired(intro: str) -> tuple[str, list[str]]:
    """The intro with its citations' slips mended (REPAIRS), and the names of those it needed."""
    names = []
    for name, pattern, replacement in REPAIRS:
        mended = pattern.sub(replacement, intro)
        if mended != intro:
            names.append(name)
            intro = mended
    return intro, names


def stops_short(intro: str) -> bool:
    """The intro stops mid-sentence: no full stop or colon at its end ("… med de ændringer, der følger af
    lov nr. 243 af 22. marts 2010:", LBK 616/2010, is whole), nor a complete citation ("… og § 1 i lov nr.
    1388 af 21. december 2009", LBK 89/2010); "… og § 6 i lov nr. 720 af 25. juni" (LBK 1110/2014) is cut."""
    ends = [m.end() for m in CITATION.finditer(intro)]
    return intro_cut(intro) and not intro.rstrip().endswith(":") and (not ends or ends[-1] < len(intro.rstrip()))


def read(rel: str) -> Reading:
    """The LBK `rel` (love/YYYY/YYYY-N.xml) read into a case, or why not."""
    r = Reading(rel, intro_of(rel))
    text, r.repairs = repaired(r.intro)
    first = SENTENCE.split(text, maxsplit=1)[0]
    joint = INCORPORATES.search(first)
    if not r.intro:
        return skip(r, "no-intro", "no <Indledning>")
    if stops_short(r.intro):
        return skip(r, "intro-cut", f"ends …{r.intro[-60:]!r}")
    if joint is None:
        what = "a correction only (Berigtigelse)" if "Berigtigelse" in r.intro else "no act incorporated"
        return skip(r, "no-act", f"{what}: {first[:120]!r}")
    head, tail = first[:joint.start()], first[joint.end():]
    bases = list(CITATION.finditer(head))
    if len(bases) != 1:
        return skip(r, "base-not-read", f"{len(bases)} citations before {joint[0]!r}: {head[-150:]!r}")
    base = path_of(bases[0])
    # a sentence about acts not incorporated run into the first one (no full stop between): the clause
    # before it, up to its "§" (case_slips.incorporated_citations reads the cases' intros the same way)
    if cut := NOT_INCORPORATED.search(tail):
        tail = regex.sub(r"§[^§]*$", "", tail[:cut.start()])
    if NESTED.search(tail):
        return skip(r, "nested-act", f"an act as amended by another: {tail[:200]!r}")
    at = 0
    cited = [(base, bases[0])]
    for m in CITATION.finditer(tail):
        between, at = tail[at:m.start()], m.end()
        if m["kind"].lower() != "lov" or citation_date(m) is None:
            return skip(r, "act-not-read", f"{m[0]!r} is no act")
        if UNREAD.search(between):
            return skip(r, "act-not-read", f"a citation not read in {between.strip()!r}")
        part = PART.search(between)
        if part is None and not JOINER.search(between):
            return skip(r, "part-not-read", f"{between.strip()!r} before {m[0]!r}")
        r.acts.append((path_of(m), part["part"] if part else ""))
        cited.append((path_of(m), m))
    if not r.acts:
        return skip(r, "no-act", f"no act cited after {joint[0]!r}: {tail[:120]!r}")
    if not (CORPUS / base).exists():
        return skip(r, "base-missing", f"{base} ({bases[0][0]})")
    missing = [p for p, _ in r.acts if not (CORPUS / p).exists()]
    if missing:
        return skip(r, "act-missing", ", ".join(missing))
    # a number names one act of its year; a date other than the file's is a slip of the intro's date (LBK
    # 1074/2016: "lov nr. 1285 af 9. september 2014", dated 9 December 2014), noted, not a reason to skip
    r.repairs += [f"{p} cited as of {citation_date(m)}, dated {meta(p).get('DiesSigni')}" for p, m in cited
                  if meta(p).get("DiesSigni") != str(citation_date(m))]
    m = meta(rel)
    r.case = {"id": f"L-LBK-{m.get('Year')}-{m.get('Number')}", "title": m.get("DocumentTitle", ""),
              "lbk_date": m.get("DiesSigni", ""), "base": base,
              "amendments": [{"path": p, "part": part} for p, part in r.acts], "expected": rel,
              "intro": r.intro[:600]}
    return r


def skip(r: Reading, reason: str, detail: str) -> Reading:
    r.reason, r.detail = reason, detail
    return r


def check_known() -> int:
    """The reader on the 150 LBKs of cases.json: base, acts and parts compared with the case's."""
    cases = json.loads(CASES.read_text(encoding="utf-8"))["cases"]
    agree = 0
    kinds: collections.Counter[str] = collections.Counter()
    for case in cases:
        r = read(case["expected"])
        theirs = [(a["path"], a["part"]) for a in case["amendments"]]
        ours = r.case and [(a["path"], a["part"]) for a in r.case["amendments"]]
        if r.case is None:
            kinds[f"skipped ({r.reason})"] += 1
            print(f"{case['id']}\tskipped {r.reason}: {r.detail}")
        elif r.case["base"] != case["base"]:
            kinds["base differs"] += 1
            print(f"{case['id']}\tbase: ours {r.case['base']}, cases.json {case['base']}")
        elif ours != theirs:
            kinds["acts or parts differ"] += 1
            only_ours = [a for a in ours or [] if a not in theirs]
            only_theirs = [a for a in theirs if a not in (ours or [])]
            print(f"{case['id']}\tacts: only ours {only_ours}; only cases.json {only_theirs}")
        else:
            agree += 1
    print(f"\n{agree}/{len(cases)} cases agree with cases.json (base, acts in order, parts); "
          + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    return 0


def holdout_readings() -> list[Reading]:
    cases = json.loads(CASES.read_text(encoding="utf-8"))["cases"]
    known = {c["expected"] for c in cases}
    # and the 45 development cases of tests/cases (L-LBK-2013-500.yaml: the LBK love/2013/2013-500.xml)
    for m in (ROOT / "tests" / "cases").glob("L-LBK-*.yaml"):
        year, number = m.stem.split("-")[2:4]
        known.add(f"love/{year}/{year}-{number}.xml")
    return [read(rel) for rel, m in corpus_docs()
            if m.get("DocumentType", "").startswith("LBK") and rel not in known]


def groups(manifests: list[Path], show: str | None) -> None:
    """The holdout's wrong §§ by category, and each category by likely cause (bench/wrong_groups.py's
    groups), with examples: case, §, one-line diff (LBK | ours)."""
    from wrong_groups import diff_line, group, scored_runs

    by: dict[str, dict[str, list[str]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    for case_name, case, ops in scored_runs(manifests):
        for wrong in case.wrong:
            name = group(wrong, ops.get(wrong.label, [])) if wrong.category in ("unexplained", "uninstructed") else ""
            detail = "; ".join(f"{m.unit} act {m.act_says!r} | LBK {m.lbk_prints!r}" for m in wrong.mended) \
                or diff_line(wrong)
            by[wrong.category][name].append(f"{case_name} § {wrong.label}: {detail}")
    for category, named in sorted(by.items(), key=lambda kv: -sum(map(len, kv[1].values()))):
        print(f"\n== {category}: {sum(map(len, named.values()))}")
        for name, rows in sorted(named.items(), key=lambda kv: -len(kv[1])):
            print(f"{len(rows):4d}  {name or category}  ({', '.join(r.split(':')[0] for r in rows[:3])}, …)")
            if show is not None and (show in name or show == category):
                for row in rows:
                    print(f"        {row[:300]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", type=Path, help="write every case's eval, the totals and the skipped LBKs here")
    ap.add_argument("--quiet", action="store_true", help="totals only")
    ap.add_argument("--skipped", action="store_true", help="name each skipped LBK and why")
    ap.add_argument("--literal", action="store_true", help="eval --literal: without the ressort layer")
    ap.add_argument("--check-known", action="store_true", help="read the 150 LBKs of cases.json and compare")
    ap.add_argument("--groups", action="store_true", help="group the wrong §§ by category and likely cause")
    ap.add_argument("--show", help="with --groups: print every § of the groups whose name contains this word")
    args = ap.parse_args()
    unpack()
    if not CASES.is_file():
        print(f"holdout: need {CASES}", file=sys.stderr)
        return 2
    if args.check_known:
        return check_known()
    readings = holdout_readings()
    kept = [r for r in readings if r.case is not None]
    skipped = [r for r in readings if r.case is None]
    if args.skipped:
        for r in skipped:
            print(f"{r.rel}\t{r.reason}\t{r.detail}")
        for r in kept:
            if r.repairs:
                print(f"{r.rel}\tkept, read after repairs\t{'; '.join(r.repairs)}")
    reasons = collections.Counter(r.reason for r in skipped)
    # a base or act of 2010 or later that is not in the corpus is a gap of the corpus (it holds 2010-2017)
    gaps = sum(1 for r in skipped if r.reason in ("base-missing", "act-missing")
               and any(int(y) >= 2010 for y in regex.findall(r"love/(\d{4})/", r.detail)))
    print(f"{len(readings)} LBKs not among the 195 development cases: {len(kept)} holdout cases, {len(skipped)} skipped ("
          + ", ".join(f"{k} {n}" for k, n in reasons.most_common())
          + f"; of the missing, {gaps} miss a document of 2010 or later: gaps of the corpus)")
    HOLDOUT.mkdir(parents=True, exist_ok=True)
    manifests = [write_manifest(r.case, HOLDOUT) for r in kept if r.case is not None]
    if args.groups:
        groups(manifests, args.show)
        return 0
    start = time.perf_counter()
    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        rows = list(pool.map(lambda m: run_case(m, args.literal), manifests))
    wall = time.perf_counter() - start
    if not args.quiet:
        print(f"{'case':<22} exit  touched  ident  instr  i-ok  refused  unexpl  damaged")
    for row in rows:
        e = row["eval"]
        if e is None or row["exit"] not in (0, 3):
            print(f"{row['manifest'][:-5]:<22} {row['exit']:>4}  FAILED {' '.join(row.get('stderr', []))[:200]}")
        elif not args.quiet:
            print(f"{row['manifest'][:-5]:<22} {row['exit']:>4}  {e['touched']:>7}  {e['touched_identical']:>5}"
                  f"  {e['touched_instructed']:>5}  {e['touched_instructed_identical']:>4}"
                  f"  {e['wrong_refused']:>7}  {e['wrong_unexplained']:>6}  {e['untouched_damaged']:>7}")
    summary = totals(rows)
    print_totals("holdout", summary)
    print(f"\n{len(rows)} cases in {wall:.1f} s with {args.jobs} jobs")
    if args.json:
        args.json.write_text(json.dumps({
            "totals": {"holdout": summary}, "cases": {"holdout": rows},
            "holdout": [r.case for r in kept],
            "skipped": [{"lbk": r.rel, "reason": r.reason, "detail": r.detail} for r in skipped],
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
