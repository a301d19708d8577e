"""`foiaclock check` for real repositories: several files and globs, requests in litigation,
annotations relative to the workspace and within GitHub's limits.

The base request is received Monday 2026-11-02 under the federal statute: 20 working days, with
Veterans Day (Wed 11-11) and Thanksgiving (Thu 11-26) not counted, make it due Wed 2026-12-02.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _cli_helpers import run

from foiaclock import Request, Status, compute
from foiaclock.cli.github import ANNOTATION_CAPS

BASE = 'agency = "A"\njurisdiction = "us"\nreceived = 2026-11-02\n'


def request(rid: str, extra: str = "") -> str:
    return f'[[request]]\nid = "{rid}"\n{BASE}{extra}\n'


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


# ---- litigation ---------------------------------------------------------------------------

LITIGATION = [
    # (extra TOML, as-of, status, working days left, check's exit code, reason)
    ("", "2026-12-15", Status.OVERDUE, -9, 1, "no suit: 12-03..12-15 is 9 working days late"),
    (
        "litigation = 2026-12-10\n",
        "2026-12-15",
        Status.IN_LITIGATION,
        -6,
        0,
        "sued Thu 12-10: the clock stops there, 6 working days late (12-03, 04, 07, 08, 09, "
        "10), and check passes",
    ),
    (
        'litigation = 2026-12-10\ncase = "1:26-cv-04242"\n',
        "2026-12-09",
        Status.OVERDUE,
        -5,
        1,
        "a suit dated after the as-of day is not known yet: still overdue (12-03..12-09)",
    ),
    (
        "litigation = 2026-11-30\n",
        "2026-12-15",
        Status.IN_LITIGATION,
        2,
        0,
        "sued before the due date (a premature suit, but recorded): 12-01 and 12-02 were left",
    ),
    (
        "litigation = 2026-12-10\n[[request.reply]]\nby = 2026-12-01\nasked = 2026-11-20\n",
        "2026-12-15",
        Status.IN_LITIGATION,
        -6,
        0,
        "the requester's clocks stop too: a reply date passed does not fail the check",
    ),
]


@pytest.mark.parametrize(("extra", "as_of", "status", "left", "code", "reason"), LITIGATION)
def test_litigation(
    tmp_path: Path, extra: str, as_of: str, status: Status, left: int, code: int, reason: str
) -> None:
    f = write(tmp_path / "requests.toml", request("r", extra))
    r = run("status", f, "--as-of", as_of, "--format", "json")
    assert r.exit_code == 0, r.output
    import json

    (row,) = json.loads(r.stdout)["requests"]
    assert row["current_status"] == status.value, reason
    assert row["days_left"] == left, reason
    assert run("check", f, "--as-of", as_of).exit_code == code, reason


def test_litigation_stops_the_time_to_appeal() -> None:
    """An adverse answer on 11-20 opens the time to appeal; a suit closes it."""
    from datetime import date

    req = Request(
        received=date(2026, 11, 2),
        agency="A",
        jurisdiction="us",
        responded=date(2026, 11, 20),
        adverse=True,
        litigation=date(2027, 1, 15),
        case="1:27-cv-00001",
    )
    d = compute(req, date(2027, 2, 1))
    assert d.status is Status.IN_LITIGATION
    assert d.requester == ()  # the time to appeal no longer runs
    assert d.may_sue_from is None
    assert d.current_status is Status.IN_LITIGATION


def test_litigation_in_the_table_and_explain(tmp_path: Path) -> None:
    f = write(
        tmp_path / "requests.toml",
        request("r", 'litigation = 2026-12-10\ncase = "1:26-cv-04242"\n'),
    )
    r = run("status", f, "--as-of", "2026-12-15")
    assert "in litigation" in r.stdout
    assert "suit filed 2026-12-10 (1:26-cv-04242)" in r.stdout
    r = run("explain", f, "r", "--as-of", "2026-12-15")
    assert "Suit filed Thu 2026-12-10 (case 1:26-cv-04242)" in r.stdout


BAD_LITIGATION = [
    # (extra TOML, message fragment, reason)
    ('litigation = "soon"\n', "'litigation' must be a date", "not a date"),
    ("litigation = 2026-10-01\n", "the suit (2026-10-01) is dated before", "before receipt"),
    ("case = 5\n", "'case'", "a case number is text"),
]


@pytest.mark.parametrize(("extra", "fragment", "reason"), BAD_LITIGATION)
def test_bad_litigation_is_one_message(
    tmp_path: Path, extra: str, fragment: str, reason: str
) -> None:
    f = write(tmp_path / "requests.toml", request("r", extra))
    r = run("check", f, "--as-of", "2026-12-15")
    assert r.exit_code == 2, reason
    assert fragment in r.stderr, (reason, r.stderr)
    assert "Traceback" not in r.output


# ---- several files and globs ----------------------------------------------------------------


def test_several_files_and_globs(tmp_path: Path) -> None:
    late = write(tmp_path / "a" / "requests-late.toml", request("late"))
    write(tmp_path / "b" / "requests-fine.toml", request("fine", "responded = 2026-11-20\n"))
    # One overdue (as of 12-15) in two files named by a glob foiaclock expands itself.
    r = run("check", str(tmp_path / "*" / "requests-*.toml"), "--as-of", "2026-12-15")
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [
        f"{late}:1: late (A): overdue, due 2026-12-02 (9 working days late)"
    ]
    assert "2 requests: 1 overdue, 1 answered on time" in r.stderr
    # A recursive glob, and a plain path named twice: each file once.
    r = run("check", str(tmp_path / "**" / "*.toml"), late, "--as-of", "2026-12-15")
    assert "2 requests:" in r.stderr


def test_a_glob_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    r = run("check", str(tmp_path / "*.toml"), "--as-of", "2026-12-15")
    assert r.exit_code == 2
    assert "no file matches" in r.stderr


def test_a_broken_file_does_not_hide_the_others(tmp_path: Path) -> None:
    late = write(tmp_path / "requests-late.toml", request("late"))
    broken = write(tmp_path / "requests-broken.toml", '[[request]]\nid = "x"\n')
    r = run("check", late, broken, "--as-of", "2026-12-15")
    assert r.exit_code == 2  # bad input wins over findings
    assert "late (A): overdue" in r.stdout
    assert f"{broken}:1:1: error:" in r.stderr
    assert "check failed: 1 file could not be read" in r.stderr


def test_fail_on_never_reports_only(tmp_path: Path) -> None:
    f = write(tmp_path / "requests.toml", request("late"))
    r = run("check", f, "--as-of", "2026-12-15", "--fail-on", "never")
    assert r.exit_code == 0
    assert "check done (--fail-on never)" in r.stderr


# ---- annotations ----------------------------------------------------------------------------


def test_annotations_are_relative_to_the_workspace(tmp_path: Path) -> None:
    f = write(tmp_path / "foia" / "requests.toml", request("late"))
    env = {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(tmp_path)}
    r = run("check", f, "--as-of", "2026-12-15", env=env)
    assert "::error file=foia/requests.toml,line=1,title=FOIA request overdue::late (A)" in r.stdout


def test_annotations_stay_within_github_caps(tmp_path: Path) -> None:
    """40 overdue requests: GitHub would drop all but 10 errors silently, so foiaclock writes
    the 10 latest, then one notice for the 30 others."""
    # All received the same day; the odd ones have the 10-day extension (due 12-16), the even
    # ones not (due 12-02): as of 2027-01-15 the even ones are 10 working days later.
    text = "".join(request(f"r{i:02}", "extension = true\n" if i % 2 else "") for i in range(40))
    f = write(tmp_path / "requests.toml", text)
    r = run("check", f, "--as-of", "2027-01-15", env={"GITHUB_ACTIONS": "true"})
    assert r.exit_code == 1
    errors = [x for x in r.stdout.splitlines() if x.startswith("::error")]
    notices = [x for x in r.stdout.splitlines() if x.startswith("::notice")]
    assert len(errors) == ANNOTATION_CAPS["error"] == 10
    # Most urgent first: the 20 without an extension are later; the first 10 in file order.
    assert [e.split("::")[2].split(" ")[0] for e in errors] == [f"r{i:02}" for i in range(0, 20, 2)]
    assert len(notices) == 1
    assert "30 more in the job summary" in notices[0]
    # Every request is still printed as a line of the log.
    assert len([x for x in r.stdout.splitlines() if ": overdue, due" in x and "::" not in x]) == 40
