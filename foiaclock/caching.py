"""The caches: one bounded, value-keyed cache per thing that is expensive to make.

Each is a `functools.lru_cache` made through `cached`, which also lists it, so that `clear`
empties them all (the tests do before each test, so that no outcome depends on test order). The
values they hold are immutable, so threads may share them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, cast

P = ParamSpec("P")
R = TypeVar("R")

_ALL: list[Any] = []


def cached(maxsize: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """`functools.lru_cache(maxsize)`, listed for `clear`. The arguments must be hashable values."""

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        wrapper = functools.lru_cache(maxsize=maxsize)(fn)
        _ALL.append(wrapper)
        return cast(Callable[P, R], wrapper)

    return decorate


def clear() -> None:
    """Empty every cache made with `cached`."""
    for wrapper in _ALL:
        wrapper.cache_clear()
