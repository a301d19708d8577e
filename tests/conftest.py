"""Every test starts with empty caches (`foiaclock.caching`), so that no outcome depends on which
tests ran before it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from foiaclock import caching


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    caching.clear()
    yield
