"""The README's command-line section is what the code prints (tests/regen_cli_docs.py)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from regen_cli_docs import MARKER, README, TEMPLATE, current, section

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_readme_cli_docs_are_current() -> None:
    text = README.read_text(encoding="utf-8")
    assert MARKER in text
    assert current(text) == section(), (
        "run python tests/regen_cli_docs.py and review git diff README.md"
    )


def test_readme_starts_with_the_two_commands() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert lines[2:6] == [
        "```",
        "pip install . && foiaclock status examples/requests.toml",
        'pip install ".[test]" && pytest',
        "```",
    ]


def test_annotated_example_is_a_valid_requests_file() -> None:
    from foiaclock.files import loads

    block = re.search(r"```toml\n(.*?)```", TEMPLATE, re.S)
    assert block
    tomllib.loads(block.group(1))
    rf = loads(block.group(1), "README")
    (r,) = rf.requests
    assert r.id == "fbi-2026-face"
    assert "dhs-agreement" in rf.jurisdictions


def test_pre_commit_hook_runs_validate() -> None:
    """The shipped pre-commit hook calls `foiaclock validate` on requests files."""
    text = (README.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: foiaclock-validate" in text
    assert "entry: foiaclock validate" in text
    (line,) = [x for x in text.splitlines() if x.strip().startswith("files:")]
    pattern = re.compile(line.split(":", 1)[1].strip().strip("'"))
    assert pattern.search("requests.toml") and pattern.search("examples/requests-2026.toml")
    assert not pattern.search("pyproject.toml")


def test_the_library_example_passes_mypy_strict(tmp_path: Path) -> None:
    """The README's library example is typed as a user's program would be checked."""
    import subprocess

    from regen_cli_docs import LIBRARY_EXAMPLE

    example = tmp_path / "example.py"
    example.write_text(LIBRARY_EXAMPLE, encoding="utf-8")
    import os

    from regen_cli_docs import ROOT

    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(example)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(ROOT)},  # (finds foiaclock however it is installed)
    )
    assert out.returncode == 0, out.stdout + out.stderr
