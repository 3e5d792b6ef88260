"""The timeline against the official consolidations: capability 4 ("what was in force on day D") scored
on every restatement in the corpus, the acts found and dated by the timeline itself.

The development cases (bench/scorecard.py) give the amender the acts an LBK's intro names; this check
gives it none: the acts are those whose change blocks cite the law, dated by their own commencement rules.
B's intro still decides one thing, as it does in the product: whether an item dated after B's day is in B's
text (history.withheld.in_text_of), so the "acts agree" figures compare with that same intro. For every document A of the corpus (bench/.corpus/love, 2,094 documents) that a newer
LBK B in the corpus restates ("Herved bekendtgøres …, jf. lovbekendtgørelse nr. A, …"), it asks the
timeline for A's last version before B (`lovkons consolidate A --at B's day`: the acts found by their own
citations, each item dated by its own commencement rule, the ministers of B's day) and scores that text
against B § by § exactly as `lovkons eval` scores a case. What it adds to the scorecard is the dating and
the choice of acts: a § the case route gets right and this route gets wrong is a dating or selection
difference (an item we hold pending that B incorporated, an act B left out, an act missing from the
corpus). The text compared is the one B prints: A's items dated before B's day, and those the timeline
hands on to B as already in its text (B's intro names their act: INCORPORATED_AHEAD); the acts' signatures
decide the ministers as in a version's renaming (whole acts, not the items kept).

For each pair it also compares the acts: those whose items are in our version, and those B's intro says
it incorporates (`Facts.incorporates`). `--pairs` prints one row per pair; `--only-cases` keeps the pairs
that are development cases (the same base and LBK as a manifest of bench/.corpus/manifests or
tests/cases), `--unseen` the others.

Run: .venv/bin/python bench/timeline_check.py [--pairs] [--only-cases | --unseen] [--through-outside] [--json FILE]
     [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scorecard import print_totals, totals, unpack  # noqa: E402

from lovkons.amender.orders import consolidate_orders  # noqa: E402
from lovkons.history.corpus import Corpus, load_corpus  # noqa: E402
from lovkons.history.pointintime import orders_with  # noqa: E402
from lovkons.history.timeline import Change, timeline  # noqa: E402
from lovkons.model.document import LovkonsError  # noqa: E402
from lovkons.model.edits import AmendingDocument  # noqa: E402
from lovkons.renderers.eval_out import score_json  # noqa: E402
from lovkons.ressort.layer import apply_ressort  # noqa: E402
from lovkons.review.evaluate import score  # noqa: E402


def restatements(corpus: Corpus, *, through_outside: bool = False) -> list[tuple[str, str, dt.date]]:
    """(A, B, B's day) for every document A that an LBK B of the corpus restates; with `through_outside` also those
    B restates through documents the corpus lacks (history.timeline.same_law_successor), whose acts in between
    the corpus may lack too."""
    pairs = []
    for key in sorted(corpus.facts):
        if corpus.facts[key].role != "base":
            continue
        end = timeline(corpus, key).end
        taker = end.taker if end is not None else None  # B, also when A ends on the day of an LBK the corpus lacks
        if end is not None and end.state == "superseded" and taker is not None and taker.by in corpus.facts \
                and taker.since is not None and (through_outside or key in corpus.facts[taker.by].consolidates):
            pairs.append((key, taker.by, taker.since))
    return pairs


def case_pairs(corpus: Corpus) -> set[tuple[str, str]]:
    """(base, LBK) of the development cases, by the corpus files their manifests name."""
    by_rel = {f.rel: k for k, f in corpus.facts.items()}
    found = set()
    for path in [*sorted((ROOT / "tests" / "cases").glob("*.yaml")),
                 *sorted((ROOT / "bench" / ".corpus" / "manifests").glob("*.yaml"))]:
        m = yaml.safe_load(path.read_text(encoding="utf-8"))
        base, lbk = (str(m.get(k, "")).split("/love/")[-1] for k in ("base", "expected"))
        if base in by_rel and lbk in by_rel:
            found.add((by_rel[base], by_rel[lbk]))
    return found


def as_printed(corpus: Corpus, a: str) -> tuple[list[AmendingDocument], int]:
    """The acts of A's timeline cut down to the items B's text holds: every item dated before B's day, and
    those dated later (or undetermined) that the timeline hands on as already in B's text (B's intro names
    the act: INCORPORATED_AHEAD), not those in force before B's day that B left out because they have effect
    later (history.timeline._left_out: handed on to B, so also among A's carried); with how many are ahead. Through
    an LBK the corpus lacks (A ends on its day: timeline.Status.then), the items A hands on to it are dated before B's
    day: in B's text too."""
    tl = timeline(corpus, a)
    ahead = tuple(c for c in tl.carried if c.incorporated)
    left_out = {(c.order, c.paragraf, c.item) for c in tl.carried if c.why == "left_out"}
    kept = tuple(c for c in tl.changes if (c.order, c.paragraf, c.item) not in left_out)
    between = tuple(c for c in tl.carried if tl.end is not None and tl.end.then is not None and c.to == tl.end.by)
    # in the order they took effect; an item without a day (the minister set it) by its act's date: LOV 718/2010 § 44
    # (godskørsel, in force by order 1 April 2011) before LOV 471/2011, which amends the text it wrote
    def rank(c: Change) -> tuple[dt.date, str, str, int]:
        act = corpus.facts.get(c.order)
        day = c.in_force or (dt.date.fromisoformat(act.date) if act and act.date else dt.date.min)
        return (day, act.date or "" if act else "", c.order, c.item)

    changes = tuple(sorted((*kept, *between, *ahead), key=rank))
    with_ahead = replace(tl, changes=changes)  # the versions' own cut, those items included
    orders = orders_with(corpus, with_ahead, frozenset((c.order, c.paragraf, c.item) for c in with_ahead.changes))
    return orders, len(ahead)


def check(corpus: Corpus, a: str, b: str, day: dt.date) -> dict[str, Any]:
    """A's text as B prints it (the acts' own words: A's items dated before B, and those B incorporates ahead),
    renamed to B's day as `lovkons eval` does, scored against B; with the acts in our text and those B names."""
    row: dict[str, Any] = {"base": a, "lbk": b, "day": day.isoformat()}
    base, expected = corpus.document(a), corpus.document(b)
    orders, row["ahead"] = as_printed(corpus, a)
    made, _ = consolidate_orders(base, orders, at=None)
    signed = [corpus.order(o.meta.short) for o in orders]  # whole acts: who signed them is evidence (as a version is renamed)
    ressort = apply_ressort(made.document, expected.meta.date or day, base=base, orders=signed)
    result = replace(made, document=ressort.document, problems=(*made.problems, *ressort.problems))
    case = score(f"{a} → {b}", base, result, expected, orders=orders,
                 renames=sum(c.count for c in ressort.changes), renamed=[c.address for c in ressort.changes])
    row["eval"] = score_json(case)
    ours, named = {o.meta.short for o in orders}, set(corpus.facts[b].incorporates)
    row["acts_ours_only"] = sorted(ours - named)
    row["acts_lbk_only"] = sorted(named - ours)
    row["acts_lbk_only_missing"] = sorted(k for k in named - ours if k not in corpus.facts)
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--pairs", action="store_true", help="one row per pair")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--only-cases", action="store_true", help="only the pairs that are development cases")
    group.add_argument("--unseen", action="store_true", help="only the pairs that are no development case")
    ap.add_argument("--json", type=Path, help="write every pair's row and the totals")
    ap.add_argument("--limit", type=int, help="only the first N pairs (a quick look)")
    ap.add_argument("--through-outside", action="store_true",
                    help="also the restatements through documents the corpus lacks (matched by the law's title)")
    args = ap.parse_args()
    started = time.perf_counter()
    corpus = load_corpus(unpack() / "love", jobs=2)
    pairs = restatements(corpus, through_outside=args.through_outside)
    cases = case_pairs(corpus)
    if args.only_cases:
        pairs = [p for p in pairs if p[:2] in cases]
    elif args.unseen:
        pairs = [p for p in pairs if p[:2] not in cases]
    rows = []
    for a, b, day in pairs[: args.limit]:
        try:
            row = check(corpus, a, b, day)
        except LovkonsError as err:
            row = {"base": a, "lbk": b, "day": day.isoformat(), "eval": None, "status": err.reason}
        row["exit"] = 0 if row["eval"] is not None else 1
        row["case"] = (a, b) in cases
        rows.append(row)
        if args.pairs:
            e = row["eval"]
            figures = (f"touched {e['touched_identical']}/{e['touched']}, instructed "
                       f"{e['touched_instructed_identical']}/{e['touched_instructed']}, untouched "
                       f"{e['untouched_preserved']}/{e['untouched']}" if e else f"no text ({row['status']})")
            acts = "".join(f"; {k}: {', '.join(row[k])}" for k in ("acts_ours_only", "acts_lbk_only") if row.get(k))
            print(f"{a} → {b} ({day}){' [case]' if row['case'] else ''}: {figures}{acts}")
    with_orders = [r for r in rows if r["eval"] is not None and r["eval"]["touched"]]
    print(f"\n{len(rows)} restatements ({sum(r['case'] for r in rows)} of them development cases), "
          f"{len(with_orders)} with touched §§; {sum(1 for r in rows if r['eval'] is None)} without a text")
    print_totals("timeline vs official LBK", totals(rows))
    differ = [r for r in rows if r.get("acts_ours_only") or r.get("acts_lbk_only")]
    missing = sum(1 for r in rows if r.get("acts_lbk_only_missing"))
    print(f"  acts: {len(differ)} pairs where our version's acts and the LBK's differ ({missing} of them name an act "
          "missing from the corpus)")
    agree = [r for r in rows if r["eval"] is not None and r not in differ]
    print_totals(f"the {len(agree)} pairs whose acts agree (our text has exactly the acts the LBK names)", totals(agree))
    print(f"\n{len(rows)} pairs in {time.perf_counter() - started:.1f} s")
    if args.json:
        args.json.write_text(json.dumps({"pairs": rows, "totals": totals(rows)}, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
