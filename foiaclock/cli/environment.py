"""What the command line reads from its environment: the only module of foiaclock that does."""

from __future__ import annotations

import os
import shutil
from typing import Any


def debug() -> bool:
    """``FOIACLOCK_DEBUG`` set (and not 0): show tracebacks, as ``--debug`` does."""
    return os.environ.get("FOIACLOCK_DEBUG", "") not in ("", "0")


def in_actions() -> bool:
    """Running under GitHub Actions (``GITHUB_ACTIONS=true``): print annotations too."""
    return os.environ.get("GITHUB_ACTIONS") == "true"


def step_summary() -> str:
    """The file GitHub Actions shows as the job summary ("" when there is none)."""
    return os.environ.get("GITHUB_STEP_SUMMARY", "")


def variables() -> dict[str, str]:
    """The whole environment (the GitHub Action's step reads its inputs from it)."""
    return dict(os.environ)


def workspace() -> str:
    """The repository's checkout under GitHub Actions (``GITHUB_WORKSPACE``; "" elsewhere)."""
    return os.environ.get("GITHUB_WORKSPACE", "")


def use_colour(stream: Any) -> bool:
    """Colour follows the terminal; NO_COLOR turns it off, FORCE_COLOR on (https://no-color.org)."""
    if os.environ.get("NO_COLOR", ""):
        return False
    force = os.environ.get("FORCE_COLOR", "")
    if force and force.lower() not in ("0", "false", "no"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM", "") != "dumb"


def terminal_width(stream: Any) -> int:
    """``COLUMNS``, else the terminal's width, else 100 (not a terminal)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    isatty = getattr(stream, "isatty", None)
    if isatty and isatty():
        return shutil.get_terminal_size((100, 24)).columns
    return 100
