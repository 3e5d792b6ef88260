"""A holdout for the ressort layer (lovkons/ressort/): pairs of versions of one law it was never tuned on.

For every LBK L of the corpus (bench/.corpus/love) whose intro ("Herved bekendtgøres lov om …, jf.
lovbekendtgørelse nr. N af …, med de ændringer, der følger af …") names a base B that is in the corpus, L
not among the 195 development cases (the `expected` of ../shared/data/corpus/cases.json and
tests/cases/L-LBK-*.yaml): B and L are read with lovkons' reader, the ressort layer renames B on L's day
(apply_ressort(B, day, base=B, orders=the acts of L's intro that are in the corpus, read as the corpus scan
reads them: history.facts.read_order)), and the §§ whose text
in B and L is identical or differs only in names of ministries and authorities (review.renames' pattern:
the register's forms and names by their shape, so a name the register lacks still counts) are compared
name by name. Where the intro's base is not in the corpus, B is the latest earlier LBK of the same title
(the versions between are missing: only §§ equal up to names are compared, so that is fair; --intro-only
leaves these pairs out). Each name (a slot) is

  kept-right     B = L, ours = B          renamed-right  B ≠ L, ours = L
  missed         B ≠ L, ours = B          wrote-wrongly  B = L, ours ≠ B
  other-name     B ≠ L, ours ∉ {B, L}     instructed     B ≠ L and an act of the intro quotes both
                                                         names (»old« … »new«): not the layer's to make

(names compared case-insensitively, white space collapsed). A § takes the worst class of its names
(other-name > wrote-wrongly > missed > instructed > renamed-right > kept-right); §§ without a name are
not counted. Printed: the totals, then the groups (class, B's name → L's name / ours) with their counts
and an example (LBK, §), largest first, so a systematic gap of the register or a guard stands out.

Usage: .venv/bin/python bench/ressort_holdout.py [--jobs 2] [--json FILE] [--show N] [--intro-only]
       [--lbk love/2015/2015-770.xml]  (~75 s with 2 jobs)
Reads bench/.corpus (copy it from main) and ../shared/data/corpus/cases.json.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
import case_slips as cs

ROOT = cs.ROOT
CLASSES = ("kept-right", "renamed-right", "instructed", "missed", "wrote-wrongly", "other-name")
WORST = {c: i for i, c in enumerate(CLASSES)}  # a § takes its worst name's class
# an act cited without "nr." (LBK 121/2017: "med de ændringer, der følger af § 25 i lov 1715 af 27. december
# 2016"), which case_slips.CITATION does not read
BARE_ACT = regex.compile(r"\blov\s+(?P<no>\d+)\s+af\s+(?P<day>\d{1,2})\.\s*(?P<month>[a-zæøå]+)\s+(?P<year>\d{4})",
                         regex.IGNORECASE)


@dataclass(frozen=True)
class Pair:
    lbk: str  # love/YYYY/YYYY-N.xml
    base: str
    orders: tuple[str, ...]  # the intro's acts that are in the corpus
    missing: tuple[str, ...]  # the intro's acts that are not
    kind: str = "intro"  # B is the intro's base; "title": the latest earlier LBK of the same title


@dataclass(frozen=True)
class Slot:
    lbk: str
    paragraf: str
    cls: str
    old: str  # B's name
    new: str  # L's name
    ours: str
    stale: bool = False  # B's name is the register's, of an office no longer in office on L's day


def development() -> set[str]:
    """The LBKs of the 195 development cases, as corpus paths."""
    dev = {str(c["expected"]) for c in json.loads(cs.CASES.read_text(encoding="utf-8"))["cases"]}
    for p in (ROOT / "tests" / "cases").glob("L-LBK-*.yaml"):
        _, year, no = p.stem.rsplit("-", 2)
        dev.add(f"love/{year}/{year}-{no}.xml")
    return dev


def pairs(dev: set[str], by_title: bool = True) -> list[Pair]:
    """(B, L) for every LBK L outside `dev` whose intro's base B is in the corpus: the first citation of
    the intro's first sentence before "med de ændringer" (a lovbekendtgørelse, or the lov consolidated).
    With `by_title`, where that base is not in the corpus, B is the latest earlier LBK of the corpus with
    the same title (a version of the same law; its intermediate versions are missing)."""
    out: list[Pair] = []
    by_name: dict[str, list[tuple[dt.date, str]]] = collections.defaultdict(list)
    for rel, m in cs.corpus_docs():
        when = cs.day(m)
        if m.get("DocumentType", "").startswith("LBK") and when:
            by_name[cs.law_name(m.get("DocumentTitle", ""))].append((when, rel))
    for rel, m in cs.corpus_docs():
        if not m.get("DocumentType", "").startswith("LBK") or rel in dev:
            continue
        intro = cs.base_intro(rel)
        first = regex.split(r"(?<=\.)\s+(?=[A-ZÆØÅ§])", intro, maxsplit=1)[0]
        head = first.split("med de ændringer", 1)[0]
        cited = cs.CITATION.search(head)
        when = cs.citation_date(cited) if cited else None
        if cited is None or when is None:
            continue
        base = f"love/{when.year}/{when.year}-{int(cited['no'])}.xml"
        kind = "intro"
        if not (cs.CORPUS / base).exists() and by_title and (day := cs.day(m)):
            earlier = [(d, r) for d, r in by_name[cs.law_name(m.get("DocumentTitle", ""))] if d < day and r != rel]
            if earlier:
                base, kind = max(earlier)[1], "title"
        if base == rel or not (cs.CORPUS / base).exists():
            continue
        start = cs.day(cs.meta(base))
        cited_acts = [*cs.incorporated_citations(intro),
                      *((int(b["no"]), d) for b in BARE_ACT.finditer(first) if (d := cs.citation_date(b)))]
        acts = dict.fromkeys(f"love/{d.year}/{d.year}-{no}.xml" for no, d in cited_acts
                             if start is None or d > start)
        acts.pop(base, None)
        out.append(Pair(rel, base, tuple(a for a in acts if (cs.CORPUS / a).exists()),
                        tuple(a for a in acts if not (cs.CORPUS / a).exists()), kind))
    return out


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def compare(pair: Pair) -> tuple[list[Slot], dict[str, int], str]:
    """The slots of the §§ of B and L that differ at most in names, and counts of the §§ (compared,
    skipped); an error line instead when a document cannot be read."""
    from lovkons.history.facts import read_order
    from lovkons.model.document import LovkonsError
    from lovkons.parsers.read import read_document
    from lovkons.ressort.forms import name_forms
    from lovkons.ressort.layer import apply_ressort
    from lovkons.ressort.register import default_register
    from lovkons.review.acts import act_quotations
    from lovkons.review.evaluate import paragraf_map
    from lovkons.review.renames import office_names

    try:
        base = read_document(cs.CORPUS / pair.base, lenient=True).document
        lbk = read_document(cs.CORPUS / pair.lbk, lenient=True).document
    except LovkonsError as err:
        return [], {}, f"{pair.lbk}: cannot read: {err}"
    orders = []
    for rel in pair.orders:
        try:
            orders.append(read_order(cs.CORPUS / rel))
        except LovkonsError:
            continue
    day = lbk.meta.date
    if day is None:
        return [], {}, f"{pair.lbk}: no date"
    ours = apply_ressort(base, day, base=base, orders=orders).document
    quotes = [_fold(act_quotations(str(cs.CORPUS / rel)) or "") for rel in pair.orders]
    names = office_names()
    register = default_register()

    def stale(name: str) -> bool:
        offices = {f.office for f in name_forms(register).lookup(name)}
        return bool(offices) and not any(register.in_office(o, day) for o in offices)

    b_map, l_map, o_map = paragraf_map(base), paragraf_map(lbk), paragraf_map(ours)
    slots: list[Slot] = []
    counts: collections.Counter[str] = collections.Counter()
    for key, b_text in b_map.items():
        l_text, o_text = l_map.get(key), o_map.get(key)
        if b_text is None or l_text is None or o_text is None:
            continue
        b_names = [m[0] for m in names.finditer(b_text)]
        if not b_names:
            continue
        if names.sub("\x00", b_text) != names.sub("\x00", l_text):
            counts["differ beyond names"] += 1
            continue
        counts["compared"] += 1
        l_names = [m[0] for m in names.finditer(l_text)]
        o_names = [m[0] for m in names.finditer(o_text)]
        if names.sub("\x00", o_text) != names.sub("\x00", b_text):
            o_names = ["(not aligned)"] * len(b_names)
        for old, new, got in zip(b_names, l_names, o_names, strict=True):
            fo, fn, fg = _fold(old), _fold(new), _fold(got)
            if fo == fn:
                cls = "kept-right" if fg == fo else "wrote-wrongly"
            elif fg == fn:
                cls = "renamed-right"
            elif any(f"»{fo}" in q and f"»{fn}" in q for q in quotes):
                cls = "instructed"
            else:
                cls = "missed" if fg == fo else "other-name"
            slots.append(Slot(pair.lbk, f"§ {key}", cls, " ".join(old.split()), " ".join(new.split()),
                              " ".join(got.split()), stale(old)))
    return slots, dict(counts), ""


def short(rel: str) -> str:
    """love/2015/2015-1149.xml → "LBK 1149/2015"."""
    year, no = Path(rel).stem.split("-")
    return f"LBK {no}/{year}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", type=Path, help="write the pairs, totals, groups and slots here")
    ap.add_argument("--show", type=int, default=40, help="groups shown (largest first; kept-right only for names out of office)")
    ap.add_argument("--intro-only", action="store_true", help="only pairs whose base the LBK's intro cites")
    ap.add_argument("--lbk", action="append", help="only this LBK (corpus path, repeatable)")
    args = ap.parse_args()
    if not cs.CORPUS.is_dir() or not cs.CASES.is_file():
        print(f"ressort_holdout: need {cs.CORPUS} and {cs.CASES}", file=sys.stderr)
        return 2
    found = [p for p in pairs(development(), not args.intro_only) if not args.lbk or p.lbk in args.lbk]
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(compare, found, chunksize=2))
    slots = [s for r in results for s in r[0]]
    counts: collections.Counter[str] = collections.Counter()
    for _, c, err in results:
        counts.update(c)
        if err:
            print(err, file=sys.stderr)
    per_paragraf: dict[tuple[str, str], str] = {}
    for s in slots:
        at = (s.lbk, s.paragraf)
        if at not in per_paragraf or WORST[s.cls] > WORST[per_paragraf[at]]:
            per_paragraf[at] = s.cls
    by_class = collections.Counter(per_paragraf.values())
    slot_class = collections.Counter(s.cls for s in slots)
    missing = sum(len(p.missing) for p in found)
    print(f"{len(found)} pairs ({sum(p.kind == 'intro' for p in found)} with the intro's base, "
          f"{sum(p.kind == 'title' for p in found)} with the latest earlier LBK of the same title; the LBK not a "
          "development case); intro acts in the corpus "
          f"{sum(len(p.orders) for p in found)}, not in it {missing}")
    print(f"§§ with a name in B: {counts['compared']} compared (B and L differ at most in names), "
          f"{counts['differ beyond names']} left out (they differ in more)")
    print("class            §§    names")
    for c in CLASSES:
        print(f"  {c:<14} {by_class[c]:>5} {slot_class[c]:>7}")
    stale = collections.Counter(s.cls for s in slots if s.stale)
    print("names of an office out of office on L's day (by the register), by class: "
          + ", ".join(f"{c} {stale[c]}" for c in CLASSES if stale[c]))
    groups: dict[tuple[str, str, str, str], list[Slot]] = collections.defaultdict(list)
    for s in slots:
        if s.cls != "kept-right" or s.stale:  # an old name L kept, as we did, is shown too
            groups[(s.cls, _fold(s.old), _fold(s.new), _fold(s.ours))].append(s)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    print(f"\ngroups (class: B's name → L's name / ours): names, §§, LBKs, example — {len(ranked)} groups")
    for (cls, _, _, _), members in ranked[:args.show]:
        s = members[0]
        lbks = sorted({m.lbk for m in members})
        print(f"  {cls:<13} »{s.old}« → »{s.new}« / ours »{s.ours}«: {len(members)} names, "
              f"{len({(m.lbk, m.paragraf) for m in members})} §§, {len(lbks)} LBKs; "
              f"e.g. {short(s.lbk)} {s.paragraf}" + (f" (+ {', '.join(short(x) for x in lbks[1:4])})"
                                                     if len(lbks) > 1 else ""))
    if args.json:
        args.json.write_text(json.dumps({
            "made": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "pairs": [asdict(p) for p in found],
            "paragraf_counts": dict(counts), "paragrafs": dict(by_class), "names": dict(slot_class),
            "stale_names": dict(stale),
            "groups": [{"class": k[0], "old": v[0].old, "new": v[0].new, "ours": v[0].ours, "names": len(v),
                        "lbks": sorted({m.lbk for m in v}), "example": [v[0].lbk, v[0].paragraf]}
                       for k, v in ranked],
            "slots": [asdict(s) for s in slots if s.cls != "kept-right" or s.stale],
        }, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
