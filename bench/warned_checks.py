"""The instructions lovkons applies with a warning (not exactly as written), checked against the official
consolidations: does the LBK that restates the law with that act print what we wrote?

Input: a corpus rebuild (`lovkons rebuild --corpus bench/.corpus/love --out DIR --no-cache`; its index.json
lists every problem with its document, address, version and source act; DIR/<doc>/<date>.json holds our text
on each date). For every warning of the chosen codes, the LBK of the corpus whose intro restates the warned
document and incorporates the warned act ("Herved bekendtgøres …, jf. lovbekendtgørelse nr. N …, med de
ændringer, der følger af … lov nr. A …", read by lovkons.parsers.lbk_intro, acts its notes leave out dropped)
is looked up; the unit the warning names (its stk./nr./litra, a pkt. read as its unit, "§ 5, nr. 3" as the
whole §) is compared in our last version before that LBK's day and in the LBK (lovkons' reader, the eval's
comparison text: whitespace normalised). Agree = the same text; else the two texts are printed with a word
diff and the text before the act (our previous version), so a reader can tell our rule from the LBK's own
edit or from another act. "dev" marks an LBK among the 195 development cases, "holdout" one never tuned on.

Run: .venv/bin/python bench/warned_checks.py --rb DIR [--codes A,B] [--all-codes] [--quiet]
     (without --rb: rebuilds the corpus into a temporary folder first, ~20 s)
Reads bench/.corpus (unpacked by bench/scorecard.py) and ../shared; never used by the tests.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import difflib
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from case_slips import CASES, corpus_docs, law_name  # noqa: E402
from holdout import intro_of  # noqa: E402

from lovkons.amender.tree import label_key  # noqa: E402
from lovkons.history.lbk_keys import lbk_refs  # noqa: E402
from lovkons.model.document import AddressError, Kind, Level, Node, parse_address  # noqa: E402
from lovkons.review.units import Unit, address_unit, path_to, unit_label, unit_text  # noqa: E402
from lovkons.review.untouched import norm  # noqa: E402

CORPUS = ROOT / "bench" / ".corpus"
# codes that say something about the corpus or the dating, not about how an instruction's words were applied
NOT_APPLYING = frozenset({
    "MISSING_BASE", "MISSING_ORDER", "INCORPORATED_AHEAD", "COMMENCEMENT_UNKNOWN", "RESSORT_REGISTER_ENDS",
    "ITEM_OF_ACT_REPEALED", "RESSORT_EVIDENCE_CONFLICT", "RESSORT_NO_SUCCESSOR", "COUNTED_BEFORE_ACT",
    "ITEM_AFTER_END",
})
ACT = regex.compile(r"^(?P<key>(?:LOV|LBK|BEK)\s+\d+/\d{4})")
HEADING = regex.compile(r"^overskriften\s+(?:før|til)\s+(?P<p>§.*)$", regex.I)
_TOKEN = regex.compile(r"\w+|[^\w\s]")


# The disagreements read by hand (session 13, rebuild of main 1e1240c), by (code, source, address): what the LBK
# shows. "fixed" ones no longer warn after the commit named; the others are not a rule of ours applying wrongly.
VERDICTS = {
    ("TOLERATED_COUNT", "LOV 554/2014 § 1, nr. 2", "§ 16, stk. 1"): "fixed: »§ 21« counted in \"§ 21 a\" (occurrences)",
    ("TOLERATED_COUNT", "LOV 1380/2011 § 2, nr. 1", "§ 29, stk. 3, 5. pkt."):
        "LBK's own edit: \"1. pct.\" of the base printed \"1 pct.\"; the warned change agrees",
    ("TOLERATED_COUNT", "LOV 1354/2012 § 2, nr. 9", "§ 62 C, stk. 1"):
        "another act: the LBK has no 2. pkt. (an act of its intro missing from the corpus); 1. pkt. agrees",
    ("TOLERATED_SPELLING", "LOV 1353/2012 § 4, nr. 4", "§ 11, stk. 6, 4. pkt."): "LBK's own edit: \"m.v.\" printed \"mv\"",
    ("TOLERATED_SPELLING", "LOV 894/2013 § 1, nr. 71", "§ 43, stk. 1"):
        "acts between (later LBK): nr. renumbered by later acts; the warned change agrees",
    ("TOLERATED_SPELLING", "LOV 202/2015 § 3, nr. 8", "§ 27, stk. 7, 4. pkt."):
        "LBK's omission: LBK 680/2015 reads past the same slip in stk. 6 and not in stk. 7",
    ("READ_AS_LEFT_BY_EARLIER_ITEM", "LOV 1520/2014 § 158, nr. 6", "§ 92 d, stk. 1, 1. pkt."):
        "another act: \"12-14\" → \"13-15\"; the warned change agrees",
    ("READ_AS_LEFT_BY_EARLIER_ITEM", "LOV 395/2016 § 1, nr. 61", "§ 66, stk. 5"):
        "another act: LOV 1717/2016 § 2, nr. 8 (\"en\" → \"1\") not in the LBK; the warned change agrees",
    ("READ_AS_LEFT_BY_EARLIER_ITEM", "LOV 395/2016 § 1, nr. 68", "§ 73 a"): "ressort: minister's title only",
    ("TOLERANT_MATCH", "LOV 591/2012 § 2, nr. 6", "§ 2, stk. 4"): "LBK's own edit: \"mv\" printed \"m.v.\"",
    ("TOLERANT_MATCH", "LOV 1382/2011 § 5, nr. 4", "§ 49 B, stk. 1"): "LBK's own edit: \"1- 10\" printed \"1-10\"",
    ("TOLERANT_MATCH", "LOV 1347/2013 § 2, nr. 6", "§ 13 E"): "LBK's own edit: the act's apostrophe glyph not printed",
    ("TOLERANT_MATCH", "LOV 1490/2014 § 4, nr. 6", "§ 52, stk. 1, nr. 4"): "LBK's own edit: apostrophe glyph",
    ("TOLERATED_CASE", "LOV 591/2012 § 2, nr. 6", "§ 2, stk. 6"): "LBK's own edit: \"mv\" printed \"m.v.\"",
    ("TOLERATED_COMMA_AS_FULL_STOP", "LOV 430/2013 § 1, nr. 33", "§ 44 a, stk. 10, 1. pkt."):
        "fixed: no LBK prints the insertion; now refused (a comma after words, not a citation)",
    ("TOLERATED_COMMA_AS_FULL_STOP", "LOV 738/2015 § 1, nr. 77", "§ 49, stk. 2, nr. 6"):
        "fixed: \"…, og.\" → \"…, og\" as LBK 1580/2015",
    ("CITATION_FORM", "LOV 557/2012 § 3, nr. 2", "§ 14, stk. 2"):
        "LBK's own edit: the anchor rewritten in the act's form (\"stk. 1-2\" → \"stk. 1 og 2\"); an insertion keeps it",
    ("CITATION_FORM", "LOV 557/2012 § 3, nr. 2", "§ 9, stk. 1"): "LBK's own edit: as § 14, stk. 2",
    ("CITATION_FORM", "LOV 395/2016 § 1, nr. 66", "§ 71, stk. 1"):
        "LBK's slip: »,§ 63 b« struck leaving \"63 a, og\"",
    ("TOLERATED_COMMA_AS_FULL_STOP", "LOV 177/2015 § 2, nr. 1", "fodnoten til titlen"):
        "another act: the LBK adds a directive after ours and moves \"og\"; the warned change agrees",
    ("CONNECTOR_AT_ITEM_END", "LOV 894/2013 § 1, nr. 62", "§ 39, nr. 5"):
        "acts between (later LBK): nr. 7-8 and words added by later acts; the warned change agrees",
    ("LIST_MEMBER_CITATION", "LOV 1637/2013 § 2, nr. 9", "§ 46, stk. 13"):
        "another act: a stk. inserted in 2015 shifts \"stk. 11\" to \"stk. 12\"; the warned change agrees",
    ("GENITIVE_FORM", "LOV 268/2014 § 16, nr. 3", "§ 71, stk. 2"):
        "another act: LOV 1717/2016 § 2, nr. 11's comma; the genitive agrees",
    ("PKT_OF_ONLY_LIVE_STK", "LOV 738/2015 § 1, nr. 30", "§ 18, 2. pkt."):
        "LBK's print: no \"Stk. 2. (Ophævet)\" placeholder; the change agrees",
    ("RESOLVED_BY_CURRENT_LABEL", "LOV 244/2014 § 1, nr. 2", "§ 6"):
        "acts between (later LBK): § 6 rewritten after; not comparable",
    ("LABEL_MISMATCH", "", ""): "another unit missing in ours (an item refused or an act missing): the LBK numbers as "
                                "the payload's label; the place agrees",
    ("AMBIGUOUS_TARGET", "", ""): "fixed: a heading and its sub-heading are one heading (amender.headings)",
}


def verdict_of(c: Check) -> str:
    return VERDICTS.get((c.code, c.source, c.address)) or VERDICTS.get((c.code, "", ""), "")


@dataclass
class Check:
    code: str
    doc: str  # the rebuild's document id, "LBK-2010-1185"
    key: str  # "LBK 1185/2010"
    source: str  # "LOV 552/2014 § 2, nr. 6"
    address: str
    version: str  # the day the warned version starts
    message: str
    lbk: str = ""  # the LBK compared with ("LBK 1178/2016"), "" when none
    dev: bool = False
    verdict: str = ""  # agree / differ / unchecked: why
    ours: str = ""
    theirs: str = ""
    before: str = ""
    unit: str = ""
    via: str = "restates it with the act"


def node_of(data: dict[str, Any]) -> Node:
    """A rebuild version's JSON node → a Node (kind, label, text, children, repealed)."""
    kind = Kind.DOKUMENT if data["type"] == "document" else Kind(data["type"])
    heading = data.get("title_note") if kind is Kind.DOKUMENT else data.get("heading")  # the document: its title note
    return Node(kind, data.get("label"), heading, data.get("text") or "",
                tuple(node_of(c) for c in data.get("children") or ()), bool(data.get("repealed")), data.get("id") or "")


def paragrafs(root: Node) -> dict[str, list[Node]]:
    """§ key → its nodes outside bilag (a label twice: both, the caller says it is ambiguous)."""
    seen: dict[str, list[Node]] = collections.defaultdict(list)

    def visit(nodes: tuple[Node, ...]) -> None:
        for node in nodes:
            if node.kind is Kind.PARAGRAF:
                seen[label_key(node.label)].append(node)
            elif node.kind in (Kind.KAPITEL, Kind.AFSNIT):
                visit(node.children)

    visit(root.children)
    return seen


def heading_before(root: Node, paragraf: str) -> str | None:
    """The heading(s) standing right before § `paragraf` ("overskriften før/til § N"), "" when none."""
    def visit(nodes: tuple[Node, ...]) -> str | None:
        for i, node in enumerate(nodes):
            if node.kind is Kind.PARAGRAF and label_key(node.label) == paragraf:
                j = i
                while j > 0 and nodes[j - 1].kind is Kind.OVERSKRIFT:
                    j -= 1
                return norm(" ".join(n.text for n in nodes[j:i]))
            if node.kind in (Kind.KAPITEL, Kind.AFSNIT) and (found := visit(node.children)) is not None:
                return found
        return None

    return visit(root.children)


def unit_of(root: Node, paragraf: str, unit: Unit | None) -> str | None:
    """The comparison text of a unit of § `paragraf` (unit None: the heading before the §)."""
    if unit is None:
        return heading_before(root, paragraf)
    found = paragrafs(root).get(paragraf, [])
    if len(found) != 1:
        return None
    path = path_to(found[0], unit)
    return None if path is None else norm(unit_text(path[-1] if path else found[0]))


_UNIT_KINDS = {Kind.STK: "stk", Kind.NR: "nr", Kind.LITRA: "litra"}


def unit_id(root: Node, paragraf: str, unit: Unit) -> str:
    """The stable id of a unit of ours ("" when it is not found once)."""
    found = paragrafs(root).get(paragraf, [])
    path = path_to(found[0], unit) if len(found) == 1 else None
    return "" if path is None else (path[-1] if path else found[0]).id


def located(root: Node, node_id: str) -> tuple[str, Unit] | None:
    """Where the unit with `node_id` stands in a version of ours: (§ key, unit), its labels of that day (the
    stk. may have been renumbered between the warned version and the LBK's day)."""
    def inside(node: Node, unit: Unit) -> Unit | None:
        for child in node.children:
            here = (*unit, (_UNIT_KINDS[child.kind], label_key(child.label))) \
                if child.kind in _UNIT_KINDS and child.label else unit
            if child.id == node_id:
                return here
            if (deeper := inside(child, here)) is not None:
                return deeper
        return None

    for key, nodes in paragrafs(root).items():
        for node in nodes:
            if node.id == node_id:
                return key, ()
            if (unit := inside(node, ())) is not None:
                return key, unit
    return None


def lbk_intros() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """LBK key → (corpus path, key it restates, keys of the acts it incorporates)."""
    out = {}
    for rel, m in corpus_docs():
        if not m.get("DocumentType", "").startswith("LBK"):
            continue
        restates, acts = lbk_refs(intro_of(rel))
        out[f"LBK {m.get('Number')}/{m.get('Year')}"] = (rel, restates[0] if restates else "", acts)
    return out


def development() -> set[str]:
    """The corpus paths of the 195 development cases' LBKs (cases.json's `expected`, tests/cases/L-LBK-*)."""
    known = {c["expected"] for c in json.loads(CASES.read_text(encoding="utf-8"))["cases"]} if CASES.is_file() else set()
    for m in (ROOT / "tests" / "cases").glob("L-LBK-*.yaml"):
        year, number = m.stem.split("-")[2:4]
        known.add(f"love/{year}/{year}-{number}.xml")
    return known


class Versions:
    """Our versions of one rebuilt document, read on demand."""

    def __init__(self, rb: Path, entry: dict[str, Any]) -> None:
        self.rb, self.entry = rb, entry
        self.starts = [dt.date.fromisoformat(v["from"] or "0001-01-01") for v in entry["versions"]]  # undated: first
        self._trees: dict[int, Node] = {}

    def tree(self, i: int) -> Node:
        if i not in self._trees:
            path = self.rb / next(f for f in self.entry["versions"][i]["files"] if f.endswith(".json"))
            self._trees[i] = node_of(json.loads(path.read_text(encoding="utf-8"))["document"])
        return self._trees[i]

    def at(self, day: dt.date) -> int | None:
        """The index of the version in force on `day` (the last one starting on or before it)."""
        found = [i for i, s in enumerate(self.starts) if s <= day]
        return found[-1] if found else None


def lbk_tree(rel: str, cache: dict[str, Node]) -> Node:
    if rel not in cache:
        from lovkons.api import read

        doc = read(CORPUS / rel).document
        cache[rel] = Node(Kind.DOKUMENT, heading=doc.title_note, children=doc.children)
    return cache[rel]


def check(c: Check, title: str, versions: Versions, intros: dict[str, tuple[str, str, tuple[str, ...]]],
          dev: set[str], lbks: dict[str, Node], day_of: dict[str, dt.date], titles: dict[str, str]) -> None:
    act = ACT.match(c.source)
    warned = dt.date.fromisoformat(c.version)
    candidates = [k for k, (_, restates, acts) in intros.items() if restates == c.key and act and act["key"] in acts]
    if not candidates:
        # no LBK restates it with the act (the LBK between is missing from the corpus, 2010-2017): the first
        # later LBK of the same law, which prints the act's change in its base text, and every act between
        name = law_name(title)
        candidates = [k for k, (_, _, _) in intros.items() if titles.get(k) == name and day_of[k] >= warned]
        c.via = "later LBK of the law"
    if not candidates:
        c.verdict = "unchecked: no later LBK of the law in the corpus"
        return
    c.lbk = min(candidates, key=lambda k: day_of[k])
    rel = intros[c.lbk][0]
    c.dev = rel in dev
    if c.address == "fodnoten til titlen":
        c.unit = c.address
        i, w = versions.at(max(warned, day_of[c.lbk] - dt.timedelta(days=1))), versions.at(warned)
        if i is None or w is None:
            c.verdict = "unchecked: no version of ours"
            return
        c.ours, c.theirs = norm(versions.tree(i).heading or ""), norm(lbk_tree(rel, lbks).heading or "")
        c.before = norm(versions.tree(w - 1).heading or "") if w > 0 else ""
        c.verdict = "agree" if c.ours == c.theirs else "differ"
        return
    heading = HEADING.match(c.address)
    try:
        address = parse_address(heading["p"] if heading else c.address)
    except AddressError:
        c.verdict = f"unchecked: address not read ({c.address})"
        return
    steps = address.steps
    if not steps or steps[0][0] is not Level.PARAGRAF:
        c.verdict = f"unchecked: not a § ({c.address})"
        return
    paragraf = label_key(steps[0][1])
    unit: Unit | None = None if heading else address_unit(address)
    c.unit = f"overskriften før § {steps[0][1]}" if unit is None else \
        f"§ {steps[0][1]}" + (f", {unit_label(unit)}" if unit else "")
    i = versions.at(max(warned, day_of[c.lbk] - dt.timedelta(days=1)))
    w = versions.at(warned)
    if i is None or w is None:
        c.verdict = "unchecked: no version of ours"
        return
    # the unit followed by its id from the warned version to the LBK's day (labels may change between)
    key = unit_id(versions.tree(w), paragraf, unit) if unit is not None else ""
    now = located(versions.tree(i), key) if key else None
    then = located(versions.tree(w - 1), key) if key and w > 0 else None
    at, at_before = now or (paragraf, unit), then or (paragraf, unit)
    ours = unit_of(versions.tree(i), *at)
    theirs = unit_of(lbk_tree(rel, lbks), *at)
    before = unit_of(versions.tree(w - 1), *at_before) if w > 0 else None
    if at != (paragraf, unit) and at[1] is not None:
        c.unit += f" (on the LBK's day § {at[0]}{', ' + unit_label(at[1]) if at[1] else ''})"
    c.ours, c.theirs, c.before = ours or "", theirs or "", before or ""
    if theirs is None and not ours:  # repealed here, gone there ("§§ 41-43 ophæves": LBK 1267/2015 prints none)
        c.verdict = "agree"
    elif ours is None or theirs is None:
        c.verdict = "unchecked: unit not found in " + ("ours" if ours is None else "the LBK")
    else:
        c.verdict = "agree" if ours == theirs else "differ"


def word_diff(a: str, b: str) -> str:
    """The differing stretches of two texts, with a few words of context: "…ord [ours → LBK] ord…"."""
    x, y = _TOKEN.findall(a), _TOKEN.findall(b)
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
        if tag != "equal":
            ctx = " ".join(x[max(0, i1 - 4):i1])
            out.append(f"…{ctx} [{' '.join(x[i1:i2])} → {' '.join(y[j1:j2])}]")
    return "  ".join(out)


def rebuild(out: Path) -> None:
    subprocess.run([str(ROOT / ".venv" / "bin" / "lovkons"), "rebuild", "--corpus", str(CORPUS / "love"), "--out",
                    str(out), "--no-cache"], check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--rb", type=Path, help="a corpus rebuild's folder (default: rebuild into a temporary one)")
    ap.add_argument("--codes", help="comma-separated warning codes (default: every code that applies words)")
    ap.add_argument("--all-codes", action="store_true", help="also the codes about the corpus and the dating")
    ap.add_argument("--errors", action="store_true",
                    help="also the refusals of the codes (what the LBK prints where we refused: data, not a rule)")
    ap.add_argument("--quiet", action="store_true", help="the table only")
    ap.add_argument("--full", action="store_true", help="print the three texts of each disagreement in full")
    ap.add_argument("--json", type=Path, help="write every check here")
    args = ap.parse_args()
    rb = args.rb
    if rb is None:
        rb = Path(tempfile.mkdtemp(prefix="warned-"))
        rebuild(rb)
    index = json.loads((rb / "index.json").read_text(encoding="utf-8"))
    codes = set(args.codes.split(",")) if args.codes else None
    intros, dev, lbks = lbk_intros(), development(), {}
    day_of = {k: dt.date.fromisoformat(m.get("DiesSigni", "1900-01-01")) for k, (rel, _, _) in intros.items()
              for m in [dict(corpus_docs()).get(rel, {})]}
    titles = {k: law_name(m.get("DocumentTitle", "")) for k, (rel, _, _) in intros.items()
              for m in [dict(corpus_docs()).get(rel, {})]}
    checks: list[Check] = []
    for entry in index["documents"]:
        versions = Versions(rb, entry)
        for p in entry["problems"]:
            code = p["code"]
            if p.get("severity") not in (("warning", "error") if args.errors else ("warning",)) \
                    or (codes and code not in codes) \
                    or (not codes and not args.all_codes and code in NOT_APPLYING):
                continue
            c = Check(code, entry["id"], entry["key"], p.get("source") or "", p.get("address") or "",
                      p.get("version") or entry["in_force"], p.get("message", ""))
            check(c, entry["title"], versions, intros, dev, lbks, day_of, titles)
            checks.append(c)
    by: dict[str, list[Check]] = collections.defaultdict(list)
    for c in checks:
        by[c.code].append(c)
    if not args.quiet:
        for code, cs in sorted(by.items(), key=lambda kv: -len(kv[1])):
            for c in cs:
                if c.verdict == "agree":
                    continue
                print(f"\n{code}  {c.key} {c.unit or c.address} ({c.version}) by {c.source}"
                      f"  → {c.lbk or '-'}{' dev' if c.dev else ' holdout' if c.lbk else ''}"
                      f"{' (' + c.via + ')' if c.lbk else ''}: {c.verdict}")
                print(f"    warning: {c.message[:300]}")
                if c.verdict == "differ" and verdict_of(c):
                    print(f"    read:    {verdict_of(c)}")
                if c.verdict == "differ":
                    print(f"    act:     {word_diff(c.before, c.ours)[:500]}  (our previous version → ours)")
                    print(f"    LBK:     {word_diff(c.ours, c.theirs)[:700]}  (ours → the LBK)")
                    if args.full:
                        print(f"    before:  {c.before}\n    ours:    {c.ours}\n    theirs:  {c.theirs}")
    print(f"\n{'code':<32} {'warned':>6} {'checked':>7} {'agree':>5} {'differ':>6}  (holdout: checked/agree)  the disagreements read")
    for code, cs in sorted(by.items(), key=lambda kv: -len(kv[1])):
        checked = [c for c in cs if c.verdict in ("agree", "differ")]
        agree = [c for c in checked if c.verdict == "agree"]
        hold = [c for c in checked if not c.dev]
        read = collections.Counter((verdict_of(c).split(":")[0] or "not read yet") for c in checked
                                   if c.verdict == "differ")
        print(f"{code:<32} {len(cs):>6} {len(checked):>7} {len(agree):>5} {len(checked) - len(agree):>6}"
              f"  ({len(hold)}/{sum(1 for c in hold if c.verdict == 'agree')})"
              + ("  " + ", ".join(f"{why} {n}" for why, n in read.most_common()) if read else ""))
    unchecked = collections.Counter(c.verdict.split(" (")[0] for c in checks if c.verdict.startswith("unchecked"))
    print("\nunchecked: " + "; ".join(f"{n} {why[len('unchecked: '):]}" for why, n in unchecked.most_common()))
    if args.json:
        args.json.write_text(json.dumps([c.__dict__ for c in checks], ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
