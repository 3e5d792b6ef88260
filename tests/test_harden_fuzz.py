"""The fast profile of the fuzzing suite (the long one: `make fuzz`): mutated real documents through
parse, instructions, apply, diff and rebuild end with exit 0, 2 or 3, one stderr line for exit 2,
no traceback, within the time bound for their size (tests/fuzz/runner.py). Hypothesis draws the
inputs (derandomized: the same inputs on every run); a failure names the seed to replay with
`python -m tests.fuzz.run --seed SEED --inputs 1`.
"""

from __future__ import annotations

import lzma
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.cases import make_case
from tests.fuzz.mutate import BY_NAME, apply_program, program
from tests.fuzz.runner import Case, Runner, judge

# inputs per command in `make test` (300 in all; the long profile runs 10,000)
EXAMPLES = {"parse": 100, "instructions": 80, "apply": 50, "diff": 40, "rebuild": 30}


@pytest.fixture(scope="module")
def runner() -> Iterator[Runner]:
    r = Runner()
    yield r
    r.close()


def _check(runner: Runner, seed: int, command: str) -> None:
    case = make_case(seed, command)
    out = runner.run(case)
    assert out.failure is None, (
        f"{out.failure}: lovkons {' '.join(case.argv)} on {case.label} (seed {seed}, command {command}); "
        f"exit {out.exit} after {out.seconds:.1f} s; stderr: {out.stderr[-2000:]}"
    )


def _profile(command: str):  # type: ignore[no-untyped-def]
    return settings(max_examples=EXAMPLES[command], deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip


SEEDS = st.integers(min_value=0, max_value=2**32 - 1)


@_profile("parse")
@given(seed=SEEDS)
def test_fuzz_parse(runner: Runner, seed: int) -> None:
    _check(runner, seed, "parse")


@_profile("instructions")
@given(seed=SEEDS)
def test_fuzz_instructions(runner: Runner, seed: int) -> None:
    _check(runner, seed, "instructions")


@_profile("apply")
@given(seed=SEEDS)
def test_fuzz_apply(runner: Runner, seed: int) -> None:
    _check(runner, seed, "apply")


@_profile("diff")
@given(seed=SEEDS)
def test_fuzz_diff(runner: Runner, seed: int) -> None:
    _check(runner, seed, "diff")


@_profile("rebuild")
@given(seed=SEEDS)
def test_fuzz_rebuild(runner: Runner, seed: int) -> None:
    _check(runner, seed, "rebuild")


# Inputs the fuzz found, kept as they failed (tests/data/fuzz/README.md says how each was made and
# fixed): "<seed>-<command>-<format>.<suffix>.xz".
FOUND = sorted((Path(__file__).parent / "data" / "fuzz").glob("*.xz"))


@pytest.mark.parametrize("path", FOUND, ids=[p.name.split(".")[0] for p in FOUND])
def test_fuzz_findings_stay_fixed(runner: Runner, path: Path) -> None:
    seed, command, fmt = path.name.split(".")[0].split("-")
    name = "input." + path.name.split(".")[1]
    case = Case(command, [command, name, "--format", fmt], {name: lzma.decompress(path.read_bytes())}, path.name)
    out = runner.run(case)
    assert out.failure is None, f"{out.failure}: {path.name} (fuzz seed {seed})"


def test_mutations_are_replayable() -> None:
    """An input is its seed: the same program and bytes every time, on any machine."""
    import random

    for name in BY_NAME:
        data = "§ 1. Ministeren »fastsætter« regler.\nStk. 2. Tekst.\n".encode()
        assert apply_program(data, [(name, 7)]) == apply_program(data, [(name, 7)])
    assert program(random.Random(3), "xml") == program(random.Random(3), "xml")
    a, b = make_case(12345), make_case(12345)
    assert (a.command, a.argv, a.files) == (b.command, b.argv, b.files)


@pytest.mark.parametrize(("code", "stderr", "verdict"), [
    (0, "", None), (3, "a\nb\n", None), (2, "lovkons: x: bad\n", None),
    (2, "lovkons: x: bad\nmore\n", "exit 2 with 2 stderr lines"), (1, "lovkons: internal error\n", "exit 1"),
    (None, "", "hang in ?"),
    (1, 'Traceback (most recent call last):\n  File "/x/lovkons/parsers/read.py", line 3, in f\nKeyError: 1\n',
     "traceback KeyError in parsers/read.py:3 in f"),
])  # fmt: skip
def test_the_contract_is_judged(code: int | None, stderr: str, verdict: str | None) -> None:
    assert judge(code, stderr) == verdict
