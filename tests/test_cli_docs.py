"""The README's command-line section is what the code prints (tests/regen_cli_docs.py)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
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


HOOKS = [
    # (id, entry, stages, reason)
    ("foiaclock-validate", "foiaclock validate", None, "date-independent: every commit"),
    (
        "foiaclock-check",
        "foiaclock check",
        ["pre-push", "manual"],
        "depends on today's date: never at commit time, or it would refuse commits at random",
    ),
]


@pytest.mark.parametrize(("hook_id", "entry", "stages", "reason"), HOOKS)
def test_pre_commit_hooks(hook_id: str, entry: str, stages: list[str] | None, reason: str) -> None:
    """The shipped pre-commit hooks run foiaclock on requests files, at the stages they must."""
    import yaml

    hooks = yaml.safe_load((README.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = {h["id"]: h for h in hooks}[hook_id]
    assert hook["entry"] == entry
    assert hook["language"] == "python"
    assert hook.get("stages") == stages, reason
    # Stage names pre-push/manual in `stages` need pre-commit 3.2.0 (pre-commit-hooks PR #1093).
    assert hook["minimum_pre_commit_version"] == "3.2.0"
    pattern = re.compile(hook["files"])
    assert pattern.search("requests.toml") and pattern.search("examples/requests-2026.toml")
    assert not pattern.search("pyproject.toml")


def test_readme_pre_commit_snippet_pins_a_commit_and_names_both_hooks() -> None:
    """`rev: v0.1.0` named a tag that does not exist: the snippet pins a full commit hash and
    says how to get one."""
    import yaml

    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(repos:.*?)```", text, re.S)
    remote = yaml.safe_load(blocks[0])["repos"][0]
    assert re.fullmatch(r"[0-9a-f]{40}", remote["rev"])
    assert [h["id"] for h in remote["hooks"]] == ["foiaclock-validate", "foiaclock-check"]
    assert "git ls-remote" in text and "autoupdate --bleeding-edge --freeze" in text
    local = yaml.safe_load(blocks[1])["repos"][0]
    assert local["repo"] == "local" and "rev" not in local
    assert re.compile(local["hooks"][0]["files"]).search("requests.toml")


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
