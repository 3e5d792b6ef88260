"""Pickling of the model's small frozen slots dataclasses as one tuple of field values.

The parse cache (history.index.ParseCache) stores whole parsed trees and amending documents; a
frozen slots dataclass's own __getstate__/__setstate__ (made by `dataclasses`) build a dict and set
it field by field through Python code. `pickled_as_tuple(Cls, …)` gives the classes a `__reduce__`
that pickles (class, field values in slot order) and restores them by the slot descriptors: the same
values, no `__init__`/`__post_init__` run (as before), about a sixth less time to load a cached tree.
(`Node`, the most numerous, has a hand-written one of its own in model.document.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_new_object = object.__new__
_SETTERS: dict[type, tuple[Callable[[Any, Any], None], ...]] = {}


def _restore(cls: type, values: tuple[object, ...]) -> object:
    """An instance of `cls` from its field values in slot order (what `_reduce` pickles)."""
    obj: object = _new_object(cls)
    for put, value in zip(_SETTERS[cls], values, strict=True):
        put(obj, value)
    return obj


def _reduce(self: object) -> tuple[object, tuple[object, ...]]:
    cls = type(self)
    return _restore, (cls, tuple([getattr(self, name) for name in cls.__slots__]))  # type: ignore[attr-defined]


def pickled_as_tuple(*classes: type) -> None:
    """Pickle instances of these frozen slots dataclasses as (class, field values)."""
    for cls in classes:
        _SETTERS[cls] = tuple(cls.__dict__[name].__set__ for name in cls.__slots__)  # type: ignore[attr-defined]
        cls.__reduce__ = _reduce  # type: ignore[assignment,method-assign]
