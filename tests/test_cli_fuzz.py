"""Thousands of malformed requests files: never a traceback, always exit 2 and a location."""

from __future__ import annotations

import re
from pathlib import Path

from _cli_helpers import ROOT
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foiaclock.cli import cli

EXAMPLE = (ROOT / "examples" / "requests.toml").read_text(encoding="utf-8")
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "GITHUB_ACTIONS": None, "FOIACLOCK_DEBUG": None}

KEYS = [
    "id",
    "agency",
    "received",
    "responded",
    "extension",
    "toll",
    "appeal",
    "timezone",
    "jurisdiction",
    "first_received",
    "observed",
    "cutoff",
    "closed_days",
    "via",
    "track",
    "target_days",
    "acknowledged",
    "expedited",
    "adverse",
    "recieved",
    "agncy",
    "kind",
]
BAD_VALUES = [
    '"yesterday"',
    "2023-02-30",
    "0001-01-01",
    "9999-12-31",
    "2026-11-02T25:00:00",
    "-5",
    "0",
    "1e9",
    "true",
    "[]",
    "[1, 2]",
    "{}",
    "{ start = 2026-11-05 }",
    '"Mars/Olympus"',
    '"us-zz"',
    "nan",
    '""',
    "17:00:00",
    "2026-11-02 10:00:00",
    "'\\x'",
    '"\\u0000"',
    "[[]]",
    "1900-01-01",
    "2200-12-31",
    "2018-07-20T17:30:00+14:00",
    '"fee"',
    "99999999999999999999",
]
GOOD = '[[request]]\nid = "a"\nagency = "X"\nreceived = 2026-11-02\n'

# A location: "file:LINE:COL: error:" or "file: error:" (file-level problems), or a request id.
LOCATED = re.compile(r"^\S+?(:\d+:\d+)?: error: \S", re.MULTILINE)


def mutate_text(data: st.DataObject) -> str:
    """Break the example file: cut it, splice junk in, drop or duplicate lines."""
    lines = EXAMPLE.splitlines(keepends=True)
    how = data.draw(st.sampled_from(["cut", "splice", "drop", "dup", "replace"]))
    i = data.draw(st.integers(0, len(lines) - 1))
    if how == "cut":
        return EXAMPLE[: data.draw(st.integers(1, len(EXAMPLE) - 1))]
    if how == "splice":
        junk = data.draw(st.text(alphabet="[]{}=\",.#'\n abc123-:T", min_size=1, max_size=12))
        return "".join(lines[:i]) + junk + "".join(lines[i:])
    if how == "drop":
        return "".join(lines[:i] + lines[i + 1 :])
    if how == "dup":
        return "".join(lines[: i + 1] + lines[i:])
    key = data.draw(st.sampled_from(KEYS))
    value = data.draw(st.sampled_from(BAD_VALUES))
    return "".join(lines[:i]) + f"{key} = {value}\n" + "".join(lines[i:])


def schema_text(data: st.DataObject) -> str:
    """A small file with one wrong key or value in a request, a toll, an appeal or [defaults]."""
    key = data.draw(st.sampled_from(KEYS))
    value = data.draw(st.sampled_from(BAD_VALUES))
    where = data.draw(st.sampled_from(["request", "toll", "appeal", "defaults", "top"]))
    if where == "request":
        return GOOD + f"{key} = {value}\n"
    if where == "toll":
        return GOOD + f"[[request.toll]]\nstart = 2026-11-05\n{key} = {value}\n"
    if where == "appeal":
        return GOOD + f"[request.appeal]\nfiled = 2026-11-20\n{key} = {value}\n"
    if where == "defaults":
        return f"[defaults]\n{key} = {value}\n" + GOOD
    return f"{key} = {value}\n" + GOOD


@st.composite
def malformed(draw: st.DrawFn) -> str:
    data = draw(st.data())
    if draw(st.booleans()):
        return mutate_text(data)
    return schema_text(data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=malformed(), command=st.sampled_from(["status", "validate"]))
def test_malformed_files_never_crash(tmp_path_factory: object, text: str, command: str) -> None:
    folder = Path(str(tmp_path_factory.mktemp("fuzz")))  # type: ignore[attr-defined]
    f = folder / "r.toml"
    f.write_text(text, encoding="utf-8")
    args = [command, str(f)] + (["--as-of", "2026-12-01"] if command == "status" else [])
    result = CliRunner(env=ENV).invoke(cli, args)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 2), (result.exit_code, result.output, text)
    if result.exit_code == 2:
        assert LOCATED.search(result.stderr), result.stderr
        assert str(f) in result.stderr
    else:
        assert result.exception is None


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_crash(tmp_path_factory: object, data: bytes) -> None:
    folder = Path(str(tmp_path_factory.mktemp("bytes")))  # type: ignore[attr-defined]
    f = folder / "r.toml"
    f.write_bytes(data)
    result = CliRunner(env=ENV).invoke(cli, ["validate", str(f)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert LOCATED.search(result.stderr), result.stderr
