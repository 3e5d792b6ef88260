"""Benchmark: parse every law (XML and text) in one process and report MB/s, against a bare
lxml.etree.fromstring loop over the same XML (best of 3); then time `lovkons parse … --format
summary` as a subprocess against a plain lxml loop subprocess. Prints figures, asserts nothing.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from lovkons.parsers.read import read_bytes  # noqa: E402

REPEAT = 3


def data_dir() -> Path:
    """../shared/data/laws when present (the full set), else the project's tests/data/laws copy."""
    shared = ROOT.parent / "shared" / "data" / "laws"
    return shared if shared.is_dir() else ROOT / "tests" / "data" / "laws"


def best_of(fn: Callable[[], object], repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def load(paths: list[Path]) -> list[tuple[str, bytes]]:
    return [(str(p), p.read_bytes()) for p in paths]


def parse_all(docs: list[tuple[str, bytes]]) -> int:
    failures = 0
    for name, data in docs:
        try:
            read_bytes(data, file=name)
        except Exception:  # a failing document still counts towards the time; reported below
            failures += 1
    return failures


def lxml_all(docs: list[tuple[str, bytes]]) -> None:
    for _, data in docs:
        etree.fromstring(data)


def mb(docs: list[tuple[str, bytes]]) -> float:
    return sum(len(d) for _, d in docs) / 1e6


def run_subprocess(args: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 2):
        print(f"  subprocess exit {proc.returncode}: {proc.stderr.decode()[-300:]}")
    return elapsed


LXML_LOOP = "import sys\nfrom lxml import etree\nfor p in sys.argv[1:]:\n    etree.fromstring(open(p, 'rb').read())\n"


def main() -> None:
    laws = data_dir()
    xml_paths = sorted(laws.glob("*/*.xml"))
    txt_paths = sorted(laws.glob("*/*.txt"))
    xml_docs, txt_docs = load(xml_paths), load(txt_paths)
    print(f"bench_parse: {laws} — {len(xml_docs)} XML ({mb(xml_docs):.1f} MB), "
          f"{len(txt_docs)} text ({mb(txt_docs):.1f} MB), best of {REPEAT}")

    t_lxml = best_of(lambda: lxml_all(xml_docs))
    t_xml = best_of(lambda: parse_all(xml_docs))
    t_txt = best_of(lambda: parse_all(txt_docs))
    bad_xml, bad_txt = parse_all(xml_docs), parse_all(txt_docs)
    print(f"  lxml.etree.fromstring  {t_lxml:7.3f} s  {mb(xml_docs) / t_lxml:7.1f} MB/s")
    print(f"  parse XML              {t_xml:7.3f} s  {mb(xml_docs) / t_xml:7.1f} MB/s  "
          f"= {t_xml / t_lxml:.1f}x lxml  ({bad_xml} failed)")
    print(f"  parse text             {t_txt:7.3f} s  {mb(txt_docs) / t_txt:7.1f} MB/s  ({bad_txt} failed)")

    files = [str(p) for p in xml_paths]
    cli = [sys.executable, "-m", "lovkons", "parse", *files, "--format", "summary"]
    plain = [sys.executable, "-c", LXML_LOOP, *files]
    t_cli = min(run_subprocess(cli) for _ in range(REPEAT))
    t_plain = min(run_subprocess(plain) for _ in range(REPEAT))
    print(f"  subprocess: lovkons parse <{len(files)} xml> --format summary {t_cli:7.3f} s")
    print(f"  subprocess: plain lxml loop                              {t_plain:7.3f} s  "
          f"(ratio {t_cli / t_plain:.1f}x)")


if __name__ == "__main__":
    main()
