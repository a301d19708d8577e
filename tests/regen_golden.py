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
    ("fed-appeal-late", "suit-notice", "text"),
    ("fed-expedited", "appeal", "text"),
    ("ny-denial", "appeal", "text"),
    ("pa-denial", "appeal", "markdown"),
    ("il-silence", "appeal", "text"),
    ("il-silence", "follow-up", "text"),
    ("tx-silence", "follow-up", "text"),
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


#: The editing commands on the example file: golden diff -> the command (run with --dry-run,
#: which prints the diff; tests/test_edit.py checks that the real edit writes exactly that).
EDITS: dict[str, list[str]] = {
    "edit-update-responded.diff": ["update", EXAMPLE, "pogo-ice-2", "responded=2019-06-14",
                                   "adverse=true"],
    "edit-update-commented.diff": ["update", EXAMPLE, "pogo-ice-1", "responded=2018-10-09"],
    "edit-update-appeal.diff": ["update", EXAMPLE, "pogo-ice-1", "appeal.decided=2019-02-01"],
    "edit-update-new-appeal.diff": ["update", EXAMPLE, "pogo-ice-3", "appeal.filed=2019-09-20"],
    "edit-update-extension.diff": ["update", EXAMPLE, "fbi-2026-face", "extension=true"],
    "edit-toll-second.diff": ["toll", EXAMPLE, "fbi-2026-face", "2026-11-20", "--kind", "fee"],
    "edit-toll-first.diff": ["toll", EXAMPLE, "cbp-2026-airports", "2026-11-16", "2026-11-20",
                             "--note", "Asked which airports were meant"],
    "edit-toll-end.diff": ["toll", EXAMPLE, "dhs-crcl-2026", "--end", "2026-12-02"],
    "edit-add.diff": ["add", EXAMPLE, "--id", "doj-2026-oip", "--agency",
                      "DOJ Office of Information Policy", "--received", "2026-11-20",
                      "subject=Guidance on face-recognition records", "expedited=true"],
}  # fmt: skip
for _name, _args in EDITS.items():
    CASES[_name] = [*_args, "--dry-run", "--as-of", AS_OF]

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
    # The HTML report is stamped with the installed version, which a source tree lacks: the
    # golden files hold "foiaclock VERSION" instead, so they do not depend on the install.
    import foiaclock

    stamp = f"foiaclock {foiaclock.__version__}".encode()
    out = result.stdout_bytes.replace(stamp, b"foiaclock VERSION")
    return result.exit_code, out, result.stderr_bytes


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
