"""Benchmark: the XML route against lxml's bare parse, and the text route against the XML route,
over the whole development corpus (issue #13, item 3), in one run. Prints figures, asserts nothing.

Inputs: every LexDania XML file of the 2010–2017 corpus (bench/.corpus/love, unpacked once from
../shared/data/corpus/love-2010-2017.tar.xz as bench/scorecard.py does); without the corpus, the
laws of tests/data/laws. The rows, each timed on the same files:
  lxml      `etree.parse(path)` of every file: lxml's bare parse, the reference;
  xml       `read_document(path)`: what `lovkons parse FILE` reads (file, checks, LexDania reader);
  text      `read_bytes(text)` of every corpus document rendered as plain text (`render_text`, the
            round trip the text parser keeps), against `read_bytes(xml)` of the same documents;
  laws      the real Retsinformation .txt/.xml pairs of ../shared/data/laws, when present.
The runs are interleaved (lxml, xml, lxml, xml, …) so both see the same machine load; the best of
--repeat runs counts, in CPU seconds (the machine is shared) and in wall seconds.

Run: .venv/bin/python bench/bench_xml.py [--repeat N] [--half] [--xml-only]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from lxml import etree  # noqa: E402

from lovkons.model.document import LovkonsError  # noqa: E402
from lovkons.parsers.read import read_bytes, read_document  # noqa: E402
from lovkons.renderers.text import render_text  # noqa: E402

LAWS = ROOT.parent / "shared" / "data" / "laws"
TARGET_XML, TARGET_TEXT = 2.5, 1.5  # issue #13: XML route ≤ 2.5× lxml; text route ≤ 1.5× XML route

Clock = Callable[[], float]
CLOCKS: tuple[tuple[str, Clock], ...] = (("cpu", time.process_time), ("wall", time.perf_counter))


def corpus_files() -> list[Path]:
    """The corpus XML files (unpacked on first use), else tests/data/laws."""
    try:
        from scorecard import unpack

        love = unpack() / "love"
    except (ImportError, OSError, AttributeError):
        love = ROOT / "bench" / ".corpus" / "love"
    if love.is_dir():
        return sorted(love.glob("*/*.xml"))
    return sorted((ROOT / "tests" / "data" / "laws").glob("*/*.xml"))


def best_of(fns: dict[str, Callable[[], object]], repeat: int) -> dict[str, dict[str, float]]:
    """{name: {clock: best seconds}} over `repeat` interleaved runs of each function."""
    best = {name: {clock: float("inf") for clock, _ in CLOCKS} for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            gc.collect()
            start = {clock: now() for clock, now in CLOCKS}
            fn()
            for clock, now in CLOCKS:
                best[name][clock] = min(best[name][clock], now() - start[clock])
    return best


def parse_all(docs: list[tuple[str, bytes]]) -> None:
    for name, data in docs:
        read_bytes(data, file=name)


def ratio_rows(label: str, times: dict[str, dict[str, float]], num: str, den: str, target: float) -> None:
    for clock, _ in CLOCKS:
        a, b = times[num][clock], times[den][clock]
        print(f"  {label:34s} {clock:4s} {a:7.2f} s / {b:7.2f} s = {a / b:5.2f}x  (target <= {target})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per route (best counts); default 3")
    ap.add_argument("--half", action="store_true", help="every other file only (cost linear in size?)")
    ap.add_argument("--xml-only", action="store_true", help="only the XML route against lxml (no text route)")
    args = ap.parse_args()
    paths = corpus_files()[:: 2 if args.half else 1]
    names = [str(p) for p in paths]
    xml_docs = [(str(p), p.read_bytes()) for p in paths]
    size = sum(len(d) for _, d in xml_docs) / 1e6
    texts: list[tuple[str, bytes]] = []
    for name, data in [] if args.xml_only else xml_docs:  # the text route's input (not timed); one that
        # does not read is said
        text = (name[:-4] + ".txt", render_text(read_bytes(data, file=name).document).encode())
        try:
            read_bytes(text[1], file=text[0])
            texts.append(text)
        except LovkonsError as exc:
            print(f"  (rendered text not read: {exc})")
    print(f"bench_xml: {len(paths)} XML files ({size:.1f} MB) of {paths[0].parent.parent if paths else '-'}, "
          f"{sum(len(t) for _, t in texts) / 1e6:.1f} MB as text; best of {args.repeat}, interleaved")

    def lxml_files() -> None:
        for name in names:
            etree.parse(name)

    def xml_files() -> None:
        for name in names:
            read_document(name)

    routes: dict[str, Callable[[], object]] = {"lxml": lxml_files, "xml": xml_files}
    if not args.xml_only:
        routes.update({"xml bytes": lambda: parse_all(xml_docs), "text bytes": lambda: parse_all(texts)})
    times = best_of(routes, args.repeat)
    for name, label in (("lxml", "lxml etree.parse(path)"), ("xml", "read_document(path), XML"),
                        ("xml bytes", "read_bytes(xml)"), ("text bytes", "read_bytes(rendered text)")):
        if name in times:
            t = times[name]
            print(f"  {label:34s} cpu {t['cpu']:7.2f} s  wall {t['wall']:7.2f} s  ({size / t['wall']:.1f} MB/s XML)")
    ratio_rows("XML route / lxml", times, "xml", "lxml", TARGET_XML)
    if args.xml_only:
        return
    ratio_rows("text route / XML route (corpus)", times, "text bytes", "xml bytes", TARGET_TEXT)

    pairs = [(p, p.with_suffix(".txt")) for p in sorted(LAWS.glob("*/*.xml")) if p.with_suffix(".txt").is_file()]
    if pairs:
        xs = [(str(x), x.read_bytes()) for x, _ in pairs]
        ts = [(str(t), t.read_bytes()) for _, t in pairs]
        for docs in (xs, ts):  # a pair that does not read is left out of both routes
            for name, data in docs:
                try:
                    read_bytes(data, file=name)
                except LovkonsError:
                    print(f"  (not read: {name})")
        law_times = best_of({"xml": lambda: parse_all(xs), "text": lambda: parse_all(ts)}, args.repeat)
        ratio_rows(f"text / XML ({len(pairs)} real .txt pairs)", law_times, "text", "xml", TARGET_TEXT)


if __name__ == "__main__":
    main()
