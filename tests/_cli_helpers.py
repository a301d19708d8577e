"""Shared helpers of the CLI tests: run the real entry point in-process with a clean environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from click.testing import CliRunner, Result

from foiaclock.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE = "examples/requests.toml"
AS_OF = "2026-12-01"

CLEAN_ENV: dict[str, str | None] = {
    "COLUMNS": "100",
    "NO_COLOR": "1",
    "FORCE_COLOR": None,
    "GITHUB_ACTIONS": None,
    "GITHUB_STEP_SUMMARY": None,
    "FOIACLOCK_DEBUG": None,
    "TZ": None,
}


def run(
    *args: str,
    env: Mapping[str, str | None] | None = None,
    input: str | bytes | None = None,
    cwd: Path = ROOT,
) -> Result:
    merged = {**CLEAN_ENV, **(env or {})}
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner(env=merged).invoke(cli, list(args), input=input)
    finally:
        os.chdir(old)
