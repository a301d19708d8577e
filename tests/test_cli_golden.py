"""The CLI's output for the example file, byte for byte (tests/regen_golden.py writes them)."""

from __future__ import annotations

from datetime import date

import pytest
from regen_golden import CASES, GOLDEN, run, run_trails


@pytest.mark.parametrize("name", [*sorted(CASES), "explain-trails.txt"])
def test_golden(name: str) -> None:
    code, out, _err = run(CASES[name]) if name in CASES else run_trails()
    assert code == 0
    expected = (GOLDEN / name).read_bytes()
    assert out.decode("utf-8") == expected.decode("utf-8"), (
        f"{name} changed: run python tests/regen_golden.py and review git diff tests/golden"
    )


def test_table_fits_100_columns() -> None:
    text = (GOLDEN / "status.txt").read_text(encoding="utf-8")
    assert max(len(line) for line in text.splitlines()) <= 100


def test_table_shows_every_status() -> None:
    """Every status has its colour, and the example's table shows each status its requests are
    in (the example holds nearly all of them)."""
    from foiaclock import Status, compute, load
    from foiaclock.formats.as_table import STYLES

    assert set(STYLES) == set(Status)
    text = (GOLDEN / "status.txt").read_text(encoding="utf-8")
    rf = load("examples/requests.toml")
    shown = {compute(r, date(2026, 12, 1)).current_status for r in rf.requests}
    assert len(shown) >= 9
    for status in shown:
        assert f"  {status.value}" in text, status
