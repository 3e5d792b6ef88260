"""ressort.register.default_register kept in a cache folder (keep_register_in): the register read back
is the one the YAML gives; an unreadable kept file is read again from the YAML and replaced."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from lovkons.ressort import register as reg


@pytest.fixture
def kept_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(reg, "_KEEP", [])
    reg.keep_register_in(tmp_path / "cache")
    return tmp_path / "cache"


def _fields(r: reg.Register) -> tuple[object, ...]:
    return tuple(getattr(r, f.name) for f in dataclasses.fields(r))  # a Register compares by identity


def test_kept_register_is_the_yaml_one(kept_in: Path) -> None:
    first = reg.default_register.__wrapped__()  # reads the YAML and keeps it
    kept = list(kept_in.glob("register-*.pickle"))
    assert len(kept) == 1
    again = reg.default_register.__wrapped__()  # reads the kept file
    assert _fields(first) == _fields(again) == _fields(reg.load_register())
    assert again.changes and again.offices


def test_unreadable_kept_register_is_read_again(kept_in: Path) -> None:
    reg.default_register.__wrapped__()
    (kept,) = kept_in.glob("register-*.pickle")
    kept.write_bytes(b"not a pickle")
    assert _fields(reg.default_register.__wrapped__()) == _fields(reg.load_register())
    assert kept.read_bytes() != b"not a pickle"  # replaced by the register read from the YAML
