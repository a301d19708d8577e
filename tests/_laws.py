"""Laws of a test's own, made as a requests file makes them (`define_jurisdiction`)."""

from __future__ import annotations

from typing import Any

from foiaclock.law import Jurisdiction, define_jurisdiction


def law(code: str, **fields: Any) -> Jurisdiction:
    """A law on the federal statute (its calendar, clocks and contested readings: observed,
    closures, dc_area, misrouted_unit), named `code`, with `fields` changed."""
    return define_jurisdiction(code, {"base": "us", "name": code, **fields})
