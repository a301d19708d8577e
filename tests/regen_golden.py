"""Regenerate the golden files of the CLI's output: ``python tests/regen_golden.py``.

The golden files in tests/golden/ are what `foiaclock` prints for examples/requests.toml at a fixed
``--as-of``, 100 columns, no colour. `tests/test_cli_golden.py` compares the current output with
them byte for byte. After a change, run this script and review `git diff tests/golden`: every
changed date must be one you meant to change. Never accept a diff blindly.
"""

from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
EXAMPLE = "examples/requests.toml"
AS_OF = "2026-12-01"
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "FORCE_COLOR": None, "GITHUB_ACTIONS": None}

#: golden file name -> command-line arguments
CASES: dict[str, list[str]] = {
    "status.txt": ["status", EXAMPLE, "--as-of", AS_OF],
    "status.json": ["status", EXAMPLE, "--as-of", AS_OF, "--format", "json"],
    "status.csv": ["status", EXAMPLE, "--as-of", AS_OF, "--format", "csv"],
    "status.md": ["status", EXAMPLE, "--as-of", AS_OF, "--format", "markdown"],
    "status.ics": ["status", EXAMPLE, "--as-of", AS_OF, "--format", "ics"],
    "status.html": ["status", EXAMPLE, "--as-of", AS_OF, "--format", "html"],
    "explain-pogo-ice-1.txt": ["explain", EXAMPLE, "pogo-ice-1", "--as-of", AS_OF],
    "explain-fbi-2026-face.txt": ["explain", EXAMPLE, "fbi-2026-face", "--as-of", AS_OF],
    "due-2018-07-20.json": ["due", "2018-07-20", "--as-of", "2018-08-01", "--format", "json"],
    "due-2018-07-20.txt": ["due", "2018-07-20", "--as-of", "2018-08-01"],
    "holidays-2026.txt": ["holidays", "2026"],
}

#: The letters of tests/letters/requests.toml: golden file -> (id, kind, format).
LETTERS = "tests/letters/requests.toml"
for _id, _kind, _fmt in (
    ("fed-denial", "appeal", "text"),
    ("fed-silence", "follow-up", "text"),
    ("fed-silence", "appeal", "text"),
    ("fed-silence", "suit-notice", "text"),
    ("fed-expedited", "appeal", "text"),
    ("ny-denial", "appeal", "text"),
    ("pa-denial", "appeal", "markdown"),
    ("il-silence", "appeal", "text"),
    ("uk-refusal", "appeal", "text"),
):
    _ext = "md" if _fmt == "markdown" else "txt"
    CASES[f"letter-{_id}-{_kind}.{_ext}"] = [
        "letter",
        LETTERS,
        _id,
        _kind,
        "--as-of",
        AS_OF,
        "--format",
        _fmt,
    ]


#: The trail of every request of tests/golden/trails.toml, one after the other.
TRAILS = "tests/golden/trails.toml"


def trail_cases() -> list[list[str]]:
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    ids = [r["id"] for r in tomllib.loads((ROOT / TRAILS).read_text(encoding="utf-8"))["request"]]
    return [["explain", TRAILS, rid, "--as-of", AS_OF] for rid in ids]


def run_trails() -> tuple[int, bytes, bytes]:
    """Every request's explanation, each under a line naming it."""
    out = b""
    for args in trail_cases():
        code, text, err = run(args)
        if code != 0:
            return code, text, err
        out += f"==== {args[2]}\n".encode() + text + b"\n"
    return 0, out, b""


def run(args: list[str]) -> tuple[int, bytes, bytes]:
    """Run the CLI in-process, from the repository root, as the tests do."""
    import os

    from foiaclock.cli import cli

    old = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner(env=ENV).invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout_bytes, result.stderr_bytes


def main() -> int:
    GOLDEN.mkdir(exist_ok=True)
    for name, args in [*CASES.items(), ("explain-trails.txt", [])]:
        code, out, _err = run(args) if args else run_trails()
        if code != 0:
            print(f"{name}: exit {code}", file=sys.stderr)
            return 1
        path = GOLDEN / name
        old = path.read_bytes() if path.exists() else None
        path.write_bytes(out)
        print(f"{'unchanged' if old == out else 'WROTE    '} {path.relative_to(ROOT)}")
    print("Review the changes with: git diff tests/golden", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
