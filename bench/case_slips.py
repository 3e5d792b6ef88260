"""Data slips of the 150 corpus cases (issue 15): report them, don't code around them.

cases.json was built automatically from each LBK's intro ("Herved bekendtgøres … med de ændringer, der
følger af …"); a few cases carry slips of that reading. For each case this prints one line per finding
(case, kind, evidence) and a count per kind:

  act-twice        an amending act cited twice in the case (or the base cited as an amendment)
  part-cut         a `part` that looks cut short ("§ 1, nr." without numbers, ends with "og" or a dash)
  part-other       a `part` naming a § that is no change block of its act, or another § than the LBK's intro
                   names for that act (L-LBK-2012-1055: "§ 132 c" for LOV 565/2012, whose intro words are "§ 1,
                   nr. 1-8, 10, 11 og nr. 13 vedrørende § 132 b og § 132 c i lov nr. 565"; the act has §§ 1-5)
  intro-cut        the intro stops mid-sentence (L-LBK-2016-418: "… § 1 i lov n")
  intro-act        the LBK's intro cites "lov nr. N af …" as incorporated, but the act is not in the case
  act-mentioned    an act in the case that the LBK's own intro does not list as incorporated
  missing-act      a corpus act of the same law, dated between the base and the LBK (or one whose changes the
                   base LBK withholds and the LBK no longer does, `released`), not in the case nor incorporated
                   by the LBK's intro (that is intro-act), whose quoted new text (»…«) carries words the LBK
                   prints in §§ our consolidation gets wrong without an instruction (eval categories
                   unexplained/uninstructed) and the base lacks
  same-law-act     such an act without that evidence (or with --no-eval): a lead to check by hand

The LBK's intro is its own, as the product reads it (the <Indledning> without its notes: a <Nota> inside the
intro made cases.json's 600 characters of L-LBK-2016-418 run into "§ 3 i lov nr. 577 … indeholder bestemmelser,
der …"), and only its sentence that says "bekendtgøres": the acts incorporated (parsers.lbk_intro) and the part
of each (parsers.parts, as parsers.not_incorporated reads the part before each act). A part is read as the
apply reads a manifest's (parsers.parts; the act's change blocks as parsers.instructions reads the act).
act-twice, part-cut, part-other, intro-act and act-mentioned change what a case applies (SLIP_KINDS,
`applied_slips`): bench/scorecard.py prints its totals once more without the cases that carry one.

Usage: .venv/bin/python bench/case_slips.py [--no-eval] [--case ID] [--jobs 2]
Reads ../shared/data/corpus/cases.json and bench/.corpus (copy it from main first).
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import functools
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from case_intros import (
    change_blocks,
    incorporated,
    incorporating_sentence,
    intro_parts,
    lbk_preamble,
    part_other,
    released,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "bench" / ".corpus"
CASES = ROOT.parent / "shared" / "data" / "corpus" / "cases.json"

MONTHS = {m: i for i, m in enumerate(
    ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"], 1)}

# "lov nr. 1498 af 23. december 2014" / "lovbekendtgørelse nr. 1329 af 25. november 2013"
CITATION = regex.compile(r"""\b(?P<kind>lov|lovbekendtgørelse)\s+nr\.\s*(?P<no>\d+)\s+af\s+
    (?P<day>\d{1,2})\.\s*(?P<month>[a-zæøå]+)\s+(?P<year>\d{4})""", regex.VERBOSE | regex.IGNORECASE)
# the intro's sentences about acts NOT incorporated: "De ændringer, der følger af … er ikke indarbejdet"
NOT_INCORPORATED = regex.compile(r"""^De\s+ændringer|ikke\s+(?:er\s+)?indarbejdet|træder\s+i\s+kraft|indeholder\s+bestemmelser
    |ophæver|udskyder""", regex.VERBOSE | regex.IGNORECASE)
# an omnibus act's opening of the § that amends one law: "I lov om …, jf. lovbekendtgørelse nr. …, foretages
# følgende ændring(er):"
OPENING = regex.compile(r"foretages\s+følgende\s+ændring", regex.IGNORECASE)
# the end of a complete intro: a full stop (possibly after a closing bracket or quotation mark)
COMPLETE_END = regex.compile(r"""[.!?][»«")]?\s*$|\)\.\s*$""", regex.VERBOSE)
# a part cut short: "§ 1, nr." without numbers, or ending with "og", "-", "§", "stk."
CUT_PART = regex.compile(r"""(?:\b(?:nr|stk|pkt)\.|\bog|\bi|[-–§])\s*,?\s*$""", regex.VERBOSE)
# the kinds of slip that change what a case applies (bench/scorecard.py's totals without them)
SLIP_KINDS = ("act-twice", "part-cut", "part-other", "intro-act", "act-mentioned")
WORD = regex.compile(r"[[:alnum:]][[:alnum:]-]*")
SHINGLE = 6
META = regex.compile(r"<(DocumentType|Number|Year|DiesSigni|DocumentTitle)>([^<]*)</")


def intro_cut(intro: str) -> bool:
    """True when the intro stops mid-sentence (does not end with a full stop)."""
    return bool(intro.strip()) and not COMPLETE_END.search(intro)


def part_cut(part: str) -> bool:
    """True when a `part` looks cut short. A trailing comma alone is the intro's syntax ("§ 2, nr. 2, i lov
    nr. …"), not a slip."""
    return bool(CUT_PART.search(part))


def citation_date(m: regex.Match[str]) -> dt.date | None:
    month = MONTHS.get(m["month"].lower())
    try:
        return dt.date(int(m["year"]), month, int(m["day"])) if month else None
    except ValueError:
        return None


@functools.cache
def base_intro(rel: str) -> str:
    """An LBK's own intro ("Herved bekendtgøres …"), read raw; "" for a law."""
    from lovkons.review.acts import act_source

    text = act_source(str(CORPUS / rel)) or ""
    at = text.find("Herved bekendtgøres")
    return text[at:at + 3000] if at >= 0 else ""


def incorporated_citations(intro: str) -> Iterator[tuple[int, dt.date]]:
    """(number, date) of each "lov nr. N af D" the intro cites as incorporated: those of its first sentence
    ("Herved bekendtgøres …, jf. lovbekendtgørelse nr. …, med de ændringer, der følger af …"), the base's
    "lovbekendtgørelse" aside; later sentences name acts not incorporated or describe them."""
    first = regex.split(r"(?<=\.)\s+(?=[A-ZÆØÅ§])", intro, maxsplit=1)[0]
    # up to a footnote's words run into it (L-LBK-2016-418: "… lov nr. 633 af 16. juni 2014 § 1 i lov nr. 633 af
    # 16. juni 2014 indeholder bestemmelser om …"): the clause before the act it describes
    if cut := NOT_INCORPORATED.search(first):
        first = regex.sub(r"§[^§]*$", "", first[:cut.start()])
    for m in CITATION.finditer(first):
        day = citation_date(m)
        if m["kind"].lower() == "lov" and day:
            yield int(m["no"]), day


def words(text: str) -> set[str]:
    """The text's runs of SHINGLE words (lower-cased, punctuation out), without those naming a ministry (a
    ressort change renames it in every act of the period: no evidence of one act)."""
    toks = [w.lower().strip("-") for w in WORD.findall(text)]
    runs = (" ".join(toks[i:i + SHINGLE]) for i in range(max(0, len(toks) - SHINGLE + 1)))
    return {r for r in runs if "minist" not in r}


@functools.cache
def meta(rel: str) -> dict[str, str]:
    head = (CORPUS / rel).read_text(encoding="utf-8-sig", errors="replace")[:6000]
    return {k: v.strip() for k, v in META.findall(head)}


def law_name(title: str) -> str:
    t = title.lower().strip()
    t = regex.sub(r"^bekendtgørelse af\s+", "", t)
    return regex.sub(r"\s+", " ", t)


@functools.cache
def corpus_docs() -> list[tuple[str, dict[str, str]]]:
    return [(str(p.relative_to(CORPUS)), meta(str(p.relative_to(CORPUS))))
            for p in sorted((CORPUS / "love").glob("*/*.xml"))]


def day(m: dict[str, str]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(m.get("DiesSigni", ""))
    except ValueError:
        return None


@functools.cache
def cited_in_openings(rel: str) -> set[tuple[int, int]]:
    """(number, year) of every law/LBK an act's openings cite ("I lov om …, jf. lovbekendtgørelse nr. 1329 af
    25. november 2013, foretages følgende ændringer")."""
    from lovkons.review.acts import act_source

    text = act_source(str(CORPUS / rel)) or ""
    out: set[tuple[int, int]] = set()
    for m in OPENING.finditer(text):
        for c in CITATION.finditer(text[max(0, m.start() - 400):m.start()]):
            out.add((int(c["no"]), int(c["year"])))
    return out


def eval_wrong(case: dict[str, object]) -> list[str]:
    """Labels of the §§ the eval finds wrong without an instruction (unexplained, uninstructed)."""
    # bench/.corpus/manifests/<ID>.yaml (bench/make_manifests.py; "" parts left out), pointed at this corpus
    text = (CORPUS / "manifests" / f"{case['id']}.yaml").read_text(encoding="utf-8")
    text = regex.sub(r"(?m)^(\s*(?:-\s+)?(?:base|path|expected):\s*).*?/love/", lambda m: f"{m[1]}{CORPUS}/love/", text)
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
        f.write(text)
    try:
        run = subprocess.run([str(ROOT / ".venv" / "bin" / "lovkons"), "eval", f.name, "-f", "json"],
                             capture_output=True, text=True, check=False)
    finally:
        Path(f.name).unlink()
    try:
        cases = json.loads(run.stdout)["cases"]
    except (ValueError, KeyError):
        return []
    return [str(w["paragraf"]).replace(" ", "") for c in cases for w in c.get("wrong", [])
            if w.get("category") in ("unexplained", "uninstructed")]


@functools.lru_cache(maxsize=8)
def paragraf_texts(rel: str) -> dict[str, str]:
    from lovkons.parsers.read import read_document

    doc = read_document(CORPUS / rel, lenient=True).document
    return {str(p.label).replace(" ", ""): p.full_text() for p in doc.paragraffer()}


def applied_slips(case: dict[str, object]) -> Iterator[tuple[str, str]]:
    """The case's slips that change what it applies (SLIP_KINDS), each with its evidence. The LBK's intro is
    its own (cases.json's when the LBK has none that reads)."""
    base, expected = str(case["base"]), str(case["expected"])
    amendments: list[dict[str, str]] = case["amendments"]  # type: ignore[assignment]
    paths = [a["path"] for a in amendments]
    for path, n in collections.Counter(paths).items():
        if n > 1:
            yield "act-twice", f"{path} cited {n}× (parts {[a['part'] for a in amendments if a['path'] == path]})"
    if base in paths:
        yield "act-twice", f"the base {base} is also an amendment"
    for a in amendments:
        if part_cut(a["part"]):
            yield "part-cut", f"{a['path']} part {a['part']!r}"
    own = lbk_preamble(expected)
    sentence = incorporating_sentence(own or str(case.get("intro", "")))
    named = intro_parts(sentence)
    for a in amendments:
        blocks = change_blocks(a["path"]) if a["part"].strip() and (CORPUS / a["path"]).exists() else None
        if why := part_other(a["part"], named.get(a["path"]), blocks):
            yield "part-other", f"{a['path']} part {a['part']!r}: {why}"
    cited = incorporated(sentence)
    for rel in cited:
        if rel not in paths and rel != base:
            there = "in the corpus" if (CORPUS / rel).exists() else "not in the corpus"
            part = "the whole act" if rel in named and named[rel] is None else "§ " + ", § ".join(sorted(named.get(rel) or ()))
            yield "intro-act", f"the LBK's intro incorporates {rel} ({there}; {part}), not in the case"
    for rel in sorted(set(paths) - set(cited)) if own and cited else ():
        yield "act-mentioned", f"{rel} is in the case, but the LBK's intro does not list it as incorporated"


def findings(case: dict[str, object], evaluate: bool) -> Iterator[tuple[str, str]]:
    from lovkons.review.acts import act_quotations

    intro, base, expected = str(case.get("intro", "")), str(case["base"]), str(case["expected"])
    amendments: list[dict[str, str]] = case["amendments"]  # type: ignore[assignment]
    paths = [a["path"] for a in amendments]
    yield from applied_slips(case)
    if intro_cut(intro):
        own = base_intro(expected)  # the LBK's own intro, read raw: cases.json keeps its first 600 characters
        at = own.find(intro[-30:])  # the LBK's own text of the intro, whitespace collapsed
        whole = f"; the LBK's own intro goes on {own[at + 30:at + 80]!r}…" if at >= 0 else ""
        yield "intro-cut", f"{len(intro)} chars, ends …{intro[-50:]!r}{whole}"
    # acts of the same law in the window, not in the case
    bm, em = meta(base), meta(expected)
    names = {law_name(bm.get("DocumentTitle", "")), law_name(str(case.get("title", "")))}
    ids = {(int(m["Number"]), int(m["Year"])) for r, m in corpus_docs()
           if law_name(m.get("DocumentTitle", "")) in names and m.get("Number", "").isdigit()
           and m.get("Year", "").isdigit()}
    start, end = day(bm), day(em)
    if not (start and end):
        return
    mentioned = {f"love/{c.year}/{c.year}-{int(m['no'])}.xml"
                 for m in CITATION.finditer(intro) if (c := citation_date(m))}
    leads = [r for r, m in corpus_docs()
             if r not in paths and r not in (base, expected) and r not in mentioned
             and m.get("DocumentType", "").startswith("LOV") and (when := day(m)) and start < when <= end
             and cited_in_openings(r) & ids]
    # changes the base LBK withholds that the LBK no longer does (pending at the base: L-LBK-2016-434, LOV 1631/2013)
    pending = set(released(lbk_preamble(base), lbk_preamble(expected)))
    leads += sorted(r for r in pending if r not in paths and r not in leads and (CORPUS / r).exists())
    # an act the LBK's intro incorporates is intro-act's (or in the case)
    cited = set(incorporated(incorporating_sentence(lbk_preamble(expected) or intro)))
    leads = [r for r in leads if r not in cited]
    if not leads:
        return
    wrong = eval_wrong(case) if evaluate else []
    novel: dict[str, set[str]] = {}
    if wrong:
        lbk, old = paragraf_texts(expected), paragraf_texts(base)
        known = set().union(*(words(act_quotations(str(CORPUS / p)) or "") for p in paths))
        novel = {p: words(lbk.get(p, "")) - words(old.get(p, "")) - known for p in wrong}
    for r in leads:
        quoted = words(act_quotations(str(CORPUS / r)) or "")
        hits = {p: sorted(ws & quoted) for p, ws in novel.items() if len(ws & quoted) >= 3}
        m = meta(r)
        name = f"{r} (LOV {m.get('Number')} af {m.get('DiesSigni')}{', pending at the base' if r in pending else ''})"
        if hits:
            shown = "; ".join(f"§ {p}: {len(ws)} runs, »{ws[0]}«" for p, ws in list(hits.items())[:4])
            yield "missing-act", f"{name} amends the law; its »…« carries runs of the LBK's words (6 words) in {len(hits)} wrong §§ — {shown}"
        else:
            yield "same-law-act", f"{name} amends the law, not in the case, no evidence in the wrong §§"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--no-eval", action="store_true", help="skip lovkons eval (no missing-act evidence)")
    ap.add_argument("--case", action="append", help="only this case id (repeatable)")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if not CORPUS.is_dir() or not CASES.is_file():
        print(f"case_slips: need {CORPUS} and {CASES}", file=sys.stderr)
        return 2
    cases = [c for c in json.loads(CASES.read_text(encoding="utf-8"))["cases"]
             if not args.case or c["id"] in args.case]
    corpus_docs()
    # read every act's openings once (the leads of each case scan all acts of its window)
    for rel, m in corpus_docs():
        if m.get("DocumentType", "").startswith("LOV"):
            cited_in_openings(rel)

    def one(case: dict[str, object]) -> list[tuple[str, str]]:
        return list(findings(case, not args.no_eval))

    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(one, cases))
    count: collections.Counter[str] = collections.Counter()
    hit: dict[str, set[str]] = collections.defaultdict(set)
    for case, found in zip(cases, results, strict=True):
        for kind, evidence in found:
            print(f"{case['id']}\t{kind}\t{evidence}")
            count[kind] += 1
            hit[kind].add(str(case["id"]))
    print(f"\n{len(cases)} cases; findings per kind (findings / cases):")
    for kind in (*SLIP_KINDS, "intro-cut", "missing-act", "same-law-act"):
        print(f"  {kind:<13} {count[kind]:>4} / {len(hit[kind])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
