"""The CLI's output for the example file, byte for byte (tests/regen_golden.py writes them)."""

from __future__ import annotations

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
    from foiaclock import Status

    text = (GOLDEN / "status.txt").read_text(encoding="utf-8")
    for status in Status:
        assert f"  {status.value}" in text, status
