"""A meter of the work a reader does, for scaling tests that never time anything.

`WorkMeter` wraps every compiled regular expression of the given modules (module attributes, and
tuples/dicts of them) in a proxy that counts the characters each call walks over: a search to
its match's end (to the end of the text when nothing is found), a finditer/sub/split/findall over
what it scanned, a match over what it matched. Together with the peak of traced memory (copies of
the rest of a line for every unit were the other way input made work grow quadratically), this
says whether doubling the input doubles the work.
"""

from __future__ import annotations

import functools
import importlib
import re
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import regex

_PATTERNS = (re.Pattern, type(regex.compile("")))


def _span(string: Any, args: tuple[Any, ...], kw: dict[str, Any]) -> tuple[int, int]:
    pos = kw.get("pos", args[0] if args else 0) or 0
    end = kw.get("endpos", args[1] if len(args) > 1 else None)
    n = len(string)
    return pos, n if end is None or end > n else end


class Counted:
    """A compiled pattern whose calls add the characters they walked over to `meter.chars`."""

    def __init__(self, pattern: Any, meter: Meter) -> None:
        self._p, self._m = pattern, meter

    def __getattr__(self, name: str) -> Any:
        return getattr(self._p, name)

    def search(self, string: Any, *args: Any, **kw: Any) -> Any:
        pos, end = _span(string, args, kw)
        m = self._p.search(string, *args, **kw)
        self._m.chars += (m.end() if m else end) - pos
        return m

    def match(self, string: Any, *args: Any, **kw: Any) -> Any:
        m = self._p.match(string, *args, **kw)
        if m:
            self._m.chars += m.end() - m.start()
        return m

    fullmatch = match

    def finditer(self, string: Any, *args: Any, **kw: Any) -> Iterator[Any]:
        pos, end = _span(string, args, kw)
        last = pos
        for m in self._p.finditer(string, *args, **kw):
            self._m.chars += m.end() - last
            last = m.end()
            yield m
        self._m.chars += end - last

    def _whole(self, fn: str, string: Any, *args: Any, **kw: Any) -> Any:
        self._m.chars += len(string) if isinstance(string, str | bytes) else 0
        return getattr(self._p, fn)(string, *args, **kw)

    def findall(self, string: Any, *args: Any, **kw: Any) -> Any:
        return self._whole("findall", string, *args, **kw)

    def split(self, string: Any, *args: Any, **kw: Any) -> Any:
        return self._whole("split", string, *args, **kw)

    def sub(self, repl: Any, string: Any, *args: Any, **kw: Any) -> Any:
        self._m.chars += len(string)
        return self._p.sub(repl, string, *args, **kw)

    def subn(self, repl: Any, string: Any, *args: Any, **kw: Any) -> Any:
        self._m.chars += len(string)
        return self._p.subn(repl, string, *args, **kw)


@dataclass
class Meter:
    chars: int = 0  # characters walked over by regular expressions
    peak: int = 0  # peak of memory traced during the measured call (bytes)


def _wrap(value: Any, meter: Meter) -> Any:
    if isinstance(value, _PATTERNS):
        return Counted(value, meter)
    if isinstance(value, tuple) and any(isinstance(v, (*_PATTERNS, tuple)) for v in value):
        return tuple(_wrap(v, meter) for v in value)
    if isinstance(value, dict) and any(isinstance(v, _PATTERNS) for v in value.values()):
        return {k: _wrap(v, meter) for k, v in value.items()}
    return value


def install(monkeypatch: pytest.MonkeyPatch, modules: tuple[str, ...]) -> Meter:
    """Count the regular-expression work of `modules` from now on (undone by monkeypatch)."""
    meter = Meter()
    for name in modules:
        module = importlib.import_module(name)
        for attr, value in list(vars(module).items()):
            wrapped = _wrap(value, meter)
            if wrapped is not value:
                monkeypatch.setattr(module, attr, wrapped)
            if isinstance(value, functools._lru_cache_wrapper):  # memoised over the patterns
                value.cache_clear()  # (refilled with the originals after the test)
                monkeypatch.setattr(module, attr, functools.cache(value.__wrapped__))
    return meter


def measure(meter: Meter, fn: Callable[[], object]) -> tuple[int, int]:
    """(characters walked, peak bytes traced) of `fn()`."""
    meter.chars = 0
    tracemalloc.start()
    try:
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return meter.chars, peak
