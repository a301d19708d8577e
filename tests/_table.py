"""One row of a test table: its values, then the reason it exists (every row says why)."""

from __future__ import annotations

from typing import Any

import pytest


def row(*values: Any, reason: str, id: str, xfail: str = "") -> Any:
    """A `pytest.param` of `values` and `reason`; `xfail` (an engine bug, counted by hand) marks
    it strict-xfail."""
    assert reason, "every row says why it exists"
    marks = [pytest.mark.xfail(strict=True, reason=f"engine bug: {xfail}")] if xfail else []
    return pytest.param(*values, reason, id=id, marks=marks)
