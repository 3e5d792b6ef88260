"""Fuzz inputs made from real documents in tests/data: which seed documents, which command, which
mutation. `make_case(seed)` is deterministic: the same seed gives the same input, on any machine.
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.fuzz.mutate import apply_program, fmt_of, program
from tests.fuzz.runner import Case

DATA = Path(__file__).resolve().parent.parent / "data"

# Small real documents of every input kind (bases) and amending orders that amend them.
BASES = (
    "bek/BEK-2007-1292/BEK-2007-1292.txt", "bek/BEK-2007-1292/BEK-2007-1292.html",
    "bek/BEK-2007-1292/BEK-2007-1292.retsinfo-api.json", "bek/BEK-2013-534/BEK-2013-534.retsinfo-api.json",
    "bek/BEK-2013-288/BEK-2013-288.txt", "bek/BEK-2024-227/BEK-2024-227.xml",
    "seeds/001_18e2fe3a852902df.txt", "seeds/002_921bab4842c84254.txt", "seeds/000_8f9a1afb951fe215.txt",
    "laws/LBK-2010-583/LBK-2010-583.txt", "laws/LBK-2010-583/LBK-2010-583.xml",
)  # fmt: skip
ORDERS = (
    "bek/BEK-2008-1072/BEK-2008-1072.txt", "bek/BEK-2008-1072/BEK-2008-1072.retsinfo-api.json",
    "bek/BEK-2009-162/BEK-2009-162.html", "bek/BEK-2016-581/BEK-2016-581.txt",
    "bek/BEK-2013-960/BEK-2013-960.retsinfo-api.json", "seeds/003_6ecaac0d05ef115e.txt",
    "laws/LOV-2010-1282/LOV-2010-1282.txt", "laws/LOV-2010-1282/LOV-2010-1282.xml",
)  # fmt: skip
# (base, order) pairs where the order amends the base: apply reaches the amender.
PAIRS = (
    ("bek/BEK-2007-1292/BEK-2007-1292.txt", "bek/BEK-2008-1072/BEK-2008-1072.txt"),
    ("bek/BEK-2007-1292/BEK-2007-1292.retsinfo-api.json", "bek/BEK-2009-162/BEK-2009-162.html"),
    ("bek/BEK-2007-1292/BEK-2007-1292.html", "bek/BEK-2016-581/BEK-2016-581.txt"),
    ("bek/BEK-2013-288/BEK-2013-288.txt", "bek/BEK-2013-960/BEK-2013-960.retsinfo-api.json"),
    ("laws/LBK-2010-583/LBK-2010-583.xml", "laws/LOV-2010-1282/LOV-2010-1282.xml"),
    ("laws/LBK-2010-583/LBK-2010-583.txt", "laws/LOV-2010-1282/LOV-2010-1282.txt"),
)  # fmt: skip
SIDECARS = (
    "id: seed-x\n", "id: ../../escaped\n", "id: /tmp/abs\n", "id: index.json\n", "id: .hidden\n",
    "kind: BEK Æ\n", "kind: '   '\n", "kind: ../x\nnumber: 1\nyear: 2000\n", "number: [1]\n",
    "in_force: 2011-01-01 10:00:00\n", "in_force: 2011-99-01\n", "published: notadate\n",
    "repealed: {by: BEK 1/2020, date: null}\n", "repealed: [1, 2]\n", "note: x\n", "title: 7\n",
    "unknown: 1\n", "a: &a [*a]\n", "!!python/object:os.system {}\n", "{{{\n", "",
)  # fmt: skip
# Commands and how often each is drawn: parse and instructions are cheap, rebuild is not.
COMMANDS = (("parse", 35), ("instructions", 25), ("apply", 18), ("diff", 12), ("rebuild", 10))
FORMATS = {"parse": ("json", "summary", "text", "markdown", "tree"), "instructions": ("json", "table"),
           "apply": ("json", "text", "markdown"), "diff": ("json", "text", "html", "markdown")}  # fmt: skip


def _read(rel: str) -> bytes:
    return (DATA / rel).read_bytes()


def _mutated(rel: str, rng: random.Random) -> tuple[bytes, str]:
    steps = program(rng, fmt_of(rel))
    return apply_program(_read(rel), steps), f"{rel} {steps}"


def _name(rel: str) -> str:
    return Path(rel).name


def make_case(seed: int, command: str | None = None) -> Case:
    """The input number `seed` (any int): a command and its mutated files."""
    rng = random.Random(seed)
    if command is None:
        names, weights = zip(*COMMANDS, strict=True)
        command = rng.choices(names, weights)[0]
    if command == "parse":
        rel = rng.choice(BASES + ORDERS)
        data, label = _mutated(rel, rng)
        return Case(command, ["parse", _name(rel), "--format", rng.choice(FORMATS["parse"])],
                    {_name(rel): data}, label, seed)  # fmt: skip
    if command == "instructions":
        rel = rng.choice(ORDERS)
        data, label = _mutated(rel, rng)
        return Case(command, ["instructions", _name(rel), "--format", rng.choice(FORMATS["instructions"])],
                    {_name(rel): data}, label, seed)  # fmt: skip
    if command == "apply":
        base, order = rng.choice(PAIRS)
        files = {"a/" + _name(base): _read(base), "b/" + _name(order): _read(order)}
        victim = rng.choice(("a/" + _name(base), "b/" + _name(order)))
        files[victim], label = _mutated(base if victim.startswith("a/") else order, rng)
        argv = ["apply", "a/" + _name(base), "b/" + _name(order), "--format", rng.choice(FORMATS["apply"])]
        if rng.random() < 0.25:  # through a manifest, sometimes a broken one
            at = rng.choice(("2010-01-01", "2011-01-01 10:00:00", "1. januar", "[1]", "2099-12-31"))
            part = rng.choice(("", '    part: "§ 1, nr. 1-4 og nr. 6,"\n', '    part: "§ 1"\n', "    part: 7\n"))
            files["m.yaml"] = (f"base: a/{_name(base)}\namendments:\n  - path: b/{_name(order)}\n{part}"
                               f"at: {at}\n").encode()  # fmt: skip
            argv = ["apply", "m.yaml", "--format", "json"]
        return Case(command, argv, files, label, seed)
    if command == "diff":
        rel = rng.choice(BASES)
        data, label = _mutated(rel, rng)
        files = {"old/" + _name(rel): _read(rel), "new/" + _name(rel): data}
        return Case(command, ["diff", "old/" + _name(rel), "new/" + _name(rel), "--format", rng.choice(FORMATS["diff"])],
                    files, label, seed)  # fmt: skip
    base, order = rng.choice(PAIRS)
    files = {"corpus/" + base: _read(base), "corpus/" + order: _read(order)}
    victim = rng.choice((base, order, "sidecar"))
    if victim == "sidecar":
        files["corpus/" + rng.choice((base, order)) + ".yaml"] = rng.choice(SIDECARS).encode()
        label = f"{base} + {order} + sidecar"
    else:
        files["corpus/" + victim], label = _mutated(victim, rng)
    return Case("rebuild", ["rebuild", "--corpus", "corpus", "--out", "out", "--jobs", "1"], files, label, seed)
